import { resourceCache } from './resource.ts';

/**
 * After an alert was created, changed, cancelled or decided here: the lists, the alert and its
 * history as cached show the old state, so the next visit reads them fresh instead.
 */
export function forgetAlert(id: string): void {
  resourceCache.forget('alerts:');
  resourceCache.forget(`alert:${id}`);
  resourceCache.forget(`alert-history:${id}`);
  resourceCache.forget('stats:');
}

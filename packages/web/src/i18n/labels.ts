import { ApiError } from '../api/client.ts';
import { isMessageKey } from './dictionary.ts';
import type { Translate } from './i18n.tsx';

/** A translated label for a server value (`category.arrest`), or the value itself when no text exists for it. */
export function label(t: Translate, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

/** What to tell a person about a failed request: the server's own detail, or that it could not be reached. */
export function failure(t: Translate, e: unknown): string {
  return e instanceof ApiError && e.status !== 0 ? e.message : t('common.networkError');
}

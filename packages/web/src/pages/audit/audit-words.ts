import { currentAuditAction, parseCredential } from '@crosscheck/core/constants';
import { isMessageKey } from '../../i18n/dictionary.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { label } from '../../i18n/labels.ts';

/**
 * The audit trail's codes in words: actions, outcomes, roles, who acted and what was acted on.
 * The words are in messages/audit*.ts; audit-words.test.ts holds every action of the core to a
 * text in each language.
 */

/** An action in words (entries written under an older name read as the current one); null for an action this version has no words for. */
export function actionText(t: Translate, action: string): string | null {
  const key = `audit.act.${currentAuditAction(action)}`;
  return isMessageKey(key) ? t(key) : null;
}

export type OutcomeKind = 'ok' | 'not-found' | 'forbidden' | 'unauthenticated' | 'invalid' | 'conflict' | 'limited' | 'too-large' | 'other';

/**
 * What an outcome says: `ok`, or the refusal's error code (core errors/domain-error.ts), read by
 * its family: `<what>.not-found`, `access.*` and the other forbidden codes, `auth.*`, validation
 * codes, rate limits, sizes; any other refusal is "refused", its code shown beside.
 */
export function outcomeKind(outcome: string): OutcomeKind {
  if (outcome === 'ok') return 'ok';
  if (outcome.endsWith('.not-found')) return 'not-found';
  if (outcome.startsWith('access.') || ['credential.second-person-required', 'hit.outcome-not-yours', 'hit.answers-not-yours', 'member.suspended'].includes(outcome)) return 'forbidden';
  if (outcome.startsWith('rate.') || outcome === 'auth.locked-out' || outcome === 'auth.login-backoff') return 'limited';
  if (outcome.startsWith('auth.')) return 'unauthenticated';
  if (outcome.endsWith('too-large') || outcome.includes('too-many')) return 'too-large';
  if (outcome.startsWith('validation.') || outcome.startsWith('request.') || outcome.endsWith('.invalid') || outcome.endsWith('invalid-input') || outcome.endsWith('.unknown')) return 'invalid';
  if (['alert.not-active', 'alert.version', 'review.not-pending', 'key.not-pending', 'user.not-pending', 'webhook.disabled', 'replica.read-only', 'replica.ahead'].includes(outcome)) return 'conflict';
  return 'other';
}

export function outcomeText(t: Translate, outcome: string): string {
  return t(`audit.outcome.${outcomeKind(outcome)}`);
}

/** The acting role in words; entries of the server's own work and of unknown callers have `system` or none. */
export function roleText(t: Translate, role: string): string {
  if (role === '') return t('audit.role.none');
  if (role === 'system') return t('audit.role.system');
  return label(t, 'role', role);
}

/**
 * Who acted, in words: a user by name, a key by label, the server, the command line, or a refused
 * caller described by what it tried. A user or key whose name the reader may not learn (the
 * server gives no name for another member's people) is told by its member, when it is known.
 */
export function actorText(t: Translate, credential: string, actorName: string | null, member: string | null = null): string {
  const c = parseCredential(credential);
  if (c?.kind === 'system') return t('audit.actorSystem');
  if (c?.kind === 'cli') return t('audit.actorCli', { name: c.osUser });
  if (c?.kind === 'key') return actorName !== null ? t('audit.actorKey', { name: actorName }) : member !== null ? t('audit.actorKeyOf', { member }) : t('audit.actorKeyUnlabelled');
  if (c?.kind === 'user') return actorName ?? (member !== null ? t('audit.actorUserOf', { member }) : t('audit.actorUnknown'));
  const colon = credential.indexOf(':');
  const caller = colon > 0 ? credential.slice(0, colon) : credential;
  if (caller === 'username') return t('audit.caller.username', { name: credential.slice(colon + 1) });
  if (caller === 'key-prefix' || caller === 'session' || caller === 'malformed-header') return t(`audit.caller.${caller}`);
  return t('audit.actorUnknown');
}

/** A target's kind (`alert` of `alert:<id>`, or the whole target `audit`) in words, and the rest of it (the id), if any. */
export function targetParts(t: Translate, target: string): { kind: string; id: string | null } {
  const colon = target.indexOf(':');
  const kind = colon > 0 ? target.slice(0, colon) : target;
  const key = `audit.targetKind.${kind}`;
  return { kind: isMessageKey(key) ? t(key) : t('audit.targetKind.other'), id: colon > 0 ? target.slice(colon + 1) : isMessageKey(key) ? null : target };
}

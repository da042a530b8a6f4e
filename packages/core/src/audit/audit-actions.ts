/**
 * Every action the audit trail records, named `<resource>.<verb>`: the resource in the singular
 * (`alert`, `hit`, `key`…), the verb what was done or attempted. An entry's outcome says whether
 * it was done (`ok`) or refused (the error code), so refusals use the same action.
 *
 * Zod-free and I/O-free: the web app's audit filter offers this list (`@crosscheck/core/constants`).
 */
export const AUDIT_ACTIONS = [
  'alert.create', 'alert.import', 'alert.read', 'alert.update', 'alert.cancel', 'alert.list', 'alert.history', 'alert.export',
  'alert.flag', 'alert.unflag', 'alert.extend', 'alert.list-expiring', 'alert.warn-expiring', 'alert.expire', 'alert.purge',
  'attachment.read',
  'audit.list', 'audit.verify', 'audit.checkpoint', 'audit.read-checkpoint', 'audit.prove',
  'change.list',
  // A carrier's check of its passengers' travel documents: one entry per request, with its counts.
  'carrier.check-documents',
  'finding.record', 'finding.list', 'finding.read', 'finding.reveal', 'finding.update', 'finding.export',
  'taxii.discover', 'taxii.list-collections', 'taxii.read-collection', 'taxii.list-objects',
  'event.stream',
  'hit.read', 'hit.list', 'hit.send-form', 'hit.record-outcome', 'hit.remind-overdue', 'hit.answer-inquiry',
  // A hit found after the fact: a new alert screened against a past screening (by the system).
  'hit.find-retroactive',
  'key.check', 'key.create', 'key.list', 'key.revoke', 'key.approve',
  'link.create', 'link.decide', 'link.list', 'link.read-graph',
  'member.list', 'member.add', 'member.suspend', 'member.reinstate', 'member.seed',
  'message.send', 'message.read', 'message.list',
  'photo.add', 'photo.read', 'photo.delete', 'photo.list',
  'replica.sync', 'replica.read-key', 'replica.read-status', 'replica.forward', 'replica.forward-entry',
  'review.list', 'review.decide',
  'screening.run', 'screening.run-batch', 'screening.run-flight',
  'session.login', 'session.logout', 'session.check', 'session.read', 'session.set-language',
  // Logins on a user name or from an address stopped for a while after too many failures; written once, when it starts.
  'session.lockout',
  'stats.read',
  'user.add', 'user.list', 'user.disable', 'user.approve', 'user.unlock',
  'webhook.create', 'webhook.list', 'webhook.disable', 'webhook.test', 'webhook.list-deliveries',
  // A request to an address that is no route: recorded when it came with valid credentials.
  'route.unknown',
  // Refused requests from one address in one minute after its first (which has its own entry), as one entry with their count.
  'refusal.summarise',
  // Cleared travellers (a not-same-person outcome remembered; made by hit.record-outcome)
  'clearance.list', 'clearance.read', 'clearance.revoke', 'clearance.object',
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * What was done to a credential (its target `key:<id>` or `user:<id>`): a member's auditors see
 * these for their member's credentials whoever did them, the operator's administrators included.
 */
export const CREDENTIAL_AUDIT_ACTIONS = ['key.create', 'key.revoke', 'key.approve', 'user.add', 'user.disable', 'user.approve', 'user.unlock'] as const satisfies readonly AuditAction[];

const ACTION_SET: ReadonlySet<string> = new Set(AUDIT_ACTIONS);

export function isAuditAction(value: string): value is AuditAction {
  return ACTION_SET.has(value);
}

/**
 * Names written by earlier versions, before the scheme above. Stored entries keep them (their
 * hashes cover them); a filter on the current name finds them too (`storedNamesOf`).
 */
export const LEGACY_AUDIT_ACTIONS: Readonly<Record<string, AuditAction>> = {
  'auth.key': 'key.check',
  'auth.session': 'session.check',
  'auth.login': 'session.login',
  'auth.logout': 'session.logout',
  'changes.read': 'change.list',
  'events.stream': 'event.stream',
  'hits.read': 'hit.read',
  'hits.list': 'hit.list',
  'hit.form': 'hit.send-form',
  'hit.outcome': 'hit.record-outcome',
  'hit.reply-overdue': 'hit.remind-overdue',
  'keys.create': 'key.create',
  'keys.list': 'key.list',
  'keys.revoke': 'key.revoke',
  'link.graph': 'link.read-graph',
  'members.list': 'member.list',
  'members.add': 'member.add',
  'members.suspend': 'member.suspend',
  'members.reinstate': 'member.reinstate',
  'members.seed': 'member.seed',
  'message.attachment': 'attachment.read',
  'messages.list': 'message.list',
  'replica.entry': 'replica.forward-entry',
  'screening.batch': 'screening.run-batch',
  'screening.flight': 'screening.run-flight',
  'session.language': 'session.set-language',
  'users.add': 'user.add',
  'users.list': 'user.list',
  'users.disable': 'user.disable',
  'webhooks.create': 'webhook.create',
  'webhooks.list': 'webhook.list',
  'webhooks.disable': 'webhook.disable',
  'webhooks.test': 'webhook.test',
  'webhooks.deliveries': 'webhook.list-deliveries',
};

/** The current name of a stored action (itself when it is current or unknown). */
export function currentAuditAction(stored: string): string {
  return LEGACY_AUDIT_ACTIONS[stored] ?? stored;
}

/** Every name under which entries of `action` may be stored: the name given, its current name and their legacy names. */
export function storedNamesOf(action: string): string[] {
  const current = currentAuditAction(action);
  return [...new Set([action, current, ...Object.keys(LEGACY_AUDIT_ACTIONS).filter((old) => LEGACY_AUDIT_ACTIONS[old] === current)])];
}

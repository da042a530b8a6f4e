import { DomainError } from '../errors/domain-error.js';
import type { Permission, Role } from './roles.js';

/**
 * Each permission as the action a person would name, for refusals: "your role (frontline) may not
 * create alerts". Typed over every permission, so a new one cannot be refused in code words.
 */
export const PERMISSION_WORDS = {
  'alert.create': 'create alerts',
  'alert.update': 'change alerts',
  'alert.cancel': 'cancel alerts',
  'alert.read': 'read alerts',
  'alert.history': 'read the history of alerts',
  'alert.export': 'export alerts',
  'changes.read': 'follow the changes to alerts',
  'members.read': 'read the list of members',
  'members.manage': 'manage members',
  'credentials.manage': 'manage users and keys',
  'audit.read': 'read the audit trail',
  'screening.run': 'screen travellers',
  'hits.read': 'read hits',
  'hits.outcome': 'record the outcome of hits',
  'forms.write': 'send forms about hits',
  'events.read': 'follow the bureau’s live events',
  'webhooks.manage': 'manage webhooks',
  'messages.send': 'send messages to other bureaus',
  'messages.read': 'read messages from other bureaus',
  'review.read': 'read the review queue',
  'review.decide': 'decide on reviews',
  'alert.flag': 'flag alerts of other members',
  'alert.extend': 'extend alerts',
  'links.read': 'read identity links',
  'links.decide': 'decide on identity links',
  'stats.read': 'read the dashboard’s figures',
  'replica.sync': 'synchronise a national copy',
  'replica.forward': 'forward a national copy’s hits and audit entries',
  'chain.read': 'read blockchain findings',
  'chain.reveal': 'reveal the content of blockchain findings',
  'chain.manage': 'decide on blockchain findings',
  'chain.scan': 'record blockchain scans',
  'carrier.check': 'check travel documents for a carrier',
} as const satisfies Record<Permission, string>;

/** The sentence of a refusal by role, naming the role and the action in words. */
export const roleRefusal = (role: Role, permission: Permission): string => `your role (${role}) may not ${PERMISSION_WORDS[permission]}`;

/** A 403 because of the role: it names the role and the permission, so a client can word it itself. */
export class RoleRefusal extends DomainError {
  constructor(
    readonly role: Role,
    readonly permission: Permission,
  ) {
    super('forbidden', 'access.forbidden', roleRefusal(role, permission));
    this.name = 'RoleRefusal';
  }
}

/**
 * Every code a refusal or failure of crosscheck carries (`code` of the API's problem+json, the
 * last part of its `type`). DomainError takes only these, so this list is the one place a new
 * code is declared, and the web app's problem.* texts are checked against it (a code without
 * text in one of the four languages fails a test).
 */
export const NOT_FOUND_SUBJECTS = ['alert', 'attachment', 'audit entry', 'checkpoint', 'finding', 'flag', 'hit', 'image', 'key', 'link', 'member', 'message', 'notice', 'photo', 'resource', 'user', 'webhook', 'clearance'] as const;
export type NotFoundSubject = (typeof NOT_FOUND_SUBJECTS)[number];

const OTHER_CODES = [
  // Any request
  'validation.invalid',
  'auth.required',
  'auth.locked-out',
  'auth.login-backoff',
  'auth.source-locked-out',
  'auth.source-login-backoff',
  'access.forbidden',
  'rate.limited',
  'session.not-a-user',
  'request.invalid',
  'request.too-large',
  'request.unsupported-media-type',
  'request.empty-body',
  'request.invalid-json',
  'request.invalid-length',
  'request.nul-character',
  'request.too-deep',
  'request.repeated-parameter',
  'request.cross-origin',
  'request.origin-missing',
  'request.timeout',
  'request.headers-too-large',
  'request.malformed',
  'storage.full',
  'storage.unavailable',
  'internal',
  // Alerts and their parts
  'alert.not-active',
  'alert.version',
  'document.not-issuer',
  'review.not-pending',
  'review-date.not-future',
  'review-date.too-late',
  'photo.empty',
  'photo.limit',
  'photo.person-only',
  'photo.too-large',
  'photo.unsupported-type',
  'un-list.empty',
  // Screening
  'mrz.invalid-input',
  'mrz.unreadable',
  'batch.invalid',
  'screening.setting-out-of-bounds',
  'batch.too-large',
  'flight.invalid',
  'flight.too-large',
  'paxlst.too-large',
  'paxlst.too-many-travellers',
  'paxlst.not-edifact',
  'paxlst.no-message',
  'paxlst.not-paxlst',
  // Blockchain findings and their sharing
  'finding.content-not-kept',
  'finding.not-owner',
  'finding.import-too-large',
  'finding.export-too-large',
  'taxii.not-acceptable',
  // Cooperation
  'hit.no-other-side',
  'hit.outcome-not-yours',
  // SIS recast: an inquiry check's answers (POST /hits/{id}/answers)
  'hit.answers-not-yours',
  'hit.not-inquiry-check',
  'message.attachment-too-large',
  'message.unknown-recipient',
  'events.too-many-streams',
  'webhook.disabled',
  'webhook.private-address',
  'webhook.too-many',
  // Members, users and keys
  'member.exists',
  'member.operator',
  'member.suspended',
  'member.unknown',
  'user.exists',
  'user.name-of-another-member',
  'user.name-outside-member',
  'user.not-pending',
  'key.not-pending',
  'credential.second-person-required',
  // Audit and national copies
  'audit.chain-broken',
  'audit.key-missing',
  'audit.no-key',
  'audit.not-checkpointed',
  'audit.proof-unavailable',
  'replica.ahead',
  'replica.item-reused',
  'replica.read-only',
  'replica.too-many-hits',
  'replica.too-many-screenings',
  // Cleared travellers
  'clearance.not-yours',
  'clearance.not-owner',
  'clearance.ended',
] as const;

type NotFoundCode = `${NotFoundSubject}.not-found`;

export const PROBLEM_CODES: readonly (NotFoundCode | (typeof OTHER_CODES)[number])[] = [...NOT_FOUND_SUBJECTS.map((s): NotFoundCode => `${s}.not-found`), ...OTHER_CODES];

export type ProblemCode = NotFoundCode | (typeof OTHER_CODES)[number];

export const isProblemCode = (code: string): code is ProblemCode => (PROBLEM_CODES as readonly string[]).includes(code);

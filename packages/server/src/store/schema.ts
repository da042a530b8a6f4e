import type { Generated } from 'kysely';


/**
 * The tables, typed for Kysely. Timestamps are ISO-8601 UTC strings and booleans are 0/1 on
 * both engines, so one code path serves SQLite and PostgreSQL without per-engine conversions.
 */
export interface MembersTable {
  code: string;
  name: string;
  kind: string;
  status: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  member: string;
  role: string;
  password_hash: string;
  disabled: number;
  created_at: string;
  /** The web application's language chosen by the user (migration 0007); null until chosen. */
  language: string | null;
  /** 1 while the credential waits for a second administrator's approval: it cannot be used (migration 0014). */
  pending_approval: number;
  /** The administrator's credential that asked for it, when it needed an approval. */
  requested_by: string | null;
  /** The administrator's credential that approved it. */
  approved_by: string | null;
}

export interface ApiKeysTable {
  id: string;
  /** Public part of the key, used to find the row; the secret is only stored as a hash. */
  prefix: string;
  secret_hash: string;
  member: string;
  role: string;
  label: string | null;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
  /** 1 while the credential waits for a second administrator's approval: it cannot be used (migration 0014). */
  pending_approval: number;
  /** The administrator's credential that asked for it, when it needed an approval. */
  requested_by: string | null;
  /** The administrator's credential that approved it. */
  approved_by: string | null;
}

export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface AlertsTable {
  id: string;
  owner: string;
  kind: string;
  category: string | null;
  status: string;
  version: number;
  visibility_mode: string;
  /** JSON array of member codes, e.g. `["DEU","ITA"]`. */
  visibility_members: string;
  /** JSON of the alert body (AlertInput). */
  body: string;
  search_text: string;
  expires_at: string | null;
  status_reason: string | null;
  source_ref: string | null;
  /** YYYY-MM-DD: when the owner must review the alert again or let it expire (retention). */
  review_date: string | null;
  /** The review date the owner was last warned about (retention); null after an extension. */
  review_warned_for: string | null;
  /** When the personal data of this expired alert was replaced by a tombstone. */
  purged_at: string | null;
  /** red or yellow when the owner publishes the alert as a public notice (migration 0008). */
  public_notice: string | null;
  /** 1 when the owner hid the alert from every frontline user (migration 0011). */
  hidden_from_frontline: number;
  created_at: string;
  updated_at: string;
}

export interface AlertVersionsTable {
  alert_id: string;
  version: number;
  action: string;
  status: string;
  body: string;
  status_reason: string | null;
  changed_at: string;
  changed_by: string;
}

export interface ChangesTable {
  seq: number;
  alert_id: string;
  version: number;
  action: string;
  owner: string;
  vis_mode: string;
  vis_members: string;
  prev_vis_mode: string | null;
  prev_vis_members: string | null;
  at: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  member: string;
  role: string;
  credential: string;
  action: string;
  target: string;
  request_id: string;
  outcome: string;
  detail: string;
  prev_hash: string;
  hash: string;
}

/** A signed checkpoint of the audit trail (migration 0013): what a checkpoint says, and the key that signed it. */
export interface AuditCheckpointsTable {
  size: number;
  head_hash: string;
  root: string;
  at: string;
  key_id: string;
  /** SPKI PEM of the signing key. */
  public_key: string;
  signature: string;
}

/** Named counters (`audit`, `changes`), each row also serving as the lock that serialises writers. */
export interface CountersTable {
  name: string;
  value: number;
  hash: string;
}

export interface ScreeningsTable {
  id: string;
  at: string;
  member: string;
  credential: string;
  /** The query as received (JSON), for the audit trail and the hit's context. */
  query: string;
  hit_count: number;
  /** Where it was made, as JSON (`ScreeningPlace`: a flight's designator and airports); null when the request said nothing of it (migration 0020). */
  place: string | null;
  /** Null for a screening; `carrier-check` for a carrier's check of a document (migration 0017, core HIT_ORIGINS). */
  origin: string | null;
}

export interface HitsTable {
  id: string;
  screening_id: string;
  alert_id: string;
  alert_version: number;
  owner: string;
  screening_member: string;
  credential: string;
  score: number;
  /** JSON array of readable reasons. */
  reasons: string;
  created_at: string;
  /** confirmed | not-same-person | action-taken | action-not-possible, recorded by the screening side. */
  outcome: string | null;
  outcome_note: string | null;
  outcome_at: string | null;
  outcome_by: string | null;
  /**
   * Null when the reasons are the centre's own. A national copy's forwarded hit that the centre
   * could not find again with its own matcher keeps the copy's score and reasons, marked here with
   * the copy (`replica:<instance>`) that claimed them (migration 0014).
   */
  reasons_claimed_by: string | null;
  /** 1 for a hit found after the fact: a new alert screened against past screenings (migration 0020, app/retroactive/). */
  retroactive: Generated<number>;
  /** A retroactive hit's original screening: its time, and its place as JSON (`ScreeningPlace`). */
  screened_at: string | null;
  screening_place: string | null;
  /** As its screening's: null, or `carrier-check` (migration 0017). */
  origin: string | null;
}

/** One event on a member's stream (`GET /api/v1/events`); `data` is JSON. */
export interface EventsTable {
  seq: number;
  member: string;
  type: string;
  data: string;
  at: string;
}

export interface WebhooksTable {
  id: string;
  member: string;
  url: string;
  /** In clear: the HMAC needs it. Shown once when created. */
  secret: string;
  created_at: string;
  disabled_at: string | null;
}

export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  member: string;
  /** The event delivered; null for a test delivery. */
  event_seq: number | null;
  type: string;
  body: string;
  /** pending | delivered | failed */
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
}

export interface HitFormsTable {
  id: string;
  hit_id: string;
  /** G (hit report), H (requested action not possible), M (other). */
  form: string;
  from_member: string;
  to_member: string;
  /** H0–H3 */
  handling_code: string;
  /** A, B, C or X */
  source_grade: string | null;
  /** 1–4 */
  info_grade: string | null;
  /** JSON of the form's fields. */
  body: string;
  created_by: string;
  created_at: string;
  /** When the other bureau's reply is due; null once answered or when no reply is expected. */
  reply_due_at: string | null;
  /** When both bureaus were told that the reply is overdue. */
  reminded_at: string | null;
}

export interface MessagesTable {
  id: string;
  from_member: string;
  subject: string;
  body: string;
  handling_code: string;
  created_by: string;
  created_at: string;
}

export interface MessageRecipientsTable {
  message_id: string;
  member: string;
  read_at: string | null;
  read_by: string | null;
}

export interface MessageAttachmentsTable {
  id: string;
  message_id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  /** Base64, or null when stored in the configured attachments folder under its sha256. */
  data: string | null;
}

export interface AlertReviewsTable {
  id: string;
  alert_id: string;
  /** approved | rejected */
  decision: string;
  reason: string;
  /** JSON array of the pre-check flags shown to the reviewer. */
  flags: string;
  reviewer_member: string;
  reviewer: string;
  at: string;
}

export interface AlertFlagsTable {
  alert_id: string;
  /** The member on whose territory action is not to be taken. */
  member: string;
  reason: string;
  created_by: string;
  created_at: string;
}

export interface IdentityLinksTable {
  id: string;
  alert_a: string;
  alert_b: string;
  /** document | name-birth-date */
  basis: string;
  detail: string;
  /** yellow (to resolve) | white (same person) | green (different people) | red (false or stolen identity) */
  color: string;
  reason: string | null;
  decided_by: string | null;
  decided_member: string | null;
  decided_at: string | null;
  created_at: string;
}

/** A photo of a person alert; the bytes are a blob (SQLite) or bytea (PostgreSQL), read as a Buffer. */
export interface AlertPhotosTable {
  id: string;
  alert_id: string;
  /** Sniffed from the bytes: image/jpeg, image/png or image/webp. */
  content_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: string;
  created_by: string;
}

/** The key that signs national copies' batches (migration 0009); generated once by the centre. */
export interface ReplicaSigningKeysTable {
  id: string;
  /** SPKI PEM. */
  public_key: string;
  /** PKCS#8 PEM. */
  private_key: string;
  created_at: string;
}

/** One item a replica forwarded (a hit-bearing screening and/or an audit entry), stored once. */
export interface ReplicaReceivedTable {
  /** The replica's credential on the centre (`key:<id>`). */
  replica: string;
  /** `<replica instance>:<local audit seq>`. */
  item_id: string;
  received_at: string;
  /** The centre's audit entry that recorded it. */
  audit_seq: number;
  /** The copy's hash of that entry (migration 0010; null for items received before it). */
  entry_hash: string | null;
}

/** A replica node's own position (one row, `sync`). */
export interface ReplicaStateTable {
  name: string;
  /** Random id of this copy, so two copies under one key never share item ids. */
  instance: string;
  centre_url: string;
  /** The centre's public key (SPKI PEM), pinned at first contact. */
  central_key: string | null;
  central_key_id: string | null;
  /** The member this copy belongs to, pinned by the first batch. */
  member: string | null;
  /** The highest centre change seq applied (the last batch's `to`). */
  applied_to: number;
  centre_head: number;
  last_contact_at: string | null;
  /** Local audit entries up to this seq were acknowledged by the centre. */
  forwarded_audit_seq: number;
  /** The mark of the centre's change at `applied_to` (migration 0010; null until the next batch). */
  applied_mark: string | null;
  /** Why sync stopped for good (migration 0010): kept across restarts until the copy is rebuilt. */
  stopped: string | null;
}

/** Failed logins in a row per user name typed (migration 0012); a row is gone after a success. */
export interface LoginThrottleTable {
  username: string;
  failures: number;
  last_failure_at: string;
  /** While in the future, logins on this name are refused without checking the password. */
  locked_until: string | null;
}

export interface DB {
  members: MembersTable;
  users: UsersTable;
  api_keys: ApiKeysTable;
  sessions: SessionsTable;
  alerts: AlertsTable;
  alert_versions: AlertVersionsTable;
  changes: ChangesTable;
  audit_log: AuditLogTable;
  counters: CountersTable;
  audit_checkpoints: AuditCheckpointsTable;
  screenings: ScreeningsTable;
  hits: HitsTable;
  events: EventsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  hit_forms: HitFormsTable;
  messages: MessagesTable;
  message_recipients: MessageRecipientsTable;
  message_attachments: MessageAttachmentsTable;
  alert_reviews: AlertReviewsTable;
  alert_flags: AlertFlagsTable;
  identity_links: IdentityLinksTable;
  alert_photos: AlertPhotosTable;
  replica_signing_keys: ReplicaSigningKeysTable;
  replica_received: ReplicaReceivedTable;
  replica_state: ReplicaStateTable;
  login_throttle: LoginThrottleTable;
  chain_findings: ChainFindingsTable;
  chain_finding_locations: ChainFindingLocationsTable;
  chain_finding_contents: ChainFindingContentsTable;
  clearances: ClearancesTable;
  clearance_keys: ClearanceKeysTable;
  clearance_matches: ClearanceMatchesTable;
  asset_persons: AssetPersonsTable;
}

/** A blockchain finding (migration 0015): one per owner and payload SHA-256. JSON columns are text. */
export interface ChainFindingsTable {
  id: string;
  owner: string;
  method: string;
  size: number;
  sha256: string;
  md5: string;
  media_type: string | null;
  declared_type: string | null;
  decoded_media_type: string | null;
  decoded_sha256: string | null;
  decoded_md5: string | null;
  decoded: string | null;
  text_info: string | null;
  search_text: string;
  matches: string;
  matched: number;
  fields: string;
  notes: string;
  status: string;
  visibility_mode: string;
  visibility_members: string;
  content_kept: number;
  first_seen_at: string;
  changed_at: string;
  version: number;
  created_by: string;
}

export interface ChainFindingLocationsTable {
  finding_id: string;
  position: number;
  txid: string;
  height: number | null;
  block_hash: string | null;
  place: string;
}

export interface ChainFindingContentsTable {
  finding_id: string;
  data: Buffer;
}

/** A cleared traveller (migration 0019): a not-same-person outcome remembered for a traveller and an alert version. */
export interface ClearancesTable {
  id: string;
  alert_id: string;
  alert_version: number;
  owner: string;
  member: string;
  credential: string;
  hit_id: string;
  created_at: string;
  end_reason: string | null;
  ended_at: string | null;
  ended_by: string | null;
  end_note: string | null;
}

/** A clearance's traveller identities, as keyed hashes bound to the alert (core clearanceKey). */
export interface ClearanceKeysTable {
  alert_id: string;
  traveller_key: string;
  clearance_id: string;
}

/** A hit recorded while a clearance held: its owner was not told. */
export interface ClearanceMatchesTable {
  hit_id: string;
  clearance_id: string;
}

/** An asset alert and a person alert its body names in `persons` (migration 0016). */
export interface AssetPersonsTable {
  asset_alert_id: string;
  person_alert_id: string;
}

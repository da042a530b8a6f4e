

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
  screenings: ScreeningsTable;
  hits: HitsTable;
}


import type { Category, DocumentStatus, DocumentType, NameType, WarningFlag } from './draft.ts';

// The core's lists (alert-schemas.ts), restated as plain values so the form can render before the
// validation module (and zod with it) is loaded; `satisfies` keeps them to values the core knows.
export const CATEGORIES = ['arrest', 'missing', 'locate', 'warning', 'unidentified-body', 'threat', 'modus-operandi', 'un-sanctions', 'discreet-check', 'terrorist-fighter'] as const satisfies readonly Category[];
export const REVIEWED = ['arrest', 'locate', 'warning', 'threat', 'terrorist-fighter'] as const satisfies readonly Category[];
export const WARNINGS = ['armed', 'violent', 'escape-risk', 'suicide-risk', 'public-health-risk', 'terrorism'] as const satisfies readonly WarningFlag[];
export const DOCUMENT_TYPES = ['passport', 'identity-card', 'visa', 'residence-permit', 'other'] as const satisfies readonly DocumentType[];
export const DOCUMENT_STATUSES = ['stolen-blank', 'stolen-issued', 'lost', 'revoked'] as const satisfies readonly DocumentStatus[];
export const NAME_TYPES = ['primary', 'alias', 'birth', 'former'] as const satisfies readonly NameType[];
export const SEXES = ['M', 'F', 'X', 'U'] as const;

/** The five machine-readable zone layouts of ICAO Doc 9303. */
export type MrzFormat = 'TD1' | 'TD2' | 'TD3' | 'MRVA' | 'MRVB';

export type MrzSex = 'M' | 'F' | 'X';

export interface MrzFields {
  documentCode: string;
  issuingState: string;
  documentNumber: string;
  /** Primary identifier, `<` fillers read as spaces. */
  surname: string;
  /** Secondary identifier, `<` fillers read as spaces; '' when the name has no `<<`. */
  givenNames: string;
  nationality: string;
  /** YYYY-MM-DD, or YYYY / YYYY-MM when the zone marks day or month unknown; null when unreadable. */
  birthDate: string | null;
  sex: MrzSex | null;
  /** YYYY-MM-DD; null when unreadable or absent. */
  expiryDate: string | null;
  /** Optional data (TD1 line 1, TD2, MRV) or personal number (TD3), fillers read as spaces. */
  optionalData: string;
  /** TD1 only: the optional data of line 2. */
  optionalData2?: string;
}

/** A finding about the zone: `code` is stable, `message` is for people. */
export interface MrzIssue {
  code: string;
  message: string;
  field?: string;
}

/**
 * A likely OCR misreading and the reading that would fix it. Never applied by the parser:
 * the officer (or `applyMrzSuggestions`) decides.
 */
export interface MrzSuggestion {
  field: string;
  from: string;
  to: string;
  reason: string;
  /** Where `from` starts: index of the line and of the character in it (0-based). */
  line: number;
  column: number;
}

export interface MrzParseResult {
  format: MrzFormat | null;
  /** Shape right, every character allowed, every check digit right, dates real. */
  valid: boolean;
  fields: MrzFields | null;
  /** One entry per check digit of the format: documentNumber, birthDate, expiryDate, personalNumber, composite. */
  checks: Record<string, boolean>;
  warnings: MrzIssue[];
  errors: MrzIssue[];
  suggestions: MrzSuggestion[];
  /** The lines as read, after trimming, upper-casing and removing inner spaces. */
  lines: string[];
}

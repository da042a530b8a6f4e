/**
 * Characters allowed by the syntax level that UNB declares (ISO 9735). Levels A, B and C are
 * checked character by character; the other levels (ISO 8859 parts, ISO 10646) accept every
 * graphic character, since the text is already decoded. Control characters are never data:
 * they are dropped from values (a tab becomes a space), like U+FFFD left by undecodable bytes.
 */

// Level A: upper-case letters, digits, space and . , - ( ) / = ' + : ? ! " % & * ; < >
const LEVEL_A = ` ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,-()/='+:?!"%&*;<>`;

export type CharAction = 'keep' | 'flag' | 'drop';

export interface SyntaxLevel {
  /** The syntax identifier as declared (`UNOA`), or null when none could be read. */
  identifier: string | null;
  /** Per code below 256: 0 allowed, 1 outside the level (kept), 2 never data (dropped). */
  table: Uint8Array;
  /** What to do with code points of 256 and above: 0 allowed, 1 outside the level. */
  wide: 0 | 1;
}

function table(allowed: (c: number) => boolean): Uint8Array {
  const t = new Uint8Array(256);
  for (let c = 0; c < 256; c++) {
    if (c < 32 || (c >= 0x7f && c <= 0x9f)) t[c] = 2;
    else t[c] = allowed(c) ? 0 : 1;
  }
  return t;
}

const TABLES = {
  A: table((c) => LEVEL_A.includes(String.fromCharCode(c))),
  B: table((c) => c < 0x7f),
  C: table(() => true),
};

/** The level for a UNB syntax identifier; null (no check beyond control characters) when unknown. */
export function syntaxLevel(identifier: string | null): SyntaxLevel {
  if (identifier === 'UNOA') return { identifier, table: TABLES.A, wide: 1 };
  if (identifier === 'UNOB') return { identifier, table: TABLES.B, wide: 1 };
  if (identifier === 'UNOC') return { identifier, table: TABLES.C, wide: 1 };
  return { identifier, table: TABLES.C, wide: 0 };
}

/** A readable name for a character that is outside the level, grouping the common case. */
export function charClass(c: number, level: SyntaxLevel): string {
  if (c === 0xfffd) return 'undecodable bytes (U+FFFD)';
  if (c < 32 || (c >= 0x7f && c <= 0x9f)) return 'control characters';
  if (level.identifier === 'UNOA' && c >= 97 && c <= 122) return 'lower-case letters';
  return `"${String.fromCharCode(c)}" (U+${c.toString(16).toUpperCase().padStart(4, '0')})`;
}

import { checkDigitMatches, computeCheckDigit } from './check-digit.js';
import { layoutFor, read, type Layout, type Span } from './layouts.js';
import { isBefore, isLaterThanYearsAhead, readBirthDate, readExpiryDate, todayOf, type Today } from './mrz-dates.js';
import { oneSwapReadings, readAsDigits, readAsLetters } from './ocr-confusions.js';
import { readMrzLines } from './read-lines.js';
import { isKnownStateCode } from './state-codes.js';
import type { MrzFields, MrzFormat, MrzIssue, MrzParseResult, MrzSex, MrzSuggestion } from './types.js';

/**
 * The longest a document of each layout is issued for, with some slack: passports and visas run
 * ten years (some states add the months left on the previous passport), identity and residence
 * cards up to fifteen. An expiry further ahead means an issue date after today.
 */
const LONGEST_VALIDITY_YEARS: Record<MrzFormat, number> = { TD3: 11, MRVA: 11, MRVB: 11, TD1: 16, TD2: 16 };

export interface ParseMrzOptions {
  /** The reference date for two-digit years and expiry; defaults to now. */
  today?: Date | string;
}

/**
 * Reads a machine-readable zone (TD1, TD2, TD3, MRV-A, MRV-B): fields, every check digit,
 * warnings (unknown state code, partial birth date, expired, not yet valid, possibly truncated name), errors,
 * and suggested corrections for likely OCR misreadings, which are never applied. Never throws.
 */
export function parseMrz(input: unknown, options: ParseMrzOptions = {}): MrzParseResult {
  try {
    return parse(input, todayOf(options.today));
  } catch (error) {
    // A safety net: the fuzz tests check that this is never reached.
    const message = error instanceof Error ? error.message : String(error);
    return failure([], [], [{ code: 'mrz.internal', message: `could not read the zone: ${message}` }]);
  }
}

function failure(lines: string[], warnings: MrzIssue[], errors: MrzIssue[]): MrzParseResult {
  return { format: null, valid: false, fields: null, checks: {}, warnings, errors, suggestions: [], lines };
}

/** Fillers at either end dropped, runs inside read as one space. */
function fillersToSpaces(text: string): string {
  return text.replace(/^<+|<+$/g, '').replace(/<+/g, ' ');
}

function parse(input: unknown, today: Today): MrzParseResult {
  const { lines, warnings, errors } = readMrzLines(input);
  if (errors.length > 0) return failure(lines, warnings, errors);
  if (lines.length !== 2 && lines.length !== 3) {
    return failure(lines, warnings, [{ code: 'mrz.line-count', message: `${lines.length} lines; an MRZ has 2 (TD2, TD3, visas) or 3 (TD1)` }]);
  }
  const lengths = lines.map((l) => l.length);
  const layout = lengths.every((n) => n === lengths[0]) ? layoutFor(lines.length, lengths[0] ?? 0, lines[0]?.[0] ?? '') : undefined;
  if (!layout) {
    const expected = lines.length === 3 ? '30 (TD1)' : '36 (TD2, MRV-B) or 44 (TD3, MRV-A)';
    return failure(lines, warnings, [{ code: 'mrz.line-length', message: `line lengths ${lengths.join(', ')}; expected ${lines.length} lines of ${expected}` }]);
  }
  if (frenchIdentityCard(layout, lines)) {
    return failure(lines, warnings, [
      { code: 'mrz.french-identity-card', message: 'the pre-2021 French identity card layout (IDFRA, 2×36) is not an ICAO format and is not read' },
    ]);
  }
  return new ZoneReader(layout, lines, today, warnings).read();
}

// The French national identity card issued until 2021 has two 36-character lines starting IDFRA
// but a layout of its own (surname on line 1, office code, no nationality); read as TD2 it gives
// nonsense, so it is named rather than misread.
function frenchIdentityCard(layout: Layout, lines: readonly string[]): boolean {
  return layout.format === 'TD2' && (lines[0] ?? '').startsWith('IDFRA') && !/^[A-Z<]{3}$/.test((lines[1] ?? '').slice(10, 13));
}

class ZoneReader {
  private readonly errors: MrzIssue[] = [];
  private readonly suggestions: MrzSuggestion[] = [];
  private readonly checks: Record<string, boolean> = {};

  constructor(
    private readonly layout: Layout,
    private readonly lines: string[],
    private readonly today: Today,
    private readonly warnings: MrzIssue[],
  ) {}

  read(): MrzParseResult {
    const { layout } = this;
    this.reportIllegalCharacters();

    const documentCode = this.letters('documentCode', layout.documentCode).replace(/<+$/, '');
    this.checkDocumentCode(documentCode);
    const issuingState = this.stateCode('issuingState', layout.issuingState);
    const nationality = this.stateCode('nationality', layout.nationality);
    const { surname, givenNames } = this.name();
    const { documentNumber, optionalData } = this.documentNumberAndOptionalData();
    const birthDate = this.birthDate();
    const expiryDate = this.expiryDate();
    const sex = this.sex();
    this.personalNumberCheck();
    this.compositeCheck();

    const fields: MrzFields = {
      documentCode,
      issuingState,
      documentNumber,
      surname,
      givenNames,
      nationality,
      birthDate,
      sex,
      expiryDate,
      optionalData,
    };
    if (layout.optionalData2) fields.optionalData2 = fillersToSpaces(read(this.lines, layout.optionalData2));
    return {
      format: layout.format,
      valid: this.errors.length === 0,
      fields,
      checks: this.checks,
      warnings: this.warnings,
      errors: this.errors,
      suggestions: this.suggestions,
      lines: this.lines,
    };
  }

  private text(span: Span): string {
    return read(this.lines, span);
  }

  private reportIllegalCharacters(): void {
    const found: string[] = [];
    this.lines.forEach((line, i) => {
      for (const [j, ch] of [...line].entries()) {
        if (!/[A-Z0-9<]/.test(ch)) found.push(`${JSON.stringify(ch)} at line ${i + 1} column ${j + 1}`);
      }
    });
    if (found.length > 0) {
      const shown = found.slice(0, 5).join(', ') + (found.length > 5 ? ` and ${found.length - 5} more` : '');
      this.errors.push({ code: 'mrz.illegal-character', message: `only A–Z, 0–9 and < may appear: ${shown}` });
    }
  }

  /** Records a suggestion covering only the characters that change. */
  private suggest(field: string, span: Span, to: string, reason: string): void {
    const from = this.text(span);
    let a = 0;
    while (a < from.length && from[a] === to[a]) a++;
    // Readings swap characters one for one, so `from` and `to` have the same length.
    let b = from.length - 1;
    while (b >= a && from[b] === to[b]) b--;
    if (a > b) return;
    this.suggestions.push({ field, from: from.slice(a, b + 1), to: to.slice(a, b + 1), reason, line: span.line, column: span.start + a });
  }

  /** A field that may hold only letters and fillers: digits are errors, with the letters they resemble. */
  private letters(field: string, span: Span): string {
    const raw = this.text(span);
    if (/[0-9]/.test(raw)) {
      this.errors.push({ code: 'mrz.digit-in-letters', field, message: `${field} may hold only letters: ${raw}` });
      const fixed = readAsLetters(raw);
      if (fixed !== undefined) this.suggest(field, span, fixed, 'digit read where only letters may stand (OCR confusion)');
    }
    return raw;
  }

  private checkDocumentCode(code: string): void {
    const first = code[0] ?? '';
    const expected = this.layout.format === 'TD3' ? 'P' : this.layout.format.startsWith('MRV') ? 'V' : 'IAC';
    if (!/[A-Z]/.test(first)) {
      this.errors.push({ code: 'mrz.document-code', field: 'documentCode', message: `the document code must start with a letter: ${code}` });
    } else if (!expected.includes(first)) {
      this.warnings.push({ code: 'mrz.unusual-document-code', field: 'documentCode', message: `${this.layout.format} documents usually start with ${expected.split('').join(' or ')}, not ${first}` });
    }
  }

  private stateCode(field: string, span: Span): string {
    const raw = this.letters(field, span);
    const code = raw.replace(/</g, '');
    if (/^[A-Z]+$/.test(code) && !isKnownStateCode(code)) {
      this.warnings.push({ code: 'mrz.unknown-state', field, message: `${code} is not an ICAO state or organisation code (UTO is the Doc 9303 specimen state)` });
    } else if (code === '') {
      this.errors.push({ code: 'mrz.missing-state', field, message: `${field} is empty` });
    }
    return code;
  }

  private name(): { surname: string; givenNames: string } {
    const span = this.layout.name;
    const raw = this.letters('name', span);
    if (!raw.endsWith('<')) {
      this.warnings.push({ code: 'mrz.name-may-be-truncated', field: 'surname', message: 'the name fills its field, so it may have been truncated' });
    }
    const split = raw.indexOf('<<');
    const primary = split === -1 ? raw : raw.slice(0, split);
    const secondary = split === -1 ? '' : raw.slice(split + 2);
    if (raw.replace(/</g, '') === '') this.errors.push({ code: 'mrz.missing-name', field: 'surname', message: 'the name field is empty' });
    return { surname: fillersToSpaces(primary), givenNames: fillersToSpaces(secondary) };
  }

  /** A field of digits only (dates, check digits): letters are errors, with the digits they resemble. */
  private digits(field: string, span: Span, allowFiller: boolean, checkSpan?: Span): boolean {
    const raw = this.text(span);
    if (new RegExp(allowFiller ? '^[0-9<]*$' : '^[0-9]*$').test(raw)) return true;
    this.errors.push({ code: 'mrz.letter-in-digits', field, message: `${field} may hold only digits: ${raw}` });
    const fixed = readAsDigits(raw, allowFiller);
    if (fixed !== undefined) {
      let reason = 'letter read where only digits may stand (OCR confusion)';
      if (checkSpan) {
        const check = this.text(checkSpan);
        const checkFixed = readAsDigits(check, false) ?? check;
        if (checkDigitMatches(fixed, checkFixed)) reason += '; the check digit then matches';
      }
      this.suggest(field, span, fixed, reason);
    }
    return false;
  }

  /** The check digit character: a digit (letters get a suggestion), or `<` where the caller allows it. */
  private checkChar(field: string, span: Span): string {
    const raw = this.text(span);
    if (/^[0-9<]$/.test(raw)) return raw;
    this.errors.push({ code: 'mrz.letter-in-digits', field, message: `the ${field} check digit is not a digit: ${raw}` });
    const fixed = readAsDigits(raw, false);
    if (fixed !== undefined) this.suggest(`${field}CheckDigit`, span, fixed, 'letter read where a check digit must stand (OCR confusion)');
    return raw;
  }

  private recordCheck(name: string, ok: boolean, data: string, digit: string): void {
    this.checks[name] = ok;
    if (!ok) {
      const expected = computeCheckDigit(data);
      this.errors.push({
        code: 'mrz.check-digit',
        field: name,
        message: `${name} check digit ${digit} is wrong${expected === null ? '' : `; the data gives ${expected}`}`,
      });
    }
  }

  /**
   * The document number, and what is left of the optional data. TD1 and TD2: when the check-digit
   * position holds `<`, the number continues in the optional data up to the next filler, and the
   * last character before it is the check digit (Doc 9303 Parts 5 and 6, note j).
   */
  private documentNumberAndOptionalData(): { documentNumber: string; optionalData: string } {
    const { layout } = this;
    const field = this.text(layout.documentNumber);
    const check = this.checkChar('documentNumber', layout.documentNumberCheck);
    const optional = this.text(layout.optionalData);
    if (layout.longDocumentNumber && check === '<') {
      const continuation = optional.split('<')[0] ?? '';
      const rest = optional.slice(continuation.length);
      const number = field + continuation.slice(0, -1);
      const digit = continuation.slice(-1);
      // Issuers differ on whether the filler at the check-digit position is part of the checked
      // data (two PRADO specimens of the same state disagree), so either reading is accepted.
      const tail = continuation.slice(0, -1);
      const ok = digit !== '' && (checkDigitMatches(field + tail, digit) || checkDigitMatches(`${field}<${tail}`, digit));
      this.recordCheck('documentNumber', ok, field + tail, digit === '' ? '(missing)' : digit);
      return { documentNumber: number.replace(/<+$/, ''), optionalData: fillersToSpaces(rest) };
    }
    const ok = checkDigitMatches(field, check);
    this.recordCheck('documentNumber', ok, field, check);
    if (!ok && /^[0-9]$/.test(readAsDigits(check, false) ?? check)) this.suggestDocumentNumber(field, readAsDigits(check, false) ?? check);
    return { documentNumber: field.replace(/<+$/, ''), optionalData: fillersToSpaces(optional) };
  }

  /**
   * When the number fails its check, a single O↔0, I↔1… swap that makes it pass is a likely
   * misreading. Several swaps can pass by chance (one in ten each); then the one whose new
   * character matches its neighbours (a digit among digits) is taken, and if that does not
   * decide, nothing is suggested. The composite digit cannot decide: it weighs the number alike.
   */
  private suggestDocumentNumber(field: string, digit: string): void {
    const passing = oneSwapReadings(field).filter((r) => checkDigitMatches(r.reading, digit));
    const best = Math.max(...passing.map((r) => r.fit));
    const top = passing.filter((r) => r.fit === best);
    if (top.length === 1) {
      this.suggest('documentNumber', this.layout.documentNumber, top[0]!.reading, 'the check digit matches with this reading of a confusable character (OCR)');
    }
  }

  private birthDate(): string | null {
    const { layout } = this;
    const raw = this.text(layout.birthDate);
    const clean = this.digits('birthDate', layout.birthDate, true, layout.birthDateCheck);
    const check = this.checkChar('birthDate', layout.birthDateCheck);
    this.recordCheck('birthDate', checkDigitMatches(raw, check), raw, check);
    if (!clean) return null;
    const date = readBirthDate(raw, this.today);
    if (date.value === null) {
      this.errors.push({ code: 'mrz.bad-date', field: 'birthDate', message: `birth date ${raw}: ${date.problem ?? 'unreadable'}` });
    } else if (date.partial) {
      this.warnings.push({ code: 'mrz.partial-birth-date', field: 'birthDate', message: `birth date ${raw} is only partly known: ${date.value}` });
    }
    return date.value;
  }

  private expiryDate(): string | null {
    const { layout } = this;
    const raw = this.text(layout.expiryDate);
    const clean = this.digits('expiryDate', layout.expiryDate, false, layout.expiryDateCheck);
    const check = this.checkChar('expiryDate', layout.expiryDateCheck);
    this.recordCheck('expiryDate', checkDigitMatches(raw, check), raw, check);
    if (!clean) return null;
    const date = readExpiryDate(raw, this.today);
    if (date.value === null) {
      this.errors.push({ code: 'mrz.bad-date', field: 'expiryDate', message: `expiry date ${raw}: ${date.problem ?? 'unreadable'}` });
    } else if (isBefore(date.value, this.today)) {
      this.warnings.push({ code: 'mrz.expired', field: 'expiryDate', message: `the document expired on ${date.value}` });
    } else if (isLaterThanYearsAhead(date.value, this.today, LONGEST_VALIDITY_YEARS[this.layout.format])) {
      const years = LONGEST_VALIDITY_YEARS[this.layout.format];
      this.warnings.push({ code: 'mrz.not-yet-valid', field: 'expiryDate', message: `the document expires on ${date.value}, more than ${years} years from today: no ${this.layout.format} document is issued for that long, so it cannot have been issued yet (or the date is misread)` });
    }
    return date.value;
  }

  private sex(): MrzSex | null {
    const raw = this.text(this.layout.sex);
    if (raw === 'M' || raw === 'F' || raw === 'X') return raw;
    if (raw === '<') return 'X';
    this.errors.push({ code: 'mrz.bad-sex', field: 'sex', message: `sex must be M, F or < (unspecified): ${raw}` });
    return null;
  }

  /** TD3: the personal number's check digit; an all-filler number may carry `<` or 0. */
  private personalNumberCheck(): void {
    const span = this.layout.personalNumberCheck;
    if (!span) return;
    const data = this.text(this.layout.optionalData);
    const check = this.checkChar('personalNumber', span);
    const empty = /^<*$/.test(data);
    const ok = empty ? check === '<' || check === '0' : checkDigitMatches(data, check);
    this.recordCheck('personalNumber', ok, data, check);
  }

  private compositeCheck(): void {
    const composite = this.layout.composite;
    if (!composite) return;
    const data = composite.covers.map((span) => this.text(span)).join('');
    const check = this.checkChar('composite', composite.check);
    this.recordCheck('composite', checkDigitMatches(data, check), data, check);
  }
}

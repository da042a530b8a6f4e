import { DomainError, type FieldProblem } from '../errors/domain-error.js';
import { transliterateIcao } from '../transliteration/transliterate.js';
import { computeCheckDigit } from './check-digit.js';
import { LAYOUTS, read } from './layouts.js';
import { isKnownStateCode } from './state-codes.js';
import type { MrzFormat, MrzIssue } from './types.js';

export interface MrzData {
  format: MrzFormat;
  /** 'P', 'I', 'ID', 'AC', 'V', 'VB'…; one or two letters. */
  documentCode: string;
  issuingState: string;
  /** Letters and digits; over nine characters only in TD1 and TD2 (the long-number rule). */
  documentNumber: string;
  /** In any script: transliterated by the Doc 9303 tables. */
  surname: string;
  givenNames?: string;
  nationality: string;
  /** YYYY-MM-DD, or YYYY-MM / YYYY when day or month is unknown. */
  birthDate: string;
  sex: 'M' | 'F' | 'X' | '<';
  /** YYYY-MM-DD. */
  expiryDate: string;
  /** Optional data (TD1 line 1, TD2, visas) or personal number (TD3). */
  optionalData?: string;
  /** TD1 line 2 optional data. */
  optionalData2?: string;
  /** Language of the names, for the Cyrillic columns ('uk', 'sr'…). */
  language?: string;
}

export interface GeneratedMrz {
  lines: string[];
  warnings: MrzIssue[];
}

const pad = (text: string, length: number): string => text.padEnd(length, '<');
const digit = (data: string): string => String(computeCheckDigit(data) ?? 0);

/** Optional data and document numbers: upper case, anything but A–Z and 0–9 becomes a filler. */
function machineText(value: string): string {
  return value.toUpperCase().replace(/[^A-Z0-9]/g, '<');
}

function nameText(value: string, language: string | undefined): string {
  return transliterateIcao(value, language === undefined ? {} : { language }).replace(/ /g, '<');
}

/**
 * The name field (Doc 9303 Part 3, 4.6): SURNAME<<GIVEN<NAMES padded with fillers. Too long, the
 * given names are cut first, so the field ends on a letter (the sign of truncation); a surname
 * that alone does not fit keeps room for `<<` and the first given-name initial.
 */
function nameField(surname: string, given: string, length: number, warnings: MrzIssue[]): string {
  const full = given === '' ? surname : `${surname}<<${given}`;
  if (full.length <= length) return pad(full, length);
  warnings.push({ code: 'mrz.name-truncated', field: 'surname', message: `the name has ${full.length} characters and was cut to ${length}` });
  if (given === '') return surname.slice(0, length);
  if (surname.length + 3 <= length) return pad(full.slice(0, length).replace(/<+$/, ''), length);
  return `${surname.slice(0, length - 3)}<<${given[0]}`;
}

function yymmdd(value: string, field: string, allowPartial: boolean, problems: FieldProblem[]): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m || (!allowPartial && m[3] === undefined)) {
    problems.push({ field, message: allowPartial ? 'a date as YYYY-MM-DD, YYYY-MM or YYYY' : 'a date as YYYY-MM-DD' });
    return '<<<<<<';
  }
  return `${m[1]!.slice(2)}${m[2] ?? '<<'}${m[3] ?? '<<'}`;
}

/**
 * Builds the machine-readable zone for TD1, TD2, TD3, MRV-A or MRV-B from its fields, computing
 * every check digit; names in any script are transliterated (Doc 9303 Part 3 section 6) and cut
 * to fit. Throws a validation DomainError naming every field that cannot be written.
 */
export function generateMrz(data: MrzData): GeneratedMrz {
  const layout = LAYOUTS[data.format];
  const problems: FieldProblem[] = [];
  const warnings: MrzIssue[] = [];
  if (!layout) throw new DomainError('validation', 'mrz.invalid-input', `format: one of TD1, TD2, TD3, MRVA, MRVB`, [{ field: 'format', message: 'one of TD1, TD2, TD3, MRVA, MRVB' }]);

  const code = data.documentCode.toUpperCase();
  if (!/^[A-Z][A-Z<]?$/.test(code)) problems.push({ field: 'documentCode', message: 'one or two letters' });
  const state = (field: 'issuingState' | 'nationality'): string => {
    const value = data[field].toUpperCase().replace(/</g, '');
    if (!/^[A-Z]{1,3}$/.test(value)) problems.push({ field, message: 'a state code of one to three letters' });
    else if (!isKnownStateCode(value)) warnings.push({ code: 'mrz.unknown-state', field, message: `${value} is not an ICAO state or organisation code` });
    return pad(value, 3);
  };
  const issuing = state('issuingState');
  const nationality = state('nationality');

  const number = machineText(data.documentNumber).replace(/<+$/, '');
  if (number === '') problems.push({ field: 'documentNumber', message: 'letters and digits' });
  const optional = machineText(data.optionalData ?? '');
  const optional2 = machineText(data.optionalData2 ?? '');
  const birth = yymmdd(data.birthDate, 'birthDate', true, problems);
  const expiry = yymmdd(data.expiryDate, 'expiryDate', false, problems);
  const sexInput = data.sex.toUpperCase();
  if (!['M', 'F', 'X', '<'].includes(sexInput)) problems.push({ field: 'sex', message: 'M, F or X' });
  const sex = sexInput === 'M' || sexInput === 'F' ? sexInput : '<';

  // The document number field, its check digit, and what the optional data must begin with.
  let numberField = pad(number, 9);
  let numberCheck = digit(numberField);
  let optionalField = optional;
  if (number.length > 9) {
    if (!layout.longDocumentNumber) problems.push({ field: 'documentNumber', message: `at most 9 characters in ${layout.format}` });
    numberField = number.slice(0, 9);
    numberCheck = '<';
    optionalField = `${number.slice(9)}${digit(number)}${optional === '' ? '' : `<${optional}`}`;
  }
  if (optionalField.length > layout.optionalData.length) {
    problems.push({ field: 'optionalData', message: `at most ${layout.optionalData.length} characters with this document number in ${layout.format}` });
  }
  if (layout.optionalData2 && optional2.length > layout.optionalData2.length) {
    problems.push({ field: 'optionalData2', message: `at most ${layout.optionalData2.length} characters` });
  }
  const surname = nameText(data.surname, data.language);
  const given = nameText(data.givenNames ?? '', data.language);
  if (surname === '' && given === '') problems.push({ field: 'surname', message: 'a name with at least one letter' });
  if (problems.length > 0) {
    throw new DomainError('validation', 'mrz.invalid-input', problems.map((p) => `${p.field}: ${p.message}`).join('; '), problems);
  }

  const name = nameField(surname, given, layout.name.length, warnings);
  const optionalPadded = pad(optionalField, layout.optionalData.length);
  const dates = `${birth}${digit(birth)}${sex}${expiry}${digit(expiry)}`;
  const top = `${pad(code, 2)}${issuing}`;
  let lines: string[];
  switch (layout.format) {
    case 'TD1':
      lines = [`${top}${numberField}${numberCheck}${optionalPadded}`, `${dates}${nationality}${pad(optional2, 11)}<`, name];
      break;
    case 'TD3': {
      const personalCheck = /^<*$/.test(optionalPadded) ? '<' : digit(optionalPadded);
      lines = [`${top}${name}`, `${numberField}${numberCheck}${nationality}${dates}${optionalPadded}${personalCheck}<`];
      break;
    }
    case 'TD2':
      lines = [`${top}${name}`, `${numberField}${numberCheck}${nationality}${dates}${optionalPadded}<`];
      break;
    default:
      lines = [`${top}${name}`, `${numberField}${numberCheck}${nationality}${dates}${optionalPadded}`];
  }
  // The composite check digit covers spans of the finished lines, so it is filled in last.
  if (layout.composite) {
    const { check, covers } = layout.composite;
    const composite = digit(covers.map((span) => read(lines, span)).join(''));
    const line = lines[check.line]!;
    lines[check.line] = line.slice(0, check.start) + composite + line.slice(check.start + 1);
  }
  return { lines, warnings };
}

import { PARTY_CODES, placeCode, sexCode, stateCode } from './codes.js';
import { readDate, type Today } from './dates.js';
import { qualifier } from './flights.js';
import { codeValue, value, type Segment } from './segment.js';
import type { PaxlstDocument, PaxlstTraveller } from './types.js';
import type { WarningLog } from './warnings.js';

/** A traveller with no fields filled yet. */
export function emptyTraveller(segment: Segment, partyCode: string, role: PaxlstTraveller['role'], inTransit: boolean): PaxlstTraveller {
  return {
    segment: segment.index,
    line: segment.line,
    role,
    inTransit,
    partyCode,
    name: { family: '', given: '' },
    sex: null,
    birthDate: null,
    nationality: null,
    residence: null,
    birthPlace: null,
    embarkation: null,
    debarkation: null,
    clearance: null,
    documents: [],
    references: [],
  };
}

/** Given names and middle names as one string, as screening compares them. */
export function joinNames(parts: readonly string[]): string {
  return parts
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .join(' ');
}

/**
 * The traveller groups of a UN/EDIFACT PAXLST (segment group 4: NAD+FL/FM… with ATT, DTM, LOC,
 * NAT, RFF, and group 5: DOC with its DTM and LOC). Segments are taken in any order inside a
 * traveller's group: senders do not all follow the guide's sequence.
 */
export class TravellerReader {
  private current: PaxlstTraveller | null = null;
  /** The document that DTM+36/182 and LOC+91 refer to; a DOC without a number gets a placeholder that is never listed. */
  private document: PaxlstDocument | null = null;

  constructor(
    private readonly log: WarningLog,
    private readonly today: Today,
    private readonly onTraveller: (t: PaxlstTraveller) => void,
  ) {}

  get active(): boolean {
    return this.current !== null;
  }

  /** NAD with a traveller qualifier starts a traveller; returns false for other parties (the caller's business). */
  begin(nad: Segment): boolean {
    const code = codeValue(nad, 0);
    const party = PARTY_CODES[code];
    if (!party) return false;
    this.end();
    const t = emptyTraveller(nad, code, party.role, party.inTransit);
    // C080 party name: family name, given name, further given names …
    const name = nad.elements[3] ?? [];
    t.name = { family: (name[0] ?? '').trim(), given: joinNames(name.slice(1)) };
    if (t.name.family === '' && t.name.given === '') this.log.add(nad.index, nad.line, 'nad.no-name', `NAD+${code} gives no name`);
    this.current = t;
    this.onTraveller(t);
    return true;
  }

  /** Closes the current traveller, so that later segments cannot be taken as theirs. */
  end(): void {
    this.current = null;
    this.document = null;
  }

  /** Handles a segment of the current traveller's group; false when it is not one. */
  segment(s: Segment): boolean {
    const t = this.current;
    if (!t) return false;
    switch (s.tag) {
      case 'ATT': {
        if (codeValue(s, 0) !== '2') return true;
        const sex = sexCode(value(s, 2));
        if (sex.problem) this.warn(s, 'att.sex', sex.problem);
        t.sex = sex.value;
        return true;
      }
      case 'NAT': {
        const state = stateCode(value(s, 1));
        if (state.problem) this.warn(s, 'nat.code', `nationality: ${state.problem}`);
        t.nationality = state.value ?? t.nationality;
        return true;
      }
      case 'DTM':
        this.date(s);
        return true;
      case 'LOC':
        this.location(s);
        return true;
      case 'DOC': {
        const number = value(s, 1);
        const type = codeValue(s, 0) || null;
        this.document = { segment: s.index, type, number, issuingState: null, expiry: null, issued: null };
        if (number === '') this.warn(s, 'doc.no-number', `DOC${type ? `+${type}` : ''} gives no document number: the document is left out`);
        else t.documents.push(this.document);
        return true;
      }
      case 'RFF': {
        const q = codeValue(s, 0);
        const v = value(s, 0, 1);
        if (q !== '' || v !== '') t.references.push({ qualifier: q, value: v });
        return true;
      }
      case 'MEA':
      case 'GEI':
      case 'FTX':
      case 'COM':
      case 'EMP':
      case 'FOI':
      case 'CPI':
        return true; // in the group, not needed for screening
      default:
        return false;
    }
  }

  /** Per-segment closures would cost an allocation (and a name) per segment: one method instead. */
  private warn(s: Segment, code: string, message: string): void {
    this.log.add(s.index, s.line, code, message);
  }

  private date(s: Segment): void {
    const q = codeValue(s, 0);
    const raw = value(s, 0, 1);
    const format = value(s, 0, 2);
    if (q === '329') {
      const d = readDate(raw, format, 'birth', this.today);
      if (d.problem) this.warn(s, 'dtm.birth-date', `birth date: ${d.problem}`);
      this.current!.birthDate = d.value;
    } else if (q === '36' || q === '182') {
      const d = readDate(raw, format, 'expiry', this.today);
      if (d.problem) this.warn(s, 'dtm.document-date', `document ${q === '36' ? 'expiry' : 'issue'} date: ${d.problem}`);
      if (!this.document) this.warn(s, 'dtm.no-document', `DTM+${q} follows no DOC`);
      else if (q === '36') this.document.expiry = d.value;
      else this.document.issued = d.value;
    }
  }

  private location(s: Segment): void {
    const t = this.current!;
    const q = qualifier(codeValue(s, 0));
    // C517: a code, or (place of birth, mostly) a name in the fourth component.
    const code = value(s, 1);
    const name = value(s, 1, 3);
    const place = code !== '' ? placeCode(code) : name;
    switch (q) {
      case '178':
        t.embarkation = place || null;
        break;
      case '179':
        t.debarkation = place || null;
        break;
      case '22':
        t.clearance = place || null;
        break;
      case '180':
        t.birthPlace = place || null;
        break;
      case '174': {
        const state = stateCode(code || name);
        if (state.problem) this.warn(s, 'loc.residence', `country of residence: ${state.problem}`);
        t.residence = state.value ?? (name || null);
        break;
      }
      case '91': {
        if (place === '') return;
        if (!this.document) {
          this.warn(s, 'loc.no-document', 'LOC+91 (issuing state) follows no DOC');
          return;
        }
        const state = stateCode(code || name);
        if (state.problem) this.warn(s, 'loc.issuing-state', `issuing state: ${state.problem}`);
        this.document.issuingState = state.value;
        break;
      }
      default:
        this.warn(s, 'loc.qualifier', `LOC+${q} is not a traveller location this reader knows: ignored`);
    }
  }
}

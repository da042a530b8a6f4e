import { decodePaxlst } from './decode.js';
import { PaxlstError } from './errors.js';
import { FlightReader } from './flights.js';
import { checkTrailer, emptyHeader, messageId, readUnb, readUng, readUnh } from './header.js';
import { readPdt } from './legacy.js';
import { MAX_PAXLST_CHARS, MAX_PAXLST_TRAVELLERS } from './limits.js';
import { codeValue, value, type Segment } from './segment.js';
import { tokenize } from './tokenizer.js';
import { joinNames, TravellerReader } from './travellers.js';
import { todayOf, type Today } from './dates.js';
import type { FlightManifest, PaxlstDialect, PaxlstFlight, PaxlstHeader, PaxlstTraveller } from './types.js';
import { WarningLog } from './warnings.js';

export interface ParsePaxlstOptions {
  /** The reference for two-digit years (default: now). */
  today?: Date | string;
}

// Segments a PAXLST may carry that this reader does not need: accepted silently.
const IGNORED = new Set(['RFF', 'COM', 'CTA', 'FTX', 'MEA', 'GEI', 'EMP', 'CPI', 'QTY', 'GID', 'AUT', 'FOI', 'ERC', 'UNS', 'DTM', 'LOC']);
const TAG = /^[A-Z][A-Z0-9]{2}$/;

interface MessageState {
  unh: Segment;
  dialect: PaxlstDialect;
  /** False for a message that is not a PAXLST: its segments are skipped. */
  read: boolean;
}

/**
 * Reads a UN/EDIFACT PAXLST interchange (D02B, D05B, legacy US 001:000) into a flight manifest.
 * Dirty input gives warnings, in input order, each naming its segment: wrong counts and control
 * references, characters outside the declared set, stray line breaks, unknown segments. Throws a
 * PaxlstError only when the input is over the limits or nothing usable is in it. Bytes are
 * decoded as UTF-8, or ISO 8859-1 when they are not UTF-8.
 */
export function parsePaxlst(input: string | Uint8Array, options: ParsePaxlstOptions = {}): FlightManifest {
  const log = new WarningLog();
  const text = typeof input === 'string' ? checkedText(input) : decodePaxlst(input, log);
  const today = todayOf(options.today);
  const interpreter = new Interpreter(log, today);
  tokenize(text, log, (s) => interpreter.segment(s));
  return interpreter.finish();
}

function checkedText(text: string): string {
  if (typeof text !== 'string') throw new PaxlstError('paxlst.not-edifact', 'the input is not text', 1);
  if (text.length > MAX_PAXLST_CHARS) {
    throw new PaxlstError('paxlst.too-large', `the input has ${text.length} characters; at most ${MAX_PAXLST_CHARS} are read`, 1);
  }
  return text;
}

/** The parts of a multi-part list each repeat the flight: it is listed once. */
function distinctFlights(flights: PaxlstFlight[]): PaxlstFlight[] {
  const seen = new Set<string>();
  return flights.filter((f) => {
    const key = JSON.stringify([f.designator, f.legs]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

class Interpreter {
  private readonly header: PaxlstHeader = emptyHeader();
  private readonly travellers: PaxlstTraveller[] = [];
  private readonly declared = { passengers: null as number | null, crew: null as number | null };
  private readonly flightReader: FlightReader;
  private readonly travellerReader: TravellerReader;
  private message: MessageState | null = null;
  private sawUnb = false;
  private sawUnz = false;
  private paxlstMessages = 0;
  private otherMessage: Segment | null = null;
  private groups = 0;
  private messagesInGroup = 0;
  private messagesOutsideGroups = 0;
  private inGroup = false;
  private warnedNoUnh = false;
  private first: Segment | null = null;
  private last: Segment | null = null;
  private groupRef: string | null = null;
  /** Segment number of the current message's UNH, for UNT's count. */
  private messageStart = 0;
  private messageCounts: { passengers?: { segment: Segment; count: number }; crew?: { segment: Segment; count: number } } = {};
  private messageFirstTraveller = 0;

  constructor(
    private readonly log: WarningLog,
    private readonly today: Today,
  ) {
    this.flightReader = new FlightReader(log, today);
    this.travellerReader = new TravellerReader(log, today, (t) => this.add(t));
  }

  finish(): FlightManifest {
    const last = this.last;
    if (this.message) this.log.add(last?.index ?? 0, last?.line, 'unt.missing', 'the message has no UNT trailer');
    if (this.sawUnb && !this.sawUnz) this.log.add(last?.index ?? 0, last?.line, 'unz.missing', 'the interchange has no UNZ trailer');
    this.flightReader.finish();
    this.checkCounts();

    if (this.paxlstMessages === 0 && this.travellers.length === 0 && this.flightReader.flights.length === 0) {
      if (this.otherMessage) {
        throw new PaxlstError('paxlst.not-paxlst', `the message is a ${codeValue(this.otherMessage, 1).slice(0, 10) || '(no type)'}, not a PAXLST`, this.otherMessage.index, this.otherMessage.line);
      }
      const first = this.first;
      throw new PaxlstError('paxlst.no-message', 'no UNH message header and no flight or traveller: nothing to read', first?.index ?? 1, first?.line ?? 1);
    }
    this.header.messages = this.paxlstMessages;
    return {
      header: this.header,
      flights: distinctFlights(this.flightReader.flights),
      travellers: this.travellers,
      declaredCounts: this.declared,
      warnings: this.log.finish(),
    };
  }

  private add(t: PaxlstTraveller): void {
    if (this.travellers.length >= MAX_PAXLST_TRAVELLERS) {
      throw new PaxlstError('paxlst.too-many-travellers', `more than ${MAX_PAXLST_TRAVELLERS} travellers`, t.segment, t.line);
    }
    this.travellers.push(t);
  }

  private warn(s: Segment, code: string, message: string): void {
    this.log.add(s.index, s.line, code, message);
  }

  segment(s: Segment): void {
    this.first ??= s;
    this.last = s;
    if (!TAG.test(s.tag)) {
      this.warn(s, 'segment.garbled', `"${s.tag.slice(0, 20)}" is not a segment tag: the segment is skipped`);
      return;
    }
    if (this.sawUnz) this.warn(s, 'segment.after-unz', `${s.tag} after the interchange trailer UNZ`);
    switch (s.tag) {
      case 'UNB':
        if (this.sawUnb) this.warn(s, 'unb.repeated', 'a second UNB: only the first interchange header is read');
        else readUnb(s, this.header, this.log, this.today);
        this.sawUnb = true;
        return;
      case 'UNG':
        readUng(s, this.header);
        this.inGroup = true;
        this.groups++;
        this.messagesInGroup = 0;
        this.groupRef = value(s, 4);
        return;
      case 'UNE':
        checkTrailer(s, this.log, 'messages', this.messagesInGroup, this.groupRef);
        this.inGroup = false;
        return;
      case 'UNZ':
        checkTrailer(s, this.log, this.groups > 0 ? 'groups' : 'messages', this.groups > 0 ? this.groups : this.messagesOutsideGroups, this.header.interchangeRef);
        this.sawUnz = true;
        return;
      case 'UNH':
        return this.beginMessage(s);
      case 'UNT':
        return this.endMessage(s);
    }
    if (!this.message) {
      if (!this.warnedNoUnh) this.warn(s, 'unh.missing', `${s.tag} outside a message (no UNH before it): read as part of a PAXLST`);
      this.warnedNoUnh = true;
      this.message = { unh: s, dialect: 'un', read: true };
      this.messageStart = s.index;
      this.paxlstMessages++;
    }
    if (!this.message.read) return;
    if (this.message.dialect === 'us-legacy') this.legacySegment(s);
    else this.unSegment(s);
  }

  private beginMessage(s: Segment): void {
    if (this.message) {
      this.log.add(s.index, s.line, 'unt.missing', 'a new UNH before the previous message ended with UNT');
      this.checkCounts();
    }
    if (!this.sawUnb && this.paxlstMessages === 0 && !this.otherMessage) this.log.add(s.index, s.line, 'unb.missing', 'no UNB interchange header before the message');
    this.finishMessageParts();
    const id = messageId(s, this.log);
    if (this.inGroup) this.messagesInGroup++;
    else this.messagesOutsideGroups++;
    this.messageStart = s.index;
    if (id.type !== 'PAXLST') {
      this.log.add(s.index, s.line, 'unh.type', `a ${id.type.slice(0, 10) || '(no type)'} message is not a PAXLST: skipped`);
      this.otherMessage ??= s;
      this.message = { unh: s, dialect: id.dialect, read: false };
      return;
    }
    if (this.paxlstMessages === 0) readUnh(s, id, this.header);
    else if (id.dialect !== this.header.dialect) this.log.add(s.index, s.line, 'unh.dialect', 'messages of both the UN and the legacy US form in one interchange');
    this.paxlstMessages++;
    this.message = { unh: s, dialect: id.dialect, read: true };
  }

  private endMessage(s: Segment): void {
    if (!this.message) {
      this.log.add(s.index, s.line, 'unt.unexpected', 'UNT without a UNH before it');
      return;
    }
    const unh = this.message.unh;
    checkTrailer(s, this.log, 'segments', s.index - this.messageStart + 1, unh.tag === 'UNH' ? value(unh, 0) : null);
    this.finishMessageParts();
    this.checkCounts();
    this.message = null;
  }

  /** A message's last flight and traveller end with it (a multi-part list repeats its flight in each part). */
  private finishMessageParts(): void {
    this.travellerReader.end();
  }

  private unSegment(s: Segment): void {
    if (this.travellerReader.segment(s)) return;
    switch (s.tag) {
      case 'BGM':
        this.header.documentCode ??= value(s, 0) || null;
        return;
      case 'NAD': {
        if (this.travellerReader.begin(s)) return;
        this.travellerReader.end();
        const code = codeValue(s, 0);
        if (code === 'MS') this.header.reportingParty ??= (joinNames(s.elements[3] ?? []) || value(s, 1)) || null;
        else this.warn(s, 'nad.party', `NAD+${code.slice(0, 10)} is not a traveller (FL, FM, DDU, DDT, COT): its group is skipped`);
        return;
      }
      case 'TDT':
        this.travellerReader.end();
        this.flightReader.begin(s, false);
        return;
      case 'LOC':
        if (!this.flightReader.location(s)) this.warn(s, 'loc.qualifier', `LOC+${codeValue(s, 0).slice(0, 10)} outside a traveller is not a point of the route: ignored`);
        return;
      case 'DTM':
        this.flightReader.time(s);
        return;
      case 'CNT':
        return this.count(s);
      case 'ATT':
      case 'NAT':
      case 'DOC':
        this.warn(s, 'segment.out-of-place', `${s.tag} outside a traveller's group: ignored`);
        return;
    }
    if (!IGNORED.has(s.tag)) this.warn(s, 'segment.unknown', `${s.tag} is not a PAXLST segment: ignored`);
  }

  private legacySegment(s: Segment): void {
    switch (s.tag) {
      case 'CTA':
        this.header.reportingParty ??= (value(s, 1, 1) || value(s, 1)) || null;
        return;
      case 'TDT':
        this.flightReader.begin(s, true);
        return;
      case 'LOC':
        if (!this.flightReader.location(s)) this.warn(s, 'loc.qualifier', `LOC+${codeValue(s, 0).slice(0, 10)} is not a point of the route: ignored`);
        return;
      case 'DTM':
        this.flightReader.time(s);
        return;
      case 'PDT':
        this.add(readPdt(s, this.log, this.today));
        return;
      case 'CNT':
        return this.count(s);
    }
    if (!IGNORED.has(s.tag)) this.warn(s, 'segment.unknown', `${s.tag} is not a legacy PAXLST segment: ignored`);
  }

  /** CNT+42:2 (passengers) or CNT+41:8 (crew); also the malformed CNT+41+8 seen in the wild. */
  private count(s: Segment): void {
    let q = codeValue(s, 0);
    let n = value(s, 0, 1);
    if (n === '' && /^\d+$/.test(value(s, 1))) {
      n = value(s, 1);
      this.warn(s, 'cnt.malformed', `CNT+${q}+${n} uses an element separator where a component separator belongs: read as CNT+${q}:${n}`);
    }
    if (!/^\d{1,7}$/.test(n)) {
      this.warn(s, 'cnt.malformed', `CNT count "${n.slice(0, 20)}" is not a number`);
      return;
    }
    q = q.replace(/^0+/, '');
    const count = Number(n);
    if (q === '42') {
      this.messageCounts.passengers = { segment: s, count };
      this.declared.passengers = (this.declared.passengers ?? 0) + count;
    } else if (q === '41') {
      this.messageCounts.crew = { segment: s, count };
      this.declared.crew = (this.declared.crew ?? 0) + count;
    }
    else this.warn(s, 'cnt.qualifier', `CNT+${q.slice(0, 10)} is not a passenger (42) or crew (41) total`);
  }

  /**
   * CNT totals are per message (each part of a multi-part list counts its own travellers): the
   * travellers read since the message began are compared with what its CNT segments declared.
   */
  private checkCounts(): void {
    const declared = this.messageCounts;
    this.messageCounts = {};
    const mine = this.travellers.slice(this.messageFirstTraveller);
    this.messageFirstTraveller = this.travellers.length;
    const passengers = mine.filter((t) => t.role === 'passenger').length;
    const crew = mine.length - passengers;
    const check = (cnt: { segment: Segment; count: number } | undefined, found: number, what: string) => {
      if (cnt && cnt.count !== found) {
        this.log.add(cnt.segment.index, cnt.segment.line, 'cnt.mismatch', `CNT declares ${cnt.count} ${what}; the message lists ${found} (${passengers} passengers, ${crew} crew)`);
      }
    };
    check(declared.passengers, passengers, 'passengers');
    check(declared.crew, crew, 'crew members');
  }
}

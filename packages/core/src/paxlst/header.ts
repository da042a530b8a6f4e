import { readDate, type Today } from './dates.js';
import { codeValue, value, type Segment } from './segment.js';
import type { PaxlstDialect, PaxlstHeader } from './types.js';
import type { WarningLog } from './warnings.js';

export function emptyHeader(): PaxlstHeader {
  return {
    dialect: 'un',
    syntax: null,
    sender: null,
    receiver: null,
    preparedAt: null,
    interchangeRef: null,
    groupRef: null,
    messageRef: null,
    version: null,
    association: null,
    commonAccessRef: null,
    sequence: null,
    documentCode: null,
    reportingParty: null,
    messages: 0,
  };
}

const orNull = (v: string): string | null => (v === '' ? null : v);

/** UNB+UNOA:4+SENDER:ZZ+RECEIVER:ZZ+140202:0600+REF++APP */
export function readUnb(s: Segment, header: PaxlstHeader, log: WarningLog, today: Today): void {
  const id = codeValue(s, 0);
  header.syntax = id === '' ? null : { identifier: id, version: value(s, 0, 1) };
  if (id !== '' && !/^UNO[A-Z]$|^IAT[A-Z]$/.test(id)) log.add(s.index, s.line, 'unb.syntax', `"${id.slice(0, 10)}" is not a syntax identifier (UNOA, UNOB, …): no character check`);
  header.sender = orNull(value(s, 1));
  header.receiver = orNull(value(s, 2));
  const when = value(s, 3) + value(s, 3, 1);
  if (when !== '') {
    const d = readDate(when, '', 'flight', today);
    if (d.problem) log.add(s.index, s.line, 'unb.date', `preparation date: ${d.problem}`);
    header.preparedAt = d.value;
  }
  header.interchangeRef = orNull(value(s, 4));
}

/** UNG+PAXLST+SENDER+RECEIVER+date:time+GROUPREF+UN+D:05B — only its reference is kept (for UNE). */
export function readUng(s: Segment, header: PaxlstHeader): void {
  header.groupRef ??= orNull(value(s, 4));
}

export interface MessageId {
  type: string;
  dialect: PaxlstDialect;
  version: string;
}

/** The S009 message identifier of UNH: `PAXLST:D:05B:UN:IATA` or the legacy `PAXLST:001:000:NZ`. */
export function messageId(s: Segment, log: WarningLog): MessageId {
  const type = codeValue(s, 1);
  const v = codeValue(s, 1, 1);
  const release = codeValue(s, 1, 2);
  if (/^\d+$/.test(v)) {
    const version = `${v}:${release}`;
    if (version !== '001:000') log.add(s.index, s.line, 'unh.version', `legacy version ${version} is not 001:000: read as 001:000`);
    return { type, dialect: 'us-legacy', version };
  }
  const version = `${v}${release}`;
  if (version !== 'D02B' && version !== 'D05B') log.add(s.index, s.line, 'unh.version', `version ${v}:${release} is neither D:02B nor D:05B: read by the same rules`);
  return { type, dialect: 'un', version };
}

/** Fills the header from the first PAXLST message's UNH. */
export function readUnh(s: Segment, id: MessageId, header: PaxlstHeader): void {
  header.dialect = id.dialect;
  header.messageRef = orNull(value(s, 0));
  header.version = id.version;
  header.association = orNull(codeValue(s, 1, 4));
  header.commonAccessRef = orNull(value(s, 2));
  const seq = value(s, 3);
  header.sequence = seq === '' ? null : { number: seq, marker: orNull(codeValue(s, 3, 1)) };
}

/** Compares a trailer's count and reference with what was read; a mismatch is a warning. */
export function checkTrailer(s: Segment, log: WarningLog, what: string, expectedCount: number, expectedRef: string | null): void {
  const countText = value(s, 0);
  const ref = value(s, 1);
  if (!/^\d+$/.test(countText)) log.add(s.index, s.line, `${s.tag.toLowerCase()}.count`, `${s.tag} count "${countText.slice(0, 20)}" is not a number`);
  else if (Number(countText) !== expectedCount) {
    log.add(s.index, s.line, `${s.tag.toLowerCase()}.count`, `${s.tag} declares ${Number(countText)} ${what}, there are ${expectedCount}`);
  }
  if (expectedRef !== null && ref !== expectedRef) {
    log.add(s.index, s.line, `${s.tag.toLowerCase()}.reference`, `${s.tag} reference "${ref.slice(0, 40)}" does not match "${expectedRef.slice(0, 40)}"`);
  }
}

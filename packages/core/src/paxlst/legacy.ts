import { LEGACY_STATUS, placeCode, sexCode, stateCode } from './codes.js';
import { readDate, type Today } from './dates.js';
import { codeValue, value, type Segment } from './segment.js';
import { emptyTraveller, joinNames } from './travellers.js';
import type { PaxlstTraveller } from './types.js';
import type { WarningLog } from './warnings.js';

/**
 * A traveller of the legacy US PAXLST 001:000 (CEDIPAX): everything is in one PDT segment,
 *
 *   PDT+P/E54321A:980831:IE+O?'LEARY:KRIS:ANN:331231:F+PAX+NZAKL:USLAX
 *
 * document type/number : expiry YYMMDD : issuing country (two letters) + family : given : middle
 * : birth YYMMDD : sex + status (PAX, CRW, ITI in transit) + embarkation : debarkation (UN/LOCODE).
 */
export function readPdt(s: Segment, log: WarningLog, today: Today): PaxlstTraveller {
  const warn = (code: string, message: string) => log.add(s.index, s.line, code, message);
  const statusCode = codeValue(s, 2);
  let status = LEGACY_STATUS[statusCode];
  if (!status) {
    warn('pdt.status', `PDT status "${statusCode.slice(0, 10)}" is not PAX, CRW or ITI: read as a passenger`);
    status = LEGACY_STATUS.PAX!;
  }
  const t = emptyTraveller(s, statusCode || 'PAX', status.role, status.inTransit);

  const names = s.elements[1] ?? [];
  t.name = { family: (names[0] ?? '').trim(), given: joinNames(names.slice(1, 3)) };
  if (t.name.family === '' && t.name.given === '') warn('pdt.no-name', 'PDT gives no name');
  const birth = value(s, 1, 3);
  if (birth !== '') {
    const d = readDate(birth, '101', 'birth', today);
    if (d.problem) warn('pdt.birth-date', `birth date: ${d.problem}`);
    t.birthDate = d.value;
  }
  const sex = sexCode(value(s, 1, 4));
  if (sex.problem) warn('pdt.sex', sex.problem);
  t.sex = sex.value;

  const doc = value(s, 0);
  const slash = doc.indexOf('/');
  const type = (slash < 0 ? '' : doc.slice(0, slash)).trim().toUpperCase() || null;
  const number = (slash < 0 ? doc : doc.slice(slash + 1)).trim();
  if (number !== '') {
    const expiryRaw = value(s, 0, 1);
    const expiry = expiryRaw === '' ? { value: null } : readDate(expiryRaw, '101', 'expiry', today);
    if (expiry.problem) warn('pdt.expiry', `document expiry: ${expiry.problem}`);
    const state = stateCode(value(s, 0, 2));
    if (state.problem) warn('pdt.issuing-state', `issuing state: ${state.problem}`);
    t.documents.push({ segment: s.index, type, number, issuingState: state.value, expiry: expiry.value, issued: null });
  }
  t.embarkation = placeCode(value(s, 3)) || null;
  t.debarkation = placeCode(value(s, 3, 1)) || null;
  return t;
}

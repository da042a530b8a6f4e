/**
 * What the PAXLST reader gives back: one flight manifest per interchange, with every traveller in
 * message order and every problem as a warning that names its segment. Plain data (JSON-safe).
 */

/** A finding about the input that did not stop the reading. `code` is stable; `message` is for people. */
export interface PaxlstWarning {
  /** 1-based position of the segment in the interchange (UNB is 1; 0 for the UNA service string). */
  segment: number;
  /** 1-based line of the input where that segment starts, when known. */
  line?: number;
  code: string;
  message: string;
}

/** `un`: UN/EDIFACT PAXLST (D02B, D05B, …, WCO/IATA/ICAO guide); `us-legacy`: the US `PAXLST:001:000` (PDT segments). */
export type PaxlstDialect = 'un' | 'us-legacy';

export interface PaxlstHeader {
  dialect: PaxlstDialect;
  /** Syntax identifier and version of UNB (`UNOA`, `4`); null without a UNB. */
  syntax: { identifier: string; version: string } | null;
  sender: string | null;
  receiver: string | null;
  /** Preparation date and time of the interchange, `YYYY-MM-DDTHH:MM` as written (no time zone). */
  preparedAt: string | null;
  /** Interchange control reference (UNB). */
  interchangeRef: string | null;
  /** Functional group reference (UNG), when there is a group. */
  groupRef: string | null;
  /** Message reference number (UNH) of the first message. */
  messageRef: string | null;
  /** Message version as written: `D02B`, `D05B`, `001:000`. */
  version: string | null;
  /** Association assigned code of UNH (`IATA`), if any. */
  association: string | null;
  /** Common access reference (UNH element 3), e.g. the flight and date in legacy messages. */
  commonAccessRef: string | null;
  /** Sequence of transfers (UNH element 4): `01:C` gives number 1, marker `C`; `F` marks the last part. */
  sequence: { number: string; marker: string | null } | null;
  /** BGM document name code: `745` passenger list, `250` crew list, …; null when absent (legacy). */
  documentCode: string | null;
  /** The reporting party (NAD+MS or CTA), a name or a profile. */
  reportingParty: string | null;
  /** How many UNH…UNT messages the interchange held (travellers of all of them are listed). */
  messages: number;
}

/** An airport or place as the message gives it: a code (IATA airport, UN/LOCODE, ISO country) or a name. */
export interface PaxlstPoint {
  airport: string;
  /** Local date and time as written: `YYYY-MM-DDTHH:MM`, or `YYYY-MM-DD` when only the date is given. */
  time: string | null;
}

export interface PaxlstLeg {
  departure: PaxlstPoint;
  arrival: PaxlstPoint;
}

export interface PaxlstFlight {
  /** Segment of the TDT that begins this flight. */
  segment: number;
  /** The conveyance reference as written (`UA0989`, `KE250`). */
  designator: string;
  /** Airline designator (`UA`): TDT's carrier, else the designator's prefix; null when unknown. */
  carrier: string | null;
  /** Flight number, IATA style with four digits and an optional suffix (`0989`, `0250`); the designator when it cannot be split. */
  number: string;
  legs: PaxlstLeg[];
  /** LOC+130: the final destination of the journey, when given. */
  finalDestination: string | null;
}

export type TravellerRole = 'passenger' | 'crew';

export type PaxlstSex = 'M' | 'F' | 'X' | 'U';

export interface PaxlstDocument {
  segment: number;
  /** DOC type code as written: `P` passport, `V` visa, `I` identity card, `C`/`AC` crew certificate, … ; null when absent. */
  type: string | null;
  number: string;
  /** ISO 3166 alpha-3 (two-letter codes converted, `D` → `DEU`), or the code as written when unknown. */
  issuingState: string | null;
  /** `YYYY-MM-DD`; null when absent or unreadable. */
  expiry: string | null;
  issued: string | null;
}

export interface PaxlstTraveller {
  /** Segment where this traveller's data begins (NAD or PDT). */
  segment: number;
  line?: number;
  role: TravellerRole;
  /** True for the in-transit qualifiers (`DDU`, `DDT`, legacy `ITI`). */
  inTransit: boolean;
  /** The qualifier as written: `FL`, `FM`, `DDU`, `DDT`, `COT`, or legacy `PAX`, `CRW`, `ITI`. */
  partyCode: string;
  name: { family: string; given: string };
  sex: PaxlstSex | null;
  /** `YYYY-MM-DD`, or `YYYY` / `YYYY-MM` when the message marks day or month unknown (see core's partial dates). */
  birthDate: string | null;
  /** Nationality (NAT+2), ISO 3166 alpha-3 where it can be read as one. */
  nationality: string | null;
  /** Country of residence (LOC+174). */
  residence: string | null;
  /** Place of birth (LOC+180), a code or a name. */
  birthPlace: string | null;
  /** Port of embarkation (LOC+178) and debarkation (LOC+179). */
  embarkation: string | null;
  debarkation: string | null;
  /** LOC+22: where the traveller first clears customs/immigration, when given. */
  clearance: string | null;
  documents: PaxlstDocument[];
  /** RFF references (booking `AVF`, seat `SEA`, …) as qualifier and value. */
  references: { qualifier: string; value: string }[];
}

export interface FlightManifest {
  header: PaxlstHeader;
  flights: PaxlstFlight[];
  travellers: PaxlstTraveller[];
  /** CNT control totals as declared (42 passengers, 41 crew), summed over the messages; null when absent. */
  declaredCounts: { passengers: number | null; crew: number | null };
  warnings: PaxlstWarning[];
}

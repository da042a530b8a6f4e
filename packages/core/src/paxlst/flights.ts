import { placeCode } from './codes.js';
import { readDate, type Today } from './dates.js';
import { codeValue, value, type Segment } from './segment.js';
import type { PaxlstFlight, PaxlstLeg } from './types.js';
import type { WarningLog } from './warnings.js';

/**
 * Flights and their legs from TDT and the LOC/DTM pairs that follow it. Every LOC that is a
 * point of the route (125 departure, 87 arrival, 92 either, and the legacy 5, 8 and PT) becomes a
 * stop; a DTM after it gives the stop's departure (189, legacy 136) or arrival (232, legacy 132)
 * time. Consecutive stops at the same airport are one stop (`92 JFK, 92 ANC, 125 ANC, 87 ICN`
 * is JFK→ANC→ICN), and each pair of stops is a leg.
 */
const ROUTE_POINTS = new Set(['125', '87', '92', '5', '8', 'PT']);
const DEPARTURE_TIMES = new Set(['189', '136']);
const ARRIVAL_TIMES = new Set(['232', '132']);

interface Stop {
  airport: string;
  departure: string | null;
  arrival: string | null;
}

/** Numeric qualifiers are compared without leading zeros (`005` is 5). */
export function qualifier(raw: string): string {
  return /^\d+$/.test(raw) ? String(Number(raw)) : raw;
}

/** `UA0989` → UA and 0989; `KE250` → KE and 0250 (IATA writes four digits); the hint is TDT's carrier. */
export function splitDesignator(designator: string, carrierHint: string): { carrier: string | null; number: string } {
  const text = designator.toUpperCase().replace(/\s+/g, '');
  if (carrierHint !== '' && text.startsWith(carrierHint)) {
    const m = /^(\d{1,4})([A-Z]?)$/.exec(text.slice(carrierHint.length));
    if (m) return { carrier: carrierHint, number: m[1]!.padStart(4, '0') + m[2]! };
  }
  const m = /^([A-Z]{3}|[A-Z][A-Z0-9]|[0-9][A-Z])(\d{1,4})([A-Z]?)$/.exec(text);
  if (m) return { carrier: carrierHint || m[1]!, number: m[2]!.padStart(4, '0') + m[3]! };
  return { carrier: carrierHint || null, number: text };
}

export class FlightReader {
  private current: { flight: PaxlstFlight; stops: Stop[]; line: number } | null = null;
  readonly flights: PaxlstFlight[] = [];

  constructor(
    private readonly log: WarningLog,
    private readonly today: Today,
  ) {}

  /** TDT+20+UA0989+++UA (UN) or TDT++SA812+40+SA (legacy). */
  begin(tdt: Segment, legacy: boolean): void {
    this.finish();
    const designator = value(tdt, 1).toUpperCase();
    if (designator === '') this.log.add(tdt.index, tdt.line, 'tdt.no-flight', 'TDT gives no flight number');
    const hint = codeValue(tdt, 4) || (legacy ? codeValue(tdt, 3) : '');
    const { carrier, number } = splitDesignator(designator, /^[A-Z0-9]{2,3}$/.test(hint) ? hint : '');
    this.current = { flight: { segment: tdt.index, designator, carrier, number, legs: [], finalDestination: null }, stops: [], line: tdt.line };
  }

  /** True when the LOC belongs to the route; false leaves it to the caller. */
  location(loc: Segment): boolean {
    if (!this.current) return false;
    const q = qualifier(codeValue(loc, 0));
    const place = placeCode(value(loc, 1) || value(loc, 1, 3));
    if (q === '130') {
      this.current.flight.finalDestination = place || null;
      return true;
    }
    if (!ROUTE_POINTS.has(q)) return false;
    if (place === '') {
      this.log.add(loc.index, loc.line, 'loc.no-place', `LOC+${q} names no airport`);
      return true;
    }
    this.current.stops.push({ airport: place, departure: null, arrival: null });
    return true;
  }

  /** DTM+189:1701271725:201 (UN) or DTM+136+020131+1030+M05 (legacy). True when it was a route time. */
  time(dtm: Segment): boolean {
    if (!this.current) return false;
    const q = codeValue(dtm, 0);
    const departure = DEPARTURE_TIMES.has(q);
    if (!departure && !ARRIVAL_TIMES.has(q)) return false;
    const stop = this.current.stops.at(-1);
    if (!stop) {
      this.log.add(dtm.index, dtm.line, 'dtm.no-place', `DTM+${q} follows no airport of the route`);
      return true;
    }
    // Legacy: date and time are separate elements; UN: one component with a format qualifier.
    const legacy = (dtm.elements[0]?.length ?? 0) === 1 && value(dtm, 1) !== '';
    const raw = legacy ? value(dtm, 1) + value(dtm, 2) : value(dtm, 0, 1);
    const reading = readDate(raw, legacy ? '' : value(dtm, 0, 2), 'flight', this.today);
    if (reading.problem) this.log.add(dtm.index, dtm.line, 'dtm.flight-time', `DTM+${q}: ${reading.problem}`);
    if (departure) stop.departure = reading.value;
    else stop.arrival = reading.value;
    return true;
  }

  finish(): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    const stops: Stop[] = [];
    for (const stop of current.stops) {
      const last = stops.at(-1);
      if (last && last.airport === stop.airport) {
        last.arrival ??= stop.arrival;
        last.departure = stop.departure ?? last.departure;
      } else stops.push({ ...stop });
    }
    const legs: PaxlstLeg[] = [];
    for (let k = 0; k + 1 < stops.length; k++) {
      legs.push({
        departure: { airport: stops[k]!.airport, time: stops[k]!.departure },
        arrival: { airport: stops[k + 1]!.airport, time: stops[k + 1]!.arrival },
      });
    }
    if (legs.length === 0) {
      const f = current.flight;
      this.log.add(f.segment, current.line, 'flight.no-leg', `flight ${f.designator || '(no number)'} has no departure and arrival airport pair`);
    }
    this.flights.push({ ...current.flight, legs });
  }
}

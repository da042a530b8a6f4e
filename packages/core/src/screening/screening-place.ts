import type { PaxlstFlight } from '../paxlst/types.js';

/**
 * Where a screening was made, as far as the request said: for a flight's travellers, the flight
 * (designator, first airport and departure time, last airport). A single screening says nothing of
 * its place beyond the screening member and credential, which every screening records anyway.
 * Kept with the screening, and with a hit found after the fact (hits after the fact).
 */
export interface ScreeningPlace {
  flight: string;
  from: string | null;
  to: string | null;
  /** The departure time as the message gives it (`2024-01-31T10:30`), or null. */
  departure: string | null;
}

export function flightPlace(flight: PaxlstFlight): ScreeningPlace {
  const first = flight.legs[0];
  const last = flight.legs[flight.legs.length - 1];
  return { flight: flight.designator, from: first?.departure.airport ?? null, to: last?.arrival.airport ?? flight.finalDestination, departure: first?.departure.time ?? null };
}

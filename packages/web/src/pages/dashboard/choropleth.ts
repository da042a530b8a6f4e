/** Light to dark orange: more hits, darker; one hue, so it reads without telling colours apart. The lightest stays clear of the grey of countries without hits. */
export const PALETTE = ['#fdd49e', '#fdae6b', '#f16913', '#d94801', '#8c2d04'] as const;

export interface HitClass {
  from: number;
  to: number;
  colour: string;
}

/**
 * Classes of hit counts for the map and its legend, from 1 to `max`. Bounds grow geometrically
 * (1, 2–3, 4–9…) because a few countries usually account for most hits; with few hits each count
 * is a class of its own.
 */
export function hitClasses(max: number, steps: number = PALETTE.length): HitClass[] {
  if (max < 1) return [];
  const starts: number[] = [];
  for (let i = 0; i < steps; i++) {
    const s = Math.max(1, Math.round(max ** (i / steps)));
    if (starts.length === 0 || s > starts[starts.length - 1]!) starts.push(s);
  }
  const k = starts.length;
  return starts.map((from, i) => ({
    from,
    to: i + 1 < k ? starts[i + 1]! - 1 : max,
    colour: PALETTE[k === 1 ? PALETTE.length - 1 : Math.round((i * (PALETTE.length - 1)) / (k - 1))]!,
  }));
}

/** The colour of a count, or null for none. */
export function colourOf(classes: readonly HitClass[], count: number): string | null {
  return classes.find((c) => count >= c.from && count <= c.to)?.colour ?? null;
}

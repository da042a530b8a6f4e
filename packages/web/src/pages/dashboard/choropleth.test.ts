import { describe, expect, it } from 'vitest';
import { colourOf, hitClasses, PALETTE } from './choropleth.ts';
import { niceCeiling } from './HitsChart.tsx';
import { unwrapRing } from './world-shapes.ts';

describe('dashboard drawing helpers', () => {
  it('makes each count a class when there are few, and geometric classes beyond', () => {
    expect(hitClasses(0)).toEqual([]);
    expect(hitClasses(1)).toEqual([{ from: 1, to: 1, colour: PALETTE[4] }]);
    expect(hitClasses(2)).toEqual([{ from: 1, to: 1, colour: PALETTE[0] }, { from: 2, to: 2, colour: PALETTE[4] }]);
    expect(hitClasses(100).map((c) => [c.from, c.to])).toEqual([[1, 2], [3, 5], [6, 15], [16, 39], [40, 100]]);
    const classes = hitClasses(100);
    expect(colourOf(classes, 0)).toBeNull();
    expect(colourOf(classes, 7)).toBe(PALETTE[2]);
    expect(colourOf(classes, 100)).toBe(PALETTE[4]);
  });

  it('rounds the chart axis up to 1, 2 or 5 times a power of ten', () => {
    expect([0, 1, 3, 7, 10, 11, 240].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 500]);
  });

  it('keeps a ring that crosses the antimeridian in one piece, on the side where most of it lies', () => {
    expect(unwrapRing([[170, 60], [179, 61], [-179, 62], [-170, 63], [170, 60]])).toEqual([[170, 60], [179, 61], [181, 62], [190, 63], [170, 60]]);
    expect(unwrapRing([[-170, 63], [150, 60], [179, 61], [-179, 62], [-170, 63]])).toEqual([[190, 63], [150, 60], [179, 61], [181, 62], [190, 63]]);
    expect(unwrapRing([[2, 48], [3, 49], [2, 48]])).toEqual([[2, 48], [3, 49], [2, 48]]);
  });
});

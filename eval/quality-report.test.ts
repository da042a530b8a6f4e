import { describe, expect, it } from 'vitest';
import { deltaAgainst, parseReport, type QualityReport } from './quality-report.js';

const report = (figures: QualityReport['figures'], commit = 'abc'): QualityReport => ({
  format: 1,
  measured: { commit, version: '0.1.0', date: '2026-12-07', threshold: 0.7 },
  figures,
  worstErrors: [],
  learned: [],
});

describe('the change since the previous release', () => {
  it('is the current figure minus the previous one, figure by figure', () => {
    const delta = deltaAgainst(report({ 'names.bench.all.f1': 0.93, 'screening.negatives.rate': 0.0004, 'names.new.figure': 5 }), report({ 'names.bench.all.f1': 0.91, 'screening.negatives.rate': 0.0014, 'names.gone': 1 }));
    expect(delta.get('names.bench.all.f1')!.change).toBeCloseTo(0.02);
    expect(delta.get('screening.negatives.rate')!.change).toBeCloseTo(-0.001);
    // A figure the previous release did not measure, or no longer measured: no change to show.
    expect(delta.get('names.new.figure')).toEqual({ id: 'names.new.figure', previous: null, current: 5, change: null });
    expect(delta.get('names.gone')).toEqual({ id: 'names.gone', previous: 1, current: null, change: null });
  });

  it('has no change without a previous release, nor where a figure is undefined', () => {
    expect(deltaAgainst(report({ a: 1 }), null).get('a')).toEqual({ id: 'a', previous: null, current: 1, change: null });
    expect(deltaAgainst(report({ a: null }), report({ a: 0.5 })).get('a')!.change).toBeNull();
  });

  it('reads a committed report back, and refuses anything else', () => {
    const r = report({ 'mrz.agreement': 1 });
    expect(parseReport(JSON.stringify(r))).toEqual(r);
    expect(parseReport('{"format":2,"figures":{}}')).toBeNull();
    expect(parseReport('not json')).toBeNull();
  });
});

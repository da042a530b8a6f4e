import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as constants from './index.js';
import { alertInputSchema, handlingCodeSchema, hitOutcomeSchema, roleMay } from '../index.js';

const ENTRY = fileURLToPath(new URL('./index.ts', import.meta.url));

/** Every module the entry loads at run time (type-only imports vanish in the bundle), with the packages each names. */
function runtimeImports(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)\s+(type\s+)?[^'";]*?from\s+['"]([^'"]+)['"]/gm)) {
      if (m[1]) continue;
      const spec = m[2]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files: [...files], packages: [...packages] };
}

describe('@crosscheck/core/constants', () => {
  it('loads no package at all, so the browser shell that imports it never downloads zod', () => {
    const { files, packages } = runtimeImports(ENTRY);
    expect(files.length).toBeGreaterThan(3);
    expect(packages).toEqual([]);
  });

  it('holds the values the schemas accept', () => {
    for (const category of constants.PERSON_CATEGORIES) {
      // The SIS recast categories each need their section (alerts/recast-sections.ts).
      const section = { 'return-decision': { returnDecision: { decidedOn: '2026-01-01', leaveBy: '2026-02-01' } }, 'inquiry-check': { inquiry: { questions: ['Where to?'] } }, preventive: { preventive: { subject: 'vulnerable-person' } } }[category as string] ?? {};
      const body = { kind: 'person', category, person: { names: [{ family: 'DOE' }] }, visibility: { mode: 'all' }, ...section };
      expect(alertInputSchema.safeParse(body).success, category).toBe(true);
    }
    expect(alertInputSchema.safeParse({ kind: 'person', category: 'vanished', person: { names: [{ family: 'DOE' }] }, visibility: { mode: 'all' } }).success).toBe(false);
    for (const code of constants.HANDLING_CODES) expect(handlingCodeSchema.safeParse(code).success).toBe(true);
    expect(hitOutcomeSchema.safeParse({ outcome: 'confirmed', note: 'x'.repeat(constants.OUTCOME_NOTE_MAX + 1) }).success).toBe(false);
  });

  it('gives the roles that hold a permission, as the roles table decides', () => {
    expect([...constants.rolesWith('links.read')]).toEqual(['analyst']);
    for (const role of constants.ROLES) expect(constants.rolesWith('alert.read').includes(role)).toBe(roleMay(role, 'alert.read'));
  });
});

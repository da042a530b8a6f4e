import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { MAX_NAMES_LINE_BYTES, namesCommand } from './names-command.js';

/** Runs `crosscheck names compare` in-process on the given standard input; returns the output lines, parsed. */
async function runCompare(stdin: string | Buffer[], args: string[] = []): Promise<Record<string, unknown>[]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  const program = new Command('crosscheck').exitOverride().configureOutput({ writeErr: () => undefined });
  namesCommand(program, { input: Readable.from(typeof stdin === 'string' ? [Buffer.from(stdin)] : stdin), output });
  await program.parseAsync(['names', 'compare', ...args], { from: 'user' });
  return Buffer.concat(chunks)
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

const line = (a: unknown, b: unknown): string => `${JSON.stringify({ a, b })}\n`;

describe('crosscheck names compare', () => {
  it('answers each pair with a score, a match flag and reasons', async () => {
    const out = await runCompare(line('Muammar Qadhafi', 'Muammar Gaddafi') + line('George Bush', 'George Habbash'));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ match: true });
    expect(out[0]!.score).toBeGreaterThan(0.9);
    expect(out[0]!.reasons).toContain('name QADHAFI ~ GADDAFI: transliteration variant');
    expect(out[1]).toMatchObject({ match: false });
    expect(out[1]!.score).toBeLessThan(0.6);
  });

  it('answers a bad line with an error and goes on with the next one, one answer per line', async () => {
    const input = ['{not json', '[1,2]', JSON.stringify({ a: 'x' }), JSON.stringify({ a: 1, b: 'y' }), '', line('Ivan Petrov', 'Иван Петров').trim()].join('\n');
    const out = await runCompare(input);
    expect(out.map((o) => (o.error === undefined ? 'ok' : 'error'))).toEqual(['error', 'error', 'error', 'error', 'error', 'ok']);
    expect(out[0]!.error).toBe('not JSON');
    expect(out[5]).toMatchObject({ match: true });
  });

  it('refuses a line longer than the cap without reading it whole, and goes on', async () => {
    const long = JSON.stringify({ a: 'x'.repeat(MAX_NAMES_LINE_BYTES), b: 'y' });
    const out = await runCompare([Buffer.from(long.slice(0, 5000)), Buffer.from(`${long.slice(5000)}\n`), Buffer.from(line('Anna Maria Eriksson', 'ERIKSSON, Anna'))]);
    expect(out[0]!.error).toContain(`longer than ${MAX_NAMES_LINE_BYTES} bytes`);
    expect(out[1]).toMatchObject({ match: true });
  });

  it('takes names split into family and given names', async () => {
    const out = await runCompare(line({ family: 'Gaddafi', given: 'Muammar' }, 'Qadhafi, Muammar'));
    expect(out[0]).toMatchObject({ match: true });
    expect(out[0]!.reasons).toContain('surname GADDAFI ~ QADHAFI: transliteration variant');
  });

  it('compares organisations, companies and ships by the line\'s "schema", persons by default', async () => {
    const input = [
      JSON.stringify({ a: 'Romashka LLC', b: 'ООО «Ромашка»', schema: 'Company' }),
      JSON.stringify({ a: 'IRGC', b: 'Islamic Revolutionary Guard Corps', schema: 'Organization' }),
      JSON.stringify({ a: 'MV Ocean Pearl', b: 'OCEAN PEARL', schema: 'Vessel' }),
      JSON.stringify({ a: 'Delta Bank AG', b: 'Delta Bank GmbH', schema: 'LegalEntity' }),
      JSON.stringify({ a: 'Ivan Petrov', b: 'Иван Петров' }),
    ].join('\n');
    const out = await runCompare(input);
    expect(out.map((o) => o.match)).toEqual([true, true, true, false, true]);
    expect(out[0]!.reasons).toContain('legal form LLC ~ ООО: same kind');
    expect(out[1]!.reasons).toContain('name IRGC ~ ISLAMIC REVOLUTIONARY GUARD CORPS: initialism');
  });

  it('answers an unknown schema, or a structured name for an organisation, with an error for that line only', async () => {
    const input = [
      JSON.stringify({ a: 'Acme', b: 'Acme', schema: 'Airplane' }),
      JSON.stringify({ a: { family: 'Acme' }, b: 'Acme', schema: 'Company' }),
      JSON.stringify({ a: 'Acme Ltd', b: 'Acme Limited', schema: 'Company' }),
    ].join('\n');
    const out = await runCompare(input);
    expect(out[0]!.error).toBe('"schema" must be one of Person, Company, Organization, LegalEntity, Vessel');
    expect(out[1]!.error).toBe('"a" and "b" must both be strings for a Company');
    expect(out[2]).toMatchObject({ match: true });
  });

  it('applies --threshold', async () => {
    const input = line('Vladimir Putin', 'Vladimir Vladimirovich Putin');
    expect((await runCompare(input, ['--threshold', '0.99']))[0]).toMatchObject({ match: false });
    expect((await runCompare(input, ['--threshold', '0.5']))[0]).toMatchObject({ match: true });
  });

  it('refuses a threshold outside 0 to 1', async () => {
    await expect(runCompare('', ['--threshold', '2'])).rejects.toThrow(/0 to 1/);
  });
});

import { PassThrough, Readable } from 'node:stream';
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { MAX_MRZ_INPUT_LINE, mrzCommand } from './mrz-command.js';

const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];

/** Runs `crosscheck mrz` in-process on the given standard input; returns the parsed output lines. */
async function runMrz(stdin: string | Buffer[], args: string[] = []): Promise<Record<string, unknown>[]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (c: Buffer) => chunks.push(c));
  const program = new Command('crosscheck').exitOverride();
  mrzCommand(program, { input: Readable.from(typeof stdin === 'string' ? [Buffer.from(stdin)] : stdin), output });
  await program.parseAsync(['mrz', ...args], { from: 'user' });
  const text = Buffer.concat(chunks).toString('utf8');
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('crosscheck mrz', () => {
  it('answers each zone with format, validity, fields, checks, warnings, errors and suggestions, in order', async () => {
    const out = await runMrz(`${JSON.stringify({ mrz: TD3 })}\n${JSON.stringify({ mrz: TD1.join('\n') })}\n`, ['--today', '2010-01-01']);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({
      format: 'TD3',
      valid: true,
      fields: {
        documentCode: 'P',
        issuingState: 'UTO',
        documentNumber: 'L898902C3',
        surname: 'ERIKSSON',
        givenNames: 'ANNA MARIA',
        nationality: 'UTO',
        birthDate: '1974-08-12',
        sex: 'F',
        expiryDate: '2012-04-15',
        optionalData: 'ZE184226B',
      },
      checks: { documentNumber: true, birthDate: true, expiryDate: true, personalNumber: true, composite: true },
      errors: [],
      suggestions: [],
    });
    expect(out[0]!.warnings).toContainEqual(expect.objectContaining({ code: 'mrz.unknown-state' }));
    expect(out[1]).toMatchObject({ format: 'TD1', valid: true });
  });

  it('gives a null-format error result for a line that is not JSON or not an MRZ, and carries on', async () => {
    const out = await runMrz(['{oops\n', `${JSON.stringify({ mrz: ['HELLO', 'WORLD'] })}\n`, `${JSON.stringify({ nothing: 1 })}\n`, `${JSON.stringify({ mrz: TD3 })}\n`].map((s) => Buffer.from(s)));
    expect(out.map((r) => r.format)).toEqual([null, null, null, 'TD3']);
    expect(out[0]).toMatchObject({ valid: false, errors: [expect.objectContaining({ code: 'mrz.not-json' })] });
    expect(out[1]).toMatchObject({ valid: false, errors: [expect.objectContaining({ code: 'mrz.line-length' })] });
    expect(out[2]).toMatchObject({ errors: [expect.objectContaining({ code: 'mrz.missing' })] });
  });

  it('refuses an over-long line with an error result instead of reading it', async () => {
    const huge = JSON.stringify({ mrz: ['A'.repeat(MAX_MRZ_INPUT_LINE + 10)] });
    const out = await runMrz(`${huge}\n${JSON.stringify({ mrz: TD3 })}\n`);
    expect(out.map((r) => r.format)).toEqual([null, 'TD3']);
    expect(out[0]).toMatchObject({ errors: [expect.objectContaining({ code: 'mrz.input-too-long' })] });
  });

  it('reports OCR suggestions and keeps the caller id', async () => {
    const garbled = ['P<UT0ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', TD3[1]];
    const [r] = await runMrz(`${JSON.stringify({ id: 'scan-7', mrz: garbled })}\n`, ['--today', '2010-01-01']);
    expect(r).toMatchObject({ id: 'scan-7', format: 'TD3', valid: false });
    expect(r!.suggestions).toContainEqual(expect.objectContaining({ field: 'issuingState', from: '0', to: 'O' }));
  });

  it('skips blank lines and reads the last line without a line break', async () => {
    const out = await runMrz(`\n\n${JSON.stringify({ mrz: TD3 })}`);
    expect(out).toHaveLength(1);
  });
});

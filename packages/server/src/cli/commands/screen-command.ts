import { DomainError } from '@crosscheck/core';
import type { Command } from 'commander';
import { memberCode } from '../options.js';
import { screen } from '../../app/screen.js';
import { cliCtx, withDeps, type DbOption } from '../context.js';
import { readLines } from '../read-lines.js';

const MAX_LINE = 64 * 1024;

export function screenCommand(program: Command): void {
  program
    .command('screen')
    .description('screen query lines from standard input (as POST /api/v1/screen, with an optional "id"); one result line each, in order')
    .option('--member <code>', 'screen as this member (default: the operator, CROSSCHECK_OPERATOR)', memberCode)
    .option('--db <path>', 'SQLite file')
    .action((o: DbOption & { member?: string }) =>
      withDeps(o, async (deps) => {
        const ctx = cliCtx(o.member ?? deps.operator, 'frontline');
        for await (const line of readLines(process.stdin, MAX_LINE)) {
          if (!line.tooLong && line.text.trim() === '') continue;
          process.stdout.write(`${JSON.stringify(await screenLine(line.text, line.tooLong, line.number))}\n`);
        }

        async function screenLine(text: string, tooLong: boolean, number: number): Promise<unknown> {
          if (tooLong) return { line: number, error: `line longer than ${MAX_LINE} bytes` };
          let query: unknown;
          try {
            query = JSON.parse(text);
          } catch (e) {
            return { line: number, error: `not JSON: ${(e as Error).message}` };
          }
          try {
            return await screen(deps, ctx, query);
          } catch (e) {
            if (e instanceof DomainError) {
              const id = typeof query === 'object' && query !== null && typeof (query as { id?: unknown }).id === 'string' ? { id: (query as { id: string }).id } : {};
              return { ...id, line: number, error: e.message };
            }
            throw e;
          }
        }
      }),
    );
}

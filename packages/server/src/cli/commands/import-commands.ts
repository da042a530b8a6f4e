import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { DB_HELP, memberCode } from '../options.js';
import { importUnList } from '../../app/import-un-list.js';
import { MAX_UN_LIST_BYTES } from '../../formats/un-sc-list.js';
import { cliCtx, withDeps, type DbOption } from '../context.js';

export function importCommands(program: Command): void {
  const imp = program.command('import').description('import lists published by others');
  imp
    .command('un-sc')
    .argument('<file>', 'the list as published (XML)')
    .description('import the UN Security Council Consolidated List (XML) as person alerts of category un-sanctions; importing again updates, never duplicates')
    .option('--owner <code>', 'the member that owns the imported alerts', memberCode, 'UNO')
    .option('--db <path>', DB_HELP)
    .action((file: string, o: DbOption & { owner: string }) =>
      withDeps(o, async (deps) => {
        const size = statSync(file).size;
        if (size > MAX_UN_LIST_BYTES) throw new Error(`${file} is larger than ${MAX_UN_LIST_BYTES} bytes`);
        const report = await importUnList(deps, cliCtx(o.owner, 'bureau'), readFileSync(file, 'utf8'));
        for (const w of report.warnings) process.stderr.write(`warning: ${w}\n`);
        process.stdout.write(`created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, delisted ${report.delisted}\n`);
      }),
    );
}

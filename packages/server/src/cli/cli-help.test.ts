import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from './program.js';

/** Every command of the tree with its path, e.g. "crosscheck users list". */
function commandsOf(command: Command, path: string[] = []): { path: string; command: Command }[] {
  const here = [...path, command.name()];
  return [{ path: here.join(' '), command }, ...command.commands.flatMap((c) => commandsOf(c, here))];
}

describe('crosscheck --help', () => {
  const commands = commandsOf(buildProgram());

  it('describes every command, every argument and every option', () => {
    expect(commands.length).toBeGreaterThan(30);
    const undescribed = commands.flatMap(({ path, command }) => [
      ...(command.description().trim() === '' ? [path] : []),
      ...command.registeredArguments.filter((a) => a.description.trim() === '').map((a) => `${path} <${a.name()}>`),
      ...command.options.filter((o) => o.description.trim() === '').map((o) => `${path} ${o.flags}`),
    ]);
    expect(undescribed).toEqual([]);
  });

  it('says that every --db takes a postgres:// URL as well as a SQLite file', () => {
    const dbOptions = commands.flatMap(({ path, command }) => command.options.filter((o) => o.long === '--db').map((o) => ({ path, help: o.description })));
    expect(dbOptions.length).toBeGreaterThan(15);
    for (const { path, help } of dbOptions) {
      expect(help, path).toContain('postgres://');
      expect(help, path).toContain('SQLite');
    }
  });

  it('has --version', () => {
    const version = buildProgram().options.find((o) => o.long === '--version');
    expect(version?.description).toContain('version');
  });
});

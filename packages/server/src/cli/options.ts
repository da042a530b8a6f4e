import { InvalidArgumentError } from 'commander';

/** Commander parser for `--member`/`--owner`: a three-letter member code, upper-cased. */
export function memberCode(value: string): string {
  const v = value.toUpperCase();
  if (!/^[A-Z]{3}$/.test(v)) throw new InvalidArgumentError('a three-letter member code');
  return v;
}

/** Commander parser for a comma-separated list of member codes. */
export function memberList(value: string): string[] {
  const codes = value.split(',').map((c) => c.trim()).filter((c) => c !== '');
  if (codes.length === 0) throw new InvalidArgumentError('one or more three-letter member codes, comma-separated');
  return codes.map(memberCode);
}

/** Commander parser for a value from a fixed list, naming the list when it is not one of them. */
export function oneOf<T extends string>(values: readonly T[]): (value: string) => T {
  return (value) => {
    if (!(values as readonly string[]).includes(value)) throw new InvalidArgumentError(`one of ${values.join(', ')}`);
    return value as T;
  };
}

/** The help of every `--db` option: both engines, and where the default comes from. */
export const DB_HELP = 'the database: a SQLite file path or a postgres://user@host:port/db URL (default: DATABASE_URL, then ./data/crosscheck.db)';

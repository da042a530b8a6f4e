import { InvalidArgumentError } from 'commander';

/** Commander parser for `--member`/`--owner`: a three-letter member code, upper-cased. */
export function memberCode(value: string): string {
  const v = value.toUpperCase();
  if (!/^[A-Z]{3}$/.test(v)) throw new InvalidArgumentError('a three-letter member code');
  return v;
}

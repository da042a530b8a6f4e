/**
 * The part of ICU MessageFormat that texts needing grammar use: `{name}` inserts a value,
 * `{n, plural, one {…} other {…}}` picks the language's plural form of n (Intl.PluralRules; `#` is
 * n), `{v, select, a {…} other {…}}` picks by value. Values quoted from data (names, numbers,
 * dates) come back as `{ value }` parts, so the page can isolate their direction (a Latin name
 * inside an Arabic sentence); the words of the text come back as strings.
 */
export type MessagePart = string | { value: string };
export type MessageArg = string | number | boolean | readonly MessagePart[] | undefined;

export function formatMessage(template: string, args: Readonly<Record<string, MessageArg>>, plural: Intl.PluralRules): MessagePart[] {
  const out: MessagePart[] = [];
  format(template, args, plural, null, out);
  return joinText(out);
}

/** The parts as one string, for a title or a test. */
export function messageText(parts: readonly MessagePart[]): string {
  return parts.map((p) => (typeof p === 'string' ? p : p.value)).join('');
}

function format(template: string, args: Readonly<Record<string, MessageArg>>, plural: Intl.PluralRules, count: string | null, out: MessagePart[]): void {
  let text = '';
  let i = 0;
  while (i < template.length) {
    const c = template[i]!;
    if (c === '#' && count !== null) {
      text += count;
      i++;
    } else if (c === '{') {
      if (text) out.push(text);
      text = '';
      const end = closing(template, i);
      placeholder(template.slice(i + 1, end), args, plural, count, out);
      i = end + 1;
    } else if (c === '}') {
      throw new Error(`unbalanced } in "${template}"`);
    } else {
      text += c;
      i++;
    }
  }
  if (text) out.push(text);
}

function placeholder(body: string, args: Readonly<Record<string, MessageArg>>, plural: Intl.PluralRules, count: string | null, out: MessagePart[]): void {
  const comma = body.indexOf(',');
  const name = (comma === -1 ? body : body.slice(0, comma)).trim();
  const value = args[name];
  if (comma === -1) {
    if (value === undefined) throw new Error(`no value for {${name}}`);
    if (Array.isArray(value)) out.push(...(value as readonly MessagePart[]));
    else out.push({ value: String(value) });
    return;
  }
  const rest = body.slice(comma + 1);
  const second = rest.indexOf(',');
  const type = rest.slice(0, second).trim();
  const branches = parseBranches(rest.slice(second + 1), body);
  if (type === 'plural') {
    if (typeof value !== 'number') throw new Error(`{${name}, plural} needs a number`);
    const branch = branches.get(plural.select(value)) ?? branches.get('other');
    if (branch === undefined) throw new Error(`{${name}, plural} has no "other" form`);
    format(branch, args, plural, String(value), out);
  } else if (type === 'select') {
    const branch = branches.get(String(value)) ?? branches.get('other');
    if (branch === undefined) throw new Error(`{${name}, select} has no "other" branch`);
    format(branch, args, plural, count, out);
  } else {
    throw new Error(`unknown format "${type}" in {${body}}`);
  }
}

/** `one {…} other {…}` → its branches by key. */
function parseBranches(source: string, body: string): Map<string, string> {
  const branches = new Map<string, string>();
  let i = 0;
  for (;;) {
    while (i < source.length && /\s/.test(source[i]!)) i++;
    if (i >= source.length) break;
    const open = source.indexOf('{', i);
    if (open === -1) throw new Error(`a branch without text in {${body}}`);
    const key = source.slice(i, open).trim();
    const end = closing(source, open);
    branches.set(key, source.slice(open + 1, end));
    i = end + 1;
  }
  return branches;
}

/** The index of the `}` closing the `{` at `open`. */
function closing(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    if (s[i] === '{') depth++;
    else if (s[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unclosed { in "${s}"`);
}

/** Adjacent strings as one, so a sentence is one text node. */
function joinText(parts: MessagePart[]): MessagePart[] {
  const out: MessagePart[] = [];
  for (const p of parts) {
    const last = out[out.length - 1];
    if (typeof p === 'string' && typeof last === 'string') out[out.length - 1] = last + p;
    else out.push(p);
  }
  return out;
}

import type { FindingText } from '@crosscheck/core/api';

/**
 * What a payload says when it is text: how much of it is printable, the script (and for a few
 * Latin-script languages, the language) it is in, the web and onion addresses in it, and its
 * first characters. Addresses are looked for in any payload: a link list padded with binary
 * bytes is still a link list.
 */

/** Bytes looked at; a payload can be 100 kB and a text verdict does not need all of it. */
const SAMPLE_BYTES = 64 * 1024;
const PREVIEW_CHARS = 200;
/** From this share of printable characters a payload is called text. */
export const TEXT_RATIO = 0.85;

const decoder = new TextDecoder('utf-8', { fatal: false });

// Scheme URLs, and bare host names with a path under a common top-level domain (payloads often
// leave out the scheme to save bytes: "midasrezerv.com/reports/…").
const SCHEME_URL = /\b(?:https?|ftp|ipfs|magnet|ws|wss):(?:\/\/)?[^\s"'<>\\^`{|}\x00-\x1f]{3,2000}/gi;
const BARE_URL = /\b(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:com|net|org|info|biz|io|ru|cn|de|uk|fr|nl|me|co|to|cc|tk|xyz|top|su|onion)\/[^\s"'<>\\^`{|}\x00-\x1f]{1,2000}/gi;
const ONION = /\b(?:[a-z2-7]{56}|[a-z2-7]{16})\.onion\b/gi;

const SCRIPTS: [string, RegExp][] = [
  ['Latn', /\p{Script=Latin}/u], ['Cyrl', /\p{Script=Cyrillic}/u], ['Arab', /\p{Script=Arabic}/u],
  ['Hani', /\p{Script=Han}/u], ['Hira', /\p{Script=Hiragana}|\p{Script=Katakana}/u], ['Hang', /\p{Script=Hangul}/u],
  ['Hebr', /\p{Script=Hebrew}/u], ['Grek', /\p{Script=Greek}/u], ['Deva', /\p{Script=Devanagari}/u], ['Thai', /\p{Script=Thai}/u],
];

// A handful of the commonest words per language: enough to tell a sentence's language apart, not
// a classifier. Below three hits no guess is made.
const STOPWORDS: [string, Set<string>][] = [
  ['en', new Set('the and of to in is that for it with as was on are you this be by not or have from'.split(' '))],
  ['fr', new Set('le la les de des et est un une du que qui dans pour pas sur au avec ce il je vous'.split(' '))],
  ['es', new Set('el la los las de del y que en un una por con para es no se lo al como'.split(' '))],
  ['de', new Set('der die das und ist nicht ein eine zu den mit von sich des auf für im dem ich'.split(' '))],
  ['pt', new Set('o os as de do da dos das e que em um uma para com não por se na no'.split(' '))],
];

export function textFacts(bytes: Uint8Array): FindingText | null {
  const sample = bytes.length > SAMPLE_BYTES ? bytes.subarray(0, SAMPLE_BYTES) : bytes;
  if (sample.length === 0) return null;
  const text = decoder.decode(sample);
  let printable = 0;
  let total = 0;
  for (const ch of text) {
    total++;
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd) continue; // not UTF-8 at this place
    if (c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c !== 0x7f && !(c >= 0x80 && c < 0xa0))) printable++;
  }
  const printableRatio = total === 0 ? 0 : printable / total;
  const withScheme = [...text.matchAll(SCHEME_URL)].map((m) => trimUrl(m[0]));
  // A bare host/path already inside a URL with its scheme is the same address, not a second one.
  const bare = [...text.matchAll(BARE_URL)].map((m) => trimUrl(m[0])).filter((u) => !withScheme.some((w) => w.includes(u)));
  const urls = unique([...withScheme, ...bare]);
  const onions = unique([...text.matchAll(ONION)].map((m) => m[0].toLowerCase()));
  if (printableRatio < TEXT_RATIO && urls.length === 0 && onions.length === 0) return null;
  return {
    printableRatio: Math.round(printableRatio * 1000) / 1000,
    language: printableRatio >= TEXT_RATIO ? languageHint(text) : null,
    // Every address found (a 64 kB sample bounds them); the finding keeps the first ones and says how many.
    urls,
    onions,
    preview: preview(text),
  };
}

/** The first characters with control characters shown as U+FFFD: text to escape, never markup. */
function preview(text: string): string {
  let out = '';
  for (const ch of text) {
    if (out.length >= PREVIEW_CHARS) break;
    const c = ch.codePointAt(0)!;
    out += c === 0x0a || c === 0x09 || (c >= 0x20 && c !== 0x7f && !(c >= 0x80 && c < 0xa0)) ? ch : c === 0 ? '' : '\ufffd';
  }
  return out;
}

function languageHint(text: string): string | null {
  const counts = new Map<string, number>();
  let letters = 0;
  for (const ch of text.slice(0, 4000)) {
    if (!/\p{L}/u.test(ch)) continue;
    letters++;
    for (const [name, re] of SCRIPTS) {
      if (re.test(ch)) {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        break;
      }
    }
  }
  if (letters < 3) return null;
  const [script, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
  if (n / letters < 0.5) return null;
  if (script !== 'Latn') return script;
  const words = text.slice(0, 4000).toLowerCase().split(/[^\p{L}]+/u);
  let best: [string, number] = ['', 0];
  for (const [lang, set] of STOPWORDS) {
    const hits = words.filter((w) => set.has(w)).length;
    if (hits > best[1]) best = [lang, hits];
  }
  return best[1] >= 3 ? best[0] : 'Latn';
}

/** Punctuation that ends a sentence is not part of the address before it. */
function trimUrl(url: string): string {
  return url.replace(/[.,;:!?)\]]+$/, '');
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

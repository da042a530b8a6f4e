import type { ExtractionMethod, Finding, FindingPlace } from '../../api/chain.ts';
import type { MessageKey } from '../../i18n/dictionary.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { isBrowserDecoding, type BrowserDecoding } from './decode-content.ts';

/** How a finding was written into the transaction, in words (never the code). */
export function methodText(t: Translate, method: ExtractionMethod): string {
  return t(`method.${method}` satisfies MessageKey);
}

/**
 * Where in the transaction the bytes are, in words: "output 3", "outputs 0–413", "input 2,
 * inscription 1". Indexes stay 0-based, as block explorers and `<txid>i<n>` inscription ids
 * count them, so an investigator can look the place up elsewhere.
 */
export function placeText(t: Translate, method: ExtractionMethod, place: FindingPlace): string {
  switch (place.kind) {
    case 'output':
      return t('chain.place.output', { index: place.index });
    case 'outputs':
      return place.first === place.last ? t('chain.place.output', { index: place.first }) : t('chain.place.outputs', { first: place.first, last: place.last });
    case 'input': {
      if (place.item === undefined) return t('chain.place.input', { index: place.index });
      const key = method === 'ordinals' ? 'chain.place.inscription' : method === 'atomicals' ? 'chain.place.envelope' : 'chain.place.item';
      return t(key, { index: place.index, item: place.item });
    }
  }
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A size in the reader's units: "80 bytes", "1.5 kB", "3.2 MB" (decimal units, as the kB/MB they print). */
export function sizeText(language: string, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(language, { style: 'unit', unit: UNITS[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

/** A share (0–1) as a percentage in the reader's language. */
export function percentText(language: string, ratio: number): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/**
 * Image types a browser decodes as a picture and nothing more. Only these are ever drawn, and only
 * after "reveal". Not SVG: inert inside <img>, but "open image in new tab" makes its blob: URL a
 * document of the app's origin, where its script would meet only the page's CSP; it is saved as a
 * file instead.
 */
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/bmp', 'image/x-icon', 'image/vnd.microsoft.icon']);

/** Types that a browser would run if opened as a document: never displayed, saved only under a neutral name. */
const ACTIVE_TYPES = /^(text\/html|application\/xhtml\+xml|text\/javascript|application\/(x-)?javascript|application\/ecmascript|text\/xml|application\/xml|image\/svg\+xml)(;|$)/i;

const EXTENSIONS: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/avif': '.avif',
  'image/bmp': '.bmp',
  'application/pdf': '.pdf',
  'application/zip': '.zip',
  'application/gzip': '.gz',
  'application/x-tar': '.tar',
  'application/x-7z-compressed': '.7z',
  'application/json': '.json',
  'text/plain': '.txt',
  'audio/mpeg': '.mp3',
  'video/mp4': '.mp4',
};

/** How the content of a finding may be shown once revealed. */
export type ContentView =
  /** A picture: drawn in <img> from a blob: URL of this type, after undoing `decode` when the picture was carried encoded. */
  | { kind: 'image'; type: string; decode?: { encoding: BrowserDecoding; size: number } }
  /** Anything else: saved as a file; `active` when it is a web page or script (never displayed). */
  | { kind: 'file'; name: string; active: boolean };

const bare = (type: string | null) => (type ? type.split(';')[0]!.trim().toLowerCase() : null);

/**
 * What the bytes are decides, not what the transaction claims: a declared image type is used
 * only when the bytes were not recognised at all.
 */
export function contentView(f: Pick<Finding, 'mediaType' | 'declaredType' | 'sha256'> & { decoded?: Finding['decoded'] }): ContentView {
  const found = bare(f.mediaType);
  const declared = bare(f.declaredType);
  const imageType = found && IMAGE_TYPES.has(found) ? found : found === null && declared && IMAGE_TYPES.has(declared) ? declared : null;
  if (imageType) return { kind: 'image', type: imageType };
  // A picture carried encoded: shown only when the server decoded it whole (a capped one may be a bomb).
  const d = f.decoded;
  const decodedType = d ? bare(d.mediaType) : null;
  if (d && !d.capped && decodedType && IMAGE_TYPES.has(decodedType) && isBrowserDecoding(d.encoding)) return { kind: 'image', type: decodedType, decode: { encoding: d.encoding, size: d.size } };
  const type = found ?? declared ?? '';
  const active = ACTIVE_TYPES.test(type);
  const extension = active ? '.bin' : (EXTENSIONS[type] ?? '.bin');
  return { kind: 'file', name: `finding-${f.sha256.slice(0, 16)}${extension}`, active };
}

/** The media families the filter offers, as the prefix the API matches. */
export const MEDIA_FAMILIES = ['image', 'text', 'application', 'audio', 'video', 'font', 'model'] as const;
export type MediaFamily = (typeof MEDIA_FAMILIES)[number];

export const HEX64 = /^[0-9a-f]{64}$/i;
export const HEX32 = /^[0-9a-f]{32}$/i;

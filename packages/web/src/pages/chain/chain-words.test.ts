import { EXTRACTION_METHODS } from '@crosscheck/core/constants';
import { describe, expect, it } from 'vitest';
import { EN, type Dictionary, type MessageKey } from '../../i18n/dictionary.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { dictionary as ar } from '../../i18n/languages/ar.ts';
import { dictionary as es } from '../../i18n/languages/es.ts';
import { dictionary as fr } from '../../i18n/languages/fr.ts';
import { contentView, methodText, placeText, sizeText } from './chain-words.ts';

const LANGUAGES: [string, Dictionary][] = [
  ['en', EN],
  ['fr', fr],
  ['es', es],
  ['ar', ar],
];

const translate =
  (dict: Dictionary): Translate =>
  (key: MessageKey, params?: Record<string, string | number>) =>
    dict[key].replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));

// Protocol names that every language writes as they are.
const PROPER_NAMES = new Set(['op-return', 'atomicals']);

describe.each(LANGUAGES)('findings in words (%s)', (language, dict) => {
  const t = translate(dict);

  it.each(EXTRACTION_METHODS.map((m) => [m]))('names the method %s in words, not its code', (method) => {
    const text = methodText(t, method);
    expect(text.trim()).not.toBe('');
    expect(text).not.toBe(method);
    if (language !== 'en' && !PROPER_NAMES.has(method)) expect(text).not.toBe(methodText(translate(EN), method));
  });

  it('says where in the transaction, with every number given', () => {
    const places = [
      placeText(t, 'op-return', { kind: 'output', index: 3 }),
      placeText(t, 'output-data', { kind: 'outputs', first: 0, last: 413 }),
      placeText(t, 'ordinals', { kind: 'input', index: 2, item: 1 }),
      placeText(t, 'p2sh-input', { kind: 'input', index: 5 }),
    ];
    expect(places[0]).toContain('3');
    expect(places[1]).toMatch(/0.*413/);
    expect(places[2]).toMatch(/2.*1/);
    expect(places[3]).toContain('5');
    for (const p of places) expect(p).not.toMatch(/[{}]/);
  });
});

describe('places in English', () => {
  const t = translate(EN);
  it('reads as an investigator says it', () => {
    expect(placeText(t, 'op-return', { kind: 'output', index: 3 })).toBe('output 3');
    expect(placeText(t, 'output-data', { kind: 'outputs', first: 0, last: 413 })).toBe('outputs 0–413');
    expect(placeText(t, 'stamp', { kind: 'outputs', first: 2, last: 2 })).toBe('output 2');
    expect(placeText(t, 'ordinals', { kind: 'input', index: 2, item: 1 })).toBe('input 2, inscription 1');
    expect(placeText(t, 'atomicals', { kind: 'input', index: 0, item: 0 })).toBe('input 0, envelope 0');
  });
});

describe('sizes', () => {
  it('are in human units', () => {
    expect(sizeText('en', 80)).toBe('80 bytes');
    expect(sizeText('en', 1)).toBe('1 byte');
    expect(sizeText('en', 1500)).toBe('1.5 kB');
    expect(sizeText('en', 3_200_000)).toBe('3.2 MB');
    expect(sizeText('fr', 1500)).toMatch(/1,5\s?ko/);
  });
});

describe('what a revealed content may become', () => {
  const sha256 = 'ab'.repeat(32);
  it('is a picture only when the bytes are an image type a browser draws', () => {
    expect(contentView({ mediaType: 'image/png', declaredType: 'image/png', sha256 })).toEqual({ kind: 'image', type: 'image/png' });
    // The transaction's claim does not make an HTML page an image.
    expect(contentView({ mediaType: 'text/html', declaredType: 'image/png', sha256 })).toMatchObject({ kind: 'file', active: true });
    // A declared picture type is used when the bytes were not recognised.
    expect(contentView({ mediaType: null, declaredType: 'image/webp', sha256 })).toEqual({ kind: 'image', type: 'image/webp' });
    // An SVG is a document that can run script when opened on its own: saved, never drawn.
    expect(contentView({ mediaType: null, declaredType: 'image/svg+xml;charset=utf-8', sha256 })).toMatchObject({ kind: 'file', active: true });
    expect(contentView({ mediaType: 'image/svg+xml', declaredType: 'image/svg+xml', sha256 })).toMatchObject({ kind: 'file', active: true });
  });

  it('is otherwise a file with a neutral name, never a page', () => {
    expect(contentView({ mediaType: 'text/html', declaredType: 'text/html', sha256 })).toEqual({ kind: 'file', name: `finding-${'ab'.repeat(8)}.bin`, active: true });
    expect(contentView({ mediaType: 'application/pdf', declaredType: null, sha256 })).toEqual({ kind: 'file', name: `finding-${'ab'.repeat(8)}.pdf`, active: false });
    expect(contentView({ mediaType: null, declaredType: null, sha256 })).toMatchObject({ kind: 'file', active: false });
  });
});

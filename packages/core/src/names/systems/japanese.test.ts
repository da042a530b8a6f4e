import { describe, expect, it } from 'vitest';
import { compareNames } from '../compare-names.js';
import { prepareName } from '../prepare-name.js';
import { DEFAULT_THRESHOLD } from '../score-person.js';
import { readJapaneseName } from './japanese-kanji.js';
import { hepburnOfLatin, kanaReadings } from './japanese-romaji.js';

const compare = (a: string, b: string) => compareNames(prepareName(a), prepareName(b));
const variantsOf = (name: string) => prepareName(name).parts.flatMap((p) => p.variants.map((v) => v.text));

describe('kana in Hepburn, Kunrei-shiki and passport Hepburn', () => {
  // The rows where the systems differ, from Cabinet Notification No. 1 of 1954 (Kunrei) and the
  // Hepburn tables; long vowels without macrons as people type them.
  it.each([
    ['し', 'SHI', 'SI'], ['ち', 'CHI', 'TI'], ['つ', 'TSU', 'TU'], ['ふ', 'FU', 'HU'], ['じ', 'JI', 'ZI'],
    ['ぢ', 'JI', 'ZI'], ['づ', 'ZU', 'ZU'], ['しゃ', 'SHA', 'SYA'], ['しゅ', 'SHU', 'SYU'], ['しょ', 'SHO', 'SYO'],
    ['ちゃ', 'CHA', 'TYA'], ['ちょ', 'CHO', 'TYO'], ['じゃ', 'JA', 'ZYA'], ['じょ', 'JO', 'ZYO'], ['きょ', 'KYO', 'KYO'],
    ['を', 'O', 'O'], ['ん', 'N', 'N'], ['がっこう', 'GAKKO', 'GAKKO'], ['まっちゃ', 'MATCHA', 'MATTYA'],
    ['さとう', 'SATO', 'SATO'], ['ゆうき', 'YUKI', 'YUKI'], ['おおの', 'ONO', 'ONO'], ['しょうじ', 'SHOJI', 'SYOZI'],
    ['サトウ', 'SATO', 'SATO'], ['コーチ', 'KOCHI', 'KOTI'], ['ちづこ', 'CHIZUKO', 'TIZUKO'],
  ])('%s is %s in Hepburn and %s in Kunrei', (kana, hepburn, kunrei) => {
    const r = kanaReadings(kana)!;
    expect(r.hepburn).toBe(hepburn);
    expect(r.kunrei).toBe(kunrei);
  });

  it('writes passport Hepburn: ん as M before B, M, P and the long o also as OH', () => {
    expect(kanaReadings('なんば')!.passport).toBe('NAMBA');
    expect(kanaReadings('さとう')!.passportOh).toBe('SATOH');
    expect(kanaReadings('おおの')!.passportOh).toBe('OHNO');
  });

  it('finds さとう as Sato, Satoh and Satou, and しょうじ as Shoji and Syozi', () => {
    for (const latin of ['Sato', 'Satoh', 'Satou', 'Satō']) expect(compare('さとう', latin).score, latin).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(compare('しょうじ', 'Shoji').reasons).toContainEqual(expect.objectContaining({ code: 'name.transliteration-variant', system: 'ja-hepburn' }));
    // Kunrei's SYOZI meets the kana both as written and through its Hepburn form: either system is named.
    expect(compare('しょうじ', 'Syozi').reasons).toContainEqual(expect.objectContaining({ code: 'name.transliteration-variant', system: expect.stringMatching(/^ja-(kunrei|hepburn)$/) }));
    expect(compare('なんば', 'Namba').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('keeps さとう and さいとう (Sato, Saito) apart in every system', () => {
    const sato = kanaReadings('さとう')!;
    const saito = kanaReadings('さいとう')!;
    expect(saito.hepburn).toBe('SAITO');
    for (const k of ['hepburn', 'kunrei', 'passport', 'passportOh'] as const) expect(sato[k]).not.toBe(saito[k]);
    expect(compare('さとう', 'Saito').reasons.some((r) => 'system' in r && r.system?.startsWith('ja-'))).toBe(false);
  });
});

describe('Latin words spelled in Kunrei-shiki or passport Hepburn', () => {
  it.each([
    ['SYOZI', 'SHOJI'], ['SIGERU', 'SHIGERU'], ['TUTOMU', 'TSUTOMU'], ['HUZITA', 'FUJITA'], ['OHNO', 'ONO'],
    ['SATOH', 'SATO'], ['NAMBA', 'NANBA'], ['HOMMA', 'HONMA'], ['KOHTAROH', 'KOTARO'], ['SYUNSUKE', 'SHUNSUKE'],
  ])('%s is %s', (latin, hepburn) => {
    expect(hepburnOfLatin(latin)).toBe(hepburn);
  });

  it('finds TANAKA SYOZI as TANAKA SHOJI and OHNO as ONO, naming Hepburn', () => {
    const r = compare('TANAKA SYOZI', 'TANAKA SHOJI');
    expect(r.score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'name.transliteration-variant', query: 'SYOZI', record: 'SHOJI', system: 'ja-hepburn' }));
    expect(compare('Ohno Kazuo', 'Ono Kazuo').score).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });

  it('leaves words that are no Japanese alone', () => {
    // Letters Japanese has no syllable for, Nihon-shiki DI/DU (the syllables of Arabic and European
    // names), one or two syllables (pinyin HU, SI, HOU), a word mixing Kunrei and Hepburn letters.
    for (const word of ['Maria Hansen', 'Louis Vuitton', 'Mohamed Nouredine', 'Diego Modi', 'Hu Si', 'Hou Ou', 'Shiti', 'Mbembe']) {
      expect(variantsOf(word), word).toEqual([]);
    }
    expect(hepburnOfLatin('SHITI')).toBeUndefined();
  });
});

describe('Japanese names in kanji', () => {
  it('reads surname and given name written together', () => {
    expect(readJapaneseName([...'山田太郎'])).toEqual({ surname: ['YAMADA'], given: ['TARO'] });
    expect(readJapaneseName([...'佐々木健一'])).toEqual({ surname: ['SASAKI'], given: ['KENICHI'] });
    // A given name outside the table read kanji by kanji: 健 KEN + 治 JI.
    expect(readJapaneseName([...'長谷川健治'])?.given).toContain('KENJI');
    expect(readJapaneseName([...'毛泽东'])).toBeUndefined();
  });

  it('finds 山田太郎 as Yamada Taro (either order) and 田中花子 as Tanaka Hanako, naming the Japanese reading', () => {
    for (const [ja, latin] of [['山田太郎', 'Yamada Taro'], ['山田太郎', 'Taro Yamada'], ['田中花子', 'Tanaka Hanako'], ['鈴木一郎', 'Suzuki Ichiro'], ['佐藤健', 'Satoh Ken']] as const) {
      const r = compare(ja, latin);
      expect(r.score, `${ja} / ${latin}`).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'name.transliteration-variant', system: 'ja-kanji' }));
    }
  });

  it('finds a name written with a space between surname and given name, and a surname alone', () => {
    for (const [ja, latin] of [['山田 太郎', 'Yamada Taro'], ['田中 花子', 'Tanaka Hanako'], ['田中', 'Tanaka']] as const) {
      const r = compare(latin, ja);
      expect(r.score, `${ja} / ${latin}`).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
      expect(r.reasons).toContainEqual(expect.objectContaining({ code: 'name.transliteration-variant', system: 'ja-kanji', joined: true }));
    }
    expect(compare('Yamada Taro', '山田 花子').score).toBeLessThan(DEFAULT_THRESHOLD);
  });

  it('does not take another surname or given name for the name', () => {
    expect(compare('山田太郎', 'Yamamoto Taro').score).toBeLessThan(DEFAULT_THRESHOLD);
    expect(compare('田中花子', 'Tanaka Yoko').score).toBeLessThan(DEFAULT_THRESHOLD);
  });
});

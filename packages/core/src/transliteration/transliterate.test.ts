import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TRANSLITERATION_INPUT, transliterateIcao } from './transliterate.js';

describe('transliterateIcao: Latin letters with diacritics (Doc 9303 Part 3 table)', () => {
  it('expands the letters the table writes as two letters', () => {
    expect(transliterateIcao('Ä Å Æ Ö Ø Ü ß Þ Ĳ Œ')).toBe('AE AA AE OE OE UE SS TH IJ OE');
  });
  it('drops accents and maps letters that have no decomposition', () => {
    expect(transliterateIcao('Ñ Ç Ł Đ É è Ş ů ı')).toBe('N C L D E E S U I');
    expect(transliterateIcao("ÊrÌkS'ŝóN")).toBe('ERIKSSON');
  });
  it('omits apostrophes and turns hyphens into word breaks', () => {
    expect(transliterateIcao("Jean-Pierre D'Artagnan")).toBe('JEAN PIERRE DARTAGNAN');
  });
  it('treats decomposed and precomposed input the same', () => {
    expect(transliterateIcao('Mu\u0308ller')).toBe('MUELLER');
  });
});

describe('transliterateIcao: Cyrillic (Doc 9303 table, language columns)', () => {
  it('reads Russian with the default column', () => {
    expect(transliterateIcao('Anna Mariya Эрикссон')).toBe('ANNA MARIYA ERIKSSON');
    expect(transliterateIcao('Гаддафи')).toBe('GADDAFI');
    expect(transliterateIcao('Муаммар Каддафи')).toBe('MUAMMAR KADDAFI');
    expect(transliterateIcao('Жуков Хрущёв Цой Щукин Выборг Объект Юлия Яков Йошкар')).toBe(
      'ZHUKOV KHRUSHCHEV TSOI SHCHUKIN VYBORG OBIEEKT IULIIA IAKOV IOSHKAR',
    );
  });
  it('guesses Ukrainian from і/ї/є/ґ and reads Г as H, И as Y', () => {
    expect(transliterateIcao('Олександр Зінченко')).toBe('OLEKSANDR ZINCHENKO');
    expect(transliterateIcao('Григорій Їжак Євген Ґудзь')).toBe('HRYHORII IZHAK IEVHEN GUDZ');
  });
  it('uses the column the caller names, even without tell-tale letters', () => {
    expect(transliterateIcao('Тест Милица', { language: 'sr' })).toBe('TEST MILICA');
    expect(transliterateIcao('Тест Милица')).toBe('TEST MILITSA');
    expect(transliterateIcao('ТКАЧЕНКО МАР\'ЯНА', { language: 'ukr' })).toBe('TKACHENKO MARIANA');
  });
  it('reads Serbian letters per the table (Ђ → D, Ћ → C)', () => {
    expect(transliterateIcao('Ђоковић')).toBe('DOKOVIC');
    expect(transliterateIcao('Љубица Његош Џајић')).toBe('LJUBICA NJEGOS DZAJIC');
  });
  it('reads Belarusian Ў as U and Macedonian Ѓ, Ќ, Ѕ as G, K, DZ', () => {
    expect(transliterateIcao('Ўладзімір')).toBe('ULADZIMIR');
    expect(transliterateIcao('Ѓорѓе Ќосе Ѕвезда')).toBe('GORGE KOSE DZVEZDA');
  });
  it('reads Bulgarian Щ as SHT', () => {
    expect(transliterateIcao('Щерев', { language: 'bg' })).toBe('SHTEREV');
  });
});

describe('transliterateIcao: Arabic (Doc 9303 table)', () => {
  it('writes letters without a Latin twin as X codes', () => {
    expect(transliterateIcao('محمود')).toBe('MXHMWD');
    expect(transliterateIcao('عبدالرحيم')).toBe('EBDALRXHYM');
    expect(transliterateIcao('معمر القذافي')).toBe('MEMR ALQXDHAFY');
  });
  it('ignores optional vowel signs', () => {
    expect(transliterateIcao('مُحَمَّد')).toBe(transliterateIcao('محمد'));
  });
});

describe('transliterateIcao: Greek (ELOT 743)', () => {
  it('applies the digraph rules', () => {
    expect(transliterateIcao('Παπαδόπουλος')).toBe('PAPADOPOULOS');
    expect(transliterateIcao('Ευάγγελος Μπακογιάννης Ντόρα Ευθύμιος')).toBe('EVANGELOS BAKOGIANNIS DORA EFTHYMIOS');
  });
  it('lets a dialytika break a diphthong', () => {
    expect(transliterateIcao('Αϋπνία')).toBe('AYPNIA');
  });
});

describe('transliterateIcao: other scripts through any-ascii', () => {
  it('writes a Chinese or Korean name family name first, given name as one word', () => {
    expect(transliterateIcao('毛泽东')).toBe('MAO ZEDONG');
    expect(transliterateIcao('김정은')).toBe('GIM JEONGEUN');
  });
  it('gives Latin letters for Hebrew, Devanagari, Thai, Armenian and Georgian', () => {
    for (const name of ['דוד', 'नरेन्द्र', 'ทักษิณ', 'Հայաստան', 'მიხეილ']) {
      expect(transliterateIcao(name)).toMatch(/^[A-Z]+$/);
    }
  });
  it('turns symbols and digits into word breaks, not words', () => {
    expect(transliterateIcao('😀 Anna 2')).toBe('ANNA');
  });
});

describe('transliterateIcao on any input', () => {
  it('returns only A–Z and single spaces, bounded in length, quickly', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.option(fc.string({ maxLength: 5 }), { nil: undefined }), (text, language) => {
        const started = performance.now();
        const out = transliterateIcao(text, language === undefined ? {} : { language });
        expect(out).toMatch(/^(?:[A-Z]+(?: [A-Z]+)*)?$/);
        expect(out.length).toBeLessThanOrEqual(MAX_TRANSLITERATION_INPUT * 4);
        expect(performance.now() - started).toBeLessThan(1000); // a hang guard (GC pauses on a loaded machine pass)
      }),
      { numRuns: 500 },
    );
  });
  it('handles very long input within the cap', () => {
    const started = performance.now();
    const out = transliterateIcao('Щ'.repeat(1_000_000));
    expect(out.length).toBe(MAX_TRANSLITERATION_INPUT * 4);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

import { describe, expect, it } from 'vitest';
import { scriptOf } from './script.js';

describe('scriptOf', () => {
  it('names the script of the letters', () => {
    expect(scriptOf('Eriksson')).toBe('Latn');
    expect(scriptOf('Эрикссон')).toBe('Cyrl');
    expect(scriptOf('معمر')).toBe('Arab');
    expect(scriptOf('Παπαδόπουλος')).toBe('Grek');
    expect(scriptOf('דוד')).toBe('Hebr');
    expect(scriptOf('毛泽东')).toBe('Hani');
    expect(scriptOf('ひらがな')).toBe('Hira');
    expect(scriptOf('カタカナ')).toBe('Kana');
    expect(scriptOf('김정은')).toBe('Hang');
    expect(scriptOf('नरेन्द्र')).toBe('Deva');
  });
  it('picks the script most letters are in', () => {
    expect(scriptOf('Anna Mariya Эрикссон')).toBe('Latn');
    expect(scriptOf('Ivan Эрикссонович')).toBe('Cyrl');
  });
  it('says Zyyy when there are no letters', () => {
    expect(scriptOf('')).toBe('Zyyy');
    expect(scriptOf('12 -- !')).toBe('Zyyy');
  });
});

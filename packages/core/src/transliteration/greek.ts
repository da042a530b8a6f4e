/**
 * Greek to the MRZ alphabet by ELOT 743 (the national standard Greek passports use; Doc 9303 has
 * no Greek table). Context rules: ΟΥ → OU; ΑΥ/ΕΥ/ΗΥ → AV/EV/IV before a vowel or voiced consonant,
 * AF/EF/IF otherwise; ΓΓ → NG, ΓΚ → G at the start of a word and NG inside, ΓΞ → NX, ΓΧ → NCH;
 * ΜΠ → B and ΝΤ → D at the start of a word, MP and ND inside. A dialytika (Ϊ, Ϋ) breaks a digraph.
 */
const LETTERS: Readonly<Record<string, string>> = {
  Α: 'A', Β: 'V', Γ: 'G', Δ: 'D', Ε: 'E', Ζ: 'Z', Η: 'I', Θ: 'TH', Ι: 'I', Κ: 'K', Λ: 'L',
  Μ: 'M', Ν: 'N', Ξ: 'X', Ο: 'O', Π: 'P', Ρ: 'R', Σ: 'S', Τ: 'T', Υ: 'Y', Φ: 'F', Χ: 'CH',
  Ψ: 'PS', Ω: 'O', Ϲ: 'S', Ϝ: 'W', Ϙ: 'Q',
};

const VOICELESS = new Set(['Θ', 'Κ', 'Ξ', 'Π', 'Σ', 'Τ', 'Φ', 'Χ', 'Ψ']);

interface GreekLetter {
  base: string;
  dialytika: boolean;
}

function letters(run: string): GreekLetter[] {
  const out: GreekLetter[] = [];
  for (const ch of run) {
    const decomposed = ch.normalize('NFD');
    // toUpperCase also turns final ς into Σ.
    out.push({ base: (decomposed[0] ?? '').toUpperCase(), dialytika: decomposed.includes('\u0308') });
  }
  return out;
}

/** A run of Greek letters (one word or more; non-letters end words) → A–Z and spaces. */
export function transliterateGreek(run: string): string {
  const ls = letters(run);
  let out = '';
  let wordStart = true;
  for (let i = 0; i < ls.length; i++) {
    const cur = ls[i]!;
    const next = ls[i + 1];
    const after = ls[i + 2];
    const c = cur.base;
    const n = next && !next.dialytika ? next.base : undefined;
    const isLetter = LETTERS[c] !== undefined;
    if (!isLetter) {
      out += ' ';
      wordStart = true;
      continue;
    }
    if ((c === 'Α' || c === 'Ε' || c === 'Η') && n === 'Υ') {
      const voiced = after !== undefined && LETTERS[after.base] !== undefined && !VOICELESS.has(after.base);
      out += (c === 'Α' ? 'A' : c === 'Ε' ? 'E' : 'I') + (voiced ? 'V' : 'F');
      i++;
    } else if (c === 'Ο' && n === 'Υ') {
      out += 'OU';
      i++;
    } else if (c === 'Γ' && (n === 'Γ' || n === 'Ξ' || n === 'Χ')) {
      out += n === 'Γ' ? 'NG' : n === 'Ξ' ? 'NX' : 'NCH';
      i++;
    } else if (c === 'Γ' && n === 'Κ') {
      out += wordStart ? 'G' : 'NG';
      i++;
    } else if (c === 'Μ' && n === 'Π') {
      out += wordStart ? 'B' : 'MP';
      i++;
    } else if (c === 'Ν' && n === 'Τ') {
      out += wordStart ? 'D' : 'ND';
      i++;
    } else {
      out += LETTERS[c];
    }
    wordStart = false;
  }
  return out;
}

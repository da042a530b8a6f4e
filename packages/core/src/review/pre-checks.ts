import type { AlertInput } from '../alerts/alert-schemas.js';
import { foldForSearch } from '../alerts/search-text.js';
import { MINIMUM_SENTENCE_YEARS, PRE_CHECK_CODES, type PreCheckCode } from '../constants/review.js';

export { MINIMUM_SENTENCE_YEARS, PRE_CHECK_CODES, type PreCheckCode };

export interface PreCheckFlag {
  code: PreCheckCode;
  message: string;
  /** The word or phrase that raised a keyword flag, as written in the lists below (folded). */
  word?: string;
}

// English, French and Spanish, folded (lower case, no accents). Whole words or phrases only, so
// "politician" does not raise "political" and "paramilitary" does not raise "military"; a reviewer
// reads every flag, so a list that is short and clear beats one that cries wolf.
const KEYWORDS: Record<Exclude<PreCheckCode, 'sentence-below-minimum' | 'refugee-from-requester'>, string[]> = {
  political: [
    'political', 'politically', 'politics', 'dissident', 'dissidents', 'sedition', 'seditious', 'treason', 'opposition party', 'lese majeste', 'insulting the president',
    'politique', 'politiques', 'opposant', 'opposants', 'trahison', 'offense au chef de l etat',
    'politico', 'politica', 'politicos', 'politicas', 'disidente', 'disidentes', 'sedicion', 'traicion', 'opositor', 'opositores',
  ],
  military: [
    'military', 'desertion', 'deserter', 'deserted', 'mutiny', 'insubordination', 'court martial', 'draft evasion', 'conscientious objector',
    'militaire', 'militaires', 'deserteur', 'mutinerie', 'insoumission', 'refractaire',
    'militar', 'militares', 'desercion', 'desertor', 'motin', 'insubordinacion', 'objetor de conciencia',
  ],
  religious: [
    'religious', 'religion', 'blasphemy', 'blasphemous', 'apostasy', 'apostate', 'heresy', 'proselytism', 'proselytising', 'proselytizing',
    'religieux', 'religieuse', 'blaspheme', 'apostasie', 'apostat', 'heresie', 'proselytisme',
    'religioso', 'religiosa', 'religion', 'blasfemia', 'apostasia', 'apostata', 'herejia', 'proselitismo',
  ],
  racial: ['racial', 'ethnic', 'ethnicity', 'raciale', 'raciaux', 'ethnique', 'etnico', 'etnica', 'raza'],
  'excluded-offence': [
    // cultural or behavioural norms
    'adultery', 'homosexuality', 'homosexual acts', 'sodomy', 'indecent dress', 'dress code', 'immodest dress', 'extramarital', 'cohabitation', 'alcohol consumption',
    'adultere', 'homosexualite', 'tenue indecente', 'concubinage', 'relations hors mariage',
    'adulterio', 'homosexualidad', 'vestimenta indecente', 'relaciones extramatrimoniales', 'concubinato',
    // family or private matters, private disputes
    'family matter', 'family dispute', 'private matter', 'private dispute', 'civil dispute', 'commercial dispute', 'unpaid debt', 'debt', 'debts', 'bounced cheque', 'bounced check', 'child custody', 'custody dispute',
    'affaire familiale', 'litige familial', 'affaire privee', 'litige prive', 'differend prive', 'litige commercial', 'dette', 'dettes', 'cheque sans provision', 'garde d enfant',
    'asunto familiar', 'disputa familiar', 'asunto privado', 'disputa privada', 'litigio privado', 'litigio comercial', 'deuda', 'deudas', 'cheque sin fondos', 'custodia',
  ],
};

const LABELS: Record<PreCheckCode, string> = {
  political: 'an offence of a political character',
  military: 'an offence of a military character',
  religious: 'an offence of a religious character',
  racial: 'an offence of a racial character',
  'excluded-offence': 'an offence the rules exclude (cultural or behavioural norms, family or private matters, private disputes)',
  'sentence-below-minimum': 'a possible sentence under the minimum',
  'refugee-from-requester': 'a person recorded as a refugee from the requesting member',
};

/** Folded, with punctuation turned into spaces, so "lèse-majesté" reads "lese majeste". */
function normalise(text: string): string {
  return ` ${foldForSearch(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim()} `;
}

/**
 * Risks a reviewer should weigh before an alert is published. These are hints, not decisions:
 * the words are searched in the offence, the charge and the remarks; the sentence and refugee
 * checks read structured fields. An unknown maximum sentence is not flagged.
 */
export function preChecks(input: AlertInput, owner: string): PreCheckFlag[] {
  const flags: PreCheckFlag[] = [];
  const texts = [input.remarks];
  if (input.kind === 'person') texts.push(input.offence?.description, input.person.arrest?.charge);
  const haystack = normalise(texts.filter((t): t is string => t !== undefined).join(' \n '));
  for (const [code, words] of Object.entries(KEYWORDS) as [PreCheckCode, string[]][]) {
    const found = new Set<string>();
    for (const word of words) {
      if (!found.has(word) && haystack.includes(` ${word} `)) found.add(word);
    }
    for (const word of found) flags.push({ code, word, message: `possibly ${LABELS[code]}: "${word}"` });
  }
  if (input.kind === 'person') {
    const years = input.offence?.maxSentenceYears;
    if (years !== undefined && years < MINIMUM_SENTENCE_YEARS) {
      flags.push({ code: 'sentence-below-minimum', message: `${LABELS['sentence-below-minimum']}: at most ${years} year(s), the minimum is ${MINIMUM_SENTENCE_YEARS}` });
    }
    if (input.person.refugeeFrom?.includes(owner)) {
      flags.push({ code: 'refugee-from-requester', message: `${LABELS['refugee-from-requester']}: ${owner}` });
    }
  }
  return flags;
}

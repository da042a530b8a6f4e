import type { ReasonCode, ReasonOf } from './match-reason.js';

/**
 * Examples of every reason code, each with the English a CLI user reads: the tests of every
 * renderer (the core's English, the web app's four languages) go through all of them. A code
 * without an example is a type error.
 */
export const REASON_EXAMPLES: { readonly [C in ReasonCode]: readonly [ReasonOf<C>, string][] } = {
  'name.none': [[{ code: 'name.none' }, 'no name to compare']],
  'name.script': [
    [{ code: 'name.script', side: 'query', script: 'Cyrl', reading: 'MUAMMAR KADDAFI' }, 'query name in Cyrillic script, read as MUAMMAR KADDAFI'],
    [{ code: 'name.script', side: 'record', script: 'Zzzz', reading: 'X' }, 'record name in Zzzz script, read as X'],
  ],
  'name.same': [[{ code: 'name.same', field: 'given-name', query: 'MUAMMAR', record: 'MUAMMAR' }, 'given name MUAMMAR: same']],
  'name.written-together': [[{ code: 'name.written-together', field: 'name', query: 'ABDUL RAHMAN', record: 'ABDULRAHMAN' }, 'name ABDUL RAHMAN ~ ABDULRAHMAN: written together']],
  'name.spelling-variant': [
    [{ code: 'name.spelling-variant', field: 'name', query: 'MOHAMMED', record: 'MUHAMMAD' }, 'name MOHAMMED ~ MUHAMMAD: variant spelling'],
    [{ code: 'name.spelling-variant', field: 'name', query: 'ABDULRAHMAN', record: 'ABD AL RAHMAN', joined: true }, 'name ABDULRAHMAN ~ ABD AL RAHMAN: variant spelling, written together'],
  ],
  'name.transliteration-variant': [[{ code: 'name.transliteration-variant', field: 'surname', query: 'QADHAFI', record: 'GADDAFI' }, 'surname QADHAFI ~ GADDAFI: transliteration variant']],
  'name.similar-spelling': [[{ code: 'name.similar-spelling', field: 'name', query: 'KAZZAFI', record: 'GADDAFI' }, 'name KAZZAFI ~ GADDAFI: similar spelling']],
  'name.initial': [[{ code: 'name.initial', field: 'given-name', query: 'J', record: 'JOHN' }, 'given name J ~ JOHN: initial']],
  'name.short-form': [[{ code: 'name.short-form', field: 'given-name', query: 'BILL', record: 'WILLIAM' }, 'given name BILL ~ WILLIAM: short form']],
  'name.typo': [
    [{ code: 'name.typo', field: 'surname', query: 'PUTNI', record: 'PUTIN', letters: 1 }, 'surname PUTNI ~ PUTIN: 1 letter different'],
    [{ code: 'name.typo', field: 'surname', query: 'SCHWARZENEGER', record: 'SCHWARZENEGGER', letters: 2, joined: true }, 'surname SCHWARZENEGER ~ SCHWARZENEGGER: 2 letters different, written together'],
  ],
  'name.only-in-query': [
    [{ code: 'name.only-in-query', field: 'name', word: 'PETER' }, 'name PETER: only in the query'],
    [{ code: 'name.only-in-query', field: 'name', word: 'SERGEY', repeated: true }, 'name SERGEY: only in the query (repeated)'],
  ],
  'name.only-in-record': [[{ code: 'name.only-in-record', field: 'surname', word: 'TIKRITI' }, 'surname TIKRITI: only in the record']],
  'name.filiation-swapped': [[{ code: 'name.filiation-swapped' }, 'names on the other side of BIN: son and father swapped']],
  'name.common-words': [[{ code: 'name.common-words' }, 'common names: weaker evidence']],
  'name.weak-alias': [[{ code: 'name.weak-alias', name: 'BROTHER LEADER' }, 'matched a weak alias (BROTHER LEADER): weaker evidence']],
  'birth-date.same': [[{ code: 'birth-date.same', date: '1942-06-07' }, 'born 1942-06-07: same']],
  'birth-date.day-month-swapped': [[{ code: 'birth-date.day-month-swapped', query: '1942-06-07', record: '1942-07-06' }, 'born 1942-06-07 vs 1942-07-06: day and month swapped']],
  'birth-date.same-year-other-day': [[{ code: 'birth-date.same-year-other-day', query: '1942-06-07', record: '1942-09-01' }, 'born 1942-06-07 vs 1942-09-01: same year, different day']],
  'birth-date.same-year-other-month': [[{ code: 'birth-date.same-year-other-month', query: '1942-06', record: '1942-09' }, 'born 1942-06 vs 1942-09: same year, different month']],
  'birth-date.same-year': [[{ code: 'birth-date.same-year', year: '1942' }, 'born 1942: same year']],
  'birth-date.year-off-same-day': [[{ code: 'birth-date.year-off-same-day', query: '1942-06-07', record: '1943-06-07' }, 'born 1942-06-07 vs 1943-06-07: one year off, same day']],
  'birth-date.year-off': [[{ code: 'birth-date.year-off', query: '1942', record: '1943' }, 'born 1942 vs 1943: one year off']],
  'birth-date.different': [[{ code: 'birth-date.different', query: '1942-06-07', record: '1960-06-07' }, 'born 1942-06-07 vs 1960-06-07: different']],
  'sex.same': [[{ code: 'sex.same', sex: 'M' }, 'sex M: same']],
  'sex.different': [[{ code: 'sex.different', query: 'M', record: 'F' }, 'sex M vs F: different']],
  'nationality.same': [[{ code: 'nationality.same', countries: ['LBY', 'EGY'] }, 'nationality LBY, EGY: same']],
  'nationality.different': [[{ code: 'nationality.different', query: ['LBY'], record: ['EGY', 'TUN'] }, 'nationality LBY vs EGY, TUN: different']],
  'document.shared': [[{ code: 'document.shared', number: 'A1234567' }, 'document A1234567: same']],
  'document.held': [
    [{ code: 'document.held', number: '12AB34567', state: 'FRA' }, 'holds document FRA 12AB34567'],
    [{ code: 'document.held', number: '12AB34567' }, 'holds document 12AB34567 (issuing state not given)'],
  ],
  'document.held-ocr-variant': [[{ code: 'document.held-ocr-variant', number: '12AB3456O', state: 'FRA' }, 'holds document FRA 12AB3456O (likely OCR confusion)']],
  'document.same-number': [[{ code: 'document.same-number', number: '12 AB 34567', state: 'FRA' }, 'document FRA 12 AB 34567: same number and issuing state']],
  'document.ocr-variant': [[{ code: 'document.ocr-variant', number: '12AB3456O' }, 'document 12AB3456O (issuing state not given): number differs only by characters OCR confuses (O/0, I/1, B/8, S/5, Z/2)']],
  'vehicle.vin': [[{ code: 'vehicle.vin', vin: 'WVWZZZ1JZXW000001' }, 'VIN WVWZZZ1JZXW000001: same']],
  'vehicle.plate': [[{ code: 'vehicle.plate', plate: 'AB-123-CD', country: 'FRA' }, 'plate FRA AB-123-CD: same plate and country']],
  'wallet.exact': [
    [{ code: 'wallet.exact', currency: 'BTC', address: 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4' }, 'BTC wallet bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4: same address'],
    [{ code: 'wallet.exact', currency: 'ETH', address: '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed' }, 'ETH wallet 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed: same address'],
  ],
  'asset.iban': [[{ code: 'asset.iban', iban: 'DE89 3704 0044 0532 0130 00' }, 'IBAN DE89 3704 0044 0532 0130 00: same account']],
  'asset.imo': [[{ code: 'asset.imo', imo: '9074729' }, 'IMO 9074729: same vessel']],
  'asset.aircraft': [[{ code: 'asset.aircraft', registration: 'N123AB' }, 'aircraft registration N123AB: same']],
  'asset.cadastral': [[{ code: 'asset.cadastral', reference: '75056000AB0012', country: 'FRA' }, 'cadastral reference FRA 75056000AB0012: same parcel']],
  'asset.party': [
    [{ code: 'asset.party', role: 'holder' }, "found by the account holder's name"],
    [{ code: 'asset.party', role: 'operator' }, "found by the aircraft operator's name"],
  ],
  'company.legal-form-same': [[{ code: 'company.legal-form-same', query: 'ООО', record: 'LLC' }, 'legal form ООО ~ LLC: same kind']],
  'company.legal-form-different': [[{ code: 'company.legal-form-different', query: 'GmbH', record: 'AG' }, 'legal form GmbH vs AG: different kind (often another company of the group)']],
  'company.initialism': [[{ code: 'company.initialism', query: 'PLA', record: 'PEOPLES LIBERATION ARMY' }, 'name PLA ~ PEOPLES LIBERATION ARMY: initialism']],
  'company.registration-number': [
    [{ code: 'company.registration-number', number: '1027700132195', country: 'RUS' }, 'registration number RUS 1027700132195: same'],
    [{ code: 'company.registration-number', number: 'HRB 12345' }, 'registration number HRB 12345: same (country not given)'],
  ],
  'company.registration-number-different': [[{ code: 'company.registration-number-different', query: 'HRB 12345', record: 'HRB 54321' }, 'registration number HRB 12345 vs HRB 54321: different']],
  'company.country-same': [[{ code: 'company.country-same', country: 'RUS' }, 'company country RUS: same']],
  'company.country-different': [[{ code: 'company.country-different', query: 'RUS', record: 'CYP' }, 'company country RUS vs CYP: different']],
};

export { prepareName, internWords, MAX_NAME_PARTS, type NameInput, type NamePart, type PreparedName, type JoinedPart, type PartRole } from './prepare-name.js';
export { compareNames, nameScore, type NameComparison } from './compare-names.js';
export { nameKeys, queryKeys, COMMON_KEY_PREFIX } from './name-keys.js';
export { editKeys } from './edit-keys.js';
export { scorePerson, DEFAULT_THRESHOLD, type PersonFacts, type PersonComparison, type ScorePersonOptions } from './score-person.js';
export { normaliseBirthDate, normaliseNationality } from './evidence.js';
export { MAX_NAME_INPUT } from './romanise.js';
export { prepareCompanyName, scoreCompany, companyNameKeys, companyQueryKeys, internCompanyName, registrationNumberKey, MAX_COMPANY_NAME, type PreparedCompanyName, type CompanyFacts, type CompanyComparison } from './company-names.js';
export { LEGAL_FORMS, compareLegalForms, legalFormKey, type LegalForm, type LegalFormFamily } from './legal-forms.js';

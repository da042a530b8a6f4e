export type { MrzFormat, MrzSex, MrzFields, MrzIssue, MrzSuggestion, MrzParseResult } from './types.js';
export { parseMrz, type ParseMrzOptions } from './parse-mrz.js';
export { generateMrz, type MrzData, type GeneratedMrz } from './generate-mrz.js';
export { applyMrzSuggestions } from './apply-suggestions.js';
export { computeCheckDigit, checkDigitMatches } from './check-digit.js';
export { isKnownStateCode, ICAO_STATE_CODES } from './state-codes.js';
export { mrzDocumentWarnings, SPECIMEN_STATE, type MrzDocumentWarning } from './document-warnings.js';

import type { AssetWarning } from './asset-problems.js';
import type { AssetBody } from './asset-schema.js';
import { ibanWrittenUsually, parseIban } from './iban.js';
import { parseBic } from './bic.js';
import { parseWalletAddress } from '../wallets/wallet-address.js';
import { checkVin } from '../vehicles/vin.js';

/**
 * What is doubtful about an asset whose identifiers are valid (the schema has refused the invalid
 * ones): said in the answer to creating or changing the alert, never a refusal. Fields are named
 * as the 422s name them (`asset.bic`).
 */
export function assetWarnings(asset: AssetBody): AssetWarning[] {
  const out: AssetWarning[] = [];
  switch (asset.type) {
    case 'bank-account': {
      if (!ibanWrittenUsually(asset.iban)) out.push({ field: 'asset.iban', code: 'asset.iban-format', message: 'the IBAN is valid but written unusually (lower case, or not in groups of four): check the copy' });
      const iban = parseIban(asset.iban);
      const bic = asset.bic !== undefined ? parseBic(asset.bic) : undefined;
      if (iban.ok && bic?.ok && bic.country !== iban.country) {
        out.push({ field: 'asset.bic', code: 'asset.bic-country-differs', message: `the BIC is of ${bic.country}, the IBAN of ${iban.country}: one of them may belong to another account` });
      }
      if (bic?.ok && bic.test) out.push({ field: 'asset.bic', code: 'asset.bic-test', message: 'a test-and-training BIC (its location code ends in 0): no real account is held there' });
      break;
    }
    case 'vessel':
      if (asset.flag === undefined) out.push({ field: 'asset.flag', code: 'asset.vessel-no-flag', message: 'the vessel has no flag state: add it if known, ports check it first' });
      break;
    case 'wallet': {
      const parsed = parseWalletAddress(asset.address);
      if (parsed.ok) for (const w of parsed.address.warnings) out.push({ field: 'asset.address', code: w.code, message: w.message });
      break;
    }
    case 'vehicle':
      if (asset.vin !== undefined) {
        // The check digit is North America's only (vin.ts): a European VIN failing it is normal, so only the structure is doubted.
        const doubts = checkVin(asset.vin).warnings.filter((w) => w === 'not-17-characters' || w === 'letters-i-o-q');
        if (doubts.length > 0) out.push({ field: 'asset.vin', code: 'asset.vin-check', message: `the VIN is not a 17-character ISO 3779 VIN (${doubts.join(', ')}): kept as written` });
      }
      break;
    case 'company':
    case 'aircraft':
    case 'real-estate':
      break;
  }
  return out;
}

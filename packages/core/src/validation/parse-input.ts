import type { z } from 'zod';
import { DomainError, type FieldProblem } from '../errors/domain-error.js';
import { DATE_PROBLEMS, type DateProblem } from '../alerts/partial-date.js';
import { isRequiredIssue, requiredFieldError } from './required-field.js';
import { WALLET_ERROR_CODES, type WalletErrorCode } from '../wallets/wallet-types.js';
import { ASSET_ERROR_CODES, type AssetErrorCode } from '../assets/asset-problems.js';

/** Validates outside input with a zod schema and turns failures into one DomainError naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, root = ''): z.infer<S> {
  const result = schema.safeParse(input, { error: requiredFieldError });
  if (result.success) return result.data;
  const problems: FieldProblem[] = result.error.issues.flatMap((issue) => {
    const at = (extra: string[]) => {
      const path = [root, ...issue.path.map(String), ...extra].filter((p) => p !== '').join('.');
      return path === '' ? '(body)' : path;
    };
    // An unknown key is named as the field itself, so a client sees exactly what to remove.
    if (issue.code === 'unrecognized_keys') return issue.keys.map((key) => ({ field: at([key]), message: 'unknown field' }));
    // A missing field reads "visibility is required", not zod's words about types.
    if (isRequiredIssue(issue)) return [{ field: at([]), message: `${at([])} is required`, code: 'required' as const }];
    const date = issue.code === 'custom' ? dateProblemOf(issue.params) : null;
    const wallet = issue.code === 'custom' ? walletProblemOf(issue.params) : null;
    const asset = issue.code === 'custom' ? assetProblemOf(issue.params) : null;
    return [{ field: at([]), message: issue.message, ...(date ? { code: `date.${date}` as const } : wallet ? { code: wallet } : asset ? { code: asset } : {}) }];
  });
  const first = problems[0];
  const summary = !first ? 'invalid input' : first.message.startsWith(`${first.field} `) ? first.message : `${first.field}: ${first.message}`;
  return throwValidation(summary, problems);
}

function throwValidation(summary: string, problems: FieldProblem[]): never {
  throw new DomainError('validation', 'validation.invalid', summary, problems);
}

/** The date problem a date schema put on its issue (partial-date.ts), if any. */
function dateProblemOf(params: unknown): DateProblem | null {
  const date = (params as { date?: unknown } | undefined)?.date;
  return (DATE_PROBLEMS as readonly unknown[]).includes(date) ? (date as DateProblem) : null;
}

/** What a wallet address schema (wallets/wallet-schema.ts) found wrong, if any. */
function walletProblemOf(params: unknown): WalletErrorCode | null {
  const wallet = (params as { wallet?: unknown } | undefined)?.wallet;
  return (WALLET_ERROR_CODES as readonly unknown[]).includes(wallet) ? (wallet as WalletErrorCode) : null;
}

/** What an asset identifier's schema (assets/asset-schema.ts) found wrong, if any. */
function assetProblemOf(params: unknown): AssetErrorCode | null {
  const asset = (params as { asset?: unknown } | undefined)?.asset;
  return (ASSET_ERROR_CODES as readonly unknown[]).includes(asset) ? (asset as AssetErrorCode) : null;
}

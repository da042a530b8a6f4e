import { MEMBER_CODE, parseInput } from '@crosscheck/core';
import { z } from 'zod';

/** The query of the key and user lists: whose credentials (the operator's administrators may name any member). */
export const credentialsQuerySchema = z.object({ member: z.string().regex(MEMBER_CODE, 'a three-letter member code').optional() }).strict();

/** The member a credentials list is asked for, if named; a malformed one is a 422 naming `member`. */
export const memberAskedFor = (query: unknown): string | undefined => parseInput(credentialsQuerySchema, query ?? {}).member;

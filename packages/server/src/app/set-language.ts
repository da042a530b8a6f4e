import { conflict, parseInput, userIdOf as userOfCredential } from '@crosscheck/core';
import { z } from 'zod';
import { setUserLanguage } from '../store/credential-repo.js';
import { audited } from './audited.js';
import type { Ctx, Deps } from './deps.js';

/** The languages of the web application (packages/web/src/i18n). Server messages stay English. */
export const UI_LANGUAGES = ['en', 'fr', 'es', 'ar'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const languageSchema = z.object({ language: z.enum(UI_LANGUAGES) }).strict();

/** The user id behind a session credential (`user:<id>`); API keys have none. */
export function userIdOf(ctx: Ctx): string | null {
  return userOfCredential(ctx.actor.credential);
}

/**
 * Remembers the interface language of the signed-in user, so that an officer who works in
 * Arabic gets Arabic on any desk's browser. Any role may choose its own language; an API key is
 * not a person and has none (409 rather than a silent no-op, so an integrator is not misled).
 */
export async function setLanguage(deps: Deps, ctx: Ctx, body: unknown): Promise<{ language: UiLanguage }> {
  const { language } = parseInput(languageSchema, body);
  return audited(deps, ctx, 'session.set-language', async (tx, note) => {
    note.target = 'session';
    note.detail = { language };
    const userId = userIdOf(ctx);
    if (!userId) throw conflict('session.not-a-user', 'only a user signed in with a password has a language; API keys do not');
    await setUserLanguage(tx, userId, language);
    return { language };
  });
}

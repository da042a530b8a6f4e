import { userLanguage } from '../store/credential-repo.js';
import { audited } from './audited.js';
import type { Ctx, Deps } from './deps.js';
import { userIdOf, UI_LANGUAGES, type UiLanguage } from './set-language.js';

export interface WhoAmI {
  member: string;
  role: string;
  credential: string;
  /** The user's chosen interface language; null for API keys and for users who never chose. */
  language: UiLanguage | null;
}

/** The caller's member, role and credential, as the web page needs them (`session.read`). */
export async function whoAmI(deps: Deps, ctx: Ctx): Promise<WhoAmI> {
  return audited(deps, ctx, 'session.read', async (tx, note) => {
    note.target = 'session';
    const userId = userIdOf(ctx);
    const chosen = userId ? await userLanguage(tx, userId) : null;
    const language = chosen !== null && (UI_LANGUAGES as readonly string[]).includes(chosen) ? (chosen as UiLanguage) : null;
    return { member: ctx.actor.member, role: ctx.actor.role, credential: ctx.actor.credential, language };
  });
}

import { audited } from './audited.js';
import type { Ctx, Deps } from './deps.js';

/** The caller's member, role and credential, as the web page needs them (`session.read`). */
export async function whoAmI(deps: Deps, ctx: Ctx): Promise<{ member: string; role: string; credential: string }> {
  return audited(deps, ctx, 'session.read', async (_tx, note) => {
    note.target = 'session';
    return { member: ctx.actor.member, role: ctx.actor.role, credential: ctx.actor.credential };
  });
}

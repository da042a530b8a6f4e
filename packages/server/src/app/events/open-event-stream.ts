import { parseInput, requirePermission } from '@crosscheck/core';
import { z } from 'zod';
import { eventsHead } from '../../store/event-repo.js';
import { audited } from '../audited.js';
import type { Ctx, Deps } from '../deps.js';

export const eventStreamQuerySchema = z.object({ after: z.string().regex(/^\d{1,15}$/, 'a non-negative event id').optional() }).strict();

export interface EventStreamStart {
  member: string;
  /** Events after this sequence number are sent. */
  after: number;
}

/**
 * Checks that the caller may follow its member's events (`event.stream`, audited once per
 * stream, not per event) and says where the stream starts: after `Last-Event-ID` or `after` when
 * the client resumes, otherwise at the current end so only new events are sent.
 */
export async function openEventStream(deps: Deps, ctx: Ctx, resume: { lastEventId?: string; after?: string }): Promise<EventStreamStart> {
  return audited(deps, ctx, 'event.stream', async (tx, note) => {
    note.target = `events:${ctx.actor.member}`;
    requirePermission(ctx.actor, 'events.read');
    const given = resume.lastEventId ?? resume.after;
    const input = parseInput(eventStreamQuerySchema, given === undefined ? {} : { after: given.trim() });
    let after: number;
    if (input.after !== undefined) {
      after = Number(input.after);
    } else {
      after = await eventsHead(tx);
    }
    note.detail = { after, resumed: input.after !== undefined };
    return { member: ctx.actor.member, after };
  });
}

import { z } from 'zod';

export const visibilitySchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('all') }).strict(),
  z
    .object({
      mode: z.literal('only'),
      members: z.array(z.string().regex(/^[A-Z]{3}$/, 'a three-letter member code')).max(300),
    })
    .strict(),
  z
    .object({
      mode: z.literal('all-except'),
      members: z.array(z.string().regex(/^[A-Z]{3}$/, 'a three-letter member code')).min(1).max(300),
    })
    .strict(),
]);

export type Visibility = z.infer<typeof visibilitySchema>;

/** True when every member may see a record with this visibility, whoever owns it (a fast path for indexes). */
export function visibleToEveryMember(visibility: Visibility): boolean {
  return visibility.mode === 'all';
}

/** True when `member` may see a record of `owner` with this visibility. The owner always sees its own. */
export function visibleTo(owner: string, visibility: Visibility, member: string): boolean {
  if (member === owner || visibleToEveryMember(visibility)) return true;
  switch (visibility.mode) {
    case 'all':
      return true;
    case 'only':
      return visibility.members.includes(member);
    case 'all-except':
      return !visibility.members.includes(member);
  }
}

/** Sorted, de-duplicated member lists, so equal visibilities compare and store equally. */
export function normaliseVisibility(v: Visibility): Visibility {
  if (v.mode === 'all') return v;
  return { mode: v.mode, members: [...new Set(v.members)].sort() };
}

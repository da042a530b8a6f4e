import type { HitForm } from './hit-schemas.js';

/**
 * Whether sending this form starts the other bureau's reply clock. G (a hit report) and H (the
 * requested action is not possible) ask the owner or the screening bureau to act or answer; an
 * M form is information the sender chose to pass on, so it never waits for an answer, whatever
 * its handling code (the handling code restricts use, it does not ask for a reply).
 */
export function formNeedsReply(form: HitForm): boolean {
  return form === 'G' || form === 'H';
}

/** When the reply to a form sent at `sentAt` is due (ISO timestamps). */
export function replyDueAt(sentAt: string, replyHours: number): string {
  return new Date(Date.parse(sentAt) + replyHours * 3_600_000).toISOString();
}

/** A reply is overdue once its due time has passed (a reply arriving exactly on time is in time). */
export function isReplyOverdue(dueAt: string | null, now: Date): boolean {
  return dueAt !== null && Date.parse(dueAt) < now.getTime();
}

export interface PendingForm {
  form: string;
  from: string;
  to: string;
  replyDueAt: string | null;
}

export interface OverdueReply {
  form: string;
  dueAt: string;
  /** The member whose bureau has not answered. */
  waitingFor: string;
}

/**
 * The reply in a thread that has waited longest past its due time, among forms `member` sent or
 * received; null when none is overdue.
 */
export function overdueReply(forms: readonly PendingForm[], member: string, now: Date): OverdueReply | null {
  let worst: PendingForm | null = null;
  for (const f of forms) {
    if (f.from !== member && f.to !== member) continue;
    if (!isReplyOverdue(f.replyDueAt, now)) continue;
    if (worst === null || Date.parse(f.replyDueAt!) < Date.parse(worst.replyDueAt!)) worst = f;
  }
  return worst ? { form: worst.form, dueAt: worst.replyDueAt!, waitingFor: worst.to } : null;
}

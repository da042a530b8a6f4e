import type { HitForm, HitOutcome, OverdueReply } from '@crosscheck/core';
import { request } from './client.ts';

// Core's HIT_FORMS, HANDLING_CODES and grades, restated: importing values from the core barrel
// would bring zod into the bundle, whose eval probe the page's Content-Security-Policy refuses.
// `satisfies` keeps them to real values; the server validates anyway.
export const HIT_FORMS = ['G', 'H', 'M'] as const satisfies readonly HitForm[];
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export const SOURCE_GRADES = ['A', 'B', 'C', 'X'] as const;
export const INFO_GRADES = ['1', '2', '3', '4'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];
/** The limits of core's hitFormSchema, checked before sending so a person learns them at once. */
export const FORM_TEXT_MAX = 8000;
export const FORM_REASON_MAX = 2000;
export const OUTCOME_NOTE_MAX = 2000;

export interface HitOutcomeView {
  outcome: HitOutcome;
  note: string;
  at: string;
  by?: string;
}

/** A hit as GET /hits/{id} presents it (server app/hits/present-hit.ts). */
export interface HitView {
  id: string;
  screeningId: string;
  alertId: string;
  alertVersion: number;
  owner: string;
  screeningMember: string;
  screenedBy?: string;
  score?: number;
  reasons: string[];
  action?: string;
  createdAt: string;
  outcome: HitOutcomeView | null;
}

export interface HitFormView {
  id: string;
  form: HitForm;
  from: string;
  to: string;
  handlingCode: HandlingCode;
  sourceGrade: string | null;
  infoGrade: string | null;
  text: string;
  reason: string | null;
  createdAt: string;
  /** Null once answered, and always for an M form. */
  replyDueAt: string | null;
  createdBy?: string;
}

export interface HitDetail extends HitView {
  forms: HitFormView[];
}

export interface HitListItem extends HitView {
  overdue: OverdueReply | null;
}

export interface HitPage {
  items: HitListItem[];
  next: string | null;
}

export interface FormDraft {
  form: HitForm;
  handlingCode: HandlingCode;
  sourceGrade?: string;
  infoGrade?: string;
  text: string;
  reason?: string;
}

/** The event payloads of the stream that concern hits (server: app/hits, app/screen). */
export interface HitEventData {
  hitId: string;
  alertId: string;
  screeningMember?: string;
  outcome?: string;
  form?: string;
  formId?: string;
  overdue?: { form: string; dueAt: string; waitingFor: string };
}

const hitPath = (id: string) => `/api/v1/hits/${encodeURIComponent(id)}`;

export const hitsApi = {
  list: (q: { overdue?: boolean; after?: string; limit?: number; alertId?: string } = {}) => {
    const params = new URLSearchParams();
    if (q.overdue) params.set('overdue', 'true');
    if (q.after) params.set('after', q.after);
    if (q.limit) params.set('limit', String(q.limit));
    if (q.alertId) params.set('alertId', q.alertId);
    const s = params.toString();
    return request<HitPage>('GET', `/api/v1/hits${s ? `?${s}` : ''}`);
  },
  get: (id: string) => request<HitDetail>('GET', hitPath(id)),
  sendForm: (id: string, draft: FormDraft) => request<HitFormView>('POST', `${hitPath(id)}/forms`, draft),
  recordOutcome: (id: string, outcome: HitOutcome, note: string) => request<HitDetail>('POST', `${hitPath(id)}/outcome`, { outcome, note }),
};

import type { HitForm, HitOutcome } from '@crosscheck/core';
import type { HandlingCode, HitDetail, HitFormView, HitListItem, HitOutcomeView, HitView } from '@crosscheck/core/api';
import { request } from './client.ts';

// Core's HIT_FORMS, HANDLING_CODES and grades, restated: importing values from the core barrel
// would bring zod into the bundle, whose eval probe the page's Content-Security-Policy refuses.
// `satisfies` keeps them to real values; the server validates anyway.
export const HIT_FORMS = ['G', 'H', 'M'] as const satisfies readonly HitForm[];
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const satisfies readonly HandlingCode[];
export const SOURCE_GRADES = ['A', 'B', 'C', 'X'] as const;
export const INFO_GRADES = ['1', '2', '3', '4'] as const;
/** The limits of core's hitFormSchema, checked before sending so a person learns them at once. */
export const FORM_TEXT_MAX = 8000;
export const FORM_REASON_MAX = 2000;
export const OUTCOME_NOTE_MAX = 2000;

export type { HandlingCode, HitDetail, HitFormView, HitListItem, HitOutcomeView, HitView };

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

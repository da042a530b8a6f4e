import type { HitDetail, HitFormView, HitListItem, HitOutcomeView, HitView } from '@crosscheck/core/api';
import type { HandlingCode, HitForm, HitOutcome } from '@crosscheck/core/constants';
import { request } from './client.ts';

// The values and limits of core's hit form schema (checked before sending, so a person learns
// them at once), from the zod-free constants entry.
export { FORM_REASON_MAX, FORM_TEXT_MAX, HANDLING_CODES, HIT_FORMS, INFO_GRADES, OUTCOME_NOTE_MAX, SOURCE_GRADES } from '@crosscheck/core/constants';

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
  /** How many questions of an inquiry check the form answers (POST /hits/{id}/answers). */
  answers?: number;
  overdue?: { form: string; dueAt: string; waitingFor: string };
}

const hitPath = (id: string) => `/api/v1/hits/${encodeURIComponent(id)}`;

export const hitsApi = {
  list: (q: { overdue?: boolean; after?: string; limit?: number; alertId?: string } = {}, signal?: AbortSignal) => {
    const params = new URLSearchParams();
    if (q.overdue) params.set('overdue', 'true');
    if (q.after) params.set('after', q.after);
    if (q.limit) params.set('limit', String(q.limit));
    if (q.alertId) params.set('alertId', q.alertId);
    const s = params.toString();
    return request<HitPage>('GET', `/api/v1/hits${s ? `?${s}` : ''}`, undefined, signal);
  },
  get: (id: string, signal?: AbortSignal) => request<HitDetail>('GET', hitPath(id), undefined, signal),
  sendForm: (id: string, draft: FormDraft) => request<HitFormView>('POST', `${hitPath(id)}/forms`, draft),
  recordOutcome: (id: string, outcome: HitOutcome, note: string) => request<HitDetail>('POST', `${hitPath(id)}/outcome`, { outcome, note }),
  /** An inquiry check's answers, one per question in order (the screening member only). */
  answerInquiry: (id: string, body: { answers: string[]; handlingCode: HandlingCode; note?: string }) => request<HitFormView>('POST', `${hitPath(id)}/answers`, body),
};

import type { AlertInput } from '@crosscheck/core';
import { CHANGEABLE_STATUSES, roleMay, type AlertKind } from '@crosscheck/core/constants';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { alertEditorApi } from '../../api/alert-editor.ts';
import { api, isInstruction, type Me } from '../../api/client.ts';
import { ResourceView } from '../../components/ResourceView.tsx';
import { forgetAlert } from '../../data/forget.ts';
import { rememberSaveWarnings } from '../../data/save-warnings.ts';
import type { AssetWarning } from '@crosscheck/core/assets';
import { useResource } from '../../data/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { failure, refusalFieldErrors } from '../../i18n/labels.ts';
import { draftOf, newDraft, patchBetween, storedInput, toInput, type Draft } from './draft.ts';
import { DocumentFields, HandlingFields, VehicleFields } from './ObjectFields.tsx';
import { PersonFields } from './PersonFields.tsx';
import { AssetFields } from './AssetFields.tsx';
import { checkAlert, type FieldErrors } from './validation.ts';
import { VisibilityPicker } from './VisibilityPicker.tsx';

export type EditorTarget = { mode: 'new'; kind: AlertKind } | { mode: 'edit'; id: string };

type Editing = { draft: Draft; original: AlertInput | null };

const TITLES = { person: 'alertEditor.newPerson', document: 'alertEditor.newDocument', vehicle: 'alertEditor.newVehicle', asset: 'alertEditor.newAsset' } as const;

/**
 * Creates an alert, or edits one of the caller's member. The body is checked in the browser with
 * the API's own zod schema before it is sent, each problem shown beside its field; an edit sends
 * only the top-level fields that changed (PATCH). The server may still refuse (a member code that
 * does not exist, a document of another state): each field it names is told beside the field.
 */
export function AlertEditor({ target, me, navigate }: { target: EditorTarget; me: Me; navigate: (to: string) => void }) {
  const { t } = useI18n();
  const editId = target.mode === 'edit' ? target.id : null;
  // The stored alert, read fresh (never from the cache): the change is computed against it.
  const stored = useResource(editId === null ? null : `alert-edit:${editId}`, (signal) => api.alert(editId!, signal), { cache: false });
  const [editing, setEditing] = useState<Editing | null>(() => (target.mode === 'new' ? { draft: newDraft(target.kind), original: null } : null));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [notice, setNotice] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const form = useRef<HTMLFormElement>(null);
  // Set when a refusal names fields: the first of them takes the focus, not the notice.
  const focusField = useRef(false);
  // Only a bureau edits, and a bureau reads every alert it may see in full.
  const alert = stored.data && !isInstruction(stored.data) ? stored.data : undefined;
  const editable = alert !== undefined && alert.owner === me.member && roleMay(me.role, 'alert.update') && CHANGEABLE_STATUSES.includes(alert.status);
  // A rejected alert is corrected to go back to review: the form says so and shows the reviewer's reason.
  const resubmitting = alert?.status === 'rejected';

  // The form starts from the alert as read; later reads never overwrite what is being typed.
  useEffect(() => {
    if (!alert || !editable) return;
    const original = storedInput(alert as unknown as Record<string, unknown>);
    setEditing((e) => e ?? { draft: draftOf(original), original });
  }, [alert, editable]);

  // Keyboard and screen-reader users land on the form's title, then on the problems when there are some.
  useEffect(() => heading.current?.focus(), [editing === null, stored.status]);
  useEffect(() => {
    if (!notice) return;
    if (focusField.current) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    else summary.current?.focus();
    focusField.current = false;
  }, [notice]);

  const back = () => navigate(editId ? `/alerts?id=${encodeURIComponent(editId)}` : '/alerts');
  const title = target.mode === 'new' ? t(TITLES[target.kind]) : resubmitting ? t('alertEditor.resubmitTitle') : t('alertEditor.editTitle');

  if (editing === null) {
    return (
      <div className="alert-editor">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <ResourceView resource={stored} failed={(detail) => t('alertEditor.loadFailed', { detail })} quietRefresh>
          {() => (editable ? <p role="status">{t('common.loading')}</p> : <p role="alert" className="error">{t('alertEditor.notEditable')}</p>)}
        </ResourceView>
        <button type="button" onClick={back}>
          {t('alertEditor.discard')}
        </button>
      </div>
    );
  }

  const { draft, original } = editing;
  const update = (change: (d: Draft) => Draft) => setEditing((e) => (e ? { ...e, draft: change(e.draft) } : e));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = checkAlert(t, toInput(draft));
    if (!checked.ok) {
      setErrors(checked.errors);
      setNotice({ kind: 'error', text: t('alertEditor.fixErrors', { count: Object.keys(checked.errors).length }) });
      return;
    }
    setErrors({});
    const patch = original ? patchBetween(original, checked.value) : null;
    if (patch && Object.keys(patch).length === 0) {
      setNotice({ kind: 'info', text: t('alertEditor.noChanges') });
      return;
    }
    setBusy(true);
    setNotice(null);
    try {
      const saved = editId && patch ? await alertEditorApi.update(editId, patch) : await alertEditorApi.create(checked.value);
      forgetAlert(saved.id);
      rememberSaveWarnings(saved.id, (saved as { warnings?: AssetWarning[] }).warnings);
      navigate(`/alerts?id=${encodeURIComponent(saved.id)}&saved=${resubmitting ? 'resubmitted' : '1'}`);
    } catch (err) {
      setBusy(false);
      // The fields the server refused (a document of another state…) are told beside each, and the first takes the focus.
      const refused = refusalFieldErrors(t, err);
      focusField.current = Object.keys(refused).length > 0;
      setErrors(refused);
      setNotice({ kind: 'error', text: t('alertEditor.refused', { detail: failure(t, err) }) });
    }
  };

  const sections = { draft, update, errors };
  return (
    <form ref={form} className="alert-editor" noValidate onSubmit={(e) => void onSubmit(e)} data-testid="alert-editor">
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {resubmitting && (
        <div className="card review-state rejected" role="note" data-testid="editor-rejected">
          {alert.statusReason && (
            <p>
              <strong dir="auto">{t('alertEditor.rejectedReason', { reason: alert.statusReason })}</strong>
            </p>
          )}
          <p className="help">{t('alertEditor.rejectedHelp')}</p>
        </div>
      )}
      {draft.kind === 'person' && <PersonFields {...sections} />}
      {draft.kind === 'document' && <DocumentFields {...sections} />}
      {draft.kind === 'vehicle' && <VehicleFields {...sections} />}
      {draft.kind === 'asset' && <AssetFields {...sections} />}
      <HandlingFields {...sections} />
      <VisibilityPicker value={draft.visibility} owner={me.member} onChange={(visibility) => update((d) => ({ ...d, visibility }))} error={errors.visibility ?? errors['visibility.members'] ?? Object.entries(errors).find(([k]) => k.startsWith('visibility.'))?.[1]} />
      {notice && (
        <div ref={summary} tabIndex={-1} role={notice.kind === 'error' ? 'alert' : 'status'} className={notice.kind === 'error' ? 'error form-summary' : 'form-summary'} data-testid="editor-notice">
          {notice.text}
        </div>
      )}
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('alertEditor.saving') : resubmitting ? t('alertEditor.resubmit') : original ? t('alertEditor.saveChanges') : t('alertEditor.publish')}
        </button>
        <button type="button" onClick={back} disabled={busy}>
          {t('alertEditor.discard')}
        </button>
      </div>
    </form>
  );
}

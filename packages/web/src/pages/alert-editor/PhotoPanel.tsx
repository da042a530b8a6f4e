import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { alertEditorApi, MAX_PHOTO_BYTES, MAX_PHOTOS, PHOTO_TYPES, type PhotoInfo } from '../../api/alert-editor.ts';
import { ResourceView } from '../../components/ResourceView.tsx';
import { useResource } from '../../data/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { failure } from '../../i18n/labels.ts';

/**
 * The photos of a person alert, as <img> tags on the API's own URLs (the session cookie goes with
 * them, the server checks the alert's visibility for each). The owner's bureau may add one —
 * previewed from a blob: URL before it is sent — or delete one.
 */
export function PhotoPanel({ alertId, canEdit }: { alertId: string; canEdit: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const photos = useResource(`photos:${alertId}`, async (signal) => (await alertEditorApi.photos(alertId, signal)).items);
  const [status, setStatus] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  const remove = async (photo: PhotoInfo, n: number) => {
    try {
      await alertEditorApi.deletePhoto(alertId, photo.id);
      setStatus({ kind: 'info', text: t('alertEditor.photo.deleted') });
      photos.mutate((items) => items.filter((p) => p.id !== photo.id));
      photos.reload();
    } catch (e) {
      setStatus({ kind: 'error', text: `${t('alertEditor.photo.delete', { n })}: ${failure(t, e)}` });
    }
  };

  const count = photos.data?.length ?? 0;
  return (
    <section aria-labelledby={`${id}-title`} className="photos" data-testid="alert-photos">
      <h2 id={`${id}-title`}>{t('alertEditor.photos')}</h2>
      <ResourceView resource={photos} failed={(detail) => t('alertEditor.photo.loadFailed', { detail })} isEmpty={(items) => items.length === 0} empty={t('alertEditor.photosEmpty')} testId="photos">
        {(items) => (
          <ul className="photo-list">
            {items.map((p, i) => (
              <li key={p.id}>
                <img src={p.url} alt={t('alertEditor.photo.alt', { n: i + 1 })} data-testid="alert-photo" />
                {canEdit && (
                  <button type="button" onClick={() => void remove(p, i + 1)}>
                    {t('alertEditor.photo.delete', { n: i + 1 })}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={status.kind === 'error' ? 'error' : 'status'}>
          {status.text}
        </p>
      )}
      {canEdit && photos.status === 'ready' && (count < MAX_PHOTOS ? <PhotoUpload alertId={alertId} onDone={(added, text) => {
        setStatus(text);
        photos.mutate((items) => [...items, added]);
        photos.reload();
      }} /> : <p className="help">{t('alertEditor.photo.limit', { max: MAX_PHOTOS })}</p>)}
    </section>
  );
}

/** Choose a file, see it, send it. The server decides the type from the bytes; this only spares a useless upload. */
function PhotoUpload({ alertId, onDone }: { alertId: string; onDone: (added: PhotoInfo, status: { kind: 'error' | 'info'; text: string }) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // A blob: URL holds the file in memory until revoked.
  useEffect(() => {
    if (!file) return;
    const url = URL.createObjectURL(file);
    setPreview(url);
    return () => {
      URL.revokeObjectURL(url);
      setPreview(null);
    };
  }, [file]);

  const choose = (f: File | null) => {
    setProblem(null);
    setFile(null);
    if (!f) return;
    if (!(PHOTO_TYPES as readonly string[]).includes(f.type)) return setProblem(t('alertEditor.photo.wrongType'));
    if (f.size > MAX_PHOTO_BYTES) return setProblem(t('alertEditor.photo.tooBig', { size: (f.size / (1024 * 1024)).toFixed(1) }));
    setFile(f);
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    try {
      const added = await alertEditorApi.uploadPhoto(alertId, file);
      setFile(null);
      if (input.current) input.current.value = '';
      onDone(added, { kind: 'info', text: t('alertEditor.photo.added') });
    } catch (err) {
      setProblem(t('alertEditor.photo.failed', { detail: failure(t, err) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card photo-upload" onSubmit={(e) => void onSubmit(e)}>
      <label>
        {t('alertEditor.photo.choose')}
        <input ref={input} type="file" accept={PHOTO_TYPES.join(',')} aria-describedby={problem ? `${id}-problem` : undefined} onChange={(e) => choose(e.target.files?.[0] ?? null)} data-testid="photo-input" />
      </label>
      {problem && (
        <p id={`${id}-problem`} role="alert" className="error">
          {problem}
        </p>
      )}
      {preview && (
        <figure>
          <img src={preview} alt={t('alertEditor.photo.preview')} data-testid="photo-preview" />
          <figcaption className="help">{t('alertEditor.photo.preview')}</figcaption>
        </figure>
      )}
      <button type="submit" className="primary" disabled={!file || busy}>
        {busy ? t('alertEditor.photo.uploading') : t('alertEditor.photo.upload')}
      </button>
    </form>
  );
}

import { useState } from 'react';
import { clearancesApi, type ClearanceView } from '../../api/clearances.ts';
import { credentialText, memberText } from '../../components/hit-words.ts';
import { Subject } from '../../components/Subject.tsx';
import { dateTime } from '../../i18n/dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { failure } from '../../i18n/labels.ts';

type Acting = { state: 'idle' } | { state: 'saving' } | { state: 'failed'; detail: string };

/** One clearance: the traveller, the alert, who cleared them and when, what became of it, and the button its side may press. */
export function ClearanceCard({ clearance: c, navigate, onChanged, mayOpenHit }: { clearance: ClearanceView; navigate: (to: string) => void; onChanged: (c: ClearanceView) => void; mayOpenHit: boolean }) {
  const { t, language } = useI18n();
  const [note, setNote] = useState('');
  const [acting, setActing] = useState<Acting>({ state: 'idle' });
  const hitHref = `/hits?id=${encodeURIComponent(c.hitId)}`;
  const member = memberText({ code: c.member, name: c.memberName, alpha2: c.memberAlpha2 }, t, language);
  const act = async (how: 'revoke' | 'object') => {
    setActing({ state: 'saving' });
    try {
      onChanged(await (how === 'revoke' ? clearancesApi.revoke(c.id, note) : clearancesApi.object(c.id, note)));
      setActing({ state: 'idle' });
      setNote('');
    } catch (e) {
      setActing({ state: 'failed', detail: failure(t, e) });
    }
  };
  const noteId = `clearance-${c.id}-note`;
  return (
    <article className={`card clearance status-${c.status}`} data-testid="clearance-card">
      <header className="clearance-head">
        <h2 dir="auto">{c.traveller ?? t('clearances.travellerGone')}</h2>
        <span className={`clearance-status ${c.status}`} data-testid="clearance-status">
          {t(`clearances.status.${c.status}`)}
        </span>
      </header>
      <dl className="clearance-facts">
        <dt>{t('clearances.alert')}</dt>
        <dd>
          <Subject subject={c.subject} fullDate />
        </dd>
        <dt>{t('clearances.cleared')}</dt>
        <dd>
          {t('clearances.clearedOnBy', { date: dateTime(language, c.createdAt), member })}
          {c.clearedBy && ` · ${credentialText(c.clearedBy, c.clearedByName, t)}`}
        </dd>
        <dt>{t('clearances.owner')}</dt>
        <dd>{memberText({ code: c.owner, name: c.ownerName, alpha2: c.ownerAlpha2 }, t, language)}</dd>
        <dt>{t('clearances.suppressed')}</dt>
        <dd data-testid="clearance-suppressed">{c.suppressed}</dd>
        {c.endedAt && (
          <>
            <dt>{t('clearances.ended')}</dt>
            <dd>
              {t(`clearances.endedBy.${c.status === 'objected' ? 'objected' : c.status === 'withdrawn' ? 'withdrawn' : 'revoked'}`, { date: dateTime(language, c.endedAt) })}
              {c.endNote && (
                <>
                  {' · '}
                  <span dir="auto">{c.endNote}</span>
                </>
              )}
            </dd>
          </>
        )}
      </dl>
      {mayOpenHit && (
        <p>
          <a
            href={hitHref}
            onClick={(e) => {
              e.preventDefault();
              navigate(hitHref);
            }}
          >
            {t('clearances.openHit')}
          </a>
        </p>
      )}
      {(c.canRevoke || c.canObject) && (
        <div className="clearance-actions">
          <label htmlFor={noteId}>{t('clearances.note')}</label>
          <input id={noteId} type="text" dir="auto" maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} data-testid="clearance-note" />
          {c.canRevoke && (
            <button type="button" disabled={acting.state === 'saving'} onClick={() => void act('revoke')} data-testid="clearance-revoke">
              {t('clearances.revoke')}
            </button>
          )}
          {c.canObject && (
            <button type="button" disabled={acting.state === 'saving'} onClick={() => void act('object')} data-testid="clearance-object">
              {t('clearances.object')}
            </button>
          )}
        </div>
      )}
      {acting.state === 'failed' && (
        <p role="alert" className="field-error">
          {t('clearances.actFailed', { detail: acting.detail })}
        </p>
      )}
    </article>
  );
}

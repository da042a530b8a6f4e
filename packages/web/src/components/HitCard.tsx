import type { AlertSubject } from '@crosscheck/core/api';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { api, ApiError, HIT_OUTCOMES, type HitOutcome, type ScreenResultHit } from '../api/client.ts';
import { hitsApi, OUTCOME_NOTE_MAX } from '../api/hits.ts';
import { actionText, memberText, ownerOf, type MemberRef } from './hit-words.ts';
import { Subject } from './Subject.tsx';
import { ClearedBeforeNote } from './ClearedBeforeNote.tsx';
import { RecastFacts } from './RecastFacts.tsx';
import { outcomeFitsCategory } from '@crosscheck/core/constants';
import { ReasonList } from './ReasonList.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { failure, label } from '../i18n/labels.ts';

/**
 * Who or what the result is on, and the owner's name. The screening answer names results by
 * alert id and owner code; the hit each was recorded as names them, through the same access rule
 * (a discreet check read as its instruction has no subject). A result below the threshold was not
 * recorded and stays unnamed.
 */
function useNames(hit: ScreenResultHit): { subject?: AlertSubject; owner?: MemberRef } {
  const [names, setNames] = useState<{ subject?: AlertSubject; owner?: MemberRef }>({});
  const hitId = hit.access === 'full' ? hit.hitId : null;
  useEffect(() => {
    if (hitId === null) return;
    const abort = new AbortController();
    hitsApi.get(hitId, abort.signal).then(
      (detail) => setNames({ ...(detail.subject ? { subject: detail.subject } : {}), owner: ownerOf(detail) }),
      // The card stays usable without the names: the score, reasons and action are all there.
      () => undefined,
    );
    return () => abort.abort();
  }, [hitId]);
  return names;
}

type Recording = { state: 'idle' } | { state: 'pending'; outcome: HitOutcome } | { state: 'saving'; outcome: HitOutcome } | { state: 'done'; outcome: HitOutcome } | { state: 'failed'; detail: string };

/**
 * One result of a screening. Recording an outcome takes two keystrokes on the focused card:
 * a digit 1–4 chooses, Enter records (Escape cancels), so an officer never leaves the keyboard.
 * Once an outcome is chosen, Tab goes to an optional note; Enter there records it with the note.
 */
export function HitCard({ hit, index }: { hit: ScreenResultHit; index: number }) {
  const { t, language } = useI18n();
  const [rec, setRec] = useState<Recording>({ state: 'idle' });
  const [note, setNote] = useState('');
  const cardRef = useRef<HTMLElement>(null);
  const noteRef = useRef<HTMLInputElement>(null);
  const discreet = hit.access === 'instruction-only';
  const titleId = `hit-${index}-title`;
  const { subject, owner } = useNames(hit);
  // "Left the territory" is offered on a return decision's card only (the API refuses it elsewhere).
  const outcomes = HIT_OUTCOMES.filter((o) => outcomeFitsCategory(o, hit.category ?? null));
  // A preventive alert protects the person: the card is green, never the wanted red.
  const protective = hit.category === 'preventive';

  const record = async (outcome: HitOutcome) => {
    setRec({ state: 'saving', outcome });
    try {
      // The screening answer names the hit each result was recorded as (none below the threshold).
      if (hit.hitId === null) throw new ApiError(404, 'hit.not-found', 'hit not found');
      // The API wants a note: without one typed, the standard note says where it was recorded.
      await api.recordOutcome(hit.hitId, outcome, note.trim() || t('hit.note'));
      setRec({ state: 'done', outcome });
      setNote('');
    } catch (e) {
      setRec({ state: 'failed', detail: failure(t, e) });
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (rec.state === 'saving') return;
    const n = Number(e.key);
    if (Number.isInteger(n) && n >= 1 && n <= outcomes.length) {
      e.preventDefault();
      setRec({ state: 'pending', outcome: outcomes[n - 1]! });
    } else if (e.key === 'Enter' && rec.state === 'pending' && e.target === e.currentTarget) {
      e.preventDefault();
      void record(rec.outcome);
    } else if (e.key === 'Tab' && !e.shiftKey && rec.state === 'pending' && e.target === e.currentTarget) {
      // From the confirmation, the next stop is the note rather than the four outcome buttons.
      e.preventDefault();
      noteRef.current?.focus();
    } else if (e.key === 'Escape' && rec.state === 'pending') {
      e.preventDefault();
      setRec({ state: 'idle' });
      cardRef.current?.focus();
    }
  };

  const onNoteKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    // Digits belong to the note here, not to the outcome choice.
    e.stopPropagation();
    if (e.key === 'Enter' && rec.state === 'pending') {
      e.preventDefault();
      void record(rec.outcome);
      cardRef.current?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setRec({ state: 'idle' });
      cardRef.current?.focus();
    }
  };

  return (
    <article ref={cardRef} className={`card hit ${discreet ? 'discreet' : ''} ${protective ? 'protective' : ''}`} tabIndex={0} aria-labelledby={titleId} onKeyDown={onKeyDown} data-testid="hit-card">
      <h3 id={titleId}>
        {discreet ? t('hit.discreet') : t(`hit.kind.${hit.kind}`)}
        {hit.category ? ` · ${label(t, 'category', hit.category)}` : ''}
      </h3>
      {subject && (
        <p className="hit-card-subject" data-testid="hit-card-subject">
          <Subject subject={subject} fullDate withCategory={false} />
        </p>
      )}
      {subject?.kind === 'person' && <RecastFacts sections={subject} />}
      <p className="action">
        <strong>{t('hit.action')}: </strong>
        <span dir="auto">{hit.action ? actionText(hit.action, t) : t('hit.noAction')}</span>
      </p>
      {!discreet && (
        <dl>
          <dt>{t('hit.owner')}</dt>
          <dd>{memberText(owner ?? { code: hit.owner }, t, language)}</dd>
          <dt>{t('hit.score')}</dt>
          <dd>{hit.score?.toFixed(2)}</dd>
          {hit.reasons && hit.reasons.length > 0 && (
            <>
              <dt>{t('hit.reasons')}</dt>
              <dd>
                <ReasonList reasons={hit.reasons} />
              </dd>
            </>
          )}
          {hit.warnings && hit.warnings.length > 0 && (
            <>
              <dt>{t('hit.warnings')}</dt>
              <dd>
                <ul className="warnings">
                  {hit.warnings.map((w) => (
                    <li key={w} dir="auto">
                      {label(t, 'warning', w)}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          )}
        </dl>
      )}
      {hit.access === 'full' && hit.clearedBefore && <ClearedBeforeNote cleared={hit.clearedBefore} />}
      <div className="outcome">
        <p className="help">{t(outcomes.length > 4 ? 'hit.outcomeHelpReturn' : 'hit.outcomeHelp')}</p>
        <div className="outcome-buttons" role="group" aria-label={t('hits.outcome')}>
          {outcomes.map((o, i) => (
            <button key={o} type="button" aria-pressed={(rec.state === 'pending' || rec.state === 'done') && rec.outcome === o} onClick={() => setRec({ state: 'pending', outcome: o })}>
              <kbd>{i + 1}</kbd> {t(`outcome.${o}`)}
            </button>
          ))}
        </div>
        <p className="outcome-status" role="status" data-testid="outcome-status">
          {rec.state === 'pending' && t('hit.confirm', { outcome: t(`outcome.${rec.outcome}`) })}
          {rec.state === 'saving' && t('common.loading')}
          {rec.state === 'done' && t('hit.recorded', { outcome: t(`outcome.${rec.outcome}`) })}
          {rec.state === 'failed' && t('hit.recordFailed', { detail: rec.detail })}
        </p>
        {rec.state === 'pending' && (
          <div className="outcome-confirm">
            <label>
              {t('hitThread.note')}
              <input ref={noteRef} type="text" dir="auto" value={note} maxLength={OUTCOME_NOTE_MAX} onChange={(e) => setNote(e.target.value)} onKeyDown={onNoteKeyDown} aria-describedby={`${titleId}-note-help`} data-testid="outcome-note" />
            </label>
            <p className="help" id={`${titleId}-note-help`}>
              {t('hitThread.noteHelp')}
            </p>
            <button type="button" className="primary" onClick={() => void record(rec.outcome)}>
              {t('hit.confirmButton')}
            </button>
          </div>
        )}
      </div>
    </article>
  );
}

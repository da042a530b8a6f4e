import type { ScreenQueryInput } from '@crosscheck/core';
import { useRef, useState, type FormEvent } from 'react';
import { api, ApiError, type Me, type ScreenResponse, type ScreenResultHit } from '../api/client.ts';
import { HitCard } from '../components/HitCard.tsx';
import { MrzField } from '../components/MrzField.tsx';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * Most serious first: a discreet check (its instruction only) is an instruction to act now, so it
 * leads; then hits that carry an action; then by score.
 */
function bySeriousness(a: ScreenResultHit, b: ScreenResultHit): number {
  const rank = (h: ScreenResultHit) => (h.access === 'instruction-only' ? 0 : h.action ? 1 : 2);
  const score = (h: ScreenResultHit) => (h.access === 'full' ? h.score : 0);
  return rank(a) - rank(b) || score(b) - score(a);
}

type Outcome = { state: 'idle' } | { state: 'busy' } | { state: 'done'; result: ScreenResponse } | { state: 'failed'; message: string };

export function ScreeningPage({ me }: { me: Me }) {
  const { t } = useI18n();
  const [mrz, setMrz] = useState('');
  const [names, setNames] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sex, setSex] = useState('');
  const [nationality, setNationality] = useState('');
  const [docNumber, setDocNumber] = useState('');
  const [issuingState, setIssuingState] = useState('');
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const resultsRef = useRef<HTMLElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const query: ScreenQueryInput = {};
    if (mrz.trim()) query.mrz = mrz.trim();
    if (names.trim()) {
      query.person = {
        names: names.split(',').map((n) => n.trim()).filter(Boolean),
        ...(birthDate.trim() ? { birthDate: birthDate.trim() } : {}),
        ...(sex ? { sex } : {}),
        ...(nationality.trim() ? { nationality: nationality.trim() } : {}),
      };
    }
    if (docNumber.trim()) query.documents = [{ number: docNumber.trim(), ...(issuingState.trim() ? { issuingState: issuingState.trim() } : {}) }];
    if (!query.mrz && !query.person && !query.documents) {
      setOutcome({ state: 'failed', message: t('screen.needInput') });
      return;
    }
    setOutcome({ state: 'busy' });
    try {
      const result = await api.screen(query);
      setOutcome({ state: 'done', result: { ...result, hits: [...result.hits].sort(bySeriousness) } });
      // Move to the results so the keyboard flow continues there (Tab reaches the first card).
      requestAnimationFrame(() => resultsRef.current?.focus());
    } catch (err) {
      setOutcome({ state: 'failed', message: err instanceof ApiError && err.status !== 0 ? t('screen.failed', { detail: err.message }) : t('common.networkError') });
    }
  };

  return (
    <div className="screening">
      <h1>{t('screen.title')}</h1>
      <form className="card" onSubmit={(e) => void submit(e)} aria-label={t('screen.title')} data-member={me.member}>
        <MrzField value={mrz} onChange={setMrz} />
        <fieldset>
          <legend>{t('screen.person')}</legend>
          <label>
            {t('screen.names')}
            <input name="names" value={names} onChange={(e) => setNames(e.target.value)} autoComplete="off" />
          </label>
          <label>
            {t('screen.birthDate')}
            <input name="birthDate" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} inputMode="numeric" autoComplete="off" dir="ltr" />
          </label>
          <label>
            {t('screen.sex')}
            <select name="sex" value={sex} onChange={(e) => setSex(e.target.value)}>
              <option value="">{t('screen.sexAny')}</option>
              <option value="F">F</option>
              <option value="M">M</option>
              <option value="X">X</option>
            </select>
          </label>
          <label>
            {t('screen.nationality')}
            <input name="nationality" value={nationality} onChange={(e) => setNationality(e.target.value)} maxLength={3} autoComplete="off" dir="ltr" />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('screen.document')}</legend>
          <label>
            {t('screen.documentNumber')}
            <input name="documentNumber" value={docNumber} onChange={(e) => setDocNumber(e.target.value)} autoComplete="off" dir="ltr" />
          </label>
          <label>
            {t('screen.issuingState')}
            <input name="issuingState" value={issuingState} onChange={(e) => setIssuingState(e.target.value)} maxLength={3} autoComplete="off" dir="ltr" />
          </label>
        </fieldset>
        <button type="submit" className="primary" disabled={outcome.state === 'busy'}>
          {outcome.state === 'busy' ? t('screen.busy') : t('screen.submit')}
        </button>
      </form>
      <section className="results" ref={resultsRef} tabIndex={-1} aria-live="polite" aria-labelledby="results-title" data-testid="results">
        {outcome.state === 'failed' && (
          <p className="error" role="alert">
            {outcome.message}
          </p>
        )}
        {outcome.state === 'done' && (
          <>
            <h2 id="results-title">{outcome.result.hits.length === 0 ? t('screen.noHits') : t('screen.results', { count: outcome.result.hits.length })}</h2>
            {outcome.result.hits.map((h, i) => (
              <HitCard key={`${outcome.result.screeningId}-${h.alertId}`} hit={h} index={i} />
            ))}
          </>
        )}
      </section>
    </div>
  );
}

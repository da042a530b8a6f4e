import type { ScreenQueryInput } from '@crosscheck/core';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, type Me, type ScreenResponse, type ScreenResultHit } from '../api/client.ts';
import { HitCard } from '../components/HitCard.tsx';
import { MrzField } from '../components/MrzField.tsx';
import { warningText } from '../components/screening-warning-text.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { failure, refusalFieldErrors } from '../i18n/labels.ts';
import { ASSET_INPUT_PATHS, assetErrorPath, assetsOf, EMPTY_ASSETS, type AssetDraft } from './screening/asset-draft.ts';
import { decimalOf } from './screening/decimal.ts';

/**
 * Most serious first: a discreet check (its instruction only) is an instruction to act now, so it
 * leads; then hits that carry an action; then by score.
 */
function bySeriousness(a: ScreenResultHit, b: ScreenResultHit): number {
  const rank = (h: ScreenResultHit) => (h.access === 'instruction-only' ? 0 : h.action ? 1 : 2);
  const score = (h: ScreenResultHit) => (h.access === 'full' ? h.score : 0);
  return rank(a) - rank(b) || score(b) - score(a);
}

// The field check loads with zod and the core schemas, so it is fetched apart from the page.
const loadCheck = () => import('./screening/check-query.ts');

// `ownSettings`: the officer set a threshold or weights, so the answer's settings are shown.
type Outcome = { state: 'idle' } | { state: 'busy' } | { state: 'done'; result: ScreenResponse; mrz: string; walletAddress: string; ownSettings: boolean } | { state: 'failed'; message: string };
type FieldErrors = Record<string, string>;

/** The evidence a screening may weigh itself (core screen-settings.ts), in the order shown. */
const WEIGHTS = ['birthDate', 'nationality', 'sex'] as const;
type Weight = (typeof WEIGHTS)[number];
const NO_WEIGHTS: Record<Weight, string> = { birthDate: '', nationality: '', sex: '' };

// The paths this page has an input for. Every name (`person.names.1`) is typed in the one names
// box; any other path (a whole `person`, the request `(body)`) is told in the failure notice.
const INPUT_PATHS = new Set(['mrz', 'person.birthDate', 'person.sex', 'person.nationality', 'documents.0.number', 'documents.0.issuingState', 'walletAddress', 'threshold', ...WEIGHTS.map((w) => `weights.${w}`)]);
const isName = (path: string) => path === 'person.names' || path.startsWith('person.names.');
const hasInput = (path: string) => INPUT_PATHS.has(path) || isName(path) || ASSET_INPUT_PATHS.has(path);

/** A form field with its error right beside it, tied to the input for screen readers. */
function Field({ id, label, error, children }: { id: string; label: string; error: string | undefined; children: (described: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode }) {
  const errorId = `${id}-error`;
  return (
    <div className={`field-cell${error ? ' invalid' : ''}`}>
      <label>
        {label}
        {children({ id, ...(error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {}) })}
      </label>
      {error && (
        <p id={errorId} className="error field-error" data-testid={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

export function ScreeningPage({ me }: { me: Me }) {
  const { t, language } = useI18n();
  const formatNumber = (n: number) => new Intl.NumberFormat(language).format(n);
  const [mrz, setMrz] = useState('');
  const [names, setNames] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [sex, setSex] = useState('');
  const [nationality, setNationality] = useState('');
  const [docNumber, setDocNumber] = useState('');
  const [issuingState, setIssuingState] = useState('');
  const [walletAddress, setWalletAddress] = useState('');
  const [assets, setAssets] = useState<AssetDraft>(EMPTY_ASSETS);
  const [threshold, setThreshold] = useState('');
  const [weights, setWeights] = useState<Record<Weight, string>>(NO_WEIGHTS);
  const setAsset = (field: keyof AssetDraft) => (e: { target: { value: string } }) => setAssets((d) => ({ ...d, [field]: e.target.value }));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const resultsRef = useRef<HTMLElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    void loadCheck().catch(() => undefined);
  }, []);
  // Once the errors are on screen, the first field in error takes the focus; with none beside a
  // field, the failure notice takes it, so the officer lands on the reason.
  useEffect(() => {
    if (Object.keys(errors).length > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    else if (outcome.state === 'failed') noticeRef.current?.focus();
  }, [errors, outcome]);

  /**
   * Every error is shown: beside its field when the page has that field's input, the others in
   * the failure notice, each with its field's name (none for the whole request body).
   */
  const showErrors = (found: FieldErrors, notice: (detail: string) => string) => {
    const beside: FieldErrors = {};
    const elsewhere: string[] = [];
    for (const [field, message] of Object.entries(found)) {
      if (hasInput(field)) beside[field] = message;
      else elsewhere.push(field === '(body)' ? message : t('problem.fieldError', { field, message }));
    }
    setErrors(beside);
    setOutcome(elsewhere.length > 0 ? { state: 'failed', message: notice(elsewhere.join(' ')) } : { state: 'idle' });
  };

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
    if (walletAddress.trim()) query.walletAddress = walletAddress.trim();
    // The request's own settings, only those typed: the server applies its defaults to the rest.
    // Typed in the digits of the officer's keyboard (decimal.ts); what is no number goes as typed and is refused beside its field.
    if (threshold.trim()) query.threshold = decimalOf(threshold) as number;
    const typedWeights = WEIGHTS.filter((w) => weights[w].trim() !== '');
    if (typedWeights.length > 0) query.weights = Object.fromEntries(typedWeights.map((w) => [w, decimalOf(weights[w])]));
    const { assets: assetItems, kinds } = assetsOf(assets);
    if (assetItems.length > 0) query.assets = assetItems;
    // An asset is named by its position in the query, by its field on the page.
    const onPage = (found: FieldErrors): FieldErrors => Object.fromEntries(Object.entries(found).map(([path, message]) => [assetErrorPath(path, kinds), message]));
    if (!query.mrz && !query.person && !query.documents && !query.walletAddress && !query.assets) {
      setErrors({});
      setOutcome({ state: 'failed', message: t('screen.needInput') });
      return;
    }
    // The API's own check, first, so a wrong field is told beside it (and focused) before sending.
    let found: FieldErrors = {};
    try {
      found = onPage((await loadCheck()).checkScreenQuery(t, query));
    } catch {
      // Without the check (its chunk did not load), the server still refuses what is wrong.
    }
    if (Object.keys(found).length > 0) {
      showErrors(found, (detail) => detail);
      return;
    }
    setErrors({});
    setOutcome({ state: 'busy' });
    try {
      const result = await api.screen(query);
      setOutcome({ state: 'done', result: { ...result, hits: [...result.hits].sort(bySeriousness) }, mrz: query.mrz ?? '', walletAddress: query.walletAddress ?? '', ownSettings: query.threshold !== undefined || query.weights !== undefined });
      // Move to the results so the keyboard flow continues there (Tab reaches the first card).
      requestAnimationFrame(() => resultsRef.current?.focus());
    } catch (err) {
      // A field the server refused (an unreadable zone, a date the browser did not check) is told
      // beside that field, in the reader's language, as the browser's own check would.
      const refused = onPage(refusalFieldErrors(t, err, formatNumber));
      if (Object.keys(refused).length > 0) {
        showErrors(refused, (detail) => t('screen.failed', { detail }));
        return;
      }
      setOutcome({ state: 'failed', message: err instanceof ApiError && err.status !== 0 ? t('screen.failed', { detail: failure(t, err) }) : t('common.networkError') });
    }
  };

  // What the answer says about the zone beside the typed person: shown while the zone is the one screened.
  const answerWarnings = outcome.state === 'done' && outcome.mrz === mrz.trim() ? (outcome.result.warnings ?? []).filter((w) => w.code === 'mrz.holder-differs') : [];
  // An address screened without a checksum is said beside the wallet field, while it is the one screened.
  const walletWarnings = outcome.state === 'done' && outcome.walletAddress === walletAddress.trim() ? (outcome.result.warnings ?? []).filter((w) => w.code === 'wallet.no-checksum') : [];
  const foundBy = (h: ScreenResultHit) => (h.access === 'full' && h.matchedBy.length > 0 ? t('screening.matchedBy', { probes: h.matchedBy.map((p) => t(`screening.probe.${p}`)).join(', ') }) : null);

  return (
    <div className="screening">
      <h1>{t('screen.title')}</h1>
      <form ref={formRef} className="card" onSubmit={(e) => void submit(e)} aria-label={t('screen.title')} data-member={me.member} noValidate>
        <MrzField value={mrz} onChange={setMrz} answerWarnings={answerWarnings} {...(errors.mrz ? { error: errors.mrz } : {})} />
        <fieldset>
          <legend>{t('screen.person')}</legend>
          <Field id="screen-names" label={t('screen.names')} error={Object.entries(errors).find(([path]) => isName(path))?.[1]}>
            {(a) => <input {...a} name="names" value={names} onChange={(e) => setNames(e.target.value)} autoComplete="off" />}
          </Field>
          <Field id="screen-birth-date" label={t('screen.birthDate')} error={errors['person.birthDate']}>
            {(a) => <input {...a} name="birthDate" value={birthDate} onChange={(e) => setBirthDate(e.target.value)} inputMode="numeric" autoComplete="off" dir="ltr" />}
          </Field>
          <Field id="screen-sex" label={t('screen.sex')} error={errors['person.sex']}>
            {(a) => (
              <select {...a} name="sex" value={sex} onChange={(e) => setSex(e.target.value)}>
                <option value="">{t('screen.sexAny')}</option>
                <option value="F">F</option>
                <option value="M">M</option>
                <option value="X">X</option>
              </select>
            )}
          </Field>
          <Field id="screen-nationality" label={t('screen.nationality')} error={errors['person.nationality']}>
            {(a) => <input {...a} name="nationality" value={nationality} onChange={(e) => setNationality(e.target.value)} maxLength={3} autoComplete="off" dir="ltr" />}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('screen.document')}</legend>
          <Field id="screen-document-number" label={t('screen.documentNumber')} error={errors['documents.0.number']}>
            {(a) => <input {...a} name="documentNumber" value={docNumber} onChange={(e) => setDocNumber(e.target.value)} autoComplete="off" dir="ltr" />}
          </Field>
          <Field id="screen-issuing-state" label={t('screen.issuingState')} error={errors['documents.0.issuingState']}>
            {(a) => <input {...a} name="issuingState" value={issuingState} onChange={(e) => setIssuingState(e.target.value)} maxLength={3} autoComplete="off" dir="ltr" />}
          </Field>
        </fieldset>
        <fieldset>
          <legend>{t('screening.wallet.legend')}</legend>
          <Field id="screen-wallet-address" label={t('screening.wallet.address')} error={errors.walletAddress}>
            {(a) => <input {...a} name="walletAddress" value={walletAddress} onChange={(e) => setWalletAddress(e.target.value)} maxLength={100} autoComplete="off" spellCheck={false} dir="ltr" />}
          </Field>
          {walletWarnings.map((w) => (
            <p key={w.code} className="help" data-testid="wallet-warning">
              {warningText(t, language, w)}
            </p>
          ))}
        </fieldset>
        <fieldset data-testid="asset-fields">
          <legend>{t('screening.assets.legend')}</legend>
          <Field id="screen-asset-iban" label={t('screening.assets.iban')} error={errors['assets.iban']}>
            {(a) => <input {...a} name="iban" value={assets.iban} onChange={setAsset('iban')} maxLength={50} autoComplete="off" spellCheck={false} dir="ltr" />}
          </Field>
          <Field id="screen-asset-imo" label={t('screening.assets.imo')} error={errors['assets.imo']}>
            {(a) => <input {...a} name="imo" value={assets.imo} onChange={setAsset('imo')} maxLength={20} autoComplete="off" spellCheck={false} dir="ltr" />}
          </Field>
          <Field id="screen-asset-company" label={t('screening.assets.companyName')} error={errors['assets.company.name']}>
            {(a) => <input {...a} name="companyName" value={assets.companyName} onChange={setAsset('companyName')} maxLength={400} autoComplete="off" dir="auto" />}
          </Field>
          <Field id="screen-asset-registration" label={t('screening.assets.registrationNumber')} error={errors['assets.company.registrationNumber']}>
            {(a) => <input {...a} name="registrationNumber" value={assets.registrationNumber} onChange={setAsset('registrationNumber')} maxLength={100} autoComplete="off" dir="ltr" />}
          </Field>
          <Field id="screen-asset-country" label={t('screening.assets.companyCountry')} error={errors['assets.company.country']}>
            {(a) => <input {...a} name="companyCountry" value={assets.companyCountry} onChange={setAsset('companyCountry')} maxLength={3} autoComplete="off" dir="ltr" />}
          </Field>
          <p className="help">{t('screening.assets.help')}</p>
        </fieldset>
        <details className="card-section" data-testid="screen-advanced" open={Object.keys(errors).some((f) => f === 'threshold' || f.startsWith('weights.')) || undefined}>
          <summary>{t('screening.advanced.legend')}</summary>
          <Field id="screen-threshold" label={t('screening.advanced.threshold')} error={errors.threshold}>
            {(a) => <input {...a} name="threshold" value={threshold} onChange={(e) => setThreshold(e.target.value)} inputMode="decimal" autoComplete="off" dir="ltr" />}
          </Field>
          {WEIGHTS.map((w) => (
            <Field key={w} id={`screen-weight-${w}`} label={t(`screening.advanced.${w}`)} error={errors[`weights.${w}`]}>
              {(a) => <input {...a} name={`weight-${w}`} value={weights[w]} onChange={(e) => setWeights((d) => ({ ...d, [w]: e.target.value }))} inputMode="decimal" autoComplete="off" dir="ltr" />}
            </Field>
          ))}
          <p className="help">{t('screening.advanced.help')}</p>
        </details>
        <button type="submit" className="primary" disabled={outcome.state === 'busy'}>
          {outcome.state === 'busy' ? t('screen.busy') : t('screen.submit')}
        </button>
      </form>
      <section className="results" ref={resultsRef} tabIndex={-1} aria-live="polite" aria-labelledby="results-title" data-testid="results">
        {outcome.state === 'failed' && (
          <p className="error" role="alert" ref={noticeRef} tabIndex={-1} data-testid="screen-notice">
            {outcome.message}
          </p>
        )}
        {outcome.state === 'done' && (
          <>
            <h2 id="results-title">{outcome.result.hits.length === 0 ? t('screen.noHits') : t('screen.results', { count: outcome.result.hits.length })}</h2>
            {outcome.ownSettings && (
              <p className="help" data-testid="screen-settings">
                {t('screening.advanced.applied', { threshold: formatNumber(outcome.result.settings.threshold), birthDate: formatNumber(outcome.result.settings.weights.birthDate), nationality: formatNumber(outcome.result.settings.weights.nationality), sex: formatNumber(outcome.result.settings.weights.sex) })}
              </p>
            )}
            {outcome.result.hits.map((h, i) => (
              <div key={`${outcome.result.screeningId}-${h.alertId}`} className="found-hit" data-testid="found-hit" data-matched-by={h.access === 'full' ? h.matchedBy.join(' ') : ''}>
                {foundBy(h) && (
                  <p className="help found-by" data-testid="found-by">
                    {foundBy(h)}
                  </p>
                )}
                <HitCard hit={h} index={i} />
              </div>
            ))}
          </>
        )}
      </section>
    </div>
  );
}

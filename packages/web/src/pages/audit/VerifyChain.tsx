import { useRef, useState } from 'react';
import { auditApi, type AuditVerification } from '../../api/audit.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { failure } from '../../i18n/labels.ts';
import { dateTime } from '../../i18n/dates.ts';

type State = { state: 'idle' } | { state: 'running' } | { state: 'done'; result: AuditVerification } | { state: 'failed'; message: string };

/**
 * The "Verify the chain" button and its answer, said plainly. The operator's auditors learn
 * how many entries were checked or which one is broken and how; another member's auditors
 * learn only whether the chain is intact (the server tells them no more).
 */
export function VerifyChain({ onShowEntry }: { onShowEntry: (seq: number) => void }) {
  const { t, language } = useI18n();
  const [v, setV] = useState<State>({ state: 'idle' });
  const tRef = useRef(t);
  tRef.current = t;
  const count = new Intl.NumberFormat(language);

  const run = async () => {
    setV({ state: 'running' });
    try {
      setV({ state: 'done', result: await auditApi.verify() });
    } catch (e) {
      setV({ state: 'failed', message: failure(tRef.current, e) });
    }
  };

  return (
    <section className="card audit-verify" aria-labelledby="audit-verify-title">
      <h2 id="audit-verify-title">{t('audit.chain')}</h2>
      <button type="button" className="primary" onClick={() => void run()} disabled={v.state === 'running'} data-testid="audit-verify">
        {t('audit.verify')}
      </button>
      {/* One live region for every outcome, so a screen reader hears the answer. */}
      <div role="status" aria-live="polite" data-testid="audit-verify-result">
        {v.state === 'running' && <p>{t('audit.verifying')}</p>}
        {v.state === 'failed' && <p className="error">{t('audit.verifyFailed', { detail: v.message })}</p>}
        {v.state === 'done' && <Result result={v.result} when={dateTime(language, v.result.checkedAt, true)} count={(n) => count.format(n)} onShowEntry={onShowEntry} />}
      </div>
    </section>
  );
}

function Result({ result: r, when, count, onShowEntry }: { result: AuditVerification; when: string; count: (n: number) => string; onShowEntry: (seq: number) => void }) {
  const { t } = useI18n();
  if (r.intact) {
    return (
      <p className="audit-intact">
        <span aria-hidden="true">✓ </span>
        {r.scope === 'whole' ? t('audit.intactWhole', { count: count(r.entries) }) : t('audit.intactMember')} {t('audit.checkedAt', { when })}
      </p>
    );
  }
  if (r.scope === 'member') {
    return (
      <p className="audit-broken">
        <span aria-hidden="true">✗ </span>
        {t('audit.brokenMember', { operator: r.operator })} {t('audit.checkedAt', { when })}
      </p>
    );
  }
  const p = r.problem;
  return (
    <div className="audit-broken">
      <p>
        <span aria-hidden="true">✗ </span>
        {t('audit.brokenWhole', { seq: p.seq, what: t(`audit.broken.${p.kind}`) })} {t('audit.brokenBefore', { count: count(r.entries) })}
      </p>
      <p className="help">
        {t('audit.brokenTechnical')}{' '}
        {/* The server's own words, in English, kept as written for a technician or a report. */}
        <span dir="ltr" lang="en">
          {p.message}
        </span>
      </p>
      <p className="help">{t('audit.checkedAt', { when })}</p>
      <button type="button" onClick={() => onShowEntry(p.seq)}>
        {t('audit.showBroken', { seq: p.seq })}
      </button>
    </div>
  );
}

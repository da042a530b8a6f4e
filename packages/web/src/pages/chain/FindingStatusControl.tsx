import { useId, useState, type FormEvent } from 'react';
import { chainApi, FINDING_STATUSES, type Finding, type FindingStatus } from '../../api/chain.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { failure } from '../../i18n/labels.ts';

/** The owner's decision on a finding: not yet assessed, known bad, or harmless. */
export function FindingStatusControl({ finding, onChanged }: { finding: Finding; onChanged: (f: Finding) => void }) {
  const { t } = useI18n();
  const id = useId();
  const [status, setStatus] = useState<FindingStatus>(finding.status);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; detail: string }>({ kind: 'idle' });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setState({ kind: 'saving' });
    try {
      const changed = await chainApi.change(finding.id, { status });
      setState({ kind: 'saved' });
      onChanged(changed);
    } catch (err) {
      setState({ kind: 'failed', detail: failure(t, err) });
    }
  };

  return (
    <form className="finding-decide" onSubmit={(e) => void save(e)} data-testid="finding-decide">
      <label htmlFor={`${id}-status`}>{t('chain.setStatus')}</label>
      <select id={`${id}-status`} value={status} onChange={(e) => setStatus(e.target.value as FindingStatus)}>
        {FINDING_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`chain.statusValue.${s}`)}
          </option>
        ))}
      </select>
      <button type="submit" disabled={state.kind === 'saving' || status === finding.status}>
        {state.kind === 'saving' ? t('chain.saving') : t('chain.save')}
      </button>
      <span role="status" className={state.kind === 'failed' ? 'error' : 'status'}>
        {state.kind === 'saved' ? t('chain.saved') : state.kind === 'failed' ? t('chain.saveFailed', { detail: state.detail }) : ''}
      </span>
    </form>
  );
}

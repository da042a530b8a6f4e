import type { Visibility } from '@crosscheck/core';
import { useId, useState, type FormEvent } from 'react';
import { chainApi, FINDING_STATUSES, type Finding, type FindingStatus } from '../../api/chain.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { failure } from '../../i18n/labels.ts';

type Mode = Visibility['mode'];
const MEMBER_CODE = /^[A-Z]{3}$/;

/** Member codes as typed ("fra, DEU ita"): upper case, one each, in order. */
export function memberCodes(text: string): string[] {
  return [...new Set(text.toUpperCase().split(/[\s,;]+/).filter((c) => c !== ''))].sort();
}

/**
 * The owner's decision on a finding: not yet assessed, known bad, or harmless, and whom a
 * known-bad finding is shared with (all members, only some, all but some), as alerts are.
 */
export function FindingStatusControl({ finding, onChanged }: { finding: Finding; onChanged: (f: Finding) => void }) {
  const { t } = useI18n();
  const id = useId();
  const initial = finding.visibility ?? { mode: 'only', members: [] };
  const [status, setStatus] = useState<FindingStatus>(finding.status);
  const [mode, setMode] = useState<Mode>(initial.mode);
  const [members, setMembers] = useState(initial.mode === 'all' ? '' : initial.members.join(', '));
  const [badCodes, setBadCodes] = useState<string[]>([]);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; detail: string }>({ kind: 'idle' });

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const codes = memberCodes(members);
    const bad = codes.filter((c) => !MEMBER_CODE.test(c));
    setBadCodes(bad);
    if (bad.length > 0 || (mode === 'all-except' && codes.length === 0)) {
      if (bad.length === 0) setBadCodes(['']);
      return;
    }
    const visibility: Visibility = mode === 'all' ? { mode } : { mode, members: codes };
    setState({ kind: 'saving' });
    try {
      const changed = await chainApi.change(finding.id, { status, visibility });
      setState({ kind: 'saved' });
      onChanged(changed);
    } catch (err) {
      setState({ kind: 'failed', detail: failure(t, err) });
    }
  };

  const codesError = badCodes.length === 0 ? null : badCodes[0] === '' ? t('chain.vis.noneExcepted') : t('chain.vis.badCodes', { codes: badCodes.join(', ') });
  return (
    // Folded: a list of findings is read far more often than it is decided on.
    <details className="finding-decide" data-testid="finding-decide">
      <summary>{t('chain.decide')}</summary>
      <form onSubmit={(e) => void save(e)}>
        <div className="finding-decide-fields">
          <label>
            {t('chain.setStatus')}
            <select value={status} onChange={(e) => setStatus(e.target.value as FindingStatus)} data-testid="finding-decide-status">
              {FINDING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`chain.statusValue.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('chain.visibility')}
            <select value={mode} onChange={(e) => setMode(e.target.value as Mode)} aria-describedby={`${id}-vis-help`}>
              <option value="only">{t('chain.vis.only')}</option>
              <option value="all">{t('chain.vis.all')}</option>
              <option value="all-except">{t('chain.vis.allExcept')}</option>
            </select>
          </label>
          {mode !== 'all' && (
            <div className="chain-field">
              <label htmlFor={`${id}-members`}>{t('chain.vis.members')}</label>
              <input id={`${id}-members`} value={members} dir="ltr" autoComplete="off" spellCheck={false} aria-invalid={codesError ? true : undefined} aria-describedby={`${id}-members-help${codesError ? ` ${id}-members-error` : ''}`} onChange={(e) => setMembers(e.target.value)} />
              <span id={`${id}-members-help`} className="help">
                {t('chain.vis.membersHelp')}
              </span>
              {codesError && (
                <p id={`${id}-members-error`} role="alert" className="error field-error">
                  {codesError}
                </p>
              )}
            </div>
          )}
        </div>
        <p id={`${id}-vis-help`} className="help">
          {t('chain.vis.help')}
        </p>
        <div className="finding-decide-buttons">
          <button type="submit" disabled={state.kind === 'saving'}>
            {state.kind === 'saving' ? t('chain.saving') : t('chain.save')}
          </button>
          <span role="status" className={state.kind === 'failed' ? 'error' : 'status'} data-testid="finding-decide-result">
            {state.kind === 'saved' ? t('chain.saved') : state.kind === 'failed' ? t('chain.saveFailed', { detail: state.detail }) : ''}
          </span>
        </div>
      </form>
    </details>
  );
}

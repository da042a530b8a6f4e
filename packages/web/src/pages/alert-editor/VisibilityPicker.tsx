import type { Visibility } from '@crosscheck/core';
import { useId, useMemo, useState } from 'react';
import { alertEditorApi } from '../../api/alert-editor.ts';
import { ResourceView } from '../../components/ResourceView.tsx';
import { useResource } from '../../data/use-resource.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { FieldError } from './Field.tsx';

const SHOWN = 30;
type Mode = Visibility['mode'];

/**
 * All members, only some, or all but some. Members are found by code or name in a filtered list
 * of checkboxes (Tab and Space, nothing to learn); the chosen ones stay listed with a remove button.
 */
export function VisibilityPicker({ value, onChange, owner, error }: { value: Visibility; onChange: (v: Visibility) => void; owner: string; error: string | undefined }) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState('');
  const chosen = value.mode === 'all' ? [] : value.members;
  // The owner is not offered: it always sees its own alerts.
  const members = useResource(`members-except:${owner}`, async (signal) => (await alertEditorApi.members(signal)).items.filter((m) => m.code !== owner));
  const all = members.data;

  const matches = useMemo(() => {
    if (!all) return [];
    const q = query.trim().toLocaleLowerCase();
    return q ? all.filter((m) => m.code.toLowerCase().includes(q) || m.name.toLocaleLowerCase().includes(q)) : all;
  }, [all, query]);
  const nameOf = (code: string) => all?.find((m) => m.code === code)?.name;

  const setMode = (mode: Mode) => onChange(mode === 'all' ? { mode } : { mode, members: chosen });
  const toggle = (code: string, on: boolean) => {
    if (value.mode === 'all') return;
    onChange({ mode: value.mode, members: on ? [...chosen, code].sort() : chosen.filter((c) => c !== code) });
  };

  return (
    <section className="card visibility" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('alertEditor.section.visibility')}</h2>
      <div role="radiogroup" aria-labelledby={`${id}-title`} className="modes">
        {(['all', 'only', 'all-except'] as const).map((mode) => (
          <label key={mode} className="check">
            <input type="radio" name={`${id}-mode`} value={mode} checked={value.mode === mode} onChange={() => setMode(mode)} />
            <span>{t(mode === 'all' ? 'alertEditor.vis.all' : mode === 'only' ? 'alertEditor.vis.only' : 'alertEditor.vis.allExcept')}</span>
          </label>
        ))}
      </div>
      <FieldError id={`${id}-error`} message={error} />
      {value.mode !== 'all' && (
        <div className="member-picker">
          <div>
            <h3 id={`${id}-chosen`}>{t('alertEditor.vis.chosen')}</h3>
            {chosen.length === 0 ? (
              <p className="empty">{t('alertEditor.vis.none')}</p>
            ) : (
              <ul className="chosen" aria-labelledby={`${id}-chosen`} data-testid="visibility-chosen">
                {chosen.map((code) => (
                  <li key={code}>
                    <span>
                      {code}
                      {nameOf(code) ? ` · ${nameOf(code)}` : ''}
                    </span>{' '}
                    <button type="button" aria-label={t('alertEditor.vis.remove', { code })} onClick={() => toggle(code, false)}>
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <label>
              {t('alertEditor.vis.search')}
              <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} aria-controls={`${id}-list`} aria-describedby={`${id}-count`} dir="auto" />
            </label>
            <ResourceView resource={members} failed={(detail) => t('alertEditor.vis.failed', { detail })} quietRefresh>
              {() => (
                <>
                  <p id={`${id}-count`} className="help" aria-live="polite">
                    {t('alertEditor.vis.matches', { count: matches.length })}
                    {matches.length > SHOWN ? ` · ${t('alertEditor.vis.more', { count: SHOWN })}` : ''}
                  </p>
                  <ul id={`${id}-list`} className="member-list">
                    {matches.slice(0, SHOWN).map((m) => (
                      <li key={m.code}>
                        <label className="check">
                          <input type="checkbox" checked={chosen.includes(m.code)} onChange={(e) => toggle(m.code, e.target.checked)} />
                          <span>
                            <strong>{m.code}</strong> <span dir="auto">{m.name}</span>
                          </span>
                        </label>
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </ResourceView>
          </div>
        </div>
      )}
    </section>
  );
}

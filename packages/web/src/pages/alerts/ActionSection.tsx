import type { AlertItem } from '../../api/client.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { instructionFor } from '@crosscheck/core/constants';
import { actionText } from '../../components/hit-words.ts';
import '../../components/recast.css';

/** What the officer does on a hit: the owner's instruction, where not to act (territory flags), the owner's remarks. */
export function ActionSection({ alert: a }: { alert: AlertItem }) {
  const { t } = useI18n();
  const flags = a.flags ?? (a.flag ? [a.flag] : []);
  // An SIS recast alert without an instruction of its owner's carries the core's, in the reader's words.
  const action = instructionFor(a.kind === 'person' ? a.category : null, a.action ?? null);
  return (
    <section className={`card hit alert-section ${a.kind === 'person' && a.category === 'preventive' ? 'protective' : ''}`} aria-labelledby="alert-action-title" data-testid="alert-what-to-do">
      <h2 id="alert-action-title">{t('alertDetail.whatToDo')}</h2>
      <p className="action">
        <strong>{t('alertDetail.action')}: </strong>
        <span dir="auto">{action !== null ? actionText(action, t) : t('alertDetail.noAction')}</span>
      </p>
      {flags.length > 0 && (
        <div className="flags" role="note">
          <strong>{t('alerts.flags')}</strong>
          <ul>
            {flags.map((f) => (
              <li key={f.member + f.at}>
                {f.member}: <span dir="auto">{f.text}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {a.remarks && (
        <p>
          <strong>{t('alerts.remarks')}: </strong>
          <span dir="auto">{a.remarks}</span>
        </p>
      )}
    </section>
  );
}

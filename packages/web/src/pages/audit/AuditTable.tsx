import type { AuditEntry } from '../../api/audit.ts';
import { CopyId } from '../../components/CopyId.tsx';
import { Subject } from '../../components/Subject.tsx';
import { dateTime } from '../../i18n/dates.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { actionText, actorText, outcomeKind, outcomeText, roleText, targetParts } from './audit-words.ts';

/** Pretty-prints an entry's JSON detail; left as stored when it is not JSON. */
function detailText(detail: string): string {
  try {
    return JSON.stringify(JSON.parse(detail), null, 2);
  } catch {
    return detail;
  }
}

/** Who acted: the user's name or the key's label with its member and role, the credential id under it to copy. */
function Actor({ e }: { e: AuditEntry }) {
  const { t } = useI18n();
  return (
    <>
      <strong>
        <bdi dir="auto">{actorText(t, e.credential, e.actorName, e.member)}</bdi>
      </strong>
      <span className="meta"> · {roleText(t, e.role)}</span>
      <br />
      <CopyId id={e.credential} shown />
    </>
  );
}

const NAMED_KINDS = ['alert:', 'hit:', 'link:', 'user:', 'key:'];

/** What was acted on: its kind in words and its name (an alert's subject and owner, where the reader may see the alert), its id under it. */
function Target({ e }: { e: AuditEntry }) {
  const { t } = useI18n();
  // Logins and logouts act on no record.
  if (e.target === '') return <>—</>;
  const { kind, id } = targetParts(t, e.target);
  const a = e.targetAlert;
  return (
    <>
      <span className="audit-target-kind">{kind}</span>
      {a ? (
        <>
          {e.target.startsWith('hit:') ? ` · ${t('audit.targetKind.alert')}` : ''}
          {': '}
          <Subject subject={a.subject} />{' '}
          <span className="meta">
            · <bdi dir="auto">{a.ownerName}</bdi>
          </span>
        </>
      ) : e.targetName ? (
        <>
          {': '}
          <bdi dir="auto">{e.targetName}</bdi>
        </>
      ) : id !== null && NAMED_KINDS.some((k) => e.target.startsWith(k)) ? (
        // The server names these where the reader may see them: a missing name means it may not.
        <span className="meta"> ({t('audit.notNamed')})</span>
      ) : null}
      {id !== null && (
        <>
          <br />
          <CopyId id={e.target} shown />
        </>
      )}
    </>
  );
}

/** Entries newest first: time, member, actor, action, target, outcome, and the detail on demand. */
export function AuditTable({ items }: { items: AuditEntry[] }) {
  const { t, language } = useI18n();
  return (
    <div className="audit-table-wrap">
      <table className="audit-table" data-testid="audit-table">
        <caption className="visually-hidden">{t('audit.caption', { count: items.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.seq')}</th>
            <th scope="col">{t('audit.time')}</th>
            <th scope="col">{t('audit.memberCol')}</th>
            <th scope="col">{t('audit.actor')}</th>
            <th scope="col">{t('audit.actionCol')}</th>
            <th scope="col">{t('audit.targetCol')}</th>
            <th scope="col">{t('audit.outcome')}</th>
            <th scope="col">{t('audit.details')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((e) => {
            const action = actionText(t, e.action);
            return (
              <tr key={e.seq} data-testid="audit-row" className={e.outcome === 'ok' ? undefined : 'refused'}>
                <td dir="ltr">{e.seq}</td>
                <td>
                  <time dateTime={e.at}>{dateTime(language, e.at, true)}</time>
                </td>
                <td>
                  {/* A member's three-letter code, as officers write it in every language. */}
                  <span className="member-code" dir="ltr">
                    {e.member}
                  </span>
                </td>
                <td data-testid="audit-actor">
                  <Actor e={e} />
                </td>
                <td data-testid="audit-action">
                  {/* An action this version has no words for (a newer server) is shown as written. */}
                  {action ?? <code dir="ltr">{e.action}</code>}
                </td>
                <td data-testid="audit-target">
                  <Target e={e} />
                </td>
                <td data-testid="audit-outcome">
                  {outcomeText(t, e.outcome)}
                  {outcomeKind(e.outcome) !== 'ok' && (
                    <>
                      <br />
                      <span className="meta">{t('audit.outcomeCode')}: </span>
                      <CopyId id={e.outcome} shown />
                    </>
                  )}
                </td>
                <td>
                  <details>
                    <summary>
                      {t('audit.details')}
                      {/* Which row's details, for a screen reader moving from summary to summary. */}
                      <span className="visually-hidden"> {e.seq}</span>
                    </summary>
                    <p className="help">{t('audit.requestId', { id: e.requestId })}</p>
                    <pre dir="ltr">{detailText(e.detail)}</pre>
                  </details>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

import type { ClearedBefore } from '@crosscheck/core/api';
import { dateTime } from '../i18n/dates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { memberText } from './hit-words.ts';
import './cleared-before.css';

/**
 * "Previously cleared on DATE by MEMBER": the screening member's bureau found this traveller not
 * the same person on this version of the alert before, so the hit was recorded without telling
 * the owner again. Shown on a screening result and on the hit's page, to both sides.
 */
export function ClearedBeforeNote({ cleared }: { cleared: ClearedBefore }) {
  const { t, language } = useI18n();
  const member = memberText({ code: cleared.member, name: cleared.memberName, alpha2: cleared.memberAlpha2 }, t, language);
  return (
    <div className="cleared-before" data-testid="cleared-before">
      <p>
        <strong>{t('clearances.clearedBefore', { date: dateTime(language, cleared.at), member })}</strong>
      </p>
      <p className="help">{t('clearances.clearedBeforeHelp')}</p>
    </div>
  );
}

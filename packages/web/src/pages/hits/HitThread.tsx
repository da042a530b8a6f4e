import { useEffect, useRef, useState, type RefObject } from 'react';
import { roleMay } from '@crosscheck/core/constants';
import type { Me } from '../../api/client.ts';
import { hitsApi, type HitDetail, type HitFormView } from '../../api/hits.ts';
import { RetroactiveRows } from '../../components/RetroactiveMark.tsx';
import { CopyId } from '../../components/CopyId.tsx';
import { Subject } from '../../components/Subject.tsx';
import { actionText, credentialText, memberText, ownerOf, screeningMemberOf, subjectText } from '../../components/hit-words.ts';
import { ResourceView } from '../../components/ResourceView.tsx';
import { dateTime } from '../../i18n/dates.ts';
import { useResource } from '../../data/use-resource.ts';
import { ReasonList } from '../../components/ReasonList.tsx';
import { useI18n } from '../../i18n/i18n.tsx';
import { FormComposer } from './FormComposer.tsx';
import { FormEntry } from './FormEntry.tsx';
import { HitOriginLine } from './HitOrigin.tsx';
import { InquiryAnswers } from './InquiryAnswers.tsx';
import { RecastFacts } from '../../components/RecastFacts.tsx';
import { useNow, type HitStream } from './hit-stream.ts';
import { ClearedBeforeNote } from '../../components/ClearedBeforeNote.tsx';

/** One hit and its thread of forms, kept current by the page's event stream. */
export function HitThread({ id, me, stream, back, navigate }: { id: string; me: Me; stream: HitStream; back: () => void; navigate: (to: string) => void }) {
  const { t, language } = useI18n();
  const load = useResource(`hit:${id}`, (signal) => hitsApi.get(id, signal));
  const [announcement, setAnnouncement] = useState('');
  const now = useNow();
  const tRef = useRef(t);
  tRef.current = t;
  const languageRef = useRef(language);
  languageRef.current = language;
  const heading = useRef<HTMLHeadingElement>(null);
  const hitRef = useRef<HitDetail | null>(null);
  hitRef.current = load.data ?? null;
  const { reload, mutate } = load;

  // A keyboard or screen-reader user lands on the hit, not at the top of the page.
  const ready = load.status === 'ready';
  useEffect(() => {
    if (ready) heading.current?.focus();
  }, [ready]);

  useEffect(
    () =>
      stream.subscribe((type, data) => {
        if (type !== 'hit.updated' || data.hitId !== id) return;
        // A form reaches only its addressee, so it comes from the other side of the hit.
        const hit = hitRef.current;
        const from = hit ? memberText(hit.owner === me.member ? screeningMemberOf(hit) : ownerOf(hit), tRef.current, languageRef.current) : '';
        setAnnouncement(data.form ? tRef.current('hitThread.newForm', { form: data.form, member: from }) : tRef.current('hitThread.updated'));
        reload();
      }),
    [stream, id, reload, me.member],
  );

  // Escape goes back to the list, like the alerts page's detail.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest('input, textarea, select')) return;
      back();
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [back]);

  const format = (iso: string) => dateTime(language, iso);

  const onSent = (form: HitFormView) => {
    // The sender gets no event for its own form: add it now, then read the thread again for the cleared clocks.
    mutate((hit) => ({ ...hit, forms: [...hit.forms, form] }));
    reload();
  };

  return (
    <div className="hit-thread">
      <p>
        <a
          href="/hits"
          onClick={(e) => {
            e.preventDefault();
            back();
          }}
        >
          {t('hitThread.back')}
        </a>
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <ResourceView resource={load} testId="hit" quietRefresh>
        {(hit) => (
          <>
            <HitSummary hit={hit} format={format} headingRef={heading} navigate={navigate} />
            <section aria-labelledby="thread-title" data-testid="hit-thread">
              <h2 id="thread-title">{t('hitThread.forms')}</h2>
              {hit.forms.length === 0 ? (
                <p className="empty">{t('hitThread.noForms')}</p>
              ) : (
                <ol className="thread">
                  {hit.forms.map((f) => (
                    <li key={f.id}>
                      <FormEntry form={f} now={now} format={format} member={(code) => memberText(code === hit.owner ? ownerOf(hit) : code === hit.screeningMember ? screeningMemberOf(hit) : { code }, t, language)} />
                    </li>
                  ))}
                </ol>
              )}
            </section>
            {/* An inquiry check's questions are answered by the screening member (its frontline or bureau), never the owner. */}
            {hit.subject?.kind === 'person' && hit.subject.inquiry && me.member === hit.screeningMember && hit.owner !== hit.screeningMember && roleMay(me.role, 'hits.outcome') && (
              <InquiryAnswers hitId={hit.id} questions={hit.subject.inquiry.questions} toName={memberText(ownerOf(hit), t, language)} onSent={onSent} />
            )}
            {roleMay(me.role, 'forms.write') &&
              (hit.owner === hit.screeningMember ? (
                <p className="help">{t('hitThread.ownAlert')}</p>
              ) : (
                <FormComposer hitId={hit.id} to={me.member === hit.owner ? hit.screeningMember : hit.owner} toName={memberText(me.member === hit.owner ? screeningMemberOf(hit) : ownerOf(hit), t, language)} onSent={onSent} />
              ))}
          </>
        )}
      </ResourceView>
    </div>
  );
}

function HitSummary({ hit, format, headingRef, navigate }: { hit: HitDetail; format: (iso: string) => string; headingRef: RefObject<HTMLHeadingElement | null>; navigate: (to: string) => void }) {
  const { t, language } = useI18n();
  const alertHref = `/alerts?id=${encodeURIComponent(hit.alertId)}`;
  return (
    <section className="card hit-summary" aria-labelledby="hit-title" data-testid="hit-summary">
      <h1 id="hit-title" tabIndex={-1} ref={headingRef}>
        {t('hitThread.title', { subject: subjectText(hit.subject, t, language) })}
      </h1>
      <dl>
        <dt>{t('hitThread.alert')}</dt>
        <dd>
          <a
            href={alertHref}
            title={hit.alertId}
            onClick={(e) => {
              e.preventDefault();
              navigate(alertHref);
            }}
          >
            <Subject subject={hit.subject} fullDate />
          </a>{' '}
          <CopyId id={hit.alertId} what="alert" />
          {!hit.subject && <p className="help">{t('hitThread.subjectHidden')}</p>}
          {hit.subject?.kind === 'person' && <RecastFacts sections={hit.subject} />}
        </dd>
        <dt>{t('hits.when')}</dt>
        <dd>{format(hit.createdAt)}</dd>
        <RetroactiveRows hit={hit} />
        <dt>{t('hitThread.owner')}</dt>
        <dd>{memberText(ownerOf(hit), t, language)}</dd>
        <dt>{t('hitThread.screeningMember')}</dt>
        <dd>{memberText(screeningMemberOf(hit), t, language)}</dd>
        <HitOriginLine origin={hit.origin} />
        {hit.screenedBy && (
          <>
            <dt>{t('hitThread.screenedBy')}</dt>
            <dd>
              {/* Isolated, not dir="auto": a key's Latin label was pushed to the far left of the Arabic page. */}
              <bdi>{credentialText(hit.screenedBy, hit.screenedByName, t)}</bdi>
            </dd>
          </>
        )}
        {hit.score !== undefined && (
          <>
            <dt>{t('hit.score')}</dt>
            <dd>{hit.score.toFixed(2)}</dd>
          </>
        )}
        {hit.action && (
          <>
            <dt>{t('hit.action')}</dt>
            <dd>
              <bdi>{actionText(hit.action, t)}</bdi>
            </dd>
          </>
        )}
        <dt>{t('hit.reasons')}</dt>
        <dd>
          {hit.reasons.length === 0 ? (
            t('hitThread.noReasons')
          ) : (
            <ReasonList reasons={hit.reasons} />
          )}
          {hit.reasonsClaimedBy !== undefined && (
            <p className="hit-thread__claimed" data-testid="reasons-claimed">
              {t('hitThread.reasonsClaimed', { copy: hit.reasonsClaimedBy })}
            </p>
          )}
        </dd>
        <dt>{t('hits.outcome')}</dt>
        <dd data-testid="hit-outcome">
          {hit.outcome ? (
            <>
              {t('hitThread.outcomeAt', { outcome: t(`outcome.${hit.outcome.outcome}`), at: format(hit.outcome.at) })}
              {hit.outcome.by ? ` ${t('hitThread.outcomeBy', { who: credentialText(hit.outcome.by, hit.outcome.byName, t) })}` : ''}
              {hit.outcome.note && (
                <>
                  {' · '}
                  <span dir="auto">{hit.outcome.note}</span>
                </>
              )}
            </>
          ) : (
            t('outcome.none')
          )}
        </dd>
        {hit.clearedBefore && (
          <>
            <dt>{t('clearances.clearedTitle')}</dt>
            <dd>
              <ClearedBeforeNote cleared={hit.clearedBefore} />
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}

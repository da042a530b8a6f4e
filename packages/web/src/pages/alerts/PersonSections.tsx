import type { AlertItem } from '../../api/client.ts';
import { PersonNames } from '../../components/PersonNames.tsx';
import { label } from '../../i18n/labels.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { codeList, grammar, partialDay, Term } from './Terms.tsx';

type PersonAlert = Extract<AlertItem, { kind: 'person' }>;

/** Who the person is: names, sex, birth, nationality, how to recognise them. */
export function IdentitySection({ alert: a }: { alert: PersonAlert }) {
  const { t, language } = useI18n();
  const p = a.person;
  const d = p.description;
  return (
    <section className="card alert-section" aria-labelledby="alert-identity-title" data-testid="alert-identity">
      <h2 id="alert-identity-title">{t('alertDetail.identity')}</h2>
      <dl>
        <Term term={t('alertDetail.names')}>
          <PersonNames names={p.names} />
        </Term>
        <Term term={t('alertDetail.sex')} testId="alert-sex">
          {p.sex ? label(t, 'alertEditor.sex', p.sex) : undefined}
        </Term>
        <Term term={t('alertDetail.birthDate')} testId="alert-birth-date">
          {p.birthDate ? `${partialDay(language, p.birthDate)}${p.birthDateUncertain ? ` ${t('alertDetail.birthDateUncertain')}` : ''}` : undefined}
        </Term>
        <Term term={t('alertDetail.otherBirthDates')}>{p.otherBirthDates?.map((x) => partialDay(language, x)).join(' · ')}</Term>
        <Term term={t('alertDetail.birthYears')}>{p.birthYearRange ? t('alertDetail.birthYearsValue', { from: String(p.birthYearRange.from), to: String(p.birthYearRange.to) }) : undefined}</Term>
        <Term term={t('alertDetail.birthPlace')} dir="auto">
          {p.birthPlace}
        </Term>
        <Term term={t('alertDetail.birthCountry')} dir="ltr">
          {p.birthCountry}
        </Term>
        <Term term={t('alertDetail.nationalities')} dir="ltr">
          {codeList(p.nationalities)}
        </Term>
        <Term term={t('alertDetail.refugeeFrom')} dir="ltr">
          {codeList(p.refugeeFrom)}
        </Term>
        <Term term={t('alertDetail.height')}>{d?.heightCm !== undefined ? t('alertDetail.heightValue', { cm: String(d.heightCm) }) : undefined}</Term>
        <Term term={t('alertDetail.weight')}>{d?.weightKg !== undefined ? t('alertDetail.weightValue', { kg: String(d.weightKg) }) : undefined}</Term>
        <Term term={t('alertDetail.eyes')} dir="auto">
          {d?.eyes}
        </Term>
        <Term term={t('alertDetail.hair')} dir="auto">
          {d?.hair}
        </Term>
        <Term term={t('alertDetail.marks')} dir="auto">
          {d?.marks}
        </Term>
      </dl>
    </section>
  );
}

/** Why the person is sought: the category, the arrest warrant, the offence. */
export function WantedSection({ alert: a }: { alert: PersonAlert }) {
  const { t, language } = useI18n();
  const w = a.person.arrest;
  const o = a.offence;
  return (
    <section className="card alert-section" aria-labelledby="alert-wanted-title" data-testid="alert-wanted">
      <h2 id="alert-wanted-title">{t('alertDetail.wanted')}</h2>
      <dl>
        <Term term={t('alerts.category')} testId="alert-category">
          {label(t, 'category', a.category)}
        </Term>
      </dl>
      <h3>{t('alertDetail.warrant')}</h3>
      {w ? (
        <dl data-testid="alert-warrant">
          <Term term={t('alertDetail.charge')} dir="auto">
            {w.charge}
          </Term>
          <Term term={t('alertDetail.law')} dir="auto">
            {w.law}
          </Term>
          <Term term={t('alertDetail.maximumPenalty')} dir="auto">
            {w.maximumPenalty}
          </Term>
          <Term term={t('alertDetail.warrantReference')} dir="ltr">
            {w.warrantReference}
          </Term>
        </dl>
      ) : (
        <p className="empty">{t('alertDetail.noWarrant')}</p>
      )}
      {o && (
        <>
          <h3>{t('alertDetail.offence')}</h3>
          <dl data-testid="alert-offence">
            <Term term={t('alertDetail.offenceDescription')} dir="auto">
              {o.description}
            </Term>
            <Term term={t('alertDetail.maxSentence')}>{o.maxSentenceYears !== undefined ? grammar(t, language, 'alertDetail.years', { years: o.maxSentenceYears }) : undefined}</Term>
            <Term term={t('alertDetail.law')} dir="auto">
              {o.lawReference}
            </Term>
          </dl>
        </>
      )}
    </section>
  );
}

/** The warning flags, in words: what the officer must know before approaching. */
export function WarningsSection({ alert: a }: { alert: PersonAlert }) {
  const { t } = useI18n();
  const warnings = a.person.warnings ?? [];
  return (
    <section className="card alert-section alert-warnings" aria-labelledby="alert-warnings-title" data-testid="alert-warnings">
      <h2 id="alert-warnings-title">{t('alertDetail.warnings')}</h2>
      {warnings.length > 0 ? (
        <ul role="note">
          {warnings.map((w) => (
            <li key={w}>
              <strong>{label(t, 'warning', w)}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('alertDetail.noWarnings')}</p>
      )}
    </section>
  );
}

/** The identity documents the person is known to hold. */
export function PersonDocumentsSection({ alert: a }: { alert: PersonAlert }) {
  const { t } = useI18n();
  const documents = a.person.documents ?? [];
  return (
    <section className="card alert-section" aria-labelledby="alert-documents-title" data-testid="alert-documents">
      <h2 id="alert-documents-title">{t('alertDetail.documents')}</h2>
      {documents.length > 0 ? (
        <ul>
          {documents.map((d, i) => (
            <li key={i}>
              {label(t, 'documentType', d.type)} <span dir="ltr">{d.number}</span>
              {d.issuingState ? (
                <>
                  {' · '}
                  {t('alertDetail.issuingState')} <span dir="ltr">{d.issuingState}</span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">{t('alertDetail.noDocuments')}</p>
      )}
    </section>
  );
}

import { useI18n } from '../../i18n/i18n.tsx';
import { label } from '../../i18n/labels.ts';
import { emptyIdDocument, emptyName, type Draft, type IdDocumentDraft, type NameDraft, type PersonDraft, type WalletDraft } from './draft.ts';
import { CheckField, FieldError, SelectField, TextField } from './Field.tsx';
import { DOCUMENT_TYPES, NAME_TYPES, PERSON_CATEGORIES, REVIEWED_CATEGORIES, SEXES, WARNING_FLAGS } from '@crosscheck/core/constants';
import { MAX_ALERT_WALLETS } from '@crosscheck/core/wallets';
import type { FieldErrors } from './validation.ts';
import { RecastFields } from './RecastFields.tsx';

export interface SectionProps {
  draft: Draft;
  update: (change: (d: Draft) => Draft) => void;
  errors: FieldErrors;
}

/** Category, names, identity (with other birth dates, a year range, refugee status), documents, warnings, description, warrant and offence of a person alert: every field it holds. */
export function PersonFields({ draft, update, errors }: SectionProps) {
  const { t } = useI18n();
  const p = draft.person;
  const setPerson = (change: Partial<PersonDraft>) => update((d) => ({ ...d, person: { ...d.person, ...change } }));
  const reviewed = REVIEWED_CATEGORIES.includes(draft.category);
  return (
    <>
      <section className="card">
        <h2>{t('alertEditor.section.person')}</h2>
        <SelectField
          label={t('alerts.category')}
          name="category"
          required
          value={draft.category}
          options={PERSON_CATEGORIES.map((c) => ({ value: c, label: label(t, 'category', c) }))}
          onChange={(category) => update((d) => ({ ...d, category }))}
          error={errors.category}
        />
        {reviewed && <p className="help">{t('alertEditor.reviewHint')}</p>}
      </section>
      <RecastFields draft={draft} update={update} errors={errors} />

      <section className="card" aria-labelledby="names-title">
        <h2 id="names-title">{t('alertEditor.section.names')}</h2>
        <FieldError id="names-error" message={errors['person.names']} />
        {p.names.map((n, i) => (
          <NameRow key={i} index={i} name={n} errors={errors} canRemove={p.names.length > 1} onChange={(name) => setPerson({ names: p.names.map((x, j) => (j === i ? name : x)) })} onRemove={() => setPerson({ names: p.names.filter((_, j) => j !== i) })} />
        ))}
        <button type="button" onClick={() => setPerson({ names: [...p.names, emptyName()] })}>
          {t('alertEditor.name.add')}
        </button>
      </section>

      <section className="card">
        <div className="grid">
          <SelectField label={t('alertEditor.sex')} name="sex" value={p.sex} options={[{ value: '' as const, label: t('alertEditor.sex.none') }, ...SEXES.map((s) => ({ value: s, label: t(`alertEditor.sex.${s}`) }))]} onChange={(sex) => setPerson({ sex })} error={errors['person.sex']} />
          <TextField label={t('alertEditor.birthDate')} name="birthDate" dir="ltr" value={p.birthDate} onChange={(birthDate) => setPerson({ birthDate })} error={errors['person.birthDate']} />
          <TextField label={t('alertEditor.birthPlace')} value={p.birthPlace} onChange={(birthPlace) => setPerson({ birthPlace })} error={errors['person.birthPlace']} />
          <TextField label={t('alertEditor.birthCountry')} dir="ltr" maxLength={3} value={p.birthCountry} onChange={(birthCountry) => setPerson({ birthCountry })} error={errors['person.birthCountry']} />
          <TextField label={t('alertEditor.nationalities')} name="nationalities" dir="ltr" value={p.nationalities} onChange={(nationalities) => setPerson({ nationalities })} error={firstUnder(errors, 'person.nationalities')} />
          <TextField label={t('alertEditor.birthYearFrom')} name="birthYearFrom" dir="ltr" inputMode="numeric" maxLength={4} value={p.birthYearFrom} onChange={(birthYearFrom) => setPerson({ birthYearFrom })} error={errors['person.birthYearRange.from'] ?? errors['person.birthYearRange']} />
          <TextField label={t('alertEditor.birthYearTo')} name="birthYearTo" dir="ltr" inputMode="numeric" maxLength={4} value={p.birthYearTo} onChange={(birthYearTo) => setPerson({ birthYearTo })} error={errors['person.birthYearRange.to']} />
          <TextField label={t('alertEditor.refugeeFrom')} name="refugeeFrom" dir="ltr" value={p.refugeeFrom} onChange={(refugeeFrom) => setPerson({ refugeeFrom })} error={firstUnder(errors, 'person.refugeeFrom')} />
        </div>
        <TextField label={t('alertEditor.otherBirthDates')} name="otherBirthDates" dir="ltr" value={p.otherBirthDates} onChange={(otherBirthDates) => setPerson({ otherBirthDates })} error={firstUnder(errors, 'person.otherBirthDates')} />
        <CheckField label={t('alertEditor.birthDateUncertain')} checked={p.birthDateUncertain} onChange={(birthDateUncertain) => setPerson({ birthDateUncertain })} />
        <fieldset className="checks">
          <legend>{t('alertEditor.warnings')}</legend>
          {WARNING_FLAGS.map((w) => (
            <CheckField key={w} label={label(t, 'warning', w)} checked={p.warnings.includes(w)} onChange={(on) => setPerson({ warnings: on ? [...p.warnings, w] : p.warnings.filter((x) => x !== w) })} />
          ))}
        </fieldset>
      </section>

      <section className="card" aria-labelledby="documents-title">
        <h2 id="documents-title">{t('alertEditor.section.documents')}</h2>
        {p.documents.map((doc, i) => (
          <IdDocumentRow key={i} index={i} doc={doc} errors={errors} onChange={(x) => setPerson({ documents: p.documents.map((y, j) => (j === i ? x : y)) })} onRemove={() => setPerson({ documents: p.documents.filter((_, j) => j !== i) })} />
        ))}
        <button type="button" onClick={() => setPerson({ documents: [...p.documents, emptyIdDocument()] })}>
          {t('alertEditor.doc.add')}
        </button>
      </section>

      <section className="card" aria-labelledby="wallets-title">
        <h2 id="wallets-title">{t('alertEditor.section.wallets')}</h2>
        <p className="help">{t('alertEditor.wallet.hint')}</p>
        {p.walletAddresses.map((w, i) => (
          <WalletRow key={i} index={i} wallet={w} errors={errors} onChange={(x) => setPerson({ walletAddresses: p.walletAddresses.map((y, j) => (j === i ? x : y)) })} onRemove={() => setPerson({ walletAddresses: p.walletAddresses.filter((_, j) => j !== i) })} />
        ))}
        {p.walletAddresses.length < MAX_ALERT_WALLETS && (
          <button type="button" onClick={() => setPerson({ walletAddresses: [...p.walletAddresses, { address: '' }] })}>
            {t('alertEditor.wallet.add')}
          </button>
        )}
      </section>

      <section className="card">
        <h2>{t('alertEditor.section.description')}</h2>
        <div className="grid">
          <TextField label={t('alertEditor.heightCm')} dir="ltr" inputMode="numeric" value={p.heightCm} onChange={(heightCm) => setPerson({ heightCm })} error={errors['person.description.heightCm']} />
          <TextField label={t('alertEditor.weightKg')} dir="ltr" inputMode="numeric" value={p.weightKg} onChange={(weightKg) => setPerson({ weightKg })} error={errors['person.description.weightKg']} />
          <TextField label={t('alertEditor.eyes')} value={p.eyes} onChange={(eyes) => setPerson({ eyes })} error={errors['person.description.eyes']} />
          <TextField label={t('alertEditor.hair')} value={p.hair} onChange={(hair) => setPerson({ hair })} error={errors['person.description.hair']} />
        </div>
        <TextField label={t('alertEditor.marks')} multiline value={p.marks} onChange={(marks) => setPerson({ marks })} error={errors['person.description.marks']} />
      </section>

      {/* A preventive alert protects the person: no warrant, no offence (the schema refuses them). */}
      {draft.category !== 'preventive' && (
      <section className="card">
        <h2>{t('alertEditor.section.arrest')}</h2>
        <div className="grid">
          <TextField label={t('alertEditor.charge')} name="charge" value={p.charge} onChange={(charge) => setPerson({ charge })} error={errors['person.arrest.charge']} />
          <TextField label={t('alertEditor.law')} name="law" value={p.law} onChange={(law) => setPerson({ law })} error={errors['person.arrest.law']} />
          <TextField label={t('alertEditor.maximumPenalty')} name="maximumPenalty" value={p.maximumPenalty} onChange={(maximumPenalty) => setPerson({ maximumPenalty })} error={errors['person.arrest.maximumPenalty']} />
          <TextField label={t('alertEditor.warrantReference')} name="warrantReference" value={p.warrantReference} onChange={(warrantReference) => setPerson({ warrantReference })} error={errors['person.arrest.warrantReference']} />
        </div>
        <h2>{t('alertEditor.section.offence')}</h2>
        <TextField label={t('alertEditor.offenceDescription')} multiline value={draft.offence.description} onChange={(description) => update((d) => ({ ...d, offence: { ...d.offence, description } }))} error={errors['offence.description']} />
        <div className="grid">
          <TextField label={t('alertEditor.maxSentence')} dir="ltr" inputMode="numeric" value={draft.offence.maxSentenceYears} onChange={(maxSentenceYears) => update((d) => ({ ...d, offence: { ...d.offence, maxSentenceYears } }))} error={errors['offence.maxSentenceYears']} />
          <TextField label={t('alertEditor.offenceLaw')} name="offenceLaw" value={draft.offence.lawReference} onChange={(lawReference) => update((d) => ({ ...d, offence: { ...d.offence, lawReference } }))} error={errors['offence.lawReference']} />
        </div>
      </section>
      )}
    </>
  );
}

/** The first message about a list field or any of its entries (nationalities are typed in one box). */
function firstUnder(errors: FieldErrors, path: string): string | undefined {
  return errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];
}

function NameRow({ index, name, errors, canRemove, onChange, onRemove }: { index: number; name: NameDraft; errors: FieldErrors; canRemove: boolean; onChange: (n: NameDraft) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const at = `person.names.${index}`;
  const set = (change: Partial<NameDraft>) => onChange({ ...name, ...change });
  const lang = /^[A-Z][a-z]{3}$/.test(name.script) ? `und-${name.script}` : undefined;
  return (
    <fieldset className="name-row" data-testid="name-row">
      <legend>{t('alertEditor.name.legend', { n: index + 1 })}</legend>
      <FieldError id={`${at}-error`} message={errors[at]} />
      <TextField label={t('alertEditor.name.full')} name="full" help={t('alertEditor.name.fullHelp')} value={name.full} lang={lang} onChange={(full) => set({ full })} error={errors[`${at}.full`]} />
      <TextField label={t('alertEditor.name.script')} name="script" dir="ltr" maxLength={4} value={name.script} onChange={(script) => set({ script })} error={errors[`${at}.script`]} />
      <TextField label={t('alertEditor.name.family')} name="family" value={name.family} onChange={(family) => set({ family })} error={errors[`${at}.family`]} />
      <TextField label={t('alertEditor.name.given')} name="given" value={name.given} onChange={(given) => set({ given })} error={errors[`${at}.given`]} />
      <SelectField label={t('alertEditor.name.type')} value={name.type} options={[{ value: '' as const, label: t('alertEditor.nameType.none') }, ...NAME_TYPES.map((x) => ({ value: x, label: t(`alertEditor.nameType.${x}`) }))]} onChange={(type) => set({ type })} error={errors[`${at}.type`]} />
      {canRemove && (
        <button type="button" className="remove" onClick={onRemove}>
          {t('alertEditor.name.remove', { n: index + 1 })}
        </button>
      )}
    </fieldset>
  );
}

function IdDocumentRow({ index, doc, errors, onChange, onRemove }: { index: number; doc: IdDocumentDraft; errors: FieldErrors; onChange: (d: IdDocumentDraft) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const at = `person.documents.${index}`;
  const set = (change: Partial<IdDocumentDraft>) => onChange({ ...doc, ...change });
  return (
    <fieldset className="name-row">
      <legend>{t('alertEditor.doc.legend', { n: index + 1 })}</legend>
      <SelectField label={t('alertEditor.doc.type')} value={doc.type} options={DOCUMENT_TYPES.map((x) => ({ value: x, label: label(t, 'documentType', x) }))} onChange={(type) => set({ type })} error={errors[`${at}.type`]} />
      <TextField label={t('alertEditor.doc.number')} required dir="ltr" value={doc.number} onChange={(number) => set({ number })} error={errors[`${at}.number`]} />
      <TextField label={t('alertEditor.doc.issuingState')} dir="ltr" maxLength={3} value={doc.issuingState} onChange={(issuingState) => set({ issuingState })} error={errors[`${at}.issuingState`]} />
      <button type="button" className="remove" onClick={onRemove}>
        {t('alertEditor.doc.remove', { n: index + 1 })}
      </button>
    </fieldset>
  );
}

function WalletRow({ index, wallet, errors, onChange, onRemove }: { index: number; wallet: WalletDraft; errors: FieldErrors; onChange: (w: WalletDraft) => void; onRemove: () => void }) {
  const { t } = useI18n();
  const at = `person.walletAddresses.${index}`;
  return (
    <fieldset className="name-row">
      <legend>{t('alertEditor.wallet.legend', { n: index + 1 })}</legend>
      <TextField label={t('alertEditor.wallet.address')} required dir="ltr" maxLength={100} value={wallet.address} onChange={(address) => onChange({ ...wallet, address })} error={errors[`${at}.address`] ?? errors[`${at}.currency`]} />
      <button type="button" className="remove" onClick={onRemove}>
        {t('alertEditor.wallet.remove', { n: index + 1 })}
      </button>
    </fieldset>
  );
}

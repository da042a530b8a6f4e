import { useI18n } from '../../i18n/i18n.tsx';
import { label } from '../../i18n/labels.ts';
import type { Draft } from './draft.ts';
import { CheckField, FieldError, SelectField, TextField } from './Field.tsx';
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from '@crosscheck/core/constants';
import type { SectionProps } from './PersonFields.tsx';

/** A stolen, lost or revoked travel document. */
export function DocumentFields({ draft, update, errors }: SectionProps) {
  const { t } = useI18n();
  const x = draft.document;
  const set = (change: Partial<Draft['document']>) => update((d) => ({ ...d, document: { ...d.document, ...change } }));
  return (
    <section className="card">
      <h2>{t('alertEditor.section.document')}</h2>
      <div className="grid">
        <TextField label={t('alertEditor.doc.issuingState')} name="issuingState" required dir="ltr" maxLength={3} value={x.issuingState} onChange={(issuingState) => set({ issuingState })} error={errors['document.issuingState']} />
        <SelectField label={t('alertEditor.doc.type')} required value={x.type} options={DOCUMENT_TYPES.map((v) => ({ value: v, label: label(t, 'documentType', v) }))} onChange={(type) => set({ type })} error={errors['document.type']} />
        <TextField label={t('alertEditor.doc.number')} name="number" required dir="ltr" value={x.number} onChange={(number) => set({ number })} error={errors['document.number']} />
        <SelectField label={t('alertEditor.doc.status')} required value={x.status} options={DOCUMENT_STATUSES.map((v) => ({ value: v, label: label(t, 'documentStatus', v) }))} onChange={(status) => set({ status })} error={errors['document.status']} />
        <TextField label={t('alertEditor.doc.eventDate')} dir="ltr" value={x.eventDate} onChange={(eventDate) => set({ eventDate })} error={errors['document.eventDate']} />
        <TextField label={t('alertEditor.doc.eventPlace')} value={x.eventPlace} onChange={(eventPlace) => set({ eventPlace })} error={errors['document.eventPlace']} />
      </div>
    </section>
  );
}

/** A stolen vehicle: a VIN or a plate (with its country) at least. */
export function VehicleFields({ draft, update, errors }: SectionProps) {
  const { t } = useI18n();
  const v = draft.vehicle;
  const set = (change: Partial<Draft['vehicle']>) => update((d) => ({ ...d, vehicle: { ...d.vehicle, ...change } }));
  return (
    <section className="card">
      <h2>{t('alertEditor.section.vehicle')}</h2>
      <FieldError id="vehicle-error" message={errors.vehicle} />
      <div className="grid">
        <TextField label={t('alertEditor.vin')} name="vin" dir="ltr" maxLength={17} value={v.vin} onChange={(vin) => set({ vin })} error={errors['vehicle.vin']} />
        <TextField label={t('alertEditor.plate')} name="plate" dir="ltr" value={v.plate} onChange={(plate) => set({ plate })} error={errors['vehicle.plate']} />
        <TextField label={t('alertEditor.plateCountry')} name="plateCountry" dir="ltr" maxLength={3} value={v.plateCountry} onChange={(plateCountry) => set({ plateCountry })} error={errors['vehicle.plateCountry']} />
        <TextField label={t('alertEditor.make')} value={v.make} onChange={(make) => set({ make })} error={errors['vehicle.make']} />
        <TextField label={t('alertEditor.model')} value={v.model} onChange={(model) => set({ model })} error={errors['vehicle.model']} />
        <TextField label={t('alertEditor.colour')} value={v.colour} onChange={(colour) => set({ colour })} error={errors['vehicle.colour']} />
        <TextField label={t('alertEditor.year')} dir="ltr" inputMode="numeric" value={v.year} onChange={(year) => set({ year })} error={errors['vehicle.year']} />
      </div>
    </section>
  );
}

/** What every kind carries: the action to take, remarks, references, the frontline switch. */
export function HandlingFields({ draft, update, errors }: SectionProps) {
  const { t } = useI18n();
  const set = (change: Partial<Pick<Draft, 'action' | 'remarks' | 'caseReference' | 'expiresAt' | 'hiddenFromFrontline' | 'publicNotice'>>) => update((d) => ({ ...d, ...change }));
  return (
    <section className="card">
      <h2>{t('alertEditor.section.handling')}</h2>
      <TextField label={t('alertEditor.action')} name="action" multiline value={draft.action} onChange={(action) => set({ action })} error={errors.action} />
      <TextField label={t('alertEditor.remarks')} name="remarks" multiline value={draft.remarks} onChange={(remarks) => set({ remarks })} error={errors.remarks} />
      <div className="grid">
        <TextField label={t('alertEditor.caseReference')} value={draft.caseReference} onChange={(caseReference) => set({ caseReference })} error={errors.caseReference} />
        <TextField label={t('alertEditor.expiresAt')} dir="ltr" value={draft.expiresAt} onChange={(expiresAt) => set({ expiresAt })} error={errors.expiresAt} />
      </div>
      <CheckField label={t('alertEditor.hidden')} name="hiddenFromFrontline" checked={draft.hiddenFromFrontline} onChange={(hiddenFromFrontline) => set({ hiddenFromFrontline })} />
      {/* Only wanted and missing persons can be public notices; the schema says so if another category is chosen. */}
      {draft.kind === 'person' && <CheckField label={t('alertEditor.publicNotice')} name="publicNotice" checked={draft.publicNotice} onChange={(publicNotice) => set({ publicNotice })} error={errors.publicNotice} />}
    </section>
  );
}

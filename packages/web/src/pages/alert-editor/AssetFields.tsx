import { ASSET_CATEGORIES, ASSET_TYPES } from '@crosscheck/core/constants';
import { WALLET_CURRENCIES } from '@crosscheck/core/wallets';
import type { MessageKey } from '../../i18n/dictionary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { label } from '../../i18n/labels.ts';
import { ASSET_LIST_FIELDS, ASSET_TYPE_FIELDS, type AssetDraft, type AssetTextField } from './asset-draft.ts';
import { FieldError, SelectField, TextField } from './Field.tsx';
import type { SectionProps } from './PersonFields.tsx';
import type { FieldErrors } from './validation.ts';

/** The label of each box; some depend on the type (a vessel's name is not a company's). */
const LABELS: Record<AssetTextField, MessageKey> = {
  iban: 'asset.iban',
  bic: 'asset.bic',
  holder: 'asset.holder',
  bankName: 'asset.bankName',
  name: 'asset.companyName',
  otherNames: 'asset.otherNames',
  registrationNumber: 'asset.registrationNumber',
  country: 'asset.country',
  addresses: 'asset.addresses',
  imo: 'asset.imo',
  flag: 'asset.flag',
  registration: 'asset.registration',
  model: 'alertEditor.model',
  operator: 'asset.operator',
  address: 'asset.address',
  cadastralReference: 'asset.cadastralReference',
  vin: 'alertEditor.vin',
  plate: 'alertEditor.plate',
  plateCountry: 'alertEditor.plateCountry',
  make: 'alertEditor.make',
  vehicleAlertId: 'asset.vehicleAlertId',
};
const labelOf = (type: AssetDraft['type'], field: AssetTextField): MessageKey => {
  if (field === 'name' && type === 'vessel') return 'asset.vesselName';
  if (field === 'model' && type === 'aircraft') return 'asset.aircraftModel';
  if (field === 'address' && type === 'wallet') return 'asset.walletAddress';
  return LABELS[field];
};
/** The schema's required field of each type. */
const REQUIRED: ReadonlySet<string> = new Set(['bank-account:iban', 'company:name', 'vessel:imo', 'aircraft:registration', 'real-estate:country', 'real-estate:address', 'wallet:address']);
/** Identifiers, codes and numbers read left to right in every language; names and addresses in their own script. */
const LTR: ReadonlySet<AssetTextField> = new Set(['iban', 'bic', 'registrationNumber', 'country', 'imo', 'flag', 'registration', 'cadastralReference', 'vin', 'plate', 'plateCountry', 'vehicleAlertId']);
const CODE3: ReadonlySet<AssetTextField> = new Set(['country', 'flag', 'plateCountry']);

/** The first problem at `path` or under it (a list's item: `asset.otherNames.1`). */
const under = (errors: FieldErrors, path: string): string | undefined => errors[path] ?? Object.entries(errors).find(([k]) => k.startsWith(`${path}.`))?.[1];

/** An asset alert: why it is sought, what type of asset, that type's fields, the person alerts it belongs to. */
export function AssetFields({ draft, update, errors }: SectionProps) {
  const { t } = useI18n();
  const a = draft.asset;
  const set = (change: Partial<AssetDraft>) => update((d) => ({ ...d, asset: { ...d.asset, ...change } }));
  const setText = (field: AssetTextField, value: string) => update((d) => ({ ...d, asset: { ...d.asset, text: { ...d.asset.text, [field]: value } } }));
  return (
    <>
      <section className="card" data-testid="asset-fields">
        <h2>{t('alertEditor.section.asset')}</h2>
        <div className="grid">
          <SelectField label={t('asset.category')} name="category" required value={a.category} options={ASSET_CATEGORIES.map((c) => ({ value: c, label: label(t, 'category', c) }))} onChange={(category) => set({ category })} error={errors.category} />
          <SelectField label={t('asset.type')} name="assetType" required value={a.type} options={ASSET_TYPES.map((v) => ({ value: v, label: label(t, 'assetType', v) }))} onChange={(type) => set({ type })} error={errors['asset.type']} />
          {a.type === 'wallet' && (
            <SelectField label={t('asset.currency')} name="currency" required value={a.currency} options={WALLET_CURRENCIES.map((c) => ({ value: c, label: label(t, 'assetCurrency', c) }))} onChange={(currency) => set({ currency })} error={errors['asset.currency']} />
          )}
        </div>
        {/* A vehicle needs one of its identifiers: the schema's refusal names the asset as a whole. */}
        <FieldError id="asset-error" message={errors.asset} />
        <div className="grid">
          {ASSET_TYPE_FIELDS[a.type].map((field) => (
            <TextField
              key={`${a.type}-${field}`}
              label={t(labelOf(a.type, field))}
              name={`asset.${field}`}
              required={REQUIRED.has(`${a.type}:${field}`)}
              dir={LTR.has(field) ? 'ltr' : 'auto'}
              multiline={ASSET_LIST_FIELDS.has(field) || (field === 'address' && a.type !== 'wallet')}
              {...(CODE3.has(field) ? { maxLength: 3 } : {})}
              value={a.text[field]}
              onChange={(value) => setText(field, value)}
              error={under(errors, `asset.${field}`)}
            />
          ))}
        </div>
      </section>
      <section className="card">
        <TextField label={t('asset.persons')} name="persons" dir="ltr" multiline help={t('asset.personsHelp')} value={a.persons} onChange={(persons) => set({ persons })} error={under(errors, 'persons')} />
      </section>
    </>
  );
}

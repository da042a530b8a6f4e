import { LANGUAGES, useI18n, type Language } from '../i18n/i18n.tsx';

export function LanguageSwitcher() {
  const { language, setLanguage, t } = useI18n();
  return (
    <label className="language">
      <span>{t('nav.language')}</span>
      <select value={language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language">
        {(Object.keys(LANGUAGES) as Language[]).map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGES[l].name}
          </option>
        ))}
      </select>
    </label>
  );
}

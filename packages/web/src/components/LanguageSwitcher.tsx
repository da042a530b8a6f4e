import { LANGUAGES, useI18n, type Language } from '../i18n/i18n.tsx';

/** `onChosen` is told of a choice the person made here (the signed-in shell saves it for the user). */
export function LanguageSwitcher({ onChosen }: { onChosen?: (l: Language) => void }) {
  const { language, setLanguage, t } = useI18n();
  return (
    <label className="language">
      <span>{t('nav.language')}</span>
      <select value={language} onChange={(e) => {
          const chosen = e.target.value as Language;
          setLanguage(chosen);
          onChosen?.(chosen);
        }} data-testid="language">
        {(Object.keys(LANGUAGES) as Language[]).map((l) => (
          <option key={l} value={l} lang={l}>
            {LANGUAGES[l].name}
          </option>
        ))}
      </select>
    </label>
  );
}

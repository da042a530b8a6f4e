import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DICTIONARIES, type Dictionary, type MessageKey } from './dictionary.ts';

export const LANGUAGES = { en: { name: 'English', dir: 'ltr', dict: DICTIONARIES.en }, fr: { name: 'Français', dir: 'ltr', dict: DICTIONARIES.fr }, es: { name: 'Español', dir: 'ltr', dict: DICTIONARIES.es }, ar: { name: 'العربية', dir: 'rtl', dict: DICTIONARIES.ar } } as const satisfies Record<string, { name: string; dir: 'ltr' | 'rtl'; dict: Dictionary }>;
export type Language = keyof typeof LANGUAGES;

const STORAGE_KEY = 'crosscheck.language';

function isLanguage(v: unknown): v is Language {
  return typeof v === 'string' && v in LANGUAGES;
}

/** The remembered choice, else the browser's first language we have, else English. */
function initialLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (isLanguage(stored)) return stored;
  const browser = navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

interface I18n {
  language: Language;
  setLanguage: (l: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((l: Language) => {
    localStorage.setItem(STORAGE_KEY, l);
    setLanguageState(l);
  }, []);
  // lang and dir live on <html> so the browser, screen readers and CSS logical properties follow.
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = LANGUAGES[language].dir;
  }, [language]);
  const t = useCallback<Translate>(
    (key, params) => {
      const text: string = LANGUAGES[language].dict[key];
      return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
    },
    [language],
  );
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { EN, loadDictionary, type Dictionary, type Language, type MessageKey } from './dictionary.ts';

export type { Language } from './dictionary.ts';

export const LANGUAGES = { en: { name: 'English', dir: 'ltr' }, fr: { name: 'Français', dir: 'ltr' }, es: { name: 'Español', dir: 'ltr' }, ar: { name: 'العربية', dir: 'rtl' } } as const satisfies Record<Language, { name: string; dir: 'ltr' | 'rtl' }>;

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

type Shown = { language: Language; dict: Dictionary };

export function I18nProvider({ children }: { children: ReactNode }) {
  const [wanted] = useState<Language>(initialLanguage);
  // The language on screen changes only once its texts are here, so nothing shows half-translated.
  const [shown, setShown] = useState<Shown | null>(() => (wanted === 'en' ? { language: 'en', dict: EN } : null));
  const latest = useRef<Language>(wanted);

  const show = useCallback((l: Language) => {
    latest.current = l;
    loadDictionary(l).then(
      (dict) => {
        if (latest.current === l) setShown({ language: l, dict });
      },
      (e: unknown) => {
        // The chunk could not be fetched (network): stay readable in English rather than blank.
        console.warn(`the ${l} texts could not be loaded`, e);
        if (latest.current === l) setShown({ language: 'en', dict: EN });
      },
    );
  }, []);

  useEffect(() => {
    if (wanted !== 'en') show(wanted);
  }, [wanted, show]);

  const setLanguage = useCallback(
    (l: Language) => {
      localStorage.setItem(STORAGE_KEY, l);
      show(l);
    },
    [show],
  );
  const language = shown?.language ?? 'en';
  // lang and dir live on <html> so the browser, screen readers and CSS logical properties follow.
  useEffect(() => {
    document.documentElement.lang = language;
    document.documentElement.dir = LANGUAGES[language].dir;
  }, [language]);
  const dict = shown?.dict ?? EN;
  const t = useCallback<Translate>(
    (key, params) => {
      const text: string = dict[key];
      return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
    },
    [dict],
  );
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  // Until the first language's texts arrive (a same-origin chunk, cached for a year) nothing is
  // drawn, rather than a flash of English in an Arabic officer's right-to-left layout.
  if (!shown) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

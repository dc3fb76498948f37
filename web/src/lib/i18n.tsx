import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { Messages } from './page-module';

export type Language = 'de' | 'en';

const STORAGE_KEY = 'regiolotse.lang';

export interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  /**
   * Looks a key up in the current language; `{name}` placeholders are filled from `vars` (`count` in the
   * language's number format). With a numeric `count`, `key_one` / `key_other` give the plural forms.
   */
  t(key: string, vars?: Record<string, string | number>): string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLanguage(): Language {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

export function mergeMessages(all: Messages[]): Messages {
  const merged: Messages = { de: {}, en: {} };
  for (const m of all) {
    Object.assign(merged.de, m.de);
    Object.assign(merged.en, m.en);
  }
  return merged;
}

export function I18nProvider({ messages, children }: { messages: Messages; children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(storedLanguage);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice then lasts for this page only
    }
    setLangState(next);
  }, []);

  const t = useCallback(
    (key: string, vars?: Record<string, string | number>) => {
      // German is the source language: a key missing in English falls back to German, then to itself.
      // A numeric `count` picks the plural form `key_one` / `key_other` (CLDR categories) where the catalogue has it.
      const count = vars?.count;
      const pluralKey =
        typeof count === 'number' ? `${key}_${new Intl.PluralRules(lang).select(count)}` : undefined;
      const lookup = (k: string) => messages[lang][k] ?? messages.de[k];
      const text =
        (pluralKey ? (lookup(pluralKey) ?? lookup(`${key}_other`)) : undefined) ?? lookup(key) ?? key;
      if (!vars) return text;
      return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
        if (!(name in vars)) return whole;
        const v = vars[name];
        // only the count is formatted: other numbers may be years or ids, which take no thousands separator
        return name === 'count' && typeof v === 'number'
          ? new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB').format(v)
          : String(v);
      });
    },
    [lang, messages],
  );

  const value = useMemo(() => ({ lang, setLang, t }), [lang, setLang, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

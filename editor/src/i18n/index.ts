/**
 * The editor's one i18n catalogue (i18next). Texts live in `locales/<language>/<namespace>.json`,
 * one namespace per screen folder; components read them with `useTranslation(namespace)`.
 * English is the fallback: a key missing in another language shows in English, never as a key.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const languages = ['en', 'fr'] as const;
export type Language = (typeof languages)[number];

type Catalogue = Record<string, Record<string, Record<string, unknown>>>;

/** Every locale file, bundled: `./locales/fr/shell.json` → resources.fr.shell. */
const files = import.meta.glob<Record<string, unknown>>('./locales/*/*.json', {
  eager: true,
  import: 'default',
});

export const resources: Catalogue = {};
for (const [path, texts] of Object.entries(files)) {
  const match = /\.\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
  if (!match) continue;
  const [, language, namespace] = match as unknown as [string, string, string];
  resources[language] ??= {};
  resources[language][namespace] = texts;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

/** The language to start in before the user's preference is known: the browser's, if we have it. */
function initialLanguage(): Language {
  const browser = typeof navigator === 'undefined' ? 'en' : navigator.language.slice(0, 2);
  return isLanguage(browser) ? browser : 'en';
}

void i18next.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  defaultNS: 'shell',
  ns: Object.keys(resources.en ?? {}),
  interpolation: { escapeValue: false }, // React escapes.
  returnNull: false,
});

export const i18n = i18next;

/** Switches the UI language (the user's saved preference is applied through this too). */
export function setLanguage(language: Language): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** The current UI locale, for Intl formatting of times and numbers. */
export function currentLocale(): string {
  return i18next.language === 'fr' ? 'fr-FR' : 'en-US';
}

/**
 * What each user chose for the UI: language, 24-hour times, times in UTC, the Callback tab's
 * hidden columns and custom date ranges. Kept in localStorage under the username (the runtime has
 * no preferences route yet), so each person who signs in on a browser gets their own.
 */
import { create } from 'zustand';
import { isLanguage, type Language, setLanguage } from '../i18n/index.ts';

export interface CustomRange {
  label: string;
  /** ISO instants. */
  from: string;
  to: string;
}

export interface Preferences {
  language: Language | null;
  hour24: boolean;
  utc: boolean;
  hiddenColumns: string[];
  customRanges: CustomRange[];
}

/** Columns of the Callback tab hidden until a user chooses otherwise. */
const defaultHiddenColumns = ['createdAt', 'agentId'];
const defaults: Preferences = {
  language: null,
  hour24: false,
  utc: false,
  hiddenColumns: defaultHiddenColumns,
  customRanges: [],
};

interface PreferencesState extends Preferences {
  username: string | null;
}

export const usePreferences = create<PreferencesState>()(() => ({ ...defaults, username: null }));

const keyOf = (username: string) => `ringback.preferences.${username}`;

function read(username: string): Preferences {
  try {
    const stored = JSON.parse(localStorage.getItem(keyOf(username)) ?? '{}') as Partial<Preferences>;
    return {
      language: isLanguage(stored.language) ? stored.language : null,
      hour24: stored.hour24 === true,
      utc: stored.utc === true,
      hiddenColumns: Array.isArray(stored.hiddenColumns)
        ? stored.hiddenColumns.map(String)
        : defaultHiddenColumns,
      customRanges: Array.isArray(stored.customRanges) ? stored.customRanges : [],
    };
  } catch {
    return { ...defaults };
  }
}

/** Loads a user's preferences when they sign in, and applies their language. */
export function loadPreferences(username: string): void {
  const preferences = read(username);
  usePreferences.setState({ ...preferences, username });
  if (preferences.language) setLanguage(preferences.language);
}

export function updatePreferences(change: Partial<Preferences>): void {
  usePreferences.setState(change);
  const { username, ...rest } = usePreferences.getState();
  if (username) localStorage.setItem(keyOf(username), JSON.stringify(rest));
  if (change.language) setLanguage(change.language);
}

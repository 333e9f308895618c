import { type Locale, pickLocale } from '@tessera/i18n';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { create } from 'zustand';

const STORAGE_KEY = 'tessera.locale';

function readStoredLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return stored === 'zh-CN' || stored === 'en' ? stored : null;
  } catch {
    // Private mode or blocked storage: fall through to the browser's language.
    return null;
  }
}

/** First visit: the browser's preferred languages decide, in order, like an Accept-Language header. */
function initialLocale(): Locale {
  const languages = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  return readStoredLocale() ?? pickLocale(languages.join(','));
}

function applyLocale(locale: Locale): void {
  dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = locale;
}

interface SessionState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const useSessionStore = create<SessionState>((set) => {
  const locale = initialLocale();
  applyLocale(locale);
  return {
    locale,
    setLocale: (next) => {
      try {
        window.localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Not persisted this time; the choice still applies for the session.
      }
      applyLocale(next);
      set({ locale: next });
    },
  };
});

import { type Locale, pickLocale } from '@tessera/i18n';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { create } from 'zustand';
import { loadLocale, localeLoaded } from '../i18n/locale-loaders';

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
  /** Switches once the language's texts are here (at once when they are); the last choice wins. */
  setLocale: (locale: Locale) => void;
}

export const useSessionStore = create<SessionState>((set) => {
  const locale = initialLocale();
  applyLocale(locale);
  let chosen = locale;
  const switchTo = (next: Locale) => {
    if (chosen !== next) return; // another language was chosen while this one loaded
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Not persisted this time; the choice still applies for the session.
    }
    applyLocale(next);
    set({ locale: next });
  };
  return {
    locale,
    setLocale: (next) => {
      chosen = next;
      if (localeLoaded(next)) switchTo(next);
      // A failed download leaves the page in the language it was in; choosing again retries.
      else
        loadLocale(next).then(
          () => switchTo(next),
          () => undefined,
        );
    },
  };
});

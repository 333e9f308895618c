import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { loadLocale } from '../i18n/locale-loaders';

// Components translate synchronously from loaded catalogues, as the app loads one before its
// first render; tests switch languages, so both are here from the start.
await loadLocale('en');
await loadLocale('zh-CN');

// Component tests run in happy-dom. antd asks for media queries (Grid, responsive Table) and
// happy-dom answers "no match" like a desktop browser without a viewport change would.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
}

// Tell React this is a test environment, so state updates outside act() are reported.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

afterEach(() => cleanup());

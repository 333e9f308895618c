// First: gives the page's style nonce to style elements our libraries create (Content-Security-Policy).
import './csp-nonce';
import { useSessionStore } from '@tessera/ui';
import { addLocaleLoader, loadLocale } from '@tessera/ui/messages';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app-root';
import { antdTexts } from './i18n/antd-locale';
import { hostMessages } from './i18n/host-messages';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
// Only the language the page shows is downloaded, before its first render (docs/adr/0107).
addLocaleLoader(hostMessages);
addLocaleLoader(antdTexts);
loadLocale(useSessionStore.getState().locale).then(
  () =>
    createRoot(container).render(
      <StrictMode>
        <AppRoot />
      </StrictMode>,
    ),
  // Without its texts the page cannot say anything in the user's language: both, then.
  () => {
    container.textContent = '无法连接服务器，请稍后刷新页面。 Cannot reach the server: reload the page in a moment.';
  },
);

import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppDocument } from '@tessera/schemas';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type ApiSession, createPublishedApp, signInApi } from './api';
import { launchBrowser } from './browser';
import { assertWebBuilt, E2E_ADMIN, type RunningServer, startServer } from './server';

/** Where end-to-end tests put screenshots (ignored by git). */
export const ARTIFACTS = fileURLToPath(new URL('../.artifacts/', import.meta.url));

/** What every browser test file starts from; filled in by `beforeAll`. */
export interface E2eSuite {
  server: RunningServer;
  browser: Browser;
  /** The first administrator's API session, for set-up through the real routes. */
  api: ApiSession;
  /** The id of the app published from the suite's first document. */
  appId: string;
}

/**
 * One test file's world: a server with its own database, the documents published, `seed` run
 * (records, users), and Chromium — torn down afterwards. The web build is checked first, so a
 * missing build says so instead of timing out in the browser.
 */
export function useE2eSuite(documents: AppDocument | AppDocument[], seed?: (suite: E2eSuite) => Promise<void>): E2eSuite {
  const suite = {} as E2eSuite;
  beforeAll(async () => {
    assertWebBuilt();
    mkdirSync(ARTIFACTS, { recursive: true });
    suite.server = await startServer();
    suite.api = await signInApi(suite.server.baseUrl, E2E_ADMIN);
    const [first, ...rest] = Array.isArray(documents) ? documents : [documents];
    suite.appId = await createPublishedApp(suite.api, first!);
    for (const document of rest) await createPublishedApp(suite.api, document);
    await seed?.(suite);
    suite.browser = await launchBrowser();
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

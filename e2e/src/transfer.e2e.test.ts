import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createRecord } from './api';
import { openPage } from './browser';
import { listPage } from './list-page';
import { DEMO_CRM, listPageTransfers, signInPageTransfers } from './page-transfers';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';
import { type Transfer, transferredKb } from './transfer';

/**
 * Ceilings that keep the JavaScript a browser receives from growing unnoticed — not B6's goal of
 * 350 KB a page (docs/benchmarks.md), which `pnpm bench:web` measures and neither page meets yet
 * after issue 18's merges (352 KB and 677 KB on a quiet machine). The count runs until the network
 * is quiet, so it includes what the page preloads when idle (the shell from the sign-in page, the
 * record drawer from the list), and how much of that fits in depends on the machine's load: the
 * ceilings leave room for that, not for a new dependency on the first page.
 */
const SIGN_IN_JS_CEILING_KB = 400;
const LIST_JS_CEILING_KB = 760;
const CUSTOMERS = 60;

/** Every script came from the hashed assets, Brotli-encoded, cached for a year without asking again. */
function expectHashedBrotli(transfers: readonly Transfer[]): void {
  const scripts = transfers.filter((t) => t.type === 'Script');
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) {
    expect({ path: new URL(script.url).pathname, encoding: script.encoding }).toEqual({ path: expect.stringMatching(/^\/assets\//), encoding: 'br' });
    expect(script.cacheControl).toMatch(/max-age=31536000.*immutable/);
  }
}

describe('what the browser downloads (the demo CRM)', () => {
  const suite = useE2eSuite(DEMO_CRM, async ({ api, appId }) => {
    for (let i = 0; i < CUSTOMERS; i++) await createRecord(api, appId, 'customer', { name: `客户 ${String(i).padStart(2, '0')}`, tier: 'A', status: 'active' });
  });
  const listUrl = () => `/apps/${suite.appId}/objects/customer`;

  it('the sign-in page: its scripts in Brotli, cached for a year, under its ceiling in all', async () => {
    const transfers = await signInPageTransfers(suite.browser, suite.server.baseUrl);
    expectHashedBrotli(transfers);
    expect(transferredKb(transfers, 'Script')).toBeLessThan(SIGN_IN_JS_CEILING_KB);
  });

  it('the first signed-in list page: its scripts in Brotli and under the ceiling, its list answers compressed', async () => {
    const transfers = await listPageTransfers(suite.browser, suite.server.baseUrl, listUrl(), E2E_ADMIN);
    expectHashedBrotli(transfers);
    expect(transferredKb(transfers, 'Script')).toBeLessThan(LIST_JS_CEILING_KB);
    const answers = transfers.filter((t) => /\/records\/(query|count)$/.test(t.url));
    expect(answers.map((t) => t.url.replace(/.*\//, '')).sort()).toEqual(['count', 'query']);
    expect(answers.find((t) => t.url.endsWith('/query'))?.encoding).toMatch(/^(br|gzip)$/);
  });

  it('the list shows its rows before its total arrives', async () => {
    const { page, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    const shell = shellPage(page);
    const list = listPage(page);
    // The total is held back until the rows are on screen: a list whose rows waited for it would never show them.
    const held: Route[] = [];
    let countAsked!: () => void;
    const asked = new Promise<void>((resolve) => {
      countAsked = resolve;
    });
    await page.route('**/records/count', (route) => {
      held.push(route);
      countAsked();
    });
    try {
      await page.goto(listUrl());
      await shell.signIn(E2E_ADMIN);
      await shell.rows().first().waitFor({ timeout: UI_TIMEOUT });
      await asked;
      expect(await list.total.count()).toBe(0);
      for (const route of held.splice(0)) await route.continue();
      await list.total.filter({ hasText: `${CUSTOMERS} in total` }).waitFor({ timeout: UI_TIMEOUT });
    } finally {
      await context.close();
    }
  });
});

import { createTestDatabase, type TestDatabase } from '@tessera/db/testing';
import { buildServer, type InstallResult, installTemplate } from '@tessera/server';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage } from './browser';
import { listPage } from './list-page';
import { assertWebBuilt, WEB_ROOT } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS } from './suite';
import { UI_TIMEOUT } from './timeouts';

/**
 * Issue 18: "a sales rep sees an empty CRM". On a first start the demo gives its records to its
 * sample people (sample-owners.ts): signed in as a rep, the customers list is theirs and not
 * empty; the other rep's customers are not in it; their manager sees the department's.
 */
describe('the demo CRM as its people see it on first start', () => {
  let database: TestDatabase;
  let server: Awaited<ReturnType<typeof buildServer>>;
  let baseUrl = '';
  let demo: InstallResult;
  let browser: Browser;

  beforeAll(async () => {
    assertWebBuilt();
    database = await createTestDatabase();
    server = await buildServer({ database, webRoot: WEB_ROOT, logger: false });
    // As main.ts does on a first start: the template with its team.
    demo = await installTemplate(database, 'crm', { team: true, records: server.records });
    baseUrl = (await server.listen({ port: 0, host: '127.0.0.1' })).replace(/\/$/, '');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await database?.drop();
  });

  /** Signs in as one of the demo's people and reads the customer list's total and first rows. */
  async function customersOf(key: string): Promise<{ total: number; names: string[] }> {
    const person = demo.people.find((p) => p.key === key)!;
    const { page, context } = await openPage(browser, { baseURL: baseUrl, locale: 'en', width: 1366 });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${demo.appId}/objects/customer`);
      await shell.signIn(person);
      const total = listPage(page).total;
      await total.waitFor({ timeout: UI_TIMEOUT });
      await shell.rows().first().waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: `${ARTIFACTS}demo-customers-${key}.png` });
      const count = Number(((await total.textContent()) ?? '').replace(/[^\d]/g, ''));
      const names = (await shell.rows().locator('.ant-table-cell:nth-child(2)').allTextContents()).map((n) => n.trim());
      return { total: count, names };
    } finally {
      await context.close();
    }
  }

  it('shows each rep their own customers, not the other rep’s, and the manager both', async () => {
    const [chen, li, manager] = [await customersOf('chen.jing'), await customersOf('li.qiang'), await customersOf('wang.lei')];
    expect(chen.total).toBeGreaterThan(0);
    expect(li.total).toBeGreaterThan(0);
    expect(chen.names.length).toBeGreaterThan(0);
    expect(chen.names.filter((name) => li.names.includes(name))).toEqual([]);
    // The head of 华东销售部 sees the department: both reps' customers.
    expect(manager.total).toBeGreaterThanOrEqual(chen.total + li.total);
  });
});

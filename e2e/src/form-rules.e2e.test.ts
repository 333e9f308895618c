import type { AppDocument } from '@tessera/schemas';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, createPublishedApp, signInApi, type ApiSession } from './api';
import { launchBrowser, openPage } from './browser';
import { assertWebBuilt, E2E_ADMIN, startServer, type RunningServer } from './server';
import { shellPage } from './shell-page';
import { UI_TIMEOUT } from './timeouts';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** A deal whose form asks for a reason only when the discount is above 10 %. */
const dealsApp: AppDocument = {
  id: 'deals',
  label: label('Deals', '商机'),
  objects: [{
    id: 'deal',
    label: label('Deal', '商机'),
    displayField: 'name',
    fields: [
      { id: 'name', type: 'text', label: label('Name', '名称'), required: true },
      { id: 'discount', type: 'number', label: label('Discount', '折扣'), scale: 2 },
      { id: 'reason', type: 'text', label: label('Reason', '原因') },
    ],
  }],
  forms: [{
    id: 'deal_entry',
    object: 'deal',
    label: label('Deal', '商机'),
    nodes: [
      { id: 'main', kind: 'section', label: label('Terms', '条款') },
      { id: 'n_name', kind: 'field', parent: 'main', field: 'name' },
      { id: 'n_discount', kind: 'field', parent: 'main', field: 'discount' },
      { id: 'n_reason', kind: 'field', parent: 'main', field: 'reason' },
    ],
    rules: [
      { id: 'hide_reason', when: 'TRUE', effects: [{ kind: 'visible', field: 'reason', value: false }] },
      {
        id: 'big_discount', when: 'discount > 0.1',
        effects: [{ kind: 'visible', field: 'reason', value: true }, { kind: 'required', field: 'reason', value: true }],
      },
    ],
  }],
};

describe('the record drawer runs the object form and its rules', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ApiSession;
  let appId: string;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    api = await signInApi(server.baseUrl, E2E_ADMIN);
    appId = await createPublishedApp(api, dealsApp);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('shows and requires the reason for a big discount, then saves through the form', async () => {
    const { page, errors, context } = await openPage(browser, { baseURL: server.baseUrl });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${appId}/objects/deal`);
      await shell.signIn(E2E_ADMIN);
      await shell.openNewRecord();
      await page.getByTestId('form-section-main').waitFor({ timeout: UI_TIMEOUT });
      const reason = page.locator('#record-form_reason');
      expect(await reason.count()).toBe(0);

      await shell.fill('name', 'Big order');
      await shell.fill('discount', '0.05');
      expect(await reason.count()).toBe(0);
      await shell.fill('discount', '0.25');
      await reason.waitFor({ timeout: UI_TIMEOUT });

      await shell.save();
      expect(await shell.fieldError('reason')).toContain('Reason is required');

      await shell.fill('reason', 'Strategic customer');
      const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/records?form=deal_entry'));
      await shell.save();
      expect((await saved).status()).toBe(201);
      await shell.waitForDrawerClosed();
      await shell.row('Big order').waitFor({ timeout: UI_TIMEOUT });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('autosaves a draft, offers it again after the drawer was closed, and drops it on save', async () => {
    const { page, errors, context } = await openPage(browser, { baseURL: server.baseUrl });
    const shell = shellPage(page);
    const drafts = `/api/apps/${appId}/objects/deal/drafts`;
    try {
      await page.goto(`/apps/${appId}/objects/deal`);
      await shell.signIn(E2E_ADMIN);
      await shell.openNewRecord();
      const autosaved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().endsWith('/drafts/new'));
      await shell.fill('name', 'Half-finished deal');
      expect((await autosaved).status()).toBe(204);
      await page.getByTestId('record-drawer').getByRole('button', { name: 'Cancel' }).click();
      await shell.waitForDrawerClosed();

      await shell.openNewRecord();
      await page.getByTestId('record-draft-resume').click({ timeout: UI_TIMEOUT });
      expect(await page.locator('#record-form_name').inputValue()).toBe('Half-finished deal');

      const dropped = page.waitForResponse((r) => r.request().method() === 'DELETE' && r.url().endsWith('/drafts/new'));
      await shell.save();
      await dropped;
      await shell.waitForDrawerClosed();
      await shell.row('Half-finished deal').waitFor({ timeout: UI_TIMEOUT });
      expect(await callApi<{ key: string }[]>(api, 'GET', drafts)).toEqual([]);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createRecord } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

/** Credit above 100 is "big": one customer of each kind, so stepping records changes the preview. */
const CUSTOMERS = { 'Acme Shanghai': { credit: '250.50', expected: '"big"' }, 'Beta Trading': { credit: '50', expected: '"small"' } } as const;
type CustomerName = keyof typeof CUSTOMERS;
const isCustomer = (name: string): name is CustomerName => Object.hasOwn(CUSTOMERS, name);

/** Replaces the editor's text; insertText types exactly (no auto-closed brackets or quotes). */
async function typeFormula(page: Page, text: string): Promise<void> {
  await page.getByTestId('formula-editor-input').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

async function previewText(page: Page, testId: 'formula-preview-error' | 'formula-preview-value', expected: string): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: expected }).waitFor({ timeout: UI_TIMEOUT });
}

async function sampleCustomer(page: Page): Promise<CustomerName> {
  const title = page.getByTestId('formula-sample-title');
  await title.waitFor({ timeout: UI_TIMEOUT });
  const name = (await title.textContent()) ?? '';
  if (!isCustomer(name)) throw new Error(`unexpected sample record ${name}`);
  return name;
}

describe('formula playground', () => {
  const suite = useE2eSuite(customerApp, async ({ api, appId }) => {
    for (const [name, { credit }] of Object.entries(CUSTOMERS)) await createRecord(api, appId, 'customer', { name, credit });
  });

  it('completes fields, marks errors, previews against sample records, all from localhost', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en', height: 900 });
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    try {
      await page.goto('/');
      await shellPage(page).signIn(E2E_ADMIN);
      await page.getByTestId('user-menu').click();
      await page.getByTestId('user-menu-admin').click();
      await page.getByTestId('admin-nav-formula').click();
      await page.waitForURL('**/studio/formula');
      await page.getByTestId('formula-playground').waitFor();

      await page.getByTestId('formula-app').click();
      await page.locator('.ant-select-item-option').filter({ hasText: 'E2E CRM' }).click();
      await page.getByTestId('formula-object').click();
      await page.locator('.ant-select-item-option').filter({ hasText: 'Customer' }).click();
      await page.getByTestId('formula-editor-input').locator('.monaco-editor').waitFor({ timeout: UI_TIMEOUT });
      const first = await sampleCustomer(page);
      await editorLabelled(page, 'Formula');

      // An unknown field: a squiggle in the editor and the message under it.
      await typeFormula(page, '[Nope] + 1');
      await previewText(page, 'formula-preview-error', 'Unknown field Nope');
      await page.getByTestId('formula-editor-input').locator('.squiggly-error').first().waitFor({ timeout: UI_TIMEOUT });

      // Fields complete by label inside brackets.
      await typeFormula(page, '[Cre');
      await page.keyboard.press('Control+Space');
      const suggestion = page.locator('.suggest-widget .monaco-list-row').filter({ hasText: 'Credit limit' });
      await suggestion.first().waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press('Escape');

      // A valid formula is evaluated against the sample record, and against the next one.
      await typeFormula(page, 'IF([Credit limit] > 100, "big", "small")');
      await previewText(page, 'formula-preview-value', CUSTOMERS[first].expected);
      expect(await page.getByTestId('formula-preview-type').getAttribute('data-type')).toBe('text');
      expect(await page.getByTestId('formula-editor-input').locator('.squiggly-error').count()).toBe(0);
      await page.getByTestId('formula-preview-value').hover(); // keep the mouse off the editor for the screenshot
      await page.screenshot({ path: `${ARTIFACTS}formula-editor.png` });
      await page.getByTestId('formula-sample-next').click();
      const second = await sampleCustomerChanged(page, first);
      await previewText(page, 'formula-preview-value', CUSTOMERS[second].expected);

      // In Chinese, the same mistake reads in Chinese.
      await shellPage(page).switchLanguage('中文', 'zh-CN');
      await editorLabelled(page, '公式');
      await typeFormula(page, '[不存在] * 2');
      await previewText(page, 'formula-preview-error', '未知字段 不存在');
      await page.screenshot({ path: `${ARTIFACTS}formula-editor-zh-cn.png` });

      // Monaco and everything else came from the test server: no CDN, no other host.
      const origin = new URL(suite.server.baseUrl).origin;
      const foreign = requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin);
      expect(foreign).toEqual([]);
      expect(requests.some((url) => /\/assets\/formula-editor-.*\.js$/.test(url))).toBe(true);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

/** The editor's input is named for a screen reader in the page's language. */
async function editorLabelled(page: Page, label: string): Promise<void> {
  await page.getByTestId('formula-editor-input').locator(`[aria-label="${label}"]`).first().waitFor({ timeout: UI_TIMEOUT });
}

/** After "next", the sample title changes once the next record has loaded. */
async function sampleCustomerChanged(page: Page, previous: CustomerName): Promise<CustomerName> {
  const title = page.getByTestId('formula-sample-title').filter({ hasNotText: previous });
  await title.waitFor({ timeout: UI_TIMEOUT });
  const name = (await title.textContent()) ?? '';
  if (!isCustomer(name)) throw new Error(`unexpected sample record ${name}`);
  return name;
}

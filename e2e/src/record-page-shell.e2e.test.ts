import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRecord } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

describe('the record page in the app shell', () => {
  let customerId = '';
  const suite = useE2eSuite(customerApp, async ({ api, appId }) => {
    customerId = (await createRecord(api, appId, 'customer', { name: '上海云帆贸易有限公司' })).id;
  });

  it('has the same header and side menu as the lists, and they work from it', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en', width: 1366, height: 800 });
    const shell = shellPage(page);
    try {
      // Reached by a shared link, as record pages are.
      await page.goto(`/apps/${suite.appId}/objects/customer/records/${customerId}`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('record-page-title').filter({ hasText: '上海云帆贸易有限公司' }).waitFor({ timeout: UI_TIMEOUT });

      // The shell's own parts: the side menu (on the record's list), "All apps", the full language names, the user menu.
      const menu = page.getByTestId('side-nav');
      await menu.waitFor({ timeout: UI_TIMEOUT });
      expect(await menu.locator('.ant-menu-item-selected').textContent()).toBe('Customers');
      await page.getByRole('button', { name: 'All apps' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('user-menu').waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(ARTIFACTS, 'record-page-shell-1366.png') });

      await shell.switchLanguage('中文', 'zh-CN');
      await page.getByRole('button', { name: '全部应用' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('record-page-title').textContent()).toContain('上海云帆贸易有限公司');

      // The side menu leads back to the list, in the same shell.
      await menu.getByText('客户', { exact: true }).click();
      await page.getByTestId('object-page-customer').waitFor({ timeout: UI_TIMEOUT });
      expect(new URL(page.url()).pathname).toBe(`/apps/${suite.appId}/objects/customer`);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

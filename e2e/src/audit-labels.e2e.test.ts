import { describe, expect, it } from 'vitest';
import { createRecord } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

describe('the audit log in the reader’s language', () => {
  const suite = useE2eSuite(customerApp, async ({ api, appId }) => {
    await createRecord(api, appId, 'customer', { name: '上海云帆贸易有限公司' });
  });

  it('names actions, objects and records in words, not codes and ids', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'zh-CN', width: 1366, height: 800 });
    const shell = shellPage(page);
    try {
      await page.goto('/admin/audit');
      await shell.signIn(E2E_ADMIN);
      const table = page.getByTestId('audit-table');
      const row = (action: string) => table.locator('.ant-table-row').filter({ has: page.getByTestId('audit-action').filter({ hasText: action }) });
      const created = row('新建记录');
      await created.waitFor({ timeout: UI_TIMEOUT });
      expect(await created.getByTestId('audit-object').textContent()).toBe('客户');
      expect(await created.getByTestId('audit-record').textContent()).toBe('上海云帆贸易有限公司');
      await table.getByTestId('audit-action').filter({ hasText: '登录' }).first().waitFor({ timeout: UI_TIMEOUT });
      const text = (await table.textContent()) ?? '';
      expect(text).not.toContain('record.create');
      expect(text).not.toContain('auth.sign_in');

      // The same lines in English.
      await shell.switchLanguage('English', 'en');
      await row('Created a record').waitFor({ timeout: UI_TIMEOUT });
      expect(await row('Created a record').getByTestId('audit-object').textContent()).toBe('Customer');
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { customerRulesForm } from './fixtures/customer-rules-form';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const previewApp: AppDocument = { ...customerApp, id: 'e2e_preview', forms: [customerRulesForm] };

describe('the studio: the live preview filled from an existing record', () => {
  const suite = useE2eSuite(previewApp, async ({ api, appId }) => {
    await callApi(api, 'POST', `/api/apps/${appId}/objects/customer/records`, {
      values: { name: 'Acme Key', email: 'buy@acme.test', level: 'key', credit: 5000 },
    });
    await callApi(api, 'POST', `/api/apps/${appId}/objects/customer/records`, { values: { name: 'Beta Normal', level: 'normal', credit: 100 } });
  });

  it('an admin fills the live preview from an existing record picked by title: its values show, its rules apply and are explained, and nothing is written', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1000, locale: 'en' });
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/records') && !r.url().endsWith('/query') && r.method() !== 'GET') writes.push(`${r.method()} ${r.url()}`);
    });
    try {
      await page.goto(`/studio/apps/${suite.appId}`);
      await shellPage(page).signIn(E2E_ADMIN);
      const preview = page.getByTestId('form-preview');
      await preview.locator('#record-form_credit').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('rule-reason-none').waitFor({ timeout: UI_TIMEOUT });

      // Search by title and pick the key account: its values fill the form, and its credit limit is locked.
      const picker = page.getByTestId('preview-record').locator('.ant-select');
      await picker.click();
      await page.keyboard.type('Acme');
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'Acme Key' }).click();
      await expect.poll(() => preview.locator('#record-form_name').inputValue(), { timeout: UI_TIMEOUT }).toBe('Acme Key');
      expect(await preview.locator('#record-form_email').inputValue()).toBe('buy@acme.test');
      expect(await preview.locator('#record-form_credit').isDisabled()).toBe(true);
      await page
        .getByTestId('rule-reason-credit')
        .filter({ hasText: '"Credit limit" is read-only: rule "key_locks_credit" holds (level = "key")' })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(ARTIFACTS, 'studio-preview-record.png') });

      // The normal customer: the credit limit is hidden, and the explanation says which rule hides it.
      await picker.click();
      await page.keyboard.type('Beta');
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'Beta Normal' }).click();
      await expect.poll(() => preview.locator('#record-form_name').inputValue(), { timeout: UI_TIMEOUT }).toBe('Beta Normal');
      await preview.locator('#record-form_credit').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await page.getByTestId('rule-reason-credit').filter({ hasText: 'is hidden: rule "normal_hides_credit" holds' }).waitFor({ timeout: UI_TIMEOUT });

      // Typing into the preview changes nothing stored.
      await preview.locator('#record-form_name').fill('Typed in the preview');
      const stored = await callApi<{ items: { name: string }[] }>(suite.api, 'POST', `/api/apps/${suite.appId}/objects/customer/records/query`, {});
      expect(stored.items.map((r) => r.name).sort()).toContain('Beta Normal');
      expect(stored.items.map((r) => r.name)).not.toContain('Typed in the preview');
      expect(writes).toEqual([]);
      expect(errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

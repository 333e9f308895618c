import { loadTemplate } from '@tessera/templates';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './browser';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';

const crm = loadTemplate('crm')!.document;

/** Types into a field as a person does, then leaves it with Tab. */
async function typeAndLeave(page: Page, fieldId: string, text: string): Promise<void> {
  const input = page.locator(`#record-form_${fieldId}`);
  await input.click();
  await input.fill('');
  await page.keyboard.type(text);
  await page.keyboard.press('Tab');
}

async function pickOption(page: Page, fieldId: string, text: string): Promise<void> {
  await page.locator(`#record-form_${fieldId}`).click();
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first().click();
}

/**
 * Issue 18: format checks happened only on the server, after a Save that had first reported only
 * the empty required fields. The demo customer's credit code was plain text, so a code with a
 * wrong check character was saved.
 */
describe('the demo customer form checks formats as the user leaves a field and before sending', () => {
  const suite = useE2eSuite(crm);

  it('marks a 10-digit phone, a double-@ e-mail and a credit code with a wrong check character on blur, and never sends them', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    const shell = shellPage(page);
    const posts: string[] = [];
    page.on('request', (request) => {
      // The create itself, not the unique check or the draft autosave beside it.
      if (request.method() === 'POST' && new URL(request.url()).pathname.endsWith('/objects/customer/records')) posts.push(request.url());
    });
    try {
      await page.goto(`/apps/${suite.appId}/objects/customer`);
      await shell.signIn(E2E_ADMIN);
      await shell.openNewRecord();

      await typeAndLeave(page, 'phone', '1381234567');
      expect(await shell.fieldError('phone')).toBe('"Phone" is not a valid phone number');
      await typeAndLeave(page, 'email', 'zhang@@example');
      expect(await shell.fieldError('email')).toBe('"Email" is not a valid email address');
      await typeAndLeave(page, 'credit_code', '91110000600037341X');
      expect(await shell.fieldError('credit_code')).toBe('"Unified social credit code" is not a valid unified social credit code');

      // The first Save reports everything at once: the empty name and the three broken formats; nothing is sent.
      await shell.save();
      expect(await shell.fieldError('name')).toContain('Name');
      expect(await shell.fieldError('phone')).toBe('"Phone" is not a valid phone number');
      expect(await shell.fieldError('email')).toBe('"Email" is not a valid email address');
      expect(await shell.fieldError('credit_code')).toBe('"Unified social credit code" is not a valid unified social credit code');
      await page.screenshot({ path: `${ARTIFACTS}form-formats-en.png` });
      expect(posts).toEqual([]);

      // Right values clear the marks; the form saves once, with the values as the server stores them.
      // Leaving a field shows its value as it will be stored, so what the user reads is what is saved.
      await typeAndLeave(page, 'phone', '138 1234 5678');
      expect(await page.locator('#record-form_phone').inputValue()).toBe('13812345678');
      await typeAndLeave(page, 'email', ' Zhang@Example.COM');
      expect(await page.locator('#record-form_email').inputValue()).toBe('zhang@example.com');
      await typeAndLeave(page, 'credit_code', '91110000600037341L');
      await typeAndLeave(page, 'name', 'Beijing Example Technology Co., Ltd.');
      await pickOption(page, 'tier', 'A (key account)');
      await pickOption(page, 'status', 'Active');
      for (const field of ['phone', 'email', 'credit_code', 'name'])
        expect(
          await page
            .locator('.ant-form-item')
            .filter({ has: page.locator(`#record-form_${field}`) })
            .locator('.ant-form-item-explain-error')
            .count(),
          field,
        ).toBe(0);

      const saved = page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname.endsWith('/objects/customer/records'));
      await shell.save();
      const created = await saved;
      expect(created.status()).toBe(201);
      expect(await created.json()).toMatchObject({ phone: '13812345678', credit_code: '91110000600037341L', email: 'zhang@example.com' });
      await shell.waitForDrawerClosed();
      expect(posts).toHaveLength(1);

      // The same check, in the server's words, in Chinese.
      await shell.switchLanguage('中文', 'zh-CN');
      await shell.openNewRecord();
      await typeAndLeave(page, 'phone', '138 1234 567');
      expect(await shell.fieldError('phone')).toBe('“电话”格式不正确（应为手机或固定电话号码）');
      await typeAndLeave(page, 'credit_code', '91110000600037341X');
      expect(await shell.fieldError('credit_code')).toBe('“统一社会信用代码”格式不正确（应为统一社会信用代码）');
      // The sign-in page's session check answers 401; nothing else may fail, not even a request the browser need not have made.
      expect(errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { customerRulesForm } from './fixtures/customer-rules-form';
import { listPage } from './list-page';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { confirmPublish, openSignedIn } from './studio-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const REP = { email: 'rep@forms.test', name: '王芳', password: 'rep e2e password forms' };

/** The customer app with its form and a sales rep role that creates and edits customers. */
const formsApp: AppDocument = {
  ...customerApp,
  id: 'e2e_forms',
  forms: [customerRulesForm],
  roles: [
    { id: 'rep', label: { en: 'Sales rep', 'zh-CN': '销售代表' }, permissions: [{ object: 'customer', actions: ['create', 'read', 'update'], rows: 'all' }] },
  ],
};

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
}

describe('the studio: several forms per object', () => {
  const suite = useE2eSuite(formsApp, async ({ api, appId }) => {
    const { id } = await callApi<{ id: string }>(api, 'POST', '/api/admin/users', REP);
    await callApi(api, 'PUT', `/api/admin/users/${id}/roles`, { appId, roles: ['rep'] });
  });

  it('an admin adds a shorter copy of the customer form for sales reps, cannot delete it while reps use it, publishes; a rep opens it, the admin the default', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1000, locale: 'en' });
    try {
      await page.goto(`/studio/apps/${suite.appId}`);
      await shellPage(page).signIn(E2E_ADMIN);
      await page.getByTestId('canvas-node-f_email').waitFor({ timeout: UI_TIMEOUT });

      // A copy of the form the object has, renamed in both languages.
      await page.getByTestId('form-add').click();
      await page.getByTestId('form-add-copy').click();
      const pick = page.getByTestId('form-pick');
      await pick.filter({ hasText: 'Customer (copy)' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('form-rename').click();
      await page.getByTestId('form-rename-en').fill('');
      await page.getByTestId('form-rename-zh').fill('');
      // A form needs a name in at least one language.
      await page.getByTestId('form-rename-error').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('form-rename-en').pressSequentially('Quick entry');
      await page.getByTestId('form-rename-zh').pressSequentially('快速录入');
      await page.getByTestId('form-rename-ok').click();
      await pick.filter({ hasText: 'Quick entry' }).waitFor({ timeout: UI_TIMEOUT });

      // The quick form leaves the email out: select its node and press Delete.
      await page.getByTestId('canvas-node-f_email').click();
      await page.keyboard.press('Delete');
      await page.getByTestId('canvas-node-f_email').waitFor({ state: 'detached', timeout: UI_TIMEOUT });

      // Sales reps open it; the default form stays the full one.
      await listPage(page).pick(page.getByTestId('form-roles'), 'Sales rep');
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('form-default').isChecked()).toBe(false);

      // Deleting it now is refused, naming what uses it.
      await page.getByTestId('form-delete').click();
      await page.getByTestId('form-usage').filter({ hasText: 'The form role "Sales rep" opens' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('form-delete-ok').isDisabled()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'studio-forms-delete-refused.png') });
      await page.keyboard.press('Escape');

      // Back on the default form: the email is still there.
      await listPage(page).pick(pick, 'Customer');
      await page.getByTestId('canvas-node-f_email').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('form-default').isChecked()).toBe(true);
      await waitSaved(page);
      const draft = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      expect(draft.draft.forms?.map((f) => [f.id, f.label, f.nodes.some((n) => n.field === 'email')])).toEqual([
        ['customer_form', { en: 'Customer', 'zh-CN': '客户' }, true],
        ['customer_form_1', { en: 'Quick entry', 'zh-CN': '快速录入' }, false],
      ]);
      expect(draft.draft.roles?.[0]?.permissions?.[0]?.form).toBe('customer_form_1');

      // The review names which form the role will open.
      await page.getByTestId('studio-publish').click();
      await page
        .getByTestId('publish-change')
        .filter({ hasText: 'Role "Sales rep" on "Customer" opens form: the default form → Quick entry' })
        .waitFor({ timeout: UI_TIMEOUT });
      await confirmPublish(page, 2);

      // The admin holds no role: the default form, with the email.
      await page.goto(`/apps/${suite.appId}/objects/customer`);
      await shellPage(page).openNewRecord();
      await page.locator('#record-form_email').waitFor({ timeout: UI_TIMEOUT });
      expect(errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    } finally {
      await context.close();
    }

    // The rep gets the quick form: no email; what they save goes through it.
    const rep = await openSignedIn(suite, REP, `/apps/${suite.appId}/objects/customer`);
    try {
      await shellPage(rep.page).openNewRecord();
      expect(await rep.page.locator('#record-form_email').count()).toBe(0);
      await rep.page.screenshot({ path: join(ARTIFACTS, 'studio-forms-rep-quick-form.png') });
      await shellPage(rep.page).fill('name', 'Quick customer');
      const saved = rep.page.waitForRequest((r) => r.method() === 'POST' && r.url().includes('/objects/customer/records'));
      await rep.page.getByTestId('record-save').click();
      expect(new URL((await saved).url()).searchParams.get('form')).toBe('customer_form_1');
      expect(rep.errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    } finally {
      await rep.context.close();
    }
  });
});

import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi } from './api';
import { openPage } from './browser';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** A deal whose form asks for a reason only when the discount is above 10 %. */
const dealsApp: AppDocument = {
  id: 'deals',
  label: label('Deals', '商机'),
  objects: [
    {
      id: 'deal',
      label: label('Deal', '商机'),
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: label('Name', '名称'), required: true },
        { id: 'discount', type: 'number', label: label('Discount', '折扣'), scale: 2 },
        { id: 'reason', type: 'text', label: label('Reason', '原因') },
      ],
    },
  ],
  forms: [
    {
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
          id: 'big_discount',
          when: 'discount > 0.1',
          effects: [
            { kind: 'visible', field: 'reason', value: true },
            { kind: 'required', field: 'reason', value: true },
          ],
        },
      ],
    },
  ],
};

describe('the record drawer runs the object form and its rules', () => {
  const suite = useE2eSuite(dealsApp);

  it('shows and requires the reason for a big discount, then saves through the form', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/deal`);
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
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    const drafts = `/api/apps/${suite.appId}/objects/deal/drafts`;
    try {
      await page.goto(`/apps/${suite.appId}/objects/deal`);
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
      expect(await callApi<{ key: string }[]>(suite.api, 'GET', drafts)).toEqual([]);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});

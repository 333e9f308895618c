import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord } from './api';
import { openPage } from './browser';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const app: AppDocument = {
  id: 'dedup_e2e',
  label: { en: 'Dedup', 'zh-CN': '查重' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer', 'zh-CN': '客户' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' }, required: true },
        { id: 'phone', type: 'text', label: { en: 'Phone', 'zh-CN': '电话' } },
        { id: 'note', type: 'text', label: { en: 'Note', 'zh-CN': '备注' } },
      ],
      matchRules: [
        {
          id: 'company',
          label: { en: 'Like name, same phone', 'zh-CN': '名称相近且电话相同' },
          kind: 'company_name',
          nameField: 'name',
          contactFields: ['phone'],
        },
      ],
    },
    {
      id: 'visit',
      label: { en: 'Visit', 'zh-CN': '拜访' },
      displayField: 'topic',
      fields: [
        { id: 'topic', type: 'text', label: { en: 'Topic', 'zh-CN': '主题' } },
        { id: 'customer', type: 'relation', label: { en: 'Customer', 'zh-CN': '客户' }, target: 'customer' },
      ],
    },
  ],
  navigation: [
    { id: 'customers', object: 'customer' },
    { id: 'visits', object: 'visit' },
  ],
};

describe('duplicates in the browser', () => {
  const ids: Record<string, string> = {};
  const suite = useE2eSuite(app, async ({ api, appId }) => {
    ids.first = (await createRecord(api, appId, 'customer', { name: '北京星辰科技有限公司', phone: '13800138000', note: 'first' })).id;
    ids.second = (await createRecord(api, appId, 'customer', { name: '星辰科技股份有限公司', phone: '13800138000', note: 'second' })).id;
    ids.visit = (await createRecord(api, appId, 'visit', { topic: 'Kick-off', customer: ids.second })).id;
  });

  it('warns before saving a likely duplicate, saves anyway, then merges two of them side by side and undoes it', async () => {
    const { page, errors } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    const recordOf = (id: string) => callApi<Record<string, unknown>>(suite.api, 'GET', `/api/apps/${suite.appId}/objects/customer/records/${id}`);
    const visitCustomer = async () =>
      (await callApi<Record<string, unknown>>(suite.api, 'GET', `/api/apps/${suite.appId}/objects/visit/records/${ids.visit}`)).customer;
    try {
      await page.goto(`/apps/${suite.appId}/objects/customer`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('object-page-customer').waitFor();

      // A person types the company the way the fair's badge spelled it.
      await shell.openNewRecord();
      await page.locator('#record-form_name').click();
      await page.keyboard.type('星辰科技（北京）有限责任公司');
      await page.locator('#record-form_phone').click();
      await page.keyboard.type('138 0013 8000');
      await shell.save();
      const warning = page.getByTestId('duplicate-warning');
      await warning.waitFor({ timeout: UI_TIMEOUT });
      expect(await warning.getByTestId('duplicate-candidate').count()).toBe(2);
      expect(await warning.textContent()).toContain('北京星辰科技有限公司');
      expect(await warning.textContent()).toContain('100% alike');
      expect(await warning.textContent()).toContain('Like name, same phone');
      await page.getByTestId('duplicate-save-anyway').click();
      await shell.waitForDrawerClosed();
      await shell.row('星辰科技（北京）有限责任公司').waitFor({ timeout: UI_TIMEOUT });

      // The administrator's scan finds the three as one group and merges two of them.
      await page.getByTestId('duplicate-scan-button').click();
      await page.getByTestId('duplicate-scan-summary').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('duplicate-scan-summary').textContent()).toBe('1 group(s) of likely duplicates');
      await page.getByTestId('duplicate-merge').first().click();
      await page.getByTestId('merge-keep-0').waitFor({ timeout: UI_TIMEOUT });
      const keptName = await page.getByTestId('merge-modal').locator('.ant-table-row').first().locator('td').nth(1).textContent();
      await page.getByTestId('merge-pick-note-1').click();
      await page.getByRole('button', { name: 'Merge', exact: true }).click();
      await page.getByTestId('merge-done').waitFor({ timeout: UI_TIMEOUT });

      const remaining = (
        await callApi<{ items: { id: string; name: string; note: string | null }[] }>(
          suite.api,
          'GET',
          `/api/apps/${suite.appId}/objects/customer/records?limit=10`,
        )
      ).items;
      expect(remaining).toHaveLength(2);
      expect(remaining.map((r) => r.name)).toContain(keptName);
      const customerOfVisit = await visitCustomer();
      expect(remaining.map((r) => r.id)).toContain(customerOfVisit);

      await page.getByTestId('merge-undo').click();
      await page.getByTestId('merge-undone').waitFor({ timeout: UI_TIMEOUT });
      expect((await recordOf(ids.first!)).note).toBe('first');
      expect((await recordOf(ids.second!)).note).toBe('second');
      expect(await visitCustomer()).toBe(ids.second);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

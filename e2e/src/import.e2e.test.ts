import { flatOds, libreOfficeXlsx } from '@tessera/importer/testing';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord } from './api';
import { openPage } from './browser';
import { listPage } from './list-page';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const customersApp: AppDocument = {
  id: 'e2e_import',
  label: { en: 'E2E Import', 'zh-CN': '端到端导入' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer', 'zh-CN': '客户' },
      pluralLabel: { en: 'Customers', 'zh-CN': '客户' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '客户名称' }, required: true },
        { id: 'phone', type: 'phone', label: { en: 'Mobile', 'zh-CN': '手机' }, unique: true },
        {
          id: 'level',
          type: 'select',
          label: { en: 'Level', 'zh-CN': '等级' },
          options: [
            { value: 'a', label: { en: 'Class A', 'zh-CN': 'A 类' } },
            { value: 'b', label: { en: 'Class B', 'zh-CN': 'B 类' } },
          ],
        },
      ],
    },
  ],
  navigation: [{ id: 'customers', object: 'customer' }],
};

describe('importing a spreadsheet through the wizard', () => {
  const suite = useE2eSuite(customersApp, async ({ api, appId }) => {
    await createRecord(api, appId, 'customer', { name: 'Old name', phone: '13800000001', level: 'b' });
  });

  it('uploads an .xlsx written by LibreOffice, maps, checks, imports with dedup, then undoes it', async () => {
    const file = await libreOfficeXlsx(
      'customers',
      flatOds([
        {
          name: 'Customers',
          rows: [
            [{ merged: 'Customer list', span: 3 }],
            ['客户名称', '手机', '等级'],
            ['New name', 13800000001, 'Class A'],
            ['Second Co', 13800000002, 'B 类'],
            ['Bad phone Co', 12345, 'Class A'],
          ],
        },
      ]),
    );
    const { page, errors } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    const list = listPage(page);
    await page.goto(`/apps/${suite.appId}/objects/customer`);
    await shellPage(page).signIn(E2E_ADMIN);
    await list.total.filter({ hasText: '1 in total' }).waitFor({ timeout: UI_TIMEOUT });

    await page.getByTestId('import-button').click();
    await page.getByTestId('import-wizard').waitFor({ timeout: UI_TIMEOUT });
    await page.getByTestId('import-wizard').locator('input[type=file]').setInputFiles(file);
    // The header is found under the merged title; the columns are mapped from their zh-CN titles.
    await page.getByTestId('import-map-2').waitFor({ timeout: UI_TIMEOUT });
    expect(await page.locator('[data-testid=import-header-row] input, input[data-testid=import-header-row]').inputValue()).toBe('2');
    expect(await page.getByTestId('import-map-1').textContent()).toContain('Mobile');
    await list.pick(page.getByTestId('import-dedup-field'), 'Mobile');
    await page.getByTestId('import-dedup-mode').getByText('Update them').click();
    await page.getByTestId('import-check').click();

    const counts = page.getByTestId('import-dry-counts');
    await counts.waitFor({ timeout: UI_TIMEOUT });
    expect(await counts.textContent()).toBe('3 rows: 1 to create, 1 to update, 0 to skip, 1 with errors');
    expect(await page.getByTestId('import-issues').textContent()).toContain('Mobile');
    expect(await page.getByTestId('import-error-report').getAttribute('href')).toContain('errors.xlsx?lang=en');
    await page.screenshot({ path: `${ARTIFACTS}import-check.png` });

    await page.getByTestId('import-run').click();
    await page.getByTestId('import-result').filter({ hasText: 'Import finished' }).waitFor({ timeout: UI_TIMEOUT });
    expect(await page.getByTestId('import-result-counts').textContent()).toBe('1 created, 1 updated, 0 skipped, 1 refused');
    await list.total.filter({ hasText: '2 in total' }).waitFor({ timeout: UI_TIMEOUT });
    const names = await callApi<{ items: { name: string }[] }>(suite.api, 'GET', `/api/apps/${suite.appId}/objects/customer/records?sort=name`);
    expect(names.items.map((r) => r.name)).toEqual(['New name', 'Second Co']);

    await page.getByTestId('import-undo').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Undo this import' }).click();
    await page.getByTestId('import-undone').waitFor({ timeout: UI_TIMEOUT });
    await list.total.filter({ hasText: '1 in total' }).waitFor({ timeout: UI_TIMEOUT });
    const after = await callApi<{ items: { name: string }[] }>(suite.api, 'GET', `/api/apps/${suite.appId}/objects/customer/records`);
    expect(after.items.map((r) => r.name)).toEqual(['Old name']);
    // The only console error is the page's first request, made before signing in.
    expect(errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
  });
});

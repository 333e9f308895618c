import type { AppDocument } from '@tessera/schemas';
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord } from './api';
import { openPage } from './browser';
import { listPage } from './list-page';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const REP = { email: 'rep@e2e.test', name: '李娜', password: 'rep e2e password' };
const VIEWER = { email: 'viewer@e2e.test', name: 'Viewer', password: 'viewer e2e password' };
const ASSISTANT = { email: 'assistant@e2e.test', name: '赵敏', password: 'assistant e2e password' };
const DEALS = 90; // nearly two pages of 50: the second loads as the table is scrolled

/** Deals with a stage, an amount, a close date and files: enough field kinds for every part of the list view. */
const dealsApp: AppDocument = {
  id: 'e2e_list',
  label: { en: 'E2E List', 'zh-CN': '端到端列表' },
  objects: [
    {
      id: 'deal',
      label: { en: 'Deal', 'zh-CN': '商机' },
      pluralLabel: { en: 'Deals', 'zh-CN': '商机' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' }, required: true },
        {
          id: 'stage',
          type: 'select',
          label: { en: 'Stage', 'zh-CN': '阶段' },
          options: [
            { value: 'lead', label: { en: 'Lead', 'zh-CN': '线索' } },
            { value: 'proposal', label: { en: 'Proposal', 'zh-CN': '方案' } },
            { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' } },
          ],
        },
        { id: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' }, currency: 'CNY', scale: 2 },
        { id: 'close_date', type: 'date', label: { en: 'Close date', 'zh-CN': '预计成交' } },
        { id: 'contract', type: 'attachment', label: { en: 'Contract', 'zh-CN': '合同附件' } },
        { id: 'region', type: 'region', label: { en: 'Region', 'zh-CN': '地区' } },
      ],
    },
  ],
  roles: [
    { id: 'sales_rep', label: { en: 'Sales rep', 'zh-CN': '销售代表' }, permissions: [{ object: 'deal', actions: ['create', 'read', 'update'], rows: 'all' }] },
    { id: 'viewer', label: { en: 'Viewer', 'zh-CN': '只读' }, permissions: [{ object: 'deal', actions: ['read'], rows: 'all' }] },
    // Keeps the deals up to date but may not change what they are worth.
    {
      id: 'assistant',
      label: { en: 'Sales assistant', 'zh-CN': '销售助理' },
      permissions: [{ object: 'deal', actions: ['create', 'read', 'update'], rows: 'all', readOnlyFields: ['amount'] }],
    },
  ],
  navigation: [{ id: 'deals', object: 'deal' }],
};

const STAGES = ['lead', 'proposal', 'won'] as const;
/** 深圳市 南山区 and 广州市 天河区 (广东省), 杭州市 西湖区, 北京市 东城区, and none. */
const REGIONS = ['440305', '440106', '330106', '110101', null] as const;
const dealName = (i: number) => `Deal ${String(i).padStart(3, '0')}`;

describe('the object list view', () => {
  const ids: string[] = [];
  const suite = useE2eSuite(dealsApp, async ({ api, appId }) => {
    for (let i = 0; i < DEALS; i++) {
      const values = { name: dealName(i), stage: STAGES[i % 3], amount: `${i * 1000}.00`, close_date: `2026-0${1 + (i % 9)}-15`, region: REGIONS[i % 5] };
      ids.push((await createRecord(api, appId, 'deal', values)).id);
    }
    for (const [user, role] of [
      [REP, 'sales_rep'],
      [VIEWER, 'viewer'],
      [ASSISTANT, 'assistant'],
    ] as const) {
      const created = await callApi<{ id: string }>(api, 'POST', '/api/admin/users', user);
      await callApi(api, 'PUT', `/api/admin/users/${created.id}/roles`, { appId, roles: [role] });
    }
  });
  const deal = (i: number) =>
    callApi<{ name: string; stage: string; amount: string | null; deleted_at: string | null }>(
      suite.api,
      'GET',
      `/api/apps/${suite.appId}/objects/deal/records/${ids[i]}`,
    );
  const isGone = async (i: number) =>
    deal(i).then(
      () => false,
      (error: Error) => error.message.includes('404'),
    );

  it('filters down to one deal, saves the view, keeps it over a reload, hides a column, bulk-edits and bulk-deletes', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    const shell = shellPage(page);
    const list = listPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/deal`);
      await shell.signIn(E2E_ADMIN);
      await list.total.filter({ hasText: `${DEALS} in total` }).waitFor({ timeout: UI_TIMEOUT });
      // Attachments are a column by default (a count and the first file name).
      expect(await list.headers()).toEqual(expect.arrayContaining(['Name', 'Stage', 'Amount', 'Close date', 'Contract']));

      // Stage is any of Proposal, and the amount between 40,000 and 42,000: Deal 040 alone.
      await list.addFilter('Stage', null, (value) => list.pick(value.locator('.ant-select'), 'Proposal'));
      await page.getByTestId('filter-chip-stage').filter({ hasText: 'Stage is any of Proposal' }).waitFor({ timeout: UI_TIMEOUT });
      await list.addFilter('Amount', 'between', async (value) => {
        await value.locator('input').nth(0).fill('40000');
        await value.locator('input').nth(1).fill('42000');
      });
      await list.total.filter({ hasText: '1 in total' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await shell.rows().count()).toBe(1);
      await shell.row(dealName(40)).waitFor();
      // The quick search narrows the filtered list further instead of replacing its filters.
      await shell.search('Deal 04');
      await list.total.filter({ hasText: '1 in total' }).waitFor({ timeout: UI_TIMEOUT });
      await shell.search('');

      await list.saveViewAs('Proposals around 40k');
      await expect.poll(() => list.viewSelect.textContent(), { timeout: UI_TIMEOUT }).toContain('Proposals around 40k');
      expect(await page.getByTestId('list-view-modified').count()).toBe(0);

      // A reload comes back to the same view, its filters applied by the server.
      await page.reload();
      await list.total.filter({ hasText: '1 in total' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await list.viewSelect.textContent()).toContain('Proposals around 40k');
      expect(await page.getByTestId('filter-chip-amount').textContent()).toContain('40,000');

      // Hide a column and keep that in the view.
      await page.getByTestId('column-chooser-button').click();
      await page.getByTestId('column-option-close_date').locator('.ant-checkbox-input').uncheck();
      await expect.poll(() => list.headers(), { timeout: UI_TIMEOUT }).not.toContain('Close date');
      await page.getByTestId('list-view-save').click();
      await page.getByTestId('list-view-modified').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await page.reload();
      await list.total.filter({ hasText: '1 in total' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await list.headers()).not.toContain('Close date');
      await page.screenshot({ path: `${ARTIFACTS}list-view-filtered.png` });

      // Back to every deal: select the two newest and move them to Won.
      await list.pick(list.viewSelect, 'All records');
      await list.total.filter({ hasText: `${DEALS} in total` }).waitFor({ timeout: UI_TIMEOUT });
      await list.select(shell.row(dealName(DEALS - 1)));
      await list.select(shell.row(dealName(DEALS - 3)));
      expect(await page.getByTestId('bulk-count').textContent()).toBe('2 selected');
      await list.bulkEdit('Stage', 'Won');
      expect(await list.report()).toEqual({ done: '2 updated', skipped: null, reasons: null });
      expect((await deal(DEALS - 1)).stage).toBe('won');
      expect((await deal(DEALS - 3)).stage).toBe('won');
      expect(await shell.row(dealName(DEALS - 3)).textContent()).toContain('Won');

      // Delete two, one of which someone else already deleted: one done, one skipped and why.
      await callApi(suite.api, 'DELETE', `/api/apps/${suite.appId}/objects/deal/records/${ids[DEALS - 5]}`);
      await list.select(shell.row(dealName(DEALS - 4)));
      await list.select(shell.row(dealName(DEALS - 5)));
      await list.bulkDelete();
      expect(await list.report()).toEqual({ done: '1 deleted', skipped: '1 skipped', reasons: 'Already deleted, or no longer visible to you: 1' });
      expect(await isGone(DEALS - 4)).toBe(true);
      await shell.row(dealName(DEALS - 4)).waitFor({ state: 'detached', timeout: UI_TIMEOUT });

      // Scrolling the virtual table to its end loads the next page by itself.
      expect(await page.getByTestId('record-loaded').textContent()).toMatch(/^48 of 88 loaded$/);
      const body = page.getByTestId('record-table').locator('.ant-table-tbody-virtual');
      await body.hover();
      await expect
        .poll(
          async () => {
            await page.mouse.wheel(0, 4000);
            return page.getByTestId('record-loaded').textContent();
          },
          { timeout: UI_TIMEOUT },
        )
        .toMatch(/^All \d+ loaded$/);
      // The last page may arrive just after a wheel, with the view still at the old end: scroll on to the new one.
      await expect
        .poll(
          async () => {
            await page.mouse.wheel(0, 4000);
            return shell.row(dealName(0)).count();
          },
          { timeout: UI_TIMEOUT },
        )
        .toBe(1);
      // Virtual: however many rows are loaded, only those in view (and a few around) are in the page.
      expect(await shell.rows().count()).toBeLessThan(40);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('works in Chinese on a 375 px phone: filter, saved view (renamed, deleted), bulk edit and delete', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'zh-CN', width: 375, height: 780 });
    const shell = shellPage(page);
    const list = listPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/deal`);
      await shell.signIn(E2E_ADMIN);
      await list.total.filter({ hasText: '共' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('filter-add').textContent()).toContain('筛选');

      // 金额 不小于 88,000 (an open-ended range): the two largest deals left.
      await list.addFilter('金额', '介于', (value) => value.locator('input').nth(0).fill('88000'));
      const chip = page.getByTestId('filter-chip-amount');
      await chip.waitFor({ timeout: UI_TIMEOUT });
      expect(await chip.textContent()).toContain('金额 大于等于 88,000');
      await list.total.filter({ hasText: '共 2 条' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('list-view-modified').textContent()).toBe('有未保存的更改');

      await list.saveViewAs('大单');
      await page.reload();
      await list.total.filter({ hasText: '共 2 条' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await list.viewSelect.textContent()).toContain('大单');
      // Nothing of the list view sticks out of a phone's width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: `${ARTIFACTS}list-view-375-zh-cn.png`, fullPage: true });

      await list.select(shell.row(dealName(DEALS - 1)));
      await list.select(shell.row(dealName(DEALS - 2)));
      expect(await page.getByTestId('bulk-count').textContent()).toBe('已选择 2 条');
      await list.bulkEdit('阶段', '线索');
      expect((await list.report()).done).toBe('已修改 2 条');
      expect((await deal(DEALS - 2)).stage).toBe('lead');

      await list.select(shell.row(dealName(DEALS - 2)));
      expect(await page.getByTestId('bulk-delete').textContent()).toContain('批量删除');
      await list.bulkDelete();
      expect((await list.report()).done).toBe('已删除 1 条');
      await list.total.filter({ hasText: '共 1 条' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await isGone(DEALS - 2)).toBe(true);

      // Rename the view, then delete it: the list goes back to every record.
      await page.getByTestId('list-view-actions').click();
      await page.locator('.ant-dropdown-menu-item').filter({ hasText: '重命名视图' }).click();
      await page.getByTestId('view-name-input').fill('大额商机');
      await page.getByTestId('view-name-ok').click();
      await expect.poll(() => list.viewSelect.textContent(), { timeout: UI_TIMEOUT }).toContain('大额商机');
      await page.getByTestId('list-view-actions').click();
      await page.locator('.ant-dropdown-menu-item').filter({ hasText: '删除视图' }).click();
      await page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
      await expect.poll(() => list.viewSelect.textContent(), { timeout: UI_TIMEOUT }).toContain('全部记录');
      expect((await callApi<{ name: string }[]>(suite.api, 'GET', `/api/apps/${suite.appId}/objects/deal/views`)).map((v) => v.name)).toEqual([
        'Proposals around 40k',
      ]);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('filters by region: a province takes in its cities and districts, a city its districts', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    const shell = shellPage(page);
    const list = listPage(page);
    // The oracle reads the stored codes, without the operator under test.
    const live = await callApi<{ items: { region: string | null }[] }>(suite.api, 'GET', `/api/apps/${suite.appId}/objects/deal/records?limit=500`);
    const inside = (prefix: string) => live.items.filter((d) => d.region?.startsWith(prefix)).length;
    expect(inside('44')).toBeGreaterThan(inside('4403'));
    const cascader = page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden)');
    const pickRegion = async (value: Locator, names: string[]) => {
      await value.locator('.ant-select').click();
      for (const name of names) await cascader.locator('.ant-cascader-menu-item').filter({ hasText: name }).first().click({ timeout: UI_TIMEOUT });
    };
    try {
      await page.goto(`/apps/${suite.appId}/objects/deal`);
      await shell.signIn(E2E_ADMIN);
      await list.total.filter({ hasText: 'in total' }).waitFor({ timeout: UI_TIMEOUT });

      // Within 广东省: deals in Shenzhen and Guangzhou districts, none elsewhere.
      await list.addFilter('Region', null, (value) => pickRegion(value, ['广东省']));
      const chip = page.getByTestId('filter-chip-region');
      await chip.filter({ hasText: 'Region within 广东省' }).waitFor({ timeout: UI_TIMEOUT });
      await list.total.filter({ hasText: `${inside('44')} in total` }).waitFor({ timeout: UI_TIMEOUT });
      const shown = await shell.rows().allTextContents();
      expect(shown.length).toBeGreaterThan(0);
      expect(shown.filter((row) => !row.includes('广东省'))).toEqual([]);
      expect(shown.some((row) => row.includes('深圳市')) && shown.some((row) => row.includes('广州市'))).toBe(true);

      // Down to a city: within 广东省 / 深圳市.
      await page.getByLabel('Remove the filter on Region').click();
      await list.total.filter({ hasText: `${live.items.length} in total` }).waitFor({ timeout: UI_TIMEOUT });
      await list.addFilter('Region', null, (value) => pickRegion(value, ['广东省', '深圳市']));
      await chip.filter({ hasText: 'Region within 广东省 / 深圳市' }).waitFor({ timeout: UI_TIMEOUT });
      await list.total.filter({ hasText: `${inside('4403')} in total` }).waitFor({ timeout: UI_TIMEOUT });
      expect((await shell.rows().allTextContents()).filter((row) => !row.includes('深圳市 南山区'))).toEqual([]);
      await page.screenshot({ path: `${ARTIFACTS}list-view-region-filter.png` });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('offers a sales rep bulk edit but not bulk delete, and a viewer neither selection nor "New"', async () => {
    for (const [user, expected] of [
      [REP, { edit: 1, delete: 0, create: 1 }],
      [VIEWER, { edit: 0, delete: 0, create: 0 }],
    ] as const) {
      const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
      const shell = shellPage(page);
      const list = listPage(page);
      try {
        await page.goto(`/apps/${suite.appId}/objects/deal`);
        await shell.signIn(user);
        await shell.rows().first().waitFor({ timeout: UI_TIMEOUT });
        expect(await shell.newButton.count(), user.email).toBe(expected.create);
        const checkboxes = await shell.rows().first().locator('.ant-checkbox-input').count();
        if (expected.edit === 0) {
          expect(checkboxes, user.email).toBe(0);
          continue;
        }
        await list.select(shell.rows().first());
        await page.getByTestId('bulk-bar').waitFor({ timeout: UI_TIMEOUT });
        expect(await page.getByTestId('bulk-edit').count()).toBe(expected.edit);
        expect(await page.getByTestId('bulk-delete').count()).toBe(expected.delete);
        expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
      } finally {
        await context.close();
      }
    }
  }, 90_000);

  it('shows a field read-only for the role locked in the drawer, with its value, and saves the rest', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/deal`);
      await shell.signIn(ASSISTANT);
      await shell.search(dealName(12));
      await shell.row(dealName(12)).click();
      const amount = page.locator('#record-form_amount');
      await page.locator('#record-form_name').waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(() => page.locator('#record-form_name').inputValue(), { timeout: UI_TIMEOUT }).toBe(dealName(12));
      expect(await amount.isDisabled()).toBe(true);
      expect(await amount.inputValue()).toMatch(/^12,?000(\.00)?$/);
      await page.screenshot({ path: `${ARTIFACTS}list-view-read-only-field.png` });

      // The save sends what the assistant changed and nothing of the amount, and the server takes it.
      await shell.fill('name', `${dealName(12)} (checked)`);
      const patched = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/records/${ids[12]}`));
      await shell.save();
      const response = await patched;
      expect(response.status()).toBe(200);
      expect(Object.keys((response.request().postDataJSON() as { values: object }).values)).toEqual(['name']);
      await shell.waitForDrawerClosed();
      expect(await deal(12)).toMatchObject({ name: `${dealName(12)} (checked)`, amount: '12000.00' });

      // A new deal: the amount is locked there too, and the create goes through.
      await shell.openNewRecord();
      expect(await page.locator('#record-form_amount').isDisabled()).toBe(true);
      await shell.fill('name', 'Deal from the assistant');
      const created = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/objects/deal/records'));
      await shell.save();
      expect((await created).status()).toBe(201);
      await shell.waitForDrawerClosed();
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

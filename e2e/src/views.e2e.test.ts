import type { AppDocument } from '@tessera/schemas';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord } from './api';
import { openPage } from './browser';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const VIEWER = { email: 'viewer@e2e.test', name: '王芳', password: 'viewer e2e password' };

/** A pipeline: opportunities with a required stage, an amount, a customer and a close date. */
const pipelineApp: AppDocument = {
  id: 'e2e_pipeline',
  label: { en: 'E2E Pipeline', 'zh-CN': '端到端商机' },
  objects: [
    {
      id: 'opportunity',
      label: { en: 'Opportunity', 'zh-CN': '商机' },
      pluralLabel: { en: 'Opportunities', 'zh-CN': '商机' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' }, required: true },
        {
          id: 'stage',
          type: 'select',
          label: { en: 'Stage', 'zh-CN': '阶段' },
          required: true,
          options: [
            { value: 'lead', label: { en: 'Lead', 'zh-CN': '线索' }, color: '#1677ff' },
            { value: 'proposal', label: { en: 'Proposal', 'zh-CN': '方案' }, color: '#fa8c16' },
            { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' }, color: '#52c41a' },
          ],
        },
        { id: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' }, currency: 'CNY', scale: 2 },
        { id: 'customer', type: 'relation', target: 'customer', label: { en: 'Customer', 'zh-CN': '客户' } },
        { id: 'close_date', type: 'date', label: { en: 'Close date', 'zh-CN': '预计成交' } },
      ],
    },
    {
      id: 'customer',
      label: { en: 'Customer', 'zh-CN': '客户' },
      displayField: 'name',
      fields: [{ id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' } }],
    },
  ],
  // Viewers read the pipeline but may not change it: their moves are refused (403).
  roles: [
    {
      id: 'viewer',
      label: { en: 'Viewer', 'zh-CN': '只读' },
      permissions: [
        { object: 'opportunity', actions: ['read'], rows: 'all' },
        { object: 'customer', actions: ['read'], rows: 'all' },
      ],
    },
  ],
  navigation: [
    { id: 'opportunities', object: 'opportunity' },
    { id: 'customers', object: 'customer' },
  ],
};

/** The 15th of the current month in the browser's (and this machine's) time zone: the calendar opens on it. */
function dayThisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-15`;
}

interface Opportunity {
  id: string;
  version: number;
  stage: string | null;
}

describe('kanban and calendar views', () => {
  const ids: Record<string, string> = {};
  const closeDate = dayThisMonth();

  const opportunity = (id: string) => callApi<Opportunity>(suite.api, 'GET', `/api/apps/${suite.appId}/objects/opportunity/records/${id}`);
  const card = (page: Page, name: string) => page.getByTestId(`kanban-card-${ids[name]}`);
  const column = (page: Page, key: string) => page.getByTestId(`kanban-column-${key}`);

  const suite = useE2eSuite(pipelineApp, async ({ api, appId }) => {
    const acme = await createRecord(api, appId, 'customer', { name: 'Acme Ltd' });
    const rows: [string, string, string][] = [
      ['Acme renewal', 'lead', '120000.00'],
      ['Initech rollout', 'lead', '56000.50'],
      ['Globex pilot', 'proposal', '9800.00'],
    ];
    for (const [name, stage, amount] of rows) {
      ids[name] = (await createRecord(api, appId, 'opportunity', { name, stage, amount, customer: acme.id, close_date: closeDate })).id;
    }
    const viewer = await callApi<{ id: string }>(api, 'POST', '/api/admin/users', VIEWER);
    await callApi(api, 'PUT', `/api/admin/users/${viewer.id}/roles`, { appId, roles: ['viewer'] });
  });

  it('moves a card by drag and drop, keeps it after a reload, and rolls back what the server refuses', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/opportunity`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('view-switcher').getByText('Kanban').click();
      await card(page, 'Acme renewal').waitFor({ timeout: UI_TIMEOUT });
      expect(await column(page, 'lead').getByTestId('kanban-count-lead').textContent()).toBe('2');
      expect(await card(page, 'Acme renewal').textContent()).toContain('Acme Ltd'); // relation _display

      // A drag persists: the server has the new stage, and a reload shows the board (remembered) with it.
      await card(page, 'Acme renewal').dragTo(column(page, 'won'));
      await column(page, 'won').getByTestId(`kanban-card-${ids['Acme renewal']}`).waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(async () => (await opportunity(ids['Acme renewal'] ?? '')).stage, { timeout: UI_TIMEOUT }).toBe('won');
      await page.reload();
      await column(page, 'won').getByTestId(`kanban-card-${ids['Acme renewal']}`).waitFor({ timeout: UI_TIMEOUT });
      expect(await column(page, 'lead').getByTestId('kanban-count-lead').textContent()).toBe('1');
      await page.screenshot({ path: `${ARTIFACTS}kanban.png`, fullPage: true });

      // The stage is required: a drop on "(empty)" is refused with the server's field message and the card goes back.
      await card(page, 'Initech rollout').dragTo(column(page, 'empty'));
      await page.locator('.ant-message-notice').filter({ hasText: '"Stage" is required' }).waitFor({ timeout: UI_TIMEOUT });
      await column(page, 'lead').getByTestId(`kanban-card-${ids['Initech rollout']}`).waitFor({ timeout: UI_TIMEOUT });
      expect(await column(page, 'empty').getByTestId(`kanban-card-${ids['Initech rollout']}`).count()).toBe(0);
      expect((await opportunity(ids['Initech rollout'] ?? '')).stage).toBe('lead');

      // Someone else saved first: the move is refused (409), the card goes back and is reloaded, so a second try works.
      const globex = await opportunity(ids['Globex pilot'] ?? '');
      await callApi(suite.api, 'PATCH', `/api/apps/${suite.appId}/objects/opportunity/records/${globex.id}`, {
        version: globex.version,
        values: { amount: '9900.00' },
      });
      await card(page, 'Globex pilot').dragTo(column(page, 'won'));
      await page.locator('.ant-message-notice').filter({ hasText: 'Someone else changed this record' }).waitFor({ timeout: UI_TIMEOUT });
      await column(page, 'proposal').getByText('9,900.00').waitFor({ timeout: UI_TIMEOUT });
      await card(page, 'Globex pilot').dragTo(column(page, 'won'));
      await expect.poll(async () => (await opportunity(globex.id)).stage, { timeout: UI_TIMEOUT }).toBe('won');

      // A click opens the record drawer.
      await card(page, 'Globex pilot').click();
      await page.locator('#record-form_name').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('#record-form_name').inputValue()).toBe('Globex pilot');
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('rolls back a move the user has no permission for, saying so in their language', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'zh-CN' });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/opportunity`);
      await shell.signIn(VIEWER);
      await page.getByTestId('view-switcher').getByText('看板').click();
      await card(page, 'Initech rollout').waitFor({ timeout: UI_TIMEOUT });
      await card(page, 'Initech rollout').dragTo(column(page, 'proposal'));
      await page.locator('.ant-message-notice').filter({ hasText: '没有权限' }).waitFor({ timeout: UI_TIMEOUT });
      await column(page, 'lead').getByTestId(`kanban-card-${ids['Initech rollout']}`).waitFor({ timeout: UI_TIMEOUT });
      expect((await opportunity(ids['Initech rollout'] ?? '')).stage).toBe('lead');
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('shows records on their day in the calendar, and on a phone as a list of days in Chinese', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'zh-CN' });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/opportunity`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('view-switcher').getByText('日历').click();
      const day = page.getByTestId(`calendar-day-${closeDate}`);
      await day.getByText('Initech rollout').waitFor({ timeout: UI_TIMEOUT });
      expect(await day.textContent()).toContain('Acme renewal');
      await page.screenshot({ path: `${ARTIFACTS}calendar-zh-cn.png` });
      await day.getByText('Initech rollout').click();
      await page.locator('#record-form_name').waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press('Escape');
      await shell.waitForDrawerClosed();

      await page.setViewportSize({ width: 375, height: 760 });
      await page.getByTestId('calendar-list').getByText('Globex pilot').waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: `${ARTIFACTS}calendar-375-zh-cn.png` });
      await page.getByTestId('view-switcher').getByText('看板').click();
      await card(page, 'Acme renewal').waitFor({ timeout: UI_TIMEOUT });
      // Columns keep their width on a phone: the board scrolls sideways.
      const board = page.getByTestId('kanban-board');
      expect(await board.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
      expect(await column(page, 'empty').textContent()).toContain('（空）');
      await page.screenshot({ path: `${ARTIFACTS}kanban-375-zh-cn.png` });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

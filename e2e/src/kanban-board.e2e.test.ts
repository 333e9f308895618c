import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord } from './api';
import { openPage } from './browser';
import { listPage } from './list-page';
import { pointerDrag } from './pointer-drag';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

/** A pipeline whose first view orders deals by close date, as the demo CRM's does. */
const pipelineApp: AppDocument = {
  id: 'e2e_board',
  label: { en: 'E2E Board', 'zh-CN': '端到端看板' },
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
            { value: 'lead', label: { en: 'Lead', 'zh-CN': '线索' }, color: '#1677ff' },
            { value: 'won', label: { en: 'Won', 'zh-CN': '赢单' }, color: '#52c41a' },
          ],
        },
        { id: 'amount', type: 'currency', label: { en: 'Amount', 'zh-CN': '金额' }, currency: 'CNY', scale: 2 },
        { id: 'close_date', type: 'date', label: { en: 'Close date', 'zh-CN': '预计成交' } },
      ],
      views: [{ id: 'all', label: { en: 'All deals' }, columns: ['name', 'stage', 'amount', 'close_date'], sort: [{ field: 'close_date', direction: 'asc' }] }],
    },
  ],
  navigation: [{ id: 'deals', object: 'deal' }],
};

interface Deal {
  stage: string | null;
}

/** Spaces as a person reads them: Intl puts a no-break space between the currency code and the amount. */
const plain = (text: string | null) => (text ?? '').replace(/\s/g, ' ');

describe('the kanban board', () => {
  let newcomer = '';
  const suite = useE2eSuite(pipelineApp, async ({ api, appId }) => {
    for (let i = 1; i <= 35; i += 1) {
      const day = new Date(Date.UTC(2026, 0, i)).toISOString().slice(0, 10);
      await createRecord(api, appId, 'deal', { name: `Lead deal ${String(i).padStart(2, '0')}`, stage: 'lead', amount: `${1000 * i}.50`, close_date: day });
    }
    await createRecord(api, appId, 'deal', { name: 'Won deal', stage: 'won', amount: '9800.00', close_date: '2026-02-01' });
    // The deal of the issue: new, no close date yet, so last in close-date order.
    newcomer = (await createRecord(api, appId, 'deal', { name: 'Zeta newcomer', stage: 'lead', amount: '250000.00' })).id;
  });

  const column = (page: Page, key: string) => page.getByTestId(`kanban-column-${key}`);
  const cards = (page: Page, key: string) => column(page, key).locator('[data-testid^="kanban-card-"]');
  const total = async (page: Page, key: string) => plain(await page.getByTestId(`kanban-total-${key}`).textContent());
  const count = (page: Page, key: string) => page.getByTestId(`kanban-count-${key}`).textContent();

  it('searches, filters and orders the board, totals each column from the server, and takes a drop anywhere in a column', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en', width: 1366, height: 800 });
    const shell = shellPage(page);
    const list = listPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/deal`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('view-switcher').getByText('Kanban').click();
      await cards(page, 'lead').first().waitFor({ timeout: UI_TIMEOUT });

      // The order shows, and each column's count and total are the server's over all its deals, not the 30 loaded.
      expect(await page.getByTestId('kanban-order').textContent()).toContain('Close date ↑');
      await expect.poll(() => total(page, 'lead'), { timeout: UI_TIMEOUT }).toBe('CNY 880,017.50');
      expect(await total(page, 'won')).toBe('CNY 9,800.00');
      expect(await count(page, 'lead')).toBe('36');
      await page.screenshot({ path: join(ARTIFACTS, 'kanban-1366.png') });

      // The list's search box, on the board.
      await page.getByTestId('record-search').locator('input').pressSequentially('Zeta');
      await expect.poll(() => count(page, 'lead'), { timeout: UI_TIMEOUT }).toBe('1');
      expect(await cards(page, 'lead').allTextContents()).toEqual([expect.stringContaining('Zeta newcomer')]);
      expect(await total(page, 'lead')).toBe('CNY 250,000.00');
      await page.getByTestId('record-search').locator('input').press('Control+a');
      await page.getByTestId('record-search').locator('input').press('Backspace');
      await expect.poll(() => count(page, 'lead'), { timeout: UI_TIMEOUT }).toBe('36');

      // The list's filter bar, on the board, and in the address: a reload keeps it.
      await list.addFilter('Amount', 'greater than', (value) => value.locator('input').pressSequentially('30000'));
      await expect.poll(() => count(page, 'lead'), { timeout: UI_TIMEOUT }).toBe('7');
      expect(await count(page, 'won')).toBe('0');
      expect(page.url()).toContain('?f=1.');
      await page.reload();
      await expect.poll(() => count(page, 'lead'), { timeout: UI_TIMEOUT }).toBe('7');
      expect(await total(page, 'lead')).toBe('CNY 445,003.00');
      await page.getByTestId('filter-clear').click();
      await expect.poll(() => count(page, 'lead'), { timeout: UI_TIMEOUT }).toBe('36');

      // The order is the user's to choose: newest first puts the new deal on top.
      await list.pick(page.getByTestId('kanban-order'), 'Created at ↓');
      await expect.poll(async () => (await cards(page, 'lead').first().textContent()) ?? '', { timeout: UI_TIMEOUT }).toContain('Zeta newcomer');
      expect(await page.getByTestId('list-view-modified').count()).toBe(1);
      await list.pick(page.getByTestId('kanban-order'), 'Close date ↑');
      await expect.poll(async () => (await cards(page, 'lead').first().textContent()) ?? '', { timeout: UI_TIMEOUT }).toContain('Lead deal 01');
      // Back on the view's own order, the view has nothing to save.
      expect(await page.getByTestId('list-view-modified').count()).toBe(0);

      // Deep in the long column, the short one beside it is as tall and takes the drop at that height.
      await page.getByTestId('kanban-load-more-lead').click();
      const zeta = page.getByTestId(`kanban-card-${newcomer}`);
      await zeta.waitFor({ timeout: UI_TIMEOUT });
      await zeta.scrollIntoViewIfNeeded();
      const leadBox = await column(page, 'lead').boundingBox();
      const wonBox = await column(page, 'won').boundingBox();
      expect(Math.abs((wonBox?.height ?? 0) - (leadBox?.height ?? -1))).toBeLessThan(2);
      const from = await zeta.boundingBox();
      const wonCardsBottom = await cards(page, 'won').last().boundingBox();
      expect((from?.y ?? 0) > (wonCardsBottom?.y ?? 0) + (wonCardsBottom?.height ?? 0) + 40).toBe(true);
      await pointerDrag(page, zeta, {
        target: () => column(page, 'won'),
        dragging: () => page.locator('[data-dragging]'),
        over: () => page.locator('[data-testid="kanban-column-won"][data-drop-over]'),
        at: (box) => ({ x: box.x + box.width / 2, y: (from?.y ?? 0) + (from?.height ?? 0) / 2 }),
      });
      await column(page, 'won').getByTestId(`kanban-card-${newcomer}`).waitFor({ timeout: UI_TIMEOUT });
      await expect
        .poll(async () => (await callApi<Deal>(suite.api, 'GET', `/api/apps/${suite.appId}/objects/deal/records/${newcomer}`)).stage, { timeout: UI_TIMEOUT })
        .toBe('won');
      await expect.poll(() => total(page, 'won'), { timeout: UI_TIMEOUT }).toBe('CNY 259,800.00');
      expect(await total(page, 'lead')).toBe('CNY 630,017.50');

      await page.setViewportSize({ width: 375, height: 760 });
      await column(page, 'lead').waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(ARTIFACTS, 'kanban-375.png') });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('keeps the card order the user chose in the saved view: leaving the board and a reload show it again', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en', width: 1366, height: 800 });
    const list = listPage(page);
    const order = page.getByTestId('kanban-order');
    const firstLead = async () => (await cards(page, 'lead').first().textContent()) ?? '';
    const openBoard = async () => {
      await page.goto(`/apps/${suite.appId}/objects/deal`);
      await page.getByTestId('view-switcher').getByText('Kanban').click();
      await cards(page, 'lead').first().waitFor({ timeout: UI_TIMEOUT });
    };
    try {
      await page.goto(`/apps/${suite.appId}/objects/deal`);
      await shellPage(page).signIn(E2E_ADMIN);
      await openBoard();
      expect(await order.textContent()).toContain('Close date ↑');

      // The biggest deal first, saved as a view of one's own.
      await list.pick(order, 'Amount ↓');
      await expect.poll(firstLead, { timeout: UI_TIMEOUT }).toContain('Lead deal 35');
      await list.saveViewAs('By amount');

      // Away to the app's home and back: the board opens on the saved view, in its order.
      await page.goto(`/apps/${suite.appId}`);
      await openBoard();
      await expect.poll(() => order.textContent(), { timeout: UI_TIMEOUT }).toContain('Amount ↓');
      await expect.poll(firstLead, { timeout: UI_TIMEOUT }).toContain('Lead deal 35');

      await page.reload();
      await cards(page, 'lead').first().waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(() => order.textContent(), { timeout: UI_TIMEOUT }).toContain('Amount ↓');
      await expect.poll(firstLead, { timeout: UI_TIMEOUT }).toContain('Lead deal 35');
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

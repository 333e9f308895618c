import { loadTemplate } from '@tessera/templates';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord } from './api';
import { animationsDone, openPage } from './browser';
import { listPage } from './list-page';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const crm = loadTemplate('crm')!.document;
const CUSTOMER = 'Yunqi Water Services Co., Ltd.';
/** The demo's longest industry label: "N Water conservancy, environment and public facilities management". */
const LONG_INDUSTRY = 'N Water conservancy, environment and public facilities management';

/** A body cell of the list by its column's header text (virtual rows are divs, in header order). */
async function cellOf(page: Page, row: Locator, header: string): Promise<Locator> {
  await row.waitFor({ timeout: UI_TIMEOUT });
  const headers = await page.getByTestId('record-table').locator('.ant-table-thead th').allTextContents();
  const index = headers.findIndex((h) => h.trim() === header);
  if (index < 0) throw new Error(`no column ${header} among ${headers.join(' | ')}`);
  return row.locator('.ant-table-cell').nth(index);
}

function headerOf(page: Page, header: string): Locator {
  return page.getByTestId('record-table').locator('.ant-table-thead th').filter({ hasText: header });
}

async function widthOf(locator: Locator): Promise<number> {
  return (await locator.boundingBox())?.width ?? 0;
}

/**
 * Issue 18, the lists of the demo CRM: totals shown as raw decimals, long industry tags spilling
 * over the next columns, columns that could not be widened, saved views that forgot the search.
 */
describe('the demo CRM lists', () => {
  const quotes: { number: string; total: string }[] = [];
  const suite = useE2eSuite(crm, async ({ api, appId }) => {
    const customer = await createRecord(api, appId, 'customer', {
      name: CUSTOMER,
      tier: 'A',
      status: 'active',
      industry: 'N',
      region: '110105',
      phone: '010-65001234',
    });
    await createRecord(api, appId, 'customer', { name: 'Another customer', tier: 'B', status: 'active', industry: 'C' });
    const deal = await createRecord(api, appId, 'opportunity', { name: 'Water data platform', customer: customer.id, stage: 'proposal', amount: '320000.00' });
    const lines = [
      // Ten licences, five service days and one maintenance year: 28,000 + 3,002.25 + 500.
      [
        { product: 'Licence', quantity: '10', unit_price: '2800.00' },
        { product: 'Service day', quantity: '5', unit_price: '600.45' },
        { product: 'Maintenance year', quantity: '1', unit_price: '500.00' },
      ],
      [{ product: 'Platform', quantity: '1', unit_price: '282197.50' }],
    ];
    for (const rows of lines) {
      const quote = await callApi<{ number: string; total: string }>(api, 'POST', `/api/apps/${appId}/objects/quote/records`, {
        values: { opportunity: deal.id, lines: rows },
      });
      quotes.push(quote);
    }
  });

  it('shows quote totals in the field’s own format, as the form does', async () => {
    expect(quotes.map((q) => q.total)).toEqual(['31502.25', '282197.5']);
    const { page, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en', width: 1366 });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/quote`);
      await shell.signIn(E2E_ADMIN);
      const [small, large] = quotes;
      const smallTotal = await cellOf(page, shell.row(small!.number), 'Total');
      await smallTotal.filter({ hasText: 'CNY 31,502.25' }).waitFor({ timeout: UI_TIMEOUT });
      // Intl puts a no-break space between the code and the amount.
      expect((await (await cellOf(page, shell.row(large!.number), 'Total')).textContent())?.replace(/\s/g, ' ').trim()).toBe('CNY 282,197.50');
      await page.screenshot({ path: `${ARTIFACTS}list-quotes-1366.png` });

      // The record's page and the form say the same.
      await shell.row(small!.number).click();
      await page.getByTestId('computed-total').filter({ hasText: 'CNY 31,502.25' }).waitFor({ timeout: UI_TIMEOUT });
    } finally {
      await context.close();
    }
  });

  it('opens a quote in a drawer wide enough for its lines, with a total under Line amount only', async () => {
    const { page, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en', width: 1366, height: 860 });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/quote`);
      await shell.signIn(E2E_ADMIN);
      await shell.row(quotes[0]!.number).click();
      const lines = page.getByTestId('child-table-lines');
      await lines.getByTestId('child-table-row').nth(2).waitFor({ timeout: UI_TIMEOUT });
      await animationsDone(page, UI_TIMEOUT);

      // Line amount and each line's buttons are inside the drawer, not scrolled off to its right.
      const drawer = (await shell.drawer.boundingBox())!;
      const remove = (await lines.getByTestId('child-table-remove').first().boundingBox())!;
      expect(remove.x + remove.width).toBeLessThanOrEqual(drawer.x + drawer.width);
      const amountHeader = (await lines.getByRole('columnheader', { name: 'Line amount' }).boundingBox())!;
      expect(amountHeader.x + amountHeader.width).toBeLessThanOrEqual(drawer.x + drawer.width);

      // The admin asked for the amount's total; ten licences, five days and a year add up to nothing.
      const totals = lines.getByTestId('child-table-totals');
      expect((await totals.locator('[data-field="line_amount"]').textContent())?.replace(/\s/g, ' ')).toContain('31,502.25');
      expect((await totals.locator('[data-field="quantity"]').textContent())?.trim()).toBe('');
      await page.screenshot({ path: `${ARTIFACTS}quote-drawer-1366.png` });

      await page.setViewportSize({ width: 375, height: 740 });
      await animationsDone(page, UI_TIMEOUT);
      await page.screenshot({ path: `${ARTIFACTS}quote-drawer-375.png` });
    } finally {
      await context.close();
    }
  });

  it('cuts a long industry tag at its column with an ellipsis and shows it whole in a tooltip', async () => {
    const { page, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en', width: 1366 });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/customer`);
      await shell.signIn(E2E_ADMIN);
      const row = shell.row(CUSTOMER);
      await row.waitFor({ timeout: UI_TIMEOUT });
      const industry = await cellOf(page, row, 'Industry');
      // The tag ends inside its own column, cut with an ellipsis, instead of running under the region and phone.
      const tag = industry.locator('.ant-tag');
      const [tagBox, cellBox] = [(await tag.boundingBox())!, (await industry.boundingBox())!];
      expect(tagBox.x + tagBox.width).toBeLessThanOrEqual(cellBox.x + cellBox.width);
      expect(await tag.evaluate((el) => [getComputedStyle(el).textOverflow, el.scrollWidth > el.clientWidth])).toEqual(['ellipsis', true]);
      await page.screenshot({ path: `${ARTIFACTS}list-customers-1366.png` });

      await industry.locator('.ant-tag').hover();
      await page.locator('.ant-tooltip').filter({ hasText: LONG_INDUSTRY }).waitFor({ timeout: UI_TIMEOUT });

      await page.setViewportSize({ width: 375, height: 740 });
      await row.waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: `${ARTIFACTS}list-customers-375.png` });
    } finally {
      await context.close();
    }
  });

  it('widens a column by dragging its edge and keeps the width and the search in a saved view', async () => {
    const { page, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en', width: 1366 });
    const shell = shellPage(page);
    const list = listPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/customer`);
      await shell.signIn(E2E_ADMIN);
      await list.total.filter({ hasText: '2 in total' }).waitFor({ timeout: UI_TIMEOUT });
      const header = headerOf(page, 'Industry');
      const before = await widthOf(header);

      // A real drag of the column's right edge, 200 px to the right.
      const handle = header.getByTestId('column-resize');
      const edge = (await handle.boundingBox())!;
      await page.mouse.move(edge.x + edge.width / 2, edge.y + edge.height / 2);
      await page.mouse.down();
      await page.mouse.move(edge.x + edge.width / 2 + 200, edge.y + edge.height / 2, { steps: 10 });
      await page.mouse.up();
      await expect.poll(() => widthOf(header), { timeout: UI_TIMEOUT }).toBeGreaterThan(before + 190);
      const widened = await widthOf(header);
      // The drag did not sort by the column.
      expect(await header.getAttribute('aria-sort')).toBeNull();

      // The search is part of the view too.
      await shell.search('Yunqi');
      await list.total.filter({ hasText: '1 in total' }).waitFor({ timeout: UI_TIMEOUT });
      await list.saveViewAs('Yunqi, wide industry');

      // Another view has neither; opening the saved one again brings both back.
      await list.pick(list.viewSelect, 'Key accounts');
      await expect.poll(() => page.getByTestId('record-search').locator('input').inputValue(), { timeout: UI_TIMEOUT }).toBe('');
      await list.pick(list.viewSelect, 'Yunqi, wide industry');
      await expect.poll(() => page.getByTestId('record-search').locator('input').inputValue(), { timeout: UI_TIMEOUT }).toBe('Yunqi');
      await list.total.filter({ hasText: '1 in total' }).waitFor({ timeout: UI_TIMEOUT });
      expect(Math.abs((await widthOf(headerOf(page, 'Industry'))) - widened)).toBeLessThan(2);

      // And after a reload, from the server.
      await page.reload();
      await list.total.filter({ hasText: '1 in total' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('record-search').locator('input').inputValue()).toBe('Yunqi');
      expect(Math.abs((await widthOf(headerOf(page, 'Industry'))) - widened)).toBeLessThan(2);
      await shell.row(CUSTOMER).waitFor({ timeout: UI_TIMEOUT });
    } finally {
      await context.close();
    }
  });
});

import type { AppDocument } from '@tessera/schemas';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord } from './api';
import { animationsDone, openPage } from './browser';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** A quote with line items; a line's amount is a formula the browser computes live and the server stores. */
const quotesApp: AppDocument = {
  id: 'quotes',
  label: label('Quotes', '报价'),
  objects: [
    {
      id: 'quote',
      label: label('Quote', '报价单'),
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: label('Name', '名称'), required: true },
        { id: 'lines', type: 'child_table', label: label('Lines', '明细'), target: 'quote_line' },
        { id: 'account', type: 'relation', label: label('Account', '客户'), target: 'account' },
      ],
    },
    {
      id: 'quote_line',
      label: label('Quote line', '报价明细'),
      parent: 'quote',
      displayField: 'product',
      fields: [
        { id: 'product', type: 'text', label: label('Product', '产品'), required: true },
        // Totals are the admin's choice (issue 18): this app asks for the quantity's and the amount's.
        { id: 'qty', type: 'number', label: label('Quantity', '数量'), scale: 2, minimum: 0, showTotal: true },
        { id: 'price', type: 'currency', label: label('Unit price', '单价'), currency: 'CNY', scale: 2 },
        { id: 'amount', type: 'formula', label: label('Amount', '金额'), formula: 'qty * price', resultType: 'currency', showTotal: true },
        { id: 'supplier', type: 'relation', label: label('Supplier', '供应商'), target: 'supplier' },
      ],
    },
    {
      id: 'account',
      label: label('Account', '客户'),
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: label('Name', '名称'), required: true },
        { id: 'quotes', type: 'related_list', label: label('Quotes', '报价单'), target: 'quote', via: 'account' },
      ],
    },
    {
      id: 'supplier',
      label: label('Supplier', '供应商'),
      displayField: 'name',
      fields: [{ id: 'name', type: 'text', label: label('Name', '名称'), required: true }],
    },
  ],
};

function grid(page: Page) {
  const table = page.getByTestId('child-table-lines');
  const rows = table.getByTestId('child-table-row');
  const row = (index: number) => table.locator(`[data-testid="child-table-row"][data-index="${index}"]`);
  const cell = (index: number, field: string): Locator => row(index).locator(`[data-field="${field}"]`);
  return {
    table,
    rows,
    row,
    cell,
    input: (index: number, field: string) => cell(index, field).locator('input'),
    total: (field: string) => table.getByTestId('child-table-totals').locator(`[data-field="${field}"]`),
    async products(): Promise<string[]> {
      const count = await rows.count();
      const values: string[] = [];
      for (let i = 0; i < count; i += 1) values.push(await row(i).locator('[data-field="product"] input').inputValue());
      return values;
    },
    /** A click on "Add line", then the new line on screen: each click adds exactly one. */
    async addLine(): Promise<void> {
      const before = await rows.count();
      await table.getByTestId('child-table-add').click();
      await row(before).waitFor({ timeout: UI_TIMEOUT });
      expect(await rows.count()).toBe(before + 1);
    },
    async fillLine(index: number, product: string, qty: string, price: string): Promise<void> {
      await cell(index, 'product').locator('input').fill(product);
      await cell(index, 'qty').locator('input').fill(qty);
      await cell(index, 'price').locator('input').fill(price);
    },
  };
}

describe('the child table (quote lines)', () => {
  let seededQuote: string;
  let account: string;
  const suite = useE2eSuite(quotesApp, async ({ api, appId }) => {
    account = (await createRecord(api, appId, 'account', { name: 'Northwind Offices' })).id;
    const acme = await createRecord(api, appId, 'supplier', { name: 'Acme Furniture' });
    await createRecord(api, appId, 'supplier', { name: 'Bright Lamps' });
    seededQuote = (await createRecord(api, appId, 'quote', { name: 'Seeded', lines: [{ product: 'Sofa', qty: '1', price: '800', supplier: acme.id }] })).id;
  });

  it('adds, fills, reorders and removes lines with live amounts and totals; saves them in order; shows them on the record page', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    const lines = grid(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/quote`);
      await shell.signIn(E2E_ADMIN);
      // The list counts each quote's lines: its API sends the count, never the lines.
      await shell.row('Seeded').filter({ hasText: '1 line' }).waitFor({ timeout: UI_TIMEOUT });
      await shell.openNewRecord();
      await shell.fill('name', 'Office fit-out');
      for (let i = 0; i < 3; i += 1) await lines.addLine();
      expect(await lines.rows.count()).toBe(3);
      await lines.fillLine(0, 'Desk', '2', '100');
      await lines.fillLine(1, 'Chair', '4', '25.50');
      await lines.fillLine(2, 'Lamp', '3', '9.99');

      // Amounts are the formula's, computed as the user types; the footer sums them exactly.
      expect(await lines.cell(0, 'amount').textContent()).toContain('200.00');
      expect(await lines.cell(1, 'amount').textContent()).toContain('102.00');
      expect(await lines.cell(2, 'amount').textContent()).toContain('29.97');
      expect(await lines.total('amount').textContent()).toContain('331.97');
      expect(await lines.total('qty').textContent()).toContain('9');
      await lines.input(1, 'qty').fill('5');
      expect(await lines.cell(1, 'amount').textContent()).toContain('127.50');
      expect(await lines.total('amount').textContent()).toContain('357.47');
      await page.screenshot({ path: `${ARTIFACTS}child-table-en.png` });

      // Keyboard users move lines with buttons; a mouse drags them by the handle.
      await lines.row(2).getByTestId('child-table-move-up').click();
      expect(await lines.products()).toEqual(['Desk', 'Lamp', 'Chair']);
      await lines.row(0).locator('.child-table-handle').dragTo(lines.row(2));
      expect(await lines.products()).toEqual(['Lamp', 'Chair', 'Desk']);
      await lines.row(1).getByTestId('child-table-remove').click();
      expect(await lines.products()).toEqual(['Lamp', 'Desk']);
      expect(await lines.total('amount').textContent()).toContain('229.97');

      const saved = page.waitForResponse((r) => r.request().method() === 'POST' && /\/objects\/quote\/records$/.test(r.url()));
      await shell.save();
      const response = await saved;
      expect(response.status()).toBe(201);
      const created = (await response.json()) as { id: string; lines: { id: string; product: string; amount: string }[] };
      expect(created.lines.map((l) => [l.product, Number(l.amount)])).toEqual([
        ['Lamp', 29.97],
        ['Desk', 200],
      ]);
      await shell.waitForDrawerClosed();
      await shell.row('Office fit-out').filter({ hasText: '2 lines' }).waitFor({ timeout: UI_TIMEOUT });
      // Read again from the list API, the count is the server's.
      const listed = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith('/objects/quote/records/query'));
      await page.reload();
      const counts = ((await (await listed).json()) as { items: { name: string; _lineCounts: { lines: number } }[] }).items.map((q) => [
        q.name,
        q._lineCounts.lines,
      ]);
      expect(counts).toEqual(
        expect.arrayContaining([
          ['Office fit-out', 2],
          ['Seeded', 1],
        ]),
      );
      await shell.row('Office fit-out').filter({ hasText: '2 lines' }).waitFor({ timeout: UI_TIMEOUT });

      // The record page lists the saved lines read-only, with the server's amounts and their total.
      await page.goto(`/apps/${suite.appId}/objects/quote/records/${created.id}`);
      const view = page.getByTestId('child-table-view-lines');
      await view.waitFor({ timeout: UI_TIMEOUT });
      const viewRows = view.locator('tbody tr.ant-table-row');
      expect(await viewRows.count()).toBe(2);
      expect(await viewRows.nth(0).textContent()).toContain('Lamp');
      expect(await viewRows.nth(0).textContent()).toContain('29.97');
      expect(await viewRows.nth(1).textContent()).toContain('Desk');
      expect(await view.getByTestId('child-table-view-total-amount').textContent()).toContain('229.97');

      // Reopened, the lines come back in their order, and a save sends them with the ids the server gave them.
      await page.getByTestId('record-page-edit').click();
      await lines.row(1).waitFor({ timeout: UI_TIMEOUT });
      expect(await lines.rows.count()).toBe(2);
      expect(await lines.products()).toEqual(['Lamp', 'Desk']);
      expect(await lines.total('amount').textContent()).toContain('229.97');
      const update = page.waitForResponse((r) => r.request().method() === 'PATCH');
      await lines.input(0, 'qty').fill('4');
      await shell.save();
      const patch = await update;
      expect(patch.status()).toBe(200);
      const sent = patch.request().postDataJSON() as { values: { lines: { id?: string; product: string }[] } };
      expect(sent.values.lines.map((l) => l.product)).toEqual(['Lamp', 'Desk']);
      expect(sent.values.lines.map((l) => l.id)).toEqual(created.lines.map((l) => l.id));
      await shell.waitForDrawerClosed();
      await view.getByText('39.96').first().waitFor({ timeout: UI_TIMEOUT });
      expect(await view.getByTestId('child-table-view-total-amount').textContent()).toContain('239.96');
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('puts a refused line value on its cell, in the user’s language, and fits a phone by scrolling sideways', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'zh-CN', width: 375, height: 740 });
    const shell = shellPage(page);
    const lines = grid(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/quote`);
      await shell.signIn(E2E_ADMIN);
      await shell.row('Seeded').filter({ hasText: '1 行' }).waitFor({ timeout: UI_TIMEOUT });
      await shell.openNewRecord();
      await shell.fill('name', '样品单');
      await lines.addLine();
      await lines.addLine();
      await lines.fillLine(0, '样品', '1', '10');
      // The second line has no product (required) and a negative quantity (minimum 0): the
      // server checks the shape first, so it names the missing product, then the quantity.
      await lines.input(1, 'qty').fill('-2');
      const refusal = () => page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/objects/quote/records'));

      let refused = refusal();
      await shell.save();
      expect((await refused).status()).toBe(422);
      const productError = lines.cell(1, 'product').getByTestId('child-table-cell-error');
      await productError.waitFor({ timeout: UI_TIMEOUT });
      expect(await productError.textContent()).toContain('“产品”为必填项');
      expect(await lines.cell(0, 'product').getByTestId('child-table-cell-error').count()).toBe(0);
      expect(await shell.fieldError('lines')).toContain('有 1 行需要修改');

      // On a 375 px screen the grid scrolls inside itself; the drawer does not overflow.
      const widths = await lines.table.locator('.child-table-scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
      expect(widths.scroll).toBeGreaterThan(widths.client);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: `${ARTIFACTS}child-table-phone-zh.png` });

      await lines.input(1, 'product').fill('配件');
      expect(await lines.cell(1, 'product').getByTestId('child-table-cell-error').count()).toBe(0);
      refused = refusal();
      await shell.save();
      expect((await refused).status()).toBe(422);
      const qtyError = lines.cell(1, 'qty').getByTestId('child-table-cell-error');
      await qtyError.waitFor({ timeout: UI_TIMEOUT });
      expect(await qtyError.textContent()).toContain('“数量”不能小于 0');

      await lines.input(1, 'qty').fill('2');
      const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/objects/quote/records'));
      await shell.save();
      expect((await saved).status()).toBe(201);
      await shell.waitForDrawerClosed();
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
  it('names the related records of the lines, in the grid and on the record page, and picks one by searching', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    const lines = grid(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/quote/records/${seededQuote}`);
      await shell.signIn(E2E_ADMIN);
      const view = page.getByTestId('child-table-view-lines');
      await view.getByText('Acme Furniture').waitFor({ timeout: UI_TIMEOUT });

      await page.getByTestId('record-page-edit').click();
      await lines.cell(0, 'supplier').getByText('Acme Furniture').waitFor({ timeout: UI_TIMEOUT });
      await lines.addLine();
      await lines.input(1, 'product').fill('Desk lamp');
      await lines.cell(1, 'supplier').locator('.ant-select').click();
      await lines.input(1, 'supplier').fill('Bright');
      await page.locator('.ant-select-dropdown:visible').getByText('Bright Lamps').click({ timeout: UI_TIMEOUT });
      const update = page.waitForResponse((r) => r.request().method() === 'PATCH');
      await shell.save();
      expect((await update).status()).toBe(200);
      await shell.waitForDrawerClosed();
      await view.getByText('Bright Lamps').waitFor({ timeout: UI_TIMEOUT });
      const saved = await callApi<{ lines: { product: string; supplier: string | null }[] }>(
        suite.api,
        'GET',
        `/api/apps/${suite.appId}/objects/quote/records/${seededQuote}`,
      );
      expect(saved.lines.map((l) => l.product)).toEqual(['Sofa', 'Desk lamp']);
      expect(saved.lines.every((l) => typeof l.supplier === 'string')).toBe(true);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);

  it('adds a quote from an account page in a drawer as wide as its lines, the same rule as the record drawer, and fits a phone', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en', width: 1366, height: 800 });
    const shell = shellPage(page);
    const lines = grid(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/account/records/${account}`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('related-quotes-new').click();
      await page.locator('#record-form_name').waitFor({ timeout: UI_TIMEOUT });
      await lines.addLine();
      await animationsDone(page, UI_TIMEOUT);

      // Wider than the plain form's 560 px, so the last column and each line's buttons are inside the drawer.
      const drawer = (await shell.drawer.boundingBox())!;
      expect(drawer.width).toBeGreaterThan(560);
      const remove = (await lines.table.getByTestId('child-table-remove').first().boundingBox())!;
      expect(remove.x + remove.width).toBeLessThanOrEqual(drawer.x + drawer.width);
      const supplier = (await lines.table.getByRole('columnheader', { name: 'Supplier' }).boundingBox())!;
      expect(supplier.x + supplier.width).toBeLessThanOrEqual(drawer.x + drawer.width);
      await page.screenshot({ path: `${ARTIFACTS}related-create-drawer-1366.png` });

      // On a phone the drawer is the screen; the grid scrolls inside itself, the page does not.
      await page.setViewportSize({ width: 375, height: 740 });
      await animationsDone(page, UI_TIMEOUT);
      const phone = (await shell.drawer.boundingBox())!;
      expect(phone.x).toBeGreaterThanOrEqual(0);
      expect(phone.width).toBeLessThanOrEqual(375);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: `${ARTIFACTS}related-create-drawer-375.png` });

      await shell.fill('name', 'Meeting room chairs');
      await lines.fillLine(0, 'Chair', '6', '120');
      const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/objects/quote/records'));
      await shell.save();
      expect((await saved).status()).toBe(201);
      // A phone shows the related lists on their own tab.
      await page.getByRole('tab', { name: 'Related' }).click();
      await page.getByTestId('related-quotes-row').filter({ hasText: 'Meeting room chairs' }).waitFor({ timeout: UI_TIMEOUT });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

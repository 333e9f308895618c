import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { pointerDrag } from './pointer-drag';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

/** Picks an option of a searchable select by typing part of its name, as a person does in a long list. */
async function pick(page: Page, select: Locator, text: string): Promise<void> {
  await select.click();
  await page.keyboard.type(text);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

async function columnOrder(page: Page): Promise<(string | null)[]> {
  return page.locator('[data-testid^="column-row-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
}

/** The studio's fields list of the app's first object, signed in as the administrator. */
async function openFields(page: Page, appId: string): Promise<void> {
  await page.goto(`/studio/apps/${appId}`);
  await shellPage(page).signIn(E2E_ADMIN);
  await page.getByTestId('studio').waitFor({ timeout: UI_TIMEOUT });
  await page.getByRole('tab', { name: 'Fields' }).click();
}

/** Replaces the formula field's text; insertText types exactly (no auto-closed brackets). */
async function typeFormula(page: Page, text: string): Promise<void> {
  await page.getByTestId('formula-field-editor').locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

describe('the studio field editor', () => {
  const suite = useE2eSuite(customerApp);

  it('builds a child table column by column (drag and keyboard), and a formula field checked live in Monaco', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1100 });
    try {
      await openFields(page, suite.appId);

      // A child table: its line object comes with a first column.
      await pick(page, page.getByTestId('add-field'), 'Child table');
      await page.getByTestId('column-row-name').waitFor({ timeout: UI_TIMEOUT });
      await pick(page, page.getByTestId('column-add'), 'Number');
      await page.getByTestId('column-properties').getByTestId('field-label-en').fill('Quantity');
      await pick(page, page.getByTestId('column-add'), 'Currency');
      await page.getByTestId('column-properties').getByTestId('field-label-en').fill('Amount');
      expect(await columnOrder(page)).toEqual(['column-row-name', 'column-row-number_1', 'column-row-currency_1']);

      // The amount dragged first with the pointer…
      const slot = () => page.getByTestId('column-slot-0');
      await pointerDrag(page, page.getByTestId('column-row-currency_1'), {
        target: slot,
        dragging: () => page.locator('.child-columns-dragging'),
        over: () => page.locator('.child-column-slot-over[data-testid="column-slot-0"]'),
      });
      await expect.poll(() => columnOrder(page), { timeout: UI_TIMEOUT }).toEqual(['column-row-currency_1', 'column-row-name', 'column-row-number_1']);
      // …and the quantity moved up with the keyboard alone.
      await page.getByTestId('column-row-number_1').focus();
      await page.keyboard.press('Alt+ArrowUp');
      await expect.poll(() => columnOrder(page), { timeout: UI_TIMEOUT }).toEqual(['column-row-currency_1', 'column-row-number_1', 'column-row-name']);

      // A formula field: a mistyped name is flagged as typed, with the field it probably meant, then fixed.
      await pick(page, page.getByTestId('add-field'), 'Formula');
      const editor = page.getByTestId('formula-field-editor');
      await editor.locator('.monaco-editor').waitFor({ timeout: UI_TIMEOUT });
      await typeFormula(page, 'credt * 2');
      await editor.locator('.squiggly-error').first().waitFor({ timeout: UI_TIMEOUT });
      await editor.getByTestId('formula-preview-error').filter({ hasText: 'Unknown field credt. Did you mean credit?' }).waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(ARTIFACTS, 'studio-formula-field-error.png') });
      await typeFormula(page, 'credit * 2');
      await editor.locator('[data-testid="formula-preview-type"][data-type="currency"]').waitFor({ timeout: UI_TIMEOUT });
      expect(await editor.locator('.squiggly-error').count()).toBe(0);

      // The roll-up picker writes the table's sum as the formula.
      await pick(page, page.getByTestId('rollup-source'), 'Lines');
      await pick(page, page.getByTestId('rollup-field'), 'Amount');
      await page.getByTestId('rollup-apply').click();
      await editor.locator('.view-lines').filter({ hasText: 'SUM(lines_1.currency_1)' }).waitFor({ timeout: UI_TIMEOUT });
      await page.locator('[data-testid="studio-problems"][data-count="0"]').waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(ARTIFACTS, 'studio-child-columns-and-formula.png') });

      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
      await expect
        .poll(async () => {
          const { draft } = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
          const lines = draft.objects.find((o) => o.id === 'customer_line_1');
          const formula = draft.objects[0]?.fields.find((f) => f.id === 'formula_1');
          return { columns: lines?.fields.map((f) => [f.id, f.label.en]), formula: formula?.formula };
        })
        .toEqual({
          columns: [
            ['currency_1', 'Amount'],
            ['number_1', 'Quantity'],
            ['name', 'Name'],
          ],
          formula: 'SUM(lines_1.currency_1)',
        });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);

  it('gives fields their own defaults in the panel, checked as typed; published, a create through the API without a form gets them', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1100 });
    try {
      await openFields(page, suite.appId);
      await page.getByTestId('field-row-level').click();
      await pick(page, page.getByTestId('field-default-kind'), 'Fixed value');
      await pick(page, page.getByTestId('field-default-value'), 'Normal');

      // A formula of the wrong type is refused under the field, in the admin's words, then fixed.
      await page.getByTestId('field-row-credit').click();
      await pick(page, page.getByTestId('field-default-kind'), 'Formula');
      await page.getByTestId('field-default-formula').fill('"lots"');
      await page.getByText('The formula gives text, but the field is currency').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('field-default-formula').fill('5000');
      await page.locator('[data-testid="studio-problems"][data-count="0"]').waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(ARTIFACTS, 'studio-field-default.png') });
      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
    const { draft } = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
    expect(draft.objects[0]?.fields.filter((f) => f.default).map((f) => [f.id, f.default])).toEqual([
      ['level', '"normal"'],
      ['credit', '5000'],
    ]);
    await callApi(suite.api, 'POST', `/api/apps/${suite.appId}/publish`, {});
    const created = await callApi<Record<string, unknown>>(suite.api, 'POST', `/api/apps/${suite.appId}/objects/customer/records`, { values: { name: 'Zed' } });
    expect(created.level).toBe('normal');
    expect(Number(created.credit)).toBe(5000);
  }, 120_000);

  it('shows what changing a field type does to the stored rows, in the field panel and the publish review', async () => {
    const records = `/api/apps/${suite.appId}/objects/customer/records`;
    for (const [name, email] of [
      ['Acme', 'sales@acme.test'],
      ['Beta', 'info@beta.test'],
      ['Gamma', null],
    ] as const)
      await callApi(suite.api, 'POST', records, { values: { name, email } });
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1100 });
    try {
      await openFields(page, suite.appId);
      await page.getByTestId('field-row-email').click();
      await pick(page, page.getByTestId('field-type'), 'Number');
      const summary = page.getByTestId('type-change-summary');
      // Four rows: the three above and the one the defaults test created.
      await summary.filter({ hasText: 'Email → Number: 0 rows convert, 0 become blank, 2 cannot convert (4 rows' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('type-change-failing').textContent()).toContain("'info@beta.test', 'sales@acme.test'");

      await page.getByTestId('studio-publish').click();
      const review = page.getByTestId('publish-type-changes');
      await review.filter({ hasText: 'Customer · Email: Email → Number' }).waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(ARTIFACTS, 'studio-type-change-review.png') });
      expect(await page.getByTestId('publish-confirm').isDisabled()).toBe(true);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

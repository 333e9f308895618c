import type { Locator, Page } from 'playwright-core';
import { animationsDone } from './browser';
import { UI_TIMEOUT } from './timeouts';

/** The list view as a user works it, by the test ids the list view promises. */
export function listPage(page: Page) {
  const openDropdown = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');
  const pick = async (select: Locator, option: string) => {
    await select.click();
    const item = openDropdown.locator('.ant-select-item-option').filter({ hasText: option }).first();
    await item.waitFor({ timeout: UI_TIMEOUT });
    // antd's option list slides in, and the list of the select picked just before slides out; on a
    // loaded CI machine a click during either motion was lost (the operator stayed "equals"). A
    // user's click comes after the list has settled, and so does this one.
    await animationsDone(page, UI_TIMEOUT);
    await item.click();
  };
  const editor = page.getByTestId('filter-editor');
  return {
    pick,
    total: page.getByTestId('record-total'),
    viewSelect: page.getByTestId('list-view-select'),
    async addFilter(field: string, operator: string | null, fillValue: (value: Locator) => Promise<void>): Promise<void> {
      await page.getByTestId('filter-add').click();
      await pick(editor.getByTestId('filter-field'), field);
      if (operator) await pick(editor.getByTestId('filter-operator'), operator);
      await fillValue(editor.getByTestId('filter-value'));
      // Closes an open option list without leaving the editor.
      await page.locator('.ant-popover-title').filter({ visible: true }).click();
      await editor.getByTestId('filter-apply').click();
      await editor.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    },
    async saveViewAs(name: string): Promise<void> {
      await page.getByTestId('list-view-save').click();
      await page.getByTestId('view-name-input').fill(name);
      await page.getByTestId('view-name-ok').click();
      await page.getByTestId('view-name-input').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    },
    async headers(): Promise<string[]> {
      return page.getByTestId('record-table').locator('.ant-table-thead th').allTextContents();
    },
    async select(row: Locator): Promise<void> {
      await row.locator('.ant-checkbox-input').check();
    },
    async bulkEdit(field: string, value: string): Promise<void> {
      await page.getByTestId('bulk-edit').click();
      const dialog = page.locator('.ant-modal').filter({ has: page.getByTestId('bulk-edit-field') });
      await pick(dialog.getByTestId('bulk-edit-field'), field);
      await pick(dialog.locator('.ant-form-item').nth(1).locator('.ant-select'), value);
      await page.getByTestId('bulk-edit-apply').click();
    },
    async bulkDelete(): Promise<void> {
      await page.getByTestId('bulk-delete').click();
      await page.locator('.ant-modal-confirm .ant-btn-dangerous').click();
    },
    async report(): Promise<{ done: string; skipped: string | null; reasons: string | null }> {
      const done = page.getByTestId('bulk-report-done');
      await done.waitFor({ timeout: UI_TIMEOUT });
      const skipped = page.getByTestId('bulk-report-skipped');
      const reasons = page.getByTestId('bulk-report-reasons');
      const result = {
        done: (await done.textContent()) ?? '',
        skipped: (await skipped.count()) > 0 ? await skipped.textContent() : null,
        reasons: (await reasons.count()) > 0 ? await reasons.textContent() : null,
      };
      await page.locator('.ant-modal').filter({ has: done }).locator('.ant-modal-footer .ant-btn-primary').click();
      await done.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      return result;
    },
  };
}

import type { Page } from 'playwright-core';
import { UI_TIMEOUT } from './timeouts';

/** Opens an action's dialog from the approval panel, types the comment if any, and confirms. */
export async function act(page: Page, action: string, comment?: string): Promise<void> {
  await page.getByTestId(`approval-${action}`).click();
  await page.getByTestId('approval-dialog-ok').waitFor({ timeout: UI_TIMEOUT });
  if (comment !== undefined) {
    await page.locator('textarea[data-testid="approval-comment"]').click();
    await page.keyboard.type(comment);
  }
  await page.getByTestId('approval-dialog-ok').click();
}

/** An action the server accepts: confirmed, then the dialog has closed. */
export async function actAndClose(page: Page, action: string, comment?: string): Promise<void> {
  await act(page, action, comment);
  await page.getByTestId('approval-dialog-ok').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
}

/** Waits until the record's approval status reads `text`. */
export async function statusIs(page: Page, text: string): Promise<void> {
  await page.getByTestId('approval-status').filter({ hasText: text }).waitFor({ timeout: UI_TIMEOUT });
}

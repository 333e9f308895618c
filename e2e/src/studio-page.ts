import type { Page } from 'playwright-core';
import { UI_TIMEOUT } from './timeouts';

/** In the open publish review: confirms, then waits until the studio shows the new live version. */
export async function confirmPublish(page: Page, version: number): Promise<void> {
  await page.getByTestId('publish-confirm').click();
  await page
    .getByTestId('studio-live-version')
    .filter({ hasText: `version ${version}` })
    .waitFor({ timeout: UI_TIMEOUT });
}

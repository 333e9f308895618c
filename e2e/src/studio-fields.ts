import type { Page } from 'playwright-core';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { UI_TIMEOUT } from './timeouts';

/** Signs the administrator in to the app's studio and opens one field's panel, as a person does. */
export async function openStudioField(page: Page, appId: string, fieldId: string): Promise<void> {
  await page.goto(`/studio/apps/${appId}`);
  await shellPage(page).signIn(E2E_ADMIN);
  await page.getByTestId('studio').waitFor({ timeout: UI_TIMEOUT });
  await page.getByRole('tab', { name: 'Fields' }).click();
  await page.getByTestId(`field-row-${fieldId}`).click();
}

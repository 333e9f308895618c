import type { Locator, Page } from 'playwright-core';
import { UI_TIMEOUT } from './timeouts';

/**
 * What a user does in the web shell, by the selectors the shell promises (data-testid, and the
 * `record-form_<fieldId>` ids antd derives from the form name). Tests read as user steps.
 */
export function shellPage(page: Page) {
  const drawer = page.getByTestId('record-drawer');
  const formItem = (fieldId: string): Locator => page.locator('.ant-form-item').filter({ has: page.locator(`#record-form_${fieldId}`) });

  return {
    page,
    drawer,

    /** Signs in on the sign-in page the shell shows to anyone without a session. */
    async signIn(credentials: { email: string; password: string }): Promise<void> {
      await page.getByTestId('sign-in-page').waitFor({ timeout: UI_TIMEOUT });
      await page.locator('#sign-in_email').fill(credentials.email);
      await page.locator('#sign-in_password').fill(credentials.password);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('sign-in-page').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    },

    async signOut(): Promise<void> {
      await page.getByTestId('user-menu').click();
      await page.getByTestId('user-menu-sign-out').click();
      await page.getByTestId('sign-in-page').waitFor({ timeout: UI_TIMEOUT });
    },

    /** From the app picker (the page after sign-in at `/`). */
    async openAppFromPicker(appId: string, objectId: string): Promise<void> {
      await page.getByTestId(`app-card-${appId}`).click({ timeout: UI_TIMEOUT });
      await page.waitForURL(`**/apps/${appId}/objects/${objectId}`, { timeout: UI_TIMEOUT });
      await page.getByTestId(`object-page-${objectId}`).waitFor({ timeout: UI_TIMEOUT });
    },

    async switchLanguage(label: '中文' | 'English', lang: 'zh-CN' | 'en'): Promise<void> {
      await page.getByTestId('language-switch').getByText(label, { exact: true }).click();
      await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached', timeout: UI_TIMEOUT });
    },

    newButton: page.getByTestId('record-new'),

    async openNewRecord(): Promise<void> {
      await page.getByTestId('record-new').click();
      await page.locator('#record-form_name').waitFor({ timeout: UI_TIMEOUT });
    },

    async fill(fieldId: string, value: string): Promise<void> {
      await page.locator(`#record-form_${fieldId}`).fill(value);
    },

    async save(): Promise<void> {
      await page.getByTestId('record-save').click();
    },

    /** The first error message shown under a form item (client rule or server problem). */
    async fieldError(fieldId: string): Promise<string> {
      const error = formItem(fieldId).locator('.ant-form-item-explain-error').first();
      await error.waitFor({ timeout: UI_TIMEOUT });
      return (await error.textContent()) ?? '';
    },

    async waitForDrawerClosed(): Promise<void> {
      await page.locator('#record-form_name').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
    },

    async search(text: string): Promise<void> {
      await page.getByTestId('record-search').locator('input').fill(text);
    },

    /** A rendered row of the list table (virtual: only rows in view are in the page). */
    row(text: string): Locator {
      return page.getByTestId('record-table').locator('.ant-table-row').filter({ hasText: text });
    },

    rows(): Locator {
      return page.getByTestId('record-table').locator('.ant-table-row');
    },
  };
}

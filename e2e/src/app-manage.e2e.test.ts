import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi, signInApi } from './api';
import { animationsDone, openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const REP = { email: 'rep@manage.test', name: '王芳', password: 'rep e2e password manage' };
const manageApp: AppDocument = {
  ...customerApp,
  id: 'e2e_manage',
  roles: [{ id: 'rep', label: { en: 'Rep', 'zh-CN': '销售' }, permissions: [{ object: 'customer', actions: ['create', 'read'], rows: 'all' }] }],
};
const keptApp: AppDocument = { ...customerApp, id: 'e2e_kept', label: { en: 'Kept', 'zh-CN': '保留' } };

describe('managing an app: rename, icon, delete', () => {
  const suite = useE2eSuite([manageApp, keptApp], async ({ api, appId }) => {
    const { id } = await callApi<{ id: string }>(api, 'POST', '/api/admin/users', REP);
    await callApi(api, 'PUT', `/api/admin/users/${id}/roles`, { appId, roles: ['rep'] });
    for (const name of ['Acme', 'Globex', 'Initech']) await callApi(api, 'POST', `/api/apps/${appId}/objects/customer/records`, { values: { name } });
  });

  it('an admin renames the app in both languages and gives it an icon in the studio, then deletes it after reading what goes; the rep no longer sees it', async () => {
    const { page, errors } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1500, height: 950, locale: 'en' });
    try {
      await page.goto(`/studio/apps/${suite.appId}`);
      await shellPage(page).signIn(E2E_ADMIN);
      await page.getByTestId('studio').waitFor({ timeout: UI_TIMEOUT });

      await page.getByTestId('app-settings-open').click();
      const zh = page.getByTestId('app-label-zh');
      await zh.fill('');
      await zh.pressSequentially('华东客户');
      const en = page.getByTestId('app-label-en');
      await en.fill('');
      // Both names empty: nothing to apply.
      await zh.fill('');
      expect(await page.getByTestId('app-settings-apply').isDisabled()).toBe(true);
      await zh.pressSequentially('华东客户');
      await en.pressSequentially('East CRM');
      await page.getByTestId('app-icon').click();
      await animationsDone(page, UI_TIMEOUT);
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) [title="shop"]').click();
      await page.getByTestId('app-settings-apply').click();
      await page.locator('.studio-header').getByText('East CRM').waitFor({ timeout: UI_TIMEOUT });
      // One undo step takes the rename back, redo brings it again.
      await page.getByTestId('studio-undo').click();
      await page.locator('.studio-header').getByText('E2E CRM').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('studio-redo').click();
      await page.locator('.studio-header').getByText('East CRM').waitFor({ timeout: UI_TIMEOUT });
      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });

      await page.goto('/');
      const card = page.getByTestId(`app-card-${suite.appId}`);
      await card.getByText('East CRM').waitFor({ timeout: UI_TIMEOUT });
      expect(await card.getByTestId(`app-icon-${suite.appId}`).getAttribute('data-icon')).toBe('shop');

      await page.getByTestId(`app-delete-${suite.appId}`).click();
      const dialog = page.getByTestId('delete-app-dialog');
      await dialog.getByTestId('deletion-impact').waitFor({ timeout: UI_TIMEOUT });
      expect(await dialog.getByTestId('impact-customer').textContent()).toBe('Customer · 3 record(s)');
      const confirm = page.getByTestId('delete-app-confirm');
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByTestId('delete-app-name').pressSequentially('East CR');
      expect(await confirm.isDisabled()).toBe(true);
      await dialog.getByTestId('delete-app-name').pressSequentially('M');
      await page.screenshot({ path: join(ARTIFACTS, 'app-delete-dialog.png') });
      await confirm.click();
      await card.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await page.getByTestId(`app-card-${keptApp.id}`).waitFor({ timeout: UI_TIMEOUT });
      expect(errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    } finally {
      await page.close();
    }

    const rep = await signInApi(suite.server.baseUrl, { email: REP.email, password: REP.password });
    const apps = await callApi<{ id: string }[]>(rep, 'GET', '/api/apps');
    expect(apps.map((a) => a.id)).toEqual([]);
    const repPage = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1200, height: 800, locale: 'en' });
    try {
      await repPage.page.goto('/');
      await shellPage(repPage.page).signIn(REP);
      await repPage.page.getByText('No apps yet').waitFor({ timeout: UI_TIMEOUT });
    } finally {
      await repPage.page.close();
    }
  });
});

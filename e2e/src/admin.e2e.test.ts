import type { AppDocument } from '@tessera/schemas';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

/** The app the new user gets a role in: sales reps may create and read customers. */
const salesTeamApp: AppDocument = {
  ...customerApp,
  id: 'e2e_sales_team',
  label: { en: 'Sales team', 'zh-CN': '销售团队' },
  roles: [
    { id: 'sales_rep', label: { en: 'Sales rep', 'zh-CN': '销售代表' }, permissions: [{ object: 'customer', actions: ['create', 'read'], rows: 'all' }] },
  ],
};
/** An app the new user holds no role in: it must not appear for them. */
const financeApp: AppDocument = { ...customerApp, id: 'e2e_finance', label: { en: 'Finance', 'zh-CN': '财务' } };

const NEW_USER = { email: 'li.na@e2e.test', name: '李娜' };
const DEPARTMENT = '华东销售部';

async function toastGone(page: Page): Promise<void> {
  await page.locator('.ant-message-notice').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT });
}

describe('administration and signing in', () => {
  const suite = useE2eSuite([salesTeamApp, financeApp]);

  it('admin adds a department and a user with a role; the user sees only that app and works in it', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    const shell = shellPage(page);
    try {
      // A wrong password is refused in the language on screen, before and after switching it.
      await page.goto('/');
      await page.getByTestId('sign-in-page').waitFor();
      await page.locator('#sign-in_email').fill(E2E_ADMIN.email);
      await page.locator('#sign-in_password').fill('not the password');
      await page.getByTestId('sign-in-submit').click();
      expect(await page.getByTestId('sign-in-error').textContent()).toContain('Wrong email or password');
      await shell.switchLanguage('中文', 'zh-CN');
      await page.getByTestId('sign-in-error').waitFor({ state: 'detached' });
      await page.screenshot({ path: `${ARTIFACTS}sign-in-zh-cn.png` });
      await page.getByTestId('sign-in-submit').click();
      expect(await page.getByTestId('sign-in-error').textContent()).toContain('邮箱或密码不正确');

      // The admin signs in through the page and opens administration from the user menu.
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('user-menu').click();
      await page.getByTestId('user-menu-admin').click();
      await page.getByTestId('users-page').waitFor();

      // A department…
      await page.getByTestId('admin-nav').getByText('部门').click();
      await page.waitForURL('**/admin/departments');
      await page.getByTestId('department-new').click();
      const dialog = page.getByRole('dialog', { name: '新建部门' });
      await page.locator('#department-create_name').fill(DEPARTMENT);
      await dialog.locator('.ant-btn-primary').click();
      await page.getByTestId('department-tree').getByText(DEPARTMENT).waitFor();

      // …and a user in it, with a role in the sales app.
      await page.getByTestId('admin-nav').getByText('用户').click();
      await page.getByTestId('user-new').click();
      await page.locator('#user-form_email').fill(NEW_USER.email);
      await page.locator('#user-form_name').fill(NEW_USER.name);
      const password = await page.locator('#user-form_password').inputValue();
      expect(password.length).toBeGreaterThanOrEqual(10);
      await page.locator('#user-form_departmentId').click();
      await page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: DEPARTMENT }).click();
      await page.getByTestId('user-save').click();
      const roles = page.getByTestId('user-roles-e2e_sales_team');
      await roles.locator('.ant-select').click();
      await page.locator('.ant-select-item-option').filter({ hasText: '销售代表' }).click();
      await page.getByText('角色已保存').first().waitFor();
      await page.keyboard.press('Escape'); // closes the select's list
      await page.getByTestId('user-drawer').locator('.ant-drawer-close').click();
      const row = page.getByTestId('users-table').locator('tr.ant-table-row').filter({ hasText: NEW_USER.email });
      await row.filter({ hasText: '销售代表' }).waitFor(); // the role's label, read from the app's draft
      expect(await row.textContent()).toContain(DEPARTMENT);
      await toastGone(page);
      await page.screenshot({ path: `${ARTIFACTS}admin-users-zh-cn.png` });
      await shell.signOut();

      // The new user sees only the app they hold a role in, and works in it.
      await shell.signIn({ email: NEW_USER.email, password });
      await page.getByTestId('app-card-e2e_sales_team').waitFor();
      expect(await page.getByTestId('app-card-e2e_finance').count()).toBe(0);
      await page.getByTestId('user-menu').click();
      expect(await page.getByTestId('user-menu-admin').count()).toBe(0);
      await page.keyboard.press('Escape');
      await shell.openAppFromPicker('e2e_sales_team', 'customer');
      await shell.openNewRecord();
      await shell.fill('name', '上海远景贸易');
      await shell.save();
      await shell.waitForDrawerClosed();
      await shell.row('上海远景贸易').waitFor();

      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});

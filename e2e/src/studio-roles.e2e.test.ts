import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, signInApi } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { listPage } from './list-page';
import { pointerDrag } from './pointer-drag';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { confirmPublish, openSignedIn } from './studio-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const REP = { email: 'rep@roles.test', name: '李雷', password: 'rep e2e password one' };
const OTHER_REP = { email: 'other@roles.test', name: '韩梅梅', password: 'rep e2e password two' };

/** The customer app with a sales rep role that, as published, reads every customer and every field. */
const rolesApp: AppDocument = {
  ...customerApp,
  id: 'e2e_roles',
  roles: [
    { id: 'rep', label: { en: 'Sales rep', 'zh-CN': '销售代表' }, permissions: [{ object: 'customer', actions: ['create', 'read', 'update'], rows: 'all' }] },
  ],
};

async function waitSaved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
}

describe('the studio: roles and permissions', () => {
  const suite = useE2eSuite(rolesApp, async ({ api, appId, server }) => {
    for (const [person, customers] of [
      [REP, ['Rep customer A', 'Rep customer B']],
      [OTHER_REP, ['Other customer']],
    ] as const) {
      const { id } = await callApi<{ id: string }>(api, 'POST', '/api/admin/users', person);
      await callApi(api, 'PUT', `/api/admin/users/${id}/roles`, { appId, roles: ['rep'] });
      const session = await signInApi(server.baseUrl, { email: person.email, password: person.password });
      for (const name of customers) await callApi(session, 'POST', `/api/apps/${appId}/objects/customer/records`, { values: { name, credit: 5000 } });
    }
  });

  it('an admin narrows the rep role to their own customers and hides the credit limit, views as a rep, publishes; a rep then sees only their rows without it', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1000, locale: 'en' });
    try {
      await page.goto(`/studio/apps/${suite.appId}`);
      await shellPage(page).signIn(E2E_ADMIN);
      await page.getByTestId('studio').waitFor({ timeout: UI_TIMEOUT });
      const list = listPage(page);

      await page.getByTestId('studio-section-roles').click();
      await page.getByTestId('role-list-rep').getByText('Sales rep').click();
      await page.getByTestId('permission-matrix').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('role-action-customer-delete').isChecked()).toBe(false);

      // Row scope: their own customers only.
      await list.pick(page.getByTestId('role-scope-customer'), 'Their own');
      // Hide the credit limit from the role.
      await page.getByTestId('role-fields-customer').click();
      await page.getByTestId('role-field-customer-credit').getByText('Hidden', { exact: true }).click();
      expect(await page.getByTestId('role-fields-customer').textContent()).toBe('1 hidden, 0 read-only');
      await page.getByTestId('role-problems-none').waitFor({ timeout: UI_TIMEOUT });

      // A row formula left empty is an error naming the role, the object and the part, never every row; undo takes it back.
      await list.pick(page.getByTestId('role-scope-customer'), 'By formula');
      await page.getByTestId('role-problem').filter({ hasText: 'Role "Sales rep" · object "Customer" · row condition:' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('studio-undo').click();
      await page.getByTestId('role-problems-none').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('role-scope-customer').textContent()).toContain('Their own');
      await waitSaved(page);

      // View as this role: the server's access layer, for a sample rep, over the draft's role.
      await page.getByTestId('role-view-as').click();
      await list.pick(page.getByTestId('role-preview-user'), REP.name);
      const count = page.getByTestId('role-preview-count');
      await count.filter({ hasText: `${REP.name} sees 2 records` }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('role-preview-hidden').textContent()).toContain('Credit limit');
      const preview = page.getByTestId('role-preview-list');
      expect(await preview.locator('.ant-table-thead th').allTextContents()).not.toContain('Credit limit');
      expect(await preview.locator('.ant-table-row').count()).toBe(2);
      await preview.locator('.ant-table-row').filter({ hasText: 'Rep customer A' }).click();
      await page.getByTestId('role-preview-record').filter({ hasText: 'Rep customer A' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('role-preview-record').textContent()).not.toContain('Credit limit');
      await page.screenshot({ path: join(ARTIFACTS, 'studio-role-view-as.png') });
      await page.locator('.ant-drawer-close').click();

      // Publish: the review names the role's changes.
      await page.getByTestId('studio-publish').click();
      const changes = page.getByTestId('publish-change');
      await changes.filter({ hasText: 'Role "rep" on "customer" sees rows: All → Their own' }).waitFor({ timeout: UI_TIMEOUT });
      await changes.filter({ hasText: 'Role "rep" on "customer", Hidden fields: +credit' }).waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(ARTIFACTS, 'studio-role-review.png') });
      await confirmPublish(page, 2);
      // The sign-in page's first look at the session is a 401 by design; nothing else may fail.
      expect(errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    } finally {
      await context.close();
    }

    // The rep signs in: only their two customers, and no credit limit anywhere in the list.
    const rep = await openSignedIn(suite, REP, `/apps/${suite.appId}/objects/customer`);
    try {
      const rows = shellPage(rep.page).rows();
      await rows.first().waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(() => rows.allTextContents(), { timeout: UI_TIMEOUT }).toHaveLength(2);
      const texts = (await rows.allTextContents()).join(' ');
      expect(texts).toContain('Rep customer A');
      expect(texts).toContain('Rep customer B');
      expect(texts).not.toContain('Other customer');
      expect(await listPage(rep.page).headers()).not.toContain('Credit limit');
      await rep.page.screenshot({ path: join(ARTIFACTS, 'studio-role-rep-list.png') });
      expect(rep.errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    } finally {
      await rep.context.close();
    }
  });

  it('an admin builds the menu: adds the approval inbox and drags it to the top, reorders by keyboard, gives an icon, shows a list view to one role; the rep gets that menu', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1000, locale: 'en' });
    const order = () => page.locator('[data-testid^="nav-entry-"]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
    try {
      await page.goto(`/studio/apps/${suite.appId}`);
      await shellPage(page).signIn(E2E_ADMIN);
      await page.getByTestId('studio').waitFor({ timeout: UI_TIMEOUT });
      const list = listPage(page);

      // A role the rep does not hold, for an entry only it sees.
      await page.getByTestId('studio-section-roles').click();
      await page.getByTestId('role-new').click();
      await page.getByTestId('role-list-role_1').waitFor({ timeout: UI_TIMEOUT });

      await page.getByTestId('studio-section-navigation').click();
      await page.getByTestId('nav-entry-customers').waitFor({ timeout: UI_TIMEOUT });
      await list.pick(page.getByTestId('nav-add'), 'Approval inbox');
      await page.getByTestId('nav-entry-nav_1').waitFor({ timeout: UI_TIMEOUT });
      expect(await order()).toEqual(['nav-entry-customers', 'nav-entry-nav_1']);

      // A real pointer drag puts the inbox first.
      const top = () => page.getByTestId('nav-drop-top-0');
      await pointerDrag(page, page.getByTestId('nav-name-nav_1'), {
        target: top,
        dragging: () => page.locator('.nav-dragging'),
        over: () => top().locator('xpath=.').and(page.locator('.nav-drop-over')),
      });
      await expect.poll(order, { timeout: UI_TIMEOUT }).toEqual(['nav-entry-nav_1', 'nav-entry-customers']);

      // The keyboard moves an entry as well: Alt+↑ and back with Alt+↓, the focus staying on it.
      await page.getByTestId('nav-entry-customers').focus();
      await page.keyboard.press('Alt+ArrowUp');
      await expect.poll(order, { timeout: UI_TIMEOUT }).toEqual(['nav-entry-customers', 'nav-entry-nav_1']);
      await page.keyboard.press('Alt+ArrowDown');
      await expect.poll(order, { timeout: UI_TIMEOUT }).toEqual(['nav-entry-nav_1', 'nav-entry-customers']);

      // An icon for the customers, and a list view entry only the new role sees.
      await page.getByTestId('nav-icon-customers').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option span[title="team"]').click();
      await list.pick(page.getByTestId('nav-add'), 'List view: Customers · All customers');
      await page.getByTestId('nav-entry-nav_2').waitFor({ timeout: UI_TIMEOUT });
      await list.pick(page.getByTestId('nav-roles-nav_2'), 'New role');
      await page.keyboard.press('Escape');
      await waitSaved(page);
      const draft = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      expect(draft.draft.navigation).toEqual([
        { id: 'nav_1', page: 'approvals', icon: 'audit' },
        { id: 'customers', object: 'customer', icon: 'team' },
        { id: 'nav_2', object: 'customer', view: 'all', roles: ['role_1'] },
      ]);
      await page.screenshot({ path: join(ARTIFACTS, 'studio-navigation.png') });

      await page.getByTestId('studio-publish').click();
      await page.getByTestId('publish-change').filter({ hasText: 'navigation' }).waitFor({ timeout: UI_TIMEOUT });
      await confirmPublish(page, 3);
      expect(errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    } finally {
      await context.close();
    }

    // The rep's menu: the inbox first, then the customers; the list view for the other role is not there.
    const rep = await openSignedIn(suite, REP, `/apps/${suite.appId}/objects/customer`);
    try {
      const menu = rep.page.getByTestId('side-nav').locator('.ant-menu-item');
      await expect.poll(() => menu.allTextContents(), { timeout: UI_TIMEOUT }).toEqual(['Approvals', 'Customers']);
      expect(await menu.nth(1).locator('.anticon-team').count()).toBe(1);
      await menu.nth(0).click();
      await rep.page.waitForURL(/\/approvals/, { timeout: UI_TIMEOUT });
      expect(rep.errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    } finally {
      await rep.context.close();
    }
  });
});

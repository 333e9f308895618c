import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { listPage } from './list-page';
import { pointerDrag } from './pointer-drag';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { confirmPublish, openSignedIn } from './studio-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const REP = { email: 'rep@views.test', name: '王芳', password: 'rep e2e password views' };

/** The customer app with a sales rep who reads every customer, and a manager role the new view is not shown to. */
const viewsApp: AppDocument = {
  ...customerApp,
  id: 'e2e_views',
  roles: [
    { id: 'sales_rep', label: { en: 'Sales rep', 'zh-CN': '销售代表' }, permissions: [{ object: 'customer', actions: ['read'], rows: 'all' }] },
    { id: 'manager', label: { en: 'Manager', 'zh-CN': '经理' }, permissions: [{ object: 'customer', actions: ['read'], rows: 'all' }] },
  ],
};

describe('the studio: list views', () => {
  const suite = useE2eSuite(viewsApp, async ({ api, appId }) => {
    const { id } = await callApi<{ id: string }>(api, 'POST', '/api/admin/users', REP);
    await callApi(api, 'PUT', `/api/admin/users/${id}/roles`, { appId, roles: ['sales_rep'] });
    for (const [name, level, credit] of [
      ['Acme', 'key', 9000],
      ['Beta', 'key', 5000],
      ['Gamma', 'normal', 100],
    ] as const) {
      await callApi(api, 'POST', `/api/apps/${appId}/objects/customer/records`, { values: { name, level, credit } });
    }
  });

  it('an admin designs a Kanban view for reps (view and columns dragged, a filter, a sort), sees its index, publishes; a rep opens it as a board', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1600, height: 1000, locale: 'en' });
    const list = listPage(page);
    try {
      await page.goto(`/studio/apps/${suite.appId}`);
      await shellPage(page).signIn(E2E_ADMIN);
      await page.getByTestId('studio-tab-views').click();
      await page.getByTestId('view-add').click();
      const editor = page.getByTestId('view-editor-view_1');
      await editor.getByTestId('view-label-en').fill('Key board');
      await editor.getByTestId('view-label-zh').fill('重点看板');

      // The new view, dragged by the pointer above "All customers", then back below it by its button.
      await pointerDrag(page, page.getByTestId('view-row-view_1'), {
        target: () => page.getByTestId('view-row-all'),
        dragging: () => page.locator('.views-row-dragging'),
        over: () => page.locator('[data-testid="view-row-all"][data-over="above"]'),
      });
      const rows = () => page.locator('[data-testid^="view-row-"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      await expect.poll(rows, { timeout: UI_TIMEOUT }).toEqual(['view-row-view_1', 'view-row-all']);
      await page.getByRole('button', { name: 'Move "Key board" down' }).click();
      await expect.poll(rows, { timeout: UI_TIMEOUT }).toEqual(['view-row-all', 'view-row-view_1']);

      // The level column, dragged by the pointer to the front; the credit limit moved later by its button.
      await pointerDrag(page, page.getByTestId('view-column-level'), {
        target: () => page.getByTestId('view-column-drop-0'),
        dragging: () => page.locator('.views-dragging'),
        over: () => page.locator('[data-testid="view-column-drop-0"][data-over]'),
      });
      const columns = () =>
        page
          .locator('[data-testid^="view-column-"]:not([data-testid^="view-column-drop"])')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
      await expect.poll(columns, { timeout: UI_TIMEOUT }).toEqual(['view-column-level', 'view-column-name', 'view-column-email', 'view-column-credit']);

      // Key accounts only, the largest credit first.
      await list.addFilter('Level', null, (value) => list.pick(value.locator('.ant-select'), 'Key account'));
      await page.getByTestId('view-sort-add').click();
      await list.pick(page.getByTestId('view-sort-field-0'), 'Credit limit');
      await list.pick(page.getByTestId('view-sort-direction-0'), 'Descending');

      await page.getByTestId('view-layout-kanban').click();
      expect(await page.getByTestId('view-layout-field').textContent()).toContain('Level');
      await list.pick(page.getByTestId('view-roles'), 'Sales rep');
      // Closes the roles' option list, as a click elsewhere does.
      await page.getByText('Shown columns', { exact: true }).click();
      await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count(), { timeout: UI_TIMEOUT }).toBe(0);
      await page
        .getByTestId('view-index')
        .filter({ hasText: 'Publishing will create this index: (level, credit desc, id desc)' })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('view-problem').count()).toBe(0);
      await page.screenshot({ path: join(ARTIFACTS, 'studio-views-designer.png') });

      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('studio-publish').click();
      await page.getByTestId('publish-index').filter({ hasText: 'Customer: (level, credit desc, id desc)' }).waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: join(ARTIFACTS, 'studio-views-review.png') });
      await confirmPublish(page, 2);
      expect(errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    } finally {
      await context.close();
    }

    // The rep picks the view: the board opens by level, with the key accounts only.
    const rep = await openSignedIn(suite, REP, `/apps/${suite.appId}/objects/customer`);
    try {
      const repList = listPage(rep.page);
      await repList.viewSelect.waitFor({ timeout: UI_TIMEOUT });
      await repList.pick(repList.viewSelect, 'Key board');
      const keyColumn = rep.page.getByTestId('kanban-column-key');
      await keyColumn.getByText('Acme').waitFor({ timeout: UI_TIMEOUT });
      await keyColumn.getByText('Beta').waitFor({ timeout: UI_TIMEOUT });
      expect(await rep.page.getByTestId('kanban-board').textContent()).not.toContain('Gamma');
      await rep.page.screenshot({ path: join(ARTIFACTS, 'studio-views-rep-board.png') });
      expect(rep.errors.filter((e) => !e.includes('401 (Unauthorized)'))).toEqual([]);
    } finally {
      await rep.context.close();
    }
  });
});

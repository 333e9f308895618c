import type { AppDocument } from '@tessera/schemas';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callApi, createPublishedApp, signInApi, type ApiSession } from './api';
import { launchBrowser, openPage } from './browser';
import { assertWebBuilt, E2E_ADMIN, startServer, type RunningServer } from './server';
import { shellPage } from './shell-page';
import { UI_TIMEOUT } from './timeouts';

/** One object with a field of each widget type beyond the basic inputs. */
const widgetsApp: AppDocument = {
  id: 'e2e_widgets',
  label: { en: 'E2E Widgets', 'zh-CN': '端到端控件' },
  objects: [
    {
      id: 'lead',
      label: { en: 'Lead', 'zh-CN': '线索' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' }, required: true },
        { id: 'sales_rep', type: 'user', label: { en: 'Sales rep', 'zh-CN': '销售' } },
        { id: 'area', type: 'region', label: { en: 'Area', 'zh-CN': '地区' } },
      ],
    },
  ],
  navigation: [{ id: 'leads', object: 'lead' }],
};

describe('field widgets in the record drawer', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: ApiSession;
  let appId: string;

  beforeAll(async () => {
    assertWebBuilt();
    server = await startServer();
    api = await signInApi(server.baseUrl, E2E_ADMIN);
    appId = await createPublishedApp(api, widgetsApp);
    await callApi(api, 'POST', '/api/admin/users', { email: 'zhou.jie@e2e.test', name: 'Zhou Jie', password: 'zhou jie password' });
    await callApi(api, 'POST', '/api/admin/users', { email: 'zhou.min@e2e.test', name: 'Zhou Min', password: 'zhou min password' });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('picks a user by search and a region level by level, and shows their names', async () => {
    const { page, errors, context } = await openPage(browser, { baseURL: server.baseUrl });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${appId}/objects/lead`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('object-page-lead').waitFor({ timeout: UI_TIMEOUT });
      await shell.openNewRecord();
      await shell.fill('name', 'Hangzhou lead');

      await page.locator('#record-form_sales_rep').click();
      await page.keyboard.type('zhou.min');
      const user = page.locator('.ant-select-item-option').filter({ hasText: 'Zhou Min <zhou.min@e2e.test>' });
      await user.waitFor({ timeout: UI_TIMEOUT });
      // Only the match was asked for: the other Zhou is not in the list.
      expect(await page.locator('.ant-select-item-option').filter({ hasText: 'Zhou Jie' }).count()).toBe(0);
      await user.click();

      await page.locator('#record-form_area').click();
      for (const name of ['浙江省', '杭州市', '西湖区']) {
        const item = page.locator('.ant-cascader-menu-item').filter({ hasText: name });
        await item.waitFor({ timeout: UI_TIMEOUT });
        await item.click();
      }
      await shell.save();
      await shell.waitForDrawerClosed();

      const row = shell.row('Hangzhou lead');
      await row.filter({ hasText: 'Zhou Min' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await row.textContent()).toContain('浙江省 杭州市 西湖区');

      // Reopened, the drawer shows the stored values by name, not by id or code.
      await row.click();
      const drawer = shell.drawer;
      await drawer.getByText('Zhou Min <zhou.min@e2e.test>').waitFor({ timeout: UI_TIMEOUT });
      await drawer.getByText('浙江省 杭州市 西湖区').waitFor({ timeout: UI_TIMEOUT });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

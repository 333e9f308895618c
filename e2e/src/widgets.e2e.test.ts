import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi } from './api';
import { openPage } from './browser';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

/** A real 1×1 PNG: the server sniffs images, so a fake would be refused for an image field. */
const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

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
        { id: 'photo', type: 'image', label: { en: 'Photo', 'zh-CN': '照片' }, maxFiles: 3 },
      ],
      // Files are left out of the default columns: a view names the photo so its cell is seen.
      views: [{ id: 'all', label: { en: 'All', 'zh-CN': '全部' }, columns: ['name', 'sales_rep', 'area', 'photo'] }],
    },
  ],
  navigation: [{ id: 'leads', object: 'lead' }],
};

describe('field widgets in the record drawer', () => {
  const suite = useE2eSuite(widgetsApp, async ({ api }) => {
    await callApi(api, 'POST', '/api/admin/users', { email: 'zhou.jie@e2e.test', name: 'Zhou Jie', password: 'zhou jie password' });
    await callApi(api, 'POST', '/api/admin/users', { email: 'zhou.min@e2e.test', name: 'Zhou Min', password: 'zhou min password' });
  });

  it('picks a user by search and a region level by level, and shows their names', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/lead`);
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
  it('picks a city without districts (广东省 / 东莞市) in one click, offers none of its towns, and saves it', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    // The region table lists only nine-digit towns under 东莞市, which no record can store: the server
    // serves none of them, so the city's level comes back empty and the city itself is the pick.
    expect(await callApi<{ code: string; name: string }[]>(suite.api, 'GET', '/api/regions?parent=441900')).toEqual([]);
    const towns = ['东城街道', '南城街道', '万江街道', '莞城街道', '石碣镇', '石龙镇'];
    try {
      await page.goto(`/apps/${suite.appId}/objects/lead`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('object-page-lead').waitFor({ timeout: UI_TIMEOUT });
      await shell.openNewRecord();
      await shell.fill('name', 'Dongguan lead');

      await page.locator('#record-form_area').click();
      for (const name of ['广东省', '东莞市']) {
        const item = page.locator('.ant-cascader-menu-item').filter({ hasText: new RegExp(`^${name}$`) });
        await item.waitFor({ timeout: UI_TIMEOUT });
        await item.click();
      }
      // Its level came back empty: the city itself is the pick, and the menu closes.
      const field = page.locator('.ant-cascader').filter({ has: page.locator('#record-form_area') });
      await field.filter({ hasText: '广东省 东莞市' }).waitFor({ timeout: UI_TIMEOUT });
      await page.locator('.ant-cascader-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      const shown = await page.locator('.ant-cascader-menu-item').allTextContents();
      expect(shown.filter((name) => towns.includes(name))).toEqual([]);
      await shell.save();
      await shell.waitForDrawerClosed();

      const row = shell.row('Dongguan lead');
      await row.filter({ hasText: '广东省 东莞市' }).waitFor({ timeout: UI_TIMEOUT });
      const saved = await callApi<{ items: { name: string; area: string | null }[] }>(
        suite.api,
        'GET',
        `/api/apps/${suite.appId}/objects/lead/records?limit=50`,
      );
      expect(saved.items.find((r) => r.name === 'Dongguan lead')?.area).toBe('441900');

      // Reopened, the drawer names the stored city from the province down.
      await row.getByText('Dongguan lead').click();
      await shell.drawer.getByText('广东省 东莞市').waitFor({ timeout: UI_TIMEOUT });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
  it('uploads an image, saves it with the record and serves it back through the record', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/lead`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('object-page-lead').waitFor({ timeout: UI_TIMEOUT });
      await shell.openNewRecord();
      await shell.fill('name', 'Photo lead');

      const upload = page.getByTestId('file-upload-photo');
      expect(await page.locator('#record-form_photo').getAttribute('accept')).toBe('image/*');
      await page.locator('#record-form_photo').setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: PIXEL_PNG });
      // Before the first save there is nothing to download through: the name only, no thumbnail.
      await upload.locator('.ant-upload-list-item-done').filter({ hasText: 'pixel.png' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await upload.locator('.ant-upload-list-item img').count()).toBe(0);
      await shell.save();
      await shell.waitForDrawerClosed();

      const row = shell.row('Photo lead');
      const cell = row.getByTestId('file-cell-photo');
      await cell.waitFor({ timeout: UI_TIMEOUT });
      expect(await cell.textContent()).toContain('pixel.png');
      expect(await cell.locator('img').getAttribute('src')).toMatch(/\/records\/[0-9a-f-]+\/files\/[0-9a-f-]+$/);

      // Reopened, the saved image is a thumbnail served through the record.
      await row.getByText('Photo lead').click();
      const thumb = shell.drawer.locator('[data-testid="file-upload-photo"] .ant-upload-list-item img');
      await thumb.waitFor({ timeout: UI_TIMEOUT });
      const src = await thumb.getAttribute('src');
      expect(src).toMatch(new RegExp(`^/api/apps/${suite.appId}/objects/lead/records/[0-9a-f-]+/files/[0-9a-f-]+$`));
      await expect.poll(() => thumb.evaluate((img) => (img as HTMLImageElement).naturalWidth), { timeout: UI_TIMEOUT }).toBe(1);

      const download = await context.request.get(src!);
      expect(download.status()).toBe(200);
      expect(download.headers()['content-type']).toBe('image/png');
      expect(Buffer.from(await download.body()).equals(PIXEL_PNG)).toBe(true);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord } from './api';
import { openPage } from './browser';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

/** A visit report: minutes as rich text, the team that made the visit, the customer's signature. */
const visitsApp: AppDocument = {
  id: 'e2e_rich_widgets',
  label: { en: 'E2E Visits', 'zh-CN': '端到端拜访' },
  objects: [
    {
      id: 'visit',
      label: { en: 'Visit', 'zh-CN': '拜访' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Subject', 'zh-CN': '主题' }, required: true },
        { id: 'minutes', type: 'rich_text', label: { en: 'Minutes', 'zh-CN': '纪要' } },
        { id: 'team', type: 'department', label: { en: 'Team', 'zh-CN': '部门' } },
        { id: 'sign', type: 'signature', label: { en: 'Customer signature', 'zh-CN': '客户签名' } },
        { id: 'files', type: 'attachment', label: { en: 'Files', 'zh-CN': '附件' } },
      ],
      views: [{ id: 'all', label: { en: 'All', 'zh-CN': '全部' }, columns: ['name', 'team'] }],
    },
  ],
  navigation: [{ id: 'visits', object: 'visit' }],
};

const PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** A raw write with the caller's language, to read the server's refusal as a client would. */
async function postVisit(baseUrl: string, cookie: string, appId: string, language: string, values: Record<string, unknown>) {
  const response = await fetch(`${baseUrl}/api/apps/${appId}/objects/visit/records`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Accept-Language': language, 'Content-Type': 'application/json', Cookie: cookie },
    body: JSON.stringify({ values }),
  });
  return { status: response.status, body: (await response.json()) as { errors?: { field: string; code: string; message: string }[] } };
}

describe('rich text, department and signature fields', () => {
  const suite = useE2eSuite(visitsApp, async ({ api }) => {
    const department = async (name: string, parentId: string | null) =>
      (await callApi<{ id: string }>(api, 'POST', '/api/admin/departments', { name, parentId })).id;
    const head = await department('总部', null);
    const sales = await department('销售部', head);
    await department('华东销售组', sales);
    await department('华北销售组', sales);
    await department('客户服务部', head);
  });

  it('writes formatted minutes, picks a team from the tree and signs, on a 375 px phone in Chinese', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'zh-CN', width: 375, height: 812 });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/visit`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('object-page-visit').waitFor({ timeout: UI_TIMEOUT });
      await shell.openNewRecord();
      await shell.fill('name', '上海客户回访');

      // Rich text: the editor arrives in its own chunk; bold from the toolbar, then a bulleted list.
      const editor = page.locator('#record-form_minutes');
      await editor.waitFor({ timeout: UI_TIMEOUT });
      await editor.click();
      await page.getByRole('button', { name: '加粗' }).click();
      await page.keyboard.type('重要');
      await page.getByRole('button', { name: '加粗' }).click();
      await page.keyboard.type(' 客户同意续约 ');
      // A link: a javascript: address is refused in the box; a bare domain gets https://.
      await page.getByRole('button', { name: '链接' }).click();
      const linkBox = page.getByRole('textbox', { name: '链接' });
      await linkBox.fill('javascript:alert(1)');
      await linkBox.press('Enter');
      await page.getByText('请输入网址（http 或 https）、邮箱地址或电话号码。').waitFor({ timeout: UI_TIMEOUT });
      await linkBox.fill('example.com');
      await linkBox.press('Enter');
      await editor.locator('a[href="https://example.com"]').waitFor({ timeout: UI_TIMEOUT });
      // The link box hands focus back to the editor as it closes: keys sent before that would be lost.
      await expect.poll(() => editor.evaluate((el) => el.contains(document.activeElement)), { timeout: UI_TIMEOUT }).toBe(true);
      await page.keyboard.press('Enter');
      await page.getByRole('button', { name: '项目符号列表' }).click();
      await page.keyboard.type('发送报价');
      await page.keyboard.press('Enter');
      await page.keyboard.type('安排培训');
      expect(await editor.locator('strong').textContent()).toBe('重要');
      expect(await editor.locator('ul > li').count()).toBe(2);
      // The editor and its toolbar fit the phone: nothing reaches past the screen's edge.
      const box = await page.locator('.rich-text-editor').boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);

      // Department: the tree is shown nested, and typing narrows it down.
      await page.locator('#record-form_team').click();
      await page.locator('.ant-select-tree-treenode').filter({ hasText: '销售部' }).first().waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('.ant-select-tree-treenode').filter({ hasText: '客户服务部' }).count()).toBe(1);
      await page.keyboard.type('华东');
      const east = page.locator('.ant-select-tree-node-content-wrapper').filter({ hasText: '华东销售组' });
      await east.waitFor({ timeout: UI_TIMEOUT });
      await east.click();

      // Signature: drawn with the pointer on a canvas as wide as the form and sharp at the screen's density.
      const pad = page.getByTestId('signature-record-form_sign');
      const canvas = pad.locator('canvas');
      await canvas.waitFor({ timeout: UI_TIMEOUT });
      await canvas.scrollIntoViewIfNeeded();
      const area = (await canvas.boundingBox())!;
      expect(area.x + area.width).toBeLessThanOrEqual(375);
      expect(area.width).toBeGreaterThan(250);
      const pixels = await canvas.evaluate((c: HTMLCanvasElement) => ({
        width: c.width,
        css: c.getBoundingClientRect().width,
        ratio: window.devicePixelRatio,
      }));
      expect(pixels.width).toBe(Math.round(Math.floor(pixels.css) * pixels.ratio));
      const draw = async () => {
        await page.mouse.move(area.x + 20, area.y + area.height * 0.6);
        await page.mouse.down();
        for (let step = 1; step <= 12; step++) {
          await page.mouse.move(area.x + 20 + step * 18, area.y + area.height * (0.6 + 0.25 * Math.sin(step)), { steps: 2 });
        }
        await page.mouse.up();
      };
      const hint = pad.getByText('请用鼠标、手写笔或手指在此签名');
      await draw();
      // Cleared, the pad is empty again (its hint is back); then the real signature.
      await page.getByTestId('signature-clear-record-form_sign').click();
      await hint.waitFor({ timeout: UI_TIMEOUT });
      await draw();
      await hint.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await page.screenshot({ path: `${ARTIFACTS}rich-widgets-phone-form.png`, fullPage: true });

      await shell.save();
      await shell.waitForDrawerClosed();

      const row = shell.row('上海客户回访');
      await row.waitFor({ timeout: UI_TIMEOUT });
      await row.getByTestId('department-name').filter({ hasText: '华东销售组' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await row.getByTestId('department-name').getAttribute('title')).toBe('总部 / 销售部 / 华东销售组');

      // The record page shows the formatting, the team's name and the signature as an image.
      await row.getByTestId('record-open-page').click();
      const view = page.getByTestId('rich-text-view-minutes');
      await view.waitFor({ timeout: UI_TIMEOUT });
      expect(await view.locator('strong').textContent()).toBe('重要');
      expect(await view.locator('ul > li').allTextContents()).toEqual(['发送报价', '安排培训']);
      expect(await view.locator('a').evaluate((a) => [a.getAttribute('href'), a.getAttribute('target'), a.getAttribute('rel'), a.textContent])).toEqual([
        'https://example.com',
        '_blank',
        'noopener noreferrer nofollow',
        'example.com',
      ]);
      expect(await page.getByTestId('record-field-team').textContent()).toContain('华东销售组');
      const signature = page.getByTestId('record-field-sign').getByTestId('signature-image-page');
      await signature.waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(() => signature.evaluate((img: HTMLImageElement) => img.naturalWidth), { timeout: UI_TIMEOUT }).toBeGreaterThan(250);
      await page.screenshot({ path: `${ARTIFACTS}rich-widgets-phone-page.png`, fullPage: true });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('sanitizes crafted rich text on the server and again in the browser, and refuses a signature that is not a PNG', async () => {
    const crafted = (await createRecord(suite.api, suite.appId, 'visit', {
      name: 'Crafted',
      minutes: '<p>Hi <img src=x onerror=alert(1)><b onmouseover="alert(2)">there</b></p><a href="javascript:alert(3)">click</a><script>alert(4)</script>',
    })) as { id: string; minutes: string };
    expect(crafted.minutes).toBe('<p>Hi <b>there</b></p><a target="_blank" rel="noopener noreferrer nofollow">click</a>');

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>').toString('base64');
    for (const sign of [`data:image/png;base64,${svg}`, `data:image/svg+xml;base64,${svg}`]) {
      const zh = await postVisit(suite.server.baseUrl, suite.api.cookie, suite.appId, 'zh-CN', { name: 'Forged', sign });
      expect(zh.status).toBe(422);
      expect(zh.body.errors).toEqual([
        expect.objectContaining({ field: 'sign', code: 'field.signature_invalid', message: '“客户签名”不是有效的签名图片，请重新签名' }),
      ]);
      const en = await postVisit(suite.server.baseUrl, suite.api.cookie, suite.appId, 'en', { name: 'Forged', sign });
      expect(en.body.errors).toEqual([
        expect.objectContaining({ field: 'sign', code: 'field.signature_invalid', message: '"Customer signature" is not a valid signature image; sign again' }),
      ]);
    }
    expect(
      (await postVisit(suite.server.baseUrl, suite.api.cookie, suite.appId, 'en', { name: 'Real PNG', sign: `data:image/png;base64,${PIXEL_PNG}` })).status,
    ).toBe(201);

    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    try {
      await page.goto(`/apps/${suite.appId}/objects/visit/records/${crafted.id}`);
      await shellPage(page).signIn(E2E_ADMIN);
      const view = page.getByTestId('rich-text-view-minutes');
      await view.waitFor({ timeout: UI_TIMEOUT });
      expect(await view.innerHTML()).toBe('<p>Hi <b>there</b></p><a target="_blank" rel="noopener noreferrer nofollow">click</a>');
      expect(dialogs).toEqual([]);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('goes back to sign-in when the session has ended before a file upload', async () => {
    const { page, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/visit`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('object-page-visit').waitFor({ timeout: UI_TIMEOUT });
      await shell.openNewRecord();
      await context.clearCookies();
      await page.locator('#record-form_files').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('visit notes') });
      await page.getByTestId('sign-in-page').waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('file-upload-error-files').count()).toBe(0);
    } finally {
      await context.close();
    }
  }, 60_000);
});

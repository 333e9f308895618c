import { describe, expect, it } from 'vitest';
import { callApi, createRecord, signInApi } from './api';
import { openPage } from './browser';
import { customerApp } from './fixtures/customer-app';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const COLLEAGUE = { email: 'li.na@e2e.test', name: '李娜', password: 'li na e2e password' };
/** Someone who may read every customer (an administrator), so a mention reaches them. */
const READER = { email: 'wang.fang@e2e.test', name: '王芳', password: 'wang fang e2e password', isAdmin: true };

interface StoredComment {
  id: string;
  body: string;
  mentions: string[];
  version: number;
}
interface Notice {
  kind: string;
  link: { comment?: string } | null;
}

describe('mentions typed in a comment', () => {
  let customerId = '';
  let colleagueId = '';
  let readerId = '';
  const suite = useE2eSuite(customerApp, async ({ api, appId }) => {
    customerId = (await createRecord(api, appId, 'customer', { name: '上海云帆贸易有限公司' })).id;
    colleagueId = (await callApi<{ id: string }>(api, 'POST', '/api/admin/users', COLLEAGUE)).id;
    readerId = (await callApi<{ id: string }>(api, 'POST', '/api/admin/users', READER)).id;
  });

  it('opens the directory search on @, inserts the person picked and mentions them', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'zh-CN' });
    const shell = shellPage(page);
    const text = page.getByTestId('record-comment-text');
    try {
      await page.goto(`/apps/${suite.appId}/objects/customer/records/${customerId}`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('record-comments').waitFor({ timeout: UI_TIMEOUT });

      await text.click();
      await page.keyboard.type('请 @li.na');
      // The directory's server-side search, right under the text.
      const person = page.locator('.ant-mentions-dropdown .ant-mentions-dropdown-menu-item').filter({ hasText: '李娜 <li.na@e2e.test>' });
      await person.waitFor({ timeout: UI_TIMEOUT });
      await person.click();
      expect(await text.inputValue()).toBe('请 @李娜 ');
      await page.keyboard.type('明天回访客户');
      await text.press('Control+Enter');

      const comment = page.getByTestId('record-comment').filter({ hasText: '明天回访客户' });
      await comment.waitFor({ timeout: UI_TIMEOUT });
      expect(await comment.getByTestId('record-comment-mention').textContent()).toBe('@李娜');
      // Stored as a mention of that person, as the picker's are.
      const stored = await callApi<StoredComment[]>(suite.api, 'GET', `/api/apps/${suite.appId}/objects/customer/records/${customerId}/comments`);
      expect(stored).toEqual([expect.objectContaining({ body: '<p>请 @李娜 明天回访客户</p>', mentions: [colleagueId] })]);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('tells the person mentioned in the bell, and their click opens the record at the comment', async () => {
    const author = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'zh-CN' });
    const reader = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'zh-CN' });
    try {
      const page = author.page;
      await page.goto(`/apps/${suite.appId}/objects/customer/records/${customerId}`);
      await shellPage(page).signIn(E2E_ADMIN);
      const text = page.getByTestId('record-comment-text');
      await text.waitFor({ timeout: UI_TIMEOUT });
      await text.click();
      await page.keyboard.type('@wang.fang');
      const person = page.locator('.ant-mentions-dropdown .ant-mentions-dropdown-menu-item').filter({ hasText: '王芳' });
      await person.waitFor({ timeout: UI_TIMEOUT });
      await person.click();
      await page.keyboard.type('请核对信用额度');
      await text.press('Control+Enter');
      await page.getByTestId('record-comment').filter({ hasText: '请核对信用额度' }).waitFor({ timeout: UI_TIMEOUT });

      // The person mentioned signs in elsewhere and finds it in the bell.
      const them = reader.page;
      await them.goto('/');
      await shellPage(them).signIn(READER);
      await them.getByTestId('header-notifications').click({ timeout: UI_TIMEOUT });
      const item = them.getByTestId('notification-item').filter({ hasText: '提到了你' });
      await item.waitFor({ timeout: UI_TIMEOUT });
      expect(await item.textContent()).toContain('在客户 “上海云帆贸易有限公司”的评论中提到了你');
      await item.click();
      await them.waitForURL(`**/apps/${suite.appId}/objects/customer/records/${customerId}?comment=*`, { timeout: UI_TIMEOUT });
      const focused = them.locator('[data-testid="record-comment"][data-focused="true"]');
      await focused.waitFor({ timeout: UI_TIMEOUT });
      expect(await focused.textContent()).toContain('请核对信用额度');
      expect([...author.errors, ...reader.errors].filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await author.context.close();
      await reader.context.close();
    }
  }, 90_000);

  it('edits one’s own comment in place by typing: Esc cancels, an @ added by the edit is told, the comment is marked edited', async () => {
    const commentsUrl = `/api/apps/${suite.appId}/objects/customer/records/${customerId}/comments`;
    const posted = await callApi<{ id: string }>(suite.api, 'POST', commentsUrl, { body: '<p>报价已发出</p>', mentions: [] });
    const readerApi = await signInApi(suite.server.baseUrl, { email: READER.email, password: READER.password });
    const noticesBefore = (await callApi<Notice[]>(readerApi, 'GET', '/api/notifications')).length;
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'zh-CN' });
    try {
      await page.goto(`/apps/${suite.appId}/objects/customer/records/${customerId}`);
      await shellPage(page).signIn(E2E_ADMIN);
      const comment = page.getByTestId('record-comment').filter({ hasText: '报价已发出' });
      await comment.waitFor({ timeout: UI_TIMEOUT });
      const box = page.getByTestId('record-comment-edit-text');

      // Esc leaves without saving.
      await comment.getByTestId('record-comment-edit').click();
      await box.waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.type('，不该保存');
      await page.keyboard.press('Escape');
      await box.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      expect(await comment.textContent()).not.toContain('不该保存');

      // Edit again: the caret waits after the text; typing @ searches the directory as the composer does.
      await comment.getByTestId('record-comment-edit').click();
      await box.waitFor({ timeout: UI_TIMEOUT });
      expect(await box.inputValue()).toBe('报价已发出');
      await page.keyboard.type('，请 @wang.fang');
      const person = page.locator('.ant-mentions-dropdown .ant-mentions-dropdown-menu-item').filter({ hasText: '王芳' });
      await person.waitFor({ timeout: UI_TIMEOUT });
      await person.click();
      await page.keyboard.type('确认价格');
      await page.getByTestId('record-comment-edit-save').click();
      await box.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

      const edited = page.getByTestId('record-comment').filter({ hasText: '确认价格' });
      await edited.getByTestId('record-comment-mention').filter({ hasText: '@王芳' }).waitFor({ timeout: UI_TIMEOUT });
      const marker = edited.getByTestId('record-comment-edited');
      expect(await marker.textContent()).toBe('已编辑');
      expect(await marker.getAttribute('title')).toMatch(/^编辑于 /);
      // Marked on the server too, so a reload keeps it.
      await page.reload();
      await edited.getByTestId('record-comment-edited').waitFor({ timeout: UI_TIMEOUT });

      const stored = (await callApi<StoredComment[]>(suite.api, 'GET', commentsUrl)).find((c) => c.id === posted.id);
      expect(stored).toMatchObject({ body: '<p>报价已发出，请 @王芳 确认价格</p>', mentions: [readerId], version: 2 });
      // The person the edit added is told, with a link to this comment.
      const notices = await callApi<Notice[]>(readerApi, 'GET', '/api/notifications');
      expect(notices.length).toBe(noticesBefore + 1);
      expect(notices.filter((n) => n.kind === 'mention' && n.link?.comment === posted.id)).toHaveLength(1);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});

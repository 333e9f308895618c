import type { AppDocument } from '@tessera/schemas';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord } from './api';
import { openPage } from './browser';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const option = (value: string, en: string, zh: string, color: string) => ({ value, label: { en, 'zh-CN': zh }, color });

/** A customer with a two-section form, its visits as a related list and a visit count rollup. */
const customer360App: AppDocument = {
  id: 'e2e_customer_360',
  label: { en: 'Customer 360', 'zh-CN': '客户全景' },
  objects: [
    {
      id: 'customer',
      label: { en: 'Customer', 'zh-CN': '客户' },
      pluralLabel: { en: 'Customers', 'zh-CN': '客户' },
      displayField: 'name',
      fields: [
        { id: 'name', type: 'text', label: { en: 'Name', 'zh-CN': '名称' }, required: true },
        {
          id: 'tier',
          type: 'select',
          label: { en: 'Tier', 'zh-CN': '等级' },
          options: [option('a', 'Key account', '重点客户', '#d4380d'), option('b', 'Standard', '普通客户', '#1677ff')],
        },
        {
          id: 'status',
          type: 'select',
          label: { en: 'Status', 'zh-CN': '状态' },
          options: [option('active', 'Active', '合作中', '#389e0d'), option('lead', 'Lead', '潜在', '#faad14')],
        },
        { id: 'phone', type: 'phone', label: { en: 'Phone', 'zh-CN': '电话' } },
        { id: 'credit', type: 'currency', currency: 'CNY', scale: 2, label: { en: 'Credit limit', 'zh-CN': '信用额度' } },
        { id: 'address', type: 'long_text', label: { en: 'Address', 'zh-CN': '地址' } },
        { id: 'visits', type: 'related_list', target: 'visit', via: 'customer', label: { en: 'Visits', 'zh-CN': '拜访记录' } },
        { id: 'visit_count', type: 'formula', formula: 'COUNT(visits)', resultType: 'number', label: { en: 'Visit count', 'zh-CN': '拜访次数' } },
      ],
    },
    {
      id: 'visit',
      label: { en: 'Visit', 'zh-CN': '拜访' },
      pluralLabel: { en: 'Visits', 'zh-CN': '拜访记录' },
      displayField: 'subject',
      fields: [
        { id: 'subject', type: 'text', label: { en: 'Subject', 'zh-CN': '主题' }, required: true },
        { id: 'customer', type: 'relation', target: 'customer', label: { en: 'Customer', 'zh-CN': '客户' } },
        { id: 'minutes', type: 'number', scale: 0, label: { en: 'Minutes', 'zh-CN': '时长（分钟）' } },
      ],
    },
  ],
  forms: [
    {
      id: 'customer_form',
      object: 'customer',
      label: { en: 'Customer', 'zh-CN': '客户' },
      nodes: [
        { id: 'basic', kind: 'section', label: { en: 'Basic information', 'zh-CN': '基本信息' } },
        { id: 'basic.name', kind: 'field', parent: 'basic', field: 'name' },
        { id: 'basic.tier', kind: 'field', parent: 'basic', field: 'tier' },
        { id: 'basic.status', kind: 'field', parent: 'basic', field: 'status' },
        { id: 'basic.credit', kind: 'field', parent: 'basic', field: 'credit' },
        { id: 'contact', kind: 'section', label: { en: 'Contact and activity', 'zh-CN': '联系与活动' } },
        { id: 'contact.phone', kind: 'field', parent: 'contact', field: 'phone' },
        { id: 'contact.visit_count', kind: 'field', parent: 'contact', field: 'visit_count' },
        { id: 'contact.address', kind: 'field', parent: 'contact', field: 'address' },
      ],
    },
  ],
  navigation: [
    { id: 'customers', object: 'customer' },
    { id: 'visits', object: 'visit' },
  ],
};

async function waitForText(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).filter({ hasText: text }).first().waitFor({ timeout: UI_TIMEOUT });
}

describe('the record page (customer 360)', () => {
  let acmeId: string;

  const suite = useE2eSuite(customer360App, async ({ api, appId }) => {
    acmeId = (
      await createRecord(api, appId, 'customer', {
        name: '上海云帆贸易有限公司',
        tier: 'a',
        status: 'active',
        phone: '13800138000',
        credit: '500000.00',
        address: '上海市浦东新区世纪大道 100 号',
      })
    ).id;
    await createRecord(api, appId, 'customer', { name: 'Beta Industries', tier: 'b', status: 'lead' });
    await createRecord(api, appId, 'visit', { subject: 'Kick-off meeting', customer: acmeId, minutes: 60 });
    await createRecord(api, appId, 'visit', { subject: 'Quarterly review', customer: acmeId, minutes: 45 });
    // A colleague to mention in a comment: only active users of the directory can be mentioned.
    await callApi(api, 'POST', '/api/admin/users', { email: 'li.na@e2e.test', name: 'Li Na', password: 'li na password' });
  });

  it('shows sections, related visits and the rollup; adds a visit; keeps a timeline', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/customer`);
      await shell.signIn(E2E_ADMIN);
      await shell.row('上海云帆贸易有限公司').waitFor({ timeout: UI_TIMEOUT });
      // From the table's link to the page, then a reload: the URL alone must bring the page back.
      await shell.row('上海云帆贸易有限公司').getByTestId('record-open-page').click();
      await waitForText(page, 'record-page-title', '上海云帆贸易有限公司');
      expect(new URL(page.url()).pathname).toBe(`/apps/${suite.appId}/objects/customer/records/${acmeId}`);
      await page.reload();
      await waitForText(page, 'record-page-title', '上海云帆贸易有限公司');

      await page.getByTestId('record-section-basic').waitFor();
      await page.getByTestId('record-section-contact').waitFor();
      expect(await page.getByTestId('record-section-basic').textContent()).toContain('Key account');
      expect(await page.getByTestId('record-fact-visit_count').textContent()).toContain('2');
      await page.getByTestId('related-visits-row').nth(1).waitFor();
      expect(await page.getByTestId('related-visits-row').first().textContent()).toContain('Quarterly review'); // newest first

      // A new visit from the related list: the customer is filled in, the count goes up.
      await page.getByTestId('related-visits-new').click();
      await page.locator('#record-form_subject').waitFor();
      expect(await page.getByTestId('record-drawer').textContent()).toContain('上海云帆贸易有限公司');
      await shell.fill('subject', 'Contract negotiation');
      await shell.fill('minutes', '90');
      await shell.save();
      await page.locator('#record-form_subject').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await page.getByTestId('related-visits-row').nth(2).waitFor({ timeout: UI_TIMEOUT });
      await waitForText(page, 'record-fact-visit_count', '3');
      expect(await page.getByTestId('record-field-visit_count').textContent()).toContain('3');

      // An edit through the drawer lands in the timeline as old → new.
      await page.getByTestId('record-page-edit').click();
      await page.locator('#record-form_name').waitFor();
      await shell.fill('name', '上海云帆贸易集团');
      await shell.save();
      await waitForText(page, 'record-page-title', '上海云帆贸易集团');
      await waitForText(page, 'record-timeline-entry', '上海云帆贸易有限公司');
      const newest = await page.getByTestId('record-timeline-entry').first().textContent();
      expect(newest).toContain('Updated');
      expect(newest).toContain('Name');
      expect(newest).toContain('上海云帆贸易集团');

      // A related record opens its own page; Back returns here.
      await page.getByTestId('related-visits-row').filter({ hasText: 'Contract negotiation' }).click();
      await waitForText(page, 'record-page-title', 'Contract negotiation');
      expect(page.url()).toContain('/objects/visit/records/');
      await page.goBack();
      await waitForText(page, 'record-page-title', '上海云帆贸易集团');
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it('posts a comment mentioning a colleague, keeps it over a reload, deletes it', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/customer/records/${acmeId}`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('record-comments').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('record-comment-text').fill('Please call <b>today</b> & confirm the credit limit');

      // The mention is found by the directory's server-side search, like the user picker.
      await page.getByTestId('record-comment-mentions').click();
      await page.keyboard.type('li.na');
      const colleague = page.locator('.ant-select-item-option').filter({ hasText: 'Li Na <li.na@e2e.test>' });
      await colleague.waitFor({ timeout: UI_TIMEOUT });
      await colleague.click();
      await page.keyboard.press('Escape');

      // Ctrl+Enter sends from the text box.
      await page.getByTestId('record-comment-text').press('Control+Enter');
      const comment = page.getByTestId('record-comment').filter({ hasText: 'confirm the credit limit' });
      await comment.waitFor({ timeout: UI_TIMEOUT });
      await waitForText(page, 'record-comment-mention', '@Li Na');
      // Typed markup is text, not HTML.
      expect(await comment.textContent()).toContain('<b>today</b> & confirm');
      expect(await page.getByTestId('record-comment-text').inputValue()).toBe('');

      await page.reload();
      await comment.waitFor({ timeout: UI_TIMEOUT });
      await waitForText(page, 'record-comment-mention', '@Li Na');

      await comment.getByTestId('record-comment-delete').click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'Delete' }).click();
      await comment.waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await page.reload();
      // Gone for good, not only from this screen: the re-read thread keeps only a placeholder.
      await waitForText(page, 'record-comment-deleted', 'Comment deleted');
      expect(await page.getByTestId('record-comment').count()).toBe(1);
      expect(await page.getByTestId('record-comments').textContent()).not.toContain('confirm the credit limit');
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);

  it('stacks on a 375 px phone', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 375, height: 812 });
    const shell = shellPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/customer/records/${acmeId}`);
      await shell.signIn(E2E_ADMIN); // lands back on the record page
      await page.getByTestId('record-page-title').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('record-section-basic').waitFor();
      await page.getByRole('tab', { name: 'Related' }).waitFor();
      await page.getByRole('tab', { name: 'Timeline' }).waitFor();
      await page.getByRole('tab', { name: 'Comments' }).waitFor();
      // Nothing wider than the phone: no sideways scrolling.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: `${ARTIFACTS}record-page-375.png`, fullPage: true });
      await page.getByRole('tab', { name: 'Related' }).click();
      await page.getByTestId('related-visits-row').first().waitFor();
      await page.screenshot({ path: `${ARTIFACTS}record-page-375-related.png`, fullPage: true });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 60_000);
});

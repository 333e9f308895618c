import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { createRecord } from './api';
import { openPage } from './browser';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

/** Customer visits on a date: the calendar's field. */
const visitsApp: AppDocument = {
  id: 'e2e_visits',
  label: { en: 'E2E Visits', 'zh-CN': '端到端拜访' },
  objects: [
    {
      id: 'visit',
      label: { en: 'Visit', 'zh-CN': '拜访' },
      pluralLabel: { en: 'Visits', 'zh-CN': '拜访' },
      displayField: 'subject',
      fields: [
        { id: 'subject', type: 'text', label: { en: 'Subject', 'zh-CN': '主题' }, required: true },
        { id: 'visit_date', type: 'date', label: { en: 'Visit date', 'zh-CN': '拜访日期' } },
      ],
    },
  ],
  navigation: [{ id: 'visits', object: 'visit' }],
};

/** A day of the month `offset` months from this one, in this machine's (and the browser's) time zone. */
function dayOf(offset: number, day: number): { key: string; month: string } {
  const date = new Date(new Date().getFullYear(), new Date().getMonth() + offset, day);
  const key = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { key, month: new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long' }).format(date) };
}

describe('calendar navigation between months with records', () => {
  // Every visit was last month, and the next one is two months ahead: this month is empty.
  const lastMonth = dayOf(-1, 10);
  const lastMonthLater = dayOf(-1, 20);
  const ahead = dayOf(2, 5);
  const suite = useE2eSuite(visitsApp, async ({ api, appId }) => {
    await createRecord(api, appId, 'visit', { subject: '拜访华为', visit_date: lastMonth.key });
    await createRecord(api, appId, 'visit', { subject: '回访腾讯', visit_date: lastMonthLater.key });
    await createRecord(api, appId, 'visit', { subject: '签约阿里', visit_date: ahead.key });
  });

  it('jumps over empty months to the nearest records and counts each month', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'zh-CN', width: 1366, height: 900 });
    const shell = shellPage(page);
    const count = page.getByTestId('calendar-month-count');
    const earlier = page.getByTestId('calendar-earlier');
    const later = page.getByTestId('calendar-later');
    try {
      await page.goto(`/apps/${suite.appId}/objects/visit`);
      await shell.signIn(E2E_ADMIN);
      await page.getByTestId('view-switcher').getByText('日历').click();

      // The calendar opens on this (empty) month and says where the records are.
      await expect.poll(() => count.textContent(), { timeout: UI_TIMEOUT }).toBe('本月 0 条记录');
      await expect.poll(() => earlier.textContent(), { timeout: UI_TIMEOUT }).toBe(`更早：${lastMonth.month}`);
      await expect.poll(() => later.textContent(), { timeout: UI_TIMEOUT }).toBe(`更晚：${ahead.month}`);

      await earlier.click();
      await page.getByTestId(`calendar-day-${lastMonth.key}`).getByText('拜访华为').waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(() => count.textContent(), { timeout: UI_TIMEOUT }).toBe('本月 2 条记录');
      await expect.poll(() => earlier.textContent(), { timeout: UI_TIMEOUT }).toBe('没有更早的记录');
      expect(await earlier.isDisabled()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'calendar-navigation-zh-cn.png') });

      // From last month, "later" skips this month and next: straight to the next visit.
      await expect.poll(() => later.textContent(), { timeout: UI_TIMEOUT }).toBe(`更晚：${ahead.month}`);
      await later.click();
      await page.getByTestId(`calendar-day-${ahead.key}`).getByText('签约阿里').waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(() => count.textContent(), { timeout: UI_TIMEOUT }).toBe('本月 1 条记录');
      await expect.poll(() => later.textContent(), { timeout: UI_TIMEOUT }).toBe('没有更晚的记录');
      expect(await later.isDisabled()).toBe(true);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});

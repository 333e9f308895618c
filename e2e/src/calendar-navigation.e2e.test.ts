import { join } from 'node:path';
import type { AppDocument } from '@tessera/schemas';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord, type Person, signInApi } from './api';
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
  roles: [{ id: 'rep', label: { en: 'Rep', 'zh-CN': '销售' }, permissions: [{ object: 'visit', actions: ['create', 'read', 'update'], rows: 'own' }] }],
  navigation: [{ id: 'visits', object: 'visit' }],
};

/** A sales rep who sees only the visits they own. */
const REP: Person = { email: 'calendar-rep@e2e.local', name: '王销售', password: 'rep-password-1' };

/** A day of the month `offset` months from this one, in this machine's (and the browser's) time zone. */
function dayOf(offset: number, day: number): { key: string; month: string; en: string } {
  const date = new Date(new Date().getFullYear(), new Date().getMonth() + offset, day);
  const key = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const long = (locale: string) => new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long' }).format(date);
  return { key, month: long('zh-CN'), en: long('en-US') };
}

/** The twelve counts the calendar's month strip shows for the year on screen. */
async function yearCounts(page: Page): Promise<string[]> {
  const strip = page.getByTestId('calendar-year-counts');
  return Promise.all(
    Array.from({ length: 12 }, (_, i) =>
      strip
        .getByTestId(`calendar-year-count-${i + 1}`)
        .textContent()
        .then((t) => t ?? ''),
    ),
  );
}

/** What the strip should show for `year`, counted independently from the days the visits were put on. */
function expectedCounts(year: number, days: readonly { key: string }[]): string[] {
  return Array.from({ length: 12 }, (_, i) => String(days.filter((d) => d.key.startsWith(`${year}-${String(i + 1).padStart(2, '0')}-`)).length));
}

describe('calendar navigation between months with records', () => {
  // Every visit was last month, and the next one is two months ahead: this month is empty.
  const lastMonth = dayOf(-1, 10);
  const lastMonthLater = dayOf(-1, 20);
  const ahead = dayOf(2, 5);
  // The rep's own visits: one last month, one in the month ahead.
  const repLastMonth = dayOf(-1, 25);
  const repAhead = dayOf(2, 15);
  const everyone = [lastMonth, lastMonthLater, ahead, repLastMonth, repAhead];
  const suite = useE2eSuite(visitsApp, async ({ api, appId, server }) => {
    await createRecord(api, appId, 'visit', { subject: '拜访华为', visit_date: lastMonth.key });
    await createRecord(api, appId, 'visit', { subject: '回访腾讯', visit_date: lastMonthLater.key });
    await createRecord(api, appId, 'visit', { subject: '签约阿里', visit_date: ahead.key });
    const { id } = await callApi<{ id: string }>(api, 'POST', '/api/admin/users', REP);
    await callApi(api, 'PUT', `/api/admin/users/${id}/roles`, { appId, roles: ['rep'] });
    const rep = await signInApi(server.baseUrl, { email: REP.email, password: REP.password });
    await createRecord(rep, appId, 'visit', { subject: '拜访美团', visit_date: repLastMonth.key });
    await createRecord(rep, appId, 'visit', { subject: '回访京东', visit_date: repAhead.key });
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
      // Every month of this year with its count, not only the month on screen.
      const thisYear = new Date().getFullYear();
      await expect.poll(() => yearCounts(page), { timeout: UI_TIMEOUT }).toEqual(expectedCounts(thisYear, everyone));

      await earlier.click();
      await page.getByTestId(`calendar-day-${lastMonth.key}`).getByText('拜访华为').waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(() => count.textContent(), { timeout: UI_TIMEOUT }).toBe('本月 3 条记录');
      await expect.poll(() => earlier.textContent(), { timeout: UI_TIMEOUT }).toBe('没有更早的记录');
      expect(await earlier.isDisabled()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'calendar-navigation-zh-cn.png') });

      // From last month, "later" skips this month and next: straight to the next visit.
      await expect.poll(() => later.textContent(), { timeout: UI_TIMEOUT }).toBe(`更晚：${ahead.month}`);
      await later.click();
      await page.getByTestId(`calendar-day-${ahead.key}`).getByText('签约阿里').waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(() => count.textContent(), { timeout: UI_TIMEOUT }).toBe('本月 2 条记录');
      await expect.poll(() => yearCounts(page), { timeout: UI_TIMEOUT }).toEqual(expectedCounts(Number(ahead.key.slice(0, 4)), everyone));
      await expect.poll(() => later.textContent(), { timeout: UI_TIMEOUT }).toBe('没有更晚的记录');
      expect(await later.isDisabled()).toBe(true);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);

  it("counts only a rep's own visits in every month of the year", async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en', width: 375, height: 800 });
    const mine = [repLastMonth, repAhead];
    try {
      await page.goto(`/apps/${suite.appId}/objects/visit`);
      await shellPage(page).signIn({ email: REP.email, password: REP.password });
      await page.getByTestId('view-switcher').getByText('Calendar').click();
      const thisYear = new Date().getFullYear();
      await expect.poll(() => yearCounts(page), { timeout: UI_TIMEOUT }).toEqual(expectedCounts(thisYear, mine));
      await page.screenshot({ path: join(ARTIFACTS, 'calendar-year-counts-rep-375.png') });

      // A month picked from the strip opens with the rep's one visit there, not the three everyone has.
      const month = Number(repLastMonth.key.slice(5, 7));
      if (Number(repLastMonth.key.slice(0, 4)) === thisYear) await page.getByTestId(`calendar-year-month-${month}`).click();
      else await page.getByTestId('calendar-earlier').click();
      await page.getByTestId(`calendar-day-${repLastMonth.key}`).getByText('拜访美团').waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(() => page.getByTestId('calendar-month-count').textContent(), { timeout: UI_TIMEOUT }).toBe('1 records this month');
      expect(await page.getByText('拜访华为').count()).toBe(0);
      await expect.poll(() => yearCounts(page), { timeout: UI_TIMEOUT }).toEqual(expectedCounts(Number(repLastMonth.key.slice(0, 4)), mine));
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 90_000);
});

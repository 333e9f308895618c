import { loadTemplate } from '@tessera/templates';
import { describe, expect, it } from 'vitest';
import { createRecord } from './api';
import { openPage } from './browser';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const crm = loadTemplate('crm')!.document;

/**
 * The demo CRM's sales overview in Chromium: the widgets answer, the date filter changes what
 * they count, and a funnel stage drills down to exactly its deals.
 */
describe('a manager reads the sales dashboard', () => {
  const suite = useE2eSuite(crm, async ({ api, appId }) => {
    const customer = await createRecord(api, appId, 'customer', { name: '杭州云栖科技有限公司', tier: 'A', status: 'active' });
    const deal = (name: string, stage: string, amount: string, closedAt?: string) =>
      createRecord(api, appId, 'opportunity', { name, customer: customer.id, stage, amount, ...(closedAt ? { closed_at: closedAt } : {}) });
    for (const [i, stage] of ['lead', 'lead', 'lead', 'qualified', 'qualified', 'proposal'].entries()) await deal(`商机 ${i}`, stage, '10000.00');
    // Won long ago: counted over all time, not this year.
    await deal('老客户续约', 'won', '500000.00', '2020-03-01T02:00:00Z');
  });

  it('shows the open funnel, widens the period with the date filter, and drills down from a stage to its deals', async () => {
    const { page, errors } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    try {
      await page.goto(`/apps/${suite.appId}/dashboards/sales_overview`);
      await shellPage(page).signIn(E2E_ADMIN);
      const openDeals = page.locator('[data-testid=widget-open_deals] [data-testid=kpi-value]');
      await openDeals.filter({ hasText: '6' }).waitFor({ timeout: UI_TIMEOUT });
      const revenue = page.locator('[data-testid=widget-revenue] [data-testid=kpi-value]');
      await revenue.filter({ hasText: '0' }).waitFor({ timeout: UI_TIMEOUT });

      // All time: the deal won in 2020 now counts.
      await page.locator('[data-testid=dashboard-range]').click();
      await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: 'All time' }).click();
      await revenue.filter({ hasText: '500,000' }).waitFor({ timeout: UI_TIMEOUT });

      // The funnel's first stage (leads) is drawn as an SVG path: clicking it lists its three deals.
      const funnel = page.locator('[data-testid=chart-funnel] svg path[fill]:not([fill="none"])');
      await funnel.first().waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: `${ARTIFACTS}dashboard-en.png`, fullPage: true });
      await funnel.first().click({ force: true });
      await page.locator('[data-testid=drill-total]').filter({ hasText: '3 records' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.locator('[data-testid=drill-record]').count()).toBe(3);
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

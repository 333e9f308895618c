import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi } from './api';
import { openPage } from './browser';
import { createDashboard, dealsApp, designerGrid, openStudioDashboards, pick, seedDealTeam } from './dashboard-fixtures';
import { pointerDrag } from './pointer-drag';
import { E2E_ADMIN } from './server';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const REP = { email: 'he.ping@quality.test', name: '何平', password: 'rep quality measures password' };

/** Deals whose key fields are stage and amount, with a closing date; no dormancy rule and no match rules. */
const base = dealsApp('e2e_dash_quality');
const [deal] = base.objects;
const deals: AppDocument = {
  ...base,
  objects: [
    {
      ...deal!,
      fields: [...deal!.fields, { id: 'closed', type: 'date', label: { en: 'Closed on', 'zh-CN': '成交日期' } }],
      quality: { keyFields: ['stage', 'amount'] },
    },
  ],
};

describe('data-quality measures in the dashboard designer', () => {
  const suite = useE2eSuite(deals, (world) =>
    seedDealTeam(
      world,
      [[REP, 'rep']],
      // Three deals with both key fields, one without an amount: 3.5 of 4 records complete.
      [
        [REP, { name: '星河科技', stage: 'open', amount: '10000.00', closed: '2027-01-15' }],
        [REP, { name: '云栖数据', stage: 'won', amount: '20000.00', closed: '2027-01-20' }],
        [REP, { name: '江南制造', stage: 'won', amount: '30000.00' }],
        [REP, { name: '北方物流', stage: 'open' }],
      ],
    ),
  );

  it('the measure list offers completeness and average days, and names what the object lacks for dormancy and duplicates', async () => {
    const admin = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1700, height: 1100, locale: 'en' });
    const { page } = admin;
    try {
      await openStudioDashboards(page, suite.appId, E2E_ADMIN);
      await createDashboard(page, { zh: '数据质量', en: 'Data quality' });
      await pointerDrag(page, page.getByTestId('dash-palette-kpi'), designerGrid(page));
      await page.getByTestId('dash-tile-kpi').waitFor({ timeout: UI_TIMEOUT });

      // Dormancy and duplicates need the object's rules first: offered, disabled, saying so.
      await page.getByTestId('dash-report-aggregate').click();
      const option = (text: string) => page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first();
      await option('Dormant rate').waitFor({ timeout: UI_TIMEOUT });
      expect(await option('Dormant rate').getAttribute('class')).toContain('ant-select-item-option-disabled');
      expect(await option('Dormant rate').textContent()).toContain('dormancy days');
      expect(await option('Duplicate records').getAttribute('class')).toContain('ant-select-item-option-disabled');
      await page.keyboard.press('Escape');

      // Completeness of the key fields, shown as a share.
      await pick(page, page.getByTestId('dash-report-aggregate'), 'Completeness');
      await page.locator('[data-testid=dash-preview] [data-testid=kpi-value]').filter({ hasText: '87.5 %' }).waitFor({ timeout: UI_TIMEOUT });

      // Average days: to the closing date, counted from the creation unless another date is chosen.
      await pick(page, page.getByTestId('dash-report-aggregate'), 'Average days');
      await page.getByTestId('dash-report-measure-field').filter({ hasText: 'Closed on' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('dash-report-measure-from').filter({ hasText: 'Created at' }).waitFor({ timeout: UI_TIMEOUT });
      await page
        .locator('[data-testid=dash-preview] [data-testid=kpi-value]')
        .filter({ hasNotText: '%' })
        .filter({ hasText: /\d/ })
        .waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: `${ARTIFACTS}dashboard-quality-measures.png` });

      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
      const draft = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      const board = draft.draft.dashboards?.find((d) => d.id === 'data_quality');
      const measure = draft.draft.reports?.find((r) => r.id === board?.widgets[0]?.report)?.measures[0];
      expect(measure).toMatchObject({ aggregate: 'avg_days', field: 'closed', from: 'created_at' });
      expect(measure).not.toHaveProperty('format');
    } catch (error) {
      await page.screenshot({ path: `${ARTIFACTS}dashboard-quality-measures-failure.png` });
      console.log(admin.errors.join('\n'));
      throw error;
    } finally {
      await admin.context.close();
    }
  });
});

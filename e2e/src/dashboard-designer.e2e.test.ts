import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi } from './api';
import { openPage } from './browser';
import { createDashboard, dealsApp, designerGrid, openStudioDashboards, pick, seedDealTeam, typeInto } from './dashboard-fixtures';
import { pointerDrag } from './pointer-drag';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { confirmPublish } from './studio-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const REP = { email: 'zhao.min@dash.test', name: '赵敏', password: 'rep dashboard designer password' };
const OTHER = { email: 'qian.hao@dash.test', name: '钱浩', password: 'other rep dashboard password' };
const MANAGER = { email: 'sun.yue@dash.test', name: '孙悦', password: 'manager dashboard designer password' };

const deals = dealsApp('e2e_dash_designer');
const grid = designerGrid;

describe('the dashboard designer in the browser', () => {
  const suite = useE2eSuite(deals, (world) =>
    seedDealTeam(
      world,
      [
        [REP, 'rep'],
        [OTHER, 'rep'],
        [MANAGER, 'manager'],
      ],
      // Three deals of the rep, two of the other rep: each created by its owner.
      [
        [REP, { name: '星河科技', stage: 'open', amount: '10000.00' }],
        [REP, { name: '云栖数据', stage: 'open', amount: '20000.00' }],
        [REP, { name: '江南制造', stage: 'open', amount: '30000.00' }],
        [OTHER, { name: '北方物流', stage: 'won', amount: '40000.00' }],
        [OTHER, { name: '东海渔业', stage: 'won', amount: '50000.00' }],
      ],
    ),
  );

  it('an admin builds a dashboard of two widgets by pointer drags, keyboard and typing, and publishes it; a rep sees only their numbers and not the managers’ widget; the owner filter changes the numbers', async () => {
    const admin = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1700, height: 1100, locale: 'en' });
    const { page } = admin;
    try {
      await openStudioDashboards(page, suite.appId, E2E_ADMIN);
      await createDashboard(page, { zh: '销售看板', en: 'Sales board' });

      // A KPI dragged from the palette onto the grid with the mouse: it counts deals, live.
      await pointerDrag(page, page.getByTestId('dash-palette-kpi'), grid(page));
      await page.getByTestId('dash-tile-kpi').waitFor({ timeout: UI_TIMEOUT });
      await typeInto(page, page.getByTestId('dash-widget-title-en'), 'Deals');
      await typeInto(page, page.getByTestId('dash-widget-title-zh'), '商机数');
      await page.locator('[data-testid=dash-preview] [data-testid=kpi-value]').filter({ hasText: '5' }).waitFor({ timeout: UI_TIMEOUT });

      // A bar chart dropped on the same spot lands below the KPI; it sums amounts by stage, for managers only.
      await pointerDrag(page, page.getByTestId('dash-palette-bar'), grid(page));
      await page.getByTestId('dash-tile-bar').waitFor({ timeout: UI_TIMEOUT });
      await typeInto(page, page.getByTestId('dash-widget-title-en'), 'Amount by stage');
      await pick(page, page.getByTestId('dash-report-aggregate'), 'Sum');
      await page.getByTestId('dash-report-measure-field').filter({ hasText: 'Amount' }).waitFor({ timeout: UI_TIMEOUT });
      await pick(page, page.getByTestId('dash-widget-roles'), 'Manager');
      await page.locator('[data-testid=dash-preview] [data-testid=chart-bar] svg').waitFor({ timeout: UI_TIMEOUT });
      const kpiBox = await page.getByTestId('dash-tile-kpi').boundingBox();
      const barBox = await page.getByTestId('dash-tile-bar').boundingBox();
      expect(barBox!.y).toBeGreaterThanOrEqual(kpiBox!.y + kpiBox!.height - 8);

      // The bar made wider by dragging its corner two columns to the right.
      const column = ((await page.getByTestId('dash-grid').boundingBox())?.width ?? 0) / 24;
      const corner = await page.getByTestId('dash-tile-resize-bar').boundingBox();
      await page.mouse.move(corner!.x + corner!.width / 2, corner!.y + corner!.height / 2);
      await page.mouse.down();
      await page.mouse.move(corner!.x + corner!.width / 2 + column * 2, corner!.y + corner!.height / 2, { steps: 8 });
      await page.mouse.up();
      await page.getByTestId('dash-tile-bar').filter({ hasText: '14 × 8' }).waitFor({ timeout: UI_TIMEOUT });

      // The KPI moved one cell right and made one column wider from the keyboard; Ctrl+Z takes the widening back, Ctrl+Shift+Z redoes it.
      await page.getByTestId('dash-tile-kpi').focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Shift+ArrowRight');
      await page.getByTestId('dash-tile-kpi').filter({ hasText: '7 × 4' }).waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press('ControlOrMeta+z');
      await page.getByTestId('dash-tile-kpi').filter({ hasText: '6 × 4' }).waitFor({ timeout: UI_TIMEOUT });
      await page.keyboard.press('ControlOrMeta+Shift+z');
      await page.getByTestId('dash-tile-kpi').filter({ hasText: '7 × 4' }).waitFor({ timeout: UI_TIMEOUT });

      // The dashboard offers the owner filter: its settings show when no widget is selected.
      await page.keyboard.press('Escape');
      await page.getByTestId('dash-filter-owner').click();
      await page.screenshot({ path: `${ARTIFACTS}dashboard-designer.png` });

      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
      const draft = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      const board = draft.draft.dashboards?.find((d) => d.id === 'sales_board');
      expect(board?.filters).toEqual(['owner']);
      expect(board?.widgets.map((w) => [w.id, w.kind, w.roles ?? null, w.layout])).toEqual([
        ['kpi', 'kpi', null, expect.objectContaining({ w: 7, h: 4 })],
        ['bar', 'bar', ['manager'], expect.objectContaining({ w: 14, h: 8 })],
      ]);
      expect(draft.draft.reports?.find((r) => r.id === board?.widgets[1]?.report)?.measures[0]).toMatchObject({ aggregate: 'sum', field: 'amount' });

      await page.getByTestId('studio-publish').click();
      await confirmPublish(page, 2);
    } catch (error) {
      await page.screenshot({ path: `${ARTIFACTS}dashboard-designer-failure.png` });
      console.log(admin.errors.join('\n'));
      throw error;
    } finally {
      await admin.context.close();
    }

    // The rep: only their three deals, and the server sends no managers' widget at all.
    const rep = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    try {
      await rep.page.goto(`/apps/${suite.appId}/dashboards/sales_board`);
      const served = rep.page.waitForResponse((r) => r.url().endsWith('/dashboards/sales_board/data') && r.status() === 200);
      await shellPage(rep.page).signIn(REP);
      const data = (await (await served).json()) as { widgets: { id: string }[] };
      expect(data.widgets.map((w) => w.id)).toEqual(['kpi']);
      await rep.page.locator('[data-testid=widget-kpi] [data-testid=kpi-value]').filter({ hasText: '3' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await rep.page.getByTestId('widget-bar').count()).toBe(0);
      await rep.page.screenshot({ path: `${ARTIFACTS}dashboard-designer-rep.png` });
      expect(rep.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await rep.context.close();
    }

    // The manager: all five deals and the bar chart; the owner filter narrows every widget to the rep's.
    const manager = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    try {
      const { page: m } = manager;
      await m.goto(`/apps/${suite.appId}/dashboards/sales_board`);
      await shellPage(m).signIn(MANAGER);
      const kpi = m.locator('[data-testid=widget-kpi] [data-testid=kpi-value]');
      await kpi.filter({ hasText: '5' }).waitFor({ timeout: UI_TIMEOUT });
      await m.locator('[data-testid=chart-bar] svg').waitFor({ timeout: UI_TIMEOUT });
      await m.locator('[data-testid=dashboard-owner] .ant-select').click();
      await m.keyboard.type('赵');
      await m.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: REP.name }).first().click();
      await kpi.filter({ hasText: '3' }).waitFor({ timeout: UI_TIMEOUT });
      await m.screenshot({ path: `${ARTIFACTS}dashboard-designer-filtered.png` });

      // Exports: the KPI's data as CSV (the filtered number), the chart as a PNG.
      await m.getByTestId('export-kpi').click();
      const csv = m.waitForEvent('download');
      await m.getByTestId('export-kpi-csv').click();
      const file = await csv;
      expect(file.suggestedFilename()).toMatch(/^sales_board-kpi-.*\.csv$/);
      const text = (await (await file.createReadStream()).toArray()).join('');
      expect(
        text
          .replace(/^\uFEFF/, '')
          .trim()
          .split('\r\n'),
      ).toEqual(['Count', '3']);
      await m.getByTestId('export-bar').click();
      const png = m.waitForEvent('download');
      await m.getByTestId('export-bar-png').click();
      const picture = await png;
      expect(picture.suggestedFilename()).toBe('bar.png');
      const bytes = Buffer.concat((await (await picture.createReadStream()).toArray()) as Buffer[]);
      expect(bytes.subarray(1, 4).toString()).toBe('PNG');
      expect(manager.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await manager.context.close();
    }
  }, 180_000);
});

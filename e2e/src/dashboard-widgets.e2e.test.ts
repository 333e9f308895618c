import type { AppDocument } from '@tessera/schemas';
import type { Download, Page } from 'playwright-core';
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

const REP = { email: 'zhou.lin@widgets.test', name: '周琳', password: 'rep widgets e2e password' };
const OTHER = { email: 'wu.feng@widgets.test', name: '吴峰', password: 'other rep widgets e2e password' };
const MANAGER = { email: 'zheng.yu@widgets.test', name: '郑宇', password: 'manager widgets e2e password' };

/** Deals, and a dashboard only managers may open, already in the menu. */
const deals: AppDocument = {
  ...dealsApp('e2e_dash_widgets'),
  dashboards: [{ id: 'managers_only', label: { en: 'Managers only', 'zh-CN': '经理专用' }, roles: ['manager'], widgets: [] }],
  navigation: [
    { id: 'deals', object: 'deal' },
    { id: 'nav_managers_only', dashboard: 'managers_only' },
  ],
};
const grid = designerGrid;

const bytesOf = async (download: Download) => Buffer.concat((await (await download.createReadStream()).toArray()) as Buffer[]);

/** A PNG decoded by the browser itself: its size, how many of its pixels are not (near) white, and how many of those lie within `edge` pixels of its border. */
async function pngPixels(page: Page, png: Buffer, edge = 0): Promise<{ width: number; height: number; ink: number; edgeInk: number }> {
  return page.evaluate(
    async ({ base64, edge }) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.naturalWidth;
      canvas.height = image.naturalHeight;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let ink = 0;
      let edgeInk = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i]! >= 200 && data[i + 1]! >= 200 && data[i + 2]! >= 200) continue;
        ink += 1;
        const x = (i / 4) % canvas.width;
        const y = Math.floor(i / 4 / canvas.width);
        if (x < edge || y < edge || x >= canvas.width - edge || y >= canvas.height - edge) edgeInk += 1;
      }
      return { width: canvas.width, height: canvas.height, ink, edgeInk };
    },
    { base64: png.toString('base64'), edge },
  );
}

describe('gauge, pivot and note widgets, the whole dashboard exported, and the menu by audience', () => {
  const suite = useE2eSuite(deals, (world) =>
    seedDealTeam(
      world,
      [
        [REP, 'rep'],
        [OTHER, 'rep'],
        [MANAGER, 'manager'],
      ],
      [
        [REP, { name: '星河科技', stage: 'open', amount: '10000.00' }],
        [REP, { name: '云栖数据', stage: 'open', amount: '20000.00' }],
        [REP, { name: '江南制造', stage: 'won', amount: '30000.00' }],
        [OTHER, { name: '北方物流', stage: 'won', amount: '40000.00' }],
        [OTHER, { name: '东海渔业', stage: 'won', amount: '50000.00' }],
      ],
    ),
  );

  it('an admin drags a pivot, a gauge and a note onto a new dashboard, configures and publishes them; the manager reads, drills and exports it; the menu offers each only what they may open', async () => {
    const admin = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1700, height: 1100, locale: 'en' });
    const { page } = admin;
    try {
      await openStudioDashboards(page, suite.appId, E2E_ADMIN);
      await createDashboard(page, { zh: '管道看板', en: 'Pipeline board' });

      // A pivot dragged from the palette: stage down, owner across (its starter), the sum of amounts in the cells.
      await pointerDrag(page, page.getByTestId('dash-palette-pivot'), grid(page));
      await page.getByTestId('dash-tile-pivot').waitFor({ timeout: UI_TIMEOUT });
      await typeInto(page, page.getByTestId('dash-widget-title-en'), 'Amount by stage and owner');
      await page.getByTestId('dash-report-dimension').filter({ hasText: 'Stage' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('dash-report-columns').filter({ hasText: 'Owner' }).waitFor({ timeout: UI_TIMEOUT });
      await pick(page, page.getByTestId('dash-report-aggregate'), 'Sum');
      await page.getByTestId('dash-report-measure-field').filter({ hasText: 'Amount' }).waitFor({ timeout: UI_TIMEOUT });
      await page.locator('[data-testid=dash-preview] .tessera-pivot tfoot').filter({ hasText: '150,000' }).waitFor({ timeout: UI_TIMEOUT });
      // Its corner names the draft's fields, as the published board will, not their ids.
      expect(await page.locator('[data-testid=dash-preview] .tessera-pivot thead th').first().textContent()).toBe('Stage \\ Owner');

      // A gauge: the sum of amounts on a dial to 200,000 with a target of 100,000.
      await pointerDrag(page, page.getByTestId('dash-palette-gauge'), grid(page));
      await page.getByTestId('dash-tile-gauge').waitFor({ timeout: UI_TIMEOUT });
      await typeInto(page, page.getByTestId('dash-widget-title-en'), 'Pipeline against target');
      await pick(page, page.getByTestId('dash-report-aggregate'), 'Sum');
      await typeInto(page, page.locator('input[data-testid=dash-widget-max], [data-testid=dash-widget-max] input').first(), '200000');
      await typeInto(page, page.locator('input[data-testid=dash-widget-target], [data-testid=dash-widget-target] input').first(), '100000');
      await page.locator('[data-testid=dash-preview] [data-testid=chart-gauge] svg').filter({ hasText: '150,000' }).waitFor({ timeout: UI_TIMEOUT });

      // A note, typed into its rich text editor in Chinese.
      await pointerDrag(page, page.getByTestId('dash-palette-note'), grid(page));
      await page.getByTestId('dash-tile-note').waitFor({ timeout: UI_TIMEOUT });
      const editor = page.locator('[data-testid=dash-note-zh-CN] .ProseMirror');
      await editor.waitFor({ timeout: UI_TIMEOUT });
      await editor.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type('本季度重点：赢单客户回访');
      await page.locator('[data-testid=dash-preview]').filter({ hasText: 'Write the note here' }).waitFor({ timeout: UI_TIMEOUT });

      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
      const draft = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      const board = draft.draft.dashboards?.find((d) => d.id === 'pipeline_board');
      expect(board?.widgets.map((w) => [w.id, w.kind])).toEqual([
        ['pivot', 'pivot'],
        ['gauge', 'gauge'],
        ['note', 'note'],
      ]);
      expect(board?.widgets[1]).toMatchObject({ max: 200000, target: 100000 });
      expect(board?.widgets[2]?.text?.['zh-CN']).toContain('本季度重点：赢单客户回访');
      expect(draft.draft.reports?.find((r) => r.id === board?.widgets[0]?.report)?.dimensions?.map((d) => d.field)).toEqual(['stage', 'owner_id']);
      await page.screenshot({ path: `${ARTIFACTS}dashboard-widgets-designer.png` });

      await page.getByTestId('studio-publish').click();
      await confirmPublish(page, 2);
    } catch (error) {
      await page.screenshot({ path: `${ARTIFACTS}dashboard-widgets-failure.png` });
      console.log(admin.errors.join('\n'));
      throw error;
    } finally {
      await admin.context.close();
    }

    // The rep: the menu offers the new board but not the managers' one; the pivot holds only their deals.
    const rep = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    try {
      await rep.page.goto(`/apps/${suite.appId}/dashboards/pipeline_board`);
      await shellPage(rep.page).signIn(REP);
      const nav = rep.page.getByTestId('side-nav');
      await nav.filter({ hasText: 'Pipeline board' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await nav.textContent()).not.toContain('Managers only');
      await rep.page.locator('[data-testid=widget-pivot] .tessera-pivot tfoot').filter({ hasText: '60,000' }).waitFor({ timeout: UI_TIMEOUT });
      expect(rep.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await rep.context.close();
    }

    // The manager, in Chinese: every deal, the managers' board in the menu, a pivot cell drilled, the whole board exported.
    const manager = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1400, height: 1000, locale: 'zh-CN' });
    try {
      const { page: m } = manager;
      await m.goto(`/apps/${suite.appId}/dashboards/pipeline_board`);
      await shellPage(m).signIn(MANAGER);
      await m.getByTestId('side-nav').filter({ hasText: '经理专用' }).waitFor({ timeout: UI_TIMEOUT });
      const pivot = m.locator('[data-testid=widget-pivot] .tessera-pivot');
      await pivot.locator('tfoot').filter({ hasText: '150,000' }).waitFor({ timeout: UI_TIMEOUT });
      const header = await pivot.locator('thead th').allTextContents();
      expect([header[0], header.at(-1), header.slice(1, -1).sort()]).toEqual(['阶段 \\ 负责人', '合计', [OTHER.name, REP.name].sort()]);
      await m.locator('[data-testid=chart-gauge] svg').filter({ hasText: '150,000' }).waitFor({ timeout: UI_TIMEOUT });
      await m.getByTestId('note-note').filter({ hasText: '本季度重点：赢单客户回访' }).waitFor({ timeout: UI_TIMEOUT });

      // The won row's cell of the other rep: exactly their two won deals.
      const won = pivot.locator('tbody tr').filter({ hasText: '赢单' });
      await won.locator('button.pivot-cell').filter({ hasText: '90,000' }).click();
      await m.locator('[data-testid=drill-total]').filter({ hasText: '2' }).waitFor({ timeout: UI_TIMEOUT });
      expect((await m.locator('[data-testid=drill-record]').allTextContents()).join(' ')).toMatch(/北方物流[\s\S]*东海渔业|东海渔业[\s\S]*北方物流/);
      await m.keyboard.press('Escape');
      await m.locator('[data-testid=drill-record]').first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT });

      // The whole dashboard as a PNG: as wide as the page at twice the pixels, with as much ink as the page shows.
      // (Compared with the page itself: where the widgets sit on the grid, and so how much of it is blank, depends on where the drags dropped them.)
      const shown = await pngPixels(m, await m.getByTestId('dashboard-pipeline_board').screenshot());
      await m.getByTestId('dashboard-export').click();
      const pngDownload = m.waitForEvent('download');
      await m.getByTestId('dashboard-export-png').click();
      const png = await pngDownload;
      expect(png.suggestedFilename()).toMatch(/^pipeline_board-\d{4}-\d{2}-\d{2}\.png$/);
      await png.saveAs(`${ARTIFACTS}dashboard-widgets-export.png`);
      const pngBytes = await bytesOf(png);
      expect(pngBytes.subarray(1, 4).toString()).toBe('PNG');
      const box = (await m.getByTestId('dashboard-pipeline_board').boundingBox())!;
      // A white margin all round (24 screen pixels, 48 in the picture): nothing drawn within 40 pixels of its border.
      const pixels = await pngPixels(m, pngBytes, 40);
      expect(pixels.edgeInk).toBe(0);
      expect(pixels.width).toBeGreaterThanOrEqual(Math.floor(box.width * 2) + 96 - 2);
      expect(pixels.height).toBeGreaterThan(box.height * 1.5);
      // Twice the pixels each way is four times the ink; half of that leaves room for anti-aliasing.
      expect(pixels.ink).toBeGreaterThan(shown.ink * 2);

      // And as a PDF: A4 pages, each a picture of its part of the board.
      await m.getByTestId('dashboard-export').click();
      const pdfDownload = m.waitForEvent('download');
      await m.getByTestId('dashboard-export-pdf').click();
      const pdf = await pdfDownload;
      expect(pdf.suggestedFilename()).toMatch(/^pipeline_board-\d{4}-\d{2}-\d{2}\.pdf$/);
      const pdfText = (await bytesOf(pdf)).toString('latin1');
      expect(pdfText.startsWith('%PDF-')).toBe(true);
      const pages = pdfText.match(/\/Type \/Page\b(?!s)/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect((pdfText.match(/\/Subtype \/Image/g) ?? []).length).toBe(pages.length);
      expect(await m.getByTestId('dashboard-export-caption').count()).toBe(0);
      await m.screenshot({ path: `${ARTIFACTS}dashboard-widgets-zh.png`, fullPage: true });
      expect(manager.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await manager.context.close();
    }
  }, 240_000);
});

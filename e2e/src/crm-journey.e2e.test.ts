import { loadTemplate } from '@tessera/templates';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord, signInApi } from './api';
import { openPage } from './browser';
import { listPage } from './list-page';
import { shellPage } from './shell-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const REP = { email: 'chen.jing@e2e.test', name: '陈静', password: 'rep e2e password' };
const crm = loadTemplate('crm')!.document;

/** Picks an option of an open select list by its visible text. */
async function pickOption(page: Page, text: string): Promise<void> {
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: text }).first().click();
}

/**
 * A sales rep's day in the demo CRM, as the issue tells it: fill a form whose fields appear and
 * become required by rules, see the errors in English and Chinese, save, find the deal with a
 * filter, move it on the kanban, open its 360 page on a phone.
 */
describe('a sales rep works a deal through the demo CRM', () => {
  const ids: Record<string, string> = {};
  const suite = useE2eSuite(crm, async ({ api, appId, server }) => {
    const rep = await callApi<{ id: string }>(api, 'POST', '/api/admin/users', REP);
    await callApi(api, 'PUT', `/api/admin/users/${rep.id}/roles`, { appId, roles: ['sales_rep'] });
    // The rep's own customer and an older deal: a rep sees only the rows they own.
    const asRep = await signInApi(server.baseUrl, { email: REP.email, password: REP.password });
    ids.customer = (await createRecord(asRep, appId, 'customer', { name: '杭州云栖科技有限公司', tier: 'A', status: 'active' })).id;
    ids.older = (await createRecord(asRep, appId, 'opportunity', { name: '办公网络改造', customer: ids.customer, stage: 'lead', amount: '30000.00' })).id;
  });

  it('fills the deal form with its rules, finds it with a filter, moves it on the kanban and opens its page on a phone', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'en' });
    const shell = shellPage(page);
    const list = listPage(page);
    try {
      await page.goto(`/apps/${suite.appId}/objects/opportunity`);
      await shell.signIn(REP);
      await list.total.filter({ hasText: '1 in total' }).waitFor({ timeout: UI_TIMEOUT });

      // A lost deal needs its reason: the field appears with the stage, and the probability is fixed at 0.
      await shell.openNewRecord();
      await shell.fill('name', '云栖数据中台建设');
      await page.locator('#record-form_customer').click();
      await page.keyboard.type('云栖');
      await pickOption(page, '杭州云栖科技有限公司');
      await shell.fill('amount', '450000');
      expect(await page.locator('#record-form_lost_reason').count()).toBe(0);
      await page.locator('#record-form_stage').click();
      await pickOption(page, 'Lost');
      await page.locator('#record-form_lost_reason').waitFor({ timeout: UI_TIMEOUT });
      await shell.save();
      expect(await shell.fieldError('lost_reason')).toContain('Reason lost');
      await page.screenshot({ path: `${ARTIFACTS}crm-journey-rule-en.png` });

      // Still negotiating after all: the reason goes away again and the deal saves.
      await page.locator('#record-form_stage').click();
      await pickOption(page, 'Negotiation');
      await page.locator('#record-form_lost_reason').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      const saved = page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/records?form=opportunity_form'));
      await shell.save();
      const created = await saved;
      expect(created.status()).toBe(201);
      ids.deal = ((await created.json()) as { id: string }).id;
      await shell.waitForDrawerClosed();

      // The rest of the day in Chinese: the same rule answers in Chinese on the kanban below.
      await shell.switchLanguage('中文', 'zh-CN');

      // Found with the filter builder: stage is any of 商务谈判.
      await list.total.filter({ hasText: '共 2 条' }).waitFor({ timeout: UI_TIMEOUT });
      await list.addFilter('阶段', null, (value) => list.pick(value.locator('.ant-select'), '商务谈判'));
      await list.total.filter({ hasText: '共 1 条' }).waitFor({ timeout: UI_TIMEOUT });
      await shell.row('云栖数据中台建设').waitFor({ timeout: UI_TIMEOUT });

      // On the kanban by stage, a move to "lost" meets the form's rule (no reason yet, no close time):
      // the deal's drawer opens with the stage already 输单 and the missing fields marked, and the
      // card stays where it was until the deal is saved. Cancelled once, then completed; a move to
      // "proposal" afterwards is accepted as it is.
      // Wide enough for all six stages side by side: a drag does not scroll the board.
      await page.setViewportSize({ width: 2200, height: 900 });
      await page.getByTestId('view-switcher').getByText('看板').click();
      const card = page.getByTestId(`kanban-card-${ids.deal}`);
      const inColumn = (stage: string) => page.getByTestId(`kanban-column-${stage}`).getByTestId(`kanban-card-${ids.deal}`);
      const deal = () =>
        callApi<{ stage: string; probability: string | null; lost_reason: string | null }>(
          suite.api,
          'GET',
          `/api/apps/${suite.appId}/objects/opportunity/records/${ids.deal}`,
        );
      await card.waitFor({ timeout: UI_TIMEOUT });
      const refusedMove = async () => {
        const refused = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/records/${ids.deal}?form=`));
        await card.dragTo(page.getByTestId('kanban-column-lost'));
        expect((await refused).status()).toBe(422);
        await page.getByTestId('record-preset-notice').filter({ hasText: '输单' }).waitFor({ timeout: UI_TIMEOUT });
        await page.locator('#record-form_lost_reason').waitFor({ timeout: UI_TIMEOUT });
        expect(await shell.fieldError('lost_reason')).toContain('输单原因');
        expect(await shell.fieldError('closed_at')).toContain('关闭时间');
        expect(
          await page
            .locator('.ant-form-item')
            .filter({ has: page.locator('#record-form_stage') })
            .textContent(),
        ).toContain('输单');
        // The deal's customer by name (from the record's _display), not its record id.
        await expect
          .poll(
            () =>
              page
                .locator('.ant-select-content')
                .filter({ has: page.locator('#record-form_customer') })
                .textContent(),
            { timeout: UI_TIMEOUT },
          )
          .toBe('杭州云栖科技有限公司');
        await inColumn('negotiation').waitFor({ timeout: UI_TIMEOUT });
      };
      await refusedMove();
      await page.screenshot({ path: `${ARTIFACTS}crm-journey-kanban-lost-zh-cn.png` });
      await page.keyboard.press('Escape');
      await shell.waitForDrawerClosed();
      await inColumn('negotiation').waitFor({ timeout: UI_TIMEOUT });
      expect((await deal()).stage).toBe('negotiation');

      await refusedMove();
      await shell.fill('lost_reason', '预算被砍，项目暂停');
      await page.locator('#record-form_closed_at').click();
      await page.locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-now-btn').click();
      const completed = page.waitForResponse((r) => r.request().method() === 'PATCH' && r.url().includes(`/records/${ids.deal}?form=`));
      await shell.save();
      expect((await completed).status()).toBe(200);
      await shell.waitForDrawerClosed();
      await inColumn('lost').waitFor({ timeout: UI_TIMEOUT });
      expect(await deal()).toMatchObject({ stage: 'lost', lost_reason: '预算被砍，项目暂停' });

      await card.dragTo(page.getByTestId('kanban-column-proposal'));
      await inColumn('proposal').waitFor({ timeout: UI_TIMEOUT });
      await expect.poll(async () => (await deal()).stage, { timeout: UI_TIMEOUT }).toBe('proposal');

      // The deal's own page on a phone: its facts, and the timeline of what happened to it.
      await page.setViewportSize({ width: 375, height: 780 });
      await page.goto(`/apps/${suite.appId}/objects/opportunity/records/${ids.deal}`);
      await page.getByTestId('record-page-title').filter({ hasText: '云栖数据中台建设' }).waitFor({ timeout: UI_TIMEOUT });
      // On a phone the page is in tabs: details first, the timeline one tap away.
      await page.getByRole('tab', { name: '动态' }).click();
      await page.getByTestId('record-timeline-entry').nth(1).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId('record-timeline-entry').first().textContent()).toContain('方案报价');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: `${ARTIFACTS}crm-journey-360-375.png`, fullPage: true });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await context.close();
    }
  }, 180_000);
});

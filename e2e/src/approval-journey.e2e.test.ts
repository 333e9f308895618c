import type { AppDocument } from '@tessera/schemas';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { actAndClose, statusIs } from './approval-page';
import { createApprovalTeam, signedIn } from './approval-team';
import { type OpenedPage, openPage } from './browser';
import { createFlow, flowSlot, openStudioFlows, pick, typeInto } from './flow-designer-page';
import { pointerDrag } from './pointer-drag';
import { E2E_ADMIN } from './server';
import { confirmPublish } from './studio-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const REP = { email: 'he.yun@journey.test', name: '何云', password: 'rep journey password' };
const MANAGER = { email: 'gao.feng@journey.test', name: '高峰', password: 'manager journey password' };
const FINANCE = { email: 'lin.xue@journey.test', name: '林雪', password: 'finance journey password' };
const QUOTE = '远航物流 三年框架报价';

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const JOURNEY_VIEW = { width: 1500, height: 1000 };

/** Quotes and no flow: the admin designs the approval, everyone else only signs in and clicks. */
const quotes: AppDocument = {
  id: 'e2e_approval_journey',
  label: label('Quotes', '报价'),
  objects: [
    {
      id: 'quote',
      label: label('Quote', '报价单'),
      pluralLabel: label('Quotes', '报价单'),
      displayField: 'title',
      fields: [
        { id: 'title', type: 'text', label: label('Title', '标题'), required: true },
        { id: 'discount', type: 'percent', label: label('Discount', '折扣') },
        { id: 'reason', type: 'text', label: label('Reason', '折扣原因') },
      ],
    },
  ],
  roles: [
    { id: 'rep', label: label('Rep', '销售'), permissions: [{ object: 'quote', actions: ['create', 'read', 'update'], rows: 'own' }] },
    { id: 'finance', label: label('Finance', '财务'), permissions: [{ object: 'quote', actions: ['read'], rows: 'all' }] },
  ],
  navigation: [{ id: 'quotes', object: 'quote' }],
};

/** From the header's approvals link to the quote's approval page. */
async function openFromInbox(page: Page): Promise<void> {
  await page.getByTestId('header-approvals').click();
  const row = page.getByTestId('inbox-row').filter({ hasText: QUOTE });
  await row.waitFor({ timeout: UI_TIMEOUT });
  await row.click();
  await page.getByTestId('approval-record-title').filter({ hasText: QUOTE }).waitFor({ timeout: UI_TIMEOUT });
  await page.getByTestId('approval-your-turn').waitFor({ timeout: UI_TIMEOUT });
}

/** The admin designs "manager, then finance" on quotes in the studio, by pointer and keyboard, and publishes it. */
async function designAndPublish(page: Page, appId: string): Promise<void> {
  await openStudioFlows(page, appId, E2E_ADMIN);
  await createFlow(page, { zh: '报价折扣审批', en: 'Quote approval', object: 'Quote' });

  // Level one, the rep's manager: an approval dragged from the palette with the mouse.
  await pointerDrag(page, page.getByTestId('flow-palette-approval'), flowSlot(page, page.getByTestId('flow-slot-main-0')));
  await page.getByTestId('flow-node-approval_1').waitFor({ timeout: UI_TIMEOUT });
  await typeInto(page, page.getByTestId('flow-node-label-zh'), '销售经理');
  await typeInto(page, page.getByTestId('flow-node-label-en'), 'Sales manager');
  await page.getByTestId('flow-approvers-add').click();
  await page.getByTestId('flow-approvers-add-department_head').click();
  await page.getByTestId('flow-approvers-0-levels').waitFor({ timeout: UI_TIMEOUT });

  // Level two, finance: dragged below the manager's step.
  await pointerDrag(page, page.getByTestId('flow-palette-approval'), flowSlot(page, page.getByTestId('flow-slot-main-1')));
  await page.getByTestId('flow-node-approval_2').waitFor({ timeout: UI_TIMEOUT });
  await typeInto(page, page.getByTestId('flow-node-label-zh'), '财务');
  await typeInto(page, page.getByTestId('flow-node-label-en'), 'Finance');
  await page.getByTestId('flow-approvers-add').click();
  await page.getByTestId('flow-approvers-add-role').click();
  await pick(page, page.getByTestId('flow-approvers-0-role'), 'Finance');
  await page.getByTestId('flow-problems-none').waitFor({ timeout: UI_TIMEOUT });
  const order = await page
    .locator('[data-testid="flow-canvas"] .flow-node[data-testid^="flow-node-approval_"]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
  expect(order).toEqual(['flow-node-approval_1', 'flow-node-approval_2']);

  await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
  await page.getByTestId('studio-publish').click();
  await confirmPublish(page, 2);
  await page.screenshot({ path: `${ARTIFACTS}approval-journey-designed.png` });
}

/** The rep makes the quote from the list, types it in, and opens its page. */
async function repCreatesQuote(page: Page): Promise<void> {
  await page.getByTestId('record-new').click();
  await page.locator('#record-form_title').click();
  await page.keyboard.type(QUOTE);
  await page.locator('#record-form_discount').click();
  await page.keyboard.type('25');
  await page.getByTestId('record-save').click();
  await page.getByTestId('record-drawer').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
  const row = page.getByTestId('record-table').locator('.ant-table-row').filter({ hasText: QUOTE });
  await row.getByTestId('record-open-page').click();
  await page.getByTestId('record-page-title').filter({ hasText: QUOTE }).waitFor({ timeout: UI_TIMEOUT });
}

describe('a two-level approval, from the designer to approved, in the browser', () => {
  const suite = useE2eSuite(quotes, async ({ api, appId }) => {
    await createApprovalTeam(api, appId, { rep: REP, manager: MANAGER, finance: FINANCE }, '华北销售部');
  });

  it('admin designs and publishes; rep submits; manager returns with a comment; rep edits and resubmits; manager and finance approve; rep sees it approved', async () => {
    const { baseUrl } = suite.server;
    const people: Record<string, OpenedPage> = {};
    try {
      people.admin = await openPage(suite.browser, { baseURL: baseUrl, width: 1700, height: 1100 });
      await designAndPublish(people.admin.page, suite.appId);

      const rep = (people.rep = await signedIn(suite.browser, baseUrl, REP, `/apps/${suite.appId}/objects/quote`, JOURNEY_VIEW)).page;
      await repCreatesQuote(rep);
      await rep.getByTestId('approval-submit-flow_1').click();
      const preview = rep.getByTestId('approval-preview');
      await preview.filter({ hasText: MANAGER.name }).filter({ hasText: FINANCE.name }).waitFor({ timeout: UI_TIMEOUT });
      await rep.getByTestId('approval-submit-ok').click();
      await statusIs(rep, 'In progress');

      // The manager returns it, saying why.
      const manager = (people.manager = await signedIn(suite.browser, baseUrl, MANAGER, '/', JOURNEY_VIEW)).page;
      await openFromInbox(manager);
      await actAndClose(manager, 'return', 'Why 25%? Please give a reason');
      await manager.getByTestId('approval-history').filter({ hasText: 'Why 25%? Please give a reason' }).waitFor({ timeout: UI_TIMEOUT });

      // The rep reads the comment on the quote, fills the reason, and resubmits.
      await rep.reload();
      await statusIs(rep, 'Returned to you');
      await rep.getByTestId('approval-history').filter({ hasText: 'Why 25%? Please give a reason' }).waitFor({ timeout: UI_TIMEOUT });
      await rep.getByTestId('record-page-edit').click();
      await rep.locator('#record-form_reason').click();
      await rep.keyboard.type('三年框架合同，年量两千万');
      await rep.getByTestId('record-save').click();
      await rep.getByTestId('record-drawer').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await rep.getByTestId('record-field-reason').filter({ hasText: '三年框架合同' }).waitFor({ timeout: UI_TIMEOUT });
      await actAndClose(rep, 'resubmit', 'Reason added');
      await statusIs(rep, 'In progress');

      // The manager approves, seeing the reason now on the quote; then finance approves.
      await manager.getByTestId('approval-back').click();
      await openFromInbox(manager);
      await manager.getByTestId('record-field-reason').filter({ hasText: '三年框架合同' }).waitFor({ timeout: UI_TIMEOUT });
      await actAndClose(manager, 'approve', 'Agreed');
      await manager.getByTestId('approval-your-turn').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      const finance = (people.finance = await signedIn(suite.browser, baseUrl, FINANCE, '/', JOURNEY_VIEW)).page;
      await openFromInbox(finance);
      await actAndClose(finance, 'approve', 'Terms fine');
      await statusIs(finance, 'Approved');

      // The rep sees it approved, with the whole story in the history.
      await rep.reload();
      await statusIs(rep, 'Approved');
      const history = (await rep.getByTestId('approval-history').textContent()) ?? '';
      for (const said of ['Why 25%? Please give a reason', 'Reason added', 'Agreed', 'Terms fine']) expect(history).toContain(said);
      await rep.screenshot({ path: `${ARTIFACTS}approval-journey-approved.png`, fullPage: true });
      for (const opened of Object.values(people)) expect(opened.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } catch (error) {
      // Where each person stood when it failed.
      await Promise.all(
        Object.entries(people).map(([who, opened]) =>
          opened.page.screenshot({ path: `${ARTIFACTS}approval-journey-failed-${who}.png` }).catch(() => undefined),
        ),
      );
      const errors = Object.fromEntries(Object.entries(people).map(([who, opened]) => [who, opened.errors]));
      throw new Error(`${(error as Error).message}\npage errors: ${JSON.stringify(errors)}`);
    } finally {
      await Promise.all(Object.values(people).map((opened) => opened.context.close()));
    }
  }, 240_000);
});

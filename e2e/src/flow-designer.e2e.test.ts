import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord, signInApi } from './api';
import { createApprovalTeam } from './approval-team';
import { openPage } from './browser';
import { createFlow, flowSlot, openStudioFlows, pick, typeInto } from './flow-designer-page';
import { pointerDrag } from './pointer-drag';
import { E2E_ADMIN } from './server';
import { shellPage } from './shell-page';
import { confirmPublish } from './studio-page';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const REP = { email: 'li.na@flows.test', name: '李娜', password: 'rep flow designer password' };
const MANAGER = { email: 'zhou.tao@flows.test', name: '周涛', password: 'manager flow designer password' };
const FINANCE = { email: 'sun.li@flows.test', name: '孙丽', password: 'finance flow designer password' };

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/** Quotes with no flow yet: the admin designs the approval in the studio. */
const quotes: AppDocument = {
  id: 'e2e_flow_designer',
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
      ],
    },
  ],
  roles: [
    { id: 'rep', label: label('Rep', '销售'), permissions: [{ object: 'quote', actions: ['create', 'read', 'update'], rows: 'own' }] },
    { id: 'finance', label: label('Finance', '财务'), permissions: [{ object: 'quote', actions: ['read'], rows: 'all' }] },
  ],
  navigation: [{ id: 'quotes', object: 'quote' }],
};

describe('the flow designer in the browser', () => {
  const ids: Record<string, string> = {};
  const suite = useE2eSuite(quotes, async ({ api, appId, server }) => {
    Object.assign(ids, await createApprovalTeam(api, appId, { rep: REP, manager: MANAGER, finance: FINANCE }, '华南销售部'));
    const asRep = await signInApi(server.baseUrl, { email: REP.email, password: REP.password });
    ids.quote = (await createRecord(asRep, appId, 'quote', { title: '星河科技 年度报价', discount: 20 })).id;
  });

  it('an admin builds a two-level approval (a node dragged with the pointer, one added with +), simulates it, publishes; the rep sees both steps', async () => {
    const admin = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1700, height: 1100 });
    const { page } = admin;
    try {
      await openStudioFlows(page, suite.appId, E2E_ADMIN);

      // A new flow on quotes, started by the submit button, named in both languages.
      await createFlow(page, { zh: '折扣审批', en: 'Discount approval', object: 'Quote' });

      // The manager's step: dragged from the palette onto the main line with the mouse.
      await pointerDrag(page, page.getByTestId('flow-palette-approval'), flowSlot(page, page.getByTestId('flow-slot-main-0')));
      await page.getByTestId('flow-node-approval_1').waitFor({ timeout: UI_TIMEOUT });
      await typeInto(page, page.getByTestId('flow-node-label-zh'), '销售经理');
      await typeInto(page, page.getByTestId('flow-node-label-en'), 'Sales manager');
      await page.getByTestId('flow-approvers-add').click();
      await page.getByTestId('flow-approvers-add-department_head').click();
      await page.getByTestId('flow-approvers-0-levels').waitFor({ timeout: UI_TIMEOUT });

      // Finance: added after it with the + between the manager and the end.
      await page.getByTestId('flow-slot-main-1-add').click();
      await page.getByTestId('flow-add-approval').click();
      await page.getByTestId('flow-node-approval_2').waitFor({ timeout: UI_TIMEOUT });
      // Until it has approvers the publish checks flag it, pointing at the node.
      await page.getByTestId('flow-problem').first().waitFor({ timeout: UI_TIMEOUT });
      await typeInto(page, page.getByTestId('flow-node-label-en'), 'Finance');
      await typeInto(page, page.getByTestId('flow-node-label-zh'), '财务');
      await page.getByTestId('flow-approvers-add').click();
      await page.getByTestId('flow-approvers-add-role').click();
      await pick(page, page.getByTestId('flow-approvers-0-role'), 'Finance');
      await page.getByTestId('flow-problems-none').waitFor({ timeout: UI_TIMEOUT });
      const order = await page
        .locator('[data-testid="flow-canvas"] .flow-node[data-testid^="flow-node-approval_"]')
        .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-testid')));
      expect(order).toEqual(['flow-node-approval_1', 'flow-node-approval_2']);

      // Simulate the draft flow on the rep's quote: the manager, then finance, by name.
      await pick(page, page.getByTestId('flow-simulate-record'), '星河科技 年度报价');
      await page.getByTestId('flow-simulate-run').click();
      const steps = page.getByTestId('flow-simulate-step');
      await steps.first().waitFor({ timeout: UI_TIMEOUT });
      expect(await steps.allTextContents()).toEqual([expect.stringContaining(MANAGER.name), expect.stringContaining(FINANCE.name)]);
      // The canvas marks the path the simulation took.
      await page.locator('[data-testid="flow-node-approval_2"].flow-node-passed').waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: `${ARTIFACTS}flow-designer.png` });

      // Saved by autosave, then published after review.
      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
      const draft = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      expect(draft.draft.flows?.[0]?.nodes.map((n) => [n.id, n.approvers])).toEqual([
        ['approval_1', [{ kind: 'department_head', levels: 1 }]],
        ['approval_2', [{ kind: 'role', role: 'finance' }]],
      ]);
      await page.getByTestId('studio-publish').click();
      await confirmPublish(page, 2);
    } catch (error) {
      await page.screenshot({ path: `${ARTIFACTS}flow-designer-failure.png` });
      console.log(admin.errors.join('\n'));
      throw error;
    } finally {
      await admin.context.close();
    }

    // The rep opens the quote and sees who will approve it: the two steps, each with its person.
    const rep = await openPage(suite.browser, { baseURL: suite.server.baseUrl });
    try {
      await rep.page.goto(`/apps/${suite.appId}/objects/quote/records/${ids.quote}`);
      await shellPage(rep.page).signIn(REP);
      await rep.page.getByTestId('approval-submit-flow_1').click();
      const preview = rep.page.getByTestId('approval-preview');
      await preview.filter({ hasText: MANAGER.name }).waitFor({ timeout: UI_TIMEOUT });
      const text = (await preview.textContent()) ?? '';
      expect(text.indexOf('Sales manager')).toBeGreaterThanOrEqual(0);
      expect(text.indexOf(MANAGER.name)).toBeLessThan(text.indexOf(FINANCE.name));
      await rep.page.screenshot({ path: `${ARTIFACTS}flow-designer-who-approves.png` });
      expect(rep.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } finally {
      await rep.context.close();
    }
  }, 90_000);
  it('builds a condition by keyboard: carries node kinds and a node to drop places, moves with Alt+arrows; a branch condition is checked live and its problem opens the branch; branches reorder by pointer and Alt+←/→, with undo', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, width: 1700, height: 1100 });
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    const tabTo = async (label: string) => {
      for (let i = 0; i < 120 && (await focused()) !== label; i += 1) await page.keyboard.press('Tab');
      expect(await focused()).toBe(label);
    };
    try {
      await openStudioFlows(page, suite.appId, E2E_ADMIN);
      await createFlow(page, { en: 'Routing', object: 'Quote' });

      // A condition, carried from the palette with Enter and dropped with Enter on the main line.
      await page.getByTestId('flow-palette-condition').focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('flow-carrying').waitFor({ timeout: UI_TIMEOUT });
      await tabTo('Drop at position 1 of the main line');
      await page.keyboard.press('Enter');
      await page.getByTestId('flow-branches-condition_1').waitFor({ timeout: UI_TIMEOUT });

      // An approval into the first branch, then an end after the condition.
      await page.getByTestId('flow-palette-approval').focus();
      await page.keyboard.press('Enter');
      await tabTo('Drop at position 1 of Branch 1');
      await page.keyboard.press('Enter');
      await page.getByTestId('flow-node-approval_1').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('flow-palette-end').focus();
      await page.keyboard.press('Enter');
      await tabTo('Drop at position 2 of the main line');
      await page.keyboard.press('Enter');
      await page.getByTestId('flow-node-end_1').waitFor({ timeout: UI_TIMEOUT });

      // The approval carried from the first branch to "Otherwise".
      await page.getByTestId('flow-node-approval_1').focus();
      await page.keyboard.press('Enter');
      await tabTo('Drop at position 1 of Otherwise');
      await page.keyboard.press('Enter');
      await page.locator('[data-testid="flow-slot-branch_2-1"]').waitFor({ timeout: UI_TIMEOUT });

      // Alt+↑ moves the end above the condition (nothing after an end is reachable: the checks say so); undo puts it back.
      await page.getByTestId('flow-node-end_1').focus();
      await page.keyboard.press('Alt+ArrowUp');
      await page.getByTestId('flow-problem').filter({ hasText: 'condition_1' }).first().waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('flow-start').click();
      await page.keyboard.press('ControlOrMeta+Z');
      await page.getByTestId('flow-problem').filter({ hasText: 'condition_1' }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });

      // The first branch's condition, typed in the formula editor: half typed it is flagged, and the problem opens the branch.
      await page.getByTestId('flow-node-branch_1').click();
      await page.getByTestId('formula-editor-input').locator('.view-lines').click();
      await page.keyboard.type('discount >');
      await page.keyboard.press('Escape');
      await page.getByTestId('flow-start').click();
      const problem = page.locator('[data-testid="flow-problem"][data-pointer$="/when"]');
      await problem.waitFor({ timeout: UI_TIMEOUT });
      await problem.click();
      await page.locator('[data-testid="flow-node-branch_1"].flow-node-selected').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('formula-editor-input').locator('.view-lines').click();
      await page.keyboard.press('End');
      await page.keyboard.type(' 15');
      await page.keyboard.press('Escape');
      await problem.waitFor({ state: 'detached', timeout: UI_TIMEOUT });

      // Branch order is meaning: numbered, reordered by a pointer drag of a head onto another, undone.
      const priorities = () =>
        page.locator('[data-testid="flow-branches-condition_1"] .flow-branch-head').evaluateAll((heads) => heads.map((h) => h.textContent));
      expect(await priorities()).toEqual(['Branch 1Priority 1discount > 15', 'OtherwisePriority 2Otherwise']);
      const head = (id: string) => page.getByTestId(`flow-node-${id}`);
      await pointerDrag(page, head('branch_2'), {
        target: () => head('branch_1'),
        dragging: () => head('branch_1').and(page.locator('.flow-branch-target')),
        over: () => head('branch_1').and(page.locator('.flow-branch-over')),
      });
      await page.locator('[data-testid="flow-node-branch_2"][data-position="1"]').waitFor({ timeout: UI_TIMEOUT });
      // "Otherwise" first: the condition after it can never hold, and the checks say so.
      await page.getByTestId('flow-problem').filter({ hasText: 'branch_1' }).first().waitFor({ timeout: UI_TIMEOUT });
      await page.screenshot({ path: `${ARTIFACTS}flow-designer-branch-order.png` });
      await page.getByTestId('studio-undo').click();
      await page.locator('[data-testid="flow-node-branch_2"][data-position="2"]').waitFor({ timeout: UI_TIMEOUT });
      // By keyboard: Alt+→ on the first head moves it right; Alt+← brings it back.
      await head('branch_1').focus();
      await page.keyboard.press('Alt+ArrowRight');
      await page.locator('[data-testid="flow-node-branch_1"][data-position="2"]').waitFor({ timeout: UI_TIMEOUT });
      expect(await priorities()).toEqual(['OtherwisePriority 1Otherwise', 'Branch 1Priority 2discount > 15']);
      await head('branch_1').focus();
      await page.keyboard.press('Alt+ArrowLeft');
      await page.locator('[data-testid="flow-node-branch_1"][data-position="1"]').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('flow-problem').filter({ hasText: 'branch_1' }).waitFor({ state: 'detached', timeout: UI_TIMEOUT });

      await page.locator('[data-testid="save-status"][data-status="saved"]').waitFor({ timeout: UI_TIMEOUT });
      const draft = await callApi<{ draft: AppDocument }>(suite.api, 'GET', `/api/apps/${suite.appId}`);
      const flow = draft.draft.flows?.find((f) => f.label.en === 'Routing');
      expect(flow?.nodes.map((n) => [n.id, n.parent ?? null])).toEqual([
        ['condition_1', null],
        ['branch_1', 'condition_1'],
        ['branch_2', 'condition_1'],
        ['end_1', null],
        ['approval_1', 'branch_2'],
      ]);
      expect(flow?.nodes.find((n) => n.id === 'branch_1')?.when).toBe('discount > 15');
      await page.screenshot({ path: `${ARTIFACTS}flow-designer-keyboard.png` });

      // Switched off, then deleted after confirming; undo brings it back, still off.
      const routingId = flow?.id ?? '';
      await page.getByTestId(`flow-enabled-${routingId}`).click();
      await page.getByTestId(`flow-delete-${routingId}`).click();
      await page.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
      await page.getByTestId(`flow-list-${routingId}`).waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await page.getByTestId('studio-undo').click();
      await page.getByTestId(`flow-list-${routingId}`).waitFor({ timeout: UI_TIMEOUT });
      expect(await page.getByTestId(`flow-enabled-${routingId}`).getAttribute('aria-checked')).toBe('false');
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: `${ARTIFACTS}flow-designer-keyboard-failure.png` });
      throw error;
    } finally {
      await context.close();
    }
  }, 90_000);

  it('simulates with the studio in Chinese: the path is explained in Chinese, branch and approvers by name', async () => {
    const { page, errors, context } = await openPage(suite.browser, { baseURL: suite.server.baseUrl, locale: 'zh-CN', width: 1700, height: 1100 });
    try {
      await openStudioFlows(page, suite.appId, E2E_ADMIN);
      await page.getByTestId('flow-list-flow_1').click();
      await page.getByTestId('flow-node-approval_1').waitFor({ timeout: UI_TIMEOUT });

      // A condition in front of the two approvals: its first branch for discounts above 15 %.
      await page.getByTestId('flow-slot-main-0-add').click();
      await page.getByTestId('flow-add-condition').click();
      await page.getByTestId('flow-branches-condition_1').waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('flow-node-branch_1').click();
      await page.getByTestId('formula-editor-input').locator('.view-lines').click();
      await page.keyboard.type('discount > 15');
      await page.keyboard.press('Escape');
      await page.getByTestId('flow-node-branch_1').filter({ hasText: 'discount > 15' }).waitFor({ timeout: UI_TIMEOUT });
      await page.getByTestId('flow-problems-none').waitFor({ timeout: UI_TIMEOUT });

      await pick(page, page.getByTestId('flow-simulate-record'), '星河科技 年度报价');
      await page.getByTestId('flow-simulate-run').click();
      const result = page.getByTestId('flow-simulate-result');
      await result.waitFor({ timeout: UI_TIMEOUT });
      const lines = await page.getByTestId('flow-simulate-entry').allTextContents();
      expect(lines).toEqual(['条件分支: 走分支“分支 1”', `销售经理: 审批：${MANAGER.name}`, `财务: 审批：${FINANCE.name}`]);
      await result.filter({ hasText: '模拟结束时状态：已通过' }).waitFor({ timeout: UI_TIMEOUT });
      // Everything the panel says is in Chinese: no English word in the explanation.
      const said = (await result.textContent()) ?? '';
      expect(said.match(/[A-Za-z]{3,}/g)).toBeNull();
      await page.screenshot({ path: `${ARTIFACTS}flow-designer-simulate-zh-cn.png` });
      expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } catch (error) {
      await page.screenshot({ path: `${ARTIFACTS}flow-designer-simulate-zh-cn-failure.png` });
      throw error;
    } finally {
      await context.close();
    }
  }, 90_000);
});

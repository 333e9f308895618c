import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { callApi, createRecord, signInApi } from './api';
import { act, actAndClose, statusIs } from './approval-page';
import { createApprovalTeam, signedIn } from './approval-team';
import { ARTIFACTS, useE2eSuite } from './suite';
import { UI_TIMEOUT } from './timeouts';

const REP = { email: 'chen.jing@approvals.test', name: '陈静', password: 'rep approvals password' };
const MANAGER = { email: 'wang.lei@approvals.test', name: '王磊', password: 'manager approvals password' };
const FINANCE = { email: 'zhao.min@approvals.test', name: '赵敏', password: 'finance approvals password' };

const label = (en: string, zh: string) => ({ en, 'zh-CN': zh });

/**
 * Quotes with a two-step discount approval: the rep's department head, who may fill the reason,
 * then finance, who must fill the payment terms before approving; the quote is marked approved
 * at the end. The manager has no role in the app: they reach the quote only through its approval.
 */
const quotes: AppDocument = {
  id: 'e2e_quotes',
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
        { id: 'payment_terms', type: 'text', label: label('Payment terms', '付款条件') },
        {
          id: 'status',
          type: 'select',
          label: label('Status', '状态'),
          options: [
            { value: 'draft', label: label('Draft', '草稿') },
            { value: 'approved', label: label('Approved', '已批准') },
          ],
        },
      ],
    },
  ],
  roles: [
    { id: 'rep', label: label('Rep', '销售'), permissions: [{ object: 'quote', actions: ['create', 'read', 'update'], rows: 'own' }] },
    { id: 'finance', label: label('Finance', '财务'), permissions: [{ object: 'quote', actions: ['read'], rows: 'all' }] },
  ],
  flows: [
    {
      id: 'discount',
      label: label('Discount approval', '折扣审批'),
      object: 'quote',
      trigger: { kind: 'submit' },
      nodes: [
        {
          id: 'manager',
          kind: 'approval',
          label: label('Sales manager', '销售经理'),
          approvers: [{ kind: 'department_head', levels: 1 }],
          fieldPermissions: { reason: 'editable' },
        },
        {
          id: 'finance',
          kind: 'approval',
          label: label('Finance', '财务'),
          approvers: [{ kind: 'role', role: 'finance' }],
          fieldPermissions: { payment_terms: 'required' },
        },
        { id: 'mark', kind: 'update_record', values: { status: '"approved"' } },
      ],
    },
  ],
  navigation: [{ id: 'quotes', object: 'quote' }],
};

describe('a discount approval in the browser', () => {
  const ids: Record<string, string> = {};
  const suite = useE2eSuite(quotes, async ({ api, appId, server }) => {
    Object.assign(ids, await createApprovalTeam(api, appId, { rep: REP, manager: MANAGER, finance: FINANCE }, '华东销售部'));
    const asRep = await signInApi(server.baseUrl, { email: REP.email, password: REP.password });
    ids.quote = (await createRecord(asRep, appId, 'quote', { title: '云栖数据中台 报价', discount: 25, status: 'draft' })).id;
  });

  it('is submitted by the rep, returned by the manager with a comment, resubmitted, approved by the manager and finance', async () => {
    const { baseUrl } = suite.server;
    const recordPath = `/apps/${suite.appId}/objects/quote/records/${ids.quote}`;
    const rep = await signedIn(suite.browser, baseUrl, REP, recordPath);
    const manager = await signedIn(suite.browser, baseUrl, MANAGER, '/');
    const finance = await signedIn(suite.browser, baseUrl, FINANCE, '/', { locale: 'zh-CN' });
    try {
      // The rep sees who will approve before submitting.
      await rep.page.getByTestId('approval-submit-discount').click();
      const preview = rep.page.getByTestId('approval-preview');
      await preview.filter({ hasText: '王磊' }).waitFor({ timeout: UI_TIMEOUT });
      expect(await preview.textContent()).toContain('赵敏');
      await rep.page.screenshot({ path: `${ARTIFACTS}approvals-submit-preview.png` });
      await rep.page.getByTestId('approval-submit-ok').click();
      await statusIs(rep.page, 'In progress');
      await rep.page.getByTestId('approval-locked').waitFor({ timeout: UI_TIMEOUT });

      // The manager has one waiting: the badge, the inbox, the approval page with the quote.
      await manager.page.reload();
      await manager.page.getByTestId('header-approvals').filter({ hasText: 'Approvals' }).waitFor({ timeout: UI_TIMEOUT });
      await manager.page
        .locator('.ant-badge')
        .filter({ has: manager.page.getByTestId('header-approvals') })
        .filter({ hasText: '1' })
        .waitFor({ timeout: UI_TIMEOUT });
      await manager.page.getByTestId('header-approvals').click();
      await manager.page.getByTestId('inbox-row').filter({ hasText: '云栖数据中台 报价' }).waitFor({ timeout: UI_TIMEOUT });
      await manager.page.screenshot({ path: `${ARTIFACTS}approvals-inbox.png` });
      await manager.page.getByTestId('inbox-row').filter({ hasText: '云栖数据中台 报价' }).click();
      await manager.page.getByTestId('approval-record-title').filter({ hasText: '云栖数据中台 报价' }).waitFor({ timeout: UI_TIMEOUT });
      await manager.page.getByTestId('record-field-discount').waitFor({ timeout: UI_TIMEOUT });
      await manager.page.screenshot({ path: `${ARTIFACTS}approvals-manager-page.png` });

      // Returned without a reason is refused in the dialog itself; with one, it goes back.
      await manager.page.getByTestId('approval-return').click();
      await manager.page.getByTestId('approval-dialog-ok').click();
      await manager.page.getByText('Say why — the submitter will read it').first().waitFor({ timeout: UI_TIMEOUT });
      await manager.page.locator('textarea[data-testid="approval-comment"]').click();
      await manager.page.keyboard.type('Please add why 25% is needed');
      await manager.page.locator('#approval-attachments').setInputFiles({
        name: 'pricing-note.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('List price holds above 20% off'),
      });
      await manager.page.locator('.ant-upload-list-item-done').filter({ hasText: 'pricing-note.txt' }).waitFor({ timeout: UI_TIMEOUT });
      await manager.page.getByTestId('approval-dialog-ok').click();
      await manager.page.getByTestId('approval-dialog-ok').waitFor({ state: 'hidden', timeout: UI_TIMEOUT });
      await manager.page.getByTestId('approval-history').filter({ hasText: 'Please add why 25% is needed' }).waitFor({ timeout: UI_TIMEOUT });

      // The rep reads the comment, and resubmits.
      await rep.page.reload();
      await statusIs(rep.page, 'Returned to you');
      await rep.page.getByTestId('approval-history').filter({ hasText: 'Please add why 25% is needed' }).waitFor({ timeout: UI_TIMEOUT });
      // The manager's note came with a file: the rep opens it from the history.
      const note = rep.page.getByTestId('approval-attachment').filter({ hasText: 'pricing-note.txt' });
      await note.waitFor({ timeout: UI_TIMEOUT });
      const href = await note.getAttribute('href');
      expect(await rep.page.evaluate(async (url) => (await fetch(url ?? '')).text(), href)).toBe('List price holds above 20% off');
      await actAndClose(rep.page, 'resubmit', 'Strategic account, three-year contract');
      await statusIs(rep.page, 'In progress');

      // The manager approves from the inbox.
      await manager.page.getByTestId('approval-back').click();
      await manager.page.getByTestId('inbox-row').filter({ hasText: '云栖数据中台 报价' }).click();
      await actAndClose(manager.page, 'approve', 'OK for a strategic account');
      await manager.page.getByTestId('approval-your-turn').waitFor({ state: 'detached', timeout: UI_TIMEOUT });

      // Finance, in Chinese: approving asks for the payment terms first; filled in the form, then approved.
      await finance.page.reload();
      await finance.page.getByTestId('header-approvals').click();
      await finance.page.getByTestId('inbox-row').filter({ hasText: '云栖数据中台 报价' }).click();
      await finance.page.getByTestId('approval-your-turn').filter({ hasText: '付款条件' }).waitFor({ timeout: UI_TIMEOUT });
      await act(finance.page, 'approve');
      await finance.page.getByTestId('approval-problem').filter({ hasText: '“付款条件”为必填项' }).waitFor({ timeout: UI_TIMEOUT });
      await finance.page.screenshot({ path: `${ARTIFACTS}approvals-finance-required-zh-cn.png` });
      await finance.page.keyboard.press('Escape');
      await finance.page.getByTestId('approval-fill').click();
      await finance.page.locator('#record-form_payment_terms').waitFor({ timeout: UI_TIMEOUT });
      expect(await finance.page.locator('#record-form_title').isDisabled()).toBe(true);
      await finance.page.locator('#record-form_payment_terms').click();
      await finance.page.keyboard.type('月结30天');
      await finance.page.getByTestId('record-save').click();
      await finance.page.getByTestId('record-drawer').waitFor({ state: 'detached', timeout: UI_TIMEOUT });
      await finance.page.getByTestId('record-field-payment_terms').filter({ hasText: '月结30天' }).waitFor({ timeout: UI_TIMEOUT });
      await act(finance.page, 'approve', '同意');
      await statusIs(finance.page, '已通过');

      // The rep sees it approved, and the quote marked approved by the flow.
      await rep.page.reload();
      await statusIs(rep.page, 'Approved');
      await rep.page.getByTestId('record-field-status').filter({ hasText: 'Approved' }).waitFor({ timeout: UI_TIMEOUT });
      await rep.page.screenshot({ path: `${ARTIFACTS}approvals-rep-approved.png`, fullPage: true });
      const quote = await callApi<{ status: string; payment_terms: string; reason: string | null }>(
        suite.api,
        'GET',
        `/api/apps/${suite.appId}/objects/quote/records/${ids.quote}`,
      );
      expect(quote).toMatchObject({ status: 'approved', payment_terms: '月结30天' });

      // Another quote of the rep's waits for the manager when they go on leave for a week: approvals
      // reaching them go to finance meanwhile, and (the box is ticked by default) this one too.
      const asRep = await signInApi(baseUrl, { email: REP.email, password: REP.password });
      const waiting = await createRecord(asRep, suite.appId, 'quote', { title: '海川制造 续约报价', discount: 18, status: 'draft' });
      await callApi(asRep, 'POST', `/api/apps/${suite.appId}/flows/discount/instances`, { recordId: waiting.id });
      await manager.page.getByTestId('approval-back').click();
      await manager.page.getByTestId('out-of-office').click();
      await manager.page.locator('#out-of-office-delegate').click();
      await manager.page.keyboard.type('赵');
      await manager.page.locator('.ant-select-item-option').filter({ hasText: FINANCE.name }).click();
      const start = new Date(Date.now() - 60_000);
      const end = new Date(Date.now() + 7 * 86_400_000);
      const typed = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')} 00:00`;
      await manager.page.locator('#out-of-office-period').click();
      await manager.page.keyboard.type(typed(start));
      await manager.page.keyboard.press('Enter');
      await manager.page.keyboard.type(typed(end));
      await manager.page.keyboard.press('Enter');
      expect(await manager.page.getByRole('checkbox', { name: 'Also hand over my pending approvals' }).isChecked()).toBe(true);
      await manager.page.getByTestId('out-of-office-save').click();
      await manager.page.getByTestId('out-of-office-mine').filter({ hasText: FINANCE.name }).waitFor({ timeout: UI_TIMEOUT });
      await manager.page
        .getByTestId('out-of-office-handed')
        .filter({ hasText: `1 pending approval(s) handed over to ${FINANCE.name}` })
        .waitFor({ timeout: UI_TIMEOUT });
      expect(await manager.page.getByTestId('out-of-office-problem').count()).toBe(0);
      await manager.page.screenshot({ path: `${ARTIFACTS}approvals-out-of-office.png` });
      const asManager = await signInApi(baseUrl, { email: MANAGER.email, password: MANAGER.password });
      const handed = await callApi<{ mine: { delegateId: string }[] }>(asManager, 'GET', '/api/flows/delegations');
      expect(handed.mine.map((d) => d.delegateId)).toEqual([ids.finance]);
      // Finance finds the handed-over quote in their inbox; its history says it was handed over, in Chinese.
      await finance.page.getByTestId('approval-back').click();
      await finance.page.getByTestId('inbox-row').filter({ hasText: '海川制造 续约报价' }).click();
      await finance.page
        .getByTestId('approval-history')
        .filter({ hasText: `${MANAGER.name} 外出，待处理的“销售经理”已移交给 ${FINANCE.name}` })
        .waitFor({ timeout: UI_TIMEOUT });
      await finance.page.getByTestId('approval-your-turn').waitFor({ timeout: UI_TIMEOUT });
      for (const opened of [rep, manager, finance]) expect(opened.errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
    } catch (error) {
      // Where each person stood when it failed.
      await Promise.all(
        Object.entries({ rep, manager, finance }).map(([who, opened]) =>
          opened.page.screenshot({ path: `${ARTIFACTS}approvals-failed-${who}.png` }).catch(() => undefined),
        ),
      );
      throw new Error(`${(error as Error).message}\npage errors: ${JSON.stringify({ rep: rep.errors, manager: manager.errors, finance: finance.errors })}`);
    } finally {
      await Promise.all([rep.context.close(), manager.context.close(), finance.context.close()]);
    }
  });
});

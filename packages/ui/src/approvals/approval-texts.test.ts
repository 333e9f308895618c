import { beforeAll, describe, expect, it } from 'vitest';
import { loadLocale } from '../i18n/locale-loaders';
import { translate } from '../i18n/messages';
import { historyComment, historyLine, notificationText, progressSteps } from './approval-texts';
import type { InstanceView } from './approvals-api';

// Translations come from the catalogue chunks, loaded as the app loads them before its first render.
beforeAll(async () => {
  await loadLocale('en');
  await loadLocale('zh-CN');
});

const view: InstanceView = {
  id: 'i1',
  appId: 'crm',
  flowId: 'discount',
  flowLabel: { en: 'Discount approval', 'zh-CN': '折扣审批' },
  objectId: 'quote',
  recordId: 'r1',
  recordLabel: 'Big deal',
  status: 'running',
  round: 2,
  initiator: { id: 'u-rep', name: 'Chen' },
  startedAt: '2026-12-07T01:00:00Z',
  endedAt: null,
  recordLocked: true,
  steps: [
    { node: 'route', kind: 'condition', label: null, parent: null, state: 'done' },
    { node: 'big', kind: 'branch', label: null, parent: 'route', state: 'done' },
    { node: 'director', kind: 'approval', label: { en: 'Director', 'zh-CN': '总监' }, parent: 'big', state: 'done' },
    { node: 'small', kind: 'branch', label: null, parent: 'route', state: 'upcoming' },
    { node: 'lead', kind: 'approval', label: { en: 'Team lead' }, parent: 'small', state: 'upcoming' },
    { node: 'finance', kind: 'approval', label: { en: 'Finance', 'zh-CN': '财务' }, parent: null, state: 'active' },
    { node: 'legal', kind: 'cc', label: { en: 'Legal' }, parent: null, state: 'upcoming' },
    { node: 'end', kind: 'end', label: null, parent: null, state: 'upcoming' },
  ],
  tasks: [
    { node: 'director', round: 1, user: 'u-d', name: 'Dora', status: 'cancelled', comment: null, at: '2026-12-07T01:00:00Z' },
    { node: 'director', round: 2, user: 'u-d', name: 'Dora', status: 'approved', comment: 'ok', at: '2026-12-07T02:00:00Z' },
    { node: 'finance', round: 2, user: 'u-f', name: 'Fay', status: 'pending', comment: null, at: '2026-12-07T02:00:00Z' },
  ],
  history: [],
  mine: { pending: [], isInitiator: true, canWithdraw: true, canResubmit: false, canUrge: true },
};

const names: Record<string, string> = { 'u-d': 'Dora', 'u-f': 'Fay', 'u-rep': 'Chen' };
const context = (locale: 'en' | 'zh-CN') => ({
  t: (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate(locale, key, params),
  locale,
  view,
  nameOf: (id: string) => names[id] ?? id,
  formatTime: (iso: string) => iso.slice(0, 16),
});

describe('approval texts', () => {
  it('tells the history as people say it, in both languages', () => {
    const entry = (kind: string, extra: Partial<InstanceView['history'][number]> = {}) => ({
      at: '2026-12-07T01:00:00Z',
      actor: null,
      actorName: null,
      kind,
      node: null,
      detail: null,
      ...extra,
    });
    expect(historyLine(entry('approval_started', { node: 'finance', detail: { approvers: ['u-f', 'u-d'] } }), context('en'))).toBe(
      '“Finance” waits for Fay, Dora',
    );
    expect(historyLine(entry('approval_started', { node: 'finance', detail: { approvers: ['u-f'] } }), context('zh-CN'))).toBe('“财务”等待 Fay 审批');
    expect(historyLine(entry('returned', { node: 'director', detail: { to: 'initiator' } }), context('en'))).toBe('Back with the submitter');
    expect(historyLine(entry('returned', { node: 'director', detail: { to: 'director' } }), context('zh-CN'))).toBe('已退回到“总监”');
    expect(historyLine(entry('transferred', { actor: 'u-d', actorName: 'Dora', node: 'director', detail: { to: 'u-f' } }), context('en'))).toBe(
      'Dora handed it to Fay',
    );
    expect(historyLine(entry('delegated', { node: 'finance', detail: { from: 'u-d', to: 'u-f' } }), context('en'))).toBe(
      'Dora is away: Fay approves “Finance” instead',
    );
    expect(historyLine(entry('delegated', { node: 'finance', detail: { from: 'u-d', to: 'u-f' } }), context('zh-CN'))).toBe('Dora 外出，“财务”改由 Fay 审批');
    const handedOver = entry('delegated', { node: 'finance', detail: { from: 'u-d', to: 'u-f', handedOver: true } });
    expect(historyLine(handedOver, context('en'))).toBe('Dora is away: “Finance”, already waiting, was handed over to Fay');
    expect(historyLine(handedOver, context('zh-CN'))).toBe('Dora 外出，待处理的“财务”已移交给 Fay');
    expect(historyLine(entry('approved', { actor: 'u-f', actorName: null }), context('en'))).toBe('Fay approved');
    expect(historyLine(entry('node_approved', { node: 'finance' }), context('en'))).toBe('“Finance” approved');
    expect(historyLine(entry('something_new'), context('en'))).toBe('something_new');
    expect(historyComment(entry('rejected', { detail: { comment: ' too much ' } }))).toBe(' too much ');
    expect(historyComment(entry('commented', { detail: { text: '' } }))).toBeNull();
  });

  it('shows the steps a person follows: the main line, and a branch only once the flow went there', () => {
    const steps = progressSteps(view, 'en');
    expect(steps.map((s) => [s.node, s.status])).toEqual([
      ['director', 'finish'],
      ['finance', 'process'],
      ['legal', 'wait'],
    ]);
    // The current round's tasks only: the director's first, returned, round is not shown again.
    expect(steps[0]?.tasks).toEqual([{ user: 'u-d', name: 'Dora', status: 'approved', comment: 'ok' }]);
    const rejected = progressSteps(
      { ...view, status: 'rejected', history: [{ at: '', actor: null, actorName: null, kind: 'node_rejected', node: 'lead', detail: null }] },
      'en',
    );
    expect(rejected.find((s) => s.node === 'lead')?.status).toBe('error');
  });

  it('names what a notification is about', () => {
    const notification = {
      id: 'n',
      kind: 'finished.approved',
      title: { en: 'Discount approval', 'zh-CN': '折扣审批' },
      link: null,
      createdAt: '',
      readAt: null,
    };
    expect(notificationText(notification, context('zh-CN').t, 'zh-CN')).toBe('已通过：折扣审批');
    expect(notificationText({ ...notification, kind: 'task' }, context('en').t, 'en')).toBe('Waits for your approval: Discount approval');
  });
});

import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { buildNavigation, entryKeyFor, firstObjectId } from './navigation';

const base: AppDocument = {
  id: 'crm',
  label: { en: 'CRM', 'zh-CN': '客户管理' },
  objects: [
    { id: 'customer', label: { en: 'Customer', 'zh-CN': '客户' }, pluralLabel: { en: 'Customers' }, fields: [] },
    { id: 'quote', label: { en: 'Quote' }, fields: [] },
    { id: 'quote_line', label: { en: 'Quote line' }, parent: 'quote', fields: [] },
  ],
};

describe('buildNavigation', () => {
  it('falls back to top-level objects, plural label first, other language when missing', () => {
    const nav = buildNavigation(base, 'zh-CN');
    expect(nav.map((n) => [n.label, n.objectId])).toEqual([
      ['客户', 'customer'],
      ['Quote', 'quote'],
    ]);
    expect(buildNavigation(base, 'en')[0]?.label).toBe('Customers');
  });

  it('follows the navigation tree and drops entries it cannot show', () => {
    const doc: AppDocument = {
      ...base,
      navigation: [
        { id: 'sales', label: { en: 'Sales' } },
        { id: 'quotes', parent: 'sales', object: 'quote' },
        { id: 'gone', parent: 'sales', object: 'contract' },
        { id: 'kpi', dashboard: 'kpi' },
        { id: 'empty_group', label: { en: 'Empty' } },
        { id: 'customers', object: 'customer', label: { en: 'My customers' } },
      ],
    };
    const nav = buildNavigation(doc, 'en');
    expect(nav.map((n) => n.key)).toEqual(['sales', 'customers']);
    expect(nav[0]?.children.map((c) => [c.label, c.objectId])).toEqual([['Quote', 'quote']]);
    expect(nav[1]?.label).toBe('My customers');
    expect(firstObjectId(nav)).toBe('quote');
    expect(entryKeyFor(nav, 'customer')).toBe('customers');
  });

  it('opens the app’s dashboards from the menu', () => {
    const doc: AppDocument = {
      ...base,
      dashboards: [{ id: 'kpi', label: { en: 'Sales overview' }, widgets: [] }],
      navigation: [
        { id: 'reports', label: { en: 'Reports' } },
        { id: 'kpi_entry', parent: 'reports', dashboard: 'kpi' },
        { id: 'gone', dashboard: 'nope' },
      ],
    };
    const nav = buildNavigation(doc, 'en');
    expect(nav[0]?.children.map((c) => [c.label, c.dashboardId])).toEqual([['Sales overview', 'kpi']]);
    expect(entryKeyFor(nav, 'kpi', 'dashboard')).toBe('kpi_entry');
  });

  it('offers a dashboard only to the roles of its audience: a rep does not see the managers’ one', () => {
    const doc: AppDocument = {
      ...base,
      dashboards: [
        { id: 'team', label: { en: 'Team pipeline' }, roles: ['manager'], widgets: [] },
        { id: 'mine', label: { en: 'My pipeline' }, widgets: [] },
      ],
      navigation: [
        { id: 'reports', label: { en: 'Reports' } },
        { id: 'team_entry', parent: 'reports', dashboard: 'team' },
        { id: 'mine_entry', parent: 'reports', dashboard: 'mine' },
        { id: 'managers', label: { en: 'Managers' } },
        { id: 'team_again', parent: 'managers', dashboard: 'team' },
      ],
    };
    const dashboards = (roles: string[] | null) => buildNavigation(doc, 'en', roles).map((n) => [n.key, n.children.map((c) => c.dashboardId)]);
    expect(dashboards(['rep'])).toEqual([['reports', ['mine']]]);
    expect(dashboards(['manager'])).toEqual([
      ['reports', ['team', 'mine']],
      ['managers', ['team']],
    ]);
    expect(dashboards(null)).toEqual(dashboards(['manager']));
  });

  it('uses the object list when the navigation leads nowhere', () => {
    const doc: AppDocument = { ...base, navigation: [{ id: 'kpi', dashboard: 'kpi' }] };
    expect(buildNavigation(doc, 'en')).toHaveLength(2);
  });

  it('shows each entry only to the roles named on it (administrators: all), with its icon, a list view and the inbox', () => {
    const doc: AppDocument = {
      ...base,
      objects: base.objects.map((o) => (o.id === 'customer' ? { ...o, views: [{ id: 'key', label: { en: 'Key accounts' } }] } : o)),
      roles: [
        { id: 'rep', label: { en: 'Rep' } },
        { id: 'boss', label: { en: 'Boss' } },
      ],
      navigation: [
        { id: 'inbox', page: 'approvals', icon: 'audit' },
        { id: 'key', object: 'customer', view: 'key', icon: 'star' },
        { id: 'quotes', object: 'quote', roles: ['boss'] },
        { id: 'stale', object: 'customer', view: 'gone' },
      ],
    };
    const rep = buildNavigation(doc, 'en', ['rep']);
    expect(rep.map((n) => [n.key, n.label, n.objectId, n.viewId, n.page, n.icon])).toEqual([
      ['inbox', '', null, null, 'approvals', 'audit'],
      ['key', 'Key accounts', 'customer', 'key', null, 'star'],
    ]);
    expect(buildNavigation(doc, 'en', ['boss']).map((n) => n.key)).toEqual(['inbox', 'key', 'quotes']);
    expect(buildNavigation(doc, 'en').map((n) => n.key)).toEqual(['inbox', 'key', 'quotes']);
  });
});

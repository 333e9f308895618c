import type { ListView } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { localizeIssues } from './issue';
import { mapObject, salesApp, withField } from './test-fixtures';
import { draftProblems, validateDocument } from './validate-document';

function withView(view: Partial<ListView>) {
  const app = withField(salesApp(), 'customer', { id: 'met_on', type: 'date', label: { en: 'Met on' } });
  const withRoles = { ...app, roles: [{ id: 'sales_rep', label: { en: 'Rep' } }] };
  return mapObject(withRoles, 'customer', (o) => ({ ...o, views: [{ id: 'v', label: { en: 'V' }, ...view }] }));
}

function problems(view: Partial<ListView>) {
  const verdict = validateDocument(withView(view));
  return verdict.ok ? [] : verdict.issues.map((i) => `${i.pointer} ${i.code}`);
}

describe('list view checks', () => {
  it('accepts a Kanban view by a select field, a calendar by a date, shown to a role that exists', () => {
    expect(problems({ layout: 'kanban', groupField: 'tier', roles: ['sales_rep'], filters: [{ field: 'tier', op: 'in', value: ['a'] }] })).toEqual([]);
    expect(problems({ layout: 'calendar', dateField: 'met_on', sort: [{ field: 'created_at', direction: 'desc' }] })).toEqual([]);
  });

  it('names unknown fields in columns, filters and sort by their pointer', () => {
    expect(problems({ columns: ['name', 'ghost'], filters: [{ field: 'gone', op: 'eq', value: 1 }], sort: [{ field: 'nope' }] })).toEqual([
      '/objects/0/views/0/filters/0/field meta.unknown_field',
      '/objects/0/views/0/sort/0/field meta.unknown_field',
      '/objects/0/views/0/columns/1 meta.unknown_field',
    ]);
  });

  it('refuses an operator the field type does not answer, as the records service would', () => {
    expect(problems({ filters: [{ field: 'revenue', op: 'contains', value: '1' }] })).toEqual(['/objects/0/views/0/filters/0/op meta.view_filter_op']);
    expect(problems({ filters: [{ field: 'created_at', op: 'starts_with', value: '2' }] })).toEqual(['/objects/0/views/0/filters/0/op meta.view_filter_op']);
  });

  it('refuses a board grouped by a field that is not a select, and one with no group field', () => {
    expect(problems({ layout: 'kanban', groupField: 'name' })).toEqual(['/objects/0/views/0/groupField meta.view_group_type']);
    expect(problems({ layout: 'kanban' })).toEqual(['/objects/0/views/0/groupField meta.view_group_missing']);
  });

  it('refuses a calendar with no date field or a field that is no date', () => {
    expect(problems({ layout: 'calendar' })).toEqual(['/objects/0/views/0/dateField meta.view_date_missing']);
    expect(problems({ layout: 'calendar', dateField: 'revenue' })).toEqual(['/objects/0/views/0/dateField meta.view_date_type']);
  });

  it('refuses a role that does not exist, in both languages', () => {
    const verdict = validateDocument(withView({ roles: ['sales_rep', 'ghost'] }));
    const issues = verdict.ok ? [] : verdict.issues;
    expect(issues.map((i) => i.pointer)).toEqual(['/objects/0/views/0/roles/1']);
    expect(localizeIssues(issues, 'en')[0]?.message).toBe('List view "v" is shown to role "ghost", which does not exist');
    expect(localizeIssues(issues, 'zh-CN')[0]?.message).toBe('列表视图“v”的可见角色“ghost”不存在');
  });

  it('makes a view one of the things that use a field: taking the field away breaks it', () => {
    const app = withView({ layout: 'kanban', groupField: 'tier' });
    const without = mapObject(app, 'customer', (o) => ({ ...o, fields: o.fields.filter((f) => f.id !== 'tier') }));
    expect(draftProblems(app)).toEqual([]);
    expect(draftProblems(without).map((i) => i.pointer)).toContain('/objects/0/views/0/groupField');
  });
});

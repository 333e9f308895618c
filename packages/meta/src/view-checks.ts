import type { AppDocument, ListView, ObjectDefinition } from '@tessera/schemas';
import { sqlTypeOf } from './column-types';
import { type FilterColumn, operatorsFor, SORTABLE, SYSTEM_COLUMN_TYPES } from './filter-operators';
import type { MetaIssue } from './issue';
import { rollupFieldIds } from './rollup-formulas';

/** A column of the object as a filter or sort sees it; null when the object has no such column. Rollups have none to query. */
function viewColumn(object: ObjectDefinition, id: string, rollups: ReadonlySet<string>): FilterColumn | 'computed' | null {
  const system = SYSTEM_COLUMN_TYPES[id];
  if (system) return { sqlType: system, field: null };
  const field = object.fields.find((f) => f.id === id);
  if (!field) return null;
  const sqlType = sqlTypeOf(field);
  return sqlType && !rollups.has(id) ? { sqlType, field } : 'computed';
}

function exists(object: ObjectDefinition, id: string): boolean {
  return id in SYSTEM_COLUMN_TYPES || object.fields.some((f) => f.id === id);
}

function checkLayout(object: ObjectDefinition, view: ListView, pointer: string, issues: MetaIssue[]): void {
  const fieldOf = (id: string | undefined) => object.fields.find((f) => f.id === id);
  if (view.layout === 'kanban') {
    const group = fieldOf(view.groupField);
    // The board's columns are the options of a select field (packages/ui views/kanban-board.ts).
    if (!view.groupField) issues.push({ pointer: `${pointer}/groupField`, code: 'meta.view_group_missing', params: { view: view.id } });
    else if (!group) issues.push({ pointer: `${pointer}/groupField`, code: 'meta.unknown_field', params: { object: object.id, id: view.groupField } });
    else if (group.type !== 'select')
      issues.push({ pointer: `${pointer}/groupField`, code: 'meta.view_group_type', params: { id: group.id, type: group.type } });
  }
  if (view.layout === 'calendar') {
    const date = fieldOf(view.dateField);
    if (!view.dateField) issues.push({ pointer: `${pointer}/dateField`, code: 'meta.view_date_missing', params: { view: view.id } });
    else if (!date) issues.push({ pointer: `${pointer}/dateField`, code: 'meta.unknown_field', params: { object: object.id, id: view.dateField } });
    else if (date.type !== 'date' && date.type !== 'datetime')
      issues.push({ pointer: `${pointer}/dateField`, code: 'meta.view_date_type', params: { id: date.id, type: date.type } });
  }
}

function checkView(app: AppDocument, object: ObjectDefinition, view: ListView, pointer: string, issues: MetaIssue[]): void {
  const rollups = rollupFieldIds(object, app);
  const unknown = (path: string, id: string) => issues.push({ pointer: `${pointer}/${path}`, code: 'meta.unknown_field', params: { object: object.id, id } });
  (view.filters ?? []).forEach((filter, i) => {
    const column = viewColumn(object, filter.field, rollups);
    if (column === null) return unknown(`filters/${i}/field`, filter.field);
    if (column === 'computed' || !operatorsFor(column).includes(filter.op))
      issues.push({ pointer: `${pointer}/filters/${i}/op`, code: 'meta.view_filter_op', params: { id: filter.field, op: filter.op } });
  });
  (view.sort ?? []).forEach((key, i) => {
    const column = viewColumn(object, key.field, rollups);
    if (column === null) return unknown(`sort/${i}/field`, key.field);
    if (column === 'computed' || !SORTABLE.has(column.sqlType))
      issues.push({ pointer: `${pointer}/sort/${i}/field`, code: 'meta.view_sort_field', params: { id: key.field } });
  });
  (view.columns ?? []).forEach((id, i) => {
    if (!exists(object, id)) unknown(`columns/${i}`, id);
  });
  checkLayout(object, view, pointer, issues);
  const roles = new Set((app.roles ?? []).map((r) => r.id));
  (view.roles ?? []).forEach((role, r) => {
    if (!roles.has(role)) issues.push({ pointer: `${pointer}/roles/${r}`, code: 'meta.view_unknown_role', params: { view: view.id, id: role } });
  });
}

/**
 * What a list view must hold beyond the schema: its columns, filters and sort keys name columns
 * of its object, each filter uses an operator the column's type answers (the records service's
 * own table), a board groups by a select field and a calendar places by a date, its roles exist.
 */
export function checkViews(app: AppDocument): MetaIssue[] {
  const issues: MetaIssue[] = [];
  app.objects.forEach((object, o) => {
    (object.views ?? []).forEach((view, v) => checkView(app, object, view, `/objects/${o}/views/${v}`, issues));
  });
  return issues;
}

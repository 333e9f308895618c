import type { AppDocument } from '@tessera/schemas';
import { describe, expect, it } from 'vitest';
import { sqlTypeOf } from './column-types';
import type { DdlStep } from './ddl-steps';
import { desiredIndexes } from './desired-indexes';
import { MetaError } from './issue';
import { columnKey, emptyPhysicalState, type PhysicalState } from './physical-state';
import { planDdl } from './plan-ddl';
import { mapField, mapObject, salesApp, withField } from './test-fixtures';

/** The state a successful publish of `app` leaves behind. */
function stateAfter(app: AppDocument): PhysicalState {
  const state = emptyPhysicalState();
  for (const object of app.objects) {
    state.tables.set(object.id, { retired: false });
    for (const field of object.fields) {
      const sqlType = sqlTypeOf(field);
      if (sqlType)
        state.columns.set(columnKey(object.id, field.id), {
          fieldType: field.type,
          sqlType,
          target: field.type === 'relation' ? (field.target ?? null) : null,
          retired: false,
        });
    }
    state.indexes.set(object.id, new Set(desiredIndexes(object).map((i) => i.name)));
  }
  return state;
}

const kinds = (steps: DdlStep[]) => steps.map((s) => s.kind);

describe('planDdl', () => {
  it('creates parent tables before child tables, then columns, keys, sequences and indexes', () => {
    const steps = planDdl(salesApp(), emptyPhysicalState());
    const tables = steps.filter((s) => s.kind === 'create_table').map((s) => s.kind === 'create_table' && s.object);
    expect(tables.indexOf('quote')).toBeLessThan(tables.indexOf('quote_line'));
    expect(steps).toContainEqual({ kind: 'create_table', object: 'quote_line', parent: 'quote' });
    expect(steps).toContainEqual({ kind: 'add_foreign_key', object: 'opportunity', field: 'customer', target: 'customer' });
    expect(steps).toContainEqual({ kind: 'create_sequence', object: 'quote', field: 'number' });
    expect(steps.some((s) => s.kind === 'add_column' && s.field === 'lines')).toBe(false);
    const uniqueIndex = steps.find((s) => s.kind === 'create_index' && s.index.unique);
    expect(uniqueIndex).toMatchObject({ index: { object: 'customer', columns: [{ column: 'code' }] } });
    const viewIndex = steps.find((s) => s.kind === 'create_index' && s.index.columns.map((c) => c.column).join() === 'tier,name,id');
    expect(viewIndex).toBeDefined();
    expect(steps.some((s) => s.kind === 'create_index' && s.index.method === 'trigram' && s.index.columns[0]?.column === 'name')).toBe(true);
  });

  it('plans nothing but the schema check when the document matches the database', () => {
    const app = salesApp();
    expect(planDdl(app, stateAfter(app))).toEqual([{ kind: 'create_schema' }]);
  });

  it('treats a label change as metadata only', () => {
    const app = salesApp();
    const renamed = mapField(app, 'customer', 'name', (f) => ({ ...f, label: { en: 'Company name' } }));
    expect(kinds(planDdl(renamed, stateAfter(app)))).toEqual(['create_schema']);
  });

  it('retires removed fields and objects instead of dropping them, and reactivates them when they return', () => {
    const app = salesApp();
    const fewer = {
      ...mapObject(app, 'customer', (o) => ({ ...o, fields: o.fields.filter((f) => f.id !== 'revenue') })),
      objects: app.objects
        .filter((o) => o.id !== 'opportunity')
        .map((o) => (o.id === 'customer' ? { ...o, fields: o.fields.filter((f) => f.id !== 'revenue') } : o)),
    };
    const steps = planDdl(fewer, stateAfter(app));
    expect(steps).toContainEqual({ kind: 'retire_column', object: 'customer', field: 'revenue' });
    expect(steps).toContainEqual({ kind: 'retire_table', object: 'opportunity' });
    expect(steps.some((s) => s.kind === 'drop_index')).toBe(false);

    const retired = stateAfter(app);
    retired.columns.set(columnKey('customer', 'revenue'), { fieldType: 'currency', sqlType: 'numeric', target: null, retired: true });
    expect(planDdl(app, retired)).toContainEqual({ kind: 'reactivate_column', object: 'customer', field: 'revenue', fieldType: 'currency' });
  });

  it('widens safely, checks text parsed into numbers, and refuses lossy changes before any DDL', () => {
    const app = salesApp();
    const state = stateAfter(app);
    const toNumber = mapField(app, 'customer', 'founded', (f) => ({ ...f, type: 'number' }));
    expect(planDdl(toNumber, state)).toContainEqual(expect.objectContaining({ kind: 'change_column_type', field: 'founded', conversion: 'checked' }));
    const toText = mapField(app, 'customer', 'revenue', (f) => ({ ...f, type: 'text' }));
    expect(planDdl(toText, state)).toContainEqual(expect.objectContaining({ kind: 'change_column_type', field: 'revenue', conversion: 'safe' }));
    const toMulti = mapField(app, 'customer', 'tier', (f) => ({ ...f, type: 'multi_select' }));
    expect(planDdl(toMulti, state)).toContainEqual(expect.objectContaining({ kind: 'change_column_type', field: 'tier', conversion: 'safe' }));
    const toCheckbox = mapField(app, 'customer', 'revenue', (f) => ({ ...f, type: 'checkbox' }));
    try {
      planDdl(toCheckbox, state);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MetaError);
      expect((error as MetaError).issues).toEqual([
        {
          pointer: '/objects/0/fields/3/type',
          code: 'meta.type_change_unsupported',
          params: { object: 'customer', field: 'revenue', from: 'currency', to: 'checkbox' },
        },
      ]);
    }
  });

  it('retargets a relation and swaps indexes when a view changes', () => {
    const app = salesApp();
    let next = mapField(app, 'opportunity', 'customer', (f) => ({ ...f, target: 'quote' }));
    next = mapObject(next, 'customer', (o) => ({ ...o, views: [] }));
    const steps = planDdl(next, stateAfter(app));
    expect(steps).toContainEqual({ kind: 'retarget_relation', object: 'opportunity', field: 'customer', from: 'customer', to: 'quote' });
    expect(steps.filter((s) => s.kind === 'drop_index')).toHaveLength(1);
  });

  it('indexes each region field with a plain btree for the within filter, once even when it is unique', () => {
    const app = withField(salesApp(), 'customer', { id: 'area', type: 'region', label: { en: 'Area' } });
    const steps = planDdl(app, stateAfter(salesApp()));
    const areaIndexes = steps.flatMap((s) => (s.kind === 'create_index' && s.index.columns[0]?.column === 'area' ? [s.index] : []));
    expect(areaIndexes).toEqual([
      expect.objectContaining({ columns: [{ column: 'area', direction: 'asc' }], method: 'btree', unique: false, liveRowsOnly: true }),
    ]);
    const unique = withField(salesApp(), 'customer', { id: 'area', type: 'region', label: { en: 'Area' }, unique: true });
    expect(
      desiredIndexes(unique.objects.find((o) => o.id === 'customer')!)
        .filter((i) => i.columns[0]?.column === 'area')
        .map((i) => i.unique),
    ).toEqual([true]);
  });

  it('adds a sequence only when a field becomes an auto-number', () => {
    const app = withField(salesApp(), 'customer', { id: 'ref', type: 'text', label: { en: 'Ref' } });
    const next = mapField(app, 'customer', 'ref', (f) => ({ ...f, type: 'auto_number' }));
    const steps = planDdl(next, stateAfter(app));
    expect(steps).toContainEqual({ kind: 'create_sequence', object: 'customer', field: 'ref' });
    expect(steps).toContainEqual({ kind: 'set_field_type', object: 'customer', field: 'ref', from: 'text', to: 'auto_number' });
  });
});

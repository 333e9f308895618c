import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import type { ChildRowValues, FieldValue } from '../../api/types';

/**
 * One line of a child table (a quote line) as the form holds it. Cells keep their wire values
 * (docs/api-contract.md: decimals as text, dates `YYYY-MM-DD`), so drafts, rules and saves read
 * them without knowing the child object; each cell converts for its own input.
 */
export interface ChildRow {
  /** Stable while the form is open (React keys, drag and drop, error marks); never sent. */
  readonly key: string;
  /** The saved line's id: the server matches lines by it. A new line has none. */
  readonly id?: string;
  readonly values: Readonly<Record<string, FieldValue>>;
}

export type ChildRows = readonly ChildRow[];

/** Columns every stored line carries besides its fields: never sent back. */
const SYSTEM_KEYS: ReadonlySet<string> = new Set([
  'id',
  'version',
  'owner_id',
  'department_id',
  'created_at',
  'created_by',
  'updated_at',
  'updated_by',
  'deleted_at',
  'parent_id',
  'sort_index',
  '_display',
]);

let lastKey = 0;

/** A key for a line that has no id yet; the prefix keeps it apart from any uuid. */
export function newRowKey(): string {
  lastKey += 1;
  return `new-${lastKey}`;
}

function isRowObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWireValue(value: unknown): value is FieldValue {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value) || Array.isArray(value);
}

export function isChildRow(value: unknown): value is ChildRow {
  return isRowObject(value) && typeof value.key === 'string' && isRowObject(value.values);
}

/**
 * A form value that is a list of lines (an empty list counts: it is what a cleared table holds).
 * Lists are all of one kind, so the first item decides: this runs on every keystroke of a
 * 1,000-line table, twice.
 */
export function isChildRows(value: unknown): value is ChildRows {
  return Array.isArray(value) && (value.length === 0 || isChildRow(value[0]));
}

/**
 * Lines from the wire (a loaded record, a resumed draft). With the child object, only the
 * fields a user edits are kept (formula results come back from the server on every save);
 * without it (a draft this form wrote itself), everything but the system columns.
 */
export function rowsFromWire(value: unknown, editable?: readonly FieldDefinition[]): ChildRows {
  if (!Array.isArray(value)) return [];
  return value.filter(isRowObject).map((wire) => {
    const id = typeof wire.id === 'string' ? wire.id : undefined;
    const values: Record<string, FieldValue> = {};
    const keys = editable ? editable.map((f) => f.id) : Object.keys(wire).filter((k) => !SYSTEM_KEYS.has(k));
    for (const key of keys) {
      const cell = wire[key];
      if (Object.hasOwn(wire, key) && isWireValue(cell)) values[key] = cell;
    }
    return id ? { key: id, id, values } : { key: newRowKey(), values };
  });
}

const wireCache = new WeakMap<ChildRow, ChildRowValues>();

/** One line as the server takes it. Cached per line: rules and drafts convert every line on each change. */
function rowToWire(row: ChildRow): ChildRowValues {
  let wire = wireCache.get(row);
  if (!wire) {
    // Sorted keys: the same line always serialises the same, whatever order its cells were edited in.
    wire = {};
    for (const key of Object.keys(row.values).sort()) {
      const cell = row.values[key];
      if (cell !== undefined) wire[key] = typeof cell === 'string' && cell === '' ? null : cell;
    }
    if (row.id) wire.id = row.id;
    wireCache.set(row, wire);
  }
  return wire;
}

/** Lines for the server, in their order: the array order is the lines' order. */
export function rowsToWire(rows: ChildRows): ChildRowValues[] {
  return rows.map(rowToWire);
}

/** The object whose records are a child-table field's lines (a quote's `quote_line`). */
export function childObjectOf(field: FieldDefinition, objects: readonly ObjectDefinition[]): ObjectDefinition | null {
  return field.type === 'child_table' ? (objects.find((o) => o.id === field.target) ?? null) : null;
}

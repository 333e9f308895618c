import { randomUUID } from 'node:crypto';
import { computeFormulas } from '@tessera/expr';
import { applyFieldDefaults } from '@tessera/forms';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import type { FieldChange } from './change-log';
import { childTableFields, readChildRows } from './child-rows';
import { refuseLockedFields } from './field-access';
import { throughForm } from './form-submission';
import { columnFields, type RecordRow, sameValue } from './record-columns';
import { formulaContext, type RecordContext } from './record-context';
import { type FieldIssue, RecordError } from './record-error';
import { checkReferencesMany } from './record-references';
import type { RecordValues } from './record-validator';
import { openRow, sealValues } from './sealed-fields';

/**
 * The pure half of every write, for one record or fifty thousand: validation (through a form
 * when the write names one), what the write points at (one query per table for the whole
 * batch), formula values, sealing of encrypted fields. What comes out is ready for the
 * set-based statements of `write-rows.ts`; nothing has been written yet.
 */

const NONE: ReadonlySet<string> = new Set();

/**
 * The object's validation, then the actor's field access on the values they chose. `supplied`
 * names values the server supplied (a form's defaults and rules, see form-submission.ts), and a
 * create adds the fields' own defaults to them: like formula fields they are written whatever
 * the actor's role says about the field.
 */
export function validated(
  ctx: RecordContext,
  object: ObjectDefinition,
  sent: unknown,
  mode: 'create' | 'patch',
  supplied: ReadonlySet<string> = NONE,
): RecordValues {
  if (supplied === NONE && passedAhead(ctx, object, sent, mode)) return sent as RecordValues;
  const { values, computed } = mode === 'create' ? withDefaults(ctx, object, sent, supplied) : { values: sent, computed: supplied };
  const verdict = ctx.app.validator.validate(object, values, mode);
  if (!verdict.ok) throw new RecordError('record.invalid', verdict.issues, { count: verdict.issues.length });
  refuseLockedFields(
    ctx,
    object,
    Object.keys(verdict.values).filter((key) => !computed.has(key)),
  );
  return verdict.values;
}

/**
 * A create's values with the fields' own defaults (ADR 0028) for what it leaves out. Every create
 * comes through `validated` — a form or none, bulk, import, a flow step — so this is the one place
 * they are filled in. Like a form's, they are the system's values: written whatever the role may edit.
 */
function withDefaults(
  ctx: RecordContext,
  object: ObjectDefinition,
  sent: unknown,
  supplied: ReadonlySet<string>,
): { values: unknown; computed: ReadonlySet<string> } {
  const defaults = ctx.app.defaults.get(object.id);
  if (!defaults || typeof sent !== 'object' || sent === null || Array.isArray(sent)) return { values: sent, computed: supplied };
  const { values, filled } = applyFieldDefaults(defaults, sent as RecordValues, formulaContext(ctx));
  return filled.length ? { values, computed: new Set([...supplied, ...filled]) } : { values: sent, computed: supplied };
}

/**
 * Values `validateAhead` passed, with what they were checked against: the object as published
 * (a publish in between makes a new one), the actor's policy and the mode. A batch validated
 * ahead of its write — an import checks the next few thousand rows while the last are written —
 * is then not checked a second time by the write. Frozen, so what passed is what gets written.
 */
const passed = new WeakMap<object, { object: ObjectDefinition; access: object; mode: 'create' | 'patch' }>();

function passedAhead(ctx: RecordContext, object: ObjectDefinition, values: unknown, mode: 'create' | 'patch'): boolean {
  if (typeof values !== 'object' || values === null) return false;
  const mark = passed.get(values);
  return mark !== undefined && mark.object === object && mark.access === ctx.access && mark.mode === mode;
}

/** One row's verdict from `validateAhead`: its values as the write will take them, or its issues. */
export type AheadVerdict = { ok: true; values: Readonly<RecordValues> } | { ok: false; issues: readonly FieldIssue[] };

/** `validated` for each row (the same validator and field access as any write), keeping each row's refusal as its own. */
export function validateAhead(ctx: RecordContext, object: ObjectDefinition, rows: readonly unknown[], mode: 'create' | 'patch'): AheadVerdict[] {
  return rows.map((values) => {
    const verdict = rowVerdict(() => validated(ctx, object, values, mode));
    if (!verdict.ok) return verdict;
    const frozen = Object.freeze(verdict.value);
    passed.set(frozen, { object, access: ctx.access, mode });
    return { ok: true, values: frozen };
  });
}

/** A write that names a form: the form's verdict (form-submission.ts), then `validated` with what the form computed. */
export function validatedThroughForm(
  ctx: RecordContext,
  object: ObjectDefinition,
  formId: string,
  values: unknown,
  current: RecordRow | null,
  mode: 'create' | 'patch',
): RecordValues {
  const form = throughForm(ctx, object, formId, ctx.app.validator.canonical(object, values), current);
  return validated(ctx, object, form.values, mode, form.computed);
}

/** A row's values with its formula fields worked out; `stored` is the record as it is (empty for a create). */
interface FormulaInput {
  values: RecordValues;
  stored: RecordRow;
  recordId: string | null;
}

/**
 * Adds the formula fields' values to each write. Child rows first (a quote's total sums its
 * lines' computed amounts); aggregated child rows come from the write, or — when an edit leaves
 * them — from the database, read for the whole batch at once.
 */
export async function withFormulaValues(ctx: RecordContext, object: ObjectDefinition, inputs: readonly FormulaInput[]): Promise<RecordValues[]> {
  const context = formulaContext(ctx);
  const written = inputs.map(({ values }) => {
    const out: RecordValues = { ...values };
    for (const field of childTableFields(object)) {
      const rows = values[field.id];
      const childPlan = ctx.app.computed.get(field.target ?? '');
      if (Array.isArray(rows) && childPlan) out[field.id] = rows.map((row: RecordRow) => ({ ...row, ...computeFormulas(childPlan, row, context) }));
    }
    return out;
  });
  const plan = ctx.app.computed.get(object.id);
  if (!plan) return written;
  const records = inputs.map((input, i): RecordRow => ({ ...input.stored, ...written[i] }));
  for (const fieldId of plan.aggregated) {
    const field = object.fields.find((f) => f.id === fieldId);
    const child = field?.target ? ctx.app.objects.get(field.target) : undefined;
    const missing = inputs.flatMap((input, i) => (input.recordId && !Array.isArray(records[i]![fieldId]) ? [{ i, id: input.recordId }] : []));
    if (!child || missing.length === 0) continue;
    const byParent = await readChildRows(
      ctx,
      child,
      missing.map((m) => m.id),
    );
    for (const { i, id } of missing) records[i]![fieldId] = byParent.get(id) ?? [];
  }
  return written.map((values, i) => ({ ...values, ...computeFormulas(plan, records[i]!, context) }));
}

/** A new record as the write path will insert it. */
export interface PreparedCreate {
  /** Its place in the batch the caller sent. */
  index: number;
  id: string;
  /** Validated, with formula values, encrypted fields sealed. */
  values: RecordValues;
}

/** A row of a batch that was refused, and why (pointers as for a single write: `/values/…`). */
export interface RefusedRow {
  index: number;
  issues: readonly FieldIssue[];
}

export interface CreateInput {
  id?: string | undefined;
  values: unknown;
}

/** Runs `check` on one row; a refusal with field issues becomes that row's refusal, anything else stops the batch. */
function rowVerdict<T>(check: () => T): { ok: true; value: T } | { ok: false; issues: readonly FieldIssue[] } {
  try {
    return { ok: true, value: check() };
  } catch (error) {
    if (error instanceof RecordError && error.code === 'record.invalid') return { ok: false, issues: error.issues };
    throw error;
  }
}

/**
 * Prepares new records. Each row is judged on its own: a refused row is reported with its
 * issues and the others go on (the caller decides whether one refusal stops the batch).
 */
export async function prepareCreates(
  ctx: RecordContext,
  object: ObjectDefinition,
  inputs: readonly CreateInput[],
  form?: string,
): Promise<{ prepared: PreparedCreate[]; refused: RefusedRow[] }> {
  const refused: RefusedRow[] = [];
  const valid: { index: number; id: string | undefined; values: RecordValues }[] = [];
  inputs.forEach((input, index) => {
    const verdict = rowVerdict(() =>
      form ? validatedThroughForm(ctx, object, form, input.values, null, 'create') : validated(ctx, object, input.values, 'create'),
    );
    if (verdict.ok) valid.push({ index, id: input.id, values: verdict.value });
    else refused.push({ index, issues: verdict.issues });
  });
  const checked = await checkReferencesMany(
    ctx,
    object,
    valid.map((row) => ({ values: row.values, current: null })),
  );
  const accepted = valid.filter((row, i) => {
    const issues = checked[i]!.issues;
    if (issues.length) refused.push({ index: row.index, issues });
    return issues.length === 0;
  });
  const acceptedValues = checked.filter((c) => c.issues.length === 0).map((c) => c.values);
  const computed = await withFormulaValues(
    ctx,
    object,
    acceptedValues.map((values) => ({ values, stored: {}, recordId: null })),
  );
  const prepared = accepted.map((row, i) => ({ index: row.index, id: row.id ?? randomUUID(), values: sealValues(ctx, object, computed[i]!) }));
  refused.sort((a, b) => a.index - b.index);
  return { prepared, refused };
}

/** An edit of one stored record, validated, before formulas and references. */
export interface UpdateTarget {
  /** The row as stored (sealed values), locked by the caller's transaction. */
  current: RecordRow;
  /** Validated values the edit sends. */
  patch: RecordValues;
}

/** An edit as the write path will apply it; absent when the edit changes nothing. */
export interface PreparedUpdate {
  id: string;
  /** Sealed values of the changed columns and of the child tables sent. */
  values: RecordValues;
  /** Columns whose stored value changes. */
  changed: FieldDefinition[];
  /** Child tables whose lines the edit replaces. */
  children: FieldDefinition[];
  /** For the timeline and the event: old → new, sealed. */
  changes: FieldChange[];
}

const historyValue = (value: unknown) => (value instanceof Date ? value.toISOString() : value);

/**
 * Prepares edits of stored records: references and formulas for the whole batch, then, per
 * record, what actually changes. A record the edit leaves as it is gets no entry (no new
 * version, no history row, no event). A reference problem refuses the whole batch.
 */
export async function prepareUpdates(ctx: RecordContext, object: ObjectDefinition, targets: readonly UpdateTarget[]): Promise<PreparedUpdate[]> {
  const plain = targets.map((t) => openRow(ctx, object, t.current, 'full'));
  const checked = await checkReferencesMany(
    ctx,
    object,
    targets.map((t, i) => ({ values: t.patch, current: plain[i]! })),
  );
  const issues = checked.flatMap((c) => c.issues);
  if (issues.length) throw new RecordError('record.invalid', issues, { count: issues.length });
  const computed = await withFormulaValues(
    ctx,
    object,
    checked.map((c, i) => ({ values: c.values, stored: plain[i]!, recordId: String(targets[i]!.current.id) })),
  );
  const prepared: PreparedUpdate[] = [];
  targets.forEach((target, i) => {
    const next = computed[i]!;
    const changed = columnFields(object).filter((f) => f.id in next && !sameValue(f, plain[i]![f.id], next[f.id]));
    const children = childTableFields(object).filter((f) => Array.isArray(next[f.id]));
    if (changed.length === 0 && children.length === 0) return;
    const values = sealValues(ctx, object, next);
    const changes: FieldChange[] = changed.map((f) => ({ field: f.id, old: historyValue(target.current[f.id]), new: values[f.id] }));
    for (const field of children) changes.push({ field: field.id, old: null, new: values[field.id] });
    prepared.push({ id: String(target.current.id), values, changed, children, changes });
  });
  return prepared;
}

import type { FilterCondition, LocalizedText, ReportMeasure } from '@tessera/schemas';
import type { PlannedDimension, ReportPlan } from './compile-report';
import { bucketRange, type ResolvedRange, startOfLocalDay } from './date-range';

/** A group key as shown: its value, and a name where the value is an id or an option (a person's name, an option's label). */
export interface ReportKey {
  value: string | number | boolean | null;
  label: LocalizedText | string | null;
}

/** What reproduces a data point's records in the records list (`POST …/records/query`). */
export interface DrillDown {
  object: string;
  filters: FilterCondition[];
  where?: string | undefined;
}

export interface ReportRow {
  keys: Record<string, ReportKey>;
  values: Record<string, number | string | null>;
  drill: DrillDown;
}

export interface ReportResult {
  report: string;
  object: string;
  range: ResolvedRange | null;
  dimensions: { id: string; field: string; grain: string | null; label: LocalizedText | null }[];
  measures: { id: string; label: LocalizedText | null; format: ReportMeasure['format'] | null }[];
  rows: ReportRow[];
}

/** numeric and bigint come back as text; a measure is a number (null where there was nothing to aggregate). */
function measureValue(raw: unknown): number | string | null {
  if (raw === null || raw === undefined) return null;
  if (typeof raw === 'number') return raw;
  const n = Number(raw);
  return Number.isFinite(n) ? n : String(raw);
}

function keyValue(planned: PlannedDimension, raw: unknown): ReportKey['value'] {
  if (raw === null || raw === undefined) return null;
  if (raw instanceof Date) return raw.toISOString();
  if (planned.column.sqlType === 'numeric') return Number(raw);
  return typeof raw === 'boolean' || typeof raw === 'number' ? raw : String(raw);
}

/** A number bucket as [from, to): `to` null for the last of explicit edges, `from` null for the first (it takes everything below the second edge). */
function bucketBounds(planned: PlannedDimension, lower: number): { from: number | null; to: number | null } {
  const bucket = planned.dimension.bucket;
  if (bucket?.width !== undefined) return { from: lower, to: lower + bucket.width };
  const edges = bucket?.edges ?? [];
  const at = edges.indexOf(lower);
  return { from: at <= 0 ? null : lower, to: edges[at + 1] ?? null };
}

const shown = (n: number) => n.toLocaleString('en');

function keyLabel(planned: PlannedDimension, value: ReportKey['value'], raw: unknown): ReportKey['label'] {
  if (planned.labelled) return typeof raw === 'string' ? raw : null;
  if (planned.dimension.bucket && typeof value === 'number') {
    const { from, to } = bucketBounds(planned, value);
    if (from === null) return to === null ? null : `< ${shown(to)}`;
    return to === null ? `≥ ${shown(from)}` : `${shown(from)} – ${shown(to)}`;
  }
  if (planned.column.field?.type === 'select') return planned.column.field.options?.find((o) => o.value === value)?.label ?? null;
  return null;
}

/** The list condition selecting one group: a date bucket as [start, next start), an empty key as is_empty. */
function keyConditions(planned: PlannedDimension, value: ReportKey['value'], timeZone: string): FilterCondition[] {
  const field = planned.dimension.field;
  if (value === null) return [{ field, op: 'is_empty' }];
  if (planned.dimension.bucket && typeof value === 'number') {
    const { from, to } = bucketBounds(planned, value);
    return [...(from === null ? [] : [{ field, op: 'gte' as const, value: from }]), ...(to === null ? [] : [{ field, op: 'lt' as const, value: to }])];
  }
  if (planned.column.kind === 'date' && planned.dimension.grain) {
    const bucket = bucketRange(String(value), planned.dimension.grain);
    const at = (date: string) => (planned.column.sqlType === 'timestamptz' ? startOfLocalDay(date, timeZone) : date);
    return [
      { field, op: 'gte', value: at(bucket.from) },
      { field, op: 'lt', value: at(bucket.to) },
    ];
  }
  return [{ field, op: 'eq', value }];
}

/** The report's formula filter and the shown measure's own filter, both: one yes/no formula for the list. */
function drillFormula(plan: ReportPlan, measureId: string | undefined): string | undefined {
  const measure = plan.report.measures.find((m) => m.id === measureId);
  const parts = [plan.report.where, measure?.aggregate !== 'formula' ? measure?.filter : undefined].filter((p): p is string => Boolean(p));
  if (parts.length < 2) return parts[0];
  return `AND(${parts.map((p) => `(${p})`).join(', ')})`;
}

/** The figures of a funnel step besides its count: conversion from the step before and from the first, days in the step. */
export const FUNNEL_VALUES = ['conversion', 'overall', 'days_in_stage'] as const;

/**
 * A funnel's one row of JSON as a row per step. Its drill-down lists the records whose stage is
 * now this step or a later one: the history behind "reached" has no list condition of its own.
 */
function shapeFunnel(plan: ReportPlan, funnel: NonNullable<ReportPlan['funnel']>, row: Record<string, unknown> | undefined): ReportResult {
  const counts = ((row?.counts as number[] | undefined) ?? []).map(Number);
  const days = (row?.days as Record<string, number> | undefined) ?? {};
  const countId = plan.report.measures[0]?.id ?? 'records';
  const first = counts[0] ?? 0;
  const ratio = (n: number, of: number | undefined) => (of ? n / of : null);
  return {
    report: plan.report.id,
    object: plan.object.id,
    range: plan.range,
    dimensions: [{ id: 'step', field: funnel.field.id, grain: null, label: funnel.field.label }],
    measures: [
      { id: countId, label: plan.report.measures[0]?.label ?? null, format: 'number' },
      { id: 'conversion', label: { en: 'Step conversion', 'zh-CN': '步骤转化率' }, format: 'percent' },
      { id: 'overall', label: { en: 'Overall conversion', 'zh-CN': '总转化率' }, format: 'percent' },
      { id: 'days_in_stage', label: { en: 'Days in stage', 'zh-CN': '停留天数' }, format: 'number' },
    ],
    rows: funnel.steps.map((step, i) => {
      const count = counts[i] ?? 0;
      const stay = days[String(i + 1)];
      return {
        keys: { step: { value: step, label: funnel.field.options?.find((o) => o.value === step)?.label ?? step } },
        values: {
          [countId]: count,
          conversion: i === 0 ? ratio(count, first) : ratio(count, counts[i - 1]),
          overall: ratio(count, first),
          days_in_stage: stay === undefined || stay === null ? null : Number(stay),
        },
        drill: { object: plan.object.id, filters: [...plan.filters, { field: funnel.field.id, op: 'in', value: funnel.steps.slice(i) }] },
      };
    }),
  };
}

/** Rows as the API returns them: keys with names, numbers as numbers, and each row's drill-down for the measure shown. */
export function shapeResult(plan: ReportPlan, rows: readonly Record<string, unknown>[], timeZone: string, measureId?: string): ReportResult {
  if (plan.funnel) return shapeFunnel(plan, plan.funnel, rows[0]);
  const where = drillFormula(plan, measureId ?? plan.report.measures[0]?.id);
  return {
    report: plan.report.id,
    object: plan.object.id,
    range: plan.range,
    dimensions: plan.dimensions.map((d) => ({
      id: d.dimension.id,
      field: d.dimension.field,
      grain: d.dimension.grain ?? null,
      label: d.dimension.label ?? null,
    })),
    measures: plan.measures.map((m) => ({ id: m.measure.id, label: m.measure.label ?? null, format: m.measure.format ?? null })),
    rows: rows.map((row) => {
      const keys: Record<string, ReportKey> = {};
      const conditions: FilterCondition[] = [];
      for (const planned of plan.dimensions) {
        const value = keyValue(planned, row[planned.alias]);
        keys[planned.dimension.id] = { value, label: keyLabel(planned, value, row[`${planned.alias}_label`]) };
        conditions.push(...keyConditions(planned, value, timeZone));
      }
      const values = Object.fromEntries(plan.measures.map((m) => [m.measure.id, measureValue(row[m.alias])] as const));
      return { keys, values, drill: { object: plan.object.id, filters: [...plan.filters, ...conditions], ...(where ? { where } : {}) } };
    }),
  };
}

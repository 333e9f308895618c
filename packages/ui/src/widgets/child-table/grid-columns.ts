import type { FieldDefinition, FieldType, ObjectDefinition } from '@tessera/schemas';
import { isSummed } from './column-sums';

/** One column of the lines grid: a field typed into, or a formula shown as it is computed. */
export interface GridColumn {
  readonly field: FieldDefinition;
  readonly kind: 'input' | 'formula';
  readonly width: number;
  readonly align: 'start' | 'end' | 'center';
  /** Shows a total in the footer. */
  readonly summed: boolean;
}

/**
 * Types a line is typed into, cell by cell. Files, rich text, regions and signatures do not fit
 * in one row of a grid: a line keeps whatever it holds for them, untouched.
 */
const WIDTHS: Partial<Record<FieldType, number>> = {
  text: 180,
  long_text: 220,
  phone: 150,
  email: 200,
  url: 200,
  number: 120,
  currency: 140,
  percent: 110,
  date: 150,
  datetime: 200,
  select: 150,
  multi_select: 200,
  checkbox: 90,
  relation: 200,
  user: 180,
};

const FORMULA_WIDTH = 140;
/** Row number and drag handle; move and remove buttons. */
export const LEAD_WIDTH = 72;
export const ACTIONS_WIDTH = 112;

/** Field types and formula result types alike: amounts line up on the right, yes/no in the middle. */
function alignOf(type: string | undefined): GridColumn['align'] {
  if (type === 'number' || type === 'currency' || type === 'percent') return 'end';
  return type === 'checkbox' || type === 'boolean' ? 'center' : 'start';
}

/** The grid's columns, in the child object's field order. */
export function gridColumns(child: ObjectDefinition): GridColumn[] {
  const columns: GridColumn[] = [];
  for (const field of child.fields) {
    if (field.type === 'formula') {
      columns.push({ field, kind: 'formula', width: FORMULA_WIDTH, align: alignOf(field.resultType), summed: isSummed(field) });
      continue;
    }
    const width = WIDTHS[field.type];
    if (width !== undefined) columns.push({ field, kind: 'input', width, align: alignOf(field.type), summed: isSummed(field) });
  }
  return columns;
}

export function gridWidth(columns: readonly GridColumn[]): number {
  return LEAD_WIDTH + ACTIONS_WIDTH + columns.reduce((sum, c) => sum + c.width, 0);
}

import { fieldFormat } from '@tessera/forms';
import type { AppDocument, FilterCondition } from '@tessera/schemas';
import { columnKey, type PhysicalState } from './physical-state';

/**
 * A data rule the draft adds or tightens on a field that already holds data, and the records
 * filter that finds the live rows breaking it. The rows are counted by the records API with that
 * very filter (the server's diff route), so the count in the review and the list it links to
 * cannot disagree.
 */
export interface RuleBreak {
  object: string;
  field: string;
  rule: 'required' | 'format';
  /** rule format: the format the rows must now have. */
  format?: string;
  filter: FilterCondition;
}

/**
 * What publishing the draft's new or tightened data rules asks of the data already stored: per
 * field that is newly required or gets a (different) format, the filter of the rows that break
 * it. Publish is not blocked by them and reading them keeps working; only writing such a row
 * again must meet the rule. Fields without a column yet (new ones) hold no data.
 */
export function findRuleBreaks(live: AppDocument | null, draft: AppDocument, physical: PhysicalState): RuleBreak[] {
  if (!live) return [];
  const breaks: RuleBreak[] = [];
  for (const object of draft.objects) {
    const before = live.objects.find((o) => o.id === object.id);
    if (!before || physical.tables.get(object.id)?.retired !== false) continue;
    for (const field of object.fields) {
      const was = before.fields.find((f) => f.id === field.id);
      const column = physical.columns.get(columnKey(object.id, field.id));
      if (!was || !column || column.retired) continue;
      if (field.required && !was.required) breaks.push({ object: object.id, field: field.id, rule: 'required', filter: { field: field.id, op: 'is_empty' } });
      const format = fieldFormat(field);
      if (format && format !== fieldFormat(was) && column.sqlType === 'text')
        breaks.push({ object: object.id, field: field.id, rule: 'format', format, filter: { field: field.id, op: 'breaks_format', value: format } });
    }
  }
  return breaks;
}

import { type Locale, type MessageParams, translate } from '@tessera/i18n';
import type { LocalizedText } from '@tessera/schemas';

/** One problem with one field of a record or query. The label is translated at the edge. */
export interface FieldIssue {
  field: string;
  pointer: string;
  code: string;
  params: MessageParams;
  label?: LocalizedText | undefined;
}

export type RecordErrorCode =
  | 'record.invalid'
  | 'record.locked'
  | 'record.not_found'
  | 'record.id_taken'
  | 'view.name_taken'
  | 'record.app_not_published'
  | 'record.encryption_unavailable'
  | 'record.form_not_found'
  | 'record.form_not_chosen'
  | 'record.version_conflict'
  | 'record.object_not_found'
  | 'record.child_object'
  | 'record.forbidden'
  | 'record.batch_invalid'
  | 'record.bulk_too_many'
  | 'query.invalid'
  | 'query.cursor'
  | 'merge.same_record'
  | 'merge.changed_since'
  | 'comment.not_found'
  | 'comment.not_author'
  | 'comment.delete_forbidden'
  | 'comment.changed_since';

const STATUS: Record<RecordErrorCode, 400 | 403 | 404 | 409 | 422 | 423 | 503> = {
  'record.encryption_unavailable': 503,
  'record.form_not_found': 404,
  'record.form_not_chosen': 403,
  'record.invalid': 422,
  'record.not_found': 404,
  'record.id_taken': 409,
  'view.name_taken': 409,
  'record.app_not_published': 404,
  'record.version_conflict': 409,
  'record.object_not_found': 404,
  'record.child_object': 400,
  'record.forbidden': 403,
  'record.batch_invalid': 422,
  'record.bulk_too_many': 422,
  'record.locked': 423,
  'query.invalid': 400,
  'query.cursor': 400,
  'merge.same_record': 422,
  'merge.changed_since': 409,
  'comment.not_found': 404,
  'comment.not_author': 403,
  'comment.delete_forbidden': 403,
  'comment.changed_since': 409,
};

export class RecordError extends Error {
  readonly status: number;
  constructor(
    readonly code: RecordErrorCode,
    readonly issues: readonly FieldIssue[] = [],
    readonly params: MessageParams = {},
  ) {
    super(code);
    this.name = 'RecordError';
    this.status = STATUS[code];
  }
}

function localLabel(label: LocalizedText | undefined, locale: Locale, fallback: string): string {
  return label?.[locale] ?? label?.en ?? label?.['zh-CN'] ?? fallback;
}

export function localizeFieldIssues(issues: readonly FieldIssue[], locale: Locale) {
  return issues.map((issue) => {
    const params: MessageParams = { ...issue.params, label: localLabel(issue.label, locale, issue.field) };
    // Parameters that are message keys themselves (`format.email`, `region_level.city`).
    for (const key of ['expected', 'format', 'level', 'actual'] as const) {
      const value = params[key];
      if (typeof value === 'string' && value.includes('.')) params[key] = translate(locale, value);
    }
    return { pointer: issue.pointer, field: issue.field, code: issue.code, message: translate(locale, issue.code, params) };
  });
}

import type { FormatName } from '@tessera/formats';
import { fieldFormat, formatFormIssue, meetsFormat } from '@tessera/forms';
import type { Locale } from '@tessera/i18n';
import type { FieldDefinition } from '@tessera/schemas';
import { type FormValue, toFieldValue } from '../records/form-values';

/**
 * The browser's format check, on blur and before a save: the very check the server runs
 * (`meetsFormat` of @tessera/forms, over the text as the records validator cleans it), with the
 * server's message, so a value refused here is one the server refuses and no other.
 * `formFormat` is the form's own format for the field, which adds to the field's (compile-form.ts).
 */
export function formatProblem(field: FieldDefinition, formFormat: FormatName | undefined, value: FormValue, locale: Locale): string | null {
  const wire = toFieldValue(field, value);
  if (typeof wire !== 'string') return null;
  const broken = [fieldFormat(field), formFormat].find((format) => format !== undefined && !meetsFormat(field, format, wire));
  if (!broken) return null;
  const issue = { field: field.id, pointer: `/values/${field.id}`, code: 'form.format', params: { format: `form.format.${broken}` }, label: field.label };
  return formatFormIssue(issue, locale);
}

import { sniffImage } from '@tessera/files';
import { errorValue, FORM_FORMATS, regionLevelRefusal } from '@tessera/forms';
import type { FieldDefinition, ObjectDefinition } from '@tessera/schemas';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import sanitizeHtml from 'sanitize-html';
import { canonicalValues } from './canonical-values';
import { fieldById } from './field-index';
import type { FieldIssue } from './record-error';
import { isSystemAssigned, recordValuesSchema } from './record-schema';
import './messages';
import { unstorableText } from './storable-text';

const DECIMAL = FORM_FORMATS.decimal;

/** The formats are the form engine's: a value the browser accepts is a value the server accepts. */
function newAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
  for (const [name, check] of Object.entries(FORM_FORMATS)) ajv.addFormat(name, check);
  return ajv;
}

export type RecordValues = Record<string, unknown>;
export type Verdict = { ok: true; values: RecordValues } | { ok: false; issues: FieldIssue[] };

interface Compiled {
  create: ValidateFunction;
  patch: ValidateFunction;
}

/** Finds the field a JSON path names, descending into child tables: `/lines/0/qty`. */
function fieldAt(object: ObjectDefinition, objects: ReadonlyMap<string, ObjectDefinition>, path: string[]): FieldDefinition | undefined {
  const [head, index, ...rest] = path;
  const field = object.fields.find((f) => f.id === head);
  if (field?.type === 'child_table' && index !== undefined && rest.length) {
    const child = objects.get(field.target ?? '');
    return child ? (fieldAt(child, objects, rest) ?? field) : field;
  }
  return field;
}

function issueOf(error: ErrorObject, object: ObjectDefinition, objects: ReadonlyMap<string, ObjectDefinition>, input: unknown): FieldIssue | null {
  // `anyOf: [null, T]` reports the null branch and the anyOf itself; the branch T says what is wrong.
  if (error.keyword === 'anyOf' || error.schemaPath.includes('/anyOf/0/')) return null;
  const params = error.params as Record<string, unknown>;
  const extra =
    error.keyword === 'additionalProperties' ? [String(params.additionalProperty)] : error.keyword === 'required' ? [String(params.missingProperty)] : [];
  const path = [...error.instancePath.split('/').slice(1), ...extra];
  const field = fieldAt(object, objects, path);
  const issue = (code: string, p: FieldIssue['params'] = {}): FieldIssue => ({
    field: path[0] ?? '',
    pointer: `/values/${path.join('/')}`,
    code,
    params: { field: path.at(-1) ?? '', ...p },
    label: field?.label,
  });
  switch (error.keyword) {
    case 'required':
      return issue('field.required');
    case 'additionalProperties':
      return issue('field.unknown');
    case 'type':
      return issue('field.type', { expected: `type.${String(params.type).split(',')[0]}` });
    case 'format': {
      // A real region deeper than the field's level breaks the level rule, not the format: say which.
      const value = errorValue(input, path);
      const refusal = regionLevelRefusal(String(params.format), value);
      if (refusal)
        return issue('field.region_level', { value: String(value), level: `region_level.${refusal.level}`, actual: `region_level.${refusal.actual}` });
      return issue('field.format', { format: `format.${String(params.format)}` });
    }
    case 'maxLength':
      return issue('field.max_length', { limit: Number(params.limit) });
    case 'maxItems':
      return issue('field.max_items', { limit: Number(params.limit) });
    case 'enum':
      return issue('field.option', { value: String(errorValue(input, path)) });
    default:
      return issue('field.invalid', { rule: error.keyword });
  }
}

/**
 * What the rich text editor (packages/ui/src/widgets/use-rich-text-editor.ts, TipTap's starter kit)
 * produces, and nothing more (docs/adr/0006, 0012). Links always open in a new tab with the
 * same `rel` the editor writes, so an API-written link is as safe as a typed one and a saved
 * value reads back unchanged; `javascript:` and protocol-relative URLs lose their `href`.
 * The browser sanitizes again with the same list (packages/ui/src/widgets/rich-text-sanitize.ts).
 */
const LINK_REL = 'noopener noreferrer nofollow';
const LIST_TYPES: ReadonlySet<string> = new Set(['1', 'a', 'A', 'i', 'I']);
const RICH_TEXT: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'h1', 'h2', 'h3', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'hr'],
  allowedAttributes: { a: ['href', 'target', 'rel'], ol: ['start', 'type'] },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowProtocolRelative: false,
  transformTags: {
    a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, target: '_blank', rel: LINK_REL } }),
    // A numbered list keeps where it starts and its numbering style, nothing else.
    ol: (tagName, { start, type }) => ({
      tagName,
      attribs: { ...(start && /^\d{1,6}$/.test(start) ? { start } : {}), ...(type && LIST_TYPES.has(type) ? { type } : {}) },
    }),
  },
};

/** Rich text as stored and served: the editor's tags only (a rich text field's value, a dashboard note). */
export function sanitizeRichText(html: string): string {
  return sanitizeHtml(html, RICH_TEXT);
}

const PNG_DATA_URL = /^data:image\/png;base64,([A-Za-z0-9+/]+={0,2})$/;

/** A signature is a PNG as a data URL, and its bytes must really be a PNG, whatever the prefix claims. */
function isPngDataUrl(value: string): boolean {
  const base64 = PNG_DATA_URL.exec(value)?.[1];
  if (!base64 || base64.length % 4 !== 0) return false;
  return sniffImage(Buffer.from(base64, 'base64')) === 'image/png';
}

function isBlank(value: unknown): boolean {
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}

/** Half of a UTF-16 surrogate pair, with no other half. */

const fieldIssue = (field: FieldDefinition, pointer: string, code: string, params: FieldIssue['params']): FieldIssue => ({
  field: field.id,
  pointer,
  code,
  params,
  label: field.label,
});

/**
 * After the schema: decimals to exact text with their scale and bounds, rich text sanitized,
 * signatures sniffed. No closure per call: an import runs this for every cell of its rows.
 */
function normalizeField(field: FieldDefinition, value: unknown, issues: FieldIssue[], pointer: string): unknown {
  if (value === null || value === undefined) return value;
  // Text PostgreSQL cannot store (a NUL) or that is not text at all (half a surrogate pair) is
  // the sender's mistake, said per field — not a database error after the fact.
  if (typeof value === 'string' && unstorableText(value)) {
    issues.push(fieldIssue(field, pointer, 'field.characters', { field: field.id }));
    return undefined;
  }
  switch (field.type) {
    case 'number':
    case 'currency':
    case 'percent': {
      const text = String(value);
      const match = DECIMAL.exec(text);
      if (!match || (typeof value === 'number' && !Number.isFinite(value))) {
        issues.push(fieldIssue(field, pointer, 'field.format', { format: 'format.decimal' }));
        return undefined;
      }
      const scale = field.scale ?? (field.type === 'currency' ? 2 : undefined);
      if (scale !== undefined && (match[2]?.length ?? 0) > scale) issues.push(fieldIssue(field, pointer, 'field.scale', { limit: scale }));
      if (field.minimum !== undefined && Number(text) < field.minimum) issues.push(fieldIssue(field, pointer, 'field.minimum', { limit: field.minimum }));
      if (field.maximum !== undefined && Number(text) > field.maximum) issues.push(fieldIssue(field, pointer, 'field.maximum', { limit: field.maximum }));
      return text;
    }
    case 'rich_text':
      return sanitizeRichText(String(value));
    case 'signature':
      if (!isPngDataUrl(String(value))) issues.push(fieldIssue(field, pointer, 'field.signature_invalid', { field: field.id }));
      return value;
    default:
      return value;
  }
}

/**
 * One compiled validator pair per object of a published version, built on first use and kept
 * with that version: the same verdict for every request until the next publish.
 */
export class RecordValidator {
  private readonly ajv = newAjv();
  private readonly compiled = new Map<string, Compiled>();

  constructor(private readonly objects: ReadonlyMap<string, ObjectDefinition>) {}

  private compile(object: ObjectDefinition): Compiled {
    let entry = this.compiled.get(object.id);
    if (!entry) {
      entry = {
        create: this.ajv.compile(recordValuesSchema(object, this.objects, false)),
        patch: this.ajv.compile(recordValuesSchema(object, this.objects, true)),
      };
      this.compiled.set(object.id, entry);
    }
    return entry;
  }

  /** The values as they will be stored, before any check (canonical-values.ts): a form judges these too. */
  canonical(object: ObjectDefinition, input: unknown): unknown {
    return canonicalValues(object, input, this.objects);
  }

  validate(object: ObjectDefinition, sent: unknown, mode: 'create' | 'patch'): Verdict {
    const validate = this.compile(object)[mode];
    const issues: FieldIssue[] = [];
    const input = this.canonical(object, sent);
    if (!validate(input)) {
      for (const error of validate.errors ?? []) {
        const issue = issueOf(error, object, this.objects, input);
        if (issue) issues.push(issue);
      }
      return { ok: false, issues };
    }
    const values = normalizeValues(object, input as RecordValues, this.objects, issues, '/values');
    for (const field of object.fields) {
      const sent = field.id in values;
      if (field.required && (mode === 'create' || sent) && isBlank(values[field.id]) && !isSystemAssigned(field)) {
        issues.push({ field: field.id, pointer: `/values/${field.id}`, code: 'field.required', params: { field: field.id }, label: field.label });
      }
      if (sent && isSystemAssigned(field))
        issues.push({ field: field.id, pointer: `/values/${field.id}`, code: 'field.read_only', params: { field: field.id }, label: field.label });
    }
    return issues.length ? { ok: false, issues } : { ok: true, values };
  }
}

function normalizeValues(
  object: ObjectDefinition,
  input: RecordValues,
  objects: ReadonlyMap<string, ObjectDefinition>,
  issues: FieldIssue[],
  base: string,
): RecordValues {
  const values: RecordValues = {};
  for (const [key, value] of Object.entries(input)) {
    const field = fieldById(object, key);
    if (!field) continue;
    const pointer = `${base}/${key}`;
    if (field.type === 'child_table' && Array.isArray(value)) {
      const child = objects.get(field.target ?? '');
      values[key] = child
        ? value.map((row: RecordValues, i) => ({ ...normalizeValues(child, row, objects, issues, `${pointer}/${i}`), ...(row.id ? { id: row.id } : {}) }))
        : value;
    } else {
      values[key] = normalizeField(field, value, issues, pointer);
    }
  }
  return values;
}

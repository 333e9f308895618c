import { type Locale, registerMessages, translate } from '@tessera/i18n';
import { type Problem, problem } from './problem';

/**
 * Defence in depth: a value that slipped past the checks and that PostgreSQL refused becomes a
 * 4xx naming the column PostgreSQL names, never a 500. The checks before SQL come first; this
 * mapping is what is left when one of them is missing.
 */
registerMessages({
  'database.invalid_value': {
    'zh-CN': '“{field}”的值不被接受（{rule}）',
    en: 'The value of "{field}" is not accepted ({rule})',
  },
  'database.duplicate': { 'zh-CN': '“{field}”的值已被使用', en: 'The value of "{field}" is already in use' },
  'database.missing_reference': { 'zh-CN': '“{field}”指向的对象不存在', en: '"{field}" refers to something that does not exist' },
  'database.still_referenced': { 'zh-CN': '仍有其他数据引用它（{field}），无法删除', en: 'Other data still refers to it ({field}); it cannot be removed' },
  'database.required': { 'zh-CN': '“{field}”不能为空', en: '"{field}" is required' },
  'database.rule': { 'zh-CN': '“{field}”不符合规则“{rule}”', en: '"{field}" does not satisfy rule "{rule}"' },
});

/** What a pg (or PGlite) error carries besides its message: SQLSTATE and, where it applies, the column or constraint. */
interface DatabaseError {
  code: string;
  severity?: string;
  column?: string;
  constraint?: string;
  table?: string;
  detail?: string;
}

function asDatabaseError(error: unknown): DatabaseError | null {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; e = (e as { cause?: unknown }).cause, depth += 1) {
    const candidate = e as Partial<DatabaseError>;
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code) && typeof candidate.severity === 'string') return candidate as DatabaseError;
  }
  return null;
}

/** `Key (app_id, name)=(crm, x) already exists.` → `app_id, name`: which columns a key error is about. */
function keyColumns(detail: string | undefined): string | undefined {
  return detail?.match(/^Key \(([^)]*)\)=/)?.[1];
}

/** The field a problem names: the column, else the key's columns, else the constraint, else the table. */
function fieldOf(error: DatabaseError): string {
  return error.column ?? keyColumns(error.detail) ?? error.constraint ?? error.table ?? 'value';
}

function withField(locale: Locale, status: number, code: string, field: string, rule: string): Problem {
  const body = problem(locale, status, code, { field, rule });
  body.errors = [{ pointer: `/${field}`, field, code, message: translate(locale, code, { field, rule }) }];
  return body;
}

/** PostgreSQL's data (22xxx) and integrity (23xxx) errors as problems; anything else: null (still a 500). */
export function databaseProblem(locale: Locale, error: unknown): Problem | null {
  const db = asDatabaseError(error);
  if (!db) return null;
  const field = fieldOf(db);
  if (db.code.startsWith('22')) return withField(locale, 400, 'database.invalid_value', field, `SQLSTATE ${db.code}`);
  if (db.code === '23505') return withField(locale, 409, 'database.duplicate', field, db.constraint ?? 'unique');
  if (db.code === '23503') {
    // Insert/update naming a row that is not there: the thing asked for does not exist. Delete of a row others point at: a conflict of state.
    const missing = db.detail?.includes('is not present') ?? true;
    return withField(locale, missing ? 404 : 422, missing ? 'database.missing_reference' : 'database.still_referenced', field, db.constraint ?? 'foreign key');
  }
  if (db.code === '23502') return withField(locale, 422, 'database.required', field, 'not null');
  if (db.code.startsWith('23')) return withField(locale, 422, 'database.rule', field, db.constraint ?? db.code);
  return null;
}

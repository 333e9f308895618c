import type { Locale } from '@tessera/i18n';

export type FunctionCategory = 'logic' | 'math' | 'text' | 'date' | 'aggregate';
/** `temporal`: date or datetime; `any`: any single value; `any_or_list`: also a multi-select list. */
export type ParamType = 'number' | 'text' | 'boolean' | 'temporal' | 'any' | 'any_or_list' | 'text_or_list' | 'number_or_text';
/** `numeric`: currency if any numeric argument is currency, else number; `same`: the common type of the value arguments. */
export type ReturnType = 'number' | 'numeric' | 'text' | 'boolean' | 'date' | 'datetime' | 'user' | 'same';

export interface ParamDoc {
  readonly name: string;
  readonly type: ParamType;
  readonly optional?: boolean;
  /** The last parameter may repeat. */
  readonly variadic?: boolean;
  /** Must be a text literal from this list (units of DATEDIF/DATEADD). */
  readonly literal?: readonly string[];
}

export interface FunctionDoc {
  readonly name: string;
  readonly category: FunctionCategory;
  readonly params: readonly ParamDoc[];
  readonly returns: ReturnType;
  readonly description: Readonly<Record<Locale, string>>;
  readonly example: string;
  /** Also accepts `relation.field` / a relation field and aggregates its rows. */
  readonly aggregates?: boolean;
}

const p = (name: string, type: ParamType, extra: Partial<ParamDoc> = {}): ParamDoc => ({ name, type, ...extra });
const fn = (
  name: string,
  category: FunctionCategory,
  params: ParamDoc[],
  returns: ReturnType,
  zh: string,
  en: string,
  example: string,
  aggregates = false,
): FunctionDoc => ({ name, category, params, returns, description: { 'zh-CN': zh, en }, example, ...(aggregates ? { aggregates } : {}) });

const DATE_UNITS = ['d', 'm', 'y'];
const ADD_UNITS = ['day', 'month', 'year', 'hour', 'minute', 'second'];

/** The function library as data: the typechecker reads it, and an editor shows it. */
export const FUNCTION_DOCS: readonly FunctionDoc[] = [
  fn(
    'IF',
    'logic',
    [p('condition', 'boolean'), p('then', 'any'), p('else', 'any', { optional: true })],
    'same',
    '条件为真时返回第二个参数，否则返回第三个参数（省略时为空）',
    'Returns then when the condition is true, else the third argument (blank if omitted)',
    'IF(amount > 100000, "A", "B")',
  ),
  fn(
    'IFS',
    'logic',
    [p('condition', 'boolean'), p('value', 'any', { variadic: true })],
    'same',
    '依次检查条件，返回第一个为真的条件对应的值',
    'Returns the value of the first true condition',
    'IFS(score >= 90, "A", score >= 60, "B", TRUE, "C")',
  ),
  fn(
    'SWITCH',
    'logic',
    [p('expression', 'any'), p('case', 'any'), p('value', 'any', { variadic: true })],
    'same',
    '将表达式与各个取值比较，返回匹配项的结果，最后可给默认值',
    'Compares the expression with each case and returns the matching value; an odd last argument is the default',
    'SWITCH(stage, "won", 1, "lost", 0, 0.5)',
  ),
  fn(
    'AND',
    'logic',
    [p('logical', 'boolean', { variadic: true })],
    'boolean',
    '所有条件都为真时为真',
    'True when every condition is true',
    'AND(amount > 0, stage = "won")',
  ),
  fn(
    'OR',
    'logic',
    [p('logical', 'boolean', { variadic: true })],
    'boolean',
    '任一条件为真时为真',
    'True when any condition is true',
    'OR(stage = "won", stage = "lost")',
  ),
  fn('NOT', 'logic', [p('logical', 'boolean')], 'boolean', '取反', 'Negates a condition', 'NOT(ISBLANK(phone))'),
  fn('ISBLANK', 'logic', [p('value', 'any_or_list')], 'boolean', '值为空或空文本时为真', 'True when the value is blank or empty text', 'ISBLANK([电话])'),
  fn(
    'COALESCE',
    'logic',
    [p('value', 'any', { variadic: true })],
    'same',
    '返回第一个非空的值',
    'Returns the first value that is not blank',
    'COALESCE(discount, 0)',
  ),
  fn(
    'SUM',
    'aggregate',
    [p('number', 'number', { variadic: true })],
    'numeric',
    '求和，忽略空值；也可对子表求和',
    'Adds numbers, ignoring blanks; also sums a child table column',
    'SUM(lines.amount)',
    true,
  ),
  fn(
    'AVERAGE',
    'aggregate',
    [p('number', 'number', { variadic: true })],
    'numeric',
    '平均值，忽略空值',
    'Average, ignoring blanks',
    'AVERAGE(lines.amount)',
    true,
  ),
  fn(
    'MIN',
    'aggregate',
    [p('number', 'number', { variadic: true })],
    'numeric',
    '最小值，忽略空值',
    'Smallest value, ignoring blanks',
    'MIN(price, 100)',
    true,
  ),
  fn(
    'MAX',
    'aggregate',
    [p('number', 'number', { variadic: true })],
    'numeric',
    '最大值，忽略空值',
    'Largest value, ignoring blanks',
    'MAX(lines.amount)',
    true,
  ),
  fn(
    'COUNT',
    'aggregate',
    [p('value', 'any', { variadic: true })],
    'number',
    '非空值的个数；对关联/子表计记录数',
    'Counts values that are not blank; counts the rows of a relation or child table',
    'COUNT(visits)',
    true,
  ),
  fn(
    'ROUND',
    'math',
    [p('number', 'number'), p('digits', 'number', { optional: true })],
    'numeric',
    '四舍五入（0.5 远离零）',
    'Rounds half away from zero',
    'ROUND(amount * 1.13, 2)',
  ),
  fn(
    'ROUNDUP',
    'math',
    [p('number', 'number'), p('digits', 'number', { optional: true })],
    'numeric',
    '远离零方向舍入',
    'Rounds away from zero',
    'ROUNDUP(3.141, 2)',
  ),
  fn(
    'ROUNDDOWN',
    'math',
    [p('number', 'number'), p('digits', 'number', { optional: true })],
    'numeric',
    '向零方向舍入',
    'Rounds toward zero',
    'ROUNDDOWN(3.149, 2)',
  ),
  fn('ABS', 'math', [p('number', 'number')], 'numeric', '绝对值', 'Absolute value', 'ABS(balance)'),
  fn(
    'MOD',
    'math',
    [p('number', 'number'), p('divisor', 'number')],
    'numeric',
    '余数，符号与除数相同；除数为 0 时为空',
    'Remainder with the sign of the divisor; blank when dividing by 0',
    'MOD(-7, 3)',
  ),
  fn(
    'POWER',
    'math',
    [p('number', 'number'), p('power', 'number')],
    'number',
    '乘方，结果保留 10 位小数',
    'Raises to a power, rounded to 10 decimals',
    'POWER(1.05, 3)',
  ),
  fn(
    'CONCAT',
    'text',
    [p('value', 'any', { variadic: true })],
    'text',
    '连接文本，空值视为空文本',
    'Joins text; blanks count as empty text',
    'CONCAT(first_name, " ", last_name)',
  ),
  fn(
    'LEFT',
    'text',
    [p('text', 'text'), p('count', 'number', { optional: true })],
    'text',
    '从左取字符（默认 1 个）',
    'First characters (1 by default)',
    'LEFT([名称], 3)',
  ),
  fn(
    'RIGHT',
    'text',
    [p('text', 'text'), p('count', 'number', { optional: true })],
    'text',
    '从右取字符（默认 1 个）',
    'Last characters (1 by default)',
    'RIGHT(phone, 4)',
  ),
  fn(
    'MID',
    'text',
    [p('text', 'text'), p('start', 'number'), p('count', 'number')],
    'text',
    '从第 start 个字符起取 count 个',
    'count characters from position start (1-based)',
    'MID(code, 2, 3)',
  ),
  fn('LEN', 'text', [p('text', 'text')], 'number', '字符个数', 'Number of characters', 'LEN(name)'),
  fn('UPPER', 'text', [p('text', 'text')], 'text', '转为大写', 'Upper case', 'UPPER(code)'),
  fn('LOWER', 'text', [p('text', 'text')], 'text', '转为小写', 'Lower case', 'LOWER(email)'),
  fn(
    'TRIM',
    'text',
    [p('text', 'text')],
    'text',
    '去掉首尾空格，并把连续空格合并为一个',
    'Removes leading and trailing spaces and collapses runs of spaces',
    'TRIM(name)',
  ),
  fn(
    'SUBSTITUTE',
    'text',
    [p('text', 'text'), p('old', 'text'), p('new', 'text')],
    'text',
    '替换全部出现的文本',
    'Replaces every occurrence',
    'SUBSTITUTE(phone, "-", "")',
  ),
  fn(
    'CONTAINS',
    'text',
    [p('text', 'text_or_list'), p('search', 'text')],
    'boolean',
    '文本包含（区分大小写），或多选包含某项',
    'Text contains (case-sensitive), or a multi-select includes the option',
    'CONTAINS(name, "科技")',
  ),
  fn(
    'TEXT',
    'text',
    [p('value', 'any'), p('format', 'number_or_text', { optional: true })],
    'text',
    '转为文本；第二个参数为小数位数，或格式代码：数字用 0 # , . % E+00（如 "#,##0.00"、"0.0%"），日期用 yyyy yy m mm d dd h hh mm ss（如 "yyyy-mm-dd"、"yyyy年m月d日"）',
    'Converts to text; the second argument is a number of decimals or a format code: 0 # , . % E+00 for numbers ("#,##0.00", "0.0%"), yyyy yy m mm d dd h hh mm ss for dates ("yyyy-mm-dd", "yyyy/mm/dd hh:mm")',
    'TEXT(amount, "#,##0.00")',
  ),
  fn(
    'VALUE',
    'text',
    [p('text', 'text')],
    'number',
    '把文本转为数字，可带千分位、百分号、正负号和全角数字（如 "1,000.5"、"12%"）；无法转换时为空',
    'Converts text to a number, with thousands separators, percent, sign and full-width digits ("1,000.5", "12%"); blank when it is not one',
    'VALUE("1,000.5")',
  ),
  fn('TODAY', 'date', [], 'date', '今天（按用户时区）', 'Today in the user time zone', 'TODAY()'),
  fn('NOW', 'date', [], 'datetime', '当前时间', 'The current date and time', 'NOW()'),
  fn('CURRENTUSER', 'logic', [], 'user', '当前用户', 'The current user', 'owner = CURRENTUSER()'),
  fn('CURRENTDEPARTMENT', 'logic', [], 'text', '当前用户所在部门', "The current user's department", 'department = CURRENTDEPARTMENT()'),
  fn(
    'DATE',
    'date',
    [p('year', 'number'), p('month', 'number'), p('day', 'number')],
    'date',
    '由年月日构成日期，月、日可溢出',
    'Builds a date; month and day may overflow',
    'DATE(2024, 12, 31)',
  ),
  fn('YEAR', 'date', [p('date', 'temporal')], 'number', '年份', 'Year', 'YEAR(created_at)'),
  fn('MONTH', 'date', [p('date', 'temporal')], 'number', '月份（1-12）', 'Month (1-12)', 'MONTH(created_at)'),
  fn('DAY', 'date', [p('date', 'temporal')], 'number', '日（1-31）', 'Day of month (1-31)', 'DAY(close_date)'),
  fn('WEEKDAY', 'date', [p('date', 'temporal')], 'number', '星期几，周日为 1、周六为 7', 'Day of week, Sunday 1 to Saturday 7', 'WEEKDAY(TODAY())'),
  fn(
    'DATEDIF',
    'date',
    [p('start', 'temporal'), p('end', 'temporal'), p('unit', 'text', { literal: DATE_UNITS })],
    'number',
    '两个日期之间的完整天数（d）、月数（m）或年数（y）',
    'Whole days (d), months (m) or years (y) between two dates',
    'DATEDIF(created_at, TODAY(), "d")',
  ),
  fn(
    'DATEADD',
    'date',
    [p('date', 'temporal'), p('amount', 'number'), p('unit', 'text', { literal: ADD_UNITS })],
    'same',
    '日期加上若干天/月/年（日期时间还可加时/分/秒）',
    'Adds days/months/years (datetimes also hours/minutes/seconds)',
    'DATEADD(close_date, 1, "month")',
  ),
  fn(
    'EOMONTH',
    'date',
    [p('date', 'temporal'), p('months', 'number')],
    'date',
    '若干月之后那个月的最后一天',
    'Last day of the month, months away',
    'EOMONTH(TODAY(), 0)',
  ),
];

const byName = new Map(FUNCTION_DOCS.map((doc) => [doc.name, doc]));

/** Map lookup: `__proto__` or `constructor` are simply unknown names. */
export function findFunction(name: string): FunctionDoc | undefined {
  return byName.get(name.toUpperCase());
}

export function signatureOf(doc: FunctionDoc): string {
  const params = doc.params.map((param) => {
    const base = param.variadic ? `${param.name}, ...` : param.name;
    return param.optional ? `[${base}]` : base;
  });
  return `${doc.name}(${params.join(', ')})`;
}

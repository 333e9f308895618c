import { describe, expect, it } from 'vitest';
import { analyze, compileFormula, type EvalContext, type EvalRecord, toPlain } from './index';
import { RELATED, SAMPLE_FIELDS } from './test-fixtures';

const context: EvalContext = { now: '2024-03-10T06:30:00Z', timeZone: 'America/New_York', currentUser: 'u1', currentDepartment: 'd1' };

function run(source: string, record: EvalRecord = {}, ctx: EvalContext = context): unknown {
  const analyzed = analyze(source, { fields: SAMPLE_FIELDS, relatedFields: RELATED });
  if (!analyzed.ok) throw new Error(JSON.stringify(analyzed.errors));
  const result = compileFormula(analyzed.formula).evaluate(record, ctx);
  return result.ok ? toPlain(result.value) : result.error.code;
}

describe('evaluate', () => {
  it.each([
    ['0.1 + 0.2', '0.3'],
    ['1 / 3', '0.3333333333'],
    ['2 / 3', '0.6666666667'],
    ['1 / 0', null],
    ['-2 ^ 2', '4'],
    ['2 ^ 3 ^ 2', '64'],
    ['1 + 2 * 3', '7'],
    ['MOD(-7, 3)', '2'],
    ['MOD(7, -3)', '-2'],
    ['ROUND(2.5)', '3'],
    ['ROUND(-2.5)', '-3'],
    ['ROUNDUP(3.141, 2)', '3.15'],
    ['ROUNDDOWN(-3.149, 2)', '-3.14'],
    ['ROUND(1234.5, -2)', '1200'],
    ['"a" & 1.50 & TRUE', 'a1.5TRUE'],
    ['IF(1 > 2, "x")', null],
    ['IFS(FALSE, 1, TRUE, 2)', '2'],
    ['SWITCH("b", "a", 1, "b", 2, 3)', '2'],
    ['SWITCH("z", "a", 1, 3)', '3'],
    ['LEN("金额ab")', '4'],
    ['MID("abcdef", 2, 3)', 'bcd'],
    ['TRIM("  a   b ")', 'a b'],
    ['SUBSTITUTE("a-b-c", "-", "")', 'abc'],
    ['VALUE(" 12.50 ")', '12.5'],
    ['VALUE("x")', null],
    ['TEXT(3.14159, 2)', '3.14'],
    ['DATE(2024, 13, 1)', '2025-01-01'],
    ['DATE(2024, 3, 0)', '2024-02-29'],
    ['DATEADD(DATE(2024, 1, 31), 1, "month")', '2024-02-29'],
    ['EOMONTH(DATE(2024, 2, 10), 0)', '2024-02-29'],
    ['DATEDIF(DATE(2024, 1, 31), DATE(2024, 2, 29), "m")', '0'],
    ['DATEDIF(DATE(2024, 1, 31), DATE(2023, 1, 30), "y")', '-1'],
    ['WEEKDAY(DATE(2024, 3, 10))', '1'],
    ['TODAY()', '2024-03-10'],
    ['AND(TRUE, 1 > 0) OR FALSE', true],
    ['NOT 1 = 2', true],
    ['CURRENTUSER()', 'u1'],
    ['CURRENTDEPARTMENT()', 'd1'],
    ['COALESCE(qty, 5)', '5'],
    ['SUM(1, qty, 2)', '3'],
    ['AVERAGE(1, 2)', '1.5'],
    ['MIN(3, -1.5, 2) & "|" & MAX(3, -1.5, 2)', '-1.5|3'],
    ['UPPER("abc") & LOWER("ABC")', 'ABCabc'],
    ['LEFT("金额合计") & RIGHT("abc") & RIGHT("abc", 5)', '金cabc'],
    ['LEFT("abc", -1)', null],
    ['CONTAINS("abc", "") & CONTAINS("abc", "B")', 'TRUEFALSE'],
    ['ABS(-0.50) + POWER(2, -2)', '0.75'],
    ['POWER(-8, 1 / 3)', null],
    ['DATEADD(DATE(2024, 2, 29), 1, "year")', '2025-02-28'],
    ['DATEDIF(DATE(2024, 3, 1), DATE(2023, 3, 2), "d")', '-365'],
    ['YEAR(DATE(2024, 1, 1)) + MONTH(DATE(2024, 1, 1))', '2025'],
    ['TEXT(1234.5, -2) & "|" & TEXT(0.125, 2)', '1200|0.13'],
    ['TEXT(DATE(2024, 1, 5)) & TEXT(TRUE)', '2024-01-05TRUE'],
    ['IF(NOT(1 = 1), 1, 2) * 2', '4'],
  ])('%s → %j', (source, expected) => expect(run(source)).toEqual(expected));

  it('reads fields by id and by label, with decimals kept exact', () => {
    expect(run('[金额] * qty + [Amount]', { amount: '19.99', qty: 3 })).toBe('79.96');
  });

  it('propagates blanks through arithmetic and comparisons', () => {
    expect(run('amount + 1', { amount: null })).toBe(null);
    expect(run('IF(amount > 1, "big", "small")', {})).toBe('small');
    expect(run('ISBLANK(name)', { name: '' })).toBe(true);
  });

  it('aggregates child rows', () => {
    const record = { lines: [{ amount: '1.10' }, { amount: '2.20' }, { amount: null }] };
    expect(run('SUM(lines.amount)', record)).toBe('3.3');
    expect(run('COUNT(lines)', record)).toBe('3');
    expect(run('COUNT(lines.amount)', record)).toBe('2');
    expect(run('AVERAGE([明细].[金额])', record)).toBe('1.65');
    expect(run('MAX(lines.amount)', { lines: [] })).toBe(null);
  });

  it('handles datetimes across a DST change by exact hours', () => {
    expect(run('DATEADD(created_at, 1, "day")', { created_at: '2024-03-09T12:00:00Z' })).toBe('2024-03-10T12:00:00.000Z');
    expect(run('TEXT(DATEADD(created_at, 1, "day"))', { created_at: '2024-03-09T12:00:00Z' })).toBe('2024-03-10 08:00:00');
    expect(run('ROUND(created_at - DATEADD(created_at, -36, "hour"), 2)', { created_at: '2024-03-10T12:00:00Z' })).toBe('1.5');
    expect(run('CONTAINS(tags, "vip") & ISBLANK(tags)', { tags: ['vip'] })).toBe('TRUEFALSE');
  });

  it('uses the context time zone for datetimes', () => {
    expect(run('TEXT(created_at)', { created_at: '2024-03-10T07:30:00Z' })).toBe('2024-03-10 03:30:00');
    expect(run('DAY(created_at)', { created_at: '2024-03-10T03:30:00Z' })).toBe('9');
  });

  it('runs the README example', () => {
    const record = { amount: '19.99', qty: 3, lines: [{ amount: '1.10' }, { amount: null }] };
    expect(run('IF([金额] * qty > 100000, "A", "B") & "-" & SUM(lines.amount)', record)).toBe('B-1.1');
  });

  it('never reads the prototype', () => {
    expect(run('constructor + 1', {})).toBe(null);
    expect(run('ISBLANK(constructor)', Object.create({ constructor: 5 }) as EvalRecord)).toBe(true);
  });

  it('stops at the step and string limits', () => {
    expect(run('LEN(name & name & name)', { name: 'x'.repeat(50_000) })).toBe('expr.string_too_long');
    expect(run('1 + 1 + 1 + 1', {}, { ...context, maxSteps: 2 })).toBe('expr.step_limit');
  });
});

/**
 * Random well-typed formulas for the differential test (JS evaluator vs PostgreSQL). Built as
 * source text, so every formula also goes through the parser and the typechecker. Sizes are kept
 * where both sides are exact: field values have ≤ 7 significant digits and products have a leaf
 * on one side, so no result exceeds decimal.js's 60 significant digits.
 */
/** Texts VALUE reads (thousands, percent, full width) and texts it must refuse. */
const NUMBER_TEXTS = ['"1,000.5"', '"12%"', '" -3.5% "', '"１，２３４"', '"1,00"', '"+.5"', '"7%%"'];
const NUMBER_FORMATS = ['#,##0.00', '0.0%', '0', '#,##0', '0.00E+00', '0.0##', '#.0', '000.#', '¥#,##0', '0E-0'];
const DATE_FORMATS = ['yyyy-mm-dd', 'yyyy/mm/dd hh:mm', 'mm/dd', 'yyyy年m月d日', 'yy.m.d h:m:s', 'hh:mm:ss'];

export type GenType = 'number' | 'text' | 'boolean' | 'date' | 'datetime';

export class FormulaGenerator {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast, and reproducible from one integer. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  private choose(depth: number, leaf: () => string, composites: readonly (() => string)[]): string {
    if (depth <= 0 || this.next() < 0.25) return leaf();
    return this.pick(composites)();
  }

  leafNumber(): string {
    if (this.next() < 0.6) return this.pick(['n1', 'n2', 'c1', '[Amount]', '[数量]']);
    const value = `${this.int(0, 999)}${this.next() < 0.5 ? `.${this.int(0, 999)}` : ''}`;
    return this.next() < 0.3 ? `-${value}` : value;
  }

  /** Day shifts stay within a few years, so dates stay inside 0001–9999 where both sides agree. */
  smallNumber(): string {
    return this.pick([String(this.int(-400, 400)), `${this.int(-30, 30)}.${this.int(0, 999)}`, 'MOD(n1, 400)', '(c1 / 7919)', 'MOD(n2, -3.5)']);
  }

  number(d: number): string {
    const n = () => this.number(d - 1);
    const t = () => this.text(d - 1);
    const b = () => this.boolean(d - 1);
    const temporal = () => (this.next() < 0.5 ? this.date(d - 1) : this.datetime(d - 1));
    const round = this.pick(['ROUND', 'ROUNDUP', 'ROUNDDOWN']);
    return this.choose(d, () => this.leafNumber(), [
      () => `(${n()} + ${n()})`,
      () => `(${n()} - ${n()})`,
      () => `(${this.leafNumber()} * ${n()})`,
      () => `(${n()} / ${n()})`,
      () => `-(${n()})`,
      () => `${round}(${n()}, ${this.int(-1, 3)})`,
      () => `${round}(${n()})`,
      () => `ABS(${n()})`,
      () => `MOD(${n()}, ${n()})`,
      () => `POWER(${this.leafNumber()}, ${this.int(0, 3)})`,
      () => `(${this.leafNumber()} ^ 2)`,
      () => `IF(${b()}, ${n()}, ${n()})`,
      () => `IFS(${b()}, ${n()}, ${b()}, ${n()})`,
      () => `SWITCH(${t()}, "a", ${n()}, ${n()})`,
      () => `COALESCE(${n()}, ${n()})`,
      () => `${this.pick(['SUM', 'AVERAGE', 'MIN', 'MAX'])}(${n()}, ${n()}, ${n()})`,
      () => `COUNT(${n()}, ${t()}, ${temporal()})`,
      () => `LEN(${t()})`,
      () => `VALUE(${t()})`,
      () => `${this.pick(['YEAR', 'MONTH', 'DAY', 'WEEKDAY'])}(${temporal()})`,
      () => `DATEDIF(${temporal()}, ${temporal()}, "${this.pick(['d', 'm', 'y'])}")`,
      () => `(${this.date(d - 1)} - ${this.date(d - 1)})`,
      () => `(${this.datetime(d - 1)} - ${this.datetime(d - 1)})`,
      () => this.pick(['SUM(lines.amount)', 'COUNT(lines)', 'AVERAGE(lines.amount)', 'MAX(lines.amount)', 'MIN(lines.amount)', 'COUNT(lines.amount)']),
    ]);
  }

  text(d: number): string {
    const t = () => this.text(d - 1);
    const any = () => this[this.pick(['number', 'text', 'boolean', 'date', 'datetime'] as const)](d - 1);
    const temporal = () => (this.next() < 0.5 ? this.date(d - 1) : this.datetime(d - 1));
    return this.choose(d, () => this.pick(['t1', 't2', '[Name]', '"ab"', '"A b"', '""', '"金额"', '" x  y "', '"a"', ...NUMBER_TEXTS]), [
      () => `(${any()} & ${any()})`,
      () => `CONCAT(${any()}, ${any()}, ${any()})`,
      () => `LEFT(${t()}, ${this.int(0, 5)})`,
      () => `RIGHT(${t()})`,
      () => `RIGHT(${t()}, ${this.int(0, 5)})`,
      () => `MID(${t()}, ${this.int(1, 4)}, ${this.int(0, 4)})`,
      () => `${this.pick(['UPPER', 'LOWER', 'TRIM'])}(${t()})`,
      () => `SUBSTITUTE(${t()}, "${this.pick(['a', ' ', 'b'])}", "${this.pick(['', 'Z', '--'])}")`,
      () => `TEXT(${this.number(d - 1)}, ${this.int(-1, 3)})`,
      () => `TEXT(${any()})`,
      () => `TEXT(${this.number(d - 1)}, "${this.pick(NUMBER_FORMATS)}")`,
      () => `TEXT(${temporal()}, "${this.pick(DATE_FORMATS)}")`,
      () => `IF(${this.boolean(d - 1)}, ${t()}, ${t()})`,
      () => `COALESCE(${t()}, ${t()})`,
    ]);
  }

  boolean(d: number): string {
    const b = () => this.boolean(d - 1);
    const op = this.pick(['=', '<>', '<', '<=', '>', '>=']);
    return this.choose(d, () => this.pick(['b1', 'TRUE', 'FALSE']), [
      () => `(${this.number(d - 1)} ${op} ${this.number(d - 1)})`,
      () => `(${this.text(d - 1)} ${op} ${this.text(d - 1)})`,
      () => `(${this.date(d - 1)} ${op} ${this.date(d - 1)})`,
      () => `(${this.datetime(d - 1)} ${op} ${this.datetime(d - 1)})`,
      () => `(${b()} = ${b()})`,
      () => `AND(${b()}, ${b()})`,
      () => `OR(${b()}, ${b()}, ${b()})`,
      () => `NOT(${b()})`,
      () => `(${b()} AND ${b()})`,
      () => `(${b()} OR NOT ${b()})`,
      () => `ISBLANK(${this[this.pick(['number', 'text', 'date'] as const)](d - 1)})`,
      () => `CONTAINS(${this.text(d - 1)}, ${this.text(d - 1)})`,
      () => `IF(${b()}, ${b()}, ${b()})`,
      () => `CONTAINS(tags, ${this.text(d - 1)})`,
      () => 'ISBLANK(tags)',
    ]);
  }

  date(d: number): string {
    const dt = () => this.date(d - 1);
    return this.choose(d, () => this.pick(['d1', 'd2', 'TODAY()']), [
      () => `DATE(${this.int(2020, 2026)}, ${this.int(-2, 14)}, ${this.int(-2, 33)})`,
      () => `DATEADD(${dt()}, ${this.int(-40, 40)}, "${this.pick(['day', 'month', 'year'])}")`,
      () => `EOMONTH(${this.next() < 0.5 ? dt() : this.datetime(d - 1)}, ${this.int(-14, 14)})`,
      () => `(${dt()} + ${this.smallNumber()})`,
      () => `(${dt()} - ${this.int(-400, 400)})`,
      () => `IF(${this.boolean(d - 1)}, ${dt()}, ${dt()})`,
      () => `COALESCE(${dt()}, ${dt()})`,
    ]);
  }

  datetime(d: number): string {
    const ts = () => this.datetime(d - 1);
    return this.choose(d, () => this.pick(['ts1', 'ts2', 'NOW()']), [
      () => `DATEADD(${ts()}, ${this.smallNumber()}, "${this.pick(['day', 'hour', 'minute', 'second'])}")`,
      () => `(${ts()} + ${this.smallNumber()})`,
      () => `(${ts()} - ${this.int(-30, 30)}.${this.int(0, 99)})`,
      () => `IF(${this.boolean(d - 1)}, ${ts()}, ${ts()})`,
      () => `COALESCE(${ts()}, ${ts()})`,
    ]);
  }
}

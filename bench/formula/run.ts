/**
 * B7: 1,000,000 evaluations of a 10-node formula with the JS evaluator, against a hand-written
 * function doing the same exact-decimal arithmetic on the same inputs (DB-style numeric strings).
 * The formula is parsed, typechecked and compiled to closures once, as a list page or a flow would.
 */
import { analyze, compileFormula, Dec, type EvalContext } from '@tessera/expr';
import type { FieldDefinition } from '@tessera/schemas';
import { numberArg } from '../shared/args';
import { formatTable, printKeys, progress } from '../shared/report';
import { seededRandom } from '../shared/seeded-random';

const FORMULA = 'ABS(price * qty * (1 + rate) - discount)';
const FIELDS: FieldDefinition[] = [
  { id: 'price', type: 'currency', label: { en: 'Price' } },
  { id: 'qty', type: 'number', label: { en: 'Quantity' } },
  { id: 'rate', type: 'number', label: { en: 'Tax rate' } },
  { id: 'discount', type: 'currency', label: { en: 'Discount' } },
];

interface LineRecord {
  price: string;
  qty: number;
  rate: string;
  discount: string;
}

function makeRecords(count: number): LineRecord[] {
  const random = seededRandom(7);
  return Array.from({ length: count }, () => ({
    price: (Math.floor(random() * 1_000_000) / 100).toFixed(2),
    qty: 1 + Math.floor(random() * 50),
    rate: ['0.06', '0.09', '0.13'][Math.floor(random() * 3)] ?? '0.13',
    discount: (Math.floor(random() * 10_000) / 100).toFixed(2),
  }));
}

const ONE = new Dec(1);
/** What an engineer would write by hand for the same formula, with the same exact decimals. */
const handWritten = (r: LineRecord): Dec =>
  new Dec(r.price)
    .mul(new Dec(r.qty))
    .mul(ONE.plus(new Dec(r.rate)))
    .minus(new Dec(r.discount))
    .abs();
/** For reference only: binary floats, which money must never use. */
const handWrittenFloat = (r: LineRecord): number => Math.abs(Number(r.price) * r.qty * (1 + Number(r.rate)) - Number(r.discount));

function perSecond(evaluations: number, work: (i: number) => void): number {
  const started = process.hrtime.bigint();
  for (let i = 0; i < evaluations; i++) work(i);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return evaluations / seconds;
}

function main(): void {
  const evaluations = numberArg('evals', 1_000_000);
  const analyzed = analyze(FORMULA, { fields: FIELDS });
  if (!analyzed.ok) throw new Error(`formula does not typecheck: ${JSON.stringify(analyzed.errors)}`);
  const formula = compileFormula(analyzed.formula);
  const records = makeRecords(1000);
  const context: EvalContext = { now: '2026-11-23T00:00:00Z', timeZone: 'Asia/Shanghai', currentUser: 'bench' };
  const at = (i: number): LineRecord => records[i % records.length] as LineRecord;

  for (const record of records) {
    const result = formula.evaluate({ ...record }, context);
    if (!result.ok || !(result.value instanceof Dec) || !result.value.eq(handWritten(record))) throw new Error('evaluator and baseline disagree');
  }
  let sink = 0;
  const ours = (i: number) => {
    const result = formula.evaluate(at(i) as unknown as Record<string, unknown>, context);
    if (result.ok && result.value !== null) sink++;
  };
  const baseline = (i: number) => {
    if (!handWritten(at(i)).isZero()) sink++;
  };
  const float = (i: number) => {
    if (handWrittenFloat(at(i)) !== 0) sink++;
  };
  progress('warming up');
  perSecond(200_000, ours);
  perSecond(200_000, baseline);
  progress(`${evaluations} evaluations each`);
  const oursPerS = perSecond(evaluations, ours);
  const baselinePerS = perSecond(evaluations, baseline);
  const floatPerS = perSecond(evaluations, float);
  if (sink === 0) throw new Error('nothing evaluated');

  console.log(`formula: ${FORMULA} (10 nodes)\n`);
  console.log(
    formatTable([
      ['path', 'evals/s'],
      ['expr evaluator (closures, decimal)', oursPerS],
      ['hand-written, decimal.js', baselinePerS],
      ['hand-written, float (reference only)', floatPerS],
    ]),
  );
  console.log('');
  printKeys({ 'B7.evals_per_s': oursPerS, 'B7.baseline_per_s': baselinePerS, 'B7.ratio': baselinePerS / oursPerS });
}

main();

/**
 * Duplicate detection quality and cost (issue 16): generated companies with known duplicate
 * pairs and hard negatives (same brand in another business, a branch in another city, a shared
 * switchboard), scanned the way the batch scan does — blocking on contact values and credit
 * codes, pairs scored by the match rules, joined into groups. Prints precision and recall (goal:
 * recall ≥ 0.95 at precision ≥ 0.99) and the scan's time against the simplest scan there is,
 * grouping on exactly equal normalized keys, in the same run.
 *
 * Then on PostgreSQL: a published customer object of `--rows` records (1 % entered twice), the
 * form's duplicate check through the records service (as an administrator and as a rep who sees
 * only their own rows) against the bare SQL lookup, and the batch scan against one GROUP BY.
 *
 *   pnpm bench:dedup [--companies=20000] [--seed=16] [--rows=1000000] [--checks=200]
 */
import { normalizeKeyValue } from '@tessera/dedup';
import { COMPANY_RULES, generateCompanies, measureDedup } from '@tessera/dedup/testing';
import { numberArg } from '../shared/args';
import { formatTable, printKeys, progress, round } from '../shared/report';
import { measureAtScale } from './at-scale';

function exactKeyGroups(records: ReturnType<typeof generateCompanies>['records']): number {
  const groups = new Map<string, number>();
  for (const record of records) {
    for (const value of [record.values.phone, record.values.email, record.values.credit_code]) {
      const key = normalizeKeyValue(value);
      if (key !== null) groups.set(key, (groups.get(key) ?? 0) + 1);
    }
  }
  return [...groups.values()].filter((n) => n > 1).length;
}

async function main(): Promise<void> {
  const companies = numberArg('companies', 20_000);
  const seed = numberArg('seed', 16);
  progress(`generating ${companies} companies (seed ${seed})`);
  const data = generateCompanies({ seed, companies });
  const started = performance.now();
  const figures = measureDedup(COMPANY_RULES, data);
  const oursMs = performance.now() - started;
  const baselineStarted = performance.now();
  const exactGroups = exactKeyGroups(data.records);
  const baselineMs = performance.now() - baselineStarted;
  console.log(
    formatTable([
      ['figure', 'value'],
      ['records', figures.records],
      ['duplicate pairs (truth)', figures.truePairs],
      ['pairs found', figures.foundPairs],
      ['hard-negative pairs', figures.hardNegatives],
      ['hard negatives called duplicates', figures.hardNegativesMatched],
      ['scan ms (rules, blocking, groups)', round(oursMs)],
      [`baseline ms (exact keys only, ${exactGroups} groups)`, round(baselineMs)],
    ]),
  );
  const scale = await measureAtScale(numberArg('rows', 1_000_000), numberArg('checks', 200));
  console.log(
    formatTable([
      ['on PostgreSQL', 'ms'],
      [`check p95, ${scale.rows} rows, admin`, round(scale.checkP95Ms)],
      ['check p95, rep (own rows)', round(scale.repCheckP95Ms)],
      ['bare SQL lookup p95', round(scale.baselineP95Ms)],
      [`scan (${scale.groups} groups)`, round(scale.scanMs)],
      ['one GROUP BY on phone', round(scale.scanBaselineMs)],
    ]),
  );
  console.log('');
  printKeys({
    'D1.records': figures.records,
    'D1.precision': Number(figures.precision.toFixed(4)),
    'D1.recall': Number(figures.recall.toFixed(4)),
    'D1.hard_negatives_matched': figures.hardNegativesMatched,
    'D1.memory_scan_ms': round(oursMs),
    'D1.memory_baseline_ms': round(baselineMs),
    'D1.memory_ratio': round(oursMs / baselineMs),
    'D1.db_rows': scale.rows,
    'D1.check_p95_ms': round(scale.checkP95Ms),
    'D1.rep_check_p95_ms': round(scale.repCheckP95Ms),
    'D1.check_baseline_p95_ms': round(scale.baselineP95Ms),
    'D1.check_ratio': round(scale.checkP95Ms / scale.baselineP95Ms),
    'D1.scan_ms': round(scale.scanMs),
    'D1.scan_groups': scale.groups,
    'D1.scan_baseline_ms': round(scale.scanBaselineMs),
    'D1.scan_ratio': round(scale.scanMs / scale.scanBaselineMs),
  });
}

await main();

/**
 * Duplicate detection quality and cost (issue 16): generated companies with known duplicate
 * pairs and hard negatives (same brand in another business, a branch in another city, a shared
 * switchboard), scanned the way the batch scan does — blocking on contact values and credit
 * codes, pairs scored by the match rules, joined into groups. Prints precision and recall (goal:
 * recall ≥ 0.95 at precision ≥ 0.99) and the scan's time against the simplest scan there is,
 * grouping on exactly equal normalized keys, in the same run.
 *
 *   pnpm bench:dedup [--companies=20000] [--seed=16]
 */
import { normalizeKeyValue } from '@tessera/dedup';
import { COMPANY_RULES, generateCompanies, measureDedup } from '@tessera/dedup/testing';
import { numberArg } from '../shared/args';
import { formatTable, printKeys, progress, round } from '../shared/report';

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

function main(): void {
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
  console.log('');
  printKeys({
    'D1.records': figures.records,
    'D1.precision': Number(figures.precision.toFixed(4)),
    'D1.recall': Number(figures.recall.toFixed(4)),
    'D1.hard_negatives_matched': figures.hardNegativesMatched,
    'D1.scan_ms': round(oursMs),
    'D1.baseline_ms': round(baselineMs),
    'D1.ratio': round(oursMs / baselineMs),
  });
}

main();

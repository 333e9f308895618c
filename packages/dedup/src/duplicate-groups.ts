import type { MatchRule } from '@tessera/schemas';
import { blockingKeys, type DedupSubject, matchSubjects, type PairMatch } from './match-rules';

/** Two records the rules say are one, and why. */
export interface DuplicatePair extends PairMatch {
  a: string;
  b: string;
}

/** Records linked by matching pairs; its score is the weakest link's. */
export interface DuplicateGroup {
  ids: string[];
  score: number;
  pairs: DuplicatePair[];
}

/** Blocks larger than this are a shared placeholder (a switchboard, "13800000000"), not one company. */
export const LARGEST_BLOCK = 200;

/** Every matching pair among `subjects`, comparing only records that share a blocking key. */
export function findDuplicatePairs(rules: readonly MatchRule[], subjects: readonly DedupSubject[]): DuplicatePair[] {
  const blocks = new Map<string, DedupSubject[]>();
  for (const subject of subjects) {
    for (const key of blockingKeys(rules, subject)) {
      const block = blocks.get(key) ?? [];
      block.push(subject);
      blocks.set(key, block);
    }
  }
  const pairs = new Map<string, DuplicatePair>();
  for (const block of blocks.values()) {
    if (block.length < 2 || block.length > LARGEST_BLOCK) continue;
    for (let i = 0; i < block.length; i++) {
      for (let j = i + 1; j < block.length; j++) {
        const [a, b] = block[i]!.id < block[j]!.id ? [block[i]!, block[j]!] : [block[j]!, block[i]!];
        const id = `${a.id}\u0000${b.id}`;
        if (pairs.has(id)) continue;
        const match = matchSubjects(rules, a, b);
        if (match) pairs.set(id, { a: a.id, b: b.id, ...match });
      }
    }
  }
  return [...pairs.values()];
}

/** Pairs joined into groups (A~B and B~C make one group), strongest first. */
export function groupPairs(pairs: readonly DuplicatePair[]): DuplicateGroup[] {
  const parent = new Map<string, string>();
  const root = (id: string): string => {
    let top = id;
    while (parent.get(top) !== undefined && parent.get(top) !== top) top = parent.get(top)!;
    parent.set(id, top);
    return top;
  };
  for (const pair of pairs) {
    if (!parent.has(pair.a)) parent.set(pair.a, pair.a);
    if (!parent.has(pair.b)) parent.set(pair.b, pair.b);
    const [ra, rb] = [root(pair.a), root(pair.b)];
    if (ra !== rb) parent.set(rb, ra);
  }
  const groups = new Map<string, DuplicateGroup>();
  for (const pair of pairs) {
    const top = root(pair.a);
    const group = groups.get(top) ?? { ids: [], score: 1, pairs: [] };
    group.pairs.push(pair);
    group.score = Math.min(group.score, pair.score);
    for (const id of [pair.a, pair.b]) if (!group.ids.includes(id)) group.ids.push(id);
    groups.set(top, group);
  }
  return [...groups.values()].sort((x, y) => y.score - x.score || x.ids[0]!.localeCompare(y.ids[0]!));
}

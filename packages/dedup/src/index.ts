export { type NormalizedCompanyName, normalizeCompanyName, regionsConflict } from './company-name';
export { type DuplicateGroup, type DuplicatePair, findDuplicatePairs, groupPairs, LARGEST_BLOCK } from './duplicate-groups';
export {
  blockingKeys,
  DEFAULT_NAME_THRESHOLD,
  type DedupSubject,
  matchSubjects,
  nameScore,
  normalizeKeyValue,
  type PairMatch,
  prepareSubject,
  ruleFields,
} from './match-rules';
export { jaroWinkler } from './similarity';

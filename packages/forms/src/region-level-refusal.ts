import { type RegionLevel, regionLevelOf } from '@tessera/formats';
import { REGION_FORMAT } from './form-value-schema';

/**
 * For a value refused by a region field's level format: the field's level and the deeper level of
 * the code sent, so the error can name the rule (`440305` in a province field is a district).
 * Null when the format is no level format or the value is no storable code at all (a plain format error).
 *
 * Its own module, apart from the value schema, because it reads the national region table: only the
 * servers' verdicts use it, and apps/web's build drops it (with the table) from the browser bundle.
 */
export function regionLevelRefusal(format: string, value: unknown): { level: RegionLevel; actual: RegionLevel } | null {
  const level = (Object.keys(REGION_FORMAT) as (keyof typeof REGION_FORMAT)[]).find((key) => key !== 'district' && REGION_FORMAT[key] === format);
  const actual = typeof value === 'string' ? regionLevelOf(value) : null;
  return level && actual ? { level, actual } : null;
}

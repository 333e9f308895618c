import { canonicalFormat } from './format-canonical';
import { FORMAT_NAMES, type FormatName } from './format-names';

export { FORMAT_NAMES, type FormatName };

/**
 * The checks by JSON Schema format name, shaped for `ajv.addFormat(name, check)` so the form
 * engine's compiled validators and the data-quality reports agree on what "valid" means.
 * Each accepts what `canonicalFormat` accepts (spaces, +86, lower case, full width); the
 * records validator stores the canonical value.
 */
export const FORMAT_CHECKS: Readonly<Record<FormatName, (value: string) => boolean>> = Object.fromEntries(
  FORMAT_NAMES.map((name) => [name, (value: string) => canonicalFormat(name, value) !== null]),
) as Record<FormatName, (value: string) => boolean>;

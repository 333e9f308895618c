import { isEmail } from './email';
import { isCnLandline, isCnMobile, isCnPhone } from './phone';
import { isResidentId } from './resident-id';
import { isUrl } from './url';
import { isUscc } from './uscc';

export const FORMAT_NAMES = ['cn-mobile', 'cn-landline', 'cn-phone', 'email', 'url', 'cn-uscc', 'cn-resident-id'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];

/**
 * The checks by JSON Schema format name, shaped for `ajv.addFormat(name, check)` so the form
 * engine's compiled validators and the data-quality reports agree on what "valid" means.
 * Each accepts what its `normalize*` accepts (spaces, +86, lower case); store the normalised value.
 */
export const FORMAT_CHECKS: Readonly<Record<FormatName, (value: string) => boolean>> = {
  'cn-mobile': isCnMobile,
  'cn-landline': isCnLandline,
  'cn-phone': isCnPhone,
  email: isEmail,
  url: isUrl,
  'cn-uscc': isUscc,
  'cn-resident-id': (value) => isResidentId(value),
};

import { normalizeEmail } from './email';
import type { FormatName } from './format-names';
import { toHalfWidth } from './half-width';
import { normalizeCnLandline, normalizeCnMobile, normalizeCnPhone } from './phone';
import { normalizeResidentId } from './resident-id';
import { normalizeUrl } from './url';
import { normalizeUscc } from './uscc';

/** Each format's canonical form of a valid value, null for an invalid one (see each `normalize*`). */
const NORMALIZERS: Readonly<Record<FormatName, (value: string) => string | null>> = {
  'cn-mobile': normalizeCnMobile,
  'cn-landline': normalizeCnLandline,
  'cn-phone': normalizeCnPhone,
  email: normalizeEmail,
  url: normalizeUrl,
  'cn-uscc': normalizeUscc,
  'cn-resident-id': (value) => normalizeResidentId(value),
};

/**
 * The value as the format stores it, or null when it is not valid. Full-width letters, digits and
 * brackets are read as ASCII first: "９１３５０１００Ｍ０００１００Ｙ４３" is the same credit code
 * typed in a Chinese input method's full-width mode, not a different, invalid one.
 */
export function canonicalFormat(format: FormatName, value: string): string | null {
  return NORMALIZERS[format](toHalfWidth(value));
}

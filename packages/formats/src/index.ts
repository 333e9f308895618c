export { isCnLandline, isCnMobile, isCnPhone, normalizeCnLandline, normalizeCnMobile, normalizeCnPhone } from './phone';
export { isEmail, normalizeEmail } from './email';
export { isUrl, normalizeUrl } from './url';
export { USCC_ALPHABET, isUscc, normalizeUscc, usccCheckChar } from './uscc';
export { isResidentId, normalizeResidentId, residentIdCheckChar } from './resident-id';
export type { ResidentIdOptions } from './resident-id';
export { FORMAT_CHECKS, FORMAT_NAMES } from './format-checks';
export type { FormatName } from './format-checks';
export { isRegionCode, regionChildren, regionPath, REGION_ROOT } from './region';

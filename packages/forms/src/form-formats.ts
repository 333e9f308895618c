import { FORMAT_CHECKS, fitsRegionLevel, isRegionCode } from '@tessera/formats';
import { fullFormats } from 'ajv-formats/dist/formats';

/**
 * Every format a form validator can use, in one object that both the runtime ajv and the
 * standalone validator source read (`FORM_FORMATS[name]`), so the two cannot disagree.
 * This module must stay free of ajv itself: browsers import it next to the generated validator.
 * date, date-time and uuid are ajv-formats' full checks, as in the records validator.
 */
export const FORM_FORMATS = {
  ...FORMAT_CHECKS,
  date: fullFormats.date,
  'date-time': fullFormats['date-time'],
  uuid: fullFormats.uuid,
  decimal: /^-?(\d{1,28})(?:\.(\d{1,12}))?$/,
  // A GB/T 2260 code that exists, not just any six digits (a region field's maxLength keeps out the
  // table's nine-digit towns). Fields limited to a level take the level's format (form-value-schema.ts).
  region: isRegionCode,
  'region-province': (code: string) => fitsRegionLevel(code, 'province'),
  'region-city': (code: string) => fitsRegionLevel(code, 'city'),
} as const;

export type FormFormatName = keyof typeof FORM_FORMATS;

/**
 * String length in code points, as ajv's `maxLength` counts it; the generated source imports this
 * instead of `ajv/dist/runtime/ucs2length` so it needs no CommonJS `require`.
 */
export function ucs2length(text: string): number {
  let length = 0;
  for (const _char of text) length++;
  return length;
}

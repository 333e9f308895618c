import { USCC_ALPHABET, usccCheckChar } from '@tessera/formats';
import type { Random } from './random';

/** Unified social credit codes for sample customers, checked by the same code that validates input. */

/** GB 11714 organisation code check: weights over the first 8 symbols, modulo 11. */
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const ORG_SYMBOLS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

function orgCodeCheckChar(body: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += ORG_SYMBOLS.indexOf(body.charAt(i)) * (ORG_WEIGHTS[i] ?? 0);
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

/**
 * A company code as registered by market regulation (91: enterprise), in `regionCode`, with an
 * organisation code that is either an old all-digit one or a post-2015 "MA…" one.
 */
export function generateUscc(random: Random, regionCode: string): string {
  const symbols = USCC_ALPHABET; // also valid organisation code symbols, and free of I O Z S V
  const orgBody = random.chance(0.6)
    ? `MA${Array.from({ length: 6 }, () => random.pick([...symbols])).join('')}`
    : Array.from({ length: 8 }, () => String(random.int(0, 9))).join('');
  const body = `91${regionCode}${orgBody}${orgCodeCheckChar(orgBody)}`;
  return body + (usccCheckChar(body) ?? '');
}

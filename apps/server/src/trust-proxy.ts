import { isIP } from 'node:net';

/** Names proxy-addr (Fastify's `trustProxy`) knows for whole ranges. */
const RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * TESSERA_TRUST_PROXY: the reverse proxies (addresses, CIDRs, or loopback / linklocal /
 * uniquelocal), comma-separated, whose X-Forwarded-For is believed. A typo stops the start
 * rather than trusting nobody (every user would share the proxy's address) or everybody.
 */
export function trustedProxiesFromEnv(text: string | undefined): string[] | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const entries = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const wrong = entries.filter((entry) => !isAddressOrRange(entry));
  if (wrong.length)
    throw new Error(`TESSERA_TRUST_PROXY must list addresses or CIDRs (e.g. 10.0.0.5, 10.0.0.0/8, loopback); not understood: ${wrong.join(', ')}`);
  return entries;
}

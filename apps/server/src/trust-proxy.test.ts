import { describe, expect, it } from 'vitest';
import { trustedProxiesFromEnv } from './trust-proxy';

describe('TESSERA_TRUST_PROXY', () => {
  it('lists addresses, CIDRs and named ranges; unset trusts nobody', () => {
    expect(trustedProxiesFromEnv(undefined)).toBeUndefined();
    expect(trustedProxiesFromEnv(' ')).toBeUndefined();
    expect(trustedProxiesFromEnv('10.0.0.5, 10.0.0.0/8,fd00::/8 ,loopback')).toEqual(['10.0.0.5', '10.0.0.0/8', 'fd00::/8', 'loopback']);
  });

  it('refuses to start on anything else, naming it', () => {
    expect(() => trustedProxiesFromEnv('10.0.0.0/33, proxy.local,*')).toThrow(/TESSERA_TRUST_PROXY.*not understood: 10\.0\.0\.0\/33, proxy\.local, \*/);
  });
});

import { catalogs } from '@tessera/ui/messages';
import { describe, expect, it } from 'vitest';
import { hostCatalogs, hostTranslate, type HostMessageKey } from './host-messages';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the host message catalogs', () => {
  it('have the same keys in zh-CN and en', () => {
    expect(Object.keys(hostCatalogs['zh-CN']).sort()).toEqual(Object.keys(hostCatalogs.en).sort());
  });

  it('use the same placeholders in both languages, and no empty strings', () => {
    for (const key of Object.keys(hostCatalogs.en) as HostMessageKey[]) {
      expect(placeholders(hostCatalogs['zh-CN'][key]), key).toEqual(placeholders(hostCatalogs.en[key]));
      expect(hostCatalogs['zh-CN'][key].trim(), key).not.toBe('');
      expect(hostCatalogs.en[key].trim(), key).not.toBe('');
    }
  });

  it('name none of the runtime’s keys, so no string is defined twice', () => {
    const shared = Object.keys(hostCatalogs.en).filter((key) => Object.hasOwn(catalogs.en, key));
    expect(shared).toEqual([]);
  });

  it('translate the host’s keys and the runtime’s alike', () => {
    expect(hostTranslate('zh-CN', 'tokens.revokeConfirm')).toBe(hostCatalogs['zh-CN']['tokens.revokeConfirm']);
    expect(hostTranslate('en', 'apps.version', { version: 3 })).toBe('Version 3');
    expect(hostTranslate('en', 'common.cancel')).toBe('Cancel');
    expect(hostTranslate('zh-CN', 'error.unexpected', { status: 500 })).toBe(catalogs['zh-CN']['error.unexpected'].replace('{status}', '500'));
  });
});

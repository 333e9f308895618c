import { catalogProblems } from '@tessera/ui/catalog-problems';
import { catalogs } from '@tessera/ui/messages';
import { describe, expect, it } from 'vitest';
import { hostCatalogs, hostTranslate } from './host-messages';

describe('the host message catalogs', () => {
  it('have the same keys and placeholders in zh-CN and en, and no empty strings', () => {
    expect(catalogProblems(hostCatalogs)).toEqual([]);
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

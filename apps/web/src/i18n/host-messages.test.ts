import { catalogProblems } from '@tessera/ui/catalog-problems';
import { catalogOf, loadLocale } from '@tessera/ui/messages';
import { beforeAll, describe, expect, it } from 'vitest';
import { hostCatalogOf, hostMessages, hostTranslate } from './host-messages';

describe('the host message catalogs', () => {
  beforeAll(async () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      await loadLocale(locale);
      await hostMessages.load(locale);
    }
  });
  const hostCatalogs = () => ({ en: hostCatalogOf('en'), 'zh-CN': hostCatalogOf('zh-CN') });

  it('have the same keys and placeholders in zh-CN and en, and no empty strings', () => {
    expect(catalogProblems(hostCatalogs())).toEqual([]);
  });

  it('name none of the runtime’s keys, so no string is defined twice', () => {
    const shared = Object.keys(hostCatalogOf('en')).filter((key) => Object.hasOwn(catalogOf('en'), key));
    expect(shared).toEqual([]);
  });

  it('translate the host’s keys and the runtime’s alike', () => {
    expect(hostTranslate('zh-CN', 'tokens.revokeConfirm')).toBe(hostCatalogOf('zh-CN')['tokens.revokeConfirm']);
    expect(hostTranslate('en', 'apps.version', { version: 3 })).toBe('Version 3');
    expect(hostTranslate('en', 'common.cancel')).toBe('Cancel');
    expect(hostTranslate('zh-CN', 'error.unexpected', { status: 500 })).toBe(catalogOf('zh-CN')['error.unexpected'].replace('{status}', '500'));
  });
});

import type { Locale } from '@tessera/i18n';
import { fillPlaceholders, type MessageKey, type MessageParams, translate } from '@tessera/ui/messages';
import { hostEn } from './host-en';
import { hostZhCN } from './host-zh-cn';

/**
 * The host's own strings (sign-in, app picker, account, administration, formula playground) live
 * here, not in @tessera/ui's catalogs: the runtime package carries only what it renders. The host
 * translates its keys and, for what it shares with the runtime (common buttons, errors), ui's.
 */
export type HostMessageKey = keyof typeof hostEn;
export type HostTranslate = (key: HostMessageKey | MessageKey, params?: MessageParams) => string;

export const hostCatalogs: Record<Locale, Record<HostMessageKey, string>> = { en: hostEn, 'zh-CN': hostZhCN };

function isHostKey(key: string): key is HostMessageKey {
  return Object.hasOwn(hostEn, key);
}

export function hostTranslate(locale: Locale, key: HostMessageKey | MessageKey, params?: MessageParams): string {
  return isHostKey(key) ? fillPlaceholders(hostCatalogs[locale][key], params) : translate(locale, key, params);
}

import type { Locale } from '@tessera/i18n';
import { languageChunks } from '@tessera/ui/messages';
import type { Locale as AntdLocale } from 'antd/es/locale';

// The ES builds: `antd/locale/*` resolves to CommonJS copies of the picker and pagination texts.
// One language's texts at a time, like the message catalogues (docs/adr/0107).
export const antdTexts = languageChunks<AntdLocale>({
  en: () => import('antd/es/locale/en_US').then((m) => m.default),
  'zh-CN': () => import('antd/es/locale/zh_CN').then((m) => m.default),
});

/** antd's texts (pagination, pickers, empty states) for a loaded language. */
export function antdLocale(locale: Locale): AntdLocale | undefined {
  return antdTexts.loaded(locale);
}

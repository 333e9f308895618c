import type { Locale } from '@tessera/i18n';

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

/**
 * What keeps a pair of catalogs whole: the same keys in zh-CN and en, the same placeholders in
 * both, no empty string. One line per problem, naming the key; none when the pair is sound. The
 * runtime's catalogs and the host's (apps/web/src/i18n) are checked by it in their tests.
 */
export function catalogProblems(catalogs: Record<Locale, Readonly<Record<string, string>>>): string[] {
  const { en, 'zh-CN': zh } = catalogs;
  const problems: string[] = [];
  for (const key of Object.keys(en)) if (!Object.hasOwn(zh, key)) problems.push(`${key}: missing in zh-CN`);
  for (const key of Object.keys(zh)) if (!Object.hasOwn(en, key)) problems.push(`${key}: missing in en`);
  for (const [key, text] of Object.entries(en)) {
    const other = zh[key];
    if (other !== undefined && placeholders(other) !== placeholders(text))
      problems.push(`${key}: placeholders differ ({${placeholders(text)}} / {${placeholders(other)}})`);
  }
  for (const [locale, catalog] of Object.entries(catalogs)) {
    for (const [key, text] of Object.entries(catalog)) if (text.trim() === '') problems.push(`${key}: empty in ${locale}`);
  }
  return problems;
}

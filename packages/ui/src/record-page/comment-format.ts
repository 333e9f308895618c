import type { Locale } from '@tessera/i18n';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * What the composer sends: the typed text as one paragraph, with `&`, `<` and `>` escaped so
 * whatever was typed reads back literally instead of being parsed as markup. Line breaks become
 * `<br>` because HTML would otherwise fold them into spaces.
 */
export function commentHtml(text: string): string {
  const escaped = text.trim().replace(/[&<>]/g, (c) => ESCAPES[c] ?? c);
  return `<p>${escaped.replace(/\r?\n/g, '<br>')}</p>`;
}

/**
 * The text a comment's stored HTML reads as, for editing it again: line breaks and paragraphs
 * back to new lines, markup (the server's sanitized subset) dropped, entities decoded by the
 * browser's own parser. The inverse of `commentHtml` for anything the composer wrote.
 */
export function commentText(html: string): string {
  const document = new DOMParser().parseFromString(html, 'text/html');
  for (const br of document.querySelectorAll('br')) br.replaceWith('\n');
  const blocks = [...document.body.children].filter((node) => node.tagName === 'P' || node.tagName === 'DIV');
  if (blocks.length === document.body.children.length && blocks.length > 0) return blocks.map((p) => p.textContent ?? '').join('\n');
  return document.body.textContent ?? '';
}

const UNITS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "5 minutes ago" / "5 分钟前"; under a minute is "now", and a clock slightly ahead never says "in 3 seconds". */
export function relativeTime(at: string, now: number, locale: Locale): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = Math.max(0, Math.round((now - Date.parse(at)) / 1000));
  for (const [unit, size] of UNITS) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return format.format(0, 'second');
}

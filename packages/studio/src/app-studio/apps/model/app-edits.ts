import type { AppDocument, LocalizedText, NavigationIcon } from '@tessera/schemas';

/**
 * Pure edits of the app's own name and icon: each returns the same document when nothing
 * changes, so no undo step is left.
 */

/** Trimmed, empty languages left out; undefined when no language has a name. */
export function cleanLabel(label: LocalizedText): LocalizedText | undefined {
  const entries = Object.entries(label)
    .map(([locale, text]) => [locale, text.trim()] as const)
    .filter(([, text]) => text !== '');
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

const sameLabel = (a: LocalizedText | undefined, b: LocalizedText | undefined) => JSON.stringify(a ?? {}) === JSON.stringify(b ?? {});

/** Renames the app and sets (or clears) its icon in one step; a nameless label is refused (the app keeps its name). */
export function setAppIdentity(document: AppDocument, label: LocalizedText, icon: NavigationIcon | null): AppDocument {
  const next = cleanLabel(label);
  if (!next) return document;
  if (sameLabel(document.label, next) && (document.icon ?? null) === icon) return document;
  const { icon: _previous, ...rest } = document;
  return icon ? { ...rest, label: next, icon } : { ...rest, label: next };
}

/** What the admin must type to delete: the app's name as shown to them, else its id. */
export function deletionPhrase(label: LocalizedText | undefined, locale: string, appId: string): string {
  const shown = label?.[locale as keyof LocalizedText] ?? label?.en ?? label?.['zh-CN'];
  return shown?.trim() || appId;
}

/** Bytes as people read them: 1.2 MB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

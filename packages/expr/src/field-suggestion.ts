import type { FieldDefinition } from '@tessera/schemas';

/** Edits between two short strings (Levenshtein), stopping early once past `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = row;
  }
  return previous[b.length] ?? limit + 1;
}

const IDENT = /^[\p{L}_][\p{L}\p{N}_]*$/u;

/**
 * The field a mistyped name most likely meant, written as it can be typed (its id, or its label —
 * in brackets when it is not one word): a near spelling (a third of the letters wrong at most) or
 * a name the field's starts with. Null when nothing is close.
 */
export function suggestField(name: string, fields: readonly FieldDefinition[]): string | null {
  const wanted = name.trim().toLowerCase();
  if (wanted.length === 0) return null;
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: { text: string; score: number } | null = null;
  for (const field of fields) {
    for (const text of [field.id, ...Object.values(field.label)]) {
      const candidate = text.trim().toLowerCase();
      const score = candidate.startsWith(wanted) && wanted.length >= 2 ? 0.5 : distance(wanted, candidate, limit);
      if (score <= limit && (!best || score < best.score)) best = { text: IDENT.test(text) ? text : `[${text}]`, score };
    }
  }
  return best?.text ?? null;
}

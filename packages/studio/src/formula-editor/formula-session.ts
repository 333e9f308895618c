import type { CheckOptions } from '@tessera/expr';
import type { Locale } from '@tessera/i18n';

/** What the language providers need to know about one editor: its fields and its language. */
export interface FormulaSession {
  readonly options: CheckOptions;
  readonly locale: Locale;
}

/**
 * Monaco's providers are registered per language, not per editor. Each editor's model registers
 * a getter here under its URI, so two editors on a page never see each other's fields, and the
 * getter reads the latest props without re-registering anything.
 */
const sessions = new Map<string, () => FormulaSession>();

export function attachSession(modelUri: string, read: () => FormulaSession): () => void {
  sessions.set(modelUri, read);
  return () => {
    if (sessions.get(modelUri) === read) sessions.delete(modelUri);
  };
}

export function sessionOf(modelUri: string): FormulaSession | null {
  return sessions.get(modelUri)?.() ?? null;
}

let counter = 0;

/** A URI of its own for every editor's model (the scheme keeps it apart from other languages' models). */
export function nextModelUri(): string {
  counter += 1;
  return `tessera-formula://editor/${counter}.formula`;
}

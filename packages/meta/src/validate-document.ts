import type { AppDocument } from '@tessera/schemas';
import type { MetaIssue } from './issue';
import { checkSemantics } from './semantic-checks';
import { validateAppSchema } from './validate-schema';

export type DocumentVerdict = { ok: true; document: AppDocument } | { ok: false; issues: MetaIssue[] };

/** Structure first (ajv), then meaning; semantic checks only run on a structurally valid document. */
export function validateDocument(input: unknown): DocumentVerdict {
  const structural = validateAppSchema(input);
  if (!structural.ok) return structural;
  const issues = checkSemantics(structural.document);
  return issues.length ? { ok: false, issues } : structural;
}

/**
 * Every problem of a draft as far as it can be read: its structure, and the meaning checks too
 * where the structure is wrong elsewhere (a half-built draft: an emptied label), unless the
 * broken structure keeps them from reading it. What would break were something taken away is
 * the difference of two of these (the studio's "where is this field used").
 */
export function draftProblems(document: AppDocument): MetaIssue[] {
  const structural = validateAppSchema(document);
  if (structural.ok) return checkSemantics(structural.document);
  try {
    return [...structural.issues, ...checkSemantics(document)];
  } catch {
    return structural.issues;
  }
}

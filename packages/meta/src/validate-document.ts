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

import type { AppDocument } from '@tessera/schemas';
import type { ErrorObject } from 'ajv/dist/2020';
import { validateApp } from './app-schema-validator';
import type { MetaIssue } from './issue';
import './messages';

function issueOf(error: ErrorObject): MetaIssue | null {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    // `if/then` checks report twice (the `if` and the failing `then` keyword); the `then` one is enough.
    case 'if':
      return null;
    case 'required':
      return { pointer: error.instancePath, code: 'schema.required', params: { missing: String(params.missingProperty) } };
    case 'additionalProperties':
      return {
        pointer: `${error.instancePath}/${String(params.additionalProperty)}`,
        code: 'schema.additionalProperties',
        params: { property: String(params.additionalProperty) },
      };
    case 'type':
      return { pointer: error.instancePath, code: 'schema.type', params: { type: String(params.type) } };
    case 'enum':
      return { pointer: error.instancePath, code: 'schema.enum', params: { allowed: (params.allowedValues as unknown[]).join(', ') } };
    case 'pattern':
    case 'minLength':
    case 'maxLength':
    case 'minItems':
    case 'maxItems':
    case 'minProperties':
    case 'minimum':
    case 'maximum':
      return { pointer: error.instancePath, code: `schema.${error.keyword}`, params: { limit: String(params.limit ?? '') } };
    default:
      return { pointer: error.instancePath, code: 'schema.invalid', params: { rule: error.keyword } };
  }
}

/** Structural validation of an app document against `schemas/app.schema`. */
export function validateAppSchema(document: unknown): { ok: true; document: AppDocument } | { ok: false; issues: MetaIssue[] } {
  if (validateApp(document)) return { ok: true, document };
  const seen = new Set<string>();
  const issues: MetaIssue[] = [];
  for (const error of validateApp.errors ?? []) {
    const issue = issueOf(error);
    if (!issue) continue;
    const key = `${issue.pointer}|${issue.code}|${JSON.stringify(issue.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return { ok: false, issues };
}

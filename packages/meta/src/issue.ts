import { type Locale, type MessageParams, translate } from '@tessera/i18n';

/**
 * A problem found in a metadata document: where (a JSON pointer into the document), what
 * (a stable code) and the values the message needs. Translated only at the edge.
 */
export interface MetaIssue {
  pointer: string;
  code: string;
  params: MessageParams;
}

export interface LocalizedIssue {
  pointer: string;
  code: string;
  message: string;
}

export function localizeIssues(issues: readonly MetaIssue[], locale: Locale): LocalizedIssue[] {
  return issues.map((issue) => ({ pointer: issue.pointer, code: issue.code, message: translate(locale, issue.code, issue.params) }));
}

/** Thrown by the metadata store; the server turns it into a problem+json response. */
export class MetaError extends Error {
  constructor(
    readonly code: string,
    readonly status: 404 | 409 | 422,
    readonly issues: readonly MetaIssue[] = [],
    readonly params: MessageParams = {},
  ) {
    super(code);
    this.name = 'MetaError';
  }
}

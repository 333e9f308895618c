import type { Locale } from '@tessera/i18n';
import { localizeIssues } from '@tessera/meta/validate';
import { offsetToPosition } from '../../../formula-editor/offsets';
import type { JsonMessage } from '../i18n/json-messages';
import type { JsonT } from '../i18n/use-json-t';
import type { DraftText } from '../model/json-draft';
import type { JsonMark } from './json-editor';

/** Syntax errors as marks, each saying where and what in the admin's language. */
export function syntaxMarks(read: Extract<DraftText, { kind: 'syntax' }>, text: string, t: JsonT): JsonMark[] {
  return read.errors.map((error) => {
    const at = offsetToPosition(text, error.offset);
    const problem = t(`json.err.${error.code}` as JsonMessage);
    return { offset: error.offset, length: error.length, message: t('json.syntaxAt', { line: at.lineNumber, column: at.column, problem }) };
  });
}

/** Every mark the editor shows for what the text reads as: syntax errors, or the document's problems at their elements. */
export function draftMarks(read: DraftText, text: string, t: JsonT, locale: Locale, appId: string): JsonMark[] {
  if (read.kind === 'syntax') return syntaxMarks(read, text, t);
  if (read.kind === 'not-this-app') return [{ offset: 0, length: 1, message: t('json.notThisApp', { id: appId }) }];
  const messages = localizeIssues(read.issues, locale);
  return read.issues.map((issue, i) => ({ offset: issue.offset, length: issue.length, message: `${issue.pointer}: ${messages[i]?.message ?? issue.code}` }));
}

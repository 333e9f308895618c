import { type LocalizedIssue, localizeIssues, validateDocument } from '@tessera/meta/validate';
import { useSessionStore } from '@tessera/ui';
import { useMemo } from 'react';
import { useStudio } from './studio-context';

/**
 * The draft's problems as the admin edits it: the very checks the server runs on save and
 * publish (`@tessera/meta/validate`), in the admin's language, each with the pointer to its element.
 */
export function useIssues(): LocalizedIssue[] {
  const document = useStudio((s) => s.document);
  const locale = useSessionStore((s) => s.locale);
  const verdict = useMemo(() => (document ? validateDocument(document) : null), [document]);
  return useMemo(() => (verdict && !verdict.ok ? localizeIssues(verdict.issues, locale) : []), [verdict, locale]);
}

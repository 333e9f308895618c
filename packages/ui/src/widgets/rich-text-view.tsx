import { useMemo } from 'react';
import { safeRichTextHtml } from './rich-text-sanitize';
import './rich-text.css';

/** A rich text value on the record page, formatted; sanitized again in the browser before it is set as HTML. */
export function RichTextView({ html, testId }: { html: string; testId?: string }) {
  const safe = useMemo(() => safeRichTextHtml(html), [html]);
  // biome-ignore lint/security/noDangerouslySetInnerHtml: `safe` has been through DOMPurify (rich-text-sanitize.ts) after the server's sanitize-html
  return <div className="rich-text-view" data-testid={testId} dangerouslySetInnerHTML={{ __html: safe }} />;
}

import DOMPurify, { type Config } from 'dompurify';

/** The same `rel` the editor and the server write on every link. */
const LINK_REL = 'noopener noreferrer nofollow';

/**
 * The browser's second check of stored rich text before it is put into the page (docs/adr/0012).
 * The server already sanitized it with the same allow-list (packages/records, record-validator.ts);
 * this guards against a value that reached the database some other way (an old import, a bug).
 * Its own DOMPurify instance, so the link hook below touches no other use of DOMPurify.
 */
const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName !== 'A') return;
  node.setAttribute('target', '_blank');
  node.setAttribute('rel', LINK_REL);
});

const CONFIG: Config = {
  ALLOWED_TAGS: ['p', 'br', 'h1', 'h2', 'h3', 'strong', 'b', 'em', 'i', 'u', 's', 'a', 'ul', 'ol', 'li', 'blockquote', 'code', 'pre', 'hr'],
  ALLOWED_ATTR: ['href', 'target', 'rel', 'start', 'type'],
  // http(s), mailto and tel, or a relative address; never javascript:, data: or vbscript:.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.:-]|$))/i,
  ALLOW_DATA_ATTR: false,
};

export function safeRichTextHtml(html: string): string {
  return purifier.sanitize(html, CONFIG);
}

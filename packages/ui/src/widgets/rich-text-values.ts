/** Block ends that read as a break between words once the markup is gone. */
const BLOCK_END = /<\/(p|li|h[1-6]|blockquote|pre|ul|ol)\s*>|<(br|hr)\b[^>]*>/gi;
const TAG = /<[^>]*>/g;
const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
const ENTITY = /&(#x[0-9a-f]+|#\d+|[a-z]+);/gi;

function decodeEntity(whole: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
}

/**
 * The plain text of a rich text value for a table cell: markup dropped, paragraphs and list items
 * separated by a space, entities decoded, cut at `max` characters. The result is shown as text
 * (React escapes it), never parsed as HTML again, so no sanitizer is needed here.
 */
export function richTextExcerpt(html: string, max = 200): string {
  const text = html.replace(BLOCK_END, ' ').replace(TAG, '').replace(ENTITY, decodeEntity).replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max).trimEnd()}…` : text;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const EMAIL = /^[^\s@/:]+@[^\s@/:]+\.[^\s@/:]+$/;
const PHONE = /^\+?[\d\s()-]{5,}$/;
const HOST_LIKE = /^[^\s/?#@:]+\.[^\s/?#@:]+([/?#:]\S*)?$/;

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/**
 * What a link typed into the editor's link box points at, or null when it may not be a link.
 * People type `example.com`, an email address or a phone number without a scheme; those get one.
 * Only the schemes the server keeps (http, https, mailto, tel) are accepted, so a `javascript:`
 * link is refused here rather than silently stripped on save.
 */
export function linkHref(typed: string): string | null {
  const text = typed.trim();
  if (EMAIL.test(text)) return `mailto:${text}`;
  if (PHONE.test(text)) return `tel:${text.replace(/[\s()-]/g, '')}`;
  if (text === '' || /\s/.test(text)) return null;
  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
  // `example.com:8080` starts like a scheme too; a real scheme is not followed by a port number.
  if (scheme && !/^\d/.test(text.slice(scheme.length + 1))) {
    if (scheme === 'http' || scheme === 'https') return isWebUrl(text) ? text : null;
    if (scheme === 'mailto' || scheme === 'tel') return text.length > scheme.length + 1 ? text : null;
    return null;
  }
  return HOST_LIKE.test(text) && isWebUrl(`https://${text}`) ? `https://${text}` : null;
}

const KEPT_SCHEMES = /^(https?:|mailto:|tel:)/i;

/** Links the server keeps (http, https, mailto, tel): the editor turns nothing else into a link, typed or pasted. */
export function isKeptLink(href: string): boolean {
  return KEPT_SCHEMES.test(href.trim());
}

/**
 * Pragmatic e-mail check: what mail servers and people actually use, not every RFC 5322
 * corner (quoted local parts, comments, IP-literal domains are rejected on purpose — in a CRM
 * they are typing mistakes far more often than real addresses).
 */
const LOCAL_PART = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;
/** Letters and digits of any script, so IDN domains such as 例子.中国 pass. */
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
/** Top-level domains are letters (com, 中国) or punycode (xn--fiqs8s). */
const TOP_LEVEL = /^(?:\p{L}{2,63}|xn--[a-z0-9-]{2,59})$/iu;

/** `Zhang.Wei@example.com` for ` Zhang.Wei@EXAMPLE.com `, else null. The local part keeps its case: servers may treat it as significant. */
export function normalizeEmail(value: string): string | null {
  const text = value.trim();
  if (text.length > 254) return null;
  const at = text.lastIndexOf('@');
  if (at <= 0) return null;
  const local = text.slice(0, at);
  const domain = text.slice(at + 1).toLowerCase();
  if (local.length > 64 || !LOCAL_PART.test(local)) return null;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((label) => DOMAIN_LABEL.test(label))) return null;
  if (!TOP_LEVEL.test(labels[labels.length - 1] ?? '')) return null;
  return `${local}@${domain}`;
}

export function isEmail(value: string): boolean {
  return normalizeEmail(value) !== null;
}

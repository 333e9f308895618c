/**
 * Web addresses for a CRM's website field: http(s) only (no javascript:, file:, ftp:), and a
 * host a browser can reach — a dotted domain name, an IP address or localhost.
 */
const DOMAIN_LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function isReachableHost(hostname: string): boolean {
  if (hostname === 'localhost' || IPV4.test(hostname) || hostname.startsWith('[')) return true;
  const labels = hostname.split('.');
  if (labels.length < 2) return false;
  const top = labels[labels.length - 1] ?? '';
  // The URL parser turns IDN hosts into punycode, so a top-level domain is letters or xn--.
  return labels.every((label) => DOMAIN_LABEL.test(label)) && /^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/.test(top);
}

/** The parsed, canonical `href` (lower-case scheme and host, trailing slash on a bare host), else null. */
export function normalizeUrl(value: string): string | null {
  const text = value.trim();
  // The WHATWG parser quietly drops inner whitespace and backslashes; people did not mean those.
  if (/\s|\\/.test(text) || !/^https?:\/\//i.test(text)) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return isReachableHost(url.hostname) ? url.href : null;
}

export function isUrl(value: string): boolean {
  return normalizeUrl(value) !== null;
}

import { describe, expect, it } from 'vitest';
import { isUrl, normalizeUrl } from './url';

describe('normalizeUrl', () => {
  it.each([
    ['https://www.example.com', 'https://www.example.com/'],
    ['HTTP://WWW.Example.COM.cn/About?x=1#top', 'http://www.example.com.cn/About?x=1#top'],
    ['https://example.com:8443/path', 'https://example.com:8443/path'],
    ['http://localhost:3000', 'http://localhost:3000/'],
    ['http://192.168.1.10/admin', 'http://192.168.1.10/admin'],
    ['https://例子.中国', 'https://xn--fsqu00a.xn--fiqs8s/'],
    [' https://tessera.dev ', 'https://tessera.dev/'],
  ])('%s → %s', (input, expected) => expect(normalizeUrl(input)).toBe(expected));

  it.each([
    '',
    'www.example.com',
    'example.com',
    'ftp://example.com',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://',
    'https://example',
    'https://exa mple.com',
    'https://example.com/a b',
    'http:\\\\example.com',
    'https://-example.com',
    'mailto:a@example.com',
    'https://example.c0m',
  ])('rejects %j', (input) => {
    expect(normalizeUrl(input)).toBeNull();
    expect(isUrl(input)).toBe(false);
  });
});

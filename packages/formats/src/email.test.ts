import { describe, expect, it } from 'vitest';
import { isEmail, normalizeEmail } from './email';

describe('normalizeEmail', () => {
  it.each([
    ['zhang.wei@example.com', 'zhang.wei@example.com'],
    [' Zhang.Wei@EXAMPLE.COM.CN ', 'Zhang.Wei@example.com.cn'],
    ['sales+crm@sub.example.co', 'sales+crm@sub.example.co'],
    ["o'brien@example.ie", "o'brien@example.ie"],
    ['service@qq.com', 'service@qq.com'],
    ['info@例子.中国', 'info@例子.中国'],
    ['info@xn--fsqu00a.xn--fiqs8s', 'info@xn--fsqu00a.xn--fiqs8s'],
  ])('%s → %s', (input, expected) => expect(normalizeEmail(input)).toBe(expected));

  it.each([
    '',
    'plainaddress',
    '@example.com',
    'a@',
    'a@b',
    'a@b.c',
    'a..b@example.com',
    '.a@example.com',
    'a.@example.com',
    'a b@example.com',
    'a@exa mple.com',
    'a@-example.com',
    'a@example-.com',
    'a@example..com',
    'a@example.123',
    '"quoted"@example.com',
    'a@[127.0.0.1]',
    `${'a'.repeat(65)}@example.com`,
    'zhang@example.com。',
    'a@b@example.com',
  ])('rejects %j', (input) => {
    expect(normalizeEmail(input)).toBeNull();
    expect(isEmail(input)).toBe(false);
  });
});

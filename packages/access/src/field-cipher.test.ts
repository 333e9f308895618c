import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, isSealed, maskValue } from './field-cipher';

describe('field cipher', () => {
  const cipher = createFieldCipher(randomBytes(32).toString('base64'));

  it('round-trips text, with a different ciphertext every time', () => {
    const a = cipher.encrypt('6222 0212 3456 7890 123');
    const b = cipher.encrypt('6222 0212 3456 7890 123');
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(a).not.toContain('6222');
    expect(cipher.decrypt(a)).toBe('6222 0212 3456 7890 123');
    expect(cipher.decrypt('legacy plain')).toBe('legacy plain');
  });

  it('refuses a tampered value and a wrong key', () => {
    const sealed = cipher.encrypt('secret');
    const tampered = `${sealed.slice(0, -2)}${sealed.at(-2) === 'A' ? 'B' : 'A'}${sealed.at(-1)}`;
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => createFieldCipher(randomBytes(32).toString('hex')).decrypt(sealed)).toThrow();
  });

  it('accepts only 32-byte keys', () => {
    expect(() => createFieldCipher('short')).toThrow(/32 bytes/);
    expect(() => createFieldCipher(randomBytes(32).toString('hex'))).not.toThrow();
  });

  it('masks all but the last four characters', () => {
    expect(maskValue('6222021234567890')).toBe('••••7890');
    expect(maskValue('abc')).toBe('••••');
  });
});

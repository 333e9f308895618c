import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'enc:v1:';

/** Encrypts sensitive field values at rest: AES-256-GCM, a fresh 96-bit nonce per value. */
export interface FieldCipher {
  encrypt(plain: string): string;
  /** The plain text; a value stored before the field was encrypted comes back as it is. */
  decrypt(stored: string): string;
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(PREFIX);
}

/** `••••8000`: enough to recognise an account in a list, not enough to use it. */
export function maskValue(plain: string): string {
  const chars = [...plain];
  return chars.length <= 4 ? '••••' : `••••${chars.slice(-4).join('')}`;
}

/**
 * The key is 32 bytes, given as 64 hex digits or base64 (e.g. `openssl rand -base64 32`).
 * Anything else is refused at start-up rather than producing weak encryption.
 */
export function createFieldCipher(key: string): FieldCipher {
  const bytes = /^[0-9a-fA-F]{64}$/.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
  if (bytes.length !== 32) throw new Error('TESSERA_ENCRYPTION_KEY must be 32 bytes: 64 hex digits or base64');
  return {
    encrypt(plain) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', bytes, nonce);
      const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([nonce, cipher.getAuthTag(), sealed]).toString('base64url');
    },
    decrypt(stored) {
      if (!isSealed(stored)) return stored;
      const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', bytes, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

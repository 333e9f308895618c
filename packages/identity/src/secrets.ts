import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { IdentityError } from './identity-error';

export const MIN_PASSWORD_LENGTH = 10;

/** argon2id with the library's defaults (64 MiB, 3 passes): slow for guessing, fine for a sign-in. */
export async function hashPassword(password: string): Promise<string> {
  if (password.length < MIN_PASSWORD_LENGTH) throw new IdentityError('auth.weak_password', { min: MIN_PASSWORD_LENGTH });
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** A hash that verifies nothing, so an unknown email costs the same time as a wrong password. */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id });
  return decoy;
}

/** Session and API tokens: 256 random bits; only their SHA-256 is stored. */
export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A first-run password: printed once, never stored in clear, never in code. */
export function newPassword(): string {
  return randomBytes(12).toString('base64url');
}

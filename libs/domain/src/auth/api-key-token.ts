import { createHash, randomBytes } from 'node:crypto';

const TOKEN_PREFIX = 'cpt_';

/** A new API key: 32 random bytes, base64url, with a recognisable prefix (secret scanners can match it). */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/**
 * Keys are long random tokens, so a single SHA-256 is the right hash (a slow password hash adds nothing).
 * Lookups go by digest, so comparing the secret itself never happens and cannot leak timing.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Enough of the token to tell keys apart in a list, not enough to use it. */
export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 6);
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

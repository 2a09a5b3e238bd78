import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Seals a login's Cognito refresh token under a key derived from its session id. Only the session
 * id's hash is stored, so the database alone cannot open it: only a request carrying the cookie can,
 * which is what logout needs to revoke it.
 */
const keyFor = (sessionId: string) =>
  Buffer.from(hkdfSync('sha256', sessionId, 'scalemap', 'refresh-token-v1', 32));

export function sealRefreshToken(sessionId: string, token: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(sessionId), iv);
  const sealed = Buffer.concat([cipher.update(token, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The refresh token, or undefined when the value was not sealed under this session id. */
export function openRefreshToken(sessionId: string, sealed: string): string | undefined {
  try {
    const raw = Buffer.from(sealed, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', keyFor(sessionId), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}

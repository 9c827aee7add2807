import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets we must read back (an IMAP password) are sealed with AES-256-GCM under a key derived
 * (HKDF-SHA256) from SECRET_KEY. The stored form names its version, so the scheme can change.
 */
const VERSION = 'v1';

/** Used only outside production when SECRET_KEY is unset: stable across restarts, not secret. */
export const DEVELOPMENT_SECRET_KEY = 'fairdesk-development-secret-key-do-not-use-in-production';

export type SecretBox = { seal: (plain: string) => string; open: (sealed: string) => string };

export function secretBox(secretKey: string, purpose: string): SecretBox {
  const key = Buffer.from(hkdfSync('sha256', secretKey, 'fairdesk', purpose, 32));
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const parts = [iv, cipher.getAuthTag(), data].map((b) => b.toString('base64url'));
      return [VERSION, ...parts].join('.');
    },
    open(sealed) {
      const [version, iv, tag, data] = sealed.split('.');
      if (version !== VERSION || iv === undefined || tag === undefined || data === undefined)
        throw new Error('Not a sealed secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      // A wrong key or an altered value fails the tag check here.
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

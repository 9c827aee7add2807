import { createHash, randomBytes } from 'node:crypto';

/** An opaque secret for a session or a magic link: 256 random bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as their SHA-256, so a database leak does not leak sessions. */
export const tokenHash = (token: string): Buffer => createHash('sha256').update(token).digest();

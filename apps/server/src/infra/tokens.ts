import { hash, randomBytes } from 'node:crypto';

/** An opaque secret for a session or a magic link: 256 random bits, URL-safe. */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Tokens are stored only as their SHA-256, so a database leak does not leak sessions. */
export const tokenHash = (token: string): Buffer => hash('sha256', token, 'buffer');

/**
 * The same SHA-256 as base64 text, the key an app process keeps a resolved session under. One call
 * (no Hash object, no Buffer): every authenticated request computes it, and createHash + digest +
 * base64 was 4-5% of the sidebar counts request's CPU (docs/performance-history.md, 2026-12-09).
 */
export const tokenKey = (token: string): string => hash('sha256', token, 'base64');

/** The hash a key stands for, to look its session up when the process does not keep it. */
export const hashOfKey = (key: string): Buffer => Buffer.from(key, 'base64');

import { z } from 'zod';

// The only reader of process.env. Every setting is listed, with its default, in .env.example.
const bool = z
  .enum(['true', 'false', '1', '0', ''])
  .optional()
  .transform((v) => v === 'true' || v === '1');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATABASE_URL: z.url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_PG_DIR: z.string().min(1).default('data/pg'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(5433),
  STORAGE_DIR: z.string().min(1).default('data/files'),
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .default(20 * 1024 * 1024),
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  SESSION_TTL_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .default(24 * 14),
  // How long a resolved session is reused without a lookup (0: never). Changes made through another
  // app process, or by hand in SQL, take effect within this time.
  SESSION_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  MAGIC_LINK_TTL_MINUTES: z.coerce.number().int().min(1).default(20),
  SIGN_IN_RATE_LIMIT: z.coerce.number().int().min(1).default(10),
  SMTP_URL: z.string().optional(),
  MAIL_FROM: z.string().min(3).default('Fairdesk <no-reply@fairdesk.example>'),
  // Inbound SMTP listener (worker and all roles); port 0 turns it off.
  INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(2525),
  INBOUND_SMTP_HOST: z.string().min(1).default('127.0.0.1'),
  INBOUND_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(25 * 1024 * 1024),
  INBOUND_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  // Offer STARTTLS on the inbound listener: both paths (PEM files) or neither.
  INBOUND_SMTP_TLS_KEY: z.string().min(1).optional(),
  INBOUND_SMTP_TLS_CERT: z.string().min(1).optional(),
  // Seals stored secrets (IMAP passwords). Required in production; a fixed default elsewhere.
  SECRET_KEY: z.string().min(32, 'SECRET_KEY must be at least 32 characters').optional(),
  // The domain of reply addresses (reply+<token>@MAIL_DOMAIN).
  MAIL_DOMAIN: z.string().min(3).default('fairdesk.example'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  COOKIE_SECURE: bool,
  // Serve the built browser app (apps/web/dist) from the same port; off in API-only deployments.
  SERVE_WEB: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
});

export type Config = Omit<z.output<typeof schema>, 'PUBLIC_URL'> & {
  PUBLIC_URL: string;
  embedded: boolean;
};

/** Reads the environment once; fails listing every problem at the same time. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const c = parsed.data;
  if (!c.INBOUND_SMTP_TLS_KEY !== !c.INBOUND_SMTP_TLS_CERT)
    throw new Error('Invalid configuration:\n  INBOUND_SMTP_TLS_KEY and INBOUND_SMTP_TLS_CERT go together');
  return {
    ...c,
    PUBLIC_URL: c.PUBLIC_URL ?? `http://localhost:${c.PORT}`,
    embedded: !c.DATABASE_URL,
  };
}

/** Test and script settings that are not part of the running app. */
export function testDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.TEST_DATABASE_URL || undefined;
}

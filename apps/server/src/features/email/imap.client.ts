import type { ImapFlow } from 'imapflow';
import type { Logger } from '../../infra/logger.ts';

export type ImapSettings = {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string;
  password: string;
  folder: string;
};

/**
 * Connects and logs in with bounded waits, so a silent server fails the poll instead of holding
 * a worker. Errors after connecting are logged, never thrown at the process (an unhandled
 * 'error' event would end it).
 */
export async function connectImap(s: ImapSettings, log: Logger): Promise<ImapFlow> {
  // Loaded on first use: only the worker role polls.
  const { ImapFlow } = await import('imapflow');
  const client = new ImapFlow({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    doSTARTTLS: s.security === 'starttls' ? true : s.security === 'none' ? false : undefined,
    auth: { user: s.username, pass: s.password },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: 15_000,
    greetingTimeout: 10_000,
    socketTimeout: 60_000,
  });
  client.on('error', (err: unknown) => log.warn({ err, host: s.host }, 'imap connection error'));
  await client.connect();
  return client;
}

/** Logs out politely, or drops the connection when the server does not answer. */
export async function closeImap(client: ImapFlow) {
  try {
    await client.logout();
  } catch {
    client.close();
  }
}

// A real IMAP server on loopback for the IMAP tests: hoodiecrow-imap (written for testing IMAP
// clients: LOGIN, SELECT, UID FETCH/SEARCH, STORE flags, UIDVALIDITY), reached only over IMAP.
import { createRequire } from 'node:module';
import { ImapFlow } from 'imapflow';

type Folder = { uidvalidity: number; messages: { uid: number; flags: string[] }[] };
type Hoodiecrow = {
  listen: (port: number, host: string, cb: () => void) => void;
  close: (cb?: () => void) => void;
  server: { address: () => { port: number } };
  folderCache: Record<string, Folder>;
};
const hoodiecrow = createRequire(import.meta.url)('hoodiecrow-imap') as (opts: object) => Hoodiecrow;

export type TestImap = {
  port: number;
  user: string;
  password: string;
  /** Delivers a message into INBOX over IMAP (APPEND), as a mail server would. */
  append: (raw: string, flags?: string[]) => Promise<void>;
  /** UID -> flags of INBOX, read over IMAP. */
  flags: () => Promise<Map<number, string[]>>;
  /** Removes \Seen from a message, as if it had never been marked. */
  unsee: (uid: number) => Promise<void>;
  /** Gives INBOX a new UIDVALIDITY (a server restored from backup, a rebuilt index). */
  setUidValidity: (v: number) => void;
  close: () => Promise<void>;
};

export async function startTestImap(): Promise<TestImap> {
  const user = 'support';
  const password = 'imap secret 1';
  const server = hoodiecrow({
    plugins: ['ID', 'UNSELECT', 'ENABLE'],
    users: { [user]: { password } },
    storage: { INBOX: { messages: [] }, '': { separator: '/', folders: {} } },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = server.server.address().port;
  const withClient = async <T>(fn: (c: ImapFlow) => Promise<T>) => {
    const c = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      doSTARTTLS: false,
      auth: { user, pass: password },
      logger: false,
      disableAutoIdle: true,
    });
    await c.connect();
    try {
      return await fn(c);
    } finally {
      await c.logout();
    }
  };
  return {
    port,
    user,
    password,
    append: (raw, flags = []) =>
      withClient(async (c) => {
        await c.append('INBOX', raw, flags);
      }),
    flags: () =>
      withClient(async (c) => {
        const out = new Map<number, string[]>();
        await c.mailboxOpen('INBOX');
        for await (const m of c.fetch('1:*', { uid: true, flags: true }, { uid: true }))
          out.set(m.uid, [...(m.flags ?? [])]);
        return out;
      }),
    unsee: (uid) =>
      withClient(async (c) => {
        await c.mailboxOpen('INBOX');
        await c.messageFlagsRemove(String(uid), ['\\Seen'], { uid: true });
      }),
    setUidValidity: (v) => {
      server.folderCache.INBOX!.uidvalidity = v;
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

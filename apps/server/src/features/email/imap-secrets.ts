import type { Deps } from '../../deps.ts';
import { AppError } from '../../infra/errors.ts';
import { DEVELOPMENT_SECRET_KEY, secretBox } from '../../infra/secrets.ts';

const PURPOSE = 'mailbox-imap-password';

function box(deps: Deps) {
  const key = deps.config.SECRET_KEY;
  if (key) return secretBox(key, PURPOSE);
  if (deps.config.NODE_ENV === 'production')
    throw new AppError('conflict', 'Set SECRET_KEY on the server before saving IMAP passwords', {
      reason: 'secret_key_missing',
    });
  return secretBox(DEVELOPMENT_SECRET_KEY, PURPOSE);
}

/** An IMAP password as stored: AES-256-GCM under SECRET_KEY, never in clear. */
export const sealImapPassword = (deps: Deps, plain: string) => box(deps).seal(plain);
export const openImapPassword = (deps: Deps, sealed: string) => box(deps).open(sealed);

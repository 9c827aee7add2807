import type { CurrentUser } from '@fairdesk/contract';
import { isoTime } from '../../infra/iso-time.ts';

export const presentSession = (s: { token: string; expires_at: Date; user: CurrentUser }) => ({
  token: s.token,
  expires_at: isoTime(s.expires_at),
  user: s.user,
});

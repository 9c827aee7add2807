import type { CurrentUser } from '@fairdesk/contract';

export const presentSession = (s: { token: string; expires_at: Date; user: CurrentUser }) => ({
  token: s.token,
  expires_at: s.expires_at.toISOString(),
  user: s.user,
});

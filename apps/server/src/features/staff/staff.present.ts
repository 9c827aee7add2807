import type { Staff, StaffRole, Team } from '@fairdesk/contract';
import { isoTime } from '../../infra/iso-time.ts';

export type StaffView = {
  id: string;
  email: string;
  name: string;
  role: StaffRole;
  active: boolean;
  invitation_pending: boolean;
  created_at: Date;
  updated_at: Date;
  teams: { id: string; name: string }[];
};

export type TeamView = {
  id: string;
  name: string;
  description: string;
  created_at: Date;
  updated_at: Date;
  member_ids: string[];
};

// Only named fields leave: a row may carry more (password_hash must never reach the wire).
export const presentStaff = (s: StaffView): Staff => ({
  id: s.id,
  email: s.email,
  name: s.name,
  role: s.role,
  active: s.active,
  invitation_pending: s.invitation_pending,
  teams: s.teams.map((t) => ({ id: t.id, name: t.name })),
  created_at: isoTime(s.created_at),
  updated_at: isoTime(s.updated_at),
});

export const presentTeam = (t: TeamView): Team => ({
  id: t.id,
  name: t.name,
  description: t.description,
  member_ids: t.member_ids,
  created_at: isoTime(t.created_at),
  updated_at: isoTime(t.updated_at),
});

import type { StaffRole } from '@fairdesk/contract';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';

export type StaffActor = {
  kind: 'staff';
  workspaceId: string;
  staffId: string;
  role: StaffRole;
  sessionId: string;
};
export type CustomerActor = { kind: 'customer'; workspaceId: string; customerId: string; sessionId: string };
export type SystemActor = { kind: 'system'; workspaceId: string };
export type Actor = StaffActor | CustomerActor;

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

const RANK: Record<StaffRole, number> = { agent: 1, supervisor: 2, manager: 3, admin: 4 };

/** True when `role` carries at least the authority of `min` (agent < supervisor < manager < admin). */
export const roleAtLeast = (role: StaffRole, min: StaffRole): boolean => RANK[role] >= RANK[min];

export function requireActor(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', 'Sign in first', { reason: 'not_signed_in' });
  return req.actor;
}

export function requireStaff(req: FastifyRequest, min: StaffRole = 'agent'): StaffActor {
  const actor = requireActor(req);
  if (actor.kind !== 'staff')
    throw new AppError('forbidden', 'This is for staff only', { reason: 'staff_only' });
  if (!roleAtLeast(actor.role, min)) {
    throw new AppError('forbidden', `This needs the ${min} role or higher`, { reason: 'role_required' });
  }
  return actor;
}

export function requireCustomer(req: FastifyRequest): CustomerActor {
  const actor = requireActor(req);
  if (actor.kind !== 'customer') {
    throw new AppError('forbidden', 'This is for customers only', { reason: 'customer_only' });
  }
  return actor;
}

/** The id recorded as the author of an event or a message. */
export const actorRef = (a: Actor | SystemActor) =>
  a.kind === 'staff'
    ? { kind: 'staff' as const, id: a.staffId }
    : a.kind === 'customer'
      ? { kind: 'customer' as const, id: a.customerId }
      : { kind: 'system' as const, id: null };

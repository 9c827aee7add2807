import { randomBytes } from 'node:crypto';
import type { StaffRole } from '@fairdesk/contract';
import { createCustomer } from '../src/features/customers/index.ts';
import { createSession } from '../src/features/sessions/index.ts';
import { createStaff, createTeam } from '../src/features/staff/index.ts';
import { createWorkspace } from '../src/features/workspaces/index.ts';
import type { TestContext } from './app.ts';

export type Person = { id: string; email: string; name: string; token: string };
export type StaffPerson = Person & { role: StaffRole };

export const uniq = () => randomBytes(4).toString('hex');

/** A fresh workspace with one person in every role and two customers, each with a session. */
export async function makeWorkspace(t: TestContext, opts: { name?: string; is_demo?: boolean } = {}) {
  const { deps } = t;
  const tag = uniq();
  return deps.db.transaction().execute(async (trx) => {
    const ws = await createWorkspace(deps, trx, {
      name: opts.name ?? `Test ${tag}`,
      is_demo: opts.is_demo ?? false,
    });
    const system = { kind: 'system' as const, id: null };
    const staff = async (role: StaffRole, password?: string): Promise<StaffPerson> => {
      const email = `${role}.${tag}.${uniq()}@example.test`;
      const row = await createStaff(
        deps,
        trx,
        ws.id,
        { email, name: `${role} ${tag}`, role, password },
        system,
      );
      const s = await createSession(
        deps,
        trx,
        { workspace_id: ws.id, staff_id: row.id, customer_id: null },
        { kind: 'token', userAgent: null },
      );
      return { id: row.id, email, name: row.name, role, token: s.token };
    };
    const customer = async (name: string): Promise<Person> => {
      const email = `${name.toLowerCase().replace(/\W+/g, '.')}.${tag}.${uniq()}@example.test`;
      const row = await createCustomer(deps, trx, ws.id, { name, email }, system);
      const s = await createSession(
        deps,
        trx,
        { workspace_id: ws.id, staff_id: null, customer_id: row.id },
        { kind: 'token', userAgent: null },
      );
      return { id: row.id, email, name, token: s.token };
    };
    const admin = await staff('admin', 'correct horse battery');
    const manager = await staff('manager');
    const supervisor = await staff('supervisor');
    const agent = await staff('agent', 'agent password 1');
    const agent2 = await staff('agent');
    const team = await createTeam(
      deps,
      trx,
      ws.id,
      { name: `Support ${tag}`, member_ids: [agent.id, agent2.id] },
      system,
    );
    const alice = await customer('Alice Walker');
    const bob = await customer('Bob Marsh');
    return { ws, admin, manager, supervisor, agent, agent2, team, alice, bob };
  });
}
export type World = Awaited<ReturnType<typeof makeWorkspace>>;

/** app.inject with a bearer token; returns status and parsed JSON. */
export async function call(
  t: TestContext,
  as: Person | null,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
) {
  const res = await t.app.inject({
    method,
    url,
    headers: as ? { authorization: `Bearer ${as.token}` } : {},
    ...(body === undefined ? {} : { payload: body as object }),
  });
  const json = res.body
    ? (() => {
        try {
          return res.json();
        } catch {
          return undefined;
        }
      })()
    : undefined;
  return { status: res.statusCode, body: json, headers: res.headers, raw: res };
}

/** The types of a workspace's events with the given prefix, in chain order. */
export async function eventTypesOf(t: TestContext, workspaceId: string, prefix: string) {
  const rows = await t.deps.db
    .selectFrom('events')
    .select('type')
    .where('workspace_id', '=', workspaceId)
    .where('type', 'like', `${prefix}%`)
    .orderBy('seq')
    .execute();
  return rows.map((e) => e.type);
}

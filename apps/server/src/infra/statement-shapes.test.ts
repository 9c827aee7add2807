import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createDb, createPool } from './db.ts';
import { statementByShape } from './statement-shapes.ts';

// Compiling needs no connection: the pool is never used.
const db = createDb(createPool('postgres://nobody@127.0.0.1:1/none', 1));

type Form = { byCustomer: boolean };
type Values = { workspaceId: string; customerId: string | null; since: Date };

function counted() {
  let builds = 0;
  const statement = statementByShape((d, form: Form, v: Values) => {
    builds++;
    return d
      .selectFrom('cases')
      .select('id')
      .where('workspace_id', '=', v.workspaceId)
      .where('status', '=', 'open')
      .where('updated_at', '>', v.since)
      .$if(form.byCustomer, (qb) => qb.where('customer_id', '=', v.customerId as string));
  });
  return { statement, builds: () => builds };
}

describe('a statement compiled once per shape', () => {
  it('is built once per shape and answers every call with its own values in their places', () => {
    const { statement, builds } = counted();
    const since = new Date('2026-11-29T10:00:00Z');
    const a = statement(db, { byCustomer: true }, { workspaceId: 'w1', customerId: 'c1', since });
    const b = statement(db, { byCustomer: true }, { workspaceId: 'w2', customerId: 'c2', since });
    expect(builds()).toBe(1);
    expect(b.sql).toBe(a.sql);
    // The constant the statement itself carries stays; the values are each call's own.
    expect(a.parameters).toEqual(['w1', 'open', since, 'c1']);
    expect(b.parameters).toEqual(['w2', 'open', since, 'c2']);
    // Exactly what Kysely compiles for these values by itself.
    const direct = db
      .selectFrom('cases')
      .select('id')
      .where('workspace_id', '=', 'w2')
      .where('status', '=', 'open')
      .where('updated_at', '>', since)
      .where('customer_id', '=', 'c2')
      .compile();
    expect({ sql: b.sql, parameters: b.parameters }).toEqual({
      sql: direct.sql,
      parameters: direct.parameters,
    });
  });

  it('builds each other shape for itself', () => {
    const { statement, builds } = counted();
    const since = new Date();
    const mine = statement(db, { byCustomer: true }, { workspaceId: 'w1', customerId: 'c1', since });
    const all = statement(db, { byCustomer: false }, { workspaceId: 'w1', customerId: null, since });
    expect(builds()).toBe(2);
    expect(mine.sql).toContain('customer_id');
    expect(all.sql).not.toContain('customer_id');
    expect(all.parameters).toEqual(['w1', 'open', since]);
  });

  it('refuses a statement that writes a value into its text instead of passing it', () => {
    const statement = statementByShape((d, _form: object, v: { name: string }) =>
      d.selectFrom('cases').select(sql.lit(v.name).as('x')),
    );
    expect(() => statement(db, {}, { name: 'anything' })).toThrow(/written into the statement text/);
  });
});

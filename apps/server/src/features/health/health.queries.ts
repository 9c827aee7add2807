import { sql } from 'kysely';
import type { Executor } from '../../infra/db.ts';

export const databaseReachable = (db: Executor): Promise<boolean> =>
  sql`select 1`.execute(db).then(
    () => true,
    () => false,
  );

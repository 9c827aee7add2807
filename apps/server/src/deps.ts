import type pg from 'pg';
import type { Config } from './config.ts';
import type { Clock } from './infra/clock.ts';
import type { Db } from './infra/db.ts';
import type { Logger } from './infra/logger.ts';
import type { Mailer } from './infra/mailer.ts';
import type { Storage } from './infra/storage.ts';

/** Everything a use case may need from the outside world, passed in (fakes in tests). */
export type Deps = {
  config: Config;
  db: Db;
  pool: pg.Pool;
  clock: Clock;
  log: Logger;
  mailer: Mailer;
  storage: Storage;
};

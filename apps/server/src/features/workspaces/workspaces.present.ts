import type { Selectable } from 'kysely';
import type { DB } from '../../infra/db.ts';
import { isoTime } from '../../infra/iso-time.ts';

export const presentWorkspace = (w: Selectable<DB['workspaces']>) => ({
  id: w.id,
  slug: w.slug,
  name: w.name,
  time_zone: w.time_zone,
  languages: w.languages,
  created_at: isoTime(w.created_at),
  updated_at: isoTime(w.updated_at),
});

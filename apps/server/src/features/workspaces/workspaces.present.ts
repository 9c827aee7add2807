import type { Selectable } from 'kysely';
import type { DB } from '../../infra/db.ts';

export const presentWorkspace = (w: Selectable<DB['workspaces']>) => ({
  id: w.id,
  slug: w.slug,
  name: w.name,
  time_zone: w.time_zone,
  languages: w.languages,
  created_at: w.created_at.toISOString(),
  updated_at: w.updated_at.toISOString(),
});

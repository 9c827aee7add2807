import { Id } from './common.ts';
import { z } from './zod.ts';

/**
 * One message of `GET /api/v1/stream` (server-sent events): the SSE `event:` line is `type`, the
 * `data:` line is this object as JSON. It says what happened, not the new state: the browser
 * refetches what it shows (the case, the queue counts) when an event concerns it.
 *
 * Besides the event types of the audit trail (`case.created`, `case.updated`, `message.added`,
 * `customer.created`, ...), the stream carries:
 * - `ready`: sent first on every (re)connection; refetch what is on screen, events may have been missed.
 * - `resync`: the server lost its own feed for a moment; refetch as after `ready`.
 * - `presence.changed` (staff only): `data: { state: 'viewing' | 'replying' | null, name }`,
 *   null when the person left the case; `actor.id` is who.
 * - `customer_import.progress` (staff only): `data: { import_id, status, processed, total }`.
 * - `notification.created` / `notification.read` (only to `data.recipient_id`): the person's own
 *   notifications changed; refetch `GET /api/v1/notifications`. No content travels.
 */
export const StreamEvent = z.object({
  workspace_id: Id,
  type: z.string(),
  case_id: Id.nullable(),
  actor: z.object({ kind: z.enum(['staff', 'customer', 'system']), id: Id.nullable() }),
  /**
   * A summary, never content: `visibility` and `message_id` for messages, `changes` as the list of
   * changed field names for updates (customers see only `status` changes of their own cases).
   */
  data: z
    .object({
      visibility: z.enum(['public', 'internal']).optional(),
      message_id: Id.optional(),
      changes: z.array(z.string()).optional(),
    })
    .catchall(z.unknown()),
});
export type StreamEvent = z.infer<typeof StreamEvent>;

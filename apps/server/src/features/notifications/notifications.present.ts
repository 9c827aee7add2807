import type { StaffNotification } from '@fairdesk/contract';
import { isoTime, isoTimeOrNull } from '../../infra/iso-time.ts';

type Row = {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: unknown;
  created_at: Date;
  read_at: Date | null;
  case_id: string | null;
  case_number: number | null;
  case_subject: string | null;
};

/** A notification as its recipient sees it, with the case it links to as the case is now. */
export const presentNotification = (r: Row): StaffNotification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  body: r.body,
  case:
    r.case_id && r.case_number !== null
      ? { id: r.case_id, number: r.case_number, subject: r.case_subject ?? '' }
      : null,
  data: (r.data ?? {}) as Record<string, unknown>,
  created_at: isoTime(r.created_at),
  read_at: isoTimeOrNull(r.read_at),
});

export const presentNotificationList = (list: {
  items: Row[];
  next_cursor: string | null;
  unread: number;
}) => ({
  items: list.items.map(presentNotification),
  next_cursor: list.next_cursor,
  unread: list.unread,
});

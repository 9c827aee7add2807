import type {
  ImapTestResult,
  Mailbox,
  OutgoingEmail,
  OutgoingEmailDetail,
  QuarantinedEmail,
} from '@fairdesk/contract';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api.ts';
import type { Page } from '../../lib/types.ts';
import { useAction } from '../admin/useAction.ts';
import { mailboxLabel } from './words.ts';

export type { ImapTestResult, Mailbox, OutgoingEmail, OutgoingEmailDetail, QuarantinedEmail };

const PAGE = 25;
const MAILBOXES = ['admin-mailboxes'];
const QUARANTINE = ['admin-quarantine'];
const OUTGOING = ['admin-outgoing'];

/** The mailboxes; refreshed every half minute while an IMAP one shows its poll status. */
export const useMailboxes = () =>
  useQuery({
    queryKey: MAILBOXES,
    queryFn: ({ signal }) => api<{ items: Mailbox[] }>('/email/mailboxes', { signal }).then((r) => r.items),
    refetchInterval: (query) => (query.state.data?.some((m) => m.mode === 'imap') ? 30_000 : false),
  });

/**
 * Tries the mailbox's IMAP sign-in; `settings` replace the saved ones (an empty password keeps
 * the saved one). The answer, good or bad, is a result to show, not an error.
 */
export const useTestImap = () =>
  useMutation({
    mutationFn: ({ id, settings }: { id: string; settings: Record<string, unknown> }) =>
      api<ImapTestResult>(`/email/mailboxes/${id}/imap-test`, { method: 'POST', body: settings }),
  });

export const useSaveMailbox = (onDone: (m: Mailbox) => void) =>
  useAction({
    run: ({ id, body }: { id: string | null; body: unknown }) =>
      id
        ? api<Mailbox>(`/email/mailboxes/${id}`, { method: 'PATCH', body })
        : api<Mailbox>('/email/mailboxes', { method: 'POST', body }),
    done: (m, v) => (v.id ? `Mailbox ${m.address} saved` : `Mailbox ${m.address} added`),
    failed: 'The mailbox was not saved',
    refresh: [MAILBOXES],
    onDone,
  });

export const useDeleteMailbox = (onDone: () => void) =>
  useAction({
    run: (m: Mailbox) => api<void>(`/email/mailboxes/${m.id}`, { method: 'DELETE' }),
    done: (_, m) => `Mailbox ${mailboxLabel(m)} removed`,
    failed: 'The mailbox was not removed',
    refresh: [MAILBOXES],
    onDone,
  });

/**
 * Quarantined mail, newest first, a page at a time. `watching` polls for a while after a release:
 * the message is processed by a job, and it may come back here if it still cannot be read.
 */
export const useQuarantine = (watching = false) =>
  useInfiniteQuery({
    queryKey: QUARANTINE,
    queryFn: ({ pageParam, signal }) =>
      api<Page<QuarantinedEmail>>(`/email/quarantine${qs({ limit: PAGE, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: watching ? 2000 : false,
  });

export const useReleaseQuarantined = (onDone: (m: QuarantinedEmail) => void) =>
  useAction({
    run: (m: QuarantinedEmail) => api<void>(`/email/quarantine/${m.id}/release`, { method: 'POST' }),
    done: 'Released: Fairdesk is processing the message now',
    failed: 'The message was not released',
    // Released mail becomes a case or joins one: the queues and their counts change.
    refresh: [QUARANTINE, ['cases'], ['counts']],
    onDone: (_, m) => onDone(m),
  });

export const useDeleteQuarantined = (onDone: (m: QuarantinedEmail) => void) =>
  useAction({
    run: (m: QuarantinedEmail) => api<void>(`/email/quarantine/${m.id}`, { method: 'DELETE' }),
    done: 'The message was deleted',
    failed: 'The message was not deleted',
    refresh: [QUARANTINE],
    onDone: (_, m) => onDone(m),
  });

/** Outgoing mail, newest first; polled while something is still waiting to be sent. */
export const useOutgoing = () =>
  useInfiniteQuery({
    queryKey: OUTGOING,
    queryFn: ({ pageParam, signal }) =>
      api<Page<OutgoingEmail>>(`/email/outgoing${qs({ limit: PAGE, cursor: pageParam })}`, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.next_cursor ?? undefined,
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) =>
        p.items.some((m) => m.status === 'queued' || m.status === 'sending'),
      )
        ? 5000
        : false,
  });

/** One outgoing mail; polled while it waits or is being sent, so "Send again" shows its outcome. */
export const useOutgoingDetail = (id: string) =>
  useQuery({
    queryKey: [...OUTGOING, id],
    queryFn: ({ signal }) => api<OutgoingEmailDetail>(`/email/outgoing/${id}`, { signal }),
    refetchInterval: (query) =>
      query.state.data?.status === 'queued' || query.state.data?.status === 'sending' ? 3000 : false,
  });

/** "Send again": a failed mail goes back to the queue; a person decided it should go out. */
export const useResendOutgoing = (onDone?: (m: OutgoingEmailDetail) => void) =>
  useAction({
    run: (m: OutgoingEmail) => api<OutgoingEmailDetail>(`/email/outgoing/${m.id}/resend`, { method: 'POST' }),
    done: (_, m) => `Queued to be sent again to ${m.to_address}`,
    failed: 'The mail was not queued again',
    refresh: [OUTGOING],
    onDone: (m) => onDone?.(m),
  });

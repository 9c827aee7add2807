import { describe, expect, it } from 'vitest';
import {
  describeImapFailure,
  MAX_BACKOFF_SECONDS,
  nextPollSeconds,
  pollPlan,
  uidsToTake,
} from './imap.rules.ts';

describe('nextPollSeconds', () => {
  it.each([
    [60, 0, 60],
    [60, 1, 120],
    [60, 3, 480],
    [60, 10, MAX_BACKOFF_SECONDS],
    [60, 500, MAX_BACKOFF_SECONDS],
    [7200, 2, 7200], // an interval above the cap is never shortened
    [10, -1, 10],
  ])('poll every %is after %i failures -> %is', (every, failures, expected) => {
    expect(nextPollSeconds(every, failures)).toBe(expected);
  });
});

describe('pollPlan', () => {
  it.each([
    [{ uidValidity: null, lastUid: 0 }, 5, { kind: 'resync' }],
    [{ uidValidity: 5, lastUid: 42 }, 5, { kind: 'continue', afterUid: 42 }],
    [{ uidValidity: 5, lastUid: 42 }, 6, { kind: 'resync' }],
  ])('%o with the folder at UIDVALIDITY %i', (stored, uidValidity, expected) => {
    expect(pollPlan(stored, { uidValidity })).toEqual(expected);
  });
});

describe('uidsToTake', () => {
  it.each([
    [[5, 3, 9], 0, 10, [3, 5, 9]],
    [[7], 7, 10, []], // `8:*` answered with the last message, already taken
    [[8, 8, 9], 7, 10, [8, 9]],
    [[1, 2, 3, 4, 5], 1, 2, [2, 3]],
  ])('%o after %i (limit %i)', (uids, after, limit, expected) => {
    expect(uidsToTake(uids, after, limit)).toEqual(expected);
  });
});

describe('describeImapFailure', () => {
  const at = { host: 'imap.example.com', port: 993 };
  it.each([
    [
      { authenticationFailed: true, responseText: 'Invalid credentials (Failure)' },
      'Login refused: Invalid credentials (Failure)',
    ],
    [{ authenticationFailed: true }, 'Login refused'],
    [{ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }, 'Connection refused by imap.example.com:993'],
    [{ code: 'ENOTFOUND' }, 'Host not found: imap.example.com'],
    [{ code: 'CONNECT_TIMEOUT' }, 'No answer from imap.example.com:993 in time'],
    [
      { message: 'unable to verify the first certificate' },
      'TLS failed: unable to verify the first certificate',
    ],
    [{ responseText: 'Mailbox does not exist' }, 'The server said: Mailbox does not exist'],
    ['boom', 'boom'],
  ])('%o -> %s', (err, expected) => {
    expect(describeImapFailure(err, at)).toBe(expected);
  });
});

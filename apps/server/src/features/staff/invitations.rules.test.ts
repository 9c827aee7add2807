import { describe, expect, it } from 'vitest';
import {
  INVITATION_TTL_DAYS,
  invitationEmail,
  invitationExpiry,
  invitationLink,
} from './invitations.rules.ts';

describe('invitation links and emails', () => {
  it('last seven days', () => {
    expect(INVITATION_TTL_DAYS).toBe(7);
    expect(invitationExpiry(new Date('2026-11-23T09:00:00Z')).toISOString()).toBe('2026-11-30T09:00:00.000Z');
  });

  it('point at the app, with the token encoded', () => {
    expect(invitationLink('https://desk.test/', 'ab_c-d')).toBe(
      'https://desk.test/accept-invite?token=ab_c-d',
    );
    expect(invitationLink('https://desk.test', 'a+b')).toBe('https://desk.test/accept-invite?token=a%2Bb');
  });

  it('say who invited whom where, and escape names in HTML', () => {
    const mail = invitationEmail({
      name: 'Nina <b>',
      workspace: 'Acme & Co',
      inviter: 'Sam',
      link: 'https://x/?t=1&u=2',
    });
    expect(mail.subject).toBe('Join Acme & Co on Fairdesk');
    expect(mail.text).toContain('Sam has invited you to join Acme & Co');
    expect(mail.text).toContain('https://x/?t=1&u=2');
    expect(mail.html).toContain('Nina &lt;b&gt;');
    expect(mail.html).toContain('href="https://x/?t=1&amp;u=2"');
    expect(invitationEmail({ name: 'N', workspace: 'W', inviter: null, link: 'l' }).text).toContain(
      'You have been invited to join W',
    );
  });
});

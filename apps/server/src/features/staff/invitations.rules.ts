/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 7;

export const invitationExpiry = (now: Date): Date =>
  new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 3_600_000);

export const invitationLink = (publicUrl: string, token: string): string =>
  `${publicUrl.replace(/\/+$/, '')}/accept-invite?token=${encodeURIComponent(token)}`;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The invitation email: who invited them where, the link, and how long it lasts. */
export function invitationEmail(p: {
  name: string;
  workspace: string;
  inviter: string | null;
  link: string;
}) {
  const by = p.inviter ? `${p.inviter} has invited you` : 'You have been invited';
  const days = INVITATION_TTL_DAYS;
  const text = [
    `Hello ${p.name},`,
    '',
    `${by} to join ${p.workspace} on Fairdesk. Choose your password here:`,
    p.link,
    '',
    `The link works once, for ${days} days. If you did not expect this, you can ignore this email.`,
  ].join('\n');
  const html =
    `<p>Hello ${esc(p.name)},</p><p>${esc(by)} to join ${esc(p.workspace)} on Fairdesk.</p>` +
    `<p><a href="${esc(p.link)}">Choose your password</a></p>` +
    `<p>The link works once, for ${days} days. If you did not expect this, you can ignore this email.</p>`;
  return { subject: `Join ${p.workspace} on Fairdesk`, text, html };
}

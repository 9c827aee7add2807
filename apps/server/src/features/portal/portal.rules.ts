/** The sign-in email: plain words, the link, and how long it lasts. */
export function magicLinkEmail(p: { name: string; workspace: string; link: string; minutes: number }) {
  const text = [
    `Hello ${p.name},`,
    '',
    `Here is your link to sign in to ${p.workspace} support:`,
    p.link,
    '',
    `It works once, for ${p.minutes} minutes. If you did not ask for it, you can ignore this email.`,
  ].join('\n');
  const esc = (s: string) =>
    s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const html = `<p>Hello ${esc(p.name)},</p><p>Here is your link to sign in to ${esc(p.workspace)} support:</p><p><a href="${esc(p.link)}">Sign in</a></p><p>It works once, for ${p.minutes} minutes. If you did not ask for it, you can ignore this email.</p>`;
  return { subject: `Your sign-in link for ${p.workspace}`, text, html };
}

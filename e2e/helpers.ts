import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, type Browser, expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'fairdesk';

/** Signs a staff member in through the console's form. */
export async function signInToConsole(page: Page, email: string) {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'My open cases' })).toBeVisible();
}

/** A bearer token for seeding through the public API, as an integration would. */
export async function apiToken(request: APIRequestContext, email: string, portal = false): Promise<string> {
  const res = await request.post(portal ? '/api/v1/portal/sessions' : '/api/v1/sessions', {
    data: { email, password: DEMO_PASSWORD },
  });
  expect(res.status()).toBe(201);
  return (await res.json()).token;
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export async function newPage(browser: Browser) {
  const context = await browser.newContext();
  return context.newPage();
}

/** No serious or critical accessibility violations on the page as it is now. */
export async function expectAccessible(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual(
    [],
  );
}

export const shot = (page: Page, name: string) => page.screenshot({ path: `docs/screenshots/${name}.png` });

/**
 * What the page's Content-Security-Policy refused from now on (server infra/web.ts), from each
 * document's `securitypolicyviolation` events (eval and inline code included, which Chromium does
 * not always print) and the console errors Chromium prints for refused loads. A journey that ends
 * with this empty ran whole under the policy.
 */
export async function policyRefusals(page: Page): Promise<string[]> {
  const refused: string[] = [];
  await page.exposeFunction('__fairdeskRefused', (what: string) => refused.push(what));
  // A string: it runs in the page, and this file is compiled without the DOM's types.
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) =>
    window.__fairdeskRefused(e.effectiveDirective + ': ' + e.blockedURI + ' (' + e.sourceFile + ':' + e.lineNumber + ')'))`);
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text())) refused.push(msg.text());
  });
  return refused;
}

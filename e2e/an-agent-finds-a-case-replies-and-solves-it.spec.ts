import { expect, test } from '@playwright/test';
import { apiToken, bearer, expectAccessible, policyRefusals, shot, signInToConsole } from './helpers.ts';

test('an agent signs in, finds a case, replies and solves it', async ({ page, request }) => {
  // A customer's case arrives through the API, as from an integration.
  const token = await apiToken(request, 'agent@fairdesk.example');
  const subject = `Crampons rubbing on my new boots ${Date.now()}`;
  const created = await request.post('/api/v1/cases', {
    headers: bearer(token),
    data: {
      subject,
      body: 'The front bail of the crampon rubs through the boot welt after an hour.',
      customer: { email: 'walker.e2e@example.test', name: 'Pat Walker' },
      priority: 'high',
    },
  });
  expect(created.status()).toBe(201);

  const refused = await policyRefusals(page);
  await signInToConsole(page, 'agent@fairdesk.example');
  await expectAccessible(page);
  await shot(page, 'console-queue');

  await page.getByLabel('Search cases and messages').fill('crampon welt');
  await page.keyboard.press('Enter');
  await page.getByRole('link', { name: new RegExp(subject) }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();

  await page.getByRole('textbox', { name: 'Reply' }).click();
  await page.keyboard.type(
    'Sorry about that, Pat. A pair of anti-balling plates with a softer bail is on its way today.',
  );
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByText('Reply sent')).toBeVisible();
  await expect(page.getByLabel('Reply to the customer').getByText('anti-balling plates')).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'console-case');

  await page.getByRole('button', { name: 'Solve' }).click();
  await expect(page.getByText('Case solved')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reopen' })).toBeVisible();
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(page.getByText(/set status to Solved/)).toBeVisible();
  expect(refused).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { apiToken, bearer, newPage, signInToConsole } from './helpers.ts';

test('a second agent sees the first one’s change live, and each sees the other on the case', async ({
  browser,
  request,
}) => {
  const token = await apiToken(request, 'agent@fairdesk.example');
  const subject = `Stove igniter clicks but no flame ${Date.now()}`;
  const created = await request.post('/api/v1/cases', {
    headers: bearer(token),
    data: {
      subject,
      body: 'It clicks but never lights.',
      customer: { email: 'camper.e2e@example.test', name: 'Robin Camper' },
    },
  });
  const { id } = await created.json();

  const sam = await newPage(browser);
  const tom = await newPage(browser);
  await signInToConsole(sam, 'agent@fairdesk.example');
  await signInToConsole(tom, 'supervisor@fairdesk.example');

  // Tom watches the unassigned queue; the case is there.
  await tom.goto('/queues/unassigned');
  await expect(tom.getByRole('link', { name: subject })).toBeVisible();

  // Sam opens the case; Tom opens it too and sees Sam is there.
  await sam.goto(`/cases/${id}`);
  await tom.goto(`/cases/${id}`);
  await expect(tom.getByText(/Sam Carter is (here|replying)/)).toBeVisible({ timeout: 20_000 });

  // Sam raises the priority; Tom's view changes without a reload.
  await sam.getByRole('combobox', { name: 'Priority' }).click();
  await sam.getByRole('option', { name: 'Urgent' }).click();
  await expect(sam.getByText('Priority set to urgent')).toBeVisible();
  await expect(tom.locator('.mantine-Badge-root', { hasText: 'urgent' }).first()).toBeVisible();

  // Sam replies; the reply appears in Tom's conversation without a reload.
  await sam.getByRole('textbox', { name: 'Reply' }).click();
  await sam.keyboard.type('Please try lighting it with a match once.');
  await sam.getByRole('button', { name: 'Send reply' }).click();
  await expect(sam.getByText('Reply sent')).toBeVisible();
  await expect(tom.getByText('Please try lighting it with a match once.')).toBeVisible();
});

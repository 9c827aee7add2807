import { expect, test } from '@playwright/test';
import { apiToken, bearer, DEMO_PASSWORD, expectAccessible, policyRefusals, shot } from './helpers.ts';

test('a customer opens a case in the portal and sees the agent’s reply appear', async ({ page, request }) => {
  const refused = await policyRefusals(page);
  await page.goto('/portal/');
  await page.getByRole('button', { name: 'Use a password (demo)' }).click();
  await page.getByLabel('Email address').fill('customer@fairdesk.example');
  await page.getByRole('textbox', { name: 'Password' }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'My cases' })).toBeVisible();
  await expectAccessible(page);

  const subject = `Sleeping bag zip keeps splitting ${Date.now()}`;
  await page.getByRole('link', { name: 'Open a new case' }).click();
  await page.getByLabel('Subject').fill(subject);
  await page
    .getByLabel('What happened?')
    .fill('The zip of my Alpine 900 splits open behind the slider every night.');
  await page.getByRole('button', { name: 'Send' }).click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  const caseId = page.url().split('/').pop()!;

  // An agent answers through the API (an internal note first, which the customer must never see).
  const agent = await apiToken(request, 'agent@fairdesk.example');
  await request.post(`/api/v1/cases/${caseId}/messages`, {
    headers: bearer(agent),
    data: { body: 'Internal: check the batch number', visibility: 'internal' },
  });
  const reply = await request.post(`/api/v1/cases/${caseId}/messages`, {
    headers: bearer(agent),
    data: { body: 'So sorry, Charlotte. A replacement zip slider is in the post today.' },
  });
  expect(reply.status()).toBe(201);

  await expect(page.getByText('A replacement zip slider is in the post today.')).toBeVisible();
  await expect(page.getByText('check the batch number')).toHaveCount(0);
  await expectAccessible(page);
  await shot(page, 'portal-case-live');
  expect(refused).toEqual([]);
});

import { expect, test } from '@playwright/test';
import { expectAccessible, policyRefusals, shot, signInToConsole } from './helpers.ts';

test('an admin invites a colleague and finds a customer', async ({ page }) => {
  // The invitation form validates with the contract's zod schemas, under the pages' policy.
  const refused = await policyRefusals(page);
  await signInToConsole(page, 'admin@fairdesk.example');
  await page.getByRole('link', { name: 'Administration' }).click();
  await expect(page.getByRole('heading', { name: 'Staff', exact: true })).toBeVisible();

  const email = `new.agent.${Date.now()}@fairdesk.example`;
  await page.getByRole('button', { name: 'Invite someone' }).click();
  await page.getByLabel('Name').fill('Noor Haddad');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(/Invitation sent/)).toBeVisible();
  await expect(page.getByRole('row', { name: /Noor Haddad/ })).toContainText('Invited');
  await expectAccessible(page);
  await shot(page, 'admin-staff');

  await page.getByRole('link', { name: 'Customers' }).click();
  await page.getByLabel('Find a customer').fill('Charlotte');
  await expect(page.getByRole('row', { name: /Charlotte Reid/ })).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'admin-customers');
  expect(refused).toEqual([]);
});

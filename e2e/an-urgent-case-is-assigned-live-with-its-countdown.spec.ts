import { expect, test } from '@playwright/test';
import { apiToken, bearer, expectAccessible, newPage, shot, signInToConsole } from './helpers.ts';

test('an urgent case waits for an agent, reaches them live when they go online, with its countdown and why', async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(150_000);
  // Setup through the public API, as an admin would: a load-balanced team whose only member is Sam
  // (with room beside the demo's cases he already holds).
  const admin = bearer(await apiToken(request, 'admin@fairdesk.example'));
  const sam = bearer(await apiToken(request, 'agent@fairdesk.example'));
  const staff = await (await request.get('/api/v1/staff?active=true', { headers: admin })).json();
  const samId = staff.items.find((s: { email: string }) => s.email === 'agent@fairdesk.example').id;
  const team = await request.post('/api/v1/teams', {
    headers: admin,
    data: { name: `Urgent line ${Date.now()}`, description: 'Urgent cases only', member_ids: [samId] },
  });
  expect(team.status()).toBe(201);
  const teamId = (await team.json()).id;
  const routing = await request.put(`/api/v1/teams/${teamId}/routing`, {
    headers: admin,
    data: { mode: 'load_balanced', default_capacity: 100 },
  });
  expect(routing.status()).toBe(200);
  // Sam is off work: nobody can take what arrives.
  expect(
    (
      await request.put('/api/v1/staff/me/availability', { headers: sam, data: { status: 'offline' } })
    ).status(),
  ).toBe(200);

  // An urgent case arrives for the team, as from an integration, and waits.
  const subject = `Stove fuel line leaking on the trail ${Date.now()}`;
  const created = await request.post('/api/v1/cases', {
    headers: admin,
    data: {
      subject,
      body: 'The fuel line of my stove leaks at the pump. We are out for three more days.',
      customer: { email: 'hiker.e2e@example.test', name: 'Jo Hiker' },
      priority: 'urgent',
      team_id: teamId,
    },
  });
  expect(created.status()).toBe(201);
  const caseId = (await created.json()).id;
  // Its first-reply target is set (business hours: outside them, it runs from the next opening).
  // Just after start the worker is still working through the demo seed's jobs: allow for it.
  await expect
    .poll(
      async () => {
        const c = await (await request.get(`/api/v1/cases/${caseId}`, { headers: admin })).json();
        return [
          c.assignee,
          c.sla.find((s: { target: string }) => s.target === 'first_response')?.due_at ? 'due' : null,
        ];
      },
      { timeout: 90_000 },
    )
    .toEqual([null, 'due']);

  // Sam signs in; the case is not his yet.
  await signInToConsole(page, 'agent@fairdesk.example');
  const mine = page.getByRole('link', { name: subject });
  await expect(mine).toHaveCount(0);

  // He goes online with the availability switch: the waiting case reaches him without a reload.
  const availability = page.getByRole('radiogroup', { name: 'Your availability for new cases' });
  await availability.getByText('Online', { exact: true }).click();
  await expect(mine).toBeVisible({ timeout: 20_000 });
  const row = page.getByRole('row').filter({ has: mine });
  await expect(row.locator('[data-sla-state]')).toHaveText(/^(On track|At risk) · \d+[dhm].* left$/);
  await expectAccessible(page);
  await shot(page, 'routing-queue-countdown');

  // The case shows its first-reply countdown, and the timeline says why it is Sam's.
  await mine.click();
  await expect(page.getByRole('heading', { name: subject })).toBeVisible();
  await expect(
    page.getByLabel('Service levels').getByText(/^First reply · (On track|At risk) · \d+[dhm].* left$/),
  ).toBeVisible();
  await page.getByRole('tab', { name: /Timeline/ }).click();
  await expect(
    page.getByText(/routed the case: assigned to Sam Carter: least load \(\d+ open of 100\)/),
  ).toBeVisible();
  await expect(
    page.getByText(/routed the case: left unassigned: nobody in the team is online/),
  ).toBeVisible();
  await expectAccessible(page);
  await shot(page, 'routing-case-explained');

  // A second urgent case, now that Sam is online, is his as it arrives.
  const next = `Tent pole snapped in the wind ${Date.now()}`;
  await request.post('/api/v1/cases', {
    headers: admin,
    data: {
      subject: next,
      body: 'Snapped at the ferrule.',
      customer: { email: 'hiker.e2e@example.test' },
      priority: 'urgent',
      team_id: teamId,
    },
  });
  await page.getByRole('link', { name: 'My open cases' }).first().click();
  await expect(page.getByRole('link', { name: next })).toBeVisible({ timeout: 20_000 });

  // The admin's routing page shows the team, and Sam online and on shift (he keeps no schedule).
  const desk = await newPage(browser);
  await signInToConsole(desk, 'admin@fairdesk.example');
  await desk.goto('/admin/routing');
  await expect(
    desk.getByRole('combobox', { name: `Assignment mode of ${(await team.json()).name}` }),
  ).toHaveValue('Load balanced');
  const samRow = desk.getByRole('row').filter({ hasText: 'Sam Carter' });
  await expect(samRow.getByText('On shift now')).toBeVisible();
  await expect(
    desk.getByRole('row').filter({ hasText: 'Ana López' }).getByText('Mon–Fri 08:00–16:00'),
  ).toBeVisible();
  await expectAccessible(desk);
  await samRow.scrollIntoViewIfNeeded();
  await shot(desk, 'admin-routing');
});

import { expect, type Page, test } from '@playwright/test';
import { apiToken, bearer, expectAccessible, newPage, signInToConsole } from './helpers.ts';

// The customer's side is checked twice: through their own API view of the requests, and in the
// portal, where the refusal's reason and the alternative offered are shown on the case.

/** Records a request through the case's Requests tab, as an agent does on the phone. */
async function recordRequest(
  page: Page,
  r: { kind: string; facts: Record<string, 'Yes' | 'No'>; days?: number; description: string },
) {
  await page.getByRole('button', { name: 'Record a request' }).click();
  const form = page.getByRole('dialog', { name: 'Record a request' });
  await form.getByRole('combobox', { name: 'What the customer asks for' }).click();
  await page.getByRole('option', { name: r.kind, exact: true }).click();
  for (const [fact, answer] of Object.entries(r.facts))
    await form.getByRole('radiogroup', { name: fact }).getByText(answer, { exact: true }).click();
  if (r.days !== undefined) await form.getByLabel('Days since delivery').fill(String(r.days));
  await form.getByLabel('Description').fill(r.description);
  await form.getByRole('button', { name: 'Record and decide' }).click();
  await expect(form).toBeHidden();
}

test('a return out of window is escalated, authorised by a supervisor and told; a refusal goes with its reason and an alternative', async ({
  browser,
  page,
  request,
}) => {
  // Two people, two requests and five decisions: longer than a one-screen journey.
  test.setTimeout(150_000);
  // The customer's case arrives through the API, as from an integration.
  const agentToken = await apiToken(request, 'agent@fairdesk.example');
  const subject = `Return of an unused rucksack ${Date.now()}`;
  const created = await request.post('/api/v1/cases', {
    headers: bearer(agentToken),
    data: {
      subject,
      body: 'I changed my mind about the 45-litre rucksack; it is unused. Can I still send it back?',
      customer: { email: 'customer@fairdesk.example', name: 'Charlotte Reid' },
    },
  });
  expect(created.status()).toBe(201);
  const kase = (await created.json()) as { id: string; number: number };

  // The agent records a change-of-mind return 45 days after delivery: beyond an agent's 30 days.
  await signInToConsole(page, 'agent@fairdesk.example');
  await page.goto(`/cases/${kase.id}`);
  await page.getByRole('tab', { name: /Requests/ }).click();
  await recordRequest(page, {
    kind: 'Return',
    facts: { 'The item is faulty': 'No' },
    days: 45,
    description: 'Unused rucksack, changed their mind 45 days after delivery',
  });
  await expect(page.getByText('Request recorded: needs authorisation by a supervisor')).toBeVisible();
  const ret = page.getByRole('article', { name: /^Return/ });
  await expect(ret.getByText('Needs authorisation', { exact: true })).toBeVisible();
  // The trace says which policy decided and why, and that it is a flexible organisational one.
  const decisive = ret.getByRole('row', { name: /Decisive.*Returns for change of mind/ });
  await expect(decisive).toContainText('Organisational');
  await expect(decisive).toContainText('flexible');
  await expect(decisive).toContainText('needs more authority');
  await expect(ret.getByText('Waiting for a supervisor to decide.')).toBeVisible();
  // An agent holds no such authority: the UI offers no approval.
  await expect(ret.getByRole('button', { name: /Approve/ })).toHaveCount(0);
  await expectAccessible(page);

  // A supervisor finds it in the authorisations queue and approves it, with a condition.
  const tom = await newPage(browser);
  await signInToConsole(tom, 'supervisor@fairdesk.example');
  await tom.getByRole('link', { name: /Authorisations/ }).click();
  await expect(tom.getByRole('heading', { name: 'Authorisations' })).toBeVisible();
  const ask = tom.getByRole('article').filter({ hasText: `Case #${kase.number}: ${subject}` });
  await expect(ask).toContainText(/Asked .* by Sam Carter/);
  await ask.getByRole('button', { name: `Decide on case #${kase.number}` }).click();
  await ask.getByLabel('Reason').fill('Unused and in its packaging; within a supervisor’s 60 days');
  await ask.getByRole('button', { name: 'Add a condition' }).click();
  await ask
    .getByRole('textbox', { name: 'Condition 1' })
    .fill('Send the rucksack back unused within 14 days');
  await expectAccessible(tom);
  await ask.getByRole('button', { name: 'Approve' }).click();
  await expect(tom.getByText('Exception approved')).toBeVisible();
  await expect(ask).toBeHidden();

  // The agent sends the decision; the composer is pre-filled from the approval.
  await page.reload();
  await page.getByRole('tab', { name: /Requests/ }).click();
  await expect(ret.getByText('Granted', { exact: true })).toBeVisible();
  await expect(ret.getByText(/Exception approved by Tom Becker \(supervisor\)/)).toBeVisible();
  await ret.getByRole('button', { name: 'Send the decision' }).click();
  const composer = page.getByRole('dialog', { name: /Send the decision/ });
  await expect(composer.getByLabel('Explanation for the customer')).toHaveValue(
    /authorised by our supervisor/,
  );
  await expect(composer.getByText('Send the rucksack back unused within 14 days')).toBeVisible();
  await composer.getByRole('button', { name: 'Send to the customer' }).click();
  await expect(page.getByText('The decision was sent to the customer').last()).toBeVisible();
  await expect(ret.getByText(/Customer told “granted”/)).toBeVisible();

  // The outcome is on the case's conversation, conditions included.
  await page.getByRole('tab', { name: /Conversation/ }).click();
  await expect(page.getByText(/We can do this as an exception, authorised by our supervisor/)).toBeVisible();
  await expect(page.getByText(/Send the rucksack back unused within 14 days/).first()).toBeVisible();

  // The customer sees the outcome in their own view of the case's requests.
  const customerToken = await apiToken(request, 'customer@fairdesk.example', true);
  const seen = async () => {
    const res = await request.get(`/api/v1/cases/${kase.id}/requests`, { headers: bearer(customerToken) });
    expect(res.status()).toBe(200);
    return (await res.json()).items as {
      kind: string;
      decision: { outcome: string; explanation: string; alternatives: string[]; conditions: string[] } | null;
    }[];
  };
  const [told] = await seen();
  expect(told?.decision?.outcome).toBe('granted');
  expect(told?.decision?.conditions).toEqual(['Send the rucksack back unused within 14 days']);

  // A second request is refused by a hard rule: the reason and an alternative go with it.
  await page.getByRole('tab', { name: /Requests/ }).click();
  await recordRequest(page, {
    kind: 'Data access',
    facts: { 'The data is about the person asking': 'No' },
    description: 'Asks for the delivery address a friend gave on their own order',
  });
  await expect(page.getByText('Request recorded: refused')).toBeVisible();
  const refused = page.getByRole('article', { name: /^Data access/ });
  await expect(refused.getByText('Refused', { exact: true })).toBeVisible();
  await expect(refused.getByText('Hard rule')).toBeVisible();
  await expect(refused).toContainText('UK GDPR Art. 5(1)(f)');
  // Nobody can authorise past a hard rule: no such action is offered.
  await expect(refused.getByRole('button', { name: /Ask for authorisation|Approve/ })).toHaveCount(0);

  await refused.getByRole('button', { name: 'Send the decision' }).click();
  const refusal = page.getByRole('dialog', { name: /Send the decision/ });
  await expect(refusal.getByLabel('Explanation for the customer')).toHaveValue(/cannot share personal data/);
  await expect(refusal.getByRole('textbox', { name: 'Alternative 1' })).toHaveValue(
    /The person concerned can contact us directly/,
  );
  // The agent may drop one of the two alternatives, but not the last one…
  await refusal.getByRole('button', { name: 'Remove alternative 2' }).click();
  await expect(refusal.getByRole('button', { name: 'Remove alternative 1' })).toBeDisabled();
  // …nor send the refusal with it emptied.
  await refusal.getByRole('textbox', { name: 'Alternative 1' }).fill('');
  await refusal.getByRole('button', { name: 'Send to the customer' }).click();
  await expect(refusal.getByText('A refusal offers at least one alternative')).toBeVisible();
  await refusal
    .getByRole('textbox', { name: 'Alternative 1' })
    .fill('Your friend can contact us directly, and we will help them straight away');
  await expectAccessible(page);
  await refusal.getByRole('button', { name: 'Send to the customer' }).click();
  await expect(page.getByText('The decision was sent to the customer').last()).toBeVisible();
  await expect(refused.getByText(/Customer told “refused”.*with 1 alternative/)).toBeVisible();

  await page.getByRole('tab', { name: /Conversation/ }).click();
  await expect(page.getByText(/We cannot share personal data about someone else/)).toBeVisible();
  await expect(page.getByText(/Your friend can contact us directly/)).toBeVisible();

  // The server refuses a bare refusal too, whatever the client.
  const requests = await (
    await request.get(`/api/v1/cases/${kase.id}/requests`, { headers: bearer(agentToken) })
  ).json();
  const refusedId = requests.items.find((r: { kind: string }) => r.kind === 'data_access').id;
  const bare = await request.post(`/api/v1/requests/${refusedId}/communications`, {
    headers: bearer(agentToken),
    data: { explanation: 'No.', alternatives: [] },
  });
  expect(bare.status()).toBe(422);
  expect((await bare.json()).reason).toBe('refusal_needs_alternative');

  // The customer sees the reason and the alternative offered.
  const refusalSeen = (await seen()).find((r) => r.kind === 'data_access');
  expect(refusalSeen?.decision?.outcome).toBe('refused');
  expect(refusalSeen?.decision?.explanation).toMatch(/cannot share personal data/);
  expect(refusalSeen?.decision?.alternatives).toEqual([
    'Your friend can contact us directly, and we will help them straight away',
  ]);

  // And in the portal, on the case, in plain words.
  const portal = await newPage(browser);
  await portal.goto('/portal/');
  await portal.getByRole('button', { name: 'Use a password (demo)' }).click();
  await portal.getByLabel('Email address').fill('customer@fairdesk.example');
  await portal.getByRole('textbox', { name: 'Password' }).fill('fairdesk');
  await portal.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(portal.getByRole('heading', { name: 'My cases' })).toBeVisible();
  await portal.goto(`/portal/cases/${kase.id}`);
  await expect(portal.getByRole('heading', { name: 'Your requests' })).toBeVisible();
  const mine = portal.getByRole('region', { name: 'Your requests' });
  await expect(mine.getByText('We cannot do this')).toBeVisible();
  await expect(
    mine.getByText('Your friend can contact us directly, and we will help them straight away'),
  ).toBeVisible();
  await expect(mine.getByText('Agreed')).toBeVisible();
  await expectAccessible(portal);
  await portal.screenshot({ path: 'docs/screenshots/portal-decisions.png', fullPage: true });
});

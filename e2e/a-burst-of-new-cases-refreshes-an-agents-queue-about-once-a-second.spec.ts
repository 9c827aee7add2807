import { expect, test } from '@playwright/test';
import { apiToken, bearer, newPage, signInToConsole } from './helpers.ts';

// Every live event made every open console refetch its queue and its sidebar counts, and each new
// case sends two (the case, its first message), then more as it is routed. The refetches are now
// coalesced (apps/web/src/lib/coalesce.ts): once per change, at most once a second in a burst.
const BURST = 12;

test('a burst of new cases refreshes the queue and its counts about once a second, not once per event', async ({
  browser,
  request,
}) => {
  const token = await apiToken(request, 'supervisor@fairdesk.example');
  const agent = await newPage(browser);
  await signInToConsole(agent, 'agent@fairdesk.example');
  await agent.goto('/queues/open');
  const allOpen = agent.getByRole('link', { name: /^All open/ });
  await expect(allOpen).toHaveText(/\d+/);
  const before = Number((await allOpen.innerText()).match(/\d+/)?.[0]);

  // Refetches of the sidebar's counts and of the queue's first page (a refetch of the queue asks
  // again for every page it has shown).
  const refetches = { counts: 0, queue: 0 };
  agent.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname === '/api/v1/cases/counts') refetches.counts++;
    else if (url.pathname === '/api/v1/cases' && !url.searchParams.has('cursor')) refetches.queue++;
  });

  const started = performance.now();
  const stamp = Date.now();
  for (let i = 1; i <= BURST; i++) {
    const res = await request.post('/api/v1/cases', {
      headers: bearer(token),
      data: {
        subject: `Burst ${stamp} lantern ${i}`,
        body: 'The lantern flickers.',
        customer: { email: 'burst.e2e@example.test', name: 'Kim Burst' },
      },
    });
    expect(res.status()).toBe(201);
  }

  // The last change is shown: the newest case in the queue, the count up by the whole burst.
  await expect(agent.getByRole('link', { name: `Burst ${stamp} lantern ${BURST}` })).toBeVisible();
  await expect(allOpen).toHaveText(new RegExp(`^All open\\s*${before + BURST}`));
  await agent.waitForTimeout(2000);
  const seconds = (performance.now() - started) / 1000;
  // At most one refetch a second, and one at the start: 24 or more each when every event refetched.
  expect(refetches.counts).toBeGreaterThanOrEqual(1);
  expect(refetches.counts).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
  expect(refetches.queue).toBeLessThanOrEqual(Math.ceil(seconds) + 1);
});

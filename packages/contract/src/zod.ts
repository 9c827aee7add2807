import { z } from 'zod';

// Every schema of the contract takes zod from here, so this runs before any of them is used.
// In a browser the schemas run under Fairdesk's pages' Content-Security-Policy, which allows no
// eval (server infra/web.ts). Zod compiles object validators with `new Function` when it can and
// finds out by trying, a try the policy refuses and reports as a violation; its uncompiled
// validators are what it falls back to anyway. On the server it compiles them.
if ('document' in globalThis) z.config({ jitless: true });

export { z };

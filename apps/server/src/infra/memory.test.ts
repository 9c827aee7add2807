import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const memoryTs = fileURLToPath(new URL('./memory.ts', import.meta.url));

// A fresh process with the server's young-generation cap, which allocates like start-up does
// (many objects, some surviving a few collections) until the young generation has grown.
const script = (release: boolean) => `
import v8 from 'node:v8';
import { releaseStartupGarbage } from ${JSON.stringify(memoryTs)};
const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
let keep = [];
for (let i = 0; i < 1e6; i++) {
  keep.push({ i, s: 'item ' + i });
  if (keep.length > 2e5) keep = [];
}
keep = [];
const grown = newSpace();
${release ? 'releaseStartupGarbage(0);' : ''}
setTimeout(() => console.log(JSON.stringify({ grown, idle: newSpace(), gcIsGlobal: typeof globalThis.gc })), 100);
`;

async function youngGeneration(release: boolean) {
  const { stdout } = await run(process.execPath, [
    '--max-semi-space-size=32',
    '--input-type=module',
    '-e',
    script(release),
  ]);
  return JSON.parse(stdout) as { grown: number; idle: number; gcIsGlobal: string };
}

describe('releaseStartupGarbage', () => {
  it('shrinks the young generation start-up grew, without making gc a global', async () => {
    const MB = 2 ** 20;
    const kept = await youngGeneration(false);
    expect(kept.grown).toBeGreaterThanOrEqual(32 * MB);
    expect(kept.idle).toBe(kept.grown); // nothing shrinks it by itself

    const released = await youngGeneration(true);
    expect(released.grown).toBeGreaterThanOrEqual(32 * MB);
    expect(released.idle).toBeLessThanOrEqual(4 * MB);
    expect(released.gcIsGlobal).toBe('undefined');
  });
});

// Builds the browser app (apps/web -> apps/web/dist) when its sources are newer than the last
// build, so `npm start` always serves a current production build without a dev server.
// `--force` builds regardless.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const web = path.resolve(import.meta.dirname, '../apps/web');
const contract = path.resolve(import.meta.dirname, '../packages/contract/src');
const stamp = path.join(web, 'dist/index.html');

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
if (!process.argv.includes('--force') && built > Math.max(newest(web), newest(contract))) {
  console.log('web app is up to date');
} else {
  const { build } = await import('vite');
  const started = Date.now();
  await build({ configFile: path.join(web, 'vite.config.ts'), logLevel: 'warn' });
  console.log(`web app built in ${Date.now() - started} ms`);
}

// `node bench/cpu-top.ts <file.cpuprofile> [n]`: where a `node --cpu-prof` profile spent its time,
// as self time per function and per package, so a profile can be read without a browser.
import { readFile } from 'node:fs/promises';

type Node = {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
};
type Profile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const [file, n = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/cpu-top.ts <file.cpuprofile> [n]');
const profile = JSON.parse(await readFile(file, 'utf8')) as Profile;

// Self time per node: each sample's delta belongs to the node sampled.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map<number, number>();
for (const [i, id] of profile.samples.entries()) {
  self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
}
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** node_modules/<pkg> (or @scope/pkg), "fairdesk" for our files, else the V8/Node category. */
function packageOf(url: string, fn: string): string {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.includes('/apps/') || url.includes('/packages/')) return 'fairdesk';
  if (url.startsWith('node:')) return 'node core';
  return fn.startsWith('(') ? fn : 'v8/native';
}

const functions = new Map<string, number>();
const packages = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const short = url.replace(/^.*node_modules\//, '').replace(/^.*\/work\/[^/]+\//, '');
  const key = `${functionName || '(anonymous)'} ${short ? `${short}:${lineNumber + 1}` : ''}`;
  functions.set(key, (functions.get(key) ?? 0) + us);
  const pkg = packageOf(url, functionName);
  packages.set(pkg, (packages.get(pkg) ?? 0) + us);
}

const show = (title: string, m: Map<string, number>, limit: number) => {
  console.log(`\n${title}`);
  for (const [k, us] of [...m].sort((a, b) => b[1] - a[1]).slice(0, limit)) {
    console.log(
      `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`,
    );
  }
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
show('self time by package', packages, 20);
show('self time by function', functions, Number(n));

// Cold start of the PR-validation path: a full `mode: lint` run of the bundled action against
// bare `node -e 0`, interleaved so machine noise hits both alike. Prints figures; asserts nothing.
// Goal (issue #2): the lint run's median at most 3× bare node's.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const runs = Number(process.argv[2] ?? 21);
const scratch = mkdtempSync(join(tmpdir(), 'aod-bench-'));
const env = {
  PATH: process.env.PATH,
  GITHUB_WORKSPACE: root,
  GITHUB_OUTPUT: join(scratch, 'out'),
  GITHUB_STEP_SUMMARY: join(scratch, 'summary'),
  INPUT_MODE: 'lint',
  'INPUT_ENDPOINT-FILE': 'examples/endpoint.yml',
  'INPUT_DEPLOYMENT-FILE': 'examples/deployment.yml',
};

function time(args, extraEnv) {
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0 && args[0] !== '-e') throw new Error(`lint run failed (exit ${result.status}): ${result.stderr}`);
  return ms;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// Warm the file cache once for each.
time(['-e', '0']);
time([join(root, 'dist', 'index.js')]);
const bare = [];
const lint = [];
for (let i = 0; i < runs; i++) {
  bare.push(time(['-e', '0']));
  lint.push(time([join(root, 'dist', 'index.js')]));
}
const ratio = median(lint) / median(bare);
console.log(`node ${process.version}, ${runs} interleaved runs each`);
console.log(`bare node -e 0   median ${median(bare).toFixed(1)} ms  (min ${Math.min(...bare).toFixed(1)})`);
console.log(`lint run         median ${median(lint).toFixed(1)} ms  (min ${Math.min(...lint).toFixed(1)})`);
console.log(`ratio            ${ratio.toFixed(2)}x  (goal: at most 3x) ${ratio <= 3 ? 'met' : 'NOT met'}`);

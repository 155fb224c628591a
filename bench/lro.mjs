// bench/lro: how the action waits on a long-running deployment (docs/rollout.md §1). For operations
// that take D seconds in Azure in a box, with and without Retry-After, it prints the status polls
// the action sent, the most Retry-After allows, the delay between the operation's terminal state and
// the poll that saw it (goal: at most one interval), and the wall time of the same deployment created
// by a plain SDK client at its default polling interval, side by side. Figures only; no assertion.
//
//   npm run bench:lro
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const emulator = spawn(process.execPath, [join(root, 'test/emulator/cli.mjs'), '--scenario', join(root, 'test/emulator/scenarios/deploy.yml')], { stdio: ['ignore', 'pipe', 'inherit'] });
process.on('exit', () => emulator.kill('SIGTERM'));
const contract = await new Promise((resolve) => createInterface({ input: emulator.stdout }).once('line', (l) => resolve(JSON.parse(l))));
const admin = async (method, path, body) => {
  const res = await fetch(`${contract.admin}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
};
const run = (args, env) =>
  new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...contract.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });

async function actionDeploy(name) {
  const ws = mkdtempSync(join(tmpdir(), 'aod-bench-'));
  writeFileSync(join(ws, 'd.yml'), `name: ${name}\nendpoint_name: existing-ep\nmodel: azureml:demo-model:1\nenvironment: azureml:demo-env:1\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n`);
  for (const f of ['out', 'sum', 'state']) writeFileSync(join(ws, f), '');
  const inputs = { ...contract.inputs, mode: 'deploy', 'deployment-file': 'd.yml', timeout: '5m' };
  const started = Date.now();
  const r = await run([join(root, 'dist/index.js')], { GITHUB_WORKSPACE: ws, GITHUB_OUTPUT: join(ws, 'out'), GITHUB_STEP_SUMMARY: join(ws, 'sum'), GITHUB_STATE: join(ws, 'state'), ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])) });
  return { code: r.code, wallMs: Date.now() - started };
}

async function sdkDeploy(name) {
  const i = contract.inputs;
  const r = await run([join(root, 'bench/lro-sdk-client.mjs'), i['subscription-id'], i['resource-group'], i['workspace-name'], i['tenant-id'], i['client-id'], 'existing-ep', name], {});
  return r.code === 0 ? JSON.parse(r.out.trim().split('\n').at(-1)).wallMs : NaN;
}

/** From the emulator's log: the deployment PUT, the status polls after it, and the first poll at or after the operation was done. */
async function polls(name, durationMs) {
  const log = await admin('GET', '/requests');
  const list = Array.isArray(log) ? log : log.requests;
  const put = list.find((r) => r.method === 'PUT' && r.path.toLowerCase().endsWith(`/deployments/${name}`));
  const t0 = Date.parse(put.time) + put.durationMs;
  const status = list.filter((r) => r.method === 'GET' && /mfeOperationsStatus/i.test(r.path) && Date.parse(r.time) >= Date.parse(put.time));
  const doneAt = t0 + durationMs;
  const seen = status.find((r) => Date.parse(r.time) >= doneAt);
  return { count: status.length, lagMs: seen ? Date.parse(seen.time) - doneAt : NaN };
}

const cases = [
  { durationMs: 10_000, retryAfterSeconds: 1 },
  { durationMs: 10_000, retryAfterSeconds: 3 },
  { durationMs: 10_000, retryAfterSeconds: null },
  { durationMs: 30_000, retryAfterSeconds: 5 },
];
console.log('operation | Retry-After | action polls | most Retry-After allows | terminal → seen | action wall | SDK default wall');
console.log('--- | --- | --- | --- | --- | --- | ---');
for (const c of cases) {
  await admin('POST', '/reset');
  await admin('PATCH', '/knobs', { lro: { pollsBeforeDone: 0, durationMs: c.durationMs, retryAfterSeconds: c.retryAfterSeconds } });
  await admin('DELETE', '/requests');
  const action = await actionDeploy('green');
  const p = await polls('green', c.durationMs);
  const sdkWall = await sdkDeploy('teal');
  // One poll right after the PUT (core-lro), then one per Retry-After until the terminal state.
  const allowed = c.retryAfterSeconds ? `${Math.ceil(c.durationMs / (c.retryAfterSeconds * 1000)) + 1}` : 'n/a (2 s default)';
  console.log(`${c.durationMs / 1000} s | ${c.retryAfterSeconds ?? 'none'} | ${p.count} | ${allowed} | ${Math.round(p.lagMs)} ms | ${(action.wallMs / 1000).toFixed(1)} s (exit ${action.code}) | ${(sdkWall / 1000).toFixed(1)} s`);
}
emulator.kill('SIGTERM');

// Pre-flight economy of `mode: validate` (issue 7 item 8): Azure in a box with injected latency
// (default 200 ms per request), a deployment of 20 secret references over 4 connections and 3
// vaults (bench/preflight.yml), the bundled action run as the runner runs it. Prints the
// pre-flight wall time in round trips after sign-in, and the requests, by kind. Asserts nothing.
//
//   npm run bench:preflight [-- --latency-ms 200]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';

const root = new URL('..', import.meta.url).pathname;
const { values } = parseArgs({ options: { 'latency-ms': { type: 'string', default: '200' } } });
const latency = Number(values['latency-ms']);

const connections = ['conn_a', 'conn_b', 'conn_c', 'conn_d'];
const vaultSecrets = [
  ['bench-kv-a', 's1', 'a0000000000000000000000000000001'], ['bench-kv-a', 's2', 'a0000000000000000000000000000002'], ['bench-kv-a', 's3', 'a0000000000000000000000000000003'],
  ['bench-kv-b', 's1', 'b0000000000000000000000000000001'], ['bench-kv-b', 's2', 'b0000000000000000000000000000002'], ['bench-kv-b', 's3', 'b0000000000000000000000000000003'],
  ['bench-kv-c', 's1', 'c0000000000000000000000000000001'], ['bench-kv-c', 's2', 'c0000000000000000000000000000002'],
];
const env = {};
for (const c of connections) {
  env[`${c.toUpperCase()}_K1`] = `\${{azureml://connections/${c}/credentials/K1}}`;
  env[`${c.toUpperCase()}_M1`] = `\${{azureml://connections/${c}/metadata/M1}}`;
  env[`${c.toUpperCase()}_TARGET`] = `\${{azureml://connections/${c}/target}}`;
}
for (const [vault, secret, version] of vaultSecrets) env[`${vault.replace(/-/g, '_').toUpperCase()}_${secret.toUpperCase()}`] = `\${{keyvault:https://${vault}.vault.azure.net/secrets/${secret}/${version}}}`;
const references = Object.keys(env).length;
const deployment = [
  'name: green', 'endpoint_name: bench-ep', 'model: azureml:bench-model:1', 'environment: azureml:bench-env:1', 'instance_type: Standard_DS3_v2', 'instance_count: 1',
  'environment_variables:', ...Object.entries(env).map(([k, v]) => `  ${k}: ${v}`), '',
].join('\n');

/** One validate run against a fresh emulator with `latencyMs` per request: its request log and the action's exit code. */
async function measure(latencyMs) {
  const emulator = spawn(process.execPath, [join(root, 'test/emulator/cli.mjs'), '--scenario', join(root, 'bench/preflight.yml'), '--latency-ms', String(latencyMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const stop = () => emulator.kill('SIGTERM');
  process.on('exit', stop);
  const contract = await new Promise((resolve, reject) => {
    createInterface({ input: emulator.stdout }).once('line', (line) => resolve(JSON.parse(line)));
    emulator.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it was ready`)));
  });
  const workspace = mkdtempSync(join(tmpdir(), 'aod-preflight-'));
  writeFileSync(join(workspace, 'deployment.yml'), deployment);
  for (const f of ['output', 'summary']) writeFileSync(join(workspace, f), '');
  writeFileSync(join(workspace, 'event.json'), '{}');
  await fetch(`${contract.admin}/requests`, { method: 'DELETE' });
  const inputs = { ...contract.inputs, mode: 'validate', 'deployment-file': 'deployment.yml' };
  const started = performance.now();
  const action = spawn(process.execPath, [join(root, 'dist/index.js')], {
    cwd: workspace,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: join(workspace, 'output'), GITHUB_STEP_SUMMARY: join(workspace, 'summary'), GITHUB_EVENT_PATH: join(workspace, 'event.json'),
      ...contract.env, ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
    },
  });
  let log = '';
  action.stdout.setEncoding('utf8').on('data', (d) => (log += d));
  const code = await new Promise((resolve) => action.on('close', resolve));
  const totalMs = performance.now() - started;
  const requests = await (await fetch(`${contract.admin}/requests`)).json();
  stop();
  return { code, log, totalMs, requests, summary: readFileSync(join(workspace, 'summary'), 'utf8') };
}

const isSignIn = (r) => r.host === '127.0.0.1' || r.host.startsWith('login.');
/** Pre-flight: from the first read after sign-in to the end of the last request (a Key Vault token call in between belongs to it). */
function preflightOf(requests) {
  const firstRead = requests.find((r) => !isSignIn(r));
  const preflight = requests.filter((r) => firstRead && Date.parse(r.time) >= Date.parse(firstRead.time) && r.host !== '127.0.0.1');
  const start = Math.min(...preflight.map((r) => Date.parse(r.time)));
  const end = Math.max(...preflight.map((r) => Date.parse(r.time) + r.durationMs));
  return { preflight, start, wallMs: end - start };
}

// Round trips = what the latency adds to the pre-flight, divided by the latency: the emulator's own
// work (a CONNECT and a TLS handshake per proxied request, on a shared CPU) cancels out against a
// run without latency. Pairs are interleaved and the median taken, so machine noise hits both alike.
const pairs = Number(process.env.PREFLIGHT_PAIRS ?? 3);
const samples = [];
let run;
for (let i = 0; i < pairs; i++) {
  const base = await measure(0);
  run = await measure(latency);
  samples.push({ with: preflightOf(run.requests).wallMs, without: preflightOf(base.requests).wallMs });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const roundTrips = median(samples.map((x) => (x.with - x.without) / latency));
const { code, log, totalMs, requests } = run;
const { preflight, start } = preflightOf(run.requests);
const wallMs = median(samples.map((x) => x.with));
const baseWallMs = median(samples.map((x) => x.without));
const signIn = requests.filter((r) => isSignIn(r) && Date.parse(r.time) < start);
const ownLine = /Read \(nothing written\):.*?(\d+) request\(s\) in (\d+) ms/.exec(log);

const kind = (r) => {
  if (r.host.startsWith('login.')) return 'Entra token (Key Vault resource)';
  if (r.host.endsWith('.vault.azure.net')) return 'Key Vault secret versions (metadata)';
  const p = r.path.toLowerCase();
  if (p.endsWith('/listsecrets')) return 'connection listsecrets';
  if (p.includes('/roleassignments')) return 'role assignments (principal × scope)';
  if (p.includes('/roledefinitions/')) return 'role definitions';
  if (p.endsWith('/permissions')) return 'caller permissions (per scope)';
  if (p.includes('microsoft.keyvault/vaults/')) return 'vault (permission model)';
  if (p.includes('/vmsizes') || p.endsWith('/usages')) return 'VM sizes and usages';
  if (p.includes('userassignedidentities')) return 'user-assigned identity';
  if (/\/(models|environments|codes)\//.test(p)) return 'assets';
  return 'workspace, endpoint, deployments';
};
const byKind = new Map();
for (const r of preflight) byKind.set(kind(r), (byKind.get(kind(r)) ?? 0) + 1);

console.log(`validate pre-flight: ${references} references over ${connections.length} connections and 3 vaults (${vaultSecrets.length} distinct secrets), ${latency} ms injected latency per request`);
console.log(`  exit code ${code}; whole run ${Math.round(totalMs)} ms (Node start, sign-in, pre-flight, report)`);
console.log(`  sign-in: ${signIn.length} request(s) (GitHub OIDC on loopback, Entra)`);
console.log(`  pre-flight wall time (median): ${wallMs} ms with ${latency} ms latency, ${baseWallMs} ms without`);
console.log(`  round trips after sign-in: ${roundTrips.toFixed(2)} (median over ${pairs} pairs of (with − without) / ${latency} ms; samples ${samples.map((x) => ((x.with - x.without) / latency).toFixed(2)).join(', ')}; goal ≤ 4)`);
if (ownLine) console.log(`  the action's own count: ${ownLine[1]} request(s) in ${ownLine[2]} ms`);
console.log(`  pre-flight requests: ${preflight.length}`);
for (const [k, n] of [...byKind].sort((a, b) => b[1] - a[1])) console.log(`    ${String(n).padStart(3)}  ${k}`);
console.log(`  goal: one per distinct connection (${connections.length}), vault secret (${vaultSecrets.length}) and principal-scope pair (1 identity × 6 scopes), plus the fixed reads above`);
if (code !== 0) console.log(run.summary);
if (process.env.PREFLIGHT_TRACE) for (const r of requests) console.log(`${String(Date.parse(r.time) - start).padStart(6)} +${String(r.durationMs).padStart(4)} ${r.method} ${r.host}${r.path.slice(0, 140)}`);

// End-to-end rollout safety (issue 15) on Azure in a box, faults through the emulator's admin API:
// an operator's change mid-bake stops the run and is left alone; the post step restores through
// a run of 503s and honours rollback-on-failure: false; `timeout` caps a long Retry-After; secret
// values printed by a container in every usual form reach no output. Each case asserts the traffic
// the endpoint holds at the end (read from the emulator), the exit code, and no seeded secret.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, it } from 'node:test';
import { credential } from '../emulator/harness.ts';
import { proxyFetch } from '../emulator/proxy-fetch.ts';
import { admin, deploy, deploymentYaml, emulatorPerFile, KV_REF, requests, SECRET_VALUES, until, world, writes, type DeployRun, type Emu } from './deploy-harness.ts';
import { runnerLog } from '../../scripts/runner-log.ts';
import { shownLog } from './harness.ts';

const current = emulatorPerFile();
let emu: Emu;
beforeEach(() => {
  emu = current();
});

const green = (env?: Record<string, string>) => ({ 'ml/green.yml': deploymentYaml(emu, 'green', 'existing-ep', env) });
const traffic = async () => (await world(emu))['existing-ep']?.traffic;
const at = (map: Record<string, number>) => async () => JSON.stringify(await traffic()) === JSON.stringify(map);
/** The writes other than the post step's release of the killed run's lease (a PATCH of the endpoint's tags, docs/rollout.md §6). */
const writesBesidesLease = async () => (await writes(emu)).filter((w) => !(w.method === 'PATCH' && /\/onlineEndpoints\/existing-ep$/i.test(w.path)));
const trafficPuts = async () => (await writes(emu)).filter((w) => w.method === 'PUT' && /\/onlineEndpoints\/existing-ep$/i.test(w.path));

/** Every text the run produced, less the runner's own mask commands (the runner consumes them; they are never shown). */
function everything(run: { stdout: string; stderr: string; summary: string; outputs: Record<string, string> }): string {
  const files = ['sarif-file', 'plan-file'].map((k) => run.outputs[k]).filter((f): f is string => Boolean(f)).map((f) => readFileSync(f, 'utf8'));
  return [shownLog(run.stdout), run.stderr, run.summary, JSON.stringify(run.outputs), ...files].join('\n');
}

function assertNoSecret(run: Parameters<typeof everything>[0], secrets: readonly string[] = SECRET_VALUES): void {
  const all = everything(run);
  for (const s of secrets) assert.ok(!all.includes(s), `secret value ${s} leaked`);
}

/** The run read the first step back (core-lro's final GET of the endpoint after its PUT, then the action's read-back): it is baking now. */
async function readBackSeen(): Promise<boolean> {
  const log = await requests(emu);
  const put = log.findIndex((r) => r.method === 'PUT' && /\/onlineEndpoints\/existing-ep$/i.test(r.path));
  return put >= 0 && log.slice(put + 1).filter((r) => r.method === 'GET' && /\/onlineEndpoints\/existing-ep$/i.test(r.path) && r.status === 200).length >= 2;
}

/** An operator's emergency change, as `az ml online-endpoint update --traffic` sends it: a PUT of the endpoint. */
async function operatorSets(map: Record<string, number>): Promise<void> {
  const token = await credential(emu).getToken('https://management.azure.com/.default');
  const url = `https://management.azure.com/subscriptions/${emu.inputs['subscription-id']}/resourceGroups/${emu.inputs['resource-group']}/providers/Microsoft.MachineLearningServices/workspaces/${emu.inputs['workspace-name']}/onlineEndpoints/existing-ep?api-version=2026-09-01`;
  const headers = { authorization: `Bearer ${token?.token}`, 'content-type': 'application/json' };
  const live = JSON.parse((await proxyFetch(emu, url, { headers })).body) as { location: string; identity: unknown; tags?: unknown; properties: Record<string, unknown> };
  const body = { location: live.location, identity: live.identity, tags: live.tags ?? {}, properties: { authMode: live.properties.authMode, traffic: map } };
  const res = await proxyFetch(emu, url, { method: 'PUT', headers, body: JSON.stringify(body) });
  assert.ok(res.status < 300, `operator PUT answered ${res.status}: ${res.body}`);
  await until(async () => (await world(emu))['existing-ep'] !== undefined && JSON.stringify(await traffic()) === JSON.stringify(Object.fromEntries(Object.entries(map).filter(([, v]) => v !== 0))));
}

/** Another operation on the endpoint (a tag change with the traffic it holds), as another tool would start it. */
async function someoneUpdatesEndpoint(): Promise<void> {
  const token = await credential(emu).getToken('https://management.azure.com/.default');
  const url = `https://management.azure.com/subscriptions/${emu.inputs['subscription-id']}/resourceGroups/${emu.inputs['resource-group']}/providers/Microsoft.MachineLearningServices/workspaces/${emu.inputs['workspace-name']}/onlineEndpoints/existing-ep?api-version=2026-09-01`;
  const headers = { authorization: `Bearer ${token?.token}`, 'content-type': 'application/json' };
  const live = JSON.parse((await proxyFetch(emu, url, { headers })).body) as { location: string; identity: unknown; tags?: Record<string, string>; properties: Record<string, unknown> };
  const body = { location: live.location, identity: live.identity, tags: { ...(live.tags ?? {}), owner: 'someone-else' }, properties: { authMode: live.properties.authMode, traffic: live.properties.traffic } };
  const res = await proxyFetch(emu, url, { method: 'PUT', headers, body: JSON.stringify(body) });
  assert.ok(res.status < 300, `PUT answered ${res.status}: ${res.body}`);
}

/** A rollout killed outright (SIGKILL) at blue=90,green=10: the post step gets the state it saved. */
async function killedMidBake(inputs: Record<string, string> = {}): Promise<DeployRun> {
  let pid = 0;
  const running = deploy(emu, { 'deployment-file': 'ml/green.yml', 'rollout-steps': '10,50,100', 'bake-time': '30s', ...inputs }, green(), { onStart: (p) => (pid = p) });
  await until(at({ blue: 90, green: 10 }));
  process.kill(pid, 'SIGKILL');
  const run = await running;
  assert.equal(run.code, null);
  return run;
}

describe('deploy: someone else changes the traffic mid-rollout', () => {
  it('an operator sets blue=100 during the bake: the run stops non-zero, writes nothing more, and leaves blue=100', async () => {
    const running = deploy(emu, { 'deployment-file': 'ml/green.yml', 'rollout-steps': '10,50,100', 'bake-time': '8s' }, green());
    await until(readBackSeen);
    await operatorSets({ blue: 100, green: 0 });
    const run = await running;
    assert.equal(run.code, 1, run.stdout);
    assert.deepEqual(await traffic(), { blue: 100 });
    assert.equal((await trafficPuts()).length, 2, 'the first step and the operator; no later step, no rollback');
    const finding = run.annotations.find((a) => a.properties.title?.startsWith('traffic-changed-elsewhere'));
    assert.equal(finding?.command, 'error');
    assert.match(finding?.message ?? '', /Azure holds traffic blue=100, not blue=90,green=10 as this run left it/);
    assert.match(run.summary, /traffic-changed-elsewhere/);
    // The post step must not "restore" over the operator either.
    await admin(emu, 'DELETE', '/requests');
    const post = await run.post();
    assert.equal(post.code, 0, post.stdout);
    assert.deepEqual(await writes(emu), []);
    assert.deepEqual(await traffic(), { blue: 100 });
  });
});

describe('deploy: the post step restores without depending on luck', () => {
  it('eight 503s on the restore PUT: retried like the main step, blue=100 read back', async () => {
    const run = await killedMidBake();
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', method: 'PUT', path: '/onlineEndpoints/existing-ep$', status: 503, times: 8 });
    const post = await run.post();
    assert.equal(post.code, 0, post.stdout);
    assert.match(post.stdout, /Traffic of existing-ep is blue=100 again/);
    assert.deepEqual(await traffic(), { blue: 100 });
    assertNoSecret(post);
  });

  it('honours rollback-on-failure: false: the post step writes nothing', async () => {
    const run = await killedMidBake({ 'rollback-on-failure': 'false' });
    await admin(emu, 'DELETE', '/requests');
    const post = await run.post();
    assert.equal(post.code, 0, post.stdout);
    assert.match(post.stdout, /rollback-on-failure is false/);
    assert.deepEqual(await traffic(), { blue: 90, green: 10 });
    assert.deepEqual(await writesBesidesLease(), [], 'no traffic write');
    assert.match(post.stdout, /released the lease of this run on endpoint existing-ep/);
    assert.deepEqual(await traffic(), { blue: 90, green: 10 });
  });

  it('an operator who changed the traffic after the kill is not overwritten by the post step', async () => {
    const run = await killedMidBake();
    await operatorSets({ blue: 70, green: 30 });
    await admin(emu, 'DELETE', '/requests');
    const post = await run.post();
    assert.notEqual(post.code, 0);
    assert.match(post.stdout, /Azure holds blue=70,green=30, a map the main step never asked for/);
    assert.deepEqual(await writesBesidesLease(), [], 'no traffic write');
    assert.deepEqual(await traffic(), { blue: 70, green: 30 });
  });
});

describe('deploy: timeout caps Retry-After', () => {
  it('timeout: 20s with the deployment PUT throttled (Retry-After: 90): the run fails within its budget, traffic untouched', async () => {
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', method: 'PUT', path: '/deployments/green$', status: 429, retryAfter: 90, times: 0 });
    // The harness kills the action after 60 s: waiting out the 90 s would end with no exit code.
    const run = await deploy(emu, { 'deployment-file': 'ml/green.yml', traffic: 'blue=90,green=10', timeout: '20s' }, green(), { timeoutMs: 60_000 });
    assert.equal(run.code, 1, run.stdout);
    const failed = run.annotations.find((a) => a.properties.title?.startsWith('deployment-failed'));
    assert.match(failed?.message ?? '', /Deployment green: (DeadlineExceeded|TooManyRequests)/);
    assert.deepEqual(await traffic(), { blue: 100 });
  });
});

describe('deploy: a busy endpoint at deployment time', () => {
  it('another operation starts on the endpoint after the check: the deployment PUT meets 409 Updating, waits, and lands', async () => {
    await admin(emu, 'PATCH', '/knobs', { lro: { durationMs: 4000 } });
    // The deployment PUT is held 3 s on its way in; meanwhile someone else starts an endpoint update.
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', method: 'PUT', path: '/deployments/green$', latencyMs: 3000, times: 1 });
    const running = deploy(emu, { 'deployment-file': 'ml/green.yml', traffic: 'blue=90,green=10', timeout: '90s' }, green(), { timeoutMs: 120_000 });
    await until(async () => (await admin<Array<{ hits: number }>>(emu, 'GET', '/faults')).body[0]?.hits === 1);
    await someoneUpdatesEndpoint();
    const run = await running;
    assert.equal(run.code, 0, run.stdout);
    const puts = (await writes(emu)).filter((w) => /\/deployments\/green$/i.test(w.path)).map((w) => w.status);
    assert.equal(puts[0], 409, 'the first deployment PUT met the running operation');
    assert.ok(puts.at(-1) !== undefined && (puts.at(-1) ?? 0) < 300, `then landed: ${puts.join(',')}`);
    assert.deepEqual(await traffic(), { blue: 90, green: 10 });
    assert.equal((await world(emu))['existing-ep']?.deployments.green, 'Succeeded');
  });
});

describe('deploy: secret values never reach an output', () => {
  it('a container that prints its secrets in eleven forms, and a failure: no seeded value in the log, summary, outputs, annotations, SARIF or plan', async () => {
    const v = SECRET_VALUES[0] ?? '';
    const printed = [
      `DB_PASSWORD=${v}`,
      `declare -x DB_PASSWORD="${v}"`,
      `export 'DB_PASSWORD=${v}'`,
      `DB_PASSWORD: "${v}"`,
      `{"DB_PASSWORD": "${v}", "LOG_LEVEL": "info"}`,
      `environ({'DB_PASSWORD': '${v}', 'LOG_LEVEL': 'info'})`,
      `connecting with DB_PASSWORD: Server=db;User Id=app;Password=${v};Encrypt=true`,
      `DB_PASSWORD -> ${v}`,
      `- name: DB_PASSWORD`,
      `  value: ${v}`,
      'Traceback (most recent call last):',
      '  File "/var/azureml-app/score.py", line 9, in init',
      '    TABLE[os.environ["DB_PASSWORD"]]',
      `KeyError: '${v}'`,
    ].join('\n');
    await admin(emu, 'POST', '/role-assignments', { principal: 'endpoint:existing-ep', role: 'Key Vault Secrets User', scope: 'keyvault:demo-kv' });
    await admin(emu, 'PATCH', '/knobs', { deployments: { green: { failToStart: { code: 'ResourceNotReady', message: `Liveness probe failed`, logs: `${printed}\n` } } } });
    const run = await deploy(emu, { 'deployment-file': 'ml/green.yml', 'rollout-steps': '10,50,100', 'sarif-file': 'out/findings.sarif', 'plan-file': 'out/plan.json' }, green({ DB_PASSWORD: KV_REF, LOG_LEVEL: 'info' }));
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, /── InferenceServer \(last 50 lines\) ──/);
    assertNoSecret(run);
    const failed = run.annotations.find((a) => a.properties.title?.startsWith('deployment-failed'));
    assert.match(failed?.message ?? '', /ResourceNotReady: Liveness probe failed/);
    assert.doesNotMatch(failed?.message ?? '', /declare -x|KeyError/, 'container log lines stay in their log group');
    assert.deepEqual(await traffic(), { blue: 100 });
  });

  it('a connection secret the run read (listsecrets) and a service error that quotes it: masked before it is printed, redacted from every report output', async () => {
    const key = SECRET_VALUES[1] ?? '';
    await admin(emu, 'POST', '/role-assignments', { principal: 'endpoint:existing-ep', role: 'Azure Machine Learning Workspace Connection Secrets Reader', scope: 'workspace' });
    await admin(emu, 'PATCH', '/knobs', { deployments: { green: { failToStart: { code: 'ResourceNotReady', message: `Liveness probe failed: the model server rejected key ${key}`, logs: 'starting\n' } } } });
    const run = await deploy(emu, { 'deployment-file': 'ml/green.yml', 'rollout-steps': '10,100', 'sarif-file': 'out/findings.sarif' }, green({ OPENAI_KEY: '${{azureml://connections/aoai_connection/credentials/key}}' }));
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, new RegExp(`::add-mask::${key}`), 'registered as a mask');
    assert.ok(!runnerLog(run.stdout, { expandGroups: true }).includes(key), 'masked before any line printed it');
    assertNoSecret({ ...run, stdout: runnerLog(run.stdout, { expandGroups: true }) });
    assert.match(run.summary, /Liveness probe failed: the model server rejected key \*\*\*/);
    assert.deepEqual(await traffic(), { blue: 100 });
  });
});

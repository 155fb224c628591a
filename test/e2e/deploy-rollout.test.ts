// End-to-end: gated traffic shifting on Azure in a box. A green deployment joins existing-ep (blue
// serving 100 %) in steps; gates (smoke, comparison, metrics) hold each step; a failed gate, a
// cancelled run (SIGINT) or a killed process ends with blue back at 100 %, read back from the
// emulator, and nothing else moved.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { credential } from '../emulator/harness.ts';
import { proxyFetch } from '../emulator/proxy-fetch.ts';
import { admin, deploy, deploymentYaml, emulatorPerFile, until, world, writes, type Emu } from './deploy-harness.ts';

const current = emulatorPerFile();
let emu: Emu;
beforeEach(() => {
  emu = current();
});

const green = () => ({ 'ml/green.yml': deploymentYaml(emu, 'green', 'existing-ep'), 'ml/request.json': '{"data": [[1, 2, 3]]}' });
const gated = { 'deployment-file': 'ml/green.yml', 'rollout-steps': '10,50,100', 'smoke-request-file': 'ml/request.json' };
const trafficPuts = async () => (await writes(emu)).filter((w) => w.method === 'PUT' && /\/onlineEndpoints\/existing-ep$/i.test(w.path));

describe('deploy: gated rollout', () => {
  it('moves green 10 → 50 → 100 with smoke and comparison gates, each step read back, and shows the timeline', async () => {
    const run = await deploy(emu, { ...gated, 'bake-time': '1s' }, green());
    assert.equal(run.code, 0, run.stdout);
    const held = (await world(emu))['existing-ep'];
    assert.deepEqual(held?.traffic, { green: 100 });
    assert.deepEqual(held?.deployments, { blue: 'Succeeded', green: 'Succeeded' });
    assert.equal((await trafficPuts()).length, 3);
    assert.match(run.stdout, /Read back: traffic blue=90,green=10/);
    assert.match(run.stdout, /Read back: traffic blue=50,green=50/);
    assert.match(run.summary, /### Timeline/);
    assert.match(run.summary, /\| Gate smoke: green 50 % \| ✅ ok \| [\d.]+ m?s \| HTTP 200 \|/);
    assert.match(run.summary, /\| Gate comparison: green 10 % \| ✅ ok \| [\d.]+ m?s \| green answers like blue/);
    assert.deepEqual(JSON.parse(run.outputs.traffic ?? '{}'), { green: 100 });
    assert.equal(run.outputs['deployment-name'], 'green');
  });

  it('a broken new deployment is caught by the smoke gate at 0 % before any traffic moves, and deleted (it never served)', async () => {
    await admin(emu, 'PATCH', '/knobs', { deployments: { green: { scoring: 'error', errorStatus: 500 } } });
    const samples: Array<Record<string, number> | undefined> = [];
    const running = deploy(emu, { 'deployment-file': 'ml/green.yml', 'smoke-request-file': 'ml/request.json', traffic: 'all' }, green());
    let done = false;
    void running.then(() => (done = true));
    while (!done) {
      samples.push((await world(emu))['existing-ep']?.traffic);
      await new Promise((r) => setTimeout(r, 200));
    }
    const run = await running;
    assert.equal(run.code, 1, run.stdout);
    assert.ok(samples.every((t) => JSON.stringify(t) === JSON.stringify({ blue: 100 })), `traffic moved: ${JSON.stringify(samples)}`);
    assert.deepEqual(await trafficPuts(), [], 'no traffic write');
    const gate = run.annotations.find((a) => a.properties.title?.startsWith('rollout-gate-failed'));
    assert.match(gate?.message ?? '', /before any traffic moved: smoke gate failed at green 0 % \(before any traffic\)/);
    assert.deepEqual((await world(emu))['existing-ep']?.deployments, { blue: 'Succeeded' });
  });

  it('smoke 5xx at step 2: rolls back to blue 100 % exactly, annotates the deployment file, green keeps no traffic', async () => {
    const running = deploy(emu, { ...gated, 'bake-time': '3s' }, green());
    await until(async () => (await trafficPuts()).length >= 2);
    await admin(emu, 'PATCH', '/knobs', { deployments: { green: { scoring: 'error', errorStatus: 500 } } });
    const run = await running;
    assert.equal(run.code, 1);
    const held = (await world(emu))['existing-ep'];
    assert.deepEqual(held?.traffic, { blue: 100 });
    assert.deepEqual(held?.deployments, { blue: 'Succeeded' }, 'green, new and rolled back, never serves again: deleted');
    const gate = run.annotations.find((a) => a.properties.title?.startsWith('rollout-gate-failed'));
    assert.equal(gate?.command, 'error');
    assert.equal(gate?.properties.file, 'ml/green.yml');
    assert.match(gate?.message ?? '', /smoke gate failed at green 50 %: HTTP (500|424)/);
    assert.match(run.summary, /↩️ rolled back/);
    assert.match(run.summary, /Rolled back: smoke gate failed at green 50 %/);
    assert.deepEqual(JSON.parse(run.outputs.traffic ?? '{}'), { blue: 100 });
    assert.match(run.summary, /some changes were written/i);
  });

  it('a metrics gate with no data is inconclusive and, with on-no-data: fail, rolls back', async () => {
    const run = await deploy(emu, { 'deployment-file': 'ml/green.yml', 'rollout-steps': '50,100', 'max-error-rate': '5%', 'min-request-count': '5', 'metrics-ingestion-delay': '3s' }, green());
    assert.equal(run.code, 1, run.stdout);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { blue: 100 });
    assert.match(run.summary, /\| Gate metrics: green 50 % \| ❔ inconclusive \| [\d.]+ m?s \| no data: 0 request\(s\) in the window/);
    const gate = run.annotations.find((a) => a.properties.title?.startsWith('rollout-gate-failed'));
    assert.match(gate?.message ?? '', /metrics gate inconclusive \(on-no-data: fail\)/);
  });

  /** Live traffic while green bakes at 50 %: sequential scoring requests with the endpoint key, routed by the traffic weights. */
  async function liveTraffic(count: number): Promise<void> {
    const token = await credential(emu).getToken('https://management.azure.com/.default');
    const base = `https://management.azure.com/subscriptions/${emu.inputs['subscription-id']}/resourceGroups/${emu.inputs['resource-group']}/providers/Microsoft.MachineLearningServices/workspaces/${emu.inputs['workspace-name']}/onlineEndpoints/existing-ep`;
    const keys = await proxyFetch(emu, `${base}/listKeys?api-version=2026-09-01`, { method: 'POST', headers: { authorization: `Bearer ${token?.token}` } });
    const key = (JSON.parse(keys.body) as { primaryKey: string }).primaryKey;
    // The endpoint answers 404 while its traffic update is still running: count only requests a deployment served.
    for (let served = 0, tries = 0; served < count && tries < 2000; tries++) {
      const r = await proxyFetch(emu, 'https://existing-ep.eastus.inference.ml.azure.com/score', { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: '{"data": [1]}' });
      if (r.headers['azureml-model-deployment']) served++;
      else await new Promise((done) => setTimeout(done, 20));
    }
  }

  // The emulator's fast profile ingests metrics 2 s after a request: the gate waits 3 s after each bake.
  const metricsGate = { 'deployment-file': 'ml/green.yml', 'rollout-steps': '50,100', 'max-error-rate': '5%', 'max-latency-p99-ms': '2000', 'min-request-count': '5', 'bake-time': '6s', 'metrics-ingestion-delay': '3s' };

  /** Deploys while users keep sending requests from green's first step on (Azure Monitor's grain is a minute, so each step needs its own). */
  async function deployWithUsers(inputs: Record<string, string>, timeoutMs?: number): ReturnType<typeof deploy> {
    let finished = false;
    const running = deploy(emu, inputs, green(), { timeoutMs }).finally(() => (finished = true));
    await until(async () => (await world(emu))['existing-ep']?.traffic.green === 50);
    const users = (async () => {
      while (!finished) await liveTraffic(5);
    })();
    const run = await running;
    await users;
    return run;
  }

  it('a metrics gate with enough healthy requests passes, from Azure Monitor', async () => {
    const run = await deployWithUsers(metricsGate);
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { green: 100 });
    assert.match(run.summary, /\| Gate metrics: green 50 % \| ✅ ok \| [\d.]+ m?s \| \d+ requests, error rate 0 %, P99 \d+ ms \|/);
  });

  it('with Azure Monitor ingesting 8 s late, the metrics gate waits for the window, says so, and passes a healthy deployment under on-no-data: fail', async () => {
    // Judged right after its 4 s bake (no wait), the window would show no request yet and be rolled back as "no data".
    await admin(emu, 'PATCH', '/knobs', { metrics: { ingestionDelaySeconds: 8, timeScale: 1 } });
    const run = await deployWithUsers({ ...metricsGate, 'bake-time': '4s', 'metrics-ingestion-delay': '9s', timeout: '150s' }, 170_000);
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { green: 100 });
    assert.match(run.stdout, /green 50 %: waiting \d+ s for Azure Monitor to ingest the window's metrics \(metrics-ingestion-delay 9 s\); judging at \d\d:\d\d:\d\d UTC\./);
    assert.match(run.summary, /\| Gate metrics: green 50 % \| ✅ ok \| [\d.]+ m?s \| \d+ requests, error rate 0 %, P99 \d+ ms \|/);
  });

  it('a metrics gate over the error rate rolls back', async () => {
    const running = deploy(emu, metricsGate, green());
    await until(async () => (await world(emu))['existing-ep']?.traffic.green === 50);
    await admin(emu, 'PATCH', '/knobs', { deployments: { green: { scoring: 'error', errorStatus: 500 } } });
    await liveTraffic(40);
    const run = await running;
    assert.equal(run.code, 1, run.stdout);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { blue: 100 });
    const gate = run.annotations.find((a) => a.properties.title?.startsWith('rollout-gate-failed'));
    assert.match(gate?.message ?? '', /metrics gate failed at green 50 %: error rate 100 % > 5 %/);
  });

  it('on-no-data: pass lets the rollout through, and the timeline still says inconclusive', async () => {
    const run = await deploy(emu, { 'deployment-file': 'ml/green.yml', 'rollout-steps': '50,100', 'max-error-rate': '5%', 'on-no-data': 'pass' }, green());
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { green: 100 });
    assert.match(run.summary, /❔ inconclusive/);
  });

  it('mirrors a share to green before any live traffic, then shifts', async () => {
    const run = await deploy(emu, { ...gated, 'rollout-steps': '50,100', 'mirror-percent': '20' }, green());
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /Read back: traffic blue=100, mirror green=20/);
    const held = (await world(emu))['existing-ep'];
    assert.deepEqual([held?.traffic, held?.mirror], [{ green: 100 }, {}]);
  });
});

describe('deploy: a cancelled or killed rollout leaves traffic where it was', () => {
  it('SIGINT mid-rollout sends the restore before exit; the post step verifies it', async () => {
    let pid = 0;
    const running = deploy(emu, { ...gated, 'bake-time': '20s' }, green(), { onStart: (p) => (pid = p) });
    await until(async () => JSON.stringify((await world(emu))['existing-ep']?.traffic) === JSON.stringify({ blue: 90, green: 10 }));
    process.kill(pid, 'SIGINT');
    const run = await running;
    assert.notEqual(run.code, 0);
    assert.match(run.stdout, /Received SIGINT mid-rollout: sending the restore of traffic blue=100/);
    const post = await run.post();
    assert.equal(post.code, 0, post.stdout);
    assert.match(post.stdout, /Traffic of existing-ep is blue=100 again/);
    const held = (await world(emu))['existing-ep'];
    assert.deepEqual([held?.traffic, held?.mirror], [{ blue: 100 }, {}]);
  });

  it('the post step finishes the restore of a main step that was killed outright', async () => {
    let pid = 0;
    const running = deploy(emu, { ...gated, 'bake-time': '20s' }, green(), { onStart: (p) => (pid = p) });
    await until(async () => JSON.stringify((await world(emu))['existing-ep']?.traffic) === JSON.stringify({ blue: 90, green: 10 }));
    process.kill(pid, 'SIGKILL');
    const run = await running;
    assert.equal(run.code, null);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { blue: 90, green: 10 }, 'the killed step restored nothing');
    const post = await run.post();
    assert.equal(post.code, 0, post.stdout);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { blue: 100 });
  });

  it('after a finished rollout the post step does nothing', async () => {
    const run = await deploy(emu, { 'deployment-file': 'ml/green.yml', traffic: 'blue=80,green=20' }, green());
    assert.equal(run.code, 0, run.stdout);
    await admin(emu, 'DELETE', '/requests');
    const post = await run.post();
    assert.equal(post.code, 0);
    assert.deepEqual(await writes(emu), []);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { blue: 80, green: 20 });
  });
});

describe('deploy: long operations and short-lived tokens', () => {
  it('GitHub ID tokens expire halfway through a long deployment: fresh ones are asked for, the deployment lands', async () => {
    // The deployment lasts 8 s of wall-clock time (the realistic profile takes the longer of this and its recorded duration).
    await admin(emu, 'PATCH', '/knobs', { lro: { durationMs: 8000 }, tokens: { accessTokenLifetimeSeconds: 3, idTokenLifetimeSeconds: 2 } });
    const run = await deploy(emu, { 'deployment-file': 'ml/green.yml', traffic: 'blue=90,green=10' }, green());
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { blue: 90, green: 10 });
    const log = await admin<Array<{ host: string; path: string }> | { requests: Array<{ host: string; path: string }> }>(emu, 'GET', '/requests');
    const list = Array.isArray(log.body) ? log.body : log.body.requests;
    assert.ok(list.filter((r) => /oauth2\/v2\.0\/token/.test(r.path)).length >= 2, 'more than one token exchange');
  });
});

// End-to-end concurrency (issue 15 item 4, docs/rollout.md §6) on Azure in a box: two deploys of one
// endpoint at once never mix their traffic (the endpoint's traffic is sampled throughout: every map
// is one of run A's or run B's); the second waits for the first's lease, then stops before writing
// (plan-stale: the first moved the traffic it planned from) or, with lease-wait 0, at once
// (endpoint-leased); an expired lease is taken over with a notice; validate shows a live lease and
// writes nothing; a cancelled run releases its lease, and the post step releases a killed run's.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { credential } from '../emulator/harness.ts';
import { proxyFetch } from '../emulator/proxy-fetch.ts';
import { admin, deploy, deploymentYaml, emulatorPerFile, ENDPOINT, until, world, writes, type Emu } from './deploy-harness.ts';

const LEASE = 'azureml-online-deploy.lease';
const current = emulatorPerFile();
let emu: Emu;
beforeEach(() => {
  emu = current();
});

const files = (name: string) => ({ [`ml/${name}.yml`]: deploymentYaml(emu, name, 'existing-ep') });
const traffic = async () => (await world(emu))['existing-ep']?.traffic ?? {};
const same = (a: Record<string, number>) => (b: Record<string, number>) => JSON.stringify(a) === JSON.stringify(b);

async function tags(endpoint = 'existing-ep'): Promise<Record<string, string>> {
  const { body } = await admin<{ onlineEndpoints: Array<{ name: string; tags?: Record<string, string> }> }>(emu, 'GET', '/state');
  return body.onlineEndpoints.find((e) => e.name === endpoint)?.tags ?? {};
}

/** Another tool's tag update of the endpoint (a PATCH with the whole map). */
async function patchTags(update: (t: Record<string, string>) => Record<string, string>): Promise<void> {
  const token = await credential(emu).getToken('https://management.azure.com/.default');
  const url = `https://management.azure.com/subscriptions/${emu.inputs['subscription-id']}/resourceGroups/${emu.inputs['resource-group']}/providers/Microsoft.MachineLearningServices/workspaces/${emu.inputs['workspace-name']}/onlineEndpoints/existing-ep?api-version=2026-09-01`;
  const res = await proxyFetch(emu, url, { method: 'PATCH', headers: { authorization: `Bearer ${token?.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ tags: update(await tags()) }) });
  assert.equal(res.status, 200, res.body);
}

/** Samples the endpoint's traffic until `done` settles; returns every distinct map seen, in order. */
function sampleTraffic(done: Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  let finished = false;
  void done.finally(() => (finished = true));
  return (async () => {
    while (!finished) {
      const map = JSON.stringify(await traffic());
      if (seen.at(-1) !== map) seen.push(map);
      await new Promise((r) => setTimeout(r, 100));
    }
    seen.push(JSON.stringify(await traffic()));
    return [...new Set(seen)];
  })();
}

const RUN_A = { GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_RUN_ID: '1001', GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'deploy' };
const RUN_B = { GITHUB_REPOSITORY: 'octo-org/octo-repo', GITHUB_RUN_ID: '2002', GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'deploy' };
const A_MAPS = [{ blue: 100 }, { blue: 50, green: 50 }, { green: 100 }].map((m) => JSON.stringify(m));
const B_MAPS = [{ blue: 100 }, { blue: 50, red: 50 }, { red: 100 }, { green: 50, red: 50 }].map((m) => JSON.stringify(m));

describe('deploy: two runs of one endpoint at once', () => {
  for (const [wait, expect] of [['60s', 'waits for the first, then stops before writing (plan-stale)'], ['0', 'stops at once (endpoint-leased)']] as const) {
    it(`with lease-wait ${wait}, the second ${expect}; traffic never mixes, exit codes are honest`, async () => {
      const a = deploy(emu, { 'deployment-file': 'ml/green.yml', 'rollout-steps': '50,100', 'bake-time': '3s' }, files('green'), { env: RUN_A });
      const sampled = sampleTraffic(a);
      await until(async () => (await tags())[LEASE]?.startsWith('octo-org/octo-repo/runs/1001/attempts/1/jobs/deploy#') ?? false);
      const b = await deploy(emu, { 'deployment-file': 'ml/red.yml', 'rollout-steps': '50,100', 'lease-wait': wait }, files('red'), { env: RUN_B });
      const first = await a;
      const maps = await sampled;

      assert.equal(first.code, 0, first.stdout);
      assert.notEqual(b.code, 0, b.stdout);
      for (const m of maps) assert.ok(A_MAPS.includes(m) || B_MAPS.includes(m), `sampled ${m}: a mix of both runs (seen ${maps.join(' → ')})`);
      assert.ok(maps.every((m) => A_MAPS.includes(m)), `only run A moved traffic: ${maps.join(' → ')}`);
      assert.match(b.stdout, /Endpoint existing-ep is leased by octo-org\/octo-repo\/runs\/1001\/attempts\/1\/jobs\/deploy#\w+ until/);
      const rule = wait === '0' ? 'endpoint-leased' : 'plan-stale';
      assert.ok(b.annotations.some((c) => c.message.includes(rule) || (c.properties?.title ?? '').includes(rule)), `B stopped with ${rule}: ${b.annotations.map((c) => c.message).join(' | ')}`);
      const red = (await writes(emu)).filter((w) => /\/deployments\/red$/i.test(w.path));
      assert.deepEqual(red, [], 'B never wrote its deployment');
      assert.equal((await world(emu))['existing-ep']?.deployments.red, undefined);
      assert.deepEqual(await traffic(), { green: 100 });
      assert.equal((await tags())[LEASE], undefined, 'both released their lease');
    });
  }
});

describe('deploy: two runs started at the same moment', () => {
  it('both may see no lease: one holds it, the other backs off, waits, then stops before writing; traffic never mixes', async () => {
    const a = deploy(emu, { 'deployment-file': 'ml/green.yml', 'rollout-steps': '50,100', 'bake-time': '2s', 'lease-wait': '60s' }, files('green'), { env: RUN_A });
    const b = deploy(emu, { 'deployment-file': 'ml/red.yml', 'rollout-steps': '50,100', 'bake-time': '2s', 'lease-wait': '60s' }, files('red'), { env: RUN_B });
    const maps = await sampleTraffic(Promise.all([a, b]));
    const runs = [await a, await b];
    const winner = runs.findIndex((r) => r.code === 0);
    assert.ok(winner >= 0, `one run succeeded: ${runs.map((r) => r.stdout).join('\n----\n')}`);
    const loser = runs[1 - winner];
    assert.notEqual(loser?.code, 0, 'the other did not');
    const [won, lost] = winner === 0 ? [A_MAPS, 'red'] : [[{ blue: 100 }, { blue: 50, red: 50 }, { red: 100 }].map((m) => JSON.stringify(m)), 'green'];
    for (const m of maps) assert.ok(won.includes(m), `sampled ${m}: not one of the winner's maps (seen ${maps.join(' → ')})`);
    assert.match(loser?.stdout ?? '', /is leased by octo-org\/octo-repo\/runs\/(1001|2002)\//);
    assert.deepEqual((await writes(emu)).filter((w) => new RegExp(`/deployments/${lost}$`, 'i').test(w.path)), [], 'the loser never wrote its deployment');
    assert.equal((await tags())[LEASE], undefined, 'both released their lease');
  });
});

describe('deploy: a new endpoint', () => {
  it('the lease travels in the create PUT (no tag write before it), the file\'s tags stay, and it is released at the end', async () => {
    const running = deploy(emu, { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml' }, { 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep') });
    let seen = '';
    const watch = until(async () => (seen = (await tags('shop-ep'))[LEASE] ?? '') !== '', 30_000);
    const run = await running;
    await watch.catch(() => assert.fail(`the endpoint never carried the lease: ${run.stdout}`));
    assert.equal(run.code, 0, run.stdout);
    assert.match(seen, /^contoso\/ml-service\/runs\/42\/attempts\/1\/jobs\/deploy#\w+ until \d{4}-/);
    const first = (await writes(emu)).find((w) => /\/onlineEndpoints\/shop-ep/i.test(w.path));
    assert.equal(first?.method, 'PUT', 'the first write of the endpoint is its create PUT');
    const held = await tags('shop-ep');
    assert.equal(held.team, 'ml');
    assert.equal(held[LEASE], undefined);
  });
});

describe('deploy: a lease left behind', () => {
  it('an expired lease of a dead run is taken over with a notice naming it; the run succeeds and releases', async () => {
    await patchTags((t) => ({ ...t, [LEASE]: 'octo-org/octo-repo/runs/7/attempts/1/jobs/deploy#dead until 2026-01-01T00:00:00.000Z' }));
    const run = await deploy(emu, { 'deployment-file': 'ml/green.yml', traffic: 'all' }, files('green'));
    assert.equal(run.code, 0, run.stdout);
    assert.ok(run.annotations.some((c) => c.command === 'notice' && /taking over the lease of octo-org\/octo-repo\/runs\/7\/attempts\/1\/jobs\/deploy#dead, which expired at 2026-01-01T00:00:00.000Z/.test(c.message)), run.stdout);
    assert.deepEqual(await traffic(), { green: 100 });
    assert.equal((await tags())[LEASE], undefined);
  });

  it('validate shows a live lease as a notice and writes nothing; the lease never shows as a change', async () => {
    const until2 = new Date(Date.now() + 3_600_000).toISOString();
    await patchTags((t) => ({ ...t, [LEASE]: `octo-org/octo-repo/runs/8/attempts/1/jobs/deploy#live until ${until2}` }));
    const before = (await writes(emu)).length;
    const run = await deploy(emu, { mode: 'validate', 'deployment-file': 'ml/green.yml' }, files('green'));
    assert.equal(run.code, 0, run.stdout);
    assert.ok(run.annotations.some((c) => c.command === 'notice' && /Endpoint existing-ep is leased by octo-org\/octo-repo\/runs\/8\/attempts\/1\/jobs\/deploy#live until/.test(c.message)), run.stdout);
    assert.equal((await writes(emu)).length, before);
    assert.doesNotMatch(run.stdout, /update endpoint existing-ep/);
  });
});

describe('deploy: a cancelled or killed run does not keep the endpoint', () => {
  const gated = { 'deployment-file': 'ml/green.yml', 'rollout-steps': '10,50,100', 'bake-time': '30s' };

  it('SIGINT mid-bake: the restore is sent and the lease released before exit', async () => {
    let pid = 0;
    const running = deploy(emu, gated, files('green'), { onStart: (p) => (pid = p) });
    await until(async () => same({ blue: 90, green: 10 })(await traffic()));
    assert.ok((await tags())[LEASE], 'the run holds the lease while it rolls out');
    process.kill(pid, 'SIGINT');
    const run = await running;
    assert.notEqual(run.code, 0);
    assert.deepEqual(await traffic(), { blue: 100 });
    assert.equal((await tags())[LEASE], undefined, run.stdout);
    const post = await run.post();
    assert.equal(post.code, 0, post.stdout);
    assert.equal((await tags())[LEASE], undefined);
  });

  it('SIGKILL mid-bake: the post step restores the traffic and releases the lease', async () => {
    let pid = 0;
    const running = deploy(emu, gated, files('green'), { onStart: (p) => (pid = p) });
    await until(async () => same({ blue: 90, green: 10 })(await traffic()));
    process.kill(pid, 'SIGKILL');
    const run = await running;
    assert.equal(run.code, null);
    assert.ok((await tags())[LEASE], 'a killed run leaves its lease');
    const post = await run.post();
    assert.equal(post.code, 0, post.stdout);
    assert.match(post.stdout, /released the lease of this run on endpoint existing-ep/);
    assert.deepEqual(await traffic(), { blue: 100 });
    assert.equal((await tags())[LEASE], undefined);
  });
});

// End-to-end: one plan, from validate to deploy (docs/architecture.md §5). What validate plans is
// exactly what deploy writes, read back from the emulator; a re-plan after the deploy says no
// change; traffic plans show what Azure holds afterwards; labels resolve; an endpoint that could
// not be read is never treated as missing; an approved plan that no longer matches Azure is refused.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, it } from 'node:test';
import { seededRandom } from '../fixtures/random.ts';
import { ENDPOINT, admin, deploy, deploymentYaml, emulatorPerFile, world, writes, type Emu } from './deploy-harness.ts';

const current = emulatorPerFile();
let emu: Emu;
beforeEach(() => {
  emu = current();
});

interface PlanOut {
  requests: Array<{ change?: string; diff?: string[]; resource?: { kind: string; name: string }; body?: { properties?: { model?: string } } }>;
  traffic?: { before: Record<string, number>; after: Record<string, number>; steps: Array<{ traffic: Record<string, number> }> };
}

const validate = (inputs: Record<string, string>, files: Record<string, string>) => deploy(emu, { ...inputs, mode: 'validate' }, files);
const planOf = (run: { outputs: Record<string, string> }): PlanOut => JSON.parse(run.outputs.plan ?? '{}') as PlanOut;
const diffOf = (run: { outputs: Record<string, string> }, name: string): string[] => planOf(run).requests.find((r) => r.resource?.name === name)?.diff ?? [];

async function liveDeployment(endpoint: string, name: string): Promise<{ tags?: Record<string, string>; properties?: { environmentVariables?: Record<string, string>; model?: string } }> {
  const { body } = await admin<{ onlineEndpoints: Array<{ name: string; tags?: Record<string, string>; deployments: Array<{ name: string; properties?: { environmentVariables?: Record<string, string>; model?: string } }> }> }>(emu, 'GET', '/state');
  const ep = body.onlineEndpoints.find((e) => e.name === endpoint);
  return ep?.deployments.find((d) => d.name === name) ?? {};
}

async function liveEndpointTags(endpoint: string): Promise<Record<string, string>> {
  const { body } = await admin<{ onlineEndpoints: Array<{ name: string; tags?: Record<string, string> }> }>(emu, 'GET', '/state');
  return body.onlineEndpoints.find((e) => e.name === endpoint)?.tags ?? {};
}

describe('one plan: validate plans exactly what deploy writes', () => {
  const inputs = { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'all' };

  it('after a deploy, validate and a re-deploy say changes=false and write nothing; a removed variable, a case change and a dropped tag are planned, written and read back', async () => {
    const first = { 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep', { LOG_LEVEL: 'info', MODE: 'fast' }) };
    assert.equal((await deploy(emu, inputs, first)).code, 0);

    const check = await validate(inputs, first);
    assert.equal(check.code, 0, check.stdout);
    assert.equal(check.outputs.changes, 'false', check.stdout);
    await admin(emu, 'DELETE', '/requests');
    const again = await deploy(emu, inputs, first);
    assert.equal(again.code, 0, again.stdout);
    assert.deepEqual(await writes(emu), [], 'the re-deploy wrote nothing');
    assert.equal(again.outputs.changes, 'false');

    // Remove LOG_LEVEL, change MODE's case, drop the endpoint's tag.
    const edited = { 'ml/endpoint.yml': ENDPOINT.replace('tags:\n  team: ml\n', ''), 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep', { MODE: 'FAST' }) };
    const plan = await validate(inputs, edited);
    assert.equal(plan.outputs.changes, 'true');
    assert.deepEqual(diffOf(plan, 'blue'), ['properties.environmentVariables.LOG_LEVEL: − info', 'properties.environmentVariables.MODE: fast → FAST']);
    assert.deepEqual(diffOf(plan, 'shop-ep'), ['tags.team: − ml']);
    const applied = await deploy(emu, inputs, edited);
    assert.equal(applied.code, 0, applied.stdout);
    assert.deepEqual((await liveDeployment('shop-ep', 'blue')).properties?.environmentVariables, { MODE: 'FAST' });
    assert.equal((await liveEndpointTags('shop-ep')).team, undefined, 'the dropped tag is gone');
    assert.equal((await liveEndpointTags('shop-ep'))['github.commit'], '0123abcd', 'the trace tags stay');
    const replan = await validate(inputs, edited);
    assert.equal(replan.outputs.changes, 'false', replan.stdout);
  });

  it('traffic: the plan shows the traffic Azure holds afterwards (explicit map and rollout steps)', async () => {
    const files = { 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep'), 'ml/green.yml': deploymentYaml(emu, 'green', 'shop-ep') };
    assert.equal((await deploy(emu, { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'blue=100' }, files)).code, 0);
    const same = await validate({ 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'blue=100' }, files);
    assert.deepEqual(planOf(same).traffic?.after, { blue: 100 });
    assert.equal(same.outputs.changes, 'false');

    const steps = { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/green.yml', 'rollout-steps': '10,100' };
    const planned = await validate(steps, files);
    assert.deepEqual(planOf(planned).traffic?.steps.map((s) => s.traffic), [{ blue: 90, green: 10 }, { green: 100 }]);
    assert.match(planned.summary, /blue=100 → blue=90,green=10 → green=100; a rollback restores blue=100/);
    const rolled = await deploy(emu, steps, files);
    assert.equal(rolled.code, 0, rolled.stdout);
    assert.deepEqual((await world(emu))['shop-ep']?.traffic, planOf(planned).traffic?.after);

    const back = { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'blue=100' };
    const plannedBack = await validate(back, files);
    assert.deepEqual(planOf(plannedBack).traffic?.after, { blue: 100 });
    assert.equal((await deploy(emu, back, files)).code, 0);
    assert.deepEqual((await world(emu))['shop-ep']?.traffic, { blue: 100 });
  });

  it('a traffic input naming no deployment is refused by validate, and deploy writes nothing', async () => {
    const files = { 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep') };
    const planned = await validate({ 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'blue=50,ghost=50' }, files);
    assert.equal(planned.code, 1);
    assert.ok(planned.annotations.some((a) => a.properties.title?.startsWith('traffic') && /'ghost'/.test(a.message)), planned.stdout);
    const run = await deploy(emu, { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'blue=50,ghost=50' }, files);
    assert.equal(run.code, 1);
    assert.deepEqual(await writes(emu), [], 'no endpoint or deployment was created before the refusal');
  });

  it('model: azureml:demo-model@latest is resolved in validate, shown in the plan and deployed', async () => {
    const files = { 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep').replace('azureml:demo-model:1', 'azureml:demo-model@latest') };
    const planned = await validate(inputs, files);
    assert.equal(planned.code, 0, planned.stdout);
    const model = planOf(planned).requests.find((r) => r.resource?.name === 'blue')?.body?.properties?.model ?? '';
    assert.match(model, /\/models\/demo-model\/versions\/1$/);
    const run = await deploy(emu, inputs, files);
    assert.equal(run.code, 0, run.stdout);
    assert.match((await liveDeployment('shop-ep', 'blue')).properties?.model ?? '', /\/models\/demo-model\/versions\/1$/i);
  });

  it('an endpoint validate could not read is not missing: deploy stops before writing, and the traffic stays', async () => {
    const before = (await world(emu))['existing-ep']?.traffic;
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', method: 'GET', path: '/onlineEndpoints/existing-ep$', status: 500, times: 0 });
    const files = { 'ml/endpoint.yml': ENDPOINT.replace('shop-ep', 'existing-ep'), 'ml/blue.yml': deploymentYaml(emu, 'blue', 'existing-ep') };
    const run = await deploy(emu, { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml' }, files, { timeoutMs: 120_000 });
    assert.equal(run.code, 1, run.stdout);
    assert.ok(run.annotations.some((a) => a.properties.title?.startsWith('resource-unreadable')), run.stdout);
    assert.doesNotMatch(run.stdout, /Creating endpoint/);
    assert.deepEqual(await writes(emu), []);
    await admin(emu, 'DELETE', '/faults');
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, before);
  });

  it('an approved plan that no longer matches Azure is refused before any write', async () => {
    const files = { 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep') };
    assert.equal((await deploy(emu, inputs, files)).code, 0);
    const edited = { ...files, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep', { LOG_LEVEL: 'debug' }) };
    const approved = await validate(inputs, edited);
    const planText = readFileSync(approved.outputs['plan-file'] ?? '', 'utf8');
    // The approved plan, executed as approved: it passes.
    const exact = await validate({ ...inputs, 'expected-plan': 'approved-plan.json' }, { ...edited, 'approved-plan.json': planText });
    assert.equal(exact.code, 0, exact.stdout);
    // Another writer changes the deployment before the approved deploy runs.
    assert.equal((await deploy(emu, inputs, { ...files, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep', { LOG_LEVEL: 'warning' }) })).code, 0);
    await admin(emu, 'DELETE', '/requests');
    const run = await deploy(emu, { ...inputs, 'expected-plan': 'approved-plan.json' }, { ...edited, 'approved-plan.json': planText });
    assert.equal(run.code, 1, run.stdout);
    const finding = run.annotations.find((a) => a.properties.title?.startsWith('plan-stale'));
    assert.ok(finding, run.stdout);
    assert.match(finding.message, /blue: the field changes differ/);
    assert.deepEqual(await writes(emu), []);
    assert.equal((await liveDeployment('shop-ep', 'blue')).properties?.environmentVariables?.LOG_LEVEL, 'warning');
  });
});

describe('one plan: generated edits of a deployed file', () => {
  const inputs = { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'all' };
  const SEED = Number(process.env.PLAN_SEED ?? 14);

  it(`after each deploy the live deployment equals the file and validate says changes=false (seed ${SEED})`, async () => {
    const random = seededRandom(SEED);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    let env: Record<string, string> = { LOG_LEVEL: 'info', MODE: 'fast' };
    let count = 1;
    for (let round = 0; round < 3; round++) {
      const edit = pick(['add', 'remove', 'case', 'value', 'count'] as const);
      const names = Object.keys(env);
      if (edit === 'add') env = { ...env, [`VAR_${round}`]: `v${Math.floor(random() * 100)}` };
      else if (edit === 'remove' && names.length > 1) env = Object.fromEntries(Object.entries(env).filter(([k]) => k !== pick(names)));
      else if (edit === 'case') env = Object.fromEntries(Object.entries(env).map(([k, v]) => [k, k === names[0] ? (v === v.toUpperCase() ? v.toLowerCase() : v.toUpperCase()) : v]));
      else if (edit === 'value') env = { ...env, [pick(names)]: `x${round}` };
      else count = count === 1 ? 2 : 1;
      const files = { 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep', env).replace('instance_count: 1', `instance_count: ${count}`) };
      const run = await deploy(emu, inputs, files);
      assert.equal(run.code, 0, `${edit}: ${run.stdout}`);
      assert.deepEqual((await liveDeployment('shop-ep', 'blue')).properties?.environmentVariables, env, `round ${round} (${edit})`);
      const replan = await validate(inputs, files);
      assert.equal(replan.outputs.changes, 'false', `round ${round} (${edit}): ${replan.stdout}`);
    }
  });
});

describe('releases that clean up after themselves (keep-deployments)', () => {
  it('four releases with a new deployment name each leave the serving one and the newest idle one; validate plans each deletion', async () => {
    const release = (n: number) => ({ 'ml/green.yml': deploymentYaml(emu, `green-${n}`, 'existing-ep') });
    for (let n = 1; n <= 4; n++) {
      const inputs = { 'deployment-file': 'ml/green.yml', traffic: 'all' };
      const planned = await validate(inputs, release(n));
      const deletions = planOf(planned).requests.filter((r) => r.change === 'delete').map((r) => r.resource?.name);
      assert.deepEqual(deletions, n === 1 ? [] : [n === 2 ? 'blue' : `green-${n - 2}`], `release ${n}: ${planned.stdout}`);
      const run = await deploy(emu, inputs, release(n));
      assert.equal(run.code, 0, run.stdout);
      const held = (await world(emu))['existing-ep'];
      assert.deepEqual(held?.traffic, { [`green-${n}`]: 100 });
      assert.deepEqual(Object.keys(held?.deployments ?? {}).sort(), n === 1 ? ['blue', 'green-1'] : [`green-${n - 1}`, `green-${n}`], `release ${n}`);
    }
  });

  it('keep-deployments: all keeps every deployment; 0 deletes every idle one', async () => {
    const files = { 'ml/green.yml': deploymentYaml(emu, 'green', 'existing-ep') };
    assert.equal((await deploy(emu, { 'deployment-file': 'ml/green.yml', traffic: 'all', 'keep-deployments': 'all' }, files)).code, 0);
    assert.deepEqual(Object.keys((await world(emu))['existing-ep']?.deployments ?? {}).sort(), ['blue', 'green']);
    assert.equal((await deploy(emu, { 'deployment-file': 'ml/green.yml', traffic: 'all', 'keep-deployments': '0' }, files)).code, 0);
    assert.deepEqual(Object.keys((await world(emu))['existing-ep']?.deployments ?? {}), ['green']);
  });
});

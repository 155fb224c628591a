// End-to-end: mode delete against Azure in a box (docs/teardown.md) — a pull-request preview endpoint
// created on open and deleted on close (read back 404, the `deleted` output, the timeline), the
// close re-run on an endpoint that is gone (a notice, exit 0), validate with teardown: true and the
// approved plan, what serves traffic refused with no DELETE sent, force-delete, a 500 on the GET
// that stops before any write, and faults on the DELETE itself. Each test asserts what the emulator
// finally holds and which writes it served.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, it } from 'node:test';
import { ENDPOINT, SECRET_VALUES, admin, deploy, deploymentYaml, emulatorPerFile, requests, world, writes, type DeployRun, type Emu } from './deploy-harness.ts';

const current = emulatorPerFile();
let emu: Emu;
beforeEach(() => {
  emu = current();
});

function assertNoSecrets(run: DeployRun): void {
  const all = run.stdout + run.stderr + run.summary + JSON.stringify(run.outputs);
  for (const secret of SECRET_VALUES) assert.ok(!all.includes(secret), `secret value ${secret} leaked`);
}

const annotation = (run: DeployRun, rule: string, command?: string) => run.annotations.find((a) => a.properties.title?.startsWith(rule) && (!command || a.command === command));
interface PlanOut { requests: Array<{ method: string; change?: string; path: string; diff?: string[]; resource?: { kind: string; name: string } }>; traffic?: { steps: unknown[] } }
const planOf = (run: DeployRun): PlanOut => JSON.parse(run.outputs.plan ?? '{}') as PlanOut;

const PR = 'pr-7-shop';
const files = () => ({ 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep') });
const open = { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', set: `endpoint:name=${PR}\nendpoint_name=${PR}`, traffic: 'all' };
const close = { mode: 'delete', 'endpoint-file': 'ml/endpoint.yml', set: `name=${PR}`, 'force-delete': 'true' };

describe('mode delete: a pull-request preview endpoint', () => {
  it('is created on open and deleted on close (validated and planned first, read back 404); a re-run of the close is a notice and exit 0', async () => {
    const opened = await deploy(emu, open, files());
    assert.equal(opened.code, 0, opened.stdout);
    assert.deepEqual((await world(emu))[PR], { traffic: { blue: 100 }, mirror: {}, deployments: { blue: 'Succeeded' } });

    // The teardown plan, read-only: one DELETE of the endpoint, its deployment listed as going with it.
    await admin(emu, 'DELETE', '/requests');
    const planned = await deploy(emu, { ...close, mode: 'validate', teardown: 'true' }, files());
    assert.equal(planned.code, 0, planned.stdout);
    assert.deepEqual(await writes(emu), [], 'validate sends no write');
    const plan = planOf(planned);
    assert.deepEqual(plan.requests.map((r) => `${r.method} ${r.change} ${r.resource?.kind} ${r.resource?.name}`), [`DELETE delete endpoint ${PR}`]);
    assert.deepEqual(plan.requests[0]?.diff, ['deployment blue: deleted with the endpoint (serves 100 % of live traffic)']);
    assert.equal(planned.outputs.changes, 'true');
    assert.ok(annotation(planned, 'delete-serving', 'notice'), planned.stdout);

    // The close, executing the approved plan.
    await admin(emu, 'DELETE', '/requests');
    const planText = readFileSync(planned.outputs['plan-file'] ?? '', 'utf8');
    const closed = await deploy(emu, { ...close, 'expected-plan': 'approved.json' }, { ...files(), 'approved.json': planText });
    assert.equal(closed.code, 0, closed.stdout);
    assert.equal((await world(emu))[PR], undefined, 'the endpoint is gone');
    const log = await requests(emu);
    const del = log.findIndex((r) => r.method === 'DELETE' && new RegExp(`/onlineEndpoints/${PR}$`).test(r.path.split('?')[0] ?? ''));
    assert.ok(del >= 0 && log[del]?.status === 202, JSON.stringify(log));
    assert.deepEqual((await writes(emu)).map((w) => w.method), ['DELETE'], 'one DELETE, nothing else written');
    assert.ok(log.slice(del).some((r) => r.method === 'GET' && new RegExp(`/onlineEndpoints/${PR}$`).test(r.path.split('?')[0] ?? '') && r.status === 404), 'read back: 404');
    // The first status poll comes one interval after the DELETE (the SDK's schedule, docs/rollout.md §1), so a quick
    // operation may show only its end state: the wait is visible by its poll line either way.
    assert.match(closed.stdout, /Delete endpoint pr-7-shop: (Updating|Deleting|Succeeded) \(0:\d\d elapsed\)/, 'the wait is visible');
    const deleted = JSON.parse(closed.outputs.deleted ?? '[]') as Array<{ kind: string; name: string; id: string; deployments?: string[] }>;
    assert.deepEqual(deleted.map((d) => [d.kind, d.name, d.deployments]), [['endpoint', PR, ['blue']]]);
    assert.match(deleted[0]?.id ?? '', new RegExp(`^/subscriptions/[^/]+/resourceGroups/[^/]+/providers/Microsoft\\.MachineLearningServices/workspaces/[^/]+/onlineEndpoints/${PR}$`));
    assert.match(closed.summary, /Apply: delete endpoint pr-7-shop and its deployment\(s\) blue/);
    assert.match(closed.summary, /deleted \(read back: 404\)/);
    assert.match(closed.summary, /Deleted \(read back: 404\): endpoint pr-7-shop with its deployment\(s\) blue/);
    assert.equal(closed.outputs['scoring-uri'], undefined, 'no scoring URI of a deleted endpoint');
    assertNoSecrets(closed);

    // pull_request: closed, re-run: nothing to delete.
    await admin(emu, 'DELETE', '/requests');
    const again = await deploy(emu, close, files());
    assert.equal(again.code, 0, again.stdout);
    assert.ok(annotation(again, 'already-deleted', 'notice'), again.stdout);
    assert.deepEqual(await writes(emu), [], 'no DELETE for what is gone');
    assert.equal(again.outputs.deleted, '[]');
    assert.equal(again.outputs.changes, 'false');
    assertNoSecrets(again);
  });

  it('an endpoint that serves traffic is refused without force-delete, and no DELETE is sent', async () => {
    const run = await deploy(emu, { mode: 'delete', 'endpoint-file': 'ml/endpoint.yml', set: 'name=existing-ep' }, files());
    assert.equal(run.code, 1, run.stdout);
    const refused = annotation(run, 'delete-serving', 'error');
    assert.ok(refused, run.stdout);
    assert.match(refused.message, /Endpoint existing-ep serves traffic \(blue=100\)/);
    assert.equal(refused.properties.file, 'ml/endpoint.yml');
    assert.deepEqual(await writes(emu), []);
    assert.deepEqual((await world(emu))['existing-ep'], { traffic: { blue: 100 }, mirror: {}, deployments: { blue: 'Succeeded' } });
    assert.match(run.summary, /nothing was written to Azure/i);
    assertNoSecrets(run);
  });
});

describe('mode delete: deployments only', () => {
  it('an idle deployment goes without force; a serving one is refused, then with force-delete its share goes first', async () => {
    const green = { 'ml/green.yml': deploymentYaml(emu, 'green', 'existing-ep') };
    assert.equal((await deploy(emu, { 'deployment-file': 'ml/green.yml' }, green)).code, 0);
    assert.deepEqual((await world(emu))['existing-ep']?.deployments, { blue: 'Succeeded', green: 'Succeeded' });

    await admin(emu, 'DELETE', '/requests');
    const idle = await deploy(emu, { mode: 'delete', 'deployment-file': 'ml/green.yml' }, green);
    assert.equal(idle.code, 0, idle.stdout);
    assert.deepEqual((await world(emu))['existing-ep'], { traffic: { blue: 100 }, mirror: {}, deployments: { blue: 'Succeeded' } });
    assert.deepEqual((await writes(emu)).map((w) => `${w.method} ${w.path.split('?')[0]?.split('/').slice(-2).join('/')}`), ['DELETE deployments/green']);
    assert.deepEqual(JSON.parse(idle.outputs.deleted ?? '[]').map((d: { name: string }) => d.name), ['green']);
    assert.deepEqual(JSON.parse(idle.outputs.traffic ?? '{}'), { blue: 100 }, 'the endpoint that stays, read back');

    const blue = { 'ml/blue.yml': deploymentYaml(emu, 'blue', 'existing-ep') };
    await admin(emu, 'DELETE', '/requests');
    const refused = await deploy(emu, { mode: 'delete', 'deployment-file': 'ml/blue.yml' }, blue);
    assert.equal(refused.code, 1, refused.stdout);
    assert.match(annotation(refused, 'delete-serving', 'error')?.message ?? '', /Deployment blue serves 100 % of live traffic of endpoint existing-ep/);
    assert.equal(annotation(refused, 'delete-serving', 'error')?.properties.file, 'ml/blue.yml');
    assert.deepEqual(await writes(emu), [], 'no DELETE sent');

    const forced = await deploy(emu, { mode: 'delete', 'deployment-file': 'ml/blue.yml', 'force-delete': 'true' }, blue);
    assert.equal(forced.code, 0, forced.stdout);
    assert.deepEqual((await writes(emu)).map((w) => w.method), ['PUT', 'DELETE'], 'traffic first, then the DELETE');
    assert.deepEqual((await world(emu))['existing-ep'], { traffic: {}, mirror: {}, deployments: {} });
    assert.match(forced.summary, /Apply: traffic \(none\) \(before the delete\)/);
    assertNoSecrets(forced);
  });
});

describe('mode delete: what Azure answers', () => {
  it('a caller that may only read is refused before any DELETE (caller-cannot-delete)', async () => {
    const state = await admin<{ roleAssignments: Array<{ name: string; roleName: string }> }>(emu, 'GET', '/state');
    const contributor = state.body.roleAssignments.find((a) => a.roleName === 'Contributor');
    assert.ok(contributor);
    await admin(emu, 'DELETE', `/role-assignments/${contributor.name}`);
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Reader', scope: 'resourceGroup' });
    const run = await deploy(emu, { mode: 'delete', 'endpoint-file': 'ml/endpoint.yml', set: 'name=existing-ep', 'force-delete': 'true' }, files());
    assert.equal(run.code, 1, run.stdout);
    assert.match(annotation(run, 'caller-cannot-delete', 'error')?.message ?? '', /lacks Microsoft\.MachineLearningServices\/workspaces\/onlineEndpoints\/delete/);
    assert.deepEqual(await writes(emu), []);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { blue: 100 });
  });

  it('a 500 on the GET of the endpoint stops before any write (unreadable is not missing)', async () => {
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', method: 'GET', path: '/onlineEndpoints/existing-ep$', status: 500, times: 0 });
    const run = await deploy(emu, { mode: 'delete', 'endpoint-file': 'ml/endpoint.yml', set: 'name=existing-ep', 'force-delete': 'true' }, files(), { timeoutMs: 120_000 });
    await admin(emu, 'DELETE', '/faults');
    assert.equal(run.code, 1, run.stdout);
    assert.ok(annotation(run, 'resource-unreadable', 'error'), run.stdout);
    assert.ok(!annotation(run, 'already-deleted'), 'never taken for deleted');
    assert.deepEqual(await writes(emu), []);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { blue: 100 });
  });

  it('a refused DELETE fails the run honestly: the error, what Azure still holds, nothing written', async () => {
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', method: 'DELETE', path: '/onlineEndpoints/existing-ep$', status: 409, times: 0 });
    const run = await deploy(emu, { mode: 'delete', 'endpoint-file': 'ml/endpoint.yml', set: 'name=existing-ep', 'force-delete': 'true' }, files());
    await admin(emu, 'DELETE', '/faults');
    assert.equal(run.code, 1, run.stdout);
    const failed = annotation(run, 'deployment-failed', 'error');
    assert.match(failed?.message ?? '', /Deleting endpoint existing-ep failed \(InjectedFault: .*\); it still exists \(Succeeded\)/);
    assert.match(run.summary, /nothing was written to Azure/i);
    assert.equal(run.outputs.deleted, '[]');
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { blue: 100 });
  });

  it('a DELETE answered 500 until the timeout fails the run honestly, and the endpoint is still there', async () => {
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', method: 'DELETE', path: '/onlineEndpoints/existing-ep$', status: 500, times: 0 });
    const run = await deploy(emu, { mode: 'delete', 'endpoint-file': 'ml/endpoint.yml', set: 'name=existing-ep', 'force-delete': 'true', timeout: '6s' }, files());
    await admin(emu, 'DELETE', '/faults');
    assert.equal(run.code, 1, run.stdout);
    assert.match(annotation(run, 'deployment-failed', 'error')?.message ?? '', /Deleting endpoint existing-ep failed \(InternalServerError: .*\); it still exists/);
    assert.ok((await writes(emu)).filter((w) => w.method === 'DELETE').every((w) => w.status === 500), 'every DELETE answered 500');
    assert.match(run.summary, /nothing was written to Azure/i);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { blue: 100 });
  });

  it('a DELETE answered 503 once is sent again and succeeds', async () => {
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', method: 'DELETE', path: '/onlineEndpoints/existing-ep$', status: 503, times: 1 });
    const run = await deploy(emu, { mode: 'delete', 'endpoint-file': 'ml/endpoint.yml', set: 'name=existing-ep', 'force-delete': 'true' }, files());
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual((await writes(emu)).map((w) => `${w.method} ${w.status}`), ['DELETE 503', 'DELETE 202']);
    assert.equal((await world(emu))['existing-ep'], undefined);
  });
});

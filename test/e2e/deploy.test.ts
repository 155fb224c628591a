// End-to-end: mode deploy against Azure in a box on the realistic timing profile — create endpoint
// and deployment (system- and user-assigned identity), idempotent re-run, polls no more often than
// azure-ai-ml and each terminal state reported within one of its intervals, Key Vault access of a
// new identity with and without grant-missing-roles, failures of the endpoint and deployment
// operations with logs and annotations, 429 storms. Each test asserts the traffic map and
// deployments the emulator finally holds.
import assert from 'node:assert/strict';
import { beforeEach, describe, it } from 'node:test';
import { SDK_POLL_INTERVAL_MS, HEARTBEAT_MS } from '../../src/apply/lro.ts';
import { ENDPOINT, KV_REF, REALISTIC_SCALE, SECRET_VALUES, UAI_ENDPOINT, admin, deploy, deploymentYaml, emulatorPerFile, operations, requests, world, writes, type Emu } from './deploy-harness.ts';

const current = emulatorPerFile();
let emu: Emu;
beforeEach(() => {
  emu = current();
});

function assertNoSecrets(run: { stdout: string; stderr: string; summary: string; outputs: Record<string, string> }): void {
  const all = run.stdout + run.stderr + run.summary + JSON.stringify(run.outputs);
  for (const secret of SECRET_VALUES) assert.ok(!all.includes(secret), `secret value ${secret} leaked`);
}

describe('deploy: endpoint and deployment', () => {
  it('creates a system-assigned endpoint and its deployment, sends 100 % to it, reads it back; a re-run writes nothing', async () => {
    const files = { 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep') };
    const inputs = { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'all' };
    const run = await deploy(emu, inputs, files);
    assert.equal(run.code, 0, run.stdout);
    const held = await world(emu);
    assert.deepEqual(held['shop-ep'], { traffic: { blue: 100 }, mirror: {}, deployments: { blue: 'Succeeded' } });
    assert.deepEqual(held['existing-ep']?.traffic, { blue: 100 }, 'nothing else moved');
    assert.deepEqual(JSON.parse(run.outputs.traffic ?? '{}'), { blue: 100 });
    assert.equal(run.outputs['endpoint-name'], 'shop-ep');
    assert.equal(run.outputs['scoring-uri'], 'https://shop-ep.eastus.inference.ml.azure.com/score');
    assert.match(run.stdout, /Deployment blue: Updating \(0:0\d elapsed\)/); // the recorded status vocabulary
    // Traceability tags on what was written.
    const state = await admin<{ onlineEndpoints: Array<{ name: string; tags: Record<string, string>; deployments: Array<{ name: string; tags: Record<string, string> }> }> }>(emu, 'GET', '/state');
    const ep = state.body.onlineEndpoints.find((e) => e.name === 'shop-ep');
    assert.equal(ep?.tags['github.commit'], '0123abcd');
    assert.equal(ep?.tags.team, 'ml');
    assert.equal(ep?.deployments[0]?.tags['github.run'], 'https://github.com/contoso/ml-service/actions/runs/42');
    // The ids a later step chains on, as read back.
    assert.match(run.outputs['endpoint-id'] ?? '', /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+\/onlineEndpoints\/shop-ep$/);
    assert.equal(run.outputs['deployment-id'], `${run.outputs['endpoint-id']}/deployments/blue`);
    assert.match(run.outputs['endpoint-principal-id'] ?? '', /^[0-9a-f-]{36}$/);
    assert.ok(JSON.stringify(ep).includes(run.outputs['endpoint-principal-id'] ?? '-'), "the endpoint's system-assigned identity");

    await admin(emu, 'DELETE', '/requests');
    const again = await deploy(emu, inputs, files);
    assert.equal(again.code, 0, again.stdout);
    assert.deepEqual(await writes(emu), [], 'the re-run sent no write');
    assert.match(again.summary, /Nothing to change/);
  });

  it('creates a user-assigned endpoint whose deployment resolves a Key Vault reference', async () => {
    const files = { 'ml/endpoint.yml': UAI_ENDPOINT(emu), 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-uai-ep', { DB_PASSWORD: KV_REF }) };
    const run = await deploy(emu, { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'blue=100' }, files);
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual((await world(emu))['shop-uai-ep'], { traffic: { blue: 100 }, mirror: {}, deployments: { blue: 'Succeeded' } });
    assertNoSecrets(run);
  });
});

describe("deploy on Azure's clock (realistic profile: recorded durations, no Retry-After)", () => {
  it('polls each operation no more often than azure-ai-ml and reports each terminal state within one of its intervals', async (t) => {
    const files = { 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep') };
    const run = await deploy(emu, { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'all' }, files);
    assert.equal(run.code, 0, run.stdout);
    const ops = await operations(emu);
    assert.deepEqual(ops.map((o) => [o.id.slice(0, 3), o.status]), [['oe:', 'Succeeded'], ['od:', 'Succeeded'], ['oe:', 'Succeeded']], 'endpoint create, deployment create, traffic update');
    const log = await requests(emu);
    for (const op of ops) {
      const kind = op.id.startsWith('od:') ? 'deployment' : 'endpoint';
      const interval = SDK_POLL_INTERVAL_MS[kind] * REALISTIC_SCALE;
      const start = Date.parse(op.startTime);
      const end = Date.parse(op.endTime ?? '');
      const polls = log.filter((r) => r.method === 'GET' && /\/mfeOperation(sStatus|Results)\//i.test(r.path) && decodeURIComponent(r.path).toLowerCase().endsWith(op.id.toLowerCase()));
      // azure-core waits one interval before each poll: ceil(D / interval) status GETs for an operation of D.
      const sdk = Math.ceil((end - start) / interval);
      assert.ok(polls.length >= 1 && polls.length <= sdk, `${op.id.slice(0, 3)} ${kind}: ${polls.length} status GETs, the SDK sends ${sdk} for ${end - start} ms`);
      // The poll that saw the end, and the log line that reported it: within one interval of the end, plus that
      // poll's own round trip and a little for the runner's pipe (a loaded machine).
      // (A poll can itself end the operation: it arrived before the end and was answered after it.)
      const seen = polls.find((r) => Date.parse(r.time) + r.durationMs >= end);
      assert.ok(seen, `a poll after the end of ${op.id}`);
      const line = run.lines.find((l) => l.at >= end && /: (Succeeded|Failed|Canceled) \(\d+:\d\d elapsed\)$/.test(l.text));
      assert.ok(line, `a log line reporting the end of ${op.id}`);
      const late = line.at - end;
      t.diagnostic(`${op.id.slice(0, 3)} ${kind}: ${end - start} ms, ${polls.length} status GETs (the SDK: ${sdk}), reported ${late} ms after the end (interval ${interval} ms)`);
      assert.ok(late <= interval + seen.durationMs + 500, `${kind} end reported ${late} ms after it (interval ${interval} ms, poll ${seen.durationMs} ms): ${line.text}`);
      // One line per state change plus a heartbeat, never one per poll.
      const label = line.text.replace(/: \w+ \(\d+:\d\d elapsed\)$/, '');
      const printed = run.lines.filter((l) => l.at >= start && l.at <= line.at && l.text.startsWith(`${label}: `) && / \(\d+:\d\d elapsed\)$/.test(l.text)).length;
      assert.ok(printed <= 2 + Math.ceil((end - start) / (HEARTBEAT_MS * REALISTIC_SCALE)), `${printed} lines for ${label}`);
      if (polls.length > 4) assert.ok(printed < polls.length, `${printed} lines for ${polls.length} polls`);
    }
  });
});

describe('deploy: a new system identity and Key Vault', () => {
  const files = (emu: Emu) => ({ 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep', { DB_PASSWORD: KV_REF, LOG_LEVEL: 'info' }) });

  it('without grant-missing-roles: fails before anything is written, with the exact command, on the line of the reference', async () => {
    const run = await deploy(emu, { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'all' }, files(emu));
    assert.equal(run.code, 1);
    const finding = run.annotations.find((a) => a.properties.title?.startsWith('endpoint-identity-cannot-read-keyvault'));
    assert.ok(finding, run.stdout);
    assert.equal(finding.properties.file, 'ml/blue.yml');
    assert.equal(finding.properties.line, '8');
    assert.match(finding.message, /grant-missing-roles: true/);
    assert.match(finding.message, /az role assignment create --assignee-object-id .* --assignee-principal-type ServicePrincipal --role "Key Vault Secrets User" --scope \/subscriptions\/.*\/vaults\/demo-kv/);
    assert.equal((await world(emu))['shop-ep'], undefined, 'no endpoint was created');
    assert.deepEqual(await writes(emu), []);
  });

  it('with grant-missing-roles: assigns Key Vault Secrets User (principalType set) and the deployment resolves the secret', async () => {
    const run = await deploy(emu, { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'all', 'grant-missing-roles': 'true' }, files(emu));
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual((await world(emu))['shop-ep'], { traffic: { blue: 100 }, mirror: {}, deployments: { blue: 'Succeeded' } });
    const assignment = (await writes(emu)).find((w) => /roleAssignments/i.test(w.path));
    assert.match(assignment?.path ?? '', /vaults\/demo-kv\/providers\/Microsoft\.Authorization\/roleAssignments\//i);
    assertNoSecrets(run);
  });
});

describe('deploy: failures are reported where they happen, and nothing else moves', () => {
  it('a failing endpoint operation: deployment-failed on the endpoint file, no deployment started', async () => {
    // The deployer reads connection secrets only under an ABAC condition that does not hold: the permissions API
    // lists the action (validate passes, with a notice at most), but the service refuses it and fails the endpoint LRO.
    const enforced = `${ENDPOINT}properties:\n  enforce_access_to_default_secret_stores: enabled\n`;
    const state = await admin<{ roleAssignments: Array<{ name: string; roleName: string }> }>(emu, 'GET', '/state');
    const contributor = state.body.roleAssignments.find((a) => a.roleName === 'Contributor');
    assert.ok(contributor);
    await admin(emu, 'DELETE', `/role-assignments/${contributor.name}`);
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Contributor', scope: 'resourceGroup', condition: "@Request[Microsoft.MachineLearningServices/workspaces/connections:name] StringEquals 'none'", conditionHolds: false });
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'ML Endpoint Operator', scope: 'resourceGroup' });
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Reader', scope: 'resourceGroup' });
    const run = await deploy(emu, { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'all' }, { 'ml/endpoint.yml': enforced, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep') });
    assert.equal(run.code, 1, run.stdout);
    const failed = run.annotations.find((a) => a.properties.title?.startsWith('deployment-failed'));
    assert.equal(failed?.properties.file, 'ml/endpoint.yml', run.stdout);
    assert.match(failed?.message ?? '', /Endpoint shop-ep: UserError: .*listsecrets/);
    const held = await world(emu);
    assert.deepEqual(held['shop-ep']?.deployments, {});
    assert.deepEqual(held['existing-ep']?.traffic, { blue: 100 });
  });

  it('a deployment that fails to start: logs of both containers, deployment-failed with the code and remedy, traffic untouched', async () => {
    // The scoring script prints its environment before it crashes: the injected value must not reach the run log.
    const printed = `DB_PASSWORD=${SECRET_VALUES[0]}\nenviron({'DB_PASSWORD': '${SECRET_VALUES[0]}', 'LOG_LEVEL': 'info'})\n`;
    await admin(emu, 'POST', '/role-assignments', { principal: 'endpoint:existing-ep', role: 'Key Vault Secrets User', scope: 'keyvault:demo-kv' });
    await admin(emu, 'PATCH', '/knobs', { deployments: { green: { failToStart: { code: 'ResourceNotReady', message: 'Liveness probe failed', logs: `${printed}Traceback (most recent call last):\nModuleNotFoundError: No module named sklearn\n` } } } });
    const run = await deploy(emu, { 'deployment-file': 'ml/green.yml', 'rollout-steps': '10,50,100' }, { 'ml/green.yml': deploymentYaml(emu, 'green', 'existing-ep', { DB_PASSWORD: KV_REF, LOG_LEVEL: 'info' }) });
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, /DB_PASSWORD=\*\*\*/);
    assertNoSecrets(run);
    const failed = run.annotations.find((a) => a.properties.title?.startsWith('deployment-failed'));
    assert.equal(failed?.properties.file, 'ml/green.yml');
    assert.equal(failed?.properties.line, '1');
    assert.match(failed?.message ?? '', /ResourceNotReady: Liveness probe failed/);
    assert.match(failed?.message ?? '', /init\(\) of the scoring script/);
    assert.match(run.stdout, /── StorageInitializer \(last 50 lines\) ──/);
    assert.match(run.stdout, /ModuleNotFoundError: No module named sklearn/);
    const held = (await world(emu))['existing-ep'];
    assert.deepEqual(held?.traffic, { blue: 100 });
    assert.equal(held?.deployments.green, undefined, 'the new deployment never served: it was deleted');
    assert.ok((await writes(emu)).some((w) => w.method === 'DELETE' && /\/deployments\/green$/i.test(w.path)));
    assert.match(run.summary, /Apply: delete deployment green \(failed, never served\) \| ✅ ok/);
  });

  it('keep-failed-deployment: a deployment that fails to start is kept for debugging, and the summary says how to delete it', async () => {
    await admin(emu, 'PATCH', '/knobs', { deployments: { green: { failToStart: { code: 'ResourceNotReady', message: 'Liveness probe failed', logs: 'boom\n' } } } });
    const run = await deploy(emu, { 'deployment-file': 'ml/green.yml', 'keep-failed-deployment': 'true' }, { 'ml/green.yml': deploymentYaml(emu, 'green', 'existing-ep') });
    assert.equal(run.code, 1, run.stdout);
    assert.equal((await world(emu))['existing-ep']?.deployments.green, 'Failed');
    assert.ok(!(await writes(emu)).some((w) => w.method === 'DELETE'));
    assert.match(run.summary, /az ml online-deployment delete --name green --endpoint-name existing-ep --yes/);
  });

  it('SecretsInjectionError (the contract\'s text names no variable): every secret reference is annotated as a possible cause, on its line', async () => {
    // The grant is visible at once but grants only after 10 minutes: the one retry cannot help either.
    await admin(emu, 'PATCH', '/knobs', { rbac: { propagationSeconds: 600 } });
    const files = { 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep', { DB_PASSWORD: KV_REF, LOG_LEVEL: 'info' }) };
    const run = await deploy(emu, { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'all', 'grant-missing-roles': 'true', timeout: '20s' }, files);
    assert.equal(run.code, 1, run.stdout);
    assert.match(run.stdout, /Retrying once in \d+ s/);
    const failures = run.annotations.filter((a) => a.properties.title?.startsWith('deployment-failed'));
    assert.equal(failures.length, 1, 'LOG_LEVEL is no reference: only DB_PASSWORD is a possible cause');
    const failed = failures[0];
    assert.match(failed?.message ?? '', /Deployment blue: SecretsInjectionError: .*DB_PASSWORD is a possible cause/);
    assert.equal(failed?.properties.line, '8');
    assert.match(failed?.message ?? '', /Key Vault Secrets User/);
    const held = (await world(emu))['shop-ep'];
    assert.deepEqual([held?.traffic, held?.deployments], [{}, {}], 'the new deployment never served: deleted');
    assertNoSecrets(run);
  });

  it('a role that propagates within the retry delay: the one retry succeeds', async () => {
    await admin(emu, 'PATCH', '/knobs', { rbac: { propagationSeconds: 3 } });
    const files = { 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': deploymentYaml(emu, 'blue', 'shop-ep', { DB_PASSWORD: KV_REF }) };
    const run = await deploy(emu, { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'all', 'grant-missing-roles': 'true', timeout: '40s' }, files);
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual((await world(emu))['shop-ep'], { traffic: { blue: 100 }, mirror: {}, deployments: { blue: 'Succeeded' } });
    assertNoSecrets(run);
  });

  it('a 429 storm on ARM: retried within the budget, the deployment still lands', async () => {
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', path: '/onlineEndpoints/existing-ep', status: 429, retryAfter: 0, times: 6 });
    const run = await deploy(emu, { 'deployment-file': 'ml/green.yml', traffic: 'blue=50,green=50' }, { 'ml/green.yml': deploymentYaml(emu, 'green', 'existing-ep') });
    assert.equal(run.code, 0, run.stdout);
    assert.deepEqual((await world(emu))['existing-ep']?.traffic, { blue: 50, green: 50 });
  });
});

// Checks added for issue 17 item 4, end to end (`node dist/index.js`, the validate world): a Key
// Vault secret name typo gets "did you mean" from the vault's secret names (one names listing, no
// value read), and a credential referenced as metadata says so. docs/online-checks.md.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { admin, type Emu } from '../emulator/harness.ts';
import { CONN, KV, SEEDED_SECRET_VALUES, WS, armAs, deploymentYaml, lineOf, putAndWait, runValidate, startWorld, writesLogged } from './validate-world.ts';

const CURRENT = 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3';

describe('validate: secret names and connection keys (emulator, dist/index.js)', () => {
  let emu: Emu;
  before(async () => {
    emu = await startWorld();
  });
  beforeEach(async () => {
    await admin(emu, 'POST', '/reset');
    await admin(emu, 'DELETE', '/requests');
  });
  after(async () => {
    await emu.stop();
  });

  it('a misspelt Key Vault secret name: did you mean, from one names listing, on its line', async () => {
    const deployment = deploymentYaml({ endpoint: 'ep-uai-good', env: { DB: KV('val-kv', 'db-pasword', CURRENT) } });
    const run = await runValidate(emu, { deployment });
    assert.equal(run.code, 1, run.stdout.slice(-2000));
    const a = run.annotations.find((x) => x.properties.title?.startsWith('keyvault-secret-not-found:'));
    assert.ok(a, run.stdout.slice(-2000));
    assert.equal(Number(a.properties.line), lineOf(deployment, 'db-pasword'));
    assert.match(a.message, /has no secret named db-pasword\. The vault has: .*db-password/);
    assert.match(a.message, /Did you mean db-password\?/);
    const log = (await admin<{ method: string; host: string; path: string }[]>(emu, 'GET', '/requests')).body;
    const listings = log.filter((r) => r.host === 'val-kv.vault.azure.net' && /^\/secrets\/?$/.test(r.path));
    assert.equal(listings.length, 1, 'one names listing');
    assert.ok(!log.some((r) => r.host === 'val-kv.vault.azure.net' && /^\/secrets\/[^/]+\/[0-9a-f]{32}$/.test(r.path)), 'no secret value read');
    for (const v of SEEDED_SECRET_VALUES) assert.ok(!`${run.stdout}${run.summary}`.includes(v));
    assert.deepEqual(await writesLogged(emu), []);
  });

  it('a connection credential referenced as metadata: says so, with the reference that works', async () => {
    const deployment = deploymentYaml({ endpoint: 'ep-uai-good', env: { K: CONN('keys_connection/metadata/OPENAI_API_KEY') } });
    const run = await runValidate(emu, { deployment });
    assert.equal(run.code, 1);
    const a = run.annotations.find((x) => x.properties.title?.startsWith('connection-key-not-found:'));
    assert.ok(a, run.stdout.slice(-2000));
    assert.match(a.message, /OPENAI_API_KEY is a credential of the connection/);
    assert.match(a.message, /azureml:\/\/connections\/keys_connection\/credentials\/OPENAI_API_KEY/);
  });

  describe('a Kubernetes endpoint: compute and instance type', () => {
    const attach = async () => {
      await armAs(emu).send({ method: 'PUT', path: `${WS}/computes/k8s-cluster`, apiVersion: '2026-03-01', body: { properties: { computeType: 'Kubernetes', resourceId: '/subscriptions/x/resourceGroups/val-rg/providers/Microsoft.Kubernetes/connectedClusters/arc1', properties: { namespace: 'azureml', defaultInstanceType: 'cpu-small', instanceTypes: { 'cpu-small': { resources: { requests: { cpu: '1', memory: '2Gi' } } }, 'gpu-large': { resources: { requests: { cpu: '4', memory: '16Gi' } } } } } } } });
    };
    const endpoint = (compute: string) => `name: ep-k8s\ncompute: azureml:${compute}\nauth_mode: key\n`;
    const deployment = (instanceType: string) => ['type: kubernetes', 'name: blue', 'endpoint_name: ep-k8s', 'model: azureml:val-model:1', 'environment: azureml:val-env:1', `instance_type: ${instanceType}`, 'instance_count: 1', ''].join('\n');
    const cases = [
      { name: 'the compute does not exist: compute-not-found on compute:', compute: 'k8s-clutser', instanceType: 'cpu-small', rule: 'compute-not-found', file: 'endpoint.yml', line: 2 },
      { name: 'the instance type does not exist on the cluster: did you mean', compute: 'k8s-cluster', instanceType: 'gpu-larg', rule: 'instance-type-unavailable', file: 'deployment.yml', line: 6, message: /Did you mean gpu-large\?/ },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        await attach();
        await admin(emu, 'DELETE', '/requests');
        const run = await runValidate(emu, { endpoint: endpoint(c.compute), deployment: deployment(c.instanceType) });
        assert.equal(run.code, 1, run.stdout.slice(-2000));
        const a = run.annotations.find((x) => x.properties.title?.startsWith(`${c.rule}:`));
        assert.ok(a, run.stdout.slice(-3000));
        assert.deepEqual([a.properties.file, Number(a.properties.line)], [c.file, c.line]);
        if (c.message) assert.match(a.message, c.message);
        assert.deepEqual(await writesLogged(emu), []);
      });
    }
    it('deployment files only, the live endpoint\'s cluster was detached: compute-not-found from properties.compute, on endpoint_name', async () => {
      await attach();
      const arm = armAs(emu);
      const created = await putAndWait(arm, `${WS}/onlineEndpoints/ep-k8s`, { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', compute: `${WS}/computes/k8s-cluster` } });
      assert.equal(created.status, 'Succeeded', JSON.stringify(created));
      await arm.send({ method: 'DELETE', path: `${WS}/computes/k8s-cluster`, apiVersion: '2026-03-01', query: { underlyingResourceAction: 'Detach' } });
      await admin(emu, 'DELETE', '/requests');
      const dep = deployment('cpu-small');
      const run = await runValidate(emu, { deployment: dep });
      assert.equal(run.code, 1, run.stdout.slice(-2000));
      const a = run.annotations.find((x) => x.properties.title?.startsWith('compute-not-found:'));
      assert.ok(a, run.stdout.slice(-3000));
      assert.deepEqual([a.properties.file, Number(a.properties.line), Number(a.properties.col)], ['deployment.yml', lineOf(dep, 'endpoint_name:'), 'endpoint_name: '.length + 1]);
      assert.match(a.message, /compute k8s-cluster \(properties\.compute of the live endpoint ep-k8s; no endpoint file was given\): the workspace has no compute of that name/);
      const log = (await admin<{ method: string; path: string }[]>(emu, 'GET', '/requests')).body;
      assert.equal(log.filter((r) => r.method === 'GET' && /\/computes\/k8s-cluster$/i.test(r.path)).length, 1, 'one compute GET');
      assert.deepEqual(await writesLogged(emu), []);
    });
    it('the compute and instance type exist: no compute finding', async () => {
      await attach();
      const run = await runValidate(emu, { endpoint: endpoint('k8s-cluster'), deployment: deployment('gpu-large') });
      assert.ok(!run.annotations.some((x) => /^(compute-not-found|instance-type-unavailable):/.test(x.properties.title ?? '')), run.stdout.slice(-3000));
    });
  });
});

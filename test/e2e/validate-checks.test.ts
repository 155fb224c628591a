// Checks added for issue 17 item 4, end to end (`node dist/index.js`, the validate world): a Key
// Vault secret name typo gets "did you mean" from the vault's secret names (one names listing, no
// value read), a credential referenced as metadata says so, a Kubernetes compute is read (from the
// endpoint file or the live endpoint), and registry references are read. docs/online-checks.md.
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
  // Registry references (src/azure/registry.ts): discovery once per registry, the asset on the
  // registry's primary-region host; missing → error on the exact line and column; refused → cannot-verify.
  describe('registry references', () => {
    const registryDeployment = (model: string, environment = 'azureml://registries/azureml/environments/sklearn-1.5/labels/latest'): string =>
      ['name: green', 'endpoint_name: ep-uai-good', `model: ${model}`, `environment: ${environment}`, 'instance_type: Standard_DS3_v2', 'instance_count: 1', ''].join('\n');
    const assetAnnotations = (run: Awaited<ReturnType<typeof runValidate>>) => run.annotations.filter((a) => /^(asset-not-found|cannot-verify):/.test(a.properties.title ?? ''));
    it('a registry model that exists and a curated labels/latest environment: no asset finding, one discovery per registry', async () => {
      const run = await runValidate(emu, { deployment: registryDeployment('azureml://registries/val-registry/models/fraud-model/versions/2') });
      assert.deepEqual(assetAnnotations(run).map((a) => `${a.properties.title ?? ''}: ${a.message}`), [], run.stdout.slice(-3000));
      assert.equal(run.code, 0, run.stdout.slice(-3000));
      assert.match(run.stdout, /2 asset\(s\) \(2 in Azure ML registries\)/);
      const log = (await admin<{ method: string; host: string; path: string }[]>(emu, 'GET', '/requests')).body;
      const discoveries = log.filter((r) => r.host === 'eastus.api.azureml.ms' && r.path.endsWith('/discovery')).map((r) => r.path);
      assert.deepEqual(discoveries.sort(), ['/registrymanagement/v1.0/registries/azureml/discovery', '/registrymanagement/v1.0/registries/val-registry/discovery']);
      // The asset is read on the registry's primary-region host, as discovery named it.
      assert.ok(log.some((r) => r.host === 'westus2.api.azureml.ms' && /\/registries\/val-registry\/models\/fraud-model\/versions\/2$/.test(r.path)), JSON.stringify(log));
      assert.deepEqual(await writesLogged(emu), []);
    });

    it('a registry model version that does not exist: asset-not-found on the exact line and column, naming the latest version', async () => {
      const dep = registryDeployment('azureml://registries/val-registry/models/fraud-model/versions/9');
      const run = await runValidate(emu, { deployment: dep });
      assert.equal(run.code, 1, run.stdout.slice(-3000));
      const a = run.annotations.find((x) => x.properties.title?.startsWith('asset-not-found:'));
      assert.ok(a, run.stdout.slice(-3000));
      assert.equal(a.command, 'error');
      assert.deepEqual([a.properties.file, Number(a.properties.line), Number(a.properties.col)], ['deployment.yml', lineOf(dep, 'model:'), 'model: '.length + 1]);
      assert.match(a.message, /registry val-registry has no version 9 of model fraud-model; its latest version is 2/);
      assert.match(a.message, /Did you mean version 2\? model: azureml:\/\/registries\/val-registry\/models\/fraud-model\/versions\/2/);
      assert.deepEqual(await writesLogged(emu), []);
    });

    it('a registry the workflow identity may not read: cannot-verify (warning), never asset-not-found', async () => {
      const run = await runValidate(emu, { deployment: registryDeployment('azureml://registries/locked-registry/models/secret-model/versions/1') });
      const found = assetAnnotations(run);
      assert.deepEqual(found.map((a) => [a.command, a.properties.title?.split(':')[0]]), [['warning', 'cannot-verify']], run.stdout.slice(-3000));
      assert.match(found[0]?.message ?? '', /403 AuthorizationFailed/);
      assert.match(found[0]?.message ?? '', /registries\/assets\/read on registry locked-registry/);
    });

    it('a registry that does not exist: asset-not-found', async () => {
      const dep = registryDeployment('azureml://registries/val-registyr/models/fraud-model/versions/2');
      const run = await runValidate(emu, { deployment: dep });
      assert.equal(run.code, 1);
      const a = run.annotations.find((x) => x.properties.title?.startsWith('asset-not-found:'));
      assert.ok(a, run.stdout.slice(-3000));
      assert.equal(Number(a.properties.line), lineOf(dep, 'model:'));
      assert.match(a.message, /no registry named val-registyr exists/);
    });
  });
});

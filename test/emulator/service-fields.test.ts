// Service-filled fields: every GET of an endpoint, deployment, model, environment and code version has the keys
// (and JSON types) of its contract GET example, also when the PUT was minimal and for resources a scenario seeds.
// A field the service fills and the emulator forgets (the deployment's scaleSettings that azure-ai-ml parses
// unconditionally, a model's flavors) fails here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import { admin, armBase, contractsDir, credential, scenarioPath, shapeDiff, spawnEmulator, useEmulator, wsPath } from './harness.ts';
import type { Emu } from './harness.ts';
import { proxyFetch } from './proxy-fetch.ts';
import { PROBE_DEFAULT, REQUEST_SETTINGS_DEFAULT } from './service-defaults.ts';

type Json = Record<string, unknown>;
const API = '2026-09-01';
const example200 = (path: string): Json => ((JSON.parse(readFileSync(join(contractsDir, path), 'utf8')) as { responses: Record<string, { body: Json }> }).responses['200']?.body ?? {});
const getExample = (file: string): Json => example200(join('machinelearningservices', file));
/** Every GET example of the contracts folder (…/<Operation>_Get.json, _GetById.json, GetSecret.json). */
const contractGetExamples = (): string[] =>
  (readdirSync(contractsDir, { recursive: true }) as string[]).filter((f) => /(?:_Get|_GetById|[/\\]GetSecret)\.json$/.test(f)).map((f) => f.replaceAll('\\', '/')).sort();

/**
 * Keys of a GET example the emulator may leave out, each for a stated reason. Nothing the service always fills
 * belongs here.
 */
const OPTIONAL = {
  endpoint: ['$.sku', '$.properties.compute', '$.identity.userAssignedIdentities'], // sku: not sent for managed; compute: Kubernetes only; UAIs: only for UserAssigned
  // identity/sku extras: managed deployments carry neither; codeConfiguration/modelMountPath: only when the client sends them
  deployment: ['$.identity', '$.sku.family', '$.sku.size', '$.sku.tier', '$.properties.codeConfiguration', '$.properties.modelMountPath'],
  model: [],
  // build context, conda file, inference config: only for environments built from them / custom containers
  environment: ['$.properties.build', '$.properties.condaFile', '$.properties.inferenceConfig'],
  code: [],
};

describe('service-filled fields (structural comparison with every contract GET example)', () => {
  let emu: Emu;
  let ml: AzureMachineLearningWorkspaces;
  let ws = '';
  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
    ml = new AzureMachineLearningWorkspaces(credential(emu), emu.inputs['subscription-id'] ?? '', { apiVersion: API, retryOptions: { maxRetries: 0 } });
    ws = wsPath(emu);
  });
  after(() => emu.stop());

  const send = async (method: 'GET' | 'PUT', url: string, body?: unknown): Promise<{ status: number; headers: Record<string, string>; body: Json }> => {
    const res = await ml.sendRequest(createPipelineRequest({ method, url: `${url}?api-version=${API}`, body: body === undefined ? undefined : JSON.stringify(body) }));
    return { status: res.status, headers: res.headers.toJSON(), body: res.bodyAsText ? (JSON.parse(res.bodyAsText) as Json) : {} };
  };
  const settle = async (put: { headers: Record<string, string> }): Promise<void> => {
    for (let i = 0; i < 10; i++) {
      const res = await ml.sendRequest(createPipelineRequest({ method: 'GET', url: put.headers['azure-asyncoperation'] ?? '' }));
      if ((JSON.parse(res.bodyAsText ?? '{}') as Json)['status'] !== 'Updating') return;
    }
  };
  const armId = (path: string): string => `${ws.replace('https://management.azure.com', '')}/${path}`;

  it('minimal endpoint PUT → GET has every key of OnlineEndpoints_Get', async () => {
    const put = await send('PUT', `${ws}/onlineEndpoints/minimal-ep`, { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key' } });
    assert.equal(put.status, 201);
    await settle(put);
    const get = await send('GET', `${ws}/onlineEndpoints/minimal-ep`);
    assert.deepEqual(shapeDiff(get.body, getExample('2026-09-01/OnlineEndpoints_Get.json'), '$', OPTIONAL.endpoint), []);
  });

  it('minimal deployment PUT (no scale, probe or request settings) → GET has them, as OnlineDeployments_Get', async () => {
    const put = await send('PUT', `${ws}/onlineEndpoints/minimal-ep/deployments/minimal-dep`, {
      location: 'eastus', sku: { name: 'Default', capacity: 1 },
      properties: { endpointComputeType: 'Managed', instanceType: 'Standard_DS3_v2', model: armId('models/demo-model/versions/1'), environmentId: armId('environments/demo-env/versions/1') },
    });
    assert.equal(put.status, 201);
    await settle(put);
    const get = await send('GET', `${ws}/onlineEndpoints/minimal-ep/deployments/minimal-dep`);
    assert.deepEqual(shapeDiff(get.body, getExample('2025-12-01/OnlineDeployments_Get.json'), '$', OPTIONAL.deployment), []);
    const props = get.body['properties'] as Json;
    assert.deepEqual(props['scaleSettings'], { scaleType: 'Default' });
    assert.deepEqual(props['requestSettings'], REQUEST_SETTINGS_DEFAULT);
    assert.deepEqual(props['livenessProbe'], PROBE_DEFAULT);
    assert.deepEqual(props['readinessProbe'], PROBE_DEFAULT);
  });

  it('a partial probe keeps what the client sent and gets the other defaults', async () => {
    const put = await send('PUT', `${ws}/onlineEndpoints/minimal-ep/deployments/probe-dep`, {
      location: 'eastus',
      properties: { endpointComputeType: 'Managed', instanceType: 'Standard_DS3_v2', livenessProbe: { period: 'PT30S' }, requestSettings: { requestTimeout: 'PT60S' } },
    });
    await settle(put);
    const props = (await send('GET', `${ws}/onlineEndpoints/minimal-ep/deployments/probe-dep`)).body['properties'] as Json;
    assert.deepEqual(props['livenessProbe'], { ...PROBE_DEFAULT, period: 'PT30S' });
    assert.deepEqual(props['requestSettings'], { ...REQUEST_SETTINGS_DEFAULT, requestTimeout: 'PT60S' });
  });

  it('minimal model, environment and code versions → GET has every key of the *Versions_Get examples (model flavors {} and modelType CustomModel: assumed values)', async () => {
    const cases: [string, Json, string, string[]][] = [
      ['models/min-model/versions/1', { modelUri: 'azureml://datastores/workspaceblobstore/paths/models/min' }, '2026-09-01/ModelVersions_Get.json', OPTIONAL.model],
      ['environments/min-env/versions/1', { image: 'mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest' }, '2026-09-01/EnvironmentVersions_Get.json', OPTIONAL.environment],
      ['codes/min-code/versions/1', { codeUri: 'https://demowsstorage.blob.core.windows.net/c/LocalUpload/x' }, '2025-12-01/CodeVersions_Get.json', OPTIONAL.code],
    ];
    for (const [path, properties, example, optional] of cases) {
      assert.equal((await send('PUT', `${ws}/${path}`, { properties })).status, 201, path);
      const get = await send('GET', `${ws}/${path}`);
      assert.deepEqual(shapeDiff(get.body, getExample(example), '$', optional), [], path);
    }
    const model = (await send('GET', `${ws}/models/min-model/versions/1`)).body['properties'] as Json;
    assert.deepEqual(model['flavors'], {});
    assert.equal(model['modelType'], 'CustomModel');
  });

  it('every contract GET example is compared with the emulator\'s answer (a new example without a case fails)', async () => {
    const cases: Record<string, { url: string; resource: string; optional?: string[] }> = {
      'authorization/2022-04-01/RoleDefinitions_Get.json': { url: `${armBase(emu)}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7?api-version=2022-04-01`, resource: 'https://management.azure.com', optional: ['$.properties.permissions.condition', '$.properties.permissions.conditionVersion'] },
      'authorization/2022-04-01/RoleDefinitions_GetById.json': { url: 'https://management.azure.com/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7?api-version=2022-04-01', resource: 'https://management.azure.com', optional: ['$.properties.permissions.condition', '$.properties.permissions.conditionVersion'] },
      'keyvault-arm/2025-05-01/Vaults_Get.json': { url: `${armBase(emu)}/providers/Microsoft.KeyVault/vaults/demo-kv?api-version=2026-04-01`, resource: 'https://management.azure.com', optional: ['$.properties.hsmPoolResourceId'] },
      'keyvault-dataplane/7.6/GetSecret.json': { url: 'https://demo-kv.vault.azure.net/secrets/db-password/7d2f9c1e4b5a46c8a3e1f0b9d8c7a6b5?api-version=2025-07-01', resource: 'https://vault.azure.net' },
      'machinelearningservices/2025-12-01/CodeVersions_Get.json': { url: `${ws}/codes/min-code/versions/1?api-version=${API}`, resource: 'https://management.azure.com', optional: OPTIONAL.code },
      'machinelearningservices/2025-12-01/OnlineDeployments_Get.json': { url: `${ws}/onlineEndpoints/existing-ep/deployments/blue?api-version=${API}`, resource: 'https://management.azure.com', optional: OPTIONAL.deployment },
      'machinelearningservices/2026-03-01/WorkspaceConnections_Get.json': { url: `${ws}/connections/aoai_connection?api-version=${API}`, resource: 'https://management.azure.com' },
      // Optional: what a workspace without encryption, private links, managed network or a UAI leaves out (arm.test.ts).
      'machinelearningservices/2026-03-01/Workspaces_Get.json': { url: `${ws}?api-version=${API}`, resource: 'https://management.azure.com', optional: ['$.properties.encryption', '$.properties.imageBuildCompute', '$.properties.sharedPrivateLinkResources', '$.properties.privateEndpointConnections', '$.properties.notebookInfo', '$.properties.serviceManagedResourcesSettings', '$.properties.privateLinkCount', '$.properties.storageHnsEnabled', '$.properties.tenantId', '$.properties.primaryUserAssignedIdentity', '$.identity.userAssignedIdentities', '$.sku.tier', '$.tags', '$.properties.managedNetwork'] },
      'machinelearningservices/2026-09-01/EnvironmentVersions_Get.json': { url: `${ws}/environments/demo-env/versions/1?api-version=${API}`, resource: 'https://management.azure.com', optional: OPTIONAL.environment },
      'machinelearningservices/2026-09-01/ModelVersions_Get.json': { url: `${ws}/models/demo-model/versions/1?api-version=${API}`, resource: 'https://management.azure.com', optional: OPTIONAL.model },
      'machinelearningservices/2026-09-01/OnlineEndpoints_Get.json': { url: `${ws}/onlineEndpoints/existing-ep?api-version=${API}`, resource: 'https://management.azure.com', optional: OPTIONAL.endpoint },
    };
    assert.deepEqual(contractGetExamples(), Object.keys(cases).sort());
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Key Vault Secrets User', scope: 'keyvault:demo-kv' });
    for (const [file, c] of Object.entries(cases)) {
      const token = (await credential(emu).getToken(`${c.resource}/.default`)).token;
      const r = await proxyFetch(emu, c.url, { headers: { Authorization: `Bearer ${token}` } });
      assert.equal(r.status, 200, `${file}: ${r.body}`);
      assert.deepEqual(shapeDiff(JSON.parse(r.body), example200(file), '$', c.optional ?? []), [], file);
    }
  });

  it('resources seeded by the scenario have the same keys (existing-ep, its blue deployment, demo-model, demo-env)', async () => {
    const seeded: [string, string, string[]][] = [
      ['onlineEndpoints/existing-ep', '2026-09-01/OnlineEndpoints_Get.json', OPTIONAL.endpoint],
      ['onlineEndpoints/existing-ep/deployments/blue', '2025-12-01/OnlineDeployments_Get.json', OPTIONAL.deployment],
      ['models/demo-model/versions/1', '2026-09-01/ModelVersions_Get.json', OPTIONAL.model],
      ['environments/demo-env/versions/1', '2026-09-01/EnvironmentVersions_Get.json', OPTIONAL.environment],
    ];
    for (const [path, example, optional] of seeded) {
      const get = await send('GET', `${ws}/${path}`);
      assert.equal(get.status, 200, path);
      assert.deepEqual(shapeDiff(get.body, getExample(example), '$', optional), [], path);
    }
  });
});

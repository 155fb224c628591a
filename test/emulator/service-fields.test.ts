// Service-filled fields: every GET of an endpoint, deployment, model, environment and code version has the keys
// (and JSON types) of its contract GET example, also when the PUT was minimal and for resources a scenario seeds.
// A field the service fills and the emulator forgets (the deployment's scaleSettings that azure-ai-ml parses
// unconditionally, a model's flavors) fails here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import { contractsDir, credential, scenarioPath, shapeDiff, spawnEmulator, useEmulator, wsPath } from './harness.ts';
import type { Emu } from './harness.ts';
import { PROBE_DEFAULT, REQUEST_SETTINGS_DEFAULT } from './service-defaults.ts';

type Json = Record<string, unknown>;
const API = '2026-09-01';
const getExample = (file: string): Json =>
  ((JSON.parse(readFileSync(join(contractsDir, 'machinelearningservices', file), 'utf8')) as { responses: Record<string, { body: Json }> }).responses['200']?.body ?? {});

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
      if ((JSON.parse(res.bodyAsText ?? '{}') as Json)['status'] !== 'InProgress') return;
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

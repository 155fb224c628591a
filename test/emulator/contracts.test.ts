// Replays the contract examples (test/fixtures/contracts, see ATTRIBUTION.md) through the emulator and compares
// shapes (keys and JSON types, not values). Request bodies are sent verbatim except where an example's
// placeholder ("string") would name a resource the scenario must hold; those patches are listed inline.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import { contractsDir, credential, scenarioPath, shapeDiff, spawnEmulator, useEmulator, wsPath } from './harness.ts';
import type { Emu } from './harness.ts';

type Json = Record<string, unknown>;
const load = (p: string): Json => JSON.parse(readFileSync(join(contractsDir, p), 'utf8')) as Json;
const example = (p: string): { params: Json; responses: Record<string, { body?: unknown; headers?: Record<string, string> }> } => {
  const d = load(p);
  return { params: d['parameters'] as Json, responses: d['responses'] as Record<string, { body?: unknown; headers?: Record<string, string> }> };
};
const API = '2026-09-01';
/** Fields the emulator legitimately omits (optional in the swagger, or Kubernetes/registry only). */
const ENDPOINT_OPTIONAL = ['$.sku', '$.identity.userAssignedIdentities', '$.properties.compute'];
const DEPLOYMENT_OPTIONAL = ['$.identity', '$.sku.family', '$.sku.size', '$.sku.tier'];

describe('contract replay (machinelearningservices)', () => {
  let emu: Emu;
  let ml: AzureMachineLearningWorkspaces;
  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
    ml = new AzureMachineLearningWorkspaces(credential(emu), emu.inputs['subscription-id'] ?? '', { apiVersion: API, retryOptions: { maxRetries: 0 } });
  });
  after(() => emu.stop());

  const send = async (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; headers: Record<string, string>; body: Json }> => {
    const res = await ml.sendRequest(createPipelineRequest({ method, url, body: body === undefined ? undefined : JSON.stringify(body) }));
    return { status: res.status, headers: res.headers.toJSON(), body: res.bodyAsText ? (JSON.parse(res.bodyAsText) as Json) : {} };
  };
  const poll = async (url: string): Promise<Json[]> => {
    const seen: Json[] = [];
    for (let i = 0; i < 10; i++) {
      const s = await send('GET', url);
      seen.push(s.body);
      if (s.body['status'] !== 'Updating') break;
    }
    return seen;
  };
  const statusFixture = load('machinelearningservices/fixtures/MfeOperationsStatus_examples.json');

  it('OnlineEndpoints_CreateOrUpdate → 201 + Azure-AsyncOperation, status bodies, then OnlineEndpoints_Get', async () => {
    const ex = example('machinelearningservices/2026-09-01/OnlineEndpoints_CreateOrUpdate.json');
    const body = structuredClone(ex.params['body']) as Json;
    // patches: identity/traffic/authMode must name things the scenario holds
    body['identity'] = { type: 'SystemAssigned' };
    (body['properties'] as Json)['traffic'] = {};
    (body['properties'] as Json)['authMode'] = 'Key';
    // The example's compute is the placeholder "string", a compute no workspace has attached (online.ts refuses it):
    // a managed endpoint names none.
    delete (body['properties'] as Json)['compute'];
    const put = await send('PUT', `${wsPath(emu)}/onlineEndpoints/contract-ep?api-version=${API}`, body);
    assert.equal(put.status, 201);
    assert.deepEqual(shapeDiff(put.body, ex.responses['201']?.body, '$', ENDPOINT_OPTIONAL), []);
    const op = put.headers['azure-asyncoperation'] ?? '';
    assert.match(op, /\/providers\/Microsoft\.MachineLearningServices\/locations\/[^/]+\/mfeOperationsStatus\/[^/?]+\?api-version=/);
    assert.ok(put.headers['x-ms-async-operation-timeout']);
    const statuses = await poll(op);
    assert.deepEqual(shapeDiff(statuses[0], statusFixture['inProgress']), []);
    assert.deepEqual(shapeDiff(statuses.at(-1), statusFixture['succeeded']), []);
    const get = await send('GET', `${wsPath(emu)}/onlineEndpoints/contract-ep?api-version=${API}`);
    assert.deepEqual(shapeDiff(get.body, example('machinelearningservices/2026-09-01/OnlineEndpoints_Get.json').responses['200']?.body, '$', ENDPOINT_OPTIONAL), []);
    assert.equal((get.body['properties'] as Json)['provisioningState'], 'Succeeded');
    const keys = await send('POST', `${wsPath(emu)}/onlineEndpoints/contract-ep/listKeys?api-version=${API}`);
    assert.deepEqual(shapeDiff(keys.body, example('machinelearningservices/2026-09-01/OnlineEndpoints_ListKeys.json').responses['200']?.body), []);
  });

  it('OnlineDeployments_CreateOrUpdate and _Get, _GetLogs', async () => {
    const ex = example('machinelearningservices/2026-05-01/OnlineDeployments_CreateOrUpdate.json');
    // The example's instanceType is the placeholder "string", which the service rejects (quota.ts): use a real SKU; its
    // requestTimeout PT5M is past the documented 180 s limit: PT1M.
    const body = ex.params['body'] as Json;
    const props = body['properties'] as Json;
    const withSku = { ...body, properties: { ...props, instanceType: 'Standard_DS3_v2', requestSettings: { ...(props['requestSettings'] as Json), requestTimeout: 'PT1M' } } };
    const put = await send('PUT', `${wsPath(emu)}/onlineEndpoints/contract-ep/deployments/contract-dep?api-version=${API}`, withSku);
    assert.equal(put.status, 201);
    assert.deepEqual(shapeDiff(put.body, ex.responses['201']?.body, '$', DEPLOYMENT_OPTIONAL), []);
    const statuses = await poll(put.headers['azure-asyncoperation'] ?? '');
    assert.equal(statuses.at(-1)?.['status'], 'Succeeded');
    const get = await send('GET', `${wsPath(emu)}/onlineEndpoints/contract-ep/deployments/contract-dep?api-version=${API}`);
    assert.deepEqual(shapeDiff(get.body, example('machinelearningservices/2025-12-01/OnlineDeployments_Get.json').responses['200']?.body, '$', [...DEPLOYMENT_OPTIONAL, '$.properties.model', '$.properties.codeConfiguration']), []);
    const logsEx = example('machinelearningservices/2026-07-01/OnlineDeployments_GetLogs.json');
    const logs = await send('POST', `${wsPath(emu)}/onlineEndpoints/contract-ep/deployments/contract-dep/getLogs?api-version=${API}`, logsEx.params['body']);
    assert.deepEqual(shapeDiff(logs.body, logsEx.responses['200']?.body), []);
  });

  it('composed secret-injection PUTs: the endpoint succeeds; the deployment fails only on the Key Vault reference the demo lacks', async () => {
    const epReq = load('machinelearningservices/fixtures/OnlineEndpoint_PUT_secretInjection.request.json');
    const depReq = load('machinelearningservices/fixtures/OnlineDeployment_PUT_secretInjection.request.json');
    const retarget = (url: string): string => url.replace('/resourceGroups/test-rg/', '/resourceGroups/demo-rg/').replace('/workspaces/my-aml-workspace/', '/workspaces/demo-ws/');
    const ep = await send('PUT', retarget(String(epReq['url'])), epReq['body']);
    assert.equal(ep.status, 201);
    assert.equal((await poll(ep.headers['azure-asyncoperation'] ?? '')).at(-1)?.['status'], 'Succeeded');
    const dep = await send('PUT', retarget(String(depReq['url'])), JSON.parse(JSON.stringify(depReq['body']).replaceAll('/resourceGroups/test-rg/', '/resourceGroups/demo-rg/').replaceAll('/workspaces/my-aml-workspace/', '/workspaces/demo-ws/').replaceAll('/models/my-model/', '/models/demo-model/').replaceAll('/environments/my-env/', '/environments/demo-env/')));
    assert.equal(dep.status, 201);
    const final = (await poll(dep.headers['azure-asyncoperation'] ?? '')).at(-1);
    assert.deepEqual(shapeDiff(final, statusFixture['failedSecretsInjection']), []);
    // The contract's text exactly: no variable named, no details.
    assert.deepEqual(final?.['error'], (statusFixture['failedSecretsInjection'] as Json)['error']);
  });

  it('OnlineEndpoints_Delete → 202 + Location (and Azure-AsyncOperation, as recorded), polled to completion', async () => {
    const del = await send('DELETE', `${wsPath(emu)}/onlineEndpoints/contract-ep?api-version=${API}`);
    assert.equal(del.status, 202);
    assert.match(del.headers['location'] ?? '', /\/mfeOperationResults\//);
    assert.match(del.headers['azure-asyncoperation'] ?? '', /\/mfeOperationsStatus\/oe:/);
    let status = 202;
    for (let i = 0; i < 5 && status === 202; i++) status = (await send('GET', del.headers['location'] ?? '')).status;
    assert.equal(status, 200);
    assert.equal((await send('GET', `${wsPath(emu)}/onlineEndpoints/contract-ep?api-version=${API}`)).status, 404);
    assert.equal((await send('DELETE', `${wsPath(emu)}/onlineEndpoints/contract-ep?api-version=${API}`)).status, 204);
  });

  it('CodeVersions_CreateOrGetStartPendingUpload, CodeVersions_CreateOrUpdate, ModelVersions_CreateOrUpdate, WorkspaceConnections_Create', async () => {
    const up = example('machinelearningservices/2026-09-01/CodeVersions_CreateOrGetStartPendingUpload.json');
    const r = await send('POST', `${wsPath(emu)}/codes/c1/versions/1/startPendingUpload?api-version=${API}`, up.params['body']);
    assert.deepEqual(shapeDiff(r.body, up.responses['200']?.body), []);
    for (const [file, path] of [['CodeVersions_CreateOrUpdate.json', 'codes/c1/versions/1'], ['ModelVersions_CreateOrUpdate.json', 'models/m1/versions/1']] as const) {
      const ex = example(`machinelearningservices/2026-09-01/${file}`);
      const res = await send('PUT', `${wsPath(emu)}/${path}?api-version=${API}`, ex.params['body']);
      assert.equal(res.status, 201, file);
      assert.deepEqual(shapeDiff(res.body, ex.responses['201']?.body, '$', ['$.properties.provisioningState']), [], file);
    }
    const conn = example('machinelearningservices/2025-12-01/WorkspaceConnections_Create.json');
    const created = await send('PUT', `${wsPath(emu)}/connections/connection-1?api-version=${API}`, conn.params['parameters'] ?? conn.params['body']);
    assert.equal(created.status, 200);
    assert.deepEqual(shapeDiff(created.body, conn.responses['200']?.body, '$', ['$.properties.credentials']), []);
  });
});

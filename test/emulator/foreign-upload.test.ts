// What the foreign client taught, kept without Python: the wire sequence azure-ai-ml 1.4.0 runs for
// `online-deployment create` with a local model and a local code folder (foreign/azure_ai_ml_local_assets.py --log),
// replayed with the JavaScript SDK clients. Upload path 1: datastore GET + listSecrets, then Shared Key blob requests
// (HEAD → 404, PUT, PUT ?comp=metadata with upload_status/name/version); path 2 (identity-based datastore): the
// caller's Entra token with Storage Blob Data Contributor. Then code, environment and model versions, the deployment,
// traffic, invoke, delete.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BlobServiceClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import type { ContainerClient } from '@azure/storage-blob';
import type { AzureBlobDatastore } from '@azure/arm-machinelearning';
import { admin, credential, scenarioPath, spawnEmulator, useEmulator } from './harness.ts';
import type { Emu } from './harness.ts';
import { FAST, mlClient } from './ml-test-client.ts';
import { proxyFetch } from './proxy-fetch.ts';

const RG = 'demo-rg';
const WS = 'demo-ws';
const EP = 'foreign-ep';

describe('the azure-ai-ml round trip with local model and code, replayed with the JavaScript SDK clients', () => {
  let emu: Emu;
  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
  });
  after(() => emu.stop());

  /** azure-ai-ml's upload: skip when the indicator blob carries the confirmation metadata, else upload and confirm. */
  async function uploadFolder(container: ContainerClient, hash: string, folder: string, files: Record<string, string>, name: string): Promise<string> {
    const prefix = `LocalUpload/${hash}/${folder}`;
    const first = Object.keys(files)[0] ?? '';
    const indicator = container.getBlockBlobClient(`${prefix}/${first}`);
    const existing = await indicator.getProperties().then((p) => p.metadata, (e: { statusCode?: number }) => {
      if (e.statusCode === 404) return undefined;
      throw e;
    });
    if (existing?.['upload_status'] !== 'completed') {
      for (const [file, text] of Object.entries(files)) await container.getBlockBlobClient(`${prefix}/${file}`).upload(text, Buffer.byteLength(text));
      await indicator.setMetadata({ upload_status: 'completed', name, version: '1' });
    }
    return prefix;
  }

  it('creates, reads, updates, invokes and deletes an endpoint whose deployment comes from a local model and code folder', async () => {
    const ml = mlClient(emu);
    const ws = await ml.workspaces.get(RG, WS);
    const ep = await ml.onlineEndpoints.beginCreateOrUpdateAndWait(RG, WS, EP, { location: ws.location ?? 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', description: 'js roundtrip' } }, FAST);
    assert.equal(ep.properties.provisioningState, 'Succeeded');

    // Path 1: the default datastore's account key (datastores get + listSecrets), Shared Key blob requests.
    const store = (await ml.datastores.get(RG, WS, 'workspaceblobstore')).properties as AzureBlobDatastore;
    assert.equal(store.datastoreType, 'AzureBlob');
    assert.equal(store.credentials.credentialsType, 'AccountKey');
    const secrets = await ml.datastores.listSecrets(RG, WS, 'workspaceblobstore');
    assert.equal(secrets.secretsType, 'AccountKey');
    const key = (secrets as { key?: string }).key ?? '';
    const account = store.accountName ?? '';
    const container = new BlobServiceClient(`https://${account}.blob.${store.endpoint ?? ''}`, new StorageSharedKeyCredential(account, key)).getContainerClient(store.containerName ?? '');
    const datastoreUri = (path: string): string => `azureml://subscriptions/${emu.inputs['subscription-id'] ?? ''}/resourcegroups/${RG}/workspaces/${WS}/datastores/workspaceblobstore/paths/${path}`;
    const codePath = await uploadFolder(container, '4f1f1927dd3badd8320c8eefc2cb1348', 'code', { 'score.py': 'def init():\n    pass\n' }, 'code');
    const code = await ml.codeVersions.createOrUpdate(RG, WS, 'efaa2b2d-fffc-478f-bedf-583b6d8988f6', '1', { properties: { codeUri: datastoreUri(codePath) } });
    const env = await ml.environmentVersions.createOrUpdate(RG, WS, 'CliV2AnonymousEnvironment', '973327cac04406a0444250348d5fc790', { properties: { image: 'mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest', isAnonymous: true } });
    const modelPath = await uploadFolder(container, '486bfd7db3a2817c9fa1a7b5a019bd2f', 'model', { 'model.pkl': 'weights' }, '86c5ed02c7e09a633bc0d6be542810b0');
    const model = await ml.modelVersions.createOrUpdate(RG, WS, '86c5ed02c7e09a633bc0d6be542810b0', '1', { properties: { modelUri: datastoreUri(modelPath), modelType: 'custom_model', isAnonymous: true } });
    const deployment = (codeId: string): Parameters<typeof ml.onlineDeployments.beginCreateOrUpdateAndWait>[4] => ({
      location: 'eastus', sku: { name: 'Default', capacity: 1 },
      properties: { endpointComputeType: 'Managed', instanceType: 'Standard_DS3_v2', model: model.id, environmentId: env.id, codeConfiguration: { codeId, scoringScript: 'score.py' } },
    });
    const blue = await ml.onlineDeployments.beginCreateOrUpdateAndWait(RG, WS, EP, 'blue', deployment(code.id ?? ''), FAST);
    assert.equal(blue.properties.provisioningState, 'Succeeded');
    assert.equal((await ml.onlineDeployments.get(RG, WS, EP, 'blue')).properties.codeConfiguration?.codeId, code.id);

    // Update: all traffic to blue; invoke with a key.
    const updated = await ml.onlineEndpoints.beginCreateOrUpdateAndWait(RG, WS, EP, { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', traffic: { blue: 100 } } }, FAST);
    assert.deepEqual(updated.properties.traffic, { blue: 100 });
    const keys = await ml.onlineEndpoints.listKeys(RG, WS, EP);
    const scored = await proxyFetch(emu, updated.properties.scoringUri ?? '', { method: 'POST', headers: { Authorization: `Bearer ${keys.primaryKey ?? ''}`, 'content-type': 'application/json' }, body: '{"data":[[1,2,3]]}' });
    assert.equal(scored.status, 200);
    assert.equal(scored.headers['azureml-model-deployment'], 'blue');

    // Path 2: identity-based datastore, the caller's own Entra token (needs Storage Blob Data Contributor).
    await admin(emu, 'PATCH', '/knobs', { storage: { datastoreCredentials: 'None' } });
    assert.equal(((await ml.datastores.get(RG, WS, 'workspaceblobstore')).properties as AzureBlobDatastore).credentials.credentialsType, 'None');
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Storage Blob Data Contributor', scope: 'storage' });
    const viaEntra = new BlobServiceClient(`https://${account}.blob.core.windows.net`, credential(emu)).getContainerClient(store.containerName ?? '');
    assert.equal(await uploadFolder(viaEntra, '486bfd7db3a2817c9fa1a7b5a019bd2f', 'model', { 'model.pkl': 'weights' }, 'x'), modelPath); // already confirmed: no upload
    const code2Path = await uploadFolder(viaEntra, 'bee799c132ba411fc22b03e66e128cd6', 'code2', { 'score.py': 'def run(raw):\n    return [0]\n' }, 'code2');
    const code2 = await ml.codeVersions.createOrUpdate(RG, WS, 'e18d338e-2208-498d-a8ce-441d39d12745', '1', { properties: { codeUri: datastoreUri(code2Path) } });
    const green = await ml.onlineDeployments.beginCreateOrUpdateAndWait(RG, WS, EP, 'green', deployment(code2.id ?? ''), FAST);
    assert.equal(green.properties.provisioningState, 'Succeeded');
    const st = await admin<{ blobs: { path: string }[] }>(emu, 'GET', '/state');
    assert.deepEqual(st.body.blobs.map((b) => b.path.split('/').slice(4).join('/')).sort(), ['code/score.py', 'code2/score.py', 'model/model.pkl']);

    // Delete: the endpoint (and its deployments) go away.
    await ml.onlineEndpoints.beginDeleteAndWait(RG, WS, EP, FAST);
    await assert.rejects(ml.onlineEndpoints.get(RG, WS, EP), (e: { statusCode?: number }) => e.statusCode === 404);
  });
});

// What the foreign client taught, kept without Python: azure-ai-ml 1.4.0's `online-deployment create` with a local
// model and a local code folder, recorded by foreign/azure_ai_ml_local_assets.py --log into
// test/fixtures/foreign/azure-ai-ml-1.4.0-local-assets.txt, replayed with the JavaScript SDK clients, and the upload
// conversation compared request by request: datastore GET (+ listSecrets for an account key), blob HEAD of the
// indicator file (404 → PUT the files, PUT ?comp=metadata with upload_status/name/version; 200 → HEAD of the legacy
// az-ml-artifacts copy, no upload), then code, environment and model versions. Path 1 uses Shared Key; path 2
// (identity-based datastore) the caller's Entra token with Storage Blob Data Contributor.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

const FIXTURE = fileURLToPath(new URL('../fixtures/foreign/azure-ai-ml-1.4.0-local-assets.txt', import.meta.url));

/** The upload-related requests of a wire log (`METHOD host path status` lines), with run-specific names replaced. */
function uploadSequence(lines: string[]): string[] {
  return lines
    .filter((l) => /datastores|\.blob\.core\.windows\.net|\/codes\/|\/environments\/|\/models\//.test(l))
    .map((l) => l
      .replace(/\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/ ]+/i, '{ws}')
      .replace(/\/azureml-blobstore-[0-9a-f-]+/, '/{container}')
      .replace(/\/codes\/[0-9a-f-]{36}\//, '/codes/{name}/'));
}

describe('the azure-ai-ml round trip with local model and code, replayed with the JavaScript SDK clients', () => {
  let emu: Emu;
  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
  });
  after(() => emu.stop());

  /** azure-ai-ml's get_datastore_info: the default datastore, its account key unless it is identity-based. */
  async function datastoreContainer(ml: ReturnType<typeof mlClient>): Promise<{ container: ContainerClient; store: AzureBlobDatastore }> {
    const store = (await ml.datastores.get(RG, WS, 'workspaceblobstore')).properties as AzureBlobDatastore;
    const url = `https://${store.accountName ?? ''}.blob.${store.endpoint ?? ''}`;
    if (store.credentials.credentialsType === 'None') return { store, container: new BlobServiceClient(url, credential(emu)).getContainerClient(store.containerName ?? '') };
    const secrets = await ml.datastores.listSecrets(RG, WS, 'workspaceblobstore');
    assert.equal(secrets.secretsType, 'AccountKey');
    const key = (secrets as { key?: string }).key ?? '';
    return { store, container: new BlobServiceClient(url, new StorageSharedKeyCredential(store.accountName ?? '', key)).getContainerClient(store.containerName ?? '') };
  }

  /** azure-ai-ml's upload: an indicator blob with upload_status=completed (and no legacy copy) means "already there". */
  async function uploadFolder(container: ContainerClient, hash: string, folder: string, files: Record<string, string>, name: string): Promise<string> {
    const prefix = `LocalUpload/${hash}/${folder}`;
    const first = Object.keys(files)[0] ?? '';
    const metadataOf = (path: string): Promise<Record<string, string> | undefined> => container.getBlockBlobClient(path).getProperties().then((p) => p.metadata, (e: { statusCode?: number }) => {
      if (e.statusCode === 404) return undefined;
      throw e;
    });
    const existing = await metadataOf(`${prefix}/${first}`);
    if (existing) {
      assert.equal(await metadataOf(`az-ml-artifacts/${hash}/${folder}/${first}`), undefined); // the legacy folder is checked first
      if (existing['upload_status'] === 'completed') return prefix;
    }
    for (const [file, text] of Object.entries(files)) await container.getBlockBlobClient(`${prefix}/${file}`).upload(text, Buffer.byteLength(text));
    await container.getBlockBlobClient(`${prefix}/${first}`).setMetadata({ upload_status: 'completed', name, version: '1' });
    return prefix;
  }

  it('creates, reads, updates, invokes and deletes an endpoint whose deployment comes from a local model and code folder', async () => {
    const ml = mlClient(emu);
    const ws = await ml.workspaces.get(RG, WS);
    const ep = await ml.onlineEndpoints.beginCreateOrUpdateAndWait(RG, WS, EP, { location: ws.location ?? 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', description: 'js roundtrip' } }, FAST);
    assert.equal(ep.properties.provisioningState, 'Succeeded');
    const datastoreUri = (path: string): string => `azureml://subscriptions/${emu.inputs['subscription-id'] ?? ''}/resourcegroups/${RG}/workspaces/${WS}/datastores/workspaceblobstore/paths/${path}`;
    const env = (): ReturnType<typeof ml.environmentVersions.createOrUpdate> => ml.environmentVersions.createOrUpdate(RG, WS, 'CliV2AnonymousEnvironment', '973327cac04406a0444250348d5fc790', { properties: { image: 'mcr.microsoft.com/azureml/minimal-ubuntu22.04-py39-cpu-inference:latest', isAnonymous: true } });
    const model = async (): Promise<string> => {
      const { container } = await datastoreContainer(ml);
      const path = await uploadFolder(container, '486bfd7db3a2817c9fa1a7b5a019bd2f', 'model', { 'model.pkl': 'weights' }, '86c5ed02c7e09a633bc0d6be542810b0');
      return (await ml.modelVersions.createOrUpdate(RG, WS, '86c5ed02c7e09a633bc0d6be542810b0', '1', { properties: { modelUri: datastoreUri(path), modelType: 'custom_model', isAnonymous: true } })).id ?? '';
    };
    const code = async (hash: string, folder: string, text: string): Promise<string> => {
      const { container } = await datastoreContainer(ml);
      const path = await uploadFolder(container, hash, folder, { 'score.py': text }, folder);
      return (await ml.codeVersions.createOrUpdate(RG, WS, randomUUID(), '1', { properties: { codeUri: datastoreUri(path) } })).id ?? '';
    };
    const deployment = (codeId: string, environmentId: string, modelId: string): Parameters<typeof ml.onlineDeployments.beginCreateOrUpdateAndWait>[4] => ({
      location: 'eastus', sku: { name: 'Default', capacity: 1 },
      properties: { endpointComputeType: 'Managed', instanceType: 'Standard_DS3_v2', model: modelId, environmentId, codeConfiguration: { codeId, scoringScript: 'score.py' } },
    });

    // Path 1: the default datastore's account key (datastores get + listSecrets), Shared Key blob requests.
    await admin(emu, 'DELETE', '/requests');
    const codeId = await code('4f1f1927dd3badd8320c8eefc2cb1348', 'code', 'def init():\n    pass\n');
    const envId = (await env()).id ?? '';
    const blue = await ml.onlineDeployments.beginCreateOrUpdateAndWait(RG, WS, EP, 'blue', deployment(codeId, envId, await model()), FAST);
    assert.equal(blue.properties.provisioningState, 'Succeeded');
    assert.equal((await ml.onlineDeployments.get(RG, WS, EP, 'blue')).properties.codeConfiguration?.codeId, codeId);

    // Update: all traffic to blue; invoke with a key.
    const updated = await ml.onlineEndpoints.beginCreateOrUpdateAndWait(RG, WS, EP, { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', traffic: { blue: 100 } } }, FAST);
    assert.deepEqual(updated.properties.traffic, { blue: 100 });
    const keys = await ml.onlineEndpoints.listKeys(RG, WS, EP);
    const scored = await proxyFetch(emu, updated.properties.scoringUri ?? '', { method: 'POST', headers: { Authorization: `Bearer ${keys.primaryKey ?? ''}`, 'content-type': 'application/json' }, body: '{"data":[[1,2,3]]}' });
    assert.equal(scored.status, 200);
    assert.equal(scored.headers['azureml-model-deployment'], 'blue');

    // Path 2: identity-based datastore, the caller's own Entra token (needs Storage Blob Data Contributor).
    await admin(emu, 'PATCH', '/knobs', { storage: { datastoreCredentials: 'None' } });
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Storage Blob Data Contributor', scope: 'storage' });
    const code2Id = await code('bee799c132ba411fc22b03e66e128cd6', 'code2', 'def run(raw):\n    return [0]\n');
    const green = await ml.onlineDeployments.beginCreateOrUpdateAndWait(RG, WS, EP, 'green', deployment(code2Id, (await env()).id ?? '', await model()), FAST);
    assert.equal(green.properties.provisioningState, 'Succeeded');

    // The upload conversation is the one azure-ai-ml held (recorded by foreign/azure_ai_ml_local_assets.py --log).
    const log = await admin<{ method: string; host: string; path: string; status: number }[]>(emu, 'GET', '/requests');
    const recorded = uploadSequence(readFileSync(FIXTURE, 'utf8').split('\n'));
    assert.ok(recorded.length >= 20, 'the recording holds the upload conversation');
    assert.deepEqual(uploadSequence(log.body.map((r) => `${r.method} ${r.host} ${r.path} ${r.status}`)), recorded);

    // Delete: the endpoint (and its deployments) go away.
    await ml.onlineEndpoints.beginDeleteAndWait(RG, WS, EP, FAST);
    await assert.rejects(ml.onlineEndpoints.get(RG, WS, EP), (e: { statusCode?: number }) => e.statusCode === 404);
  });
});

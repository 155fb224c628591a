// Datastores (list/GET/listSecrets), model startPendingUpload, and the blob store reached the three ways clients reach it:
// Shared Key with the datastore's account key, an Entra token (Storage Blob Data Contributor / Reader) and a SAS
// (issue 6 item 7). The blob side is driven by the real @azure/storage-blob client.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BlobServiceClient, ContainerClient, StorageSharedKeyCredential } from '@azure/storage-blob';
import { admin, credential, scenarioPath, spawnEmulator, useEmulator, wsPath } from './harness.ts';
import type { Emu } from './harness.ts';
import { API, mlClient, raw } from './ml-test-client.ts';
import type { Json } from './ml-test-client.ts';

interface Datastore { name: string; properties: { datastoreType: string; isDefault: boolean; accountName: string; containerName: string; endpoint: string; credentials: { credentialsType: string } } }

describe('datastores and blob access', () => {
  let emu: Emu;
  let store: Datastore;
  const blobUrl = (): string => `https://${store.properties.accountName}.blob.core.windows.net`;
  const status = (e: unknown): number | undefined => (e as { statusCode?: number }).statusCode;
  const code = (e: unknown): string | undefined => (e as { code?: string }).code;

  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
  });
  after(() => emu.stop());

  it('lists the default workspaceblobstore and workspacefilestore; GET and listSecrets give the account key', async () => {
    const ml = mlClient(emu);
    const all = await raw(ml, 'GET', `${wsPath(emu)}/datastores?api-version=${API}`);
    assert.deepEqual((all.body['value'] as Datastore[]).map((d) => d.name).sort(), ['workspaceblobstore', 'workspacefilestore']);
    const defaults = await raw(ml, 'GET', `${wsPath(emu)}/datastores?api-version=${API}&isDefault=true`);
    store = (defaults.body['value'] as Datastore[])[0] as Datastore;
    assert.equal(store.name, 'workspaceblobstore');
    assert.deepEqual([store.properties.datastoreType, store.properties.accountName, store.properties.endpoint, store.properties.credentials.credentialsType], ['AzureBlob', 'demowsstorage', 'core.windows.net', 'AccountKey']);
    assert.match(store.properties.containerName, /^azureml-blobstore-[0-9a-f-]{36}$/);
    const one = await raw(ml, 'GET', `${wsPath(emu)}/datastores/workspaceblobstore?api-version=${API}`);
    assert.deepEqual(one.body, store);
    const secrets = await raw(ml, 'POST', `${wsPath(emu)}/datastores/workspaceblobstore/listSecrets?api-version=${API}`);
    assert.equal(secrets.body['secretsType'], 'AccountKey');
    assert.equal(Buffer.from(String(secrets.body['key']), 'base64').length, 64);
    assert.equal((await raw(ml, 'GET', `${wsPath(emu)}/datastores/nope?api-version=${API}`)).status, 404);
  });

  it('Shared Key: the account key signs uploads, metadata and listings; a wrong key is refused', async () => {
    const key = String((await raw(mlClient(emu), 'POST', `${wsPath(emu)}/datastores/workspaceblobstore/listSecrets?api-version=${API}`)).body['key']);
    const container = new BlobServiceClient(blobUrl(), new StorageSharedKeyCredential(store.properties.accountName, key), { retryOptions: { maxTries: 1 } }).getContainerClient(store.properties.containerName);
    const blob = container.getBlockBlobClient('LocalUpload/abc123/model dir/model.pkl');
    await blob.upload('weights', 7, { metadata: { upload_status: 'pending' } });
    await blob.setMetadata({ upload_status: 'completed', name: 'my-model', version: '1' });
    const props = await blob.getProperties();
    assert.deepEqual(props.metadata, { upload_status: 'completed', name: 'my-model', version: '1' });
    assert.equal((await blob.downloadToBuffer()).toString(), 'weights');
    const listed = [];
    for await (const b of container.listBlobsFlat({ prefix: 'LocalUpload/abc123/', includeMetadata: true })) listed.push([b.name, b.metadata?.['name']]);
    assert.deepEqual(listed, [['LocalUpload/abc123/model dir/model.pkl', 'my-model']]);
    const forged = new BlobServiceClient(blobUrl(), new StorageSharedKeyCredential(store.properties.accountName, Buffer.alloc(64, 1).toString('base64')), { retryOptions: { maxTries: 1 } });
    await assert.rejects(forged.getContainerClient(store.properties.containerName).getBlockBlobClient('x').upload('x', 1), (e) => status(e) === 403 && code(e) === 'AuthenticationFailed');
    await admin(emu, 'PATCH', '/knobs', { storage: { allowSharedKeyAccess: false } });
    await assert.rejects(blob.getProperties(), (e) => status(e) === 403);
    await admin(emu, 'PATCH', '/knobs', { storage: { allowSharedKeyAccess: true } });
  });

  it('Entra token: Storage Blob Data Contributor writes, Reader only reads, no role is AuthorizationPermissionMismatch', async () => {
    const container = (): ContainerClient => new BlobServiceClient(blobUrl(), credential(emu), { retryOptions: { maxTries: 1 } }).getContainerClient(store.properties.containerName);
    await assert.rejects(container().getBlockBlobClient('LocalUpload/entra/a.txt').upload('a', 1), (e) => status(e) === 403 && code(e) === 'AuthorizationPermissionMismatch');
    const granted = await admin<{ name: string }>(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Storage Blob Data Contributor', scope: 'storage' });
    await container().getBlockBlobClient('LocalUpload/entra/a.txt').upload('a', 1);
    await admin(emu, 'DELETE', `/role-assignments/${granted.body.name}`);
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Storage Blob Data Reader', scope: 'storage' });
    assert.equal((await container().getBlockBlobClient('LocalUpload/entra/a.txt').downloadToBuffer()).toString(), 'a');
    await assert.rejects(container().getBlockBlobClient('LocalUpload/entra/b.txt').upload('b', 1), (e) => status(e) === 403);
  });

  it('model startPendingUpload returns a SAS the blob client can upload with; the model version then points at it', async () => {
    const ml = mlClient(emu);
    const up = await raw(ml, 'POST', `${wsPath(emu)}/models/uploaded/versions/1/startPendingUpload?api-version=${API}`, { pendingUploadType: 'TemporaryBlobReference' });
    assert.equal(up.status, 200);
    const ref = up.body['blobReferenceForConsumption'] as { blobUri: string; credential: { credentialType: string; sasUri: string } };
    assert.equal(ref.credential.credentialType, 'SAS');
    const container = new ContainerClient(ref.credential.sasUri.replace(/\/LocalUpload\/[^?]+/, ''), undefined, { retryOptions: { maxTries: 1 } });
    const prefix = new URL(ref.blobUri).pathname.split('/').slice(2).join('/');
    await container.getBlockBlobClient(`${prefix}/model.pkl`).upload('w', 1);
    const put = await raw(ml, 'PUT', `${wsPath(emu)}/models/uploaded/versions/1?api-version=${API}`, { properties: { modelUri: `${ref.blobUri}/model.pkl`, modelType: 'custom_model' } });
    assert.equal(put.status, 201);
  });

  it('identity-based default datastore (storage.datastoreCredentials: None) has no secrets (assumed 400)', async () => {
    await admin(emu, 'PATCH', '/knobs', { storage: { datastoreCredentials: 'None' } });
    const ml = mlClient(emu);
    const d = (await raw(ml, 'GET', `${wsPath(emu)}/datastores/workspaceblobstore?api-version=${API}`)).body as unknown as Datastore;
    assert.equal(d.properties.credentials.credentialsType, 'None');
    const secrets = await raw(ml, 'POST', `${wsPath(emu)}/datastores/workspaceblobstore/listSecrets?api-version=${API}`);
    assert.equal(secrets.status, 400);
    assert.equal((secrets.body['error'] as Json)['code'], 'UserError');
    await admin(emu, 'PATCH', '/knobs', { storage: { datastoreCredentials: 'AccountKey' } });
  });
});

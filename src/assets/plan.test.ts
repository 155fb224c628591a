import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { planWith, planLines, datastoreName, sameEnvironmentFields, sameModelUri } from './plan.ts';
import { uploadWith, withAssetIds, setPointer, limiter } from './upload.ts';
import { FakeAzure, WS_PATH, copyModel1, model1Deployment, requestsFor } from './testkit.ts';

const DEPLOYMENT = (model?: string, name?: string): string => model1Deployment({ ...(model ? { model } : {}), ...(name ? { name } : {}) });

// The vectors of test/fixtures/assets/vectors.json (azure-ai-ml's own functions).
const PKL_HASH = 'b632ba47817aa1affecb682f146692d8';
const PKL_MODEL = '0d64fb4aba77b02b82eca0b3bb7d20df1f7594505cf9a41098946d7ba07fb866';
const CODE_SHA = '78695795db251fb77d0aa8ab2399171aa18b7e901124e0deba3e8fe0eb7c63b5';
const ENV_VERSION = 'bba2c4a6741b2705fa259da1620c9c73';
const BLOB = 'https://wsstore.blob.core.windows.net/azureml-blobstore-1';

describe('local assets: plan, upload, register', () => {
  it('first run uploads and registers model, code and environment as az ml names them', async () => {
    const dir = await copyModel1();
    const azure = new FakeAzure();
    const requests = requestsFor(dir, DEPLOYMENT());
    const plan = await planWith(azure.io(), requests);
    assert.deepEqual(plan.facts.map((f) => [f.kind, f.localPath, f.files, f.bytes]), [['model', 'model/sklearn_regression_model.pkl', 1, 756], ['code', 'onlinescoring/', 2, 1286 + 3648]]);
    assert.equal(plan.changes, true);
    const byKind = Object.fromEntries(plan.items.map((i) => [i.kind, i]));
    assert.equal(byKind.model?.name, PKL_MODEL);
    assert.equal(byKind.model?.version, '1');
    assert.equal(byKind.model?.id, `${WS_PATH}/models/${PKL_MODEL}/versions/1`);
    assert.equal(byKind.environment?.id, `${WS_PATH}/environments/CliV2AnonymousEnvironment/versions/${ENV_VERSION}`);
    assert.match(byKind.code?.description ?? '', /would upload 2 files, 4\.8 KiB/);
    assert.match(byKind.model?.description ?? '', /would upload 1 file, 756 B, then would register it/);
    assert.equal(azure.count('PUT blob') + azure.count('PUT models') + azure.count('PUT codes') + azure.count('POST startPendingUpload'), 0, 'planning writes nothing');

    const logs: string[] = [];
    const result = await uploadWith(azure.io(), plan, { log: (l) => logs.push(l), progressEveryMs: 0 });
    assert.equal(result.uploadedFiles, 3);
    assert.equal(result.uploadedBytes, 756 + 1286 + 3648);
    assert.equal(result.registered.length, 3);
    // Model: LocalUpload/<md5 object hash>/<file name> on the workspace blob store, completion metadata on it.
    const modelBlob = azure.blobs.get(`${BLOB}/LocalUpload/${PKL_HASH}/sklearn_regression_model.pkl`);
    assert.deepEqual(modelBlob?.metadata, { upload_status: 'completed', name: PKL_MODEL, version: '1' });
    const model = azure.versions.get(`models/${PKL_MODEL}/1`);
    assert.equal(model?.properties.modelUri, `azureml://subscriptions/${'00000000-0000-0000-0000-000000000001'}/resourcegroups/rg/workspaces/ws/datastores/workspaceblobstore/paths/LocalUpload/${PKL_HASH}/sklearn_regression_model.pkl`);
    assert.equal(model?.properties.isAnonymous, true);
    assert.equal(model?.properties.modelType, 'custom_model');
    // Code: the pending upload's folder + the code folder's name; the hash for the next run's search.
    const code = [...azure.versions.values()].find((v) => v.id.includes('/codes/'));
    assert.equal(code?.properties.codeUri, `${BLOB}/LocalUpload/pending-1/onlinescoring`);
    assert.deepEqual(code?.properties.properties, { hash_sha256: CODE_SHA, hash_version: '202208' });
    assert.ok(azure.blobs.has(`${BLOB}/LocalUpload/pending-1/onlinescoring/score.py`));
    assert.equal(azure.blobs.get(`${BLOB}/LocalUpload/pending-1/onlinescoring/score.py`)?.metadata.upload_status, 'completed', 'the indicator (first) file');
    assert.deepEqual(azure.blobs.get(`${BLOB}/LocalUpload/pending-1/onlinescoring/score_managedidentity.py`)?.metadata, {});
    // Environment: no upload, the re-dumped conda file.
    assert.match(String(azure.versions.get(`environments/CliV2AnonymousEnvironment/${ENV_VERSION}`)?.properties.condaFile), /^channels:\n- conda-forge\n/);
    assert.ok(logs.some((l) => /Uploading 3 file\(s\), 5\.6 KiB/.test(l)) && logs.some((l) => /Uploaded 3 file\(s\)/.test(l)), logs.join('\n'));

    // The deployment body carries the ids.
    const body = withAssetIds(requests[0]!, plan) as { properties: { model: string; environmentId: string; codeConfiguration: { codeId: string; scoringScript: string } } };
    assert.equal(body.properties.model, byKind.model?.id);
    assert.equal(body.properties.environmentId, byKind.environment?.id);
    assert.equal(body.properties.codeConfiguration.codeId, byKind.code?.id);
    assert.equal(body.properties.codeConfiguration.scoringScript, 'score.py');

    // Second run, nothing changed: nothing to upload or register.
    azure.calls = [];
    const again = await planWith(azure.io(), requestsFor(dir, DEPLOYMENT()));
    assert.equal(again.changes, false);
    assert.ok(again.items.every((i) => i.exists), planLines(again).map((l) => l.description).join('\n'));
    assert.equal(again.items.find((i) => i.kind === 'code')?.id, code?.id, 'the code version found by its hash');
    const second = await uploadWith(azure.io(), again);
    assert.equal(second.uploadedBytes, 0);
    assert.equal(azure.count('PUT blob') + azure.count('PUT models') + azure.count('PUT codes') + azure.count('PUT environments') + azure.count('POST startPendingUpload'), 0);

    // A changed file: a new code version and a new anonymous model.
    await writeFile(join(dir, 'onlinescoring/score.py'), '# changed\n', { flag: 'a' });
    await writeFile(join(dir, 'model/sklearn_regression_model.pkl'), 'x', { flag: 'a' });
    const changed = await planWith(azure.io(), requestsFor(dir, DEPLOYMENT()));
    const kinds = changed.items.filter((i) => !i.exists).map((i) => i.kind).sort();
    assert.deepEqual(kinds, ['code', 'model']);
    assert.notEqual(changed.items.find((i) => i.kind === 'model')?.name, PKL_MODEL);
    await uploadWith(azure.io(), changed);
    assert.equal(azure.count('PUT codes'), 1);
    assert.equal(azure.count('PUT models'), 1);
    await rm(dir, { recursive: true, force: true });
  });

  it('honours .amlignore over .gitignore, and refuses a folder with nothing left', async () => {
    const dir = await copyModel1();
    await writeFile(join(dir, 'onlinescoring/.amlignore'), 'score_managedidentity.py\n.amlignore\n');
    await writeFile(join(dir, 'onlinescoring/.gitignore'), 'score.py\n');
    const azure = new FakeAzure();
    const plan = await planWith(azure.io(), requestsFor(dir, DEPLOYMENT()));
    await uploadWith(azure.io(), plan);
    const codeBlobs = [...azure.blobs.keys()].filter((k) => k.includes('pending-')).map((k) => k.slice(k.indexOf('onlinescoring'))).sort();
    assert.deepEqual(codeBlobs, ['onlinescoring/.gitignore', 'onlinescoring/score.py']);

    await writeFile(join(dir, 'onlinescoring/.amlignore'), '*\n');
    const empty = await planWith(new FakeAzure().io(), requestsFor(dir, DEPLOYMENT()));
    assert.deepEqual(empty.facts.filter((f) => f.kind === 'code').map((f) => [f.file, f.line, f.files, f.ignoreFile]), [['deploy-0.yml', 6, 0, '.amlignore']]);
    assert.equal(empty.items.some((i) => i.kind === 'code'), false);
    await rm(dir, { recursive: true, force: true });
  });

  it('two deployments that share folders share one upload; a model folder uploads under its name', async () => {
    const dir = await copyModel1();
    const azure = new FakeAzure();
    const requests = requestsFor(dir, DEPLOYMENT('model/', 'blue'), DEPLOYMENT('model/', 'green'));
    const plan = await planWith(azure.io(), requests);
    assert.equal(plan.items.length, 3);
    assert.ok(plan.items.every((i) => i.targets.length === 2));
    await uploadWith(azure.io(), plan);
    assert.equal(azure.count('POST startPendingUpload'), 1);
    assert.ok(azure.blobs.has(`${BLOB}/LocalUpload/0e0b580d527d72f39abdfe6b4f6cf262/model/sklearn_regression_model.pkl`));
    assert.ok(azure.versions.has('models/a23aaf1a8c97e24bf08b231d1cb2c3c52fb078c6fcc5602b091acd12bebda064/1'));
    for (const r of requests) assert.equal((withAssetIds(r, plan) as { properties: { model: string } }).properties.model, plan.items.find((i) => i.kind === 'model')?.id);
    await rm(dir, { recursive: true, force: true });
  });

  it('files uploaded by an earlier run (completion metadata) are not sent again; the version is still registered', async () => {
    const dir = await copyModel1();
    const azure = new FakeAzure();
    await uploadWith(azure.io(), await planWith(azure.io(), requestsFor(dir, DEPLOYMENT())));
    azure.versions.clear(); // the versions were deleted, the blobs stay
    azure.calls = [];
    const plan = await planWith(azure.io(), requestsFor(dir, DEPLOYMENT()));
    assert.match(plan.items.find((i) => i.kind === 'model')?.description ?? '', /files already uploaded; would register it/);
    await uploadWith(azure.io(), plan);
    assert.equal(azure.calls.filter((c) => c.op === 'PUT blob' && c.detail.includes('LocalUpload/b632')).length, 0);
    assert.equal(azure.count('PUT models'), 1);
    await rm(dir, { recursive: true, force: true });
  });

  it('a named model without a version reuses its latest version when the files match, else takes the next', async () => {
    const dir = await copyModel1();
    const yaml = DEPLOYMENT().replace('model:\n  path:', 'model:\n  name: my-model\n  path:');
    const azure = new FakeAzure();
    const first = await planWith(azure.io(), requestsFor(dir, yaml));
    assert.equal(first.items.find((i) => i.kind === 'model')?.version, '1');
    await uploadWith(azure.io(), first);
    const again = await planWith(azure.io(), requestsFor(dir, yaml));
    assert.equal(again.items.find((i) => i.kind === 'model')?.exists, true);
    await writeFile(join(dir, 'model/sklearn_regression_model.pkl'), 'x', { flag: 'a' });
    const changed = await planWith(azure.io(), requestsFor(dir, yaml));
    const m = changed.items.find((i) => i.kind === 'model');
    assert.deepEqual([m?.name, m?.version, m?.exists], ['my-model', '2', false]);
    await rm(dir, { recursive: true, force: true });
  });

  it('a local build context uploads to the datastore and names the environment version from its hash', async () => {
    const dir = await copyModel1();
    await mkdir(join(dir, 'docker'));
    await writeFile(join(dir, 'docker/Dockerfile'), 'FROM mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest\n');
    const yaml = DEPLOYMENT().replace(/environment:\n(?: {2}.*\n)+/, 'environment:\n  build:\n    path: docker\n    dockerfile_path: Dockerfile\n');
    const azure = new FakeAzure();
    const plan = await planWith(azure.io(), requestsFor(dir, yaml));
    const env = plan.items.find((i) => i.kind === 'environment');
    assert.equal(env?.name, 'CliV2AnonymousEnvironment');
    assert.match(env?.version ?? '', /^[0-9a-f]{32}$/);
    await uploadWith(azure.io(), plan);
    const stored = azure.versions.get(`environments/CliV2AnonymousEnvironment/${env?.version ?? ''}`);
    const contextUri = (stored?.properties.build as { contextUri: string }).contextUri;
    assert.match(contextUri, /^https:\/\/wsstore\.blob\.core\.windows\.net\/azureml-blobstore-1\/LocalUpload\/[0-9a-f]{32}\/docker\/$/);
    assert.ok(azure.blobs.has(`${contextUri}Dockerfile`));
    await rm(dir, { recursive: true, force: true });
  });

  it('a refused token falls back to the datastore account key, as az ml uploads; the key is never logged', async () => {
    const dir = await copyModel1();
    const azure = new FakeAzure();
    azure.refuseToken = true;
    const logs: string[] = [];
    await uploadWith(azure.io(), await planWith(azure.io(), requestsFor(dir, DEPLOYMENT())), { log: (l) => logs.push(l) });
    assert.equal(azure.count('POST datastore listSecrets'), 1);
    assert.equal(azure.blobs.get(`${BLOB}/LocalUpload/${PKL_HASH}/sklearn_regression_model.pkl`)?.metadata.upload_status, 'completed');
    assert.ok(logs.some((l) => /refused the workflow identity's token .*account key, as az ml does/.test(l)), logs.join('\n'));
    assert.ok(!logs.join('\n').includes('c2VjcmV0LWFjY291bnQta2V5'));
    azure.datastore.credentialsType = 'None';
    azure.versions.clear();
    azure.blobs.clear();
    await assert.rejects(uploadWith(azure.io(), await planWith(azure.io(), requestsFor(dir, DEPLOYMENT()))), /AuthorizationPermissionMismatch/, 'an identity-based datastore has no key to fall back to');
    await rm(dir, { recursive: true, force: true });
  });

  it('an upload failure surfaces and nothing is registered for that asset', async () => {
    const dir = await copyModel1();
    const azure = new FakeAzure();
    azure.failUploads = { suffix: 'score_managedidentity.py', times: 1 };
    const plan = await planWith(azure.io(), requestsFor(dir, DEPLOYMENT()));
    await assert.rejects(uploadWith(azure.io(), plan), (e: Error & { partial?: { registered: string[] } }) => e.name === 'AssetUploadError' && /ServerBusy/.test(e.message) && e.partial?.registered.every((id) => !id.includes('/codes/')) === true);
    assert.equal(azure.count('PUT codes'), 0);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('helpers', () => {
  it('datastoreName accepts a name, azureml:<name> and an ARM id', () => {
    assert.equal(datastoreName(undefined), 'workspaceblobstore');
    assert.equal(datastoreName('mystore'), 'mystore');
    assert.equal(datastoreName('azureml:mystore'), 'mystore');
    assert.equal(datastoreName(`${WS_PATH}/datastores/mystore`), 'mystore');
  });
  it('setPointer escapes ~0 and ~1', () => {
    const doc: Record<string, unknown> = {};
    setPointer(doc, '/properties/dataCollector/collections/a~1b/dataId', 'x');
    assert.deepEqual(doc, { properties: { dataCollector: { collections: { 'a/b': { dataId: 'x' } } } } });
  });
  it('limiter runs at most n at once', async () => {
    const limit = limiter(2);
    let active = 0;
    let peak = 0;
    await Promise.all(Array.from({ length: 6 }, () => limit(async () => {
      peak = Math.max(peak, ++active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    })));
    assert.equal(peak, 2);
  });
});

describe('asset reuse compares what Azure stores (recorded normalisation)', () => {
  it('a modelUri with resourcegroups matches the stored resourceGroups form; another path does not', () => {
    const sent = 'azureml://subscriptions/s/resourcegroups/rg/workspaces/ws/datastores/workspaceblobstore/paths/LocalUpload/abc/model.pkl';
    assert.equal(sameModelUri(sent.replace('/resourcegroups/', '/resourceGroups/'), sent), true);
    assert.equal(sameModelUri(sent.replace('abc', 'abd'), sent), false);
  });

  it('a conda YAML matches the JSON text Azure stores, osType Linux matches an absent one; a changed dependency does not', () => {
    const yaml = 'channels:\n- conda-forge\ndependencies:\n- python=3.10\n- pip:\n  - numpy==1.26.4\nname: env\n';
    const stored = { image: 'mcr.microsoft.com/azureml/base:1', osType: 'Linux', condaFile: JSON.stringify({ channels: ['conda-forge'], dependencies: ['python=3.10', { pip: ['numpy==1.26.4'] }], name: 'env' }, null, 2) };
    assert.equal(sameEnvironmentFields(stored, { image: 'mcr.microsoft.com/azureml/base:1', condaFile: yaml }), true);
    assert.equal(sameEnvironmentFields(stored, { image: 'mcr.microsoft.com/azureml/base:1', condaFile: yaml.replace('1.26.4', '2.0.0') }), false);
    assert.equal(sameEnvironmentFields(stored, { image: 'mcr.microsoft.com/azureml/base:1', condaFile: yaml, osType: 'Windows' }), false);
  });
});

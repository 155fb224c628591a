// End-to-end: a deployment whose code folder and conda environment are local (azureml-examples
// style, cli/endpoints/online/model-1) deployed by dist/index.js against Azure in a box on the
// realistic profile, which stores asset versions normalised as Azure does (test/fixtures/recorded): validate
// says what would be uploaded and writes nothing; deploy uploads, registers and deploys with the
// asset ids; a re-run finds everything in place and writes nothing; a changed file gives a new
// code version. A local model folder goes to the workspace blob store with the workflow identity's
// Entra token, under the name and path az ml gives it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ENDPOINT, admin, deploy, useRealisticProfile, world, type Emu } from './deploy-harness.ts';
import { scenarioPath, spawnEmulator } from '../emulator/harness.ts';
import { runAction } from './harness.ts';
import { model1Deployment } from '../../src/assets/testkit.ts';

const MODEL1 = fileURLToPath(new URL('../fixtures/assets/model-1/', import.meta.url));
const text = (rel: string): string => readFileSync(join(MODEL1, rel), 'utf8');
const ENV_VERSION = 'bba2c4a6741b2705fa259da1620c9c73';

const DEPLOYMENT = model1Deployment({ model: 'azureml:demo-model:1', endpoint: 'shop-ep' });

const FILES = {
  'ml/endpoint.yml': ENDPOINT,
  'ml/blue.yml': DEPLOYMENT,
  'ml/onlinescoring/score.py': text('onlinescoring/score.py'),
  'ml/onlinescoring/score_managedidentity.py': text('onlinescoring/score_managedidentity.py'),
  'ml/onlinescoring/.amlignore': 'score_managedidentity.py\n',
  'ml/environment/conda.yaml': text('environment/conda.yaml'),
};
const INPUTS = { 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', traffic: 'all' };

interface AssetState { kind: string; name: string; version: string }
async function assets(emu: Emu): Promise<AssetState[]> {
  return (await admin<{ assets: AssetState[] }>(emu, 'GET', '/state')).body.assets;
}

/** Every write to ARM or to blob storage (POST startPendingUpload and blob PUTs included). */
async function writesAnywhere(emu: Emu): Promise<string[]> {
  const log = (await admin<Array<{ method: string; host: string; path: string }>>(emu, 'GET', '/requests')).body;
  return log.filter((r) => (r.host.startsWith('management.') && r.method !== 'GET') || (r.host.includes('.blob.') && r.method !== 'GET' && r.method !== 'HEAD')).map((r) => `${r.method} ${r.host}${r.path}`);
}

let emu: Emu;
before(async () => {
  emu = await spawnEmulator(scenarioPath('deploy.yml'));
  await useRealisticProfile(emu);
});
after(() => emu.stop());

describe('local code and environment, end to end', () => {
  it('validate plans the uploads; deploy uploads, registers and deploys; a re-run writes nothing; a change makes a new code version', async () => {
    const validate = await runAction({ inputs: { ...emu.inputs, mode: 'validate', ...INPUTS }, files: FILES, env: emu.env, timeoutMs: 90_000 });
    assert.equal(validate.code, 0, validate.stdout);
    assert.match(validate.stdout, /code from onlinescoring\/: would upload 2 files, [\d.]+ KiB and register a new anonymous code version/);
    assert.match(validate.stdout, new RegExp(`environment CliV2AnonymousEnvironment:${ENV_VERSION} with environment/conda.yaml: would register it`));
    assert.equal(validate.outputs.changes, 'true');
    assert.deepEqual(await writesAnywhere(emu), [], 'validate writes nothing');

    const first = await deploy(emu, INPUTS, FILES);
    assert.equal(first.code, 0, first.stdout);
    assert.match(first.stdout, /Uploaded 2 file\(s\)/);
    const held = await assets(emu);
    const codes = held.filter((a) => a.kind === 'codes');
    assert.equal(codes.length, 1, JSON.stringify(held));
    const code = codes[0] as AssetState;
    assert.ok(held.some((a) => a.kind === 'environments' && a.name === 'CliV2AnonymousEnvironment' && a.version === ENV_VERSION));
    const state = await admin<{ blobs: { path: string }[]; onlineEndpoints: Array<{ name: string; deployments: Array<{ name: string; properties: { codeConfiguration?: { codeId?: string }; environmentId?: string } }> }> }>(emu, 'GET', '/state');
    assert.deepEqual(state.body.blobs.map((b) => b.path.split('/').slice(-2).join('/')).sort(), ['onlinescoring/.amlignore', 'onlinescoring/score.py'], 'the .amlignore pattern is honoured');
    const blue = state.body.onlineEndpoints.find((e) => e.name === 'shop-ep')?.deployments.find((d) => d.name === 'blue');
    assert.match(blue?.properties.codeConfiguration?.codeId ?? '', new RegExp(`/codes/${code.name}/versions/${code.version}$`));
    assert.match(blue?.properties.environmentId ?? '', new RegExp(`/environments/CliV2AnonymousEnvironment/versions/${ENV_VERSION}$`));
    assert.deepEqual((await world(emu))['shop-ep']?.deployments, { blue: 'Succeeded' });

    await admin(emu, 'DELETE', '/requests');
    const again = await deploy(emu, INPUTS, FILES);
    assert.equal(again.code, 0, again.stdout);
    assert.match(again.stdout, /an identical version already exists \(/);
    assert.deepEqual(await writesAnywhere(emu), [], 'the re-run sent no write (no upload, no asset PUT, no deployment update)');
    assert.match(again.summary, /Nothing to change/);

    const changed = await deploy(emu, INPUTS, { ...FILES, 'ml/onlinescoring/score.py': `${FILES['ml/onlinescoring/score.py']}\n# v2\n` });
    assert.equal(changed.code, 0, changed.stdout);
    assert.equal((await assets(emu)).filter((a) => a.kind === 'codes').length, 2, 'a new code version for the changed file');
  });

  it('a local model folder goes to workspaceblobstore under its hash name (Entra token, else the datastore key as az ml); the re-run sends nothing', async () => {
    await admin(emu, 'POST', '/reset');
    await useRealisticProfile(emu);
    const files = {
      ...FILES,
      'ml/blue.yml': model1Deployment({ model: 'model/', endpoint: 'shop-ep' }),
      'ml/model/weights.txt': 'not a real model, but bytes to hash\n',
      'ml/model/.gitignore': '*.tmp\n',
      'ml/model/scratch.tmp': 'ignored\n',
    };
    // An identity-based datastore and no blob data role: nothing to upload with.
    await admin(emu, 'PATCH', '/knobs', { storage: { datastoreCredentials: 'None' } });
    const refused = await deploy(emu, INPUTS, files);
    assert.notEqual(refused.code, 0, 'without a blob data role the upload is refused');
    assert.match(refused.stdout, /Uploading or registering local assets failed/);
    assert.match(refused.stdout, /Storage Blob Data Contributor/);

    // The default datastore holds the account key: the token is refused, the key is used, as az ml does.
    await admin(emu, 'PATCH', '/knobs', { storage: { datastoreCredentials: 'AccountKey' } });
    const first = await deploy(emu, INPUTS, files);
    assert.equal(first.code, 0, first.stdout);
    assert.match(first.stdout, /uploading with datastore workspaceblobstore's account key, as az ml does/);
    const state = await admin<{ blobs: { path: string }[]; assets: AssetState[] }>(emu, 'GET', '/state');
    const modelBlobs = state.body.blobs.map((b) => b.path).filter((p) => /\/LocalUpload\/[0-9a-f]{32}\/model\//.test(p));
    assert.deepEqual(modelBlobs.map((p) => p.split('/').slice(-2).join('/')).sort(), ['model/.gitignore', 'model/weights.txt'], 'the .gitignore pattern is honoured');
    const models = state.body.assets.filter((a) => a.kind === 'models' && /^[0-9a-f]{64}$/.test(a.name));
    assert.equal(models.length, 1, 'an anonymous model named by the SHA-256 of its object hash');
    assert.equal(models[0]?.version, '1');

    await admin(emu, 'DELETE', '/requests');
    const again = await deploy(emu, INPUTS, files);
    assert.equal(again.code, 0, again.stdout);
    assert.deepEqual(await writesAnywhere(emu), [], 'the re-run sent no write');

    // With Storage Blob Data Contributor the workflow identity's own token does it: no key is read.
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Storage Blob Data Contributor', scope: 'storage' });
    await admin(emu, 'DELETE', '/requests');
    const changed = await deploy(emu, INPUTS, { ...files, 'ml/model/weights.txt': 'other bytes\n' });
    assert.equal(changed.code, 0, changed.stdout);
    assert.doesNotMatch(changed.stdout, /account key/);
    const log = (await admin<Array<{ method: string; path: string }>>(emu, 'GET', '/requests')).body;
    assert.equal(log.filter((r) => /\/datastores\/[^/]+\/listsecrets$/i.test(r.path)).length, 0);
  });
});

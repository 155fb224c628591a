// The asset adapter against Azure in a box (test/emulator): real ARM calls and real
// @azure/storage-blob uploads to the emulated blob store with the SAS startPendingUpload hands out.
// The model and build-context path (a datastore and an Entra token) waits for the emulator's
// datastores route; src/assets/plan.test.ts covers it with fakes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { admin, scenarioPath, spawnEmulator, type Emu } from '../../test/emulator/harness.ts';
import { planLocalAssets } from '../assets/plan.ts';
import { uploadLocalAssets, withAssetIds } from '../assets/upload.ts';
import { copyModel1, model1Deployment, requestsFor } from '../assets/testkit.ts';
import { emulatorSession } from '../../test/assets/emulator-session.ts';
import type { AssetSession } from './assets.ts';

const CODE_ONLY = model1Deployment({ model: 'azureml:demo-model:1' });

interface State { blobs: { path: string; size: number }[]; assets?: unknown }

describe('local code upload against the emulator', () => {
  let emu: Emu;
  let s: AssetSession;
  let dir = '';
  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    s = emulatorSession(emu);
    dir = await copyModel1();
  });
  after(async () => {
    await emu.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const codeBlobs = async (): Promise<string[]> => (await admin<State>(emu, 'GET', '/state')).body.blobs.map((b) => b.path.slice(b.path.indexOf('/LocalUpload/') + 1)).sort();

  it('first run uploads the folder (ignore file honoured) and registers the code version; a second run sends nothing; a change gives a new version', async () => {
    await writeFile(join(dir, 'onlinescoring/.amlignore'), 'score_managedidentity.py\n');
    const logs: string[] = [];
    const plan = await planLocalAssets(s, requestsFor(dir, CODE_ONLY));
    const code = plan.items.find((i) => i.kind === 'code');
    assert.equal(code?.exists, false);
    assert.deepEqual(await codeBlobs(), [], 'validate (planning) uploads nothing');
    await uploadLocalAssets(s, plan, { log: (l) => logs.push(l) });
    const blobs = await codeBlobs();
    assert.equal(blobs.length, 2, blobs.join(', '));
    assert.ok(blobs.some((b) => b.endsWith('/onlinescoring/score.py')) && blobs.some((b) => b.endsWith('/onlinescoring/.amlignore')));
    assert.ok(!blobs.some((b) => b.includes('score_managedidentity')), 'the .amlignore pattern is honoured');
    const registered = await s.arm.send<{ properties: { codeUri: string; properties: Record<string, string> } }>({ method: 'GET', path: code?.id ?? '', apiVersion: '2026-09-01' });
    assert.match(registered.body.properties.codeUri, /^https:\/\/[a-z0-9]+\.blob\.core\.windows\.net\/azureml-blobstore-[0-9a-f-]+\/LocalUpload\/[0-9a-f-]+\/onlinescoring$/);
    assert.equal(registered.body.properties.properties.hash_version, '202208');
    const body = withAssetIds(requestsFor(dir, CODE_ONLY)[0]!, plan) as { properties: { codeConfiguration: { codeId: string } } };
    assert.equal(body.properties.codeConfiguration.codeId, code?.id);

    await admin(emu, 'DELETE', '/requests');
    const again = await planLocalAssets(s, requestsFor(dir, CODE_ONLY));
    assert.equal(again.changes, false, again.items.map((i) => i.description).join('\n'));
    assert.equal(again.items.find((i) => i.kind === 'code')?.id, code?.id);
    const second = await uploadLocalAssets(s, again);
    assert.equal(second.uploadedBytes, 0);
    const writes = (await admin<{ method: string; host: string }[]>(emu, 'GET', '/requests')).body.filter((r) => r.method !== 'GET' && r.method !== 'HEAD');
    assert.deepEqual(writes, [], 'the second run writes nothing');

    await writeFile(join(dir, 'onlinescoring/score.py'), '\n# changed\n', { flag: 'a' });
    const changed = await planLocalAssets(s, requestsFor(dir, CODE_ONLY));
    const newCode = changed.items.find((i) => i.kind === 'code');
    assert.equal(newCode?.exists, false);
    assert.notEqual(newCode?.id, code?.id);
    await uploadLocalAssets(s, changed);
    assert.equal((await codeBlobs()).length, 4);
  });

  it('large files go up in blocks, and a refused block is retried', async () => {
    await mkdir(join(dir, 'big'), { recursive: true });
    await writeFile(join(dir, 'big/weights.bin'), Buffer.alloc(20 * 1024 * 1024, 7));
    await writeFile(join(dir, 'big/score.py'), 'def init():\n    pass\n');
    const yaml = CODE_ONLY.replace('code: onlinescoring/', 'code: big/');
    await admin(emu, 'DELETE', '/requests');
    await admin(emu, 'POST', '/faults', { host: '*.blob.core.windows.net', method: 'PUT', status: 503, times: 1 });
    const plan = await planLocalAssets(s, requestsFor(dir, yaml));
    const result = await uploadLocalAssets(s, plan);
    assert.equal(result.uploadedBytes, 20 * 1024 * 1024 + 21);
    const state = (await admin<State>(emu, 'GET', '/state')).body;
    assert.ok(state.blobs.some((b) => b.path.endsWith('/big/weights.bin') && b.size === 20 * 1024 * 1024));
    const puts = (await admin<{ method: string; host: string; status: number }[]>(emu, 'GET', '/requests')).body.filter((r) => r.method === 'PUT' && r.host.includes('.blob.'));
    assert.ok(puts.some((r) => r.status === 503), 'the fault was hit');
    assert.ok(puts.filter((r) => r.status === 201).length >= 4, `3 blocks + block list + score.py, got ${puts.length}`);
  });
});

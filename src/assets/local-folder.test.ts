import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareCodePoints, contentHash, objectHash, readLocalAsset } from './local-folder.ts';
import { anonymousModelName, blobNames, buildContextEnvironmentVersion, datastoreUploadPath } from './names.ts';

// Vectors: azure-ai-ml's own functions run on these folders (test/fixtures/assets/generate.py).
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures/assets');
interface Vector {
  case: string;
  kind: 'file' | 'dir';
  ignoreFile: string | null;
  objectHash: string;
  contentHash: string;
  anonymousModelName: string;
  buildContextEnvironmentVersion: string | null;
  buildContextEnvironmentVersionWithDockerfile: string | null;
  blobs: string[];
}
const VECTORS = JSON.parse(readFileSync(join(FIXTURES, 'vectors.json'), 'utf8')) as { sdk: string; cases: Vector[] };
const TREES = JSON.parse(readFileSync(join(FIXTURES, 'trees.json'), 'utf8')) as { trees: Record<string, { files: Record<string, string>; emptyDirs: string[] }> };

describe(`local asset hashes equal ${VECTORS.sdk}'s`, () => {
  let tmp = '';
  before(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'asset-vectors-'));
    for (const [name, tree] of Object.entries(TREES.trees)) {
      for (const [rel, content] of Object.entries(tree.files)) {
        const abs = join(tmp, name, rel);
        await mkdir(dirname(abs), { recursive: true });
        await writeFile(abs, rel.endsWith('.bin') ? Buffer.from(content, 'latin1') : Buffer.from(content, 'utf8'));
      }
      for (const rel of tree.emptyDirs) await mkdir(join(tmp, name, rel), { recursive: true });
    }
  });
  after(() => rm(tmp, { recursive: true, force: true }));

  const pathOf = (c: string): string => (c.startsWith('trees.json#') ? join(tmp, c.slice('trees.json#'.length)) : join(FIXTURES, c));

  for (const v of VECTORS.cases) {
    it(v.case, async () => {
      const asset = await readLocalAsset(pathOf(v.case));
      assert.equal(asset.kind, v.kind);
      assert.equal(asset.ignore.file ?? null, v.ignoreFile);
      const oh = await objectHash(asset);
      assert.equal(oh, v.objectHash, 'object hash (MD5)');
      assert.equal(await contentHash(asset), v.contentHash, 'content hash (SHA-256)');
      assert.equal(anonymousModelName(oh), v.anonymousModelName);
      assert.deepEqual(blobNames(datastoreUploadPath(oh, asset.name), asset.kind, asset.files.map((f) => f.relPath)), v.blobs, 'uploaded files, in upload order');
      if (v.buildContextEnvironmentVersion) assert.equal(buildContextEnvironmentVersion(oh), v.buildContextEnvironmentVersion);
      if (v.buildContextEnvironmentVersionWithDockerfile) assert.equal(buildContextEnvironmentVersion(oh, 'docker/Dockerfile'), v.buildContextEnvironmentVersionWithDockerfile);
    });
  }

  it('yaml-to-rest.md §6.4.1 vectors are among them', () => {
    const byCase = Object.fromEntries(VECTORS.cases.map((c) => [c.case, c]));
    assert.equal(byCase['model-1/model']?.objectHash, '0e0b580d527d72f39abdfe6b4f6cf262');
    assert.equal(byCase['model-1/model']?.anonymousModelName, 'a23aaf1a8c97e24bf08b231d1cb2c3c52fb078c6fcc5602b091acd12bebda064');
    assert.equal(byCase['model-1/model']?.contentHash, '0000141b297ccb51469053c90b18df070c584ee10c96b5e4b779c5416a2b9cdb');
    assert.equal(byCase['model-1/model/sklearn_regression_model.pkl']?.objectHash, 'b632ba47817aa1affecb682f146692d8');
    assert.equal(byCase['model-1/model/sklearn_regression_model.pkl']?.anonymousModelName, '0d64fb4aba77b02b82eca0b3bb7d20df1f7594505cf9a41098946d7ba07fb866');
    assert.equal(byCase['model-1/onlinescoring']?.objectHash, 'c58189b61859fc15cc2b20dce628d781');
    assert.equal(byCase['model-1/onlinescoring']?.contentHash, '78695795db251fb77d0aa8ab2399171aa18b7e901124e0deba3e8fe0eb7c63b5');
  });
});

describe('compareCodePoints', () => {
  const cases: Array<[string, string, number]> = [
    ['a', 'b', -1],
    ['B', 'a', -1],
    ['a', 'a', 0],
    ['a', 'ab', -1],
    ['\u{1F600}', '\uFFFD', 1], // an astral character sorts after U+FFFD in Python, before it in UTF-16
  ];
  for (const [a, b, sign] of cases) it(`${JSON.stringify(a)} vs ${JSON.stringify(b)}`, () => assert.equal(Math.sign(compareCodePoints(a, b)), sign));
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { localAssetsCheck } from './local-assets.ts';
import { context, facts } from './testkit.ts';
import type { LocalAssetFacts } from './facts.ts';

const asset = (p: Partial<LocalAssetFacts>): LocalAssetFacts => ({ kind: 'code', file: 'blue.yml', line: 6, column: 9, endLine: 6, endColumn: 23, localPath: './onlinescoring', files: 2, bytes: 10, ...p });

describe('local-assets check', () => {
  const table: Array<[string, LocalAssetFacts[] | undefined, string[]]> = [
    ['no local assets', undefined, []],
    ['folders with files', [asset({}), asset({ kind: 'model', files: 1 })], []],
    ['a code folder emptied by its .amlignore', [asset({ files: 0, bytes: 0, ignoreFile: '.amlignore' })], ["local-asset-empty@blue.yml:6 The code folder './onlinescoring' has no file to upload once its .amlignore is applied: az ml refuses an empty folder."]],
    ['an empty model folder', [asset({ kind: 'model', localPath: 'model', files: 0, bytes: 0 })], ["local-asset-empty@blue.yml:6 The model folder 'model' has no file to upload: az ml refuses an empty folder."]],
  ];
  for (const [name, localAssets, want] of table) {
    it(name, () => {
      const ctx = context({ facts: { ...facts(), ...(localAssets ? { localAssets } : {}) } });
      assert.deepEqual(localAssetsCheck.run(ctx).map((f) => `${f.rule}@${f.file}:${f.line} ${f.message}`), want);
    });
  }
});

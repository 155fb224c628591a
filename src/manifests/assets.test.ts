import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAssetRef, parseComputeRef, pyStrNode, resolvePath, type AssetType } from './assets.ts';
import { Ctx } from './schema.ts';
import { load } from './testkit.ts';
import type { YMap } from './tree.ts';

const SPAN = { line: 3, column: 8, endLine: 3, endColumn: 20 };
const ARM = '/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w';

describe('parseAssetRef', () => {
  const ok: Array<[string, AssetType, unknown]> = [
    ['azureml:m:1', 'models', { kind: 'version', type: 'models', name: 'm', version: '1', text: 'azureml:m:1' }],
    ['azureml:m:1:2', 'models', { kind: 'version', type: 'models', name: 'm', version: '1:2', text: 'azureml:m:1:2' }],
    ['azureml:m@latest', 'models', { kind: 'label', type: 'models', name: 'm', label: 'latest', text: 'azureml:m@latest' }],
    [`azureml:${ARM}/models/m/versions/2`, 'models', { kind: 'arm', type: 'models', id: `${ARM}/models/m/versions/2`, text: `azureml:${ARM}/models/m/versions/2` }],
    ['azureml://registries/azureml/models/m/labels/latest', 'models', { kind: 'registry', type: 'models', uri: 'azureml://registries/azureml/models/m/labels/latest', text: 'azureml://registries/azureml/models/m/labels/latest' }],
    ['azureml:AzureML-sklearn-1.0@latest', 'environments', { kind: 'curated', type: 'environments', ref: 'azureml:AzureML-sklearn-1.0@latest', text: 'azureml:AzureML-sklearn-1.0@latest' }],
    ['azureml:c:1', 'codes', { kind: 'version', type: 'codes', name: 'c', version: '1', text: 'azureml:c:1' }],
  ];
  for (const [text, type, expected] of ok) {
    it(`accepts ${text}`, () => {
      const ctx = new Ctx('f.yml');
      assert.deepEqual(parseAssetRef(text, type, 'model', SPAN, ctx), expected);
      assert.deepEqual(ctx.findings, []);
    });
  }
  const bad: Array<[string, AssetType, RegExp]> = [
    ['m:1', 'models', /azureml: prefix/],
    ['azureml:m', 'models', /Version must be provided/],
    ['azureml:m:', 'models', /Version must be provided/],
    ['azureml:m@prod', 'models', /latest is the only label/],
    ['azureml:@latest', 'models', /not a valid/],
    [`azureml:${ARM}/models/m`, 'models', /not a versioned/],
    [`azureml:${ARM}/environments/e/versions/1`, 'models', /not a versioned model id/],
    ['azureml://subscriptions/x', 'models', /only azureml:\/\/registries/],
    ['azureml:c@latest', 'codes', /cannot be referenced by label/],
    ['azureml:AzureML-x:1', 'models', /./],
  ];
  for (const [text, type, msg] of bad) {
    it(`rejects ${text}${type !== 'models' ? ` (${type})` : ''}`, () => {
      const ctx = new Ctx('f.yml');
      const r = parseAssetRef(text, type, 'model', SPAN, ctx);
      if (text === 'azureml:AzureML-x:1') {
        // curated prefixes only mean something for environments: a model named AzureML-x is just a name
        assert.equal(r?.kind, 'version');
        return;
      }
      assert.equal(r, undefined);
      assert.equal(ctx.findings.length, 1);
      assert.equal(ctx.findings[0]?.rule, 'schema');
      assert.equal(ctx.findings[0]?.line, 3);
      assert.match(ctx.findings[0]?.message ?? '', msg);
    });
  }
});

describe('parseComputeRef', () => {
  it('name', () => assert.deepEqual(parseComputeRef('azureml:k8s', 'compute', SPAN, new Ctx('f')), { name: 'k8s' }));
  it('ARM id', () => assert.deepEqual(parseComputeRef(`azureml:${ARM}/computes/k`, 'compute', SPAN, new Ctx('f')), { id: `${ARM}/computes/k` }));
  it('no prefix', () => {
    const ctx = new Ctx('f');
    assert.equal(parseComputeRef('k8s', 'compute', SPAN, ctx), undefined);
    assert.equal(ctx.findings.length, 1);
  });
});

describe('resolvePath', () => {
  const cases: Array<[string, string, string]> = [
    ['/repo/a/b', 'model', '/repo/a/b/model'],
    ['/repo/a/b', './model/', '/repo/a/b/model'],
    ['/repo/a/b', '../../model-1/model/', '/repo/model-1/model'],
    ['/repo/a/b', '/abs/x', '/abs/x'],
    ['/repo/a/b', '.', '/repo/a/b'],
    ['C:\\work\\repo', 'model\\m.pkl', 'C:/work/repo/model/m.pkl'],
    ['rel/dir', '../../../x', '../x'],
  ];
  for (const [dir, p, expected] of cases) it(`${dir} + ${p}`, () => assert.equal(resolvePath(dir, p), expected));
});

describe('pyStrNode (Python str() of tag/property/env values; an empty value stays null)', () => {
  const cases: Array<[string, string | null]> = [
    ['abc', 'abc'],
    ['true', 'True'],
    ['no', 'False'],
    ['3.10', '3.1'],
    ['1.0e+3', '1000.0'],
    ['1e3', '1e3'],
    ['010', '8'],
    ['~', null],
    ['null', null],
    ["'None'", 'None'],
    ['2021-01-01', '2021-01-01'],
    ['{a: 1, b: [x, null]}', "{'a': 1, 'b': ['x', None]}"],
    ["[it's]", '["it\'s"]'],
  ];
  for (const [yaml, expected] of cases) {
    it(`${yaml} → ${expected}`, () => {
      const root = load(`v: ${yaml}\n`) as YMap;
      const e = root.entries[0];
      assert.ok(e);
      assert.equal(pyStrNode(e.value), expected);
    });
  }
});

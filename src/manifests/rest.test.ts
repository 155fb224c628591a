import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ML_API_VERSION, anonymousEnvironmentVersion, isoDuration } from './rest.ts';
import { dumpPyYaml } from './pydump.ts';
import { load } from './testkit.ts';

describe('ML_API_VERSION', () => {
  it('is one pinned stable version', () => assert.equal(ML_API_VERSION, '2026-09-01'));
});

describe('isoDuration (isodate.duration_isoformat of a timedelta)', () => {
  const cases: Array<[number, string]> = [
    [5000, 'PT5S'],
    [90000, 'PT1M30S'],
    [500, 'PT0.5S'],
    [1250, 'PT1.25S'],
    [60000, 'PT1M'],
    [3600000, 'PT1H'],
    [86400000, 'P1D'],
    [90061001, 'P1DT1H1M1.001S'],
    [180000, 'PT3M'],
  ];
  for (const [ms, iso] of cases) it(`${ms} ms → ${iso}`, () => assert.equal(isoDuration(ms), iso));
});

describe('dumpPyYaml (PyYAML 6 yaml.dump(sort_keys=True), expected outputs produced by PyYAML)', () => {
  const cases: Array<[string, string, string]> = [
    [
      'research §6.4.1 conda.yaml',
      'name: model-env\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.12\n  - numpy=2.3.1\n  - pip=25.1.1\n  - scikit-learn=1.7.0\n  - scipy=1.16.0\n  - pip:\n    - azureml-inference-server-http==1.4.1\n    - inference-schema[numpy-support]\n    - joblib\n',
      'channels:\n- conda-forge\ndependencies:\n- python=3.12\n- numpy=2.3.1\n- pip=25.1.1\n- scikit-learn=1.7.0\n- scipy=1.16.0\n- pip:\n  - azureml-inference-server-http==1.4.1\n  - inference-schema[numpy-support]\n  - joblib\nname: model-env\n',
    ],
    [
      'quoting of strings that would change type or are not plain',
      "a: ''\nb: 'yes'\nc: '1.0'\nd: 0o10\ne: 1e3\nf: '- x'\ng: 'a: b'\nh: 'a #b'\ni: '#x'\nj: \"é\"\nk: it's\nl: ' lead'\nm: 'x:'\nn: 'null'\no: '2021-01-01'\np: '~'\nq: '0x1F'\nr: '1_000'\ns: '[x]'\nt: a,b\nu: '@x'\nv: '?'\nx: \"tab\\there\"\ny: '*a'\nz: '!x'\n",
      "a: ''\nb: 'yes'\nc: '1.0'\nd: 0o10\ne: 1e3\nf: '- x'\ng: 'a: b'\nh: 'a #b'\ni: '#x'\nj: \"\\xE9\"\nk: it's\nl: ' lead'\nm: 'x:'\nn: 'null'\no: '2021-01-01'\np: '~'\nq: '0x1F'\nr: '1_000'\ns: '[x]'\nt: a,b\nu: '@x'\nv: '?'\nx: \"tab\\there\"\ny: '*a'\nz: '!x'\n",
    ],
    [
      'nesting, empty collections and non-string scalars',
      'num: [1, 1.5, 1.0e-05, true, null, .inf]\nnested:\n  deep:\n    list: [[1, 2], []]\n    empty: {}\n',
      'nested:\n  deep:\n    empty: {}\n    list:\n    - - 1\n      - 2\n    - []\nnum:\n- 1\n- 1.5\n- 1.0e-05\n- true\n- null\n- .inf\n',
    ],
    [
      'long plain scalars fold at 80 columns',
      "dependencies:\n  - pip\n  - pip:\n    - --extra-index-url https://example.com/a/very/long/path/to/a/package/index/simple some-package==1.0 other\nx: alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma\n",
      'dependencies:\n- pip\n- pip:\n  - --extra-index-url https://example.com/a/very/long/path/to/a/package/index/simple\n    some-package==1.0 other\nx: alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron\n  pi rho sigma\n',
    ],
    ['top-level list of mappings', '- a: 1\n- b\n', '- a: 1\n- b\n'],
  ];
  for (const [title, input, expected] of cases) {
    it(title, () => {
      const root = load(input);
      assert.ok(root);
      assert.equal(dumpPyYaml(root), expected);
    });
  }
});

describe('anonymous environment version (research §6.4.1 vector)', () => {
  it('image + conda.yaml of managed/sample/blue-deployment.yml', () => {
    const conda = 'channels:\n- conda-forge\ndependencies:\n- python=3.12\n- numpy=2.3.1\n- pip=25.1.1\n- scikit-learn=1.7.0\n- scipy=1.16.0\n- pip:\n  - azureml-inference-server-http==1.4.1\n  - inference-schema[numpy-support]\n  - joblib\nname: model-env\n';
    const v = anonymousEnvironmentVersion({ image: 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest', condaFile: conda, condaFilePath: 'c.yaml', tags: {}, properties: {}, span: { line: 1, column: 1, endLine: 1, endColumn: 1 } });
    assert.equal(v, 'bba2c4a6741b2705fa259da1620c9c73');
  });
  it('is not computed when it depends on uploads', () => {
    const span = { line: 1, column: 1, endLine: 1, endColumn: 1 };
    assert.equal(anonymousEnvironmentVersion({ build: { path: 'ctx', isUrl: false }, tags: {}, properties: {}, span }), undefined);
    assert.equal(anonymousEnvironmentVersion({ image: 'x', condaFilePath: 'c.yaml', tags: {}, properties: {}, span }), undefined);
    assert.match(anonymousEnvironmentVersion({ image: 'x', tags: {}, properties: {}, span }) ?? '', /^[0-9a-f]{32}$/);
  });
});

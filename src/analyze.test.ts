import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyze, type AnalysisInput, type SourceText } from './analyze.ts';
import { parseScopedOverrides } from './manifests/override-scope.ts';

const ENDPOINT = 'name: my-endpoint\nauth_mode: key\ntraffic:\n  blue: 100\n';
const BLUE = 'name: blue\nendpoint_name: my-endpoint\nmodel: azureml:m:1\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n';
const GREEN = BLUE.replace('name: blue', 'name: green');

function source(displayPath: string, text: string): SourceText {
  return { displayPath, dir: '/work/ml', text };
}

function run(files: { endpoint?: string; deployments?: string[] }, sets = '', extra: Partial<AnalysisInput> = {}, secretSets = '') {
  const plain = parseScopedOverrides(sets);
  const secret = parseScopedOverrides(secretSets, { input: 'secret-set' });
  assert.deepEqual([...plain.errors, ...secret.errors], []);
  const overrides = [...plain.overrides, ...secret.overrides];
  return analyze({
    ...(files.endpoint === undefined ? {} : { endpoint: source('endpoint.yml', files.endpoint) }),
    deployments: (files.deployments ?? []).map((t, i) => source(`d${i + 1}.yml`, t)),
    overrides,
    fs: { exists: () => 'file' },
    unknownTrafficSeverity: 'warning',
    ...extra,
  });
}

function brief(r: ReturnType<typeof run>): string[] {
  return r.findings.map((f) => `${f.rule}/${f.severity}@${f.file}:${f.line}:${f.column}`);
}

describe('analyze: files checked against each other', () => {
  // [title, files, expected findings]
  const cases: Array<[string, { endpoint?: string; deployments?: string[] }, string[]]> = [
    ['endpoint and its deployment', { endpoint: ENDPOINT, deployments: [BLUE] }, []],
    ['a deployment alone', { deployments: [BLUE] }, []],
    ['two deployment files with the same name', { endpoint: ENDPOINT, deployments: [BLUE, BLUE] }, ['file-mismatch/error@d2.yml:1:7']],
    ['the same name in another letter case (names are lower-cased)', { endpoint: ENDPOINT, deployments: [BLUE, BLUE.replace('name: blue', 'name: BLUE')] }, ['file-mismatch/error@d2.yml:1:7']],
    ['two different deployments', { endpoint: 'name: my-endpoint\ntraffic:\n  blue: 90\n  green: 10\n', deployments: [BLUE, GREEN] }, []],
    ['a deployment of another endpoint', { endpoint: ENDPOINT, deployments: [BLUE.replace('endpoint_name: my-endpoint', 'endpoint_name: other-endpoint')] }, ['file-mismatch/error@d1.yml:2:16']],
    ['traffic to a deployment in no file: a warning offline', { endpoint: ENDPOINT, deployments: [GREEN] }, ['traffic/warning@endpoint.yml:4:3']],
    ['a syntax error stops that file only', { endpoint: 'name: [x\n', deployments: [BLUE] }, ['yaml-syntax/error@endpoint.yml:2:1']],
    ['an empty file', { deployments: [''] }, ['schema/error@d1.yml:1:1']],
  ];
  for (const [title, files, expected] of cases) {
    it(title, () => assert.deepEqual(brief(run(files)), expected));
  }
  // [title, files, set input, expected findings, planned requests]
  const more: Array<[string, { endpoint?: string; deployments?: string[] }, string, string[], number]> = [
    ['endpoint schema errors are reported, and no endpoint is planned', { endpoint: 'name: my-endpoint\nauth_mod: key\n' }, '', ['schema/error@endpoint.yml:2:1'], 0],
    ['a reference in the endpoint file is misplaced', { endpoint: 'name: my-endpoint\ntags:\n  k: ${{azureml://connections/c/target}}\n' }, '', ['secret-ref-placement/warning@endpoint.yml:3:6'], 1],
    ['deployment schema errors are reported, and no deployment is planned', { deployments: [`${BLUE}instance_cnt: 2\n`] }, '', ['schema/error@d1.yml:6:1'], 0],
    ['a malformed reference in a deployment', { deployments: [`${BLUE}environment_variables:\n  K: \${azureml://connections/c/target}\n`] }, '', ['secret-ref-syntax/error@d1.yml:7:6'], 1],
    ['a set override that descends through a scalar', { deployments: [BLUE] }, 'deployment:model.path=x', ['schema/error@d1.yml:3:8'], 1],
    ['a set override fills an empty file', { deployments: [''] }, 'deployment:name=blue\ndeployment:endpoint_name=my-endpoint\ndeployment:instance_type=Standard_DS3_v2', [], 1],
    ['a syntax error: nothing else in that file, the other file planned', { endpoint: 'name: [x\n', deployments: [BLUE] }, '', ['yaml-syntax/error@endpoint.yml:2:1'], 1],
  ];
  for (const [title, files, sets, expected, requests] of more) {
    it(title, () => {
      const r = run(files, sets);
      assert.deepEqual(brief(r), expected);
      assert.equal(r.plan.requests.length, requests);
    });
  }
  it('the file-mismatch findings are at the name and at endpoint_name, with a fix', () => {
    const dup = run({ endpoint: ENDPOINT, deployments: [BLUE, BLUE] }).findings[0];
    assert.deepEqual([dup?.line, dup?.column, dup?.endColumn], [1, 7, 11]);
    assert.match(dup?.hint ?? '', /its own deployment name/);
    const other = run({ endpoint: ENDPOINT, deployments: [BLUE.replace('endpoint_name: my-endpoint', 'endpoint_name: other-endpoint')] }).findings[0];
    assert.match(other?.message ?? '', /targets endpoint 'other-endpoint', but the endpoint file endpoint\.yml defines 'my-endpoint'/);
    assert.equal(other?.hint, 'Set endpoint_name: my-endpoint in the deployment (or endpoint_name=my-endpoint in the set input).');
  });
  it('an empty file says so', () => {
    const f = run({ deployments: [''] }).findings[0];
    assert.match(f?.message ?? '', /file is empty/);
    assert.match(f?.hint ?? '', /Write the endpoint or deployment YAML/);
  });
  it('traffic to a deployment in no file is an error when the caller knows the workspace', () => {
    assert.deepEqual(brief(run({ endpoint: ENDPOINT, deployments: [GREEN] }, '', { unknownTrafficSeverity: 'error' })), ['traffic/error@endpoint.yml:4:3']);
  });
  it('the message names the other file', () => {
    const r = run({ endpoint: ENDPOINT, deployments: [BLUE, BLUE] });
    assert.match(r.findings[0]?.message ?? '', /'blue' is also defined in d1\.yml/);
  });
});

describe('analyze: the plan', () => {
  it('one PUT per file, endpoint first, with the workspace placeholders offline', () => {
    const r = run({ endpoint: ENDPOINT, deployments: [BLUE] });
    assert.deepEqual(
      r.plan.requests.map((q) => [q.method, q.path.replace(/^.*\/onlineEndpoints\//, '')]),
      [
        ['PUT', 'my-endpoint'],
        ['PUT', 'my-endpoint/deployments/blue'],
      ],
    );
    assert.match(r.plan.requests[0]?.path ?? '', /^\/subscriptions\/\{subscriptionId\}\//);
  });
  it('a known workspace replaces the placeholders; empty values do not', () => {
    const r = run({ endpoint: ENDPOINT }, '', { workspace: { subscriptionId: 'sub', resourceGroup: '', location: 'westus' } });
    assert.match(r.plan.requests[0]?.path ?? '', /^\/subscriptions\/sub\/resourceGroups\/\{resourceGroup\}\//);
    assert.equal((r.plan.requests[0]?.body as { location: string }).location, 'westus');
  });
  it('the plan describes each request', () => {
    const r = run({ endpoint: ENDPOINT, deployments: [BLUE] });
    assert.deepEqual(r.plan.requests.map((q) => q.description), ['create or update endpoint my-endpoint', 'create or update deployment blue on endpoint my-endpoint']);
  });
  it('only secret-set values are kept for redaction, empty ones not', () => {
    const r = run({ deployments: [BLUE] }, 'environment_variables.PLAIN=readable', {}, 'environment_variables.EMPTY=\nenvironment_variables.X=v');
    assert.deepEqual(r.overrideValues, ['v']);
  });
  it('local files to upload and anonymous assets are described', () => {
    const r = run({ deployments: [BLUE.replace('model: azureml:m:1', 'model:\n  path: ./model\nenvironment:\n  image: img:1')] });
    assert.deepEqual(r.plan.assets, [
      { kind: 'model', description: 'upload ./model (anonymous) (d1.yml:4)' },
      { kind: 'environment', description: `register CliV2AnonymousEnvironment as CliV2AnonymousEnvironment:${/environments\/CliV2AnonymousEnvironment\/versions\/([0-9a-f]{32})/.exec(JSON.stringify(r.plan.requests))?.[1] ?? ''} (d1.yml:6)` },
    ]);
  });
  // [title, set, secret-set, environment variables in the plan]
  const redaction: [string, string, string, Record<string, string>][] = [
    ['a secret-set variable is redacted in the plan', '', 'environment_variables.TOKEN=s3cr3t', { A: 'plain', TOKEN: '***' }],
    ['a set variable is shown', 'environment_variables.TOKEN=visible', '', { A: 'plain', TOKEN: 'visible' }],
    ['secret-set wins over set for the same variable', 'environment_variables.TOKEN=visible', 'environment_variables.TOKEN=s3cr3t', { A: 'plain', TOKEN: '***' }],
    ['a reference given through secret-set stays a reference', '', 'environment_variables.REF=${{azureml://connections/c/target}}', { A: 'plain', REF: '${{azureml://connections/c/target}}' }],
    ['a file variable set by secret-set is redacted', '', 'environment_variables.A=s3cr3t', { A: '***' }],
  ];
  for (const [title, sets, secretSets, expected] of redaction) {
    it(title, () => {
      const r = run({ deployments: [`${BLUE}environment_variables:\n  A: plain\n`] }, sets, {}, secretSets);
      const env = (r.plan.requests[0]?.body as { properties: { environmentVariables: Record<string, string> } }).properties.environmentVariables;
      assert.deepEqual(env, expected);
      assert.ok(!JSON.stringify(r.plan).includes('s3cr3t'));
    });
  }
  it('references of every deployment are collected in file order', () => {
    const ref = (c: string) => `\${{azureml://connections/${c}/target}}`;
    const r = run({ deployments: [`${BLUE}environment_variables:\n  A: ${ref('one')}\n`, `${GREEN}environment_variables:\n  B: ${ref('two')}\n`] });
    assert.deepEqual(r.references.map((x) => [x.variable, x.kind === 'keyvault' ? '' : x.connection]), [['A', 'one'], ['B', 'two']]);
  });
  it('assets to register are described with their file and line', () => {
    const r = run({ deployments: [BLUE.replace('model: azureml:m:1', 'model: azureml:m@latest')] });
    assert.deepEqual(r.plan.assets, [{ kind: 'model', description: 'resolve m@latest (d1.yml:3)' }]);
  });
});

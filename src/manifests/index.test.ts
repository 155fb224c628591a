import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { detectKind, extractEnvironmentVariables } from './index.ts';
import { load } from './testkit.ts';

describe('detectKind', () => {
  const cases: Array<[string, string]> = [
    ['name: e\nauth_mode: key\n', 'endpoint'],
    ['name: e\ncompute: azureml:k\n', 'endpoint'],
    ['name: e\ntype: online\ndeployments: []\n', 'endpoint'],
    ['name: d\nendpoint_name: e\n', 'deployment'],
    ['name: d\nmodel: azureml:m:1\ninstance_type: x\n', 'deployment'],
    ['$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: d\n', 'deployment'],
    ['$schema: https://azuremlschemas.azureedge.net/latest/kubernetesOnlineEndpoint.schema.json\nname: e\n', 'endpoint'],
    ['name: x\n', 'unknown'],
    ['- a\n', 'unknown'],
  ];
  for (const [yaml, kind] of cases) it(`${JSON.stringify(yaml)} → ${kind}`, () => assert.equal(detectKind(load(yaml)), kind));
  it('empty file', () => assert.equal(detectKind(undefined), 'unknown'));
});

describe('extractEnvironmentVariables', () => {
  it('reads them even when the file has schema errors', () => {
    const vars = extractEnvironmentVariables(load('name: x_y\nbogus: 1\nenvironment_variables:\n  A: ${{azureml://connections/c/target}}\n  B: 2\n'));
    assert.deepEqual(vars.map((v) => [v.name, v.value, v.span.line, v.span.column]), [
      ['A', '${{azureml://connections/c/target}}', 4, 6],
      ['B', '2', 5, 6],
    ]);
  });
  it('nothing for other shapes', () => {
    assert.deepEqual(extractEnvironmentVariables(load('environment_variables: [a]\n')), []);
    assert.deepEqual(extractEnvironmentVariables(undefined), []);
  });
});

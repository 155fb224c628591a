import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ambiguousOverrides, overridesFor, parseScopedOverrides, type FileKind } from './override-scope.ts';

describe('parseScopedOverrides', () => {
  it('reads prefixes and keeps line numbers', () => {
    const { overrides, errors } = parseScopedOverrides('endpoint:name=ep\n\nDeployment: instance_count=2\nbroken');
    assert.deepEqual(overrides.map((o) => [o.scope, o.path, o.value, o.lineNumber]), [
      ['endpoint', 'name', 'ep', 1],
      ['deployment', 'instance_count', '2', 3],
    ]);
    assert.equal(errors.length, 1);
    assert.match(errors[0] ?? '', /^set, line 4: "broken" has no "="/);
  });
});

describe('overridesFor', () => {
  const { overrides } = parseScopedOverrides(
    ['endpoint_name=ep', 'auth_mode=aml_token', 'tags.team=ml', 'environment_variables.X=1', 'endpoint:description=e', 'bogus.key=1'].join('\n'),
  );
  const cases: [FileKind, string[]][] = [
    ['endpoint', ['auth_mode', 'tags.team', 'description', 'bogus.key']],
    ['deployment', ['endpoint_name', 'tags.team', 'environment_variables.X', 'bogus.key']],
  ];
  for (const [kind, paths] of cases) {
    it(`routes to the ${kind}`, () => assert.deepEqual(overridesFor(kind, overrides).map((o) => o.path), paths));
  }
});

describe('ambiguousOverrides', () => {
  const { overrides } = parseScopedOverrides('name=x\ndeployment:name=blue');
  it('flags an unscoped name= when both kinds are given', () => {
    assert.deepEqual(ambiguousOverrides(overrides, { endpoint: true, deployment: true }), [
      'set, line 1: "name=x" would rename both the endpoint and the deployment; write endpoint:name=x or deployment:name=x.',
    ]);
  });
  it('accepts it with one kind of file', () => assert.deepEqual(ambiguousOverrides(overrides, { endpoint: false, deployment: true }), []));
});

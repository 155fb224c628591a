import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ambiguousOverrides, overridesFor, parseScopedOverrides, secretNameOverrides, secretOverrideValues, type FileKind } from './override-scope.ts';

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

describe('secret-set', () => {
  const secret = (text: string) => parseScopedOverrides(text, { input: 'secret-set' });
  it('marks every override secret and keeps the prefixes', () => {
    const { overrides } = secret('deployment:environment_variables.TOKEN=abcd\nenvironment_variables.K=wxyz');
    assert.deepEqual(overrides.map((o) => [o.scope, o.path, o.secret]), [['deployment', 'environment_variables.TOKEN', true], [undefined, 'environment_variables.K', true]]);
  });
  it('set overrides are not secret', () => assert.deepEqual(parseScopedOverrides('a=b').overrides.map((o) => o.secret), [undefined]));
  // A problem names the input and the line, never the text of a secret-set line.
  const problems: [string, RegExp][] = [
    ['s3cr3t-value', /^secret-set, line 1: the line has no "="/],
    ['=s3cr3t-value', /^secret-set, line 1: the line has an empty path/],
    ['a..b=s3cr3t-value', /^secret-set, line 1: invalid path "a..b"/],
  ];
  for (const [line, pattern] of problems) {
    it(`reports ${line} without its value`, () => {
      const { errors } = secret(line);
      assert.match(errors[0] ?? '', pattern);
      assert.ok(!errors.join().includes('s3cr3t-value'));
    });
  }
  it('a name cannot be secret; other keys can', () => {
    const { overrides } = secret('endpoint:name=ep\nendpoint_name=ep\ntags.name=x\nenvironment_variables.name=y');
    assert.equal(secretNameOverrides(overrides).length, 2);
    assert.match(secretNameOverrides(overrides)[0] ?? '', /secret-set, line 1: name is a name/);
    assert.deepEqual(secretNameOverrides(parseScopedOverrides('name=ep').overrides), []);
  });
  it('the values to mask are the non-empty secret-set ones', () => {
    const overrides = [...parseScopedOverrides('tags.a=plain').overrides, ...secret('tags.b=hidden\ntags.c=').overrides];
    assert.deepEqual(secretOverrideValues(overrides), ['hidden']);
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

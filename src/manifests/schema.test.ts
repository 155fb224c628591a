import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Ctx, bool, camelToSnake, checkName, dict, enumOf, float, int, list, object, required, str } from './schema.ts';
import { brief, load } from './testkit.ts';
import type { YMap, YNode } from './tree.ts';

function value(yaml: string): YNode {
  const root = load(`v: ${yaml}\n`) as YMap;
  const e = root.entries[0];
  assert.ok(e);
  return e.value;
}

describe('scalar fields (marshmallow coercions)', () => {
  const cases: Array<[string, () => { parse: (n: YNode, p: string, c: Ctx) => unknown }, string, unknown]> = [
    ['str accepts a string', str, 'abc', 'abc'],
    ['str accepts a quoted number', str, '"12"', '12'],
    ['str rejects an int', str, '12', undefined],
    ['str rejects a bool', str, 'yes', undefined],
    ['str rejects a date', str, '2021-01-01', undefined],
    ['str rejects null', str, '', undefined],
    ['int accepts an int', int, '3', 3],
    ['int accepts a numeric string (set overrides)', int, '"2"', 2],
    ['int truncates a float', int, '2.7', 2],
    ['int accepts YAML 1.1 octal', int, '010', 8],
    ['int rejects a bool', int, 'true', undefined],
    ['int rejects a non-numeric string', int, 'two', undefined],
    ['int rejects "2.5"', int, '"2.5"', undefined],
    ['float accepts an int', float, '1', 1],
    ['float accepts a numeric string', float, '"0.25"', 0.25],
    ['float rejects .nan', float, '.nan', undefined],
    ['bool accepts true', bool, 'true', true],
    ['bool accepts "yes" string', bool, '"yes"', true],
    ['bool accepts 0', bool, '0', false],
    ['bool accepts "False"', bool, '"False"', false],
    ['bool rejects "maybe"', bool, 'maybe', undefined],
    ['bool rejects 2', bool, '2', undefined],
  ];
  for (const [title, field, yaml, expected] of cases) {
    it(title, () => {
      const ctx = new Ctx('f.yml');
      const got = field().parse(value(yaml), 'v', ctx);
      assert.deepEqual(got, expected);
      assert.equal(ctx.findings.length, expected === undefined ? 1 : 0);
      if (expected === undefined) assert.deepEqual(brief(ctx.findings), [['schema', 1, 4]]);
    });
  }
});

describe('enumOf (StringTransformedEnum)', () => {
  const cases: Array<[readonly string[], 'lower' | 'camelToSnake', string, string | undefined]> = [
    [['key', 'aml_token', 'aad_token'], 'camelToSnake', 'AMLToken', 'aml_token'],
    [['key', 'aml_token', 'aad_token'], 'camelToSnake', 'Key', 'key'],
    [['key', 'aml_token', 'aad_token'], 'camelToSnake', 'amltoken', undefined],
    [['enabled', 'disabled'], 'lower', 'Disabled', 'disabled'],
    [['enabled', 'disabled'], 'lower', 'off', undefined],
  ];
  for (const [values, tf, input, expected] of cases) {
    it(`${input} → ${expected}`, () => {
      const ctx = new Ctx('f.yml');
      assert.equal(enumOf(values, tf).parse(value(input), 'v', ctx), expected);
      assert.equal(ctx.findings.length, expected === undefined ? 1 : 0);
    });
  }
  it('suggests the closest value', () => {
    const ctx = new Ctx('f.yml');
    enumOf(['system_assigned', 'user_assigned', 'none'], 'camelToSnake').parse(value('user_asigned'), 'identity.type', ctx);
    assert.equal(ctx.findings[0]?.hint, "Did you mean 'user_assigned'?");
  });
});

describe('camelToSnake', () => {
  for (const [a, b] of [['AMLToken', 'aml_token'], ['SystemAssigned', 'system_assigned'], ['TargetUtilization', 'target_utilization'], ['AADToken', 'aad_token'], ['user_assigned', 'user_assigned'], ['Kubernetes', 'kubernetes']]) {
    it(`${a} → ${b}`, () => assert.equal(camelToSnake(a ?? ''), b));
  }
});

describe('object (unknown = RAISE)', () => {
  const schema = object({ name: required(str()), count: int(), sub: object({ a: required(str()) }), tags: dict(), items: list(str()) }, { dumpOnly: ['kind'], elsewhere: { compute: 'compute is elsewhere.' } });
  const cases: Array<[string, string, Array<[string, number, number]>]> = [
    ['valid', 'name: x\ncount: 1\nsub:\n  a: b\ntags: {k: 1}\nitems: [a]\n', []],
    ['dump-only and $schema dropped', '$schema: x\nkind: y\nname: x\n', []],
    ['unknown key at the key', 'name: x\ncuont: 1\n', [['schema', 2, 1]]],
    ['unknown nested key', 'name: x\nsub:\n  a: b\n  c: d\n', [['schema', 4, 3]]],
    ['missing required at the top: first line', 'count: 1\n', [['schema', 1, 1]]],
    ['missing nested required at the parent key', 'name: x\nsub:\n  b: 1\n', [['schema', 3, 3], ['schema', 2, 1]]],
    ['elsewhere keys explained', 'name: x\ncompute: c\n', [['schema', 2, 1]]],
    ['dict must be a mapping', 'name: x\ntags: [a]\n', [['schema', 2, 7]]],
    ['list items typed', 'name: x\nitems: [a, 1]\n', [['schema', 2, 12]]],
  ];
  for (const [title, yaml, expected] of cases) {
    it(title, () => {
      const ctx = new Ctx('f.yml');
      schema.parse(load(yaml) as YNode, '', ctx);
      assert.deepEqual(brief(ctx.findings), expected, JSON.stringify(ctx.findings));
    });
  }
  it('hints the closest key', () => {
    const ctx = new Ctx('f.yml');
    schema.parse(load('name: x\ncuont: 1\n') as YNode, '', ctx);
    assert.equal(ctx.findings[0]?.hint, 'Did you mean count?');
  });
});

describe('checkName (invalid-name)', () => {
  const span = { line: 1, column: 7, endLine: 1, endColumn: 10 };
  const cases: Array<[string, boolean]> = [
    ['my-endpoint', true],
    ['abc', true],
    ['Blue1', true],
    ['a'.repeat(32), true],
    ['ab', false],
    ['a'.repeat(33), false],
    ['1abc', false],
    ['my_endpoint', false],
    ['abc-', false],
    ['-abc', false],
    ['a.b.c', false],
  ];
  for (const [name, ok] of cases) {
    it(`${name} ${ok ? 'ok' : 'rejected'}`, () => {
      const ctx = new Ctx('f.yml');
      assert.equal(checkName(ctx, name, span, 'endpoint'), ok);
      assert.deepEqual(brief(ctx.findings), ok ? [] : [['invalid-name', 1, 7]]);
    });
  }
  it('suggests a valid name', () => {
    const ctx = new Ctx('f.yml');
    checkName(ctx, 'regular_deployment', span, 'deployment');
    assert.equal(ctx.findings[0]?.hint, "Rename it, e.g. 'regular-deployment'.");
  });
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pythonFloatRepr, pythonStr, toPlain } from './pystr.ts';
import { loadYaml } from './yaml.ts';
import type { ScalarValue } from './tree.ts';

// Expected strings are Python 3 str()/repr() outputs.
const FLOATS: [number, string][] = [
  [3.1, '3.1'],
  [1e-5, '1e-05'],
  [1e16, '1e+16'],
  [1e15, '1000000000000000.0'],
  [1000, '1000.0'],
  [0.1, '0.1'],
  [100, '100.0'],
  [1.5e300, '1.5e+300'],
  [-2.5e-7, '-2.5e-07'],
  [123456789.123, '123456789.123'],
  [0.0001, '0.0001'],
  [5e-324, '5e-324'],
  [1.7976931348623157e308, '1.7976931348623157e+308'],
  [2 ** 53, '9007199254740992.0'],
  [1 / 3, '0.3333333333333333'],
  [-0, '-0.0'],
  [0, '0.0'],
  [12345678901234568, '1.2345678901234568e+16'],
  [Infinity, 'inf'],
  [-Infinity, '-inf'],
  [NaN, 'nan'],
];

test('pythonFloatRepr matches Python repr()', () => {
  for (const [x, s] of FLOATS) assert.equal(pythonFloatRepr(x), s, String(x));
});

test('pythonStr of each scalar type', () => {
  const cases: [ScalarValue, string][] = [
    [{ type: 'null' }, 'None'],
    [{ type: 'bool', value: true }, 'True'],
    [{ type: 'bool', value: false }, 'False'],
    [{ type: 'int', value: 8n }, '8'],
    [{ type: 'int', value: -123456789012345678901234567890n }, '-123456789012345678901234567890'],
    [{ type: 'float', value: 3.1 }, '3.1'],
    [{ type: 'str', value: 'x y' }, 'x y'],
    [{ type: 'timestamp', text: '2021-01-01', iso: '2021-01-01' }, '2021-01-01'],
  ];
  for (const [v, s] of cases) assert.equal(pythonStr(v), s);
});

test('str() of YAML values as the SDK sends tags/environment_variables (PyYAML 6.0.3 + str())', () => {
  const text = [
    'a: yes', 'b: 3.10', 'c: 1e3', 'd: 1.0e+3', 'e: 010', 'f: 2021-01-01', 'g: 2021-01-01 10:00:00',
    'h: 2021-01-01T10:00:00Z', 'i: 2021-01-01 10:00:00.5 -05:30', 'j: 1.0e-5', 'k: .inf', 'l: ~', 'm: 0x1F',
    'n: 1:30', 'o: off', 'p: 1_000', 'q: "3.10"', 'r: 10000000000000000.0', '',
  ].join('\n');
  const r = loadYaml(text, 'f.yml');
  assert.ok(r.root?.kind === 'map');
  const got = Object.fromEntries(r.root.entries.map((e) => [e.key, e.value.kind === 'scalar' ? pythonStr(e.value.value) : '?']));
  assert.deepEqual(got, {
    a: 'True', b: '3.1', c: '1e3', d: '1000.0', e: '8', f: '2021-01-01', g: '2021-01-01 10:00:00',
    h: '2021-01-01 10:00:00+00:00', i: '2021-01-01 10:00:00.500000-05:30', j: '1e-05', k: 'inf', l: 'None', m: '31',
    n: '90', o: 'False', p: '1000', q: '3.10', r: '1e+16',
  });
});

test('toPlain converts a tree to JSON-able JS', () => {
  const r = loadYaml('a: 1\nbig: 123456789012345678901234567890\nf: .nan\nt: 2021-01-01\nl: [x, ~, true]\nm: {__proto__: 1}\n', 'f.yml');
  assert.ok(r.root);
  const plain = toPlain(r.root) as Record<string, unknown>;
  assert.equal(plain['a'], 1);
  assert.equal(plain['big'], '123456789012345678901234567890');
  assert.equal(plain['f'], 'nan');
  assert.equal(plain['t'], '2021-01-01');
  assert.deepEqual(plain['l'], ['x', null, true]);
  const m = plain['m'] as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(m), Object.prototype);
  assert.deepEqual(Object.keys(m), ['__proto__']);
  assert.equal(JSON.stringify(plain), '{"a":1,"big":"123456789012345678901234567890","f":"nan","t":"2021-01-01","l":["x",null,true],"m":{"__proto__":1}}');
});

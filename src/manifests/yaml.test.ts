import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadYaml, resolvePlainScalar } from './yaml.ts';
import { pythonFloatRepr } from './pystr.ts';
import type { ScalarValue, YMap, YNode, YScalar, YSeq } from './tree.ts';
import { getEntry } from './tree.ts';

// Test vectors: the inputs were run through PyYAML 6.0.3 `yaml.safe_load`; the expected values are
// its results, encoded as JSON: ints {"int": "…"}, floats {"float": repr}, dates {"ts": str()},
// bools {"bool": …}, None null, dicts {"map": [[key, value], …]} in dict order.

const sv = (v: ScalarValue): unknown =>
  v.type === 'null'
    ? null
    : v.type === 'bool'
      ? { bool: v.value }
      : v.type === 'int'
        ? { int: v.value.toString() }
        : v.type === 'float'
          ? { float: pythonFloatRepr(v.value) }
          : v.type === 'timestamp'
            ? { ts: v.iso }
            : v.value;
const enc = (n: YNode): unknown =>
  n.kind === 'scalar' ? sv(n.value) : n.kind === 'seq' ? n.items.map(enc) : { map: n.entries.map((e) => [e.keyValue ? sv(e.keyValue) : e.key, enc(e.value)]) };

function load(text: string): YNode {
  const r = loadYaml(text, 'f.yml');
  assert.deepEqual(r.findings, [], `unexpected findings for ${JSON.stringify(text)}`);
  assert.ok(r.root, 'root');
  return r.root;
}
function map(n: YNode | undefined): YMap {
  assert.ok(n && n.kind === 'map', 'expected a map');
  return n;
}
function seq(n: YNode | undefined): YSeq {
  assert.ok(n && n.kind === 'seq', 'expected a seq');
  return n;
}
function scalar(n: YNode | undefined): YScalar {
  assert.ok(n && n.kind === 'scalar', 'expected a scalar');
  return n;
}
const at = (n: { line: number; column: number; endLine: number; endColumn: number }): string => `${n.line}:${n.column}-${n.endLine}:${n.endColumn}`;

const VALUE_VECTORS: [string, string][] = [
  ["=: 1\n", "{\"map\":[[\"=\",{\"int\":\"1\"}]]}"],
  ["-.5", "\"-.5\""],
  ["+.5", "\"+.5\""],
  [".5", "{\"float\":\"0.5\"}"],
  ["1.", "{\"float\":\"1.0\"}"],
  ["1.e+3", "{\"float\":\"1000.0\"}"],
  ["0_", "{\"int\":\"0\"}"],
  ["! '12'", "{\"int\":\"12\"}"],
  ["!!int 0o10", "{\"int\":\"8\"}"],
  ["!!float 1e3", "{\"float\":\"1000.0\"}"],
  ["---\na: 1\n...\n", "{\"map\":[[\"a\",{\"int\":\"1\"}]]}"],
  ["{1: a, True: b}", "{\"map\":[[{\"int\":\"1\"},\"b\"]]}"],
  ["1:60", "\"1:60\""],
  ["1:59", "{\"int\":\"119\"}"],
  ["190:20:30", "{\"int\":\"685230\"}"],
  ["-1:30", "{\"int\":\"-90\"}"],
  ["1:30.5", "{\"float\":\"90.5\"}"],
  ["0x_1F", "{\"int\":\"31\"}"],
  ["+0x1F", "{\"int\":\"31\"}"],
  ["1_000", "{\"int\":\"1000\"}"],
  ["0.1", "{\"float\":\"0.1\"}"],
  ["1e-05", "\"1e-05\""],
  ["1.0e-5", "{\"float\":\"1e-05\"}"],
  ["100.", "{\"float\":\"100.0\"}"],
  ["1_0.0_1", "{\"float\":\"10.01\"}"],
  ["2001-12-14t21:59:43.10-05:00", "{\"ts\":\"2001-12-14 21:59:43.100000-05:00\"}"],
  ["2001-12-14 21:59:43.10 -5", "{\"ts\":\"2001-12-14 21:59:43.100000-05:00\"}"],
  ["2001-12-14 21:59:43.10 Z", "{\"ts\":\"2001-12-14 21:59:43.100000+00:00\"}"],
  ["2001-12-14 21:59:43.1234567", "{\"ts\":\"2001-12-14 21:59:43.123456\"}"],
  ["2001-1-1", "\"2001-1-1\""],
  ["2001-1-1 1:00:00", "{\"ts\":\"2001-01-01 01:00:00\"}"],
  ["!!timestamp 2001-1-1", "{\"ts\":\"2001-01-01\"}"],
  ["!!str", "\"\""],
  ["!!null x", "null"],
  ["a: !!binary aGVsbG8=", "{\"map\":[[\"a\",\"hello\"]]}"],
  ["<<: [{a: 1}, {a: 2, b: 3}]\nb: 4", "{\"map\":[[\"a\",{\"int\":\"1\"}],[\"b\",{\"int\":\"4\"}]]}"],
  ["'<<': {a: 1}", "{\"map\":[[\"<<\",{\"map\":[[\"a\",{\"int\":\"1\"}]]}]]}"],
  ["a: &x {k: 1}\nb:\n  <<: *x\n  k: 2", "{\"map\":[[\"a\",{\"map\":[[\"k\",{\"int\":\"1\"}]]}],[\"b\",{\"map\":[[\"k\",{\"int\":\"2\"}]]}]]}"],
  ["a: 1\na: 2", "{\"map\":[[\"a\",{\"int\":\"2\"}]]}"],
  ["%YAML 1.2\n---\na: 1", "{\"map\":[[\"a\",{\"int\":\"1\"}]]}"],
  ["a: !!int '12'", "{\"map\":[[\"a\",{\"int\":\"12\"}]]}"],
  ["a: !!float '.5'", "{\"map\":[[\"a\",{\"float\":\"0.5\"}]]}"],
  ["a: \"\\/\"", "{\"map\":[[\"a\",\"/\"]]}"],
  ["a: y", "{\"map\":[[\"a\",\"y\"]]}"],
  ["a: NO", "{\"map\":[[\"a\",{\"bool\":false}]]}"],
  ["a: Off", "{\"map\":[[\"a\",{\"bool\":false}]]}"],
  ["a: nULL", "{\"map\":[[\"a\",\"nULL\"]]}"],
  ["a: ~", "{\"map\":[[\"a\",null]]}"],
  ["a: 0o10", "{\"map\":[[\"a\",\"0o10\"]]}"],
  ["a: 010", "{\"map\":[[\"a\",{\"int\":\"8\"}]]}"],
  ["a: 08", "{\"map\":[[\"a\",\"08\"]]}"],
  ["a: 09.5", "{\"map\":[[\"a\",{\"float\":\"9.5\"}]]}"],
  ["a: 3.10", "{\"map\":[[\"a\",{\"float\":\"3.1\"}]]}"],
  ["a: -.inf", "{\"map\":[[\"a\",{\"float\":\"-inf\"}]]}"],
  ["a: .NaN", "{\"map\":[[\"a\",{\"float\":\"nan\"}]]}"],
  ["a: .Inf", "{\"map\":[[\"a\",{\"float\":\"inf\"}]]}"],
  ["a: 1e3", "{\"map\":[[\"a\",\"1e3\"]]}"],
  ["a: 1.0e3", "{\"map\":[[\"a\",\"1.0e3\"]]}"],
  ["a: 1.0e+3", "{\"map\":[[\"a\",{\"float\":\"1000.0\"}]]}"],
  ["a: 1_000.5e+3", "{\"map\":[[\"a\",{\"float\":\"1000500.0\"}]]}"],
  ["a: 12:30:45", "{\"map\":[[\"a\",{\"int\":\"45045\"}]]}"],
  ["a: \"x\ty\"\n", "{\"map\":[[\"a\",\"x\\ty\"]]}"],
  ["# c\td\na: 1", "{\"map\":[[\"a\",{\"int\":\"1\"}]]}"],
  ["a: b # c\t\n", "{\"map\":[[\"a\",\"b\"]]}"],
  ["a: |\n  x\ty\n", "{\"map\":[[\"a\",\"x\\ty\\n\"]]}"],
  ["a: 1\n...\n# c\n", "{\"map\":[[\"a\",{\"int\":\"1\"}]]}"],
  ["? a\n? b\n", "{\"map\":[[\"a\",null],[\"b\",null]]}"],
  ["a: &x 1\nb: *x\n", "{\"map\":[[\"a\",{\"int\":\"1\"}],[\"b\",{\"int\":\"1\"}]]}"],
  ["a: !!str &x 1\nb: *x", "{\"map\":[[\"a\",\"1\"],[\"b\",\"1\"]]}"],
  ["", "null"],
  ["# only\n", "null"],
  ["---\n", "null"],
  ["~", "null"],
  ["null", "null"],
  ["{1: a, 1.0: b, '1': c}", "{\"map\":[[{\"int\":\"1\"},\"b\"],[\"1\",\"c\"]]}"],
  ["{.nan: 1, .NaN: 2}", "{\"map\":[[{\"float\":\"nan\"},{\"int\":\"2\"}]]}"],
  ["{~: 1, null: 2}", "{\"map\":[[null,{\"int\":\"2\"}]]}"],
  ["{2021-01-01: x}", "{\"map\":[[{\"ts\":\"2021-01-01\"},\"x\"]]}"],
  ["{yes: 1, on: 2}", "{\"map\":[[{\"bool\":true},{\"int\":\"2\"}]]}"],
  ["a: !!omap [{x: 1}, {y: 2}]", "{\"map\":[[\"a\",[[\"x\",{\"int\":\"1\"}],[\"y\",{\"int\":\"2\"}]]]]}"],
  ["a: !!pairs [{x: 1}, {x: 2}]", "{\"map\":[[\"a\",[[\"x\",{\"int\":\"1\"}],[\"x\",{\"int\":\"2\"}]]]]}"],
  ["a: !!bool Yes", "{\"map\":[[\"a\",{\"bool\":true}]]}"],
  ["0b101", "{\"int\":\"5\"}"],
  ["-0b101", "{\"int\":\"-5\"}"],
  ["0x1f", "{\"int\":\"31\"}"],
  ["-0o7", "\"-0o7\""],
  ["017", "{\"int\":\"15\"}"],
  ["-017", "{\"int\":\"-15\"}"],
  ["0", "{\"int\":\"0\"}"],
  ["-0", "{\"int\":\"0\"}"],
  ["+0", "{\"int\":\"0\"}"],
  ["00", "{\"int\":\"0\"}"],
  ["0.", "{\"float\":\"0.0\"}"],
  ["-0.0", "{\"float\":\"-0.0\"}"],
  ["1__0", "{\"int\":\"10\"}"],
  ["_1", "\"_1\""],
  ["1_", "{\"int\":\"1\"}"],
  ["1e+3", "\"1e+3\""],
  ["1.5E+3", "{\"float\":\"1500.0\"}"],
  ["1.5e3", "\"1.5e3\""],
  ["6.02e+23", "{\"float\":\"6.02e+23\"}"],
  ["1.0e-20", "{\"float\":\"1e-20\"}"],
  ["123456789012345678901234567890", "{\"int\":\"123456789012345678901234567890\"}"],
  ["0.000001", "{\"float\":\"1e-06\"}"],
  ["1e16", "\"1e16\""],
  ["10000000000000000.0", "{\"float\":\"1e+16\"}"],
  ["1234567.0", "{\"float\":\"1234567.0\"}"],
  [".5e+3", "{\"float\":\"500.0\"}"],
  ["1:2:3.4", "{\"float\":\"3723.4\"}"],
  ["2021-01-01T00:00:00Z", "{\"ts\":\"2021-01-01 00:00:00+00:00\"}"],
  ["2021-01-01 10:00:00", "{\"ts\":\"2021-01-01 10:00:00\"}"],
  ["2020-02-29", "{\"ts\":\"2020-02-29\"}"],
  ["2021-01-01 10:00:00 -0", "{\"ts\":\"2021-01-01 10:00:00+00:00\"}"],
  ["2021-01-01 10:00:00 +5:30", "{\"ts\":\"2021-01-01 10:00:00+05:30\"}"],
  ["2021-01-01 10:00:00.000", "{\"ts\":\"2021-01-01 10:00:00\"}"],
  ["a:\n  - b: 1\n    c: [x, {y: z}]\n", "{\"map\":[[\"a\",[{\"map\":[[\"b\",{\"int\":\"1\"}],[\"c\",[\"x\",{\"map\":[[\"y\",\"z\"]]}]]]}]]]}"],
  ["a: >\n  folded\n  text\n\n  more\n", "{\"map\":[[\"a\",\"folded text\\nmore\\n\"]]}"],
  ["a: |-\n  x\n", "{\"map\":[[\"a\",\"x\"]]}"],
  ["a: |+\n  x\n\n", "{\"map\":[[\"a\",\"x\\n\\n\"]]}"],
  ["a: |2\n   x\n", "{\"map\":[[\"a\",\" x\\n\"]]}"],
  ["multi\n  line\n  plain", "\"multi line plain\""],
  ["a: 'it''s'", "{\"map\":[[\"a\",\"it's\"]]}"],
  ["a: \"\\x41\\u00e9\"", "{\"map\":[[\"a\",\"A\u00e9\"]]}"],
  ["? |\n  block key\n: v", "{\"map\":[[\"block key\\n\",\"v\"]]}"],
  ["a: &anc\n  b: 1\nc: *anc\n", "{\"map\":[[\"a\",{\"map\":[[\"b\",{\"int\":\"1\"}]]}],[\"c\",{\"map\":[[\"b\",{\"int\":\"1\"}]]}]]}"],
  ["a: 1 # c\nb: 2\n", "{\"map\":[[\"a\",{\"int\":\"1\"}],[\"b\",{\"int\":\"2\"}]]}"],
  ["name: ${{azureml://connections/x/credentials/key}}", "{\"map\":[[\"name\",\"${{azureml://connections/x/credentials/key}}\"]]}"],
  ["- ! a", "[\"a\"]"],
  ["- ! 1.5", "[{\"float\":\"1.5\"}]"],
  ["a: ! |\n  12\n", "{\"map\":[[\"a\",{\"int\":\"12\"}]]}"],
  ["'a': 1\n\"a\": 2\na: 3", "{\"map\":[[\"a\",{\"int\":\"3\"}]]}"],
  ["&a a: b\n*a : c", "{\"map\":[[\"a\",\"c\"]]}"],
  ["true: 1\nTrue: 2", "{\"map\":[[{\"bool\":true},{\"int\":\"2\"}]]}"],
  ["y: 1\nn: 2", "{\"map\":[[\"y\",{\"int\":\"1\"}],[\"n\",{\"int\":\"2\"}]]}"],
  ["a: !!binary |\n  aGVs\n  bG8=\n", "{\"map\":[[\"a\",\"hello\"]]}"],
  ["a: !!timestamp 2021-1-1", "{\"map\":[[\"a\",{\"ts\":\"2021-01-01\"}]]}"],
  ["a: !!int 1:30", "{\"map\":[[\"a\",{\"int\":\"90\"}]]}"],
  ["a: !!float 1:30", "{\"map\":[[\"a\",{\"float\":\"90.0\"}]]}"],
  ["a: !!int ' 12 '", "{\"map\":[[\"a\",{\"int\":\"12\"}]]}"],
  ["a: !!float ' 1.5 '", "{\"map\":[[\"a\",{\"float\":\"1.5\"}]]}"],
  ["a: !!float inf", "{\"map\":[[\"a\",{\"float\":\"inf\"}]]}"],
  ["a: !!float -Infinity", "{\"map\":[[\"a\",{\"float\":\"-inf\"}]]}"],
  ["a: !!float nan", "{\"map\":[[\"a\",{\"float\":\"nan\"}]]}"],
  // Block scalars at the end of a file without a final newline, explicit keys.
  ["a: |+\n  x", "{\"map\":[[\"a\",\"x\"]]}"],
  ["a: |+\n  x\n", "{\"map\":[[\"a\",\"x\\n\"]]}"],
  ["a: |+\n  x\n\n", "{\"map\":[[\"a\",\"x\\n\\n\"]]}"],
  ["a: >\n  x\n  y", "{\"map\":[[\"a\",\"x y\"]]}"],
  ["a: |-\n  x", "{\"map\":[[\"a\",\"x\"]]}"],
  ["a: |\n  x\n  ", "{\"map\":[[\"a\",\"x\\n\"]]}"],
  ["a: |\n  x\n\n  ", "{\"map\":[[\"a\",\"x\\n\"]]}"],
  ["--- |\n  x", "\"x\""],
  ["a:\n  - |\n    x", "{\"map\":[[\"a\",[\"x\"]]]}"],
  ["a: |\n  x\nb: 1", "{\"map\":[[\"a\",\"x\\n\"],[\"b\",{\"int\":\"1\"}]]}"],
  ["a: >\n  x\n\n", "{\"map\":[[\"a\",\"x\\n\"]]}"],
  ["a: |\n  x\r\n", "{\"map\":[[\"a\",\"x\\n\"]]}"],
  ["a: |\n  x\n  y", "{\"map\":[[\"a\",\"x\\ny\"]]}"],
  ["k:\n  - |\n    s\n", "{\"map\":[[\"k\",[\"s\\n\"]]]}"],
  ["? x\n: y", "{\"map\":[[\"x\",\"y\"]]}"],
];

const ERROR_VECTORS: [string, string | undefined][] = [
  ["a:\tb\n", "1:3"],
  ["a: b\t\n", "1:5"],
  ["a:\n\tb: 1\n", "2:1"],
  ["a: [1,\t2]\n", "1:7"],
  ["a: b\t# c\n", "1:5"],
  ["- a\t\n", "1:4"],
  ["a: =\n", "1:4"],
  ["0b_", undefined],
  // PyYAML marks the inner key (1:2); we mark the whole {{…}} placeholder.
  ["{{X}}", "1:1"],
  ["a: {{X}}", "1:4"],
  ["a: 1\n---\n", "2:1"],
  ["--- 1\n--- 2", "2:1"],
  ["2021-02-30", undefined],
  ["!!bool y", undefined],
  ["!foo x", "1:1"],
  ["? [a]\n: 1", "1:3"],
  ["[a]: 1", "1:1"],
  ["a: *b", "1:4"],
  ["<<: 1", "1:5"],
  ["a: b\tc\n", "1:5"],
  ["a: 'b'\t\n", "1:7"],
  ["a: |\n\tx\n", "2:1"],
  ["a: 1\n\t\nb: 2\n", "2:1"],
  ["a: b\n\tc\n", "2:1"],
  ["a:\n  - x\n\t\n", "3:1"],
  ["\ta: 1", "1:1"],
  ["{a: 1,\tb: 2}", "1:7"],
  ["a: |\t\n  x\n", "1:5"],
  ["a: |\n  x\n\t\n", "3:1"],
  ["a: |\n  x\n \t\n", "3:2"],
  ["a: 1\n...\nb: 2\n", "3:1"],
  ["a:\n  b: 1\n c: 2\n", "3:2"],
  ["a: b: c\n", "1:5"],
  ["key: [a, b\n", "2:1"],
  ["a: 'unterminated\n", "2:1"],
  ["- a\nb: c\n", "2:1"],
  ["a: x\n  b: y\n", "2:4"],
  ["{a: ${{x}}}", "1:6"],
  ["a: @x", "1:4"],
  ["a: `x", "1:4"],
  ["a: %x", "1:4"],
  ["a: !x y", "1:4"],
  ["a:\n  - b\n  c: d\n", "3:3"],
  ["a: <<", "1:4"],
  ["a: !!seq {x: 1}", "1:4"],
  ["a: !!str [1]", "1:4"],
  ["a: !!map [1]", "1:4"],
  ["- !!int\n", undefined],
  ["a: !!float abc", undefined],
  ["2021-13-01", undefined],
  ["2021-02-29", undefined],
  ["2021-01-01 24:00:00", undefined],
  ["2021-01-01 10:00:00 +25", undefined],
  ["0000-01-01", undefined],
  ["x: !!python/object:os.system ls", "1:4"],
  ["a: !!timestamp x", undefined],
  ["a: !!int", undefined],
  ["a: !!float", undefined],
  ["a: !!int 0x", undefined],
  // Empty keys, a leading "...", duplicate anchors; an undefined alias wins over a later syntax error.
  ["{: v}", "1:2"],
  ["[: v]", "1:2"],
  ["{a: 1, : 2}", "1:8"],
  [": ii\nb: 2", "1:1"],
  ["# c\n...\na: 1", "2:1"],
  ["...\n---\na: 1", "1:1"],
  ["w: &A 1\nv: &A 2", "2:4"],
  ["w: &A 1\nv: *A\nx: &A 3\ny: *A", "3:4"],
  ["a: *b\nc: [\n", "1:4"],
  ["%YAML 2.0\n---\na: 1", "1:1"],
];

test('values match PyYAML safe_load', async (t) => {
  for (const [input, expected] of VALUE_VECTORS) {
    await t.test(JSON.stringify(input), () => {
      const r = loadYaml(input, 'f.yml');
      assert.deepEqual(r.findings, []);
      assert.equal(JSON.stringify(r.root ? enc(r.root) : null), expected);
    });
  }
});

test('PyYAML errors are yaml-syntax findings at its position', async (t) => {
  for (const [input, pos] of ERROR_VECTORS) {
    await t.test(JSON.stringify(input), () => {
      const r = loadYaml(input, 'dir/f.yml');
      assert.equal(r.root, undefined);
      assert.equal(r.findings.length, 1);
      const f = r.findings[0];
      assert.ok(f);
      assert.equal(f.rule, 'yaml-syntax');
      assert.equal(f.severity, 'error');
      assert.equal(f.file, 'dir/f.yml');
      assert.ok(f.hint && f.hint.length > 10);
      assert.ok(!/^[A-Z_]+$/.test(f.message) && f.message.length > 15, f.message);
      if (pos) assert.equal(`${f.line}:${f.column}`, pos, f.message);
    });
  }
});

test('empty input: root undefined, no findings', () => {
  for (const text of ['', '\n\n', '# only a comment\n', '---\n', '---\n...\n']) {
    assert.deepEqual(loadYaml(text, 'f.yml'), { root: undefined, findings: [] }, JSON.stringify(text));
  }
  // An explicit null is a value (the schema layer says "expected a mapping").
  assert.equal(scalar(load('~\n')).value.type, 'null');
});

test('positions of keys and values in nested maps, sequences and flow style', () => {
  const text = [
    'name: blue', //                               1
    'model:', //                                   2
    '  path: ./model  # comment', //               3
    'environment_variables:', //                   4
    '  A: "quoted value"', //                      5
    'list:', //                                    6
    '  - first', //                                7
    '  - key: v', //                               8
    '    other: 2', //                             9
    'flow: {x: 1, y: [a, b]}', //                 10
    'empty:', //                                  11
    'multi: |', //                                12
    '  line one', //                              13
    '  line two', //                              14
    'plain: folded', //                           15
    '  continuation', //                          16
    '',
  ].join('\n');
  const root = map(load(text));
  const name = getEntry(root, 'name');
  assert.ok(name);
  assert.equal(at(name.keySpan), '1:1-1:5');
  assert.equal(at(name.value.span), '1:7-1:11');
  const model = map(getEntry(root, 'model')?.value);
  const path = getEntry(model, 'path');
  assert.ok(path);
  assert.equal(at(path.keySpan), '3:3-3:7');
  assert.equal(at(path.value.span), '3:9-3:16');
  assert.equal(scalar(path.value).source, './model');
  const a = scalar(getEntry(map(getEntry(root, 'environment_variables')?.value), 'A')?.value);
  assert.equal(at(a.span), '5:6-5:20');
  assert.equal(a.quoted, true);
  assert.deepEqual(a.value, { type: 'str', value: 'quoted value' });
  const list = seq(getEntry(root, 'list')?.value);
  assert.equal(at(scalar(list.items[0]).span), '7:5-7:10');
  const item = map(list.items[1]);
  assert.equal(at(item.span).split('-')[0], '8:5');
  const other = getEntry(item, 'other');
  assert.ok(other);
  assert.equal(at(other.keySpan), '9:5-9:10');
  assert.equal(at(other.value.span), '9:12-9:13');
  const flow = map(getEntry(root, 'flow')?.value);
  assert.equal(at(flow.span), '10:7-10:24');
  const y = getEntry(flow, 'y');
  assert.ok(y);
  assert.equal(at(y.keySpan), '10:14-10:15');
  assert.equal(at(seq(y.value).items[1]?.span ?? flow.span), '10:21-10:22');
  const empty = scalar(getEntry(root, 'empty')?.value);
  assert.deepEqual(empty.value, { type: 'null' });
  assert.equal(empty.span.line, 11);
  const multi = scalar(getEntry(root, 'multi')?.value);
  assert.deepEqual(multi.value, { type: 'str', value: 'line one\nline two\n' });
  assert.equal(multi.quoted, true);
  assert.equal(multi.span.line, 12);
  assert.equal(multi.span.endLine, 14);
  const plain = scalar(getEntry(root, 'plain')?.value);
  assert.deepEqual(plain.value, { type: 'str', value: 'folded continuation' });
  assert.equal(at(plain.span), '15:8-16:15');
});

test('duplicate keys: last wins silently, earlier entries dropped, last position kept', () => {
  const r = loadYaml('name: a\nauth_mode: key\nname: b\n', 'f.yml');
  assert.deepEqual(r.findings, []);
  const root = map(r.root);
  assert.deepEqual(root.entries.map((e) => e.key), ['auth_mode', 'name']);
  const name = getEntry(root, 'name');
  assert.ok(name);
  assert.equal(at(name.keySpan), '3:1-3:5');
  assert.deepEqual(scalar(name.value).value, { type: 'str', value: 'b' });
});

test('non-string keys become their Python str() and keep the value in keyValue', () => {
  const root = map(load('2: x\ntrue: y\n~: z\n3.10: w\n2021-01-01: d\n"2": q\n'));
  assert.deepEqual(root.entries.map((e) => e.key), ['2', 'True', 'None', '3.1', '2021-01-01', '2']);
  assert.deepEqual(root.entries[0]?.keyValue, { type: 'int', value: 2n });
  // Python: 1 == True, so {1: a, true: b} has one key, 1, with the last value.
  assert.deepEqual(enc(load('1: a\ntrue: b\n')), { map: [[{ int: '1' }, 'b']] });
  assert.deepEqual(root.entries[1]?.keyValue, { type: 'bool', value: true });
  assert.equal(root.entries[5]?.keyValue, undefined);
});

test('merge keys and anchors/aliases (SafeLoader semantics)', () => {
  const text = 'defaults: &d\n  instance_type: Standard_DS3_v2\n  instance_count: 1\nblue:\n  <<: *d\n  instance_count: 3\nenv: &e {A: "1"}\nother: *e\n';
  const root = map(load(text));
  const blue = map(getEntry(root, 'blue')?.value);
  assert.deepEqual(enc(blue), { map: [['instance_type', 'Standard_DS3_v2'], ['instance_count', { int: '3' }]] });
  // Merged entries point at the anchored source; own entries at their own lines.
  assert.equal(getEntry(blue, 'instance_type')?.keySpan.line, 2);
  assert.equal(getEntry(blue, 'instance_count')?.keySpan.line, 6);
  // Aliased collections are the same object, as in Python.
  assert.equal(getEntry(root, 'other')?.value, getEntry(root, 'env')?.value);
  // Quoted "<<" is an ordinary key.
  assert.deepEqual(enc(load("'<<': {a: 1}")), { map: [['<<', { map: [['a', { int: '1' }]] }]] });
});

test('multiple documents: error at the second one', () => {
  const r = loadYaml('name: a\n---\nname: b\n', 'f.yml');
  assert.equal(r.root, undefined);
  assert.equal(r.findings.length, 1);
  assert.equal(r.findings[0]?.line, 2);
  assert.equal(r.findings[0]?.column, 1);
  assert.match(r.findings[0]?.message ?? '', /single document|second YAML document/);
  // A trailing "..." alone is fine.
  assert.deepEqual(enc(load('a: 1\n...\n')), { map: [['a', { int: '1' }]] });
});

test('template placeholders and tabs get explanatory messages', () => {
  const tpl = loadYaml('name: blue\nendpoint_name: {{ENDPOINT_NAME}}\n', 'f.yml');
  assert.equal(tpl.findings[0]?.line, 2);
  assert.equal(tpl.findings[0]?.column, 16);
  assert.match(tpl.findings[0]?.message ?? '', /placeholder.*flow mapping/);
  assert.match(tpl.findings[0]?.hint ?? '', /Quote/);
  const tpl2 = loadYaml('name: {{PREFIX}}-blue\n', 'f.yml');
  assert.equal(tpl2.findings.length, 1);
  assert.match(tpl2.findings[0]?.message ?? '', /placeholder/);
  // ${{…}} secret references are plain text in block context.
  assert.deepEqual(enc(load('K: ${{azureml://connections/c/credentials/key}}\n')), { map: [['K', '${{azureml://connections/c/credentials/key}}']] });
  const tab = loadYaml('model:\n\tpath: x\n', 'f.yml');
  assert.equal(tab.findings[0]?.line, 2);
  assert.equal(tab.findings[0]?.column, 1);
  assert.match(tab.findings[0]?.message ?? '', /[Tt]ab/);
  assert.match(tab.findings[0]?.hint ?? '', /spaces/);
  const trailing = loadYaml('name: blue\t\n', 'f.yml');
  assert.equal(`${trailing.findings[0]?.line}:${trailing.findings[0]?.column}`, '1:11');
});

test('syntax errors carry line, column and end', () => {
  const r = loadYaml('name: blue\nmodel:\n  path: x\n bad: y\n', 'f.yml');
  const f = r.findings[0];
  assert.ok(f);
  assert.equal(f.line, 4);
  assert.ok(f.endLine !== undefined && f.endColumn !== undefined);
  const q = loadYaml('name: "unterminated\n', 'f.yml');
  assert.equal(q.findings[0]?.rule, 'yaml-syntax');
  assert.match(q.findings[0]?.message ?? '', /quote/i);
});

test('resolvePlainScalar', () => {
  assert.deepEqual(resolvePlainScalar('yes'), { type: 'bool', value: true });
  assert.deepEqual(resolvePlainScalar('1e3'), { type: 'str', value: '1e3' });
  assert.deepEqual(resolvePlainScalar('010'), { type: 'int', value: 8n });
});

// Real files from Azure/azureml-examples (cli/endpoints/online/…, cli/foundation-models/…).
const CORPUS: [string, string, unknown][] = [
  [
    'managed/sample/endpoint.yml',
    '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json\nname: my-endpoint\nauth_mode: key\n',
    { map: [['$schema', 'https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json'], ['name', 'my-endpoint'], ['auth_mode', 'key']] },
  ],
  [
    'managed/sample/blue-deployment.yml',
    '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: blue\nendpoint_name: my-endpoint\nmodel:\n  path: ../../model-1/model/\ncode_configuration:\n  code: ../../model-1/onlinescoring/\n  scoring_script: score.py\nenvironment: \n  conda_file: ../../model-1/environment/conda.yaml\n  image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n',
    {
      map: [
        ['$schema', 'https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json'],
        ['name', 'blue'],
        ['endpoint_name', 'my-endpoint'],
        ['model', { map: [['path', '../../model-1/model/']] }],
        ['code_configuration', { map: [['code', '../../model-1/onlinescoring/'], ['scoring_script', 'score.py']] }],
        ['environment', { map: [['conda_file', '../../model-1/environment/conda.yaml'], ['image', 'mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest']] }],
        ['instance_type', 'Standard_DS3_v2'],
        ['instance_count', { int: '1' }],
      ],
    },
  ],
  [
    'keyvault/keyvault-deployment.yml',
    '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: kvdep\nendpoint_name: <ENDPOINT_NAME>\nmodel:\n  path: "."\ncode_configuration:\n  code: code\n  scoring_script: score.py\nenvironment:\n  image: mcr.microsoft.com/azureml/minimal-py312-inference:latest\n  conda_file: env.yml\nenvironment_variables:\n  KV_SECRET_MULTIPLIER: multiplier@https://<KV_NAME>.vault.azure.net\ninstance_type: Standard_DS3_v2\ninstance_count: 1',
    {
      map: [
        ['$schema', 'https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json'],
        ['name', 'kvdep'],
        ['endpoint_name', '<ENDPOINT_NAME>'],
        ['model', { map: [['path', '.']] }],
        ['code_configuration', { map: [['code', 'code'], ['scoring_script', 'score.py']] }],
        ['environment', { map: [['image', 'mcr.microsoft.com/azureml/minimal-py312-inference:latest'], ['conda_file', 'env.yml']] }],
        ['environment_variables', { map: [['KV_SECRET_MULTIPLIER', 'multiplier@https://<KV_NAME>.vault.azure.net']] }],
        ['instance_type', 'Standard_DS3_v2'],
        ['instance_count', { int: '1' }],
      ],
    },
  ],
  [
    'foundation-models/system/inference/text-generation/deploy.yml',
    '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: demo\ninstance_type: Standard_DS3_v2\ninstance_count: 1\nrequest_settings:\n  request_timeout_ms: 60000',
    {
      map: [
        ['$schema', 'https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json'],
        ['name', 'demo'],
        ['instance_type', 'Standard_DS3_v2'],
        ['instance_count', { int: '1' }],
        ['request_settings', { map: [['request_timeout_ms', { int: '60000' }]] }],
      ],
    },
  ],
];

test('azureml-examples files load as PyYAML loads them', async (t) => {
  for (const [name, text, expected] of CORPUS) {
    await t.test(name, () => assert.deepEqual(enc(load(text)), expected));
  }
  const dep = map(load(CORPUS[1]?.[1] ?? ''));
  assert.equal(at(getEntry(map(getEntry(dep, 'environment')?.value), 'image')?.value.span ?? dep.span), '11:10-11:67');
});

// Common mistakes: the finding points at the line to fix (sometimes a line above PyYAML's mark)
// and says what is wrong in words.
const MISTAKES: [string, string, RegExp][] = [
  ['name: x\n- b\n', '2:1', /list item/],
  ['environment_variables:\n  A: 1\n B: 2\n', '3:2', /not aligned/],
  ['model:\npath: x\n  version: 1\n', '3:10', /"version:" is indented under "path: x"/],
  ['name: x\nauth_mode key\ninstance_count: 1\n', '2:1', /"auth_mode key" is not a "key: value" line/],
  ['a: [1, 2\nb: 3\n', '2:1', /not closed/],
  ['a: "x\nb: 1\n', '3:1', /[Mm]issing closing "quote/],
  ['a:\n  - x\n - y\n', '3:2', /list item/],
  ['tags:\n  team: ml\n   owner: me\n', '3:9', /"owner:" is indented under "team: ml"/],
  ["a: 'don't'\n", '1:9', /Unexpected text after a complete value/],
  ['a: "C:\\path"\n', '1:7', /escape/],
  ['a: b\nc\n', '2:1', /"c" is a line without ":"/],
  ['a: b: c\n', '1:5', /contains ": "/],
  ['name: {{ name }}\n', '1:7', /placeholder/],
  ['- {{X}}\n', '1:3', /placeholder/],
];

test('common mistakes: position and message', async (t) => {
  for (const [input, pos, re] of MISTAKES) {
    await t.test(JSON.stringify(input), () => {
      const r = loadYaml(input, 'f.yml');
      assert.equal(r.root, undefined);
      assert.equal(r.findings.length, 1);
      const f = r.findings[0];
      assert.ok(f);
      assert.equal(`${f.line}:${f.column}`, pos, f.message);
      assert.match(f.message, re);
    });
  }
});

test('a block scalar ending the file without a newline has no final line break (PyYAML)', () => {
  const root = map(load('environment_variables:\n  SCRIPT: |\n    echo hi'));
  assert.deepEqual(scalar(getEntry(map(getEntry(root, 'environment_variables')?.value), 'SCRIPT')?.value).value, { type: 'str', value: 'echo hi' });
});

test('a large file loads (no quadratic blow-up in the tree walk)', () => {
  const big = Array.from({ length: 2000 }, (_, i) => `key_${i}:\n  a: ${i}\n  b: [x, 'y', 1.5]\n  c: |\n    text ${i}\n`).join('');
  const r = loadYaml(big, 'big.yml');
  assert.equal(r.findings.length, 0);
  assert.equal(map(r.root).entries.length, 2000);
});

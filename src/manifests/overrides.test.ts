import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyOverrides, parseOverrides, parsePath } from './overrides.ts';
import { loadYaml } from './yaml.ts';
import { toPlain } from './pystr.ts';
import { getEntry } from './tree.ts';
import type { YMap, YNode, YScalar } from './tree.ts';

function load(text: string): YNode | undefined {
  const r = loadYaml(text, 'dep.yml');
  assert.deepEqual(r.findings, []);
  return r.root;
}
function apply(text: string, set: string): { root: YNode; findings: ReturnType<typeof applyOverrides>['findings'] } {
  const p = parseOverrides(set);
  assert.deepEqual(p.errors, []);
  return applyOverrides(load(text), p.overrides, 'dep.yml');
}
function get(root: YNode, path: string): YNode | undefined {
  let cur: YNode | undefined = root;
  for (const k of path.split('.')) {
    if (!cur) return undefined;
    if (cur.kind === 'map') cur = getEntry(cur, k)?.value;
    else if (cur.kind === 'seq') cur = cur.items[Number(k)];
    else return undefined;
  }
  return cur;
}
function scalar(n: YNode | undefined): YScalar {
  assert.ok(n && n.kind === 'scalar');
  return n;
}

test('parseOverrides: lines, blanks, spaces, "=" in values', () => {
  const r = parseOverrides('\n  endpoint_name=my-ep  \n\nenvironment_variables.CONN = a=b=c\r\nmodel=azureml://registries/azureml/models/x/versions/1\n');
  assert.deepEqual(r.errors, []);
  assert.deepEqual(
    r.overrides.map((o) => [o.path, o.segments.map((s) => s.key), o.value, o.line, o.lineNumber]),
    [
      ['endpoint_name', ['endpoint_name'], 'my-ep', 'endpoint_name=my-ep', 2],
      ['environment_variables.CONN', ['environment_variables', 'CONN'], 'a=b=c', 'environment_variables.CONN = a=b=c', 4],
      ['model', ['model'], 'azureml://registries/azureml/models/x/versions/1', 'model=azureml://registries/azureml/models/x/versions/1', 5],
    ],
  );
  assert.deepEqual(parseOverrides('').overrides, []);
  assert.deepEqual(parseOverrides('a=').overrides[0]?.value, '');
});

test('parseOverrides: precise errors', () => {
  const table: [string, RegExp][] = [
    ['name', /line 1: "name" has no "="/],
    ['ok=1\n=value', /line 2: "=value" has an empty path/],
    ['  = x', /line 1: .*empty path/],
    ['a..b=1', /invalid path "a..b": empty key/],
    ['.a=1', /invalid path ".a"/],
    ['a.=1', /invalid path "a.": the path ends with "."/],
  ];
  for (const [text, re] of table) {
    const r = parseOverrides(text);
    assert.equal(r.errors.length, 1, text);
    assert.match(r.errors[0] ?? '', re);
  }
});

test('parsePath: dots, escapes and [n] indexes as pydash reads them', () => {
  assert.deepEqual(parsePath('a.b.c').segments, [{ key: 'a' }, { key: 'b' }, { key: 'c' }]);
  assert.deepEqual(parsePath('a\\.b.c').segments, [{ key: 'a.b' }, { key: 'c' }]);
  assert.deepEqual(parsePath('a[0].b').segments, [{ key: 'a' }, { key: '0', index: 0 }, { key: 'b' }]);
  assert.deepEqual(parsePath('a.0.b').segments, [{ key: 'a' }, { key: '0' }, { key: 'b' }]);
  assert.deepEqual(parsePath('$schema').segments, [{ key: '$schema' }]);
});

test('replaces existing values; the value is always a string with the override line', () => {
  const text = 'name: blue\nendpoint_name: old\ninstance_count: 1\nmodel:\n  path: ./m\n';
  const { root, findings } = apply(text, 'endpoint_name=new-ep\ninstance_count=3\nmodel.path=azureml:m:1');
  assert.deepEqual(findings, []);
  const ep = scalar(get(root, 'endpoint_name'));
  assert.deepEqual(ep.value, { type: 'str', value: 'new-ep' });
  assert.equal(ep.override, 'endpoint_name=new-ep');
  assert.equal(ep.quoted, true);
  assert.deepEqual(ep.span, { line: 2, column: 16, endLine: 2, endColumn: 19 }); // the replaced value
  assert.deepEqual(scalar(get(root, 'instance_count')).value, { type: 'str', value: '3' });
  assert.deepEqual(scalar(get(root, 'model.path')).span, { line: 5, column: 9, endLine: 5, endColumn: 12 });
  // Key order and key spans are unchanged.
  assert.deepEqual((root as YMap).entries.map((e) => e.key), ['name', 'endpoint_name', 'instance_count', 'model']);
});

test('creates missing keys and intermediate maps, spanned at the nearest existing key', () => {
  const text = 'name: blue\nenvironment_variables:\n  A: x\n';
  const { root, findings } = apply(text, 'endpoint_name=ep\nenvironment_variables.B=y\nrequest_settings.request_timeout_ms=90000\nenvironment_variables.deep.er=z');
  assert.deepEqual(findings, []);
  assert.deepEqual(toPlain(root), {
    name: 'blue',
    environment_variables: { A: 'x', B: 'y', deep: { er: 'z' } },
    endpoint_name: 'ep',
    request_settings: { request_timeout_ms: '90000' },
  });
  const top = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  assert.deepEqual(scalar(get(root, 'endpoint_name')).span, top);
  assert.deepEqual(scalar(get(root, 'request_settings.request_timeout_ms')).span, top);
  const ev = { line: 2, column: 1, endLine: 2, endColumn: 22 };
  assert.deepEqual(scalar(get(root, 'environment_variables.B')).span, ev);
  assert.deepEqual(scalar(get(root, 'environment_variables.deep.er')).span, ev);
  const created = get(root, 'environment_variables.deep');
  assert.equal(created?.kind === 'map' && created.override, 'environment_variables.deep.er=z');
});

test('undefined root (empty file) becomes a mapping', () => {
  const p = parseOverrides('name=blue\nendpoint_name=ep');
  const { root, findings } = applyOverrides(undefined, p.overrides, 'dep.yml');
  assert.deepEqual(findings, []);
  assert.deepEqual(toPlain(root), { name: 'blue', endpoint_name: 'ep' });
  assert.deepEqual(root.span, { line: 1, column: 1, endLine: 1, endColumn: 1 });
});

test('numeric segments index existing sequences; [n] creates lists', () => {
  const text = 'items:\n  - name: a\n  - name: b\n';
  const r1 = apply(text, 'items.1.name=z\nitems.0.extra=e');
  assert.deepEqual(r1.findings, []);
  assert.deepEqual(toPlain(r1.root), { items: [{ name: 'a', extra: 'e' }, { name: 'z' }] });
  assert.deepEqual(scalar(get(r1.root, 'items.1.name')).span, { line: 3, column: 11, endLine: 3, endColumn: 12 });
  const r2 = apply(text, 'items.3=x');
  assert.deepEqual(toPlain(r2.root), { items: [{ name: 'a' }, { name: 'b' }, null, 'x'] });
  const r3 = apply('a: 1\n', 'l[1].k=v\nm.0.k=w');
  assert.deepEqual(toPlain(r3.root), { a: 1, l: [null, { k: 'v' }], m: { '0': { k: 'w' } } });
  const bad = apply(text, 'items.first=x');
  assert.equal(bad.findings.length, 1);
  assert.match(bad.findings[0]?.message ?? '', /is a list/);
});

test('descending through a scalar is a schema error at that value; through null a warning, no effect', () => {
  const text = 'name: blue\nmodel: azureml:my-model:1\ncount: 2\nenvironment:\n';
  const r = apply(text, 'model.path=./m\ncount.x=1\nenvironment.image=img\nname=green');
  assert.equal(r.findings.length, 3);
  const [m, c, e] = r.findings;
  assert.equal(m?.rule, 'schema');
  assert.equal(m?.severity, 'error');
  assert.equal(m?.file, 'dep.yml');
  assert.deepEqual([m?.line, m?.column, m?.endColumn], [2, 8, 26]);
  assert.match(m?.message ?? '', /"model" is the string "azureml:my-model:1".*Cannot use '--set' on properties defined by reference strings/);
  assert.match(c?.message ?? '', /"count" is the number 2/);
  assert.equal(e?.severity, 'warning');
  assert.equal(e?.line, 4);
  assert.match(e?.message ?? '', /no effect.*"environment" is empty/);
  // The file is unchanged where the override failed; later overrides still apply.
  assert.deepEqual(toPlain(r.root), { name: 'green', model: 'azureml:my-model:1', count: 2, environment: null });
  const top = apply('just a string\n', 'name=x');
  assert.match(top.findings[0]?.message ?? '', /\(the top level\)/);
});

test('aliased collections change everywhere, as the Python dict does', () => {
  const r = apply('a: &x {k: 1}\nb: *x\n', 'a.k=2');
  assert.deepEqual(toPlain(r.root), { a: { k: '2' }, b: { k: '2' } });
});

test('later overrides win; overrides on a real azureml-examples deployment', () => {
  // cli/endpoints/online/managed/keyvault/keyvault-deployment.yml
  const text =
    '$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json\nname: kvdep\nendpoint_name: <ENDPOINT_NAME>\nmodel:\n  path: "."\nenvironment_variables:\n  KV_SECRET_MULTIPLIER: multiplier@https://<KV_NAME>.vault.azure.net\ninstance_type: Standard_DS3_v2\ninstance_count: 1';
  const r = apply(text, 'endpoint_name=first\nendpoint_name=my-ep\nenvironment_variables.KV_SECRET_MULTIPLIER=multiplier@https://kv1.vault.azure.net');
  assert.deepEqual(r.findings, []);
  assert.equal(scalar(get(r.root, 'endpoint_name')).override, 'endpoint_name=my-ep');
  assert.deepEqual(scalar(get(r.root, 'endpoint_name')).span, { line: 3, column: 16, endLine: 3, endColumn: 31 });
  assert.deepEqual(scalar(get(r.root, 'environment_variables.KV_SECRET_MULTIPLIER')).value, { type: 'str', value: 'multiplier@https://kv1.vault.azure.net' });
});

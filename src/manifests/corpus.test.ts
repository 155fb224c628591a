// Every endpoint/deployment YAML of the azureml-examples corpus (test/fixtures/corpus, see its
// ATTRIBUTION.md): the files azure-ai-ml accepts must lint clean (templates after the same
// substitution the sample scripts make, `needs --endpoint-name/--name` ones with a `set`
// override), and every file it rejects must produce an error with the rule its status implies.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadYaml } from './yaml.ts';
import { CORPUS, corpusEnv as env, expectedRule, manifest, setsFor, substitute, type Row } from '../../test/fixtures/corpus.ts';
import { applyOverrides, parseOverrides } from './overrides.ts';
import { analyzeDeployment, analyzeEndpoint, deploymentRestBody, endpointRestBody, OFFLINE_WORKSPACE } from './index.ts';
import type { Finding } from '../findings/finding.ts';
import { analyze as lint } from '../analyze.ts';
import { parseScopedOverrides } from './override-scope.ts';
import { expectations, observe, type Expectation } from '../../test/fixtures/expectations.ts';

function analyze(row: Row, sets: string): { findings: Finding[]; ok: boolean } {
  const abs = `${CORPUS}${row.root}/${row.path}`;
  const raw = readFileSync(abs, 'utf8');
  const text = substitute(raw);
  const file = `${row.root}/${row.path}`;
  const loaded = loadYaml(text, file);
  assert.deepEqual(loaded.findings, [], `${file} must parse after substitution`);
  let root = loaded.root;
  if (sets) {
    const { overrides, errors } = parseOverrides(sets);
    assert.deepEqual(errors, []);
    const applied = applyOverrides(root, overrides, file);
    assert.deepEqual(applied.findings, []);
    root = applied.root;
  }
  const dir = abs.slice(0, abs.lastIndexOf('/'));
  if (row.kind === 'endpoint') {
    const r = analyzeEndpoint({ root, file, dir }, env);
    if (r.spec) endpointRestBody(r.spec, OFFLINE_WORKSPACE);
    return { findings: r.findings, ok: r.spec !== undefined };
  }
  const r = analyzeDeployment({ root, file, dir }, env);
  if (r.spec) deploymentRestBody(r.spec, OFFLINE_WORKSPACE);
  return { findings: r.findings, ok: r.spec !== undefined };
}

function errors(fs: Finding[]): Finding[] {
  return fs.filter((f) => f.severity === 'error');
}

function fmt(fs: Finding[]): string {
  return fs.map((f) => `${f.rule} ${f.line}:${f.column} ${f.message}`).join('\n');
}

describe('azureml-examples corpus', () => {
  const clean = manifest.files.filter((r) => expectedRule(r.status) === undefined);
  const rejected = manifest.files.filter((r) => expectedRule(r.status) !== undefined);

  it('has the expected size', () => {
    assert.equal(manifest.files.length, 226);
    assert.ok(clean.length > 100 && rejected.length > 50);
  });

  for (const row of clean) {
    const sets = setsFor(row);
    it(`accepts ${row.root}/${row.path}${sets ? ` (set ${sets.replace('\n', ', ')})` : ''}`, () => {
      const { findings, ok } = analyze(row, sets);
      assert.equal(fmt(errors(findings)), '', 'no errors');
      assert.ok(ok, 'a spec is produced');
      if (sets) {
        const without = analyze(row, '');
        assert.ok(errors(without.findings).every((f) => f.rule === 'schema' && /is required/.test(f.message)), fmt(without.findings));
        assert.ok(errors(without.findings).length >= 1);
      }
    });
  }

  for (const row of rejected) {
    const rule = expectedRule(row.status) ?? '';
    it(`rejects ${row.root}/${row.path} with ${rule}`, () => {
      const sets = /missing endpoint_name/.test(row.status) && rule !== 'legacy-format' ? 'endpoint_name=my-endpoint' : '';
      const { findings, ok } = analyze(row, sets);
      const errs = errors(findings);
      assert.ok(!ok);
      assert.ok(errs.some((f) => f.rule === rule), `expected a ${rule} error, got:\n${fmt(findings)}`);
      if (rule === 'legacy-format') assert.equal(errs.length, 1, 'one clear legacy-format finding, no noise');
    });
  }
});

// Regression guard: the whole lint (src/analyze.ts) over every corpus file, against the committed
// test/fixtures/corpus/expectations.json (see test/fixtures/expectations.ts).
function lintRow(row: Row): Expectation {
  const text = substitute(readFileSync(`${CORPUS}${row.root}/${row.path}`, 'utf8'));
  const { overrides, errors } = parseScopedOverrides(setsFor(row));
  assert.deepEqual(errors, []);
  const abs = `${CORPUS}${row.root}/${row.path}`;
  const source = { displayPath: `${row.root}/${row.path}`, dir: abs.slice(0, abs.lastIndexOf('/')), text };
  const r = lint({
    ...(row.kind === 'endpoint' ? { endpoint: source, deployments: [] } : { deployments: [source] }),
    overrides,
    fs: env,
    unknownTrafficSeverity: 'warning',
  });
  return observe(expectedRule(row.status) === undefined ? 'accepted' : 'rejected', r.findings, r.plan.requests[0]?.body);
}

describe('corpus regression guard (test/fixtures/corpus/expectations.json)', () => {
  const table = expectations(new URL('../../test/fixtures/corpus/expectations.json', import.meta.url), () =>
    Object.fromEntries(manifest.files.map((row) => [`${row.root}/${row.path}`, lintRow(row)])),
  );
  it('covers every corpus file', () => assert.deepEqual(Object.keys(table).sort(), manifest.files.map((r) => `${r.root}/${r.path}`).sort()));
  for (const row of manifest.files) {
    const id = `${row.root}/${row.path}`;
    it(id, () => {
      const now = lintRow(row);
      assert.deepEqual(now, table[id]);
      // The verdict follows azure-ai-ml: an error exactly when it rejects the file.
      assert.equal(now.findings.some((f) => f.startsWith('error ')), now.sdk === 'rejected');
    });
  }
});

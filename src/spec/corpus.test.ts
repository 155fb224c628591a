// Every endpoint/deployment YAML of the azureml-examples corpus (test/fixtures/corpus, see its
// ATTRIBUTION.md): the files azure-ai-ml accepts must lint clean (templates after the same
// substitution the sample scripts make, `needs --endpoint-name/--name` ones with a `set`
// override), and every file it rejects must produce an error with the rule its status implies.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadYaml } from './yaml.ts';
import { applyOverrides, parseOverrides } from './overrides.ts';
import { analyzeDeployment, analyzeEndpoint, deploymentRestBody, endpointRestBody, OFFLINE_WORKSPACE, type SpecEnvironment } from './index.ts';
import type { Finding } from '../findings/finding.ts';

const CORPUS = fileURLToPath(new URL('../../test/fixtures/corpus/', import.meta.url));

interface Row {
  root: string;
  path: string;
  kind: 'endpoint' | 'deployment';
  template: boolean | null;
  status: string;
}
const manifest = JSON.parse(readFileSync(`${CORPUS}manifest.json`, 'utf8')) as { files: Row[]; condaFiles: string[] };

/** The values the sample scripts' sed/envsubst put in place of the placeholders. */
const PLACEHOLDERS: Record<string, string> = {
  ENDPOINT_NAME: 'my-endpoint',
  endpoint_name: 'my-endpoint',
  'my-endpoint-name': 'my-endpoint',
  ACR_NAME: 'myacr',
  acr_name: 'myacr',
  MODEL_VERSION: '1',
  deployment_name: 'blue',
  model_name: 'sklearn',
  environment_name: 'sklearn-env',
  SCORING_SCRIPT: 'score.py',
  CODE_DIR: 'code',
  KV_NAME: 'mykv',
  REGISTRY_NAME: 'azureml',
  VERSION: '1',
  subscription_id: '00000000-0000-0000-0000-000000000000',
  resource_group_name: 'my-rg',
  workspace_name: 'my-ws',
};

function substitute(text: string): string {
  return text
    .replace(/\{\{\s*([A-Za-z_][\w-]*)\s*\}\}/g, (_m, k: string) => PLACEHOLDERS[k] ?? generic(k))
    .replace(/<([A-Za-z_][\w-]*)>/g, (_m, k: string) => PLACEHOLDERS[k] ?? generic(k));
}

/** Any other placeholder: a plausible name-like value (e.g. {{image_name}} → image-name). */
function generic(key: string): string {
  return key.toLowerCase().replaceAll('_', '-');
}

const condaFiles = new Set(manifest.condaFiles.map((p) => `${CORPUS}azureml-examples/${p}`));
const STUB_CONDA = 'name: stub\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.10\n';

/** Everything exists (the corpus has no model/code files) except conda files we can check for real. */
const env: SpecEnvironment = {
  exists(abs) {
    const base = abs.split('/').pop() ?? '';
    if (condaFiles.has(abs)) return 'file';
    if (/^(env|conda.*|score)\.ya?ml$/.test(base) && abs.startsWith(`${CORPUS}azureml-examples/cli/`) && !abs.includes('/data-collector/')) {
      return undefined; // a conda file the corpus would have copied: really missing
    }
    return base.includes('.') && base !== '.' && base !== '..' ? 'file' : base === 'Dockerfile' ? 'file' : 'dir';
  },
  readText(abs) {
    if (condaFiles.has(abs)) return readFileSync(abs, 'utf8');
    return STUB_CONDA;
  },
  parseYaml: (text, file) => loadYaml(text, file),
};

function expectedRule(status: string): string | undefined {
  if (/name fails SDK regex/.test(status)) return 'invalid-name';
  if (/must be a string/.test(status)) return 'schema';
  if (/^LEGACY/.test(status)) return 'legacy-format';
  return undefined;
}

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
    const needsEndpoint = /missing endpoint_name/.test(row.status);
    const needsName = /missing name/.test(row.status);
    const sets = [needsEndpoint ? 'endpoint_name=my-endpoint' : '', needsName ? 'name=demo' : ''].filter(Boolean).join('\n');
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

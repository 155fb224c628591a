import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { RULES, isRuleId, type RuleId, type RuleSpec } from './rules.ts';
import { RULES_DOC_PATH, anchorOf, prose, renderRulesDoc } from '../../scripts/gen-rules-doc.ts';
import { loadYaml } from '../manifests/yaml.ts';
import { Ctx } from '../manifests/schema.ts';
import { analyzeEndpointTree } from '../manifests/endpoint.ts';
import { analyzeDeploymentTree } from '../manifests/deployment.ts';
import { scanDeployment, scanEndpoint } from '../secrets/scan.ts';
import { makeFinding, type Finding } from './finding.ts';
import { analyze } from '../analyze.ts';

const entries = Object.entries(RULES) as [RuleId, RuleSpec][];

describe('docs/rules.md', () => {
  test('equals the generated text (run `npm run docs:rules` after editing src/findings/rules.ts)', () => {
    assert.equal(readFileSync(RULES_DOC_PATH, 'utf8'), renderRulesDoc());
  });
  const doc = renderRulesDoc();
  for (const [id, spec] of entries) {
    test(`${id}: has a section, a table-of-contents row, and its examples`, () => {
      const start = doc.indexOf(`\n## ${id}\n`);
      assert.ok(start >= 0, 'section heading');
      const end = doc.indexOf('\n## ', start + 1);
      const body = doc.slice(start, end < 0 ? undefined : end);
      assert.ok(doc.includes(`| [\`${id}\`](#${anchorOf(id)}) |`), 'table of contents');
      assert.ok(body.includes(spec.example.bad.trimEnd()) && body.includes(spec.example.good.trimEnd()), 'both examples');
      assert.ok(body.includes(prose(spec.fix)) && body.includes(prose(spec.when)) && body.includes(`severity: \`${spec.severity}\``));
      assert.match(body, /detected in: `(lint|validate|deploy)`/);
    });
  }
});

describe('catalog entries are complete', () => {
  for (const [id, spec] of entries) {
    test(id, () => {
      assert.match(id, /^[a-z]+(-[a-z]+)*$/);
      for (const field of [spec.title, spec.fix, spec.when, spec.example.bad, spec.example.good]) assert.ok(field.trim().length > 0);
      assert.ok(spec.title.length <= 60, 'titles stay short: they follow the id in annotation titles');
      assert.ok(['lint', 'validate', 'deploy'].includes(spec.detectedIn));
      // Rules that depend on Azure say what state makes the bad example fail and the good one pass.
      if (spec.detectedIn !== 'lint') assert.ok(spec.example.azure && spec.example.azure.bad && spec.example.azure.good, 'azure state');
      else assert.notEqual(spec.example.bad, spec.example.good);
    });
  }
  test('prose escapes <placeholders> outside code spans only', () => {
    assert.equal(prose('use <vault> or `<vault>` & more'), 'use &lt;vault&gt; or `<vault>` &amp; more');
  });
  test('isRuleId and makeFinding', () => {
    assert.equal(isRuleId('secret-ref-syntax'), true);
    assert.equal(isRuleId('toString'), false);
    assert.equal(isRuleId('nope'), false);
    const at = { file: 'd.yml', line: 2, column: 3 };
    assert.deepEqual(makeFinding('secret-ref-placement', at, 'm'), { rule: 'secret-ref-placement', severity: 'warning', message: 'm', ...at, hint: RULES['secret-ref-placement'].fix });
    assert.deepEqual(makeFinding('secret-ref-syntax', at, 'm', { severity: 'notice', hint: 'h' }), { rule: 'secret-ref-syntax', severity: 'notice', message: 'm', ...at, hint: 'h' });
  });
});

// The examples really trigger (bad) and really fix (good) their rule, run through the real code.
function load(text: string, file: string): { root: ReturnType<typeof loadYaml>['root']; findings: Finding[] } {
  return loadYaml(text, file);
}

function endpointFindings(text: string): Finding[] {
  const { root, findings } = load(text, 'endpoint.yml');
  if (findings.length) return findings;
  const ctx = new Ctx('endpoint.yml');
  analyzeEndpointTree(root, ctx);
  return [...ctx.findings, ...(root ? scanEndpoint(root, 'endpoint.yml').findings : [])];
}

function deploymentFindings(text: string): Finding[] {
  const { root, findings } = load(text, 'deployment.yml');
  if (findings.length) return findings;
  const ctx = new Ctx('deployment.yml');
  const env = { exists: (abs: string): 'file' | 'dir' | undefined => (abs.includes('modle') ? undefined : abs.endsWith('.py') ? 'file' : 'dir') };
  analyzeDeploymentTree(root, '/work/ml', env, ctx);
  return [...ctx.findings, ...(root ? scanDeployment(root, 'deployment.yml').findings : [])];
}

/** Cross-file rules: the example holds the endpoint file, `---`, then the deployment file. */
function runFindings(text: string): Finding[] {
  const [endpoint = '', deployment = ''] = text.split('\n---\n');
  const source = (displayPath: string, t: string) => ({ displayPath, dir: '/work/ml', text: t });
  return analyze({
    endpoint: source('endpoint.yml', endpoint),
    deployments: [source('deployment.yml', deployment)],
    overrides: [],
    fs: { exists: () => 'file' },
    unknownTrafficSeverity: 'warning',
  }).findings;
}

const CHECKED_OFFLINE: Partial<Record<RuleId, (text: string) => Finding[]>> = {
  'file-mismatch': runFindings,
  'yaml-syntax': (t) => load(t, 'endpoint.yml').findings,
  schema: endpointFindings,
  'legacy-format': endpointFindings,
  'invalid-name': endpointFindings,
  traffic: endpointFindings,
  'enforce-flag-with-uai': endpointFindings,
  'enforce-flag-value': endpointFindings,
  'service-rejects': deploymentFindings,
  'model-path': deploymentFindings,
  'local-path-not-found': deploymentFindings,
  'instance-type-too-small': deploymentFindings,
  'secret-ref-syntax': deploymentFindings,
  'secret-ref-placement': deploymentFindings,
};

describe('lint examples trigger and fix their rule', () => {
  for (const [id, spec] of entries) {
    if (spec.detectedIn !== 'lint') continue;
    const check = CHECKED_OFFLINE[id];
    test(id, () => {
      assert.ok(check, 'every lint rule has an offline check here');
      const bad = check(spec.example.bad).filter((f) => f.rule === id);
      assert.ok(bad.length > 0, `bad example triggers ${id}`);
      assert.ok(bad.every((f) => f.severity === spec.severity));
      assert.deepEqual(
        check(spec.example.good).filter((f) => f.rule === id),
        [],
        'good example is clean',
      );
    });
  }
});

describe('online examples are valid YAML with well-formed references', () => {
  for (const [id, spec] of entries) {
    if (spec.detectedIn === 'lint') continue;
    test(id, () => {
      for (const text of [spec.example.bad, spec.example.good]) {
        const { root, findings } = load(text, 'example.yml');
        assert.deepEqual(findings, []);
        assert.ok(root);
        // Only the online check can find these: lint has nothing to say about the references.
        assert.deepEqual(
          scanDeployment(root, 'example.yml').findings.filter((f) => f.severity !== 'notice'),
          [],
        );
      }
    });
  }
});

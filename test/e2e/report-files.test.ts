// End-to-end: the SARIF and plan files, and GitHub's size limits at 1,000 deployment files.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { sarifValidator } from '../fixtures/sarif/validate.ts';
import { runAction, shownLog } from './harness.ts';

const MIB = 1024 * 1024;
const MB = 1_000_000;

const ENDPOINT = 'name: big-endpoint\nauth_mode: key\n';

/** Every 5th file has a typo (2 errors); every file asks for a small VM (1 warning) and has 3 references. */
function deployment(i: number): string {
  const name = `d${String(i).padStart(4, '0')}`;
  const size = i % 5 === 0 ? 'instance_typ: Standard_DS2_v2' : 'instance_type: Standard_DS2_v2';
  return `name: ${name}
endpoint_name: big-endpoint
model: azureml:model-${name}:1
environment: azureml:env:1
${size}
instance_count: 1
environment_variables:
  OPENAI_KEY: \${{azureml://connections/aoai/credentials/key}}
  OPENAI_BASE: \${{azureml://connections/aoai/target}}
  DB_PASSWORD: \${{keyvault:https://kv1.vault.azure.net/secrets/db-${name}/0123456789abcdef0123456789abcdef}}
  DESCRIPTION: "${'a long description of this deployment, '.repeat(8)}"
`;
}

interface SarifLog {
  runs: { results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: Record<string, number> } }[] }[] }[];
}

describe('report files and size limits, end to end', () => {
  it('writes every finding to a valid SARIF 2.1.0 file that matches the findings output', async () => {
    const run = await runAction({
      inputs: { mode: 'lint', 'deployment-file': 'ml/blue.yml' },
      files: { 'ml/blue.yml': deployment(5).replace('azureml://connections/aoai/target', 'azureml://connection/aoai/target') },
    });
    assert.equal(run.code, 1);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'] ?? '', 'utf8')) as SarifLog;
    assert.deepEqual(sarifValidator()(sarif), []);
    const findings = JSON.parse(run.outputs.findings ?? '') as { rule: string; line: number; column: number; endLine?: number; endColumn?: number }[];
    assert.ok(findings.length >= 3);
    assert.deepEqual(
      sarif.runs[0]?.results.map((r) => [r.ruleId, r.locations[0]?.physicalLocation.artifactLocation.uri, r.locations[0]?.physicalLocation.region.startLine, r.locations[0]?.physicalLocation.region.startColumn]),
      findings.map((f) => [f.rule, 'ml/blue.yml', f.line, f.column]),
    );
    const plan = JSON.parse(readFileSync(run.outputs['plan-file'] ?? '', 'utf8')) as unknown;
    assert.deepEqual(plan, JSON.parse(run.outputs.plan ?? ''));
  });

  it('keeps values of the secret-set input out of the summary, outputs, SARIF and plan files', async () => {
    const secret = 'hunter2-Seeded-Secret-9f8e';
    const run = await runAction({
      inputs: {
        mode: 'lint',
        'deployment-file': 'ml/blue.yml',
        'secret-set': [`deployment:environment_variables.DB_PASSWORD=${secret}`, `deployment:environment_variables.OTHER={{keyvault:${secret}}}`, `deployment:instance_count=${secret}`].join('\n'),
      },
      files: { 'ml/blue.yml': deployment(1) },
    });
    assert.equal(run.code, 1, 'the malformed override values are findings');
    const findings = JSON.parse(run.outputs.findings ?? '') as { message: string; hint?: string }[];
    assert.ok(findings.some((f) => f.message.includes('***')), 'the findings still say where the value was');
    const places: Record<string, string> = {
      stdout: shownLog(run.stdout),
      stderr: run.stderr,
      summary: run.summary,
      ...run.outputs,
      sarifFile: readFileSync(run.outputs['sarif-file'] ?? '', 'utf8'),
      planFile: readFileSync(run.outputs['plan-file'] ?? '', 'utf8'),
    };
    for (const [where, text] of Object.entries(places)) assert.ok(!text.includes(secret), `the seeded value is in ${where}`);
  });

  it('stays under 1 MiB of summary and 1 MB per output with 1,000 deployment files, and says where everything is', { timeout: 240_000 }, async () => {
    const count = 1000;
    const files: Record<string, string> = { 'ml/endpoint.yml': ENDPOINT };
    const names: string[] = [];
    for (let i = 1; i <= count; i++) {
      const path = `ml/deployments/d${String(i).padStart(4, '0')}.yml`;
      files[path] = deployment(i);
      names.push(path);
    }
    const run = await runAction({
      inputs: { mode: 'lint', 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': names.join('\n') },
      files,
      timeoutMs: 240_000,
    });
    assert.equal(run.code, 1, run.stderr);
    const errors = Number(run.outputs.errors);
    const warnings = Number(run.outputs.warnings);
    assert.ok(errors >= count / 5 && warnings >= count * 0.8, `${errors} errors, ${warnings} warnings`);

    // The summary: under the limit, with the exact counts, and a note that says where the rest is.
    const summaryBytes = Buffer.byteLength(run.summary, 'utf8');
    assert.ok(summaryBytes < MIB, `summary is ${summaryBytes} bytes`);
    assert.ok(summaryBytes > MIB / 2, 'the budget is used, not wasted');
    assert.match(run.summary, new RegExp(`Failed:\\*\\* ${errors.toLocaleString('en-US')} errors, ${warnings.toLocaleString('en-US')} warnings in 1,001 files`));
    assert.match(run.summary, /\*\*[\d,]+ more findings\*\* \([\d,]+ warnings?\) did not fit here\. Every finding is in the SARIF file .*`sarif-file` output/);
    assert.match(run.summary, /did not fit here\. The whole plan is in the plan file .*`plan-file` output/);
    assert.ok(run.summary.indexOf('❌ error') < run.summary.indexOf('⚠️ warning'), 'errors come first');
    assert.equal((run.summary.match(/^\| ❌ error \|/gm) ?? []).length, errors, 'every error is in the summary');
    for (const row of run.summary.split('\n').filter((l) => /^\| (❌|⚠️|ℹ️) /.test(l))) {
      assert.match(row, /\| \[`[a-z-]+`\]\(https:\/\/github\.com\/contoso\/azureml-online-deploy\/blob\/main\/docs\/rules\.md#[a-z-]+\) \|/, 'every row links its rule');
    }

    // Every output under 1 MB; the findings output keeps the most important (here all fit), the plan drops bodies.
    for (const [name, value] of Object.entries(run.outputs)) {
      assert.ok(Buffer.byteLength(value, 'utf8') < MB, `output ${name} is ${Buffer.byteLength(value, 'utf8')} bytes`);
    }
    const shown = JSON.parse(run.outputs.findings ?? '') as { severity: string }[];
    assert.equal(shown.filter((f) => f.severity === 'error').length, errors);
    const plan = JSON.parse(run.outputs.plan ?? '') as { requests: { body?: unknown }[]; omitted: { requests: number; bodies: number; planFile: string } };
    assert.equal(plan.omitted.planFile, run.outputs['plan-file']);
    assert.ok(plan.omitted.bodies > 0);

    // The files have everything.
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'] ?? '', 'utf8')) as SarifLog;
    const results = sarif.runs[0]?.results ?? [];
    assert.equal(results.filter((r) => r.level === 'error').length, errors);
    assert.equal(results.filter((r) => r.level === 'warning').length, warnings);
    assert.deepEqual(sarifValidator()(sarif), []);
    const fullPlan = JSON.parse(readFileSync(run.outputs['plan-file'] ?? '', 'utf8')) as { requests: { body?: unknown }[] };
    assert.equal(fullPlan.requests.length, 1 + count - count / 5, 'the endpoint and every deployment without errors');
    assert.ok(fullPlan.requests.every((r) => r.body !== undefined));
    assert.equal(plan.requests.length + plan.omitted.requests, fullPlan.requests.length);
  });
});

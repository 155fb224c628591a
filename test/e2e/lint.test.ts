// End-to-end: the bundled action in lint mode, started the way the runner starts it.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { repoRoot, runAction, shownLog } from './harness.ts';

const ENDPOINT = `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json
name: chat-endpoint
auth_mode: key
properties:
  enforce_access_to_default_secret_stores: enabled
`;

const DEPLOYMENT = `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineDeployment.schema.json
name: blue
endpoint_name: chat-endpoint
model: azureml:chat-model:3
environment: azureml:chat-env:1
instance_type: Standard_DS3_v2
instance_count: 1
environment_variables:
  OPENAI_KEY: \${{azureml://connections/aoai/credentials/key}}
  DB_PASSWORD: \${{keyvault:https://kv1.vault.azure.net/secrets/db-password/0123456789abcdef0123456789abcdef}}
`;

describe('lint mode, end to end', () => {
  it('passes clean files, publishes outputs, the plan and the reference table', async () => {
    const run = await runAction({
      inputs: { mode: 'lint', 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml' },
      files: { 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': DEPLOYMENT },
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    assert.deepEqual(run.annotations, []);
    assert.equal(run.outputs.errors, '0');
    assert.equal(run.outputs.warnings, '0');
    assert.deepEqual(JSON.parse(run.outputs.findings ?? ''), []);
    assert.equal(run.outputs['endpoint-name'], 'chat-endpoint');
    assert.equal(run.outputs['deployment-name'], 'blue');
    const plan = JSON.parse(run.outputs.plan ?? '') as { requests: { method: string; path: string; body: { properties: Record<string, unknown> } }[] };
    assert.deepEqual(plan.requests.map((r) => r.method + ' ' + r.path.split('/').slice(-3).join('/')), [
      'PUT {workspaceName}/onlineEndpoints/chat-endpoint',
      'PUT chat-endpoint/deployments/blue',
    ]);
    // References reach the service unchanged; the flag stays a string in properties.properties.
    assert.equal((plan.requests[1]?.body.properties.environmentVariables as Record<string, string>).OPENAI_KEY, '${{azureml://connections/aoai/credentials/key}}');
    assert.equal((plan.requests[0]?.body.properties.properties as Record<string, string>).enforce_access_to_default_secret_stores, 'enabled');
    assert.match(run.summary, /✅ Passed/);
    assert.match(run.summary, /\| `OPENAI_KEY` \| connection aoai \| credentials\/key \|/);
    assert.match(run.summary, /\| `DB_PASSWORD` \| Key Vault kv1 \| secret db-password, version 01234567… \|/);
  });

  it('annotates the exact line and column with the rule id, and fails', async () => {
    const broken = DEPLOYMENT.replace('instance_type:', 'instance_typ:').replace('azureml://connections/aoai', 'azureml://connection/aoai');
    const run = await runAction({
      inputs: { mode: 'lint', 'deployment-file': 'ml/blue.yml' },
      files: { 'ml/blue.yml': broken },
    });
    assert.equal(run.code, 1);
    const byRule = Object.fromEntries(run.annotations.map((a) => [a.properties.title?.split(':')[0], a]));
    assert.deepEqual(
      [byRule.schema?.command, byRule.schema?.properties.file, byRule.schema?.properties.line, byRule.schema?.properties.col],
      ['error', 'ml/blue.yml', '6', '1'],
    );
    assert.match(byRule.schema?.message ?? '', /instance_typ/);
    assert.match(byRule.schema?.message ?? '', /Fix: .*instance_type/);
    const ref = byRule['secret-ref-syntax'];
    assert.deepEqual([ref?.properties.line, ref?.properties.col], ['9', '15']);
    assert.match(ref?.message ?? '', /Did you mean \$\{\{azureml:\/\/connections\/aoai\/credentials\/key\}\}\?/);
    const failure = run.commands.filter((c) => c.command === 'error' && !c.properties.file).at(-1);
    assert.match(failure?.message ?? '', /^3 errors in ml\/blue\.yml; nothing was written to Azure/);
    const findings = JSON.parse(run.outputs.findings ?? '') as { rule: string; line: number }[];
    assert.ok(findings.length >= 2);
    assert.equal(run.outputs.errors, String(findings.filter((f) => (f as { severity?: string }).severity === 'error').length));
    assert.match(run.summary, /❌ Failed/);
  });

  it('opens no socket, resolves no name and loads no Azure SDK', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'aod-probe-')), 'probe.json');
    const run = await runAction({
      inputs: { mode: 'lint', 'endpoint-file': 'endpoint.yml', 'deployment-file': 'blue.yml' },
      files: { 'endpoint.yml': ENDPOINT, 'blue.yml': DEPLOYMENT },
      env: { AOD_PROBE_REPORT: report },
      nodeArgs: ['--import', join(repoRoot, 'test/e2e/network-probe.mjs')],
    });
    assert.equal(run.code, 0, run.stdout + run.stderr);
    const probe = JSON.parse(readFileSync(report, 'utf8')) as { connects: string[]; lookups: string[]; modules: string[] };
    assert.deepEqual(probe.connects, []);
    assert.deepEqual(probe.lookups, []);
    const loaded = probe.modules.filter((m) => !m.startsWith('node:'));
    assert.deepEqual(loaded, [new URL('dist/index.js', `file://${repoRoot}`).href], 'lint loads only the entry bundle: no lazily loaded chunk (Azure SDKs)');
  });

  it('masks secret-set values everywhere and leaves set values readable', async () => {
    const secret = 'sk-live-7f3a9c2e5d1b4a8f';
    const readable = 'gpt-4o-2024-08-06';
    const run = await runAction({
      inputs: {
        mode: 'lint',
        'deployment-file': 'blue.yml',
        set: `environment_variables.MODEL_VERSION=${readable}\nendpoint_name=chat-endpoint`,
        'secret-set': `environment_variables.API_TOKEN=${secret}`,
      },
      files: { 'blue.yml': DEPLOYMENT.replace('endpoint_name: chat-endpoint\n', '') },
    });
    assert.equal(run.code, 0, run.stdout);
    const masks = run.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
    const printed = shownLog(run.stdout);
    for (const [where, text] of Object.entries({ stdout: printed, stderr: run.stderr, summary: run.summary, outputs: JSON.stringify(run.outputs) })) {
      assert.ok(!text.includes(secret), `the secret leaked into ${where}`);
    }
    assert.deepEqual(masks, [`::add-mask::${secret}`], 'only the secret-set value is registered as a secret with the runner');
    const plan = JSON.parse(run.outputs.plan ?? '') as { requests: { body: { properties: { environmentVariables: Record<string, string> } } }[] };
    const env = plan.requests[0]?.body.properties.environmentVariables;
    assert.equal(env?.API_TOKEN, '***');
    assert.equal(env?.MODEL_VERSION, readable, 'a set value is shown in the plan');
    assert.ok(run.summary.includes(`"MODEL_VERSION": "${readable}"`), 'and in the job summary');
    assert.match(printed, new RegExp(`^set: environment_variables\\.MODEL_VERSION=${readable}$`, 'm'), 'a set value is readable in the log');
    assert.match(printed, /^secret-set: environment_variables\.API_TOKEN=\*\*\*$/m);
  });

  it('a secret-set line with a problem is reported without its text, and a name cannot be secret', async () => {
    const secret = 'pw-0b5e7d1c9a';
    const run = await runAction({
      inputs: { mode: 'lint', 'deployment-file': 'blue.yml', 'secret-set': `${secret}\nendpoint_name=chat-endpoint` },
      files: { 'blue.yml': DEPLOYMENT },
    });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /secret-set, line 1: the line has no "="/);
    assert.match(run.stdout, /secret-set, line 2: endpoint_name is a name/);
    assert.ok(!run.stdout.includes(secret) && !run.stderr.includes(secret), 'the line is not echoed');
  });

  it('shows at most 10 annotations per severity and points at the summary', async () => {
    const variables = Array.from({ length: 14 }, (_, i) => `  V${i}: \${{azureml://connection/c${i}/target}}`).join('\n');
    const run = await runAction({
      inputs: { mode: 'lint', 'deployment-file': 'd.yml' },
      files: { 'd.yml': DEPLOYMENT.split('environment_variables:')[0] + `environment_variables:\n${variables}\n` },
    });
    const errors = run.annotations.filter((a) => a.command === 'error' && a.properties.file);
    assert.equal(errors.length, 9);
    assert.ok(run.annotations.some((a) => a.properties.title === '5 more errors' && /job summary/.test(a.message)));
    assert.equal((JSON.parse(run.outputs.findings ?? '') as unknown[]).length, 14);
    assert.equal(run.outputs.errors, '14');
  });

  const failures: [string, Record<string, string>, Record<string, string>, RegExp][] = [
    ['no file given', { mode: 'lint' }, {}, /give at least one YAML file/],
    ['a missing file', { mode: 'lint', 'endpoint-file': 'nope.yml' }, {}, /endpoint-file: 'nope.yml' no such file/],
    ['an ambiguous name override', { mode: 'lint', 'endpoint-file': 'e.yml', 'deployment-file': 'd.yml', set: 'name=x' }, {}, /would rename both/],
  ];
  for (const [name, inputs, files, pattern] of failures) {
    it(`fails clearly on ${name}`, async () => {
      const run = await runAction({ inputs, files });
      assert.equal(run.code, 1);
      assert.ok(run.commands.some((c) => c.command === 'error' && pattern.test(c.message)), run.stdout);
    });
  }

  it('lints the shipped examples clean', async () => {
    const run = await runAction({
      inputs: { mode: 'lint', 'endpoint-file': 'examples/endpoint.yml', 'deployment-file': 'examples/deployment.yml' },
      workspace: repoRoot,
    });
    assert.equal(run.code, 0, run.stdout);
    assert.equal(run.outputs.errors, '0');
    assert.equal((run.summary.match(/^\| `[A-Z_0-9]+` \|/gm) ?? []).length, 5, 'all five reference patterns are listed');
  });
});

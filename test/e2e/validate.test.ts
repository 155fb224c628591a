// mode: validate end to end: `node dist/index.js` against Azure in a box (test/e2e/scenarios/validate.yml).
// Each online rule in a world of its own (the shared world plus the test's files, caller and grants),
// asserting rule, file and line; the "done when" (two planted mistakes → two annotations,
// nothing written; fixed → pass, and the emulator's own deployment creation then succeeds); no write
// request ever; no seeded secret value in any output.
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { admin, type Emu } from '../emulator/harness.ts';
import { shownLog, type ActionRun } from './harness.ts';
import {
  CONN,
  EP_SAI_PRINCIPAL,
  KV,
  OPERATOR_CLIENT_ID,
  SEEDED_SECRET_VALUES,
  armAs,
  deploymentYaml,
  endpointYaml,
  grant,
  lineOf,
  plannedPuts,
  putAndWait,
  runValidate,
  startWorld,
  writesLogged,
} from './validate-world.ts';

const CURRENT = 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3';
const KV_SCOPE = 'keyvault:val-kv';

interface Expect {
  rule: string;
  severity?: 'error' | 'warning' | 'notice';
  file: string;
  line: number;
}

/** The annotation of `rule` at file:line, with the title the report gives it. */
function assertAnnotation(run: ActionRun, e: Expect): { message: string } {
  const found = run.annotations.find((a) => a.properties.title?.startsWith(`${e.rule}:`) && a.properties.file === e.file && Number(a.properties.line) === e.line);
  const seen = run.annotations.map((a) => `${a.command} ${a.properties.title?.split(':')[0]} ${a.properties.file}:${a.properties.line}`);
  assert.ok(found, `expected ${e.rule} at ${e.file}:${e.line}; annotations: ${JSON.stringify(seen)}\n${run.stdout.slice(-3000)}`);
  if (e.severity) assert.equal(found.command, e.severity);
  return found;
}

function errors(run: ActionRun): string[] {
  return run.annotations.filter((a) => a.command === 'error' && a.properties.file).map((a) => `${a.properties.title} ${a.properties.file}:${a.properties.line}`);
}

describe('mode: validate (emulator, dist/index.js)', () => {
  let emu: Emu;
  const runs: ActionRun[] = [];
  const validate = async (...args: Parameters<typeof runValidate> extends [unknown, ...infer R] ? R : never) => {
    const run = await runValidate(emu, ...args);
    runs.push(run);
    return run;
  };

  before(async () => {
    emu = await startWorld();
  });
  beforeEach(async () => {
    await admin(emu, 'POST', '/reset');
  });
  after(async () => {
    await emu.stop();
  });

  it('passes a deployment whose five references all resolve, and plans its creation', async () => {
    const deployment = deploymentYaml({
      endpoint: 'ep-uai-good',
      env: {
        ALL: CONN('aoai_connection'),
        KEY: CONN('keys_connection/credentials/OPENAI_API_KEY'),
        VERSION: CONN('keys_connection/metadata/OPENAI_API_VERSION'),
        TARGET: CONN('aoai_connection/target'),
        DB: KV('val-kv', 'db-password', CURRENT),
      },
    });
    const run = await validate({ deployment });
    assert.equal(run.code, 0, run.stdout.slice(-3000));
    assert.deepEqual(errors(run), []);
    assert.equal(run.annotations.filter((a) => a.command === 'warning').length, 0, run.stdout.slice(-2000));
    // The scenario's role assignments are backdated (created, default long ago): none is "not yet effective".
    assert.deepEqual(run.annotations.filter((a) => a.properties.title?.startsWith('role-not-yet-effective:')), []);
    assert.equal(run.outputs.changes, 'true');
    const plan = JSON.parse(run.outputs.plan ?? '{}') as { requests: { change?: string; description: string }[]; traffic?: unknown };
    assert.deepEqual(plan.requests.map((r) => r.change), ['create']);
    assert.deepEqual(plan.traffic, { before: { blue: 100 }, after: { blue: 100 }, mirrorBefore: {}, mirrorAfter: {}, steps: [], rollback: { traffic: { blue: 100 }, mirrorTraffic: {} } });
    assert.match(run.summary, /\| `DB` \| Key Vault val-kv \|.*✅ pass/);
    assert.match(run.stdout, /Read \(nothing written\)/);
  });

  it('one Key Vault versions listing per secret, however many of its versions are pinned', async () => {
    const env = { A: KV('val-kv', 'db-password', CURRENT), B: KV('val-kv', 'db-password', 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2'), C: KV('val-kv', 'db-password', 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1') };
    await admin(emu, 'DELETE', '/requests');
    await validate({ deployment: deploymentYaml({ endpoint: 'ep-sai', env }) });
    const { body } = await admin<Array<{ method: string; host: string; path: string }>>(emu, 'GET', '/requests');
    const listings = body.filter((r) => r.host === 'val-kv.vault.azure.net' && /\/secrets\/db-password\/versions$/i.test(r.path));
    assert.equal(listings.length, 1, JSON.stringify(listings));
  });

  it('the issue\'s "done when": two planted mistakes, two annotations naming the fix, nothing written; fixed, it passes and the deployment succeeds', async () => {
    await grant(emu, EP_SAI_PRINCIPAL, 'Azure Machine Learning Workspace Connection Secrets Reader', 'workspace');
    const broken = deploymentYaml({ endpoint: 'ep-sai', env: { OPENAI_KEY: CONN('keys_connection/credentials/OPENAI_API_KEYY'), DB: KV('val-kv', 'db-password', CURRENT) } });
    await admin(emu, 'DELETE', '/requests');
    const run = await validate({ deployment: broken });
    assert.equal(run.code, 1);
    assert.equal(errors(run).length, 2, JSON.stringify(errors(run)));
    const key = assertAnnotation(run, { rule: 'connection-key-not-found', severity: 'error', file: 'deployment.yml', line: lineOf(broken, 'OPENAI_API_KEYY') });
    assert.match(key.message, /OPENAI_API_KEY\b/, 'names the keys that exist');
    const role = assertAnnotation(run, { rule: 'endpoint-identity-cannot-read-keyvault', severity: 'error', file: 'deployment.yml', line: lineOf(broken, 'db-password') });
    assert.match(role.message, /az role assignment create .*Key Vault Secrets User/, 'names the role assignment command');
    assert.deepEqual(await writesLogged(emu), []);
    assert.match(run.stdout, /nothing was written to Azure/);

    await grant(emu, EP_SAI_PRINCIPAL, 'Key Vault Secrets User', KV_SCOPE);
    const fixed = broken.replace('OPENAI_API_KEYY', 'OPENAI_API_KEY');
    const again = await validate({ deployment: fixed });
    assert.equal(again.code, 0, again.stdout.slice(-3000));
    assert.deepEqual(errors(again), []);
    const [put] = plannedPuts(again);
    assert.ok(put, 'the plan has the deployment PUT');
    const created = await putAndWait(armAs(emu), put.path, put.body);
    assert.deepEqual(created, { status: 'Succeeded' });
  });

  it('after the deployment exists, the same file plans "no change" (changes=false), and a changed field shows in the diff', async () => {
    const deployment = deploymentYaml({ endpoint: 'ep-uai-good', env: { TARGET: CONN('aoai_connection/target'), LOG_LEVEL: 'info' } });
    const first = await validate({ deployment });
    assert.equal(first.code, 0, first.stdout.slice(-2000));
    const [put] = plannedPuts(first);
    assert.ok(put);
    assert.deepEqual(await putAndWait(armAs(emu), put.path, put.body), { status: 'Succeeded' });

    const same = await validate({ deployment });
    assert.equal(same.outputs.changes, 'false', same.summary);
    const plan = JSON.parse(same.outputs.plan ?? '{}') as { requests: { change?: string }[] };
    assert.deepEqual(plan.requests.map((r) => r.change), ['no change']);

    const scaled = await validate({ deployment: deployment.replace('instance_count: 1', 'instance_count: 2') });
    assert.equal(scaled.outputs.changes, 'true');
    const diff = (JSON.parse(scaled.outputs.plan ?? '{}') as { requests: { change?: string; diff?: string[] }[] }).requests[0];
    assert.equal(diff?.change, 'update');
    assert.deepEqual(diff?.diff, ['sku.capacity: 1 → 2']);
  });

  describe('one world per online rule', () => {
    const cases: { name: string; files: () => { endpoint?: string; deployment?: string }; inputs?: Record<string, string>; setup?: () => Promise<void>; expect: (f: { endpoint?: string; deployment?: string }) => Expect }[] = [
      {
        name: 'connection-not-found',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', env: { T: CONN('aoai_conection/target') } }) }),
        expect: (f) => ({ rule: 'connection-not-found', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'aoai_conection') }),
      },
      {
        name: 'connection-key-not-found (metadata key)',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', env: { V: CONN('keys_connection/metadata/OPENAI_VERSION') } }) }),
        expect: (f) => ({ rule: 'connection-key-not-found', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'OPENAI_VERSION') }),
      },
      {
        name: 'connection-key-not-found (target on a connection without one)',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', env: { T: CONN('no_target_conn/target') } }) }),
        expect: (f) => ({ rule: 'connection-key-not-found', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'no_target_conn') }),
      },
      {
        name: 'keyvault-secret-not-found',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', env: { DB: KV('val-kv', 'db-password', '0123456789abcdef0123456789abcdef') } }) }),
        expect: (f) => ({ rule: 'keyvault-secret-not-found', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'db-password') }),
      },
      {
        name: 'keyvault-secret-unusable (disabled version)',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', env: { DB: KV('val-kv', 'db-password', 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1') } }) }),
        expect: (f) => ({ rule: 'keyvault-secret-unusable', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'db-password') }),
      },
      {
        name: 'keyvault-secret-expired (a warning: Key Vault still serves it)',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', env: { DB: KV('val-kv', 'db-password', 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2') } }) }),
        expect: (f) => ({ rule: 'keyvault-secret-expired', severity: 'warning', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'db-password') }),
      },
      {
        name: 'keyvault-secret-newer-version',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', env: { TOKEN: KV('val-kv', 'api-token', 'd4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4') } }) }),
        expect: (f) => ({ rule: 'keyvault-secret-newer-version', severity: 'notice', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'api-token') }),
      },
      {
        name: 'keyvault-not-rbac',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', env: { L: KV('legacy-kv', 'legacy-secret', 'f6f6f6f6f6f6f6f6f6f6f6f6f6f6f6f6') } }) }),
        expect: (f) => ({ rule: 'keyvault-not-rbac', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'legacy-kv') }),
      },
      {
        name: 'caller-cannot-read-connections',
        inputs: { 'client-id': OPERATOR_CLIENT_ID },
        files: () => ({ endpoint: endpointYaml({ name: 'ep-new', enforceFlag: true }) }),
        expect: (f) => ({ rule: 'caller-cannot-read-connections', severity: 'error', file: 'endpoint.yml', line: lineOf(f.endpoint ?? '', 'enforce_access_to_default_secret_stores') }),
      },
      {
        name: 'endpoint-identity-cannot-read-connections',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-bare', env: { K: CONN('aoai_connection/credentials/key') } }) }),
        expect: (f) => ({ rule: 'endpoint-identity-cannot-read-connections', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'aoai_connection') }),
      },
      {
        name: 'endpoint-identity-cannot-read-keyvault',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-sai', env: { DB: KV('val-kv', 'db-password', CURRENT) } }) }),
        expect: (f) => ({ rule: 'endpoint-identity-cannot-read-keyvault', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'db-password') }),
      },
      {
        name: 'uai-missing-platform-roles',
        files: () => ({ endpoint: endpointYaml({ name: 'ep-uai-bare', identity: { uai: 'bare-uai' } }) }),
        expect: (f) => ({ rule: 'uai-missing-platform-roles', severity: 'error', file: 'endpoint.yml', line: lineOf(f.endpoint ?? '', 'identity:') }),
      },
      {
        name: 'identity-immutable',
        files: () => ({ endpoint: endpointYaml({ name: 'ep-uai-good', identity: 'system_assigned' }) }),
        expect: (f) => ({ rule: 'identity-immutable', severity: 'error', file: 'endpoint.yml', line: lineOf(f.endpoint ?? '', 'identity:') }),
      },
      {
        name: 'asset-not-found',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', model: 'azureml:val-model:9' }) }),
        expect: (f) => ({ rule: 'asset-not-found', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'val-model:9') }),
      },
      {
        name: 'instance-type-unavailable',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', instanceType: 'Standard_DS3_v3' }) }),
        expect: (f) => ({ rule: 'instance-type-unavailable', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'instance_type') }),
      },
      {
        name: 'quota-insufficient (ceil(1.2 × 50) × 4 cores > the family limit)',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', instanceCount: 50 }) }),
        expect: (f) => ({ rule: 'quota-insufficient', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'instance_type') }),
      },
      {
        name: 'instance-type-unavailable (listed for training only: its supportedComputeTypes lack MIR)',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', instanceType: 'Standard_DS12_v2' }) }),
        expect: (f) => ({ rule: 'instance-type-unavailable', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'instance_type') }),
      },
      {
        name: 'quota-insufficient on the regional total while the family has room',
        setup: async () => {
          await admin(emu, 'PATCH', '/knobs', { quota: { regional: { limit: 4, usage: 0 } } });
        },
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good' }) }),
        expect: (f) => ({ rule: 'quota-insufficient', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'instance_type') }),
      },
      {
        name: 'endpoint-not-found',
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-nowhere' }) }),
        expect: (f) => ({ rule: 'endpoint-not-found', severity: 'error', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'endpoint_name') }),
      },
      {
        name: 'traffic to a deployment that exists nowhere (decided online; the offline notice is superseded)',
        files: () => ({ endpoint: endpointYaml({ name: 'ep-uai-good', identity: { uai: 'good-uai' }, traffic: { blue: 50, ghost: 50 } }) }),
        expect: (f) => ({ rule: 'traffic', severity: 'error', file: 'endpoint.yml', line: lineOf(f.endpoint ?? '', 'ghost') }),
      },
      {
        name: 'role-not-yet-effective',
        setup: async () => {
          await grant(emu, EP_SAI_PRINCIPAL, 'Key Vault Secrets User', KV_SCOPE);
        },
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-sai', env: { DB: KV('val-kv', 'db-password', CURRENT) } }) }),
        expect: (f) => ({ rule: 'role-not-yet-effective', severity: 'notice', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'db-password') }),
      },
      {
        name: 'cannot-verify (the caller may not read Key Vault metadata)',
        inputs: { 'client-id': OPERATOR_CLIENT_ID },
        files: () => ({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', env: { DB: KV('val-kv', 'db-password', CURRENT) } }) }),
        expect: (f) => ({ rule: 'cannot-verify', severity: 'warning', file: 'deployment.yml', line: lineOf(f.deployment ?? '', 'db-password') }),
      },
    ];
    for (const c of cases) {
      it(c.name, async () => {
        await c.setup?.();
        const files = c.files();
        await admin(emu, 'DELETE', '/requests');
        const run = await validate(files, c.inputs);
        const expected = c.expect(files);
        assertAnnotation(run, expected);
        assert.equal(run.code, expected.severity === 'error' ? 1 : 0, run.stdout.slice(-2000));
        const findings = JSON.parse(run.outputs.findings ?? '[]') as { rule: string; file: string; line: number }[];
        assert.ok(findings.some((f) => f.rule === expected.rule && f.file === expected.file && f.line === expected.line), 'the findings output has it too');
        if (expected.rule === 'traffic') assert.ok(!run.annotations.some((a) => a.command === 'notice' && a.properties.title?.startsWith('traffic:')), 'no stale offline notice');
        assert.deepEqual(await writesLogged(emu), [], 'validate sends no write');
      });
    }
  });

  it('quota: 1 × A100 in a family with 24 free cores passes (no 20 % reserve); the plan shows the family and the regional total before → after', async () => {
    await admin(emu, 'PATCH', '/knobs', { quota: { StandardNCADSA100v4Family: { limit: 24, usage: 0 } } });
    const run = await validate({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', instanceType: 'Standard_NC24ads_A100_v4' }) });
    assert.equal(run.code, 0, run.stdout.slice(-3000));
    assert.deepEqual(run.annotations.filter((a) => /^(quota-insufficient|instance-type-unavailable|cannot-verify):/.test(a.properties.title ?? '')).map((a) => a.message), []);
    const plan = JSON.parse(run.outputs.plan ?? '{}') as { quota?: string[] };
    assert.equal(plan.quota?.[0], 'Standard NCADSA100v4 Family Cluster Dedicated vCPUs: 0 → 24 of 24 cores');
    assert.match(plan.quota?.[1] ?? '', /^Total Cluster Dedicated Regional vCPUs: (\d+) → \d+ of 1000 cores$/);
    const [, before, after] = /: (\d+) → (\d+)/.exec(plan.quota?.[1] ?? '') ?? [];
    assert.equal(Number(after) - Number(before), 24);

    await admin(emu, 'PATCH', '/knobs', { quota: { StandardNCADSA100v4Family: { limit: 24, usage: 1 } } });
    const tight = await validate({ deployment: deploymentYaml({ endpoint: 'ep-uai-good', instanceType: 'Standard_NC24ads_A100_v4' }) });
    assert.equal(tight.code, 1);
    assert.match(assertAnnotation(tight, { rule: 'quota-insufficient', severity: 'error', file: 'deployment.yml', line: 5 }).message, /needs 24 cores .*1 instance\(s\) \(Standard_NC24ads_A100_v4 skips the 20 % reserve\).*23 of 24 are free/);
  });

  it('files that do not parse still get their offline findings, and validate reads nothing it cannot name', async () => {
    const run = await validate({ deployment: 'name: green\n  endpoint_name: ep-uai-good\n' });
    assert.equal(run.code, 1);
    assertAnnotation(run, { rule: 'yaml-syntax', severity: 'error', file: 'deployment.yml', line: 2 });
    assert.deepEqual(await writesLogged(emu), []);
  });

  it('a sign-in refusal is explained: the subject presented, and that Entra compares it case-sensitively', async () => {
    await admin(emu, 'PATCH', '/knobs', { github: { subject: 'repo:octo-org/octo-repo:ref:refs/heads/feature' } });
    const run = await validate({ deployment: deploymentYaml({ endpoint: 'ep-uai-good' }) });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::.*AADSTS700213.*subject 'repo:octo-org\/octo-repo:ref:refs\/heads\/feature'/);
  });

  it('without id-token: write, says so and points at mode: lint', async () => {
    const run = await validate({ deployment: deploymentYaml({ endpoint: 'ep-uai-good' }) }, {}, { env: { ACTIONS_ID_TOKEN_REQUEST_URL: '', ACTIONS_ID_TOKEN_REQUEST_TOKEN: '' } });
    assert.equal(run.code, 1);
    assert.match(run.stdout, /::error::.*id-token: write.*mode: lint/);
  });

  it('a read that keeps failing after the retries is a cannot-verify warning, never a crash', async () => {
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', path: '/connections/aoai_connection/listsecrets$', status: 503, times: 0 });
    const deployment = deploymentYaml({ endpoint: 'ep-uai-good', env: { T: CONN('aoai_connection/target') } });
    const run = await validate({ deployment });
    assertAnnotation(run, { rule: 'cannot-verify', severity: 'warning', file: 'deployment.yml', line: lineOf(deployment, 'aoai_connection') });
    assert.equal(run.code, 0, run.stdout.slice(-2000));
  });

  it('no output ever holds a seeded secret value (connection credentials, Key Vault values)', () => {
    assert.ok(runs.length >= 10, 'the runs above are inspected');
    for (const run of runs) {
      const everything = [shownLog(run.stdout), run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n');
      for (const value of SEEDED_SECRET_VALUES) assert.ok(!everything.includes(value), `a run printed ${value}`);
    }
  });
});


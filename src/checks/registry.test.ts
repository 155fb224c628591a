import { describe, test } from 'node:test';
import { PLAN_RULES } from '../modes/validate-plan.ts';
import { TEARDOWN_RULES } from '../modes/teardown-plan.ts';
import assert from 'node:assert/strict';
import { CHECKS, mergeStatuses, runChecks } from './registry.ts';
import { RULES, type RuleId, type RuleSpec } from '../findings/rules.ts';
import { KV1, ROLES, V1, WS, assign, brief, context, endpointSpec, facts, kvRef, ref, span } from './testkit.ts';
import type { ValidateFacts } from './facts.ts';

const SAI = '11111111-1111-1111-1111-111111111111';

/** The "done when" world: an existing system identity without Key Vault Secrets User, and a misspelt connection key. */
function world(fixed: boolean): ValidateFacts {
  return facts({
    endpoint: { kind: 'found', value: { name: 'my-endpoint', provisioningState: 'Succeeded', identity: { type: 'SystemAssigned', principalId: SAI, userAssigned: {} }, traffic: { blue: 100 }, mirrorTraffic: {}, properties: { enforce_access_to_default_secret_stores: 'enabled' }, body: {} } },
    deployments: { kind: 'found', value: { blue: { name: 'blue', provisioningState: 'Succeeded', instanceType: 'Standard_DS3_v2', instanceCount: 1, body: {} } } },
    connections: { aoai: { kind: 'found', value: { name: 'aoai', authType: 'ApiKey', target: true, credentialKeys: ['key'], metadataKeys: ['ApiVersion'] } } },
    vaults: { 'kv1.vault.azure.net': { kind: 'found', value: { host: 'kv1.vault.azure.net', resourceId: KV1, rbacAuthorization: true } } },
    secretVersions: { [`https://kv1.vault.azure.net/secrets/db-password/${V1}`]: { kind: 'found', value: { vaultHost: 'kv1.vault.azure.net', name: 'db-password', version: V1, enabled: true } } },
    caller: { objectId: 'caller', permissions: { [WS]: { kind: 'found', value: ROLES.owner.permissions.concat(ROLES.connectionSecretsReader.permissions) } } },
    principals: { [SAI]: { objectId: SAI, assignments: { kind: 'found', value: [assign(SAI, ROLES.connectionSecretsReader, WS), ...(fixed ? [assign(SAI, ROLES.keyVaultSecretsUser, KV1)] : [])] } } },
  });
}

describe('runChecks', () => {
  const endpoint = endpointSpec({ enforceAccessToDefaultSecretStores: 'enabled', spans: { name: span(1), identity: span(3), enforceFlag: span(5), properties: {} } });
  const references = (key: string) => [ref('OPENAI_KEY', `\${{azureml://connections/aoai/credentials/${key}}}`, 8), kvRef('DB_PASSWORD', 'db-password', V1, 9)];

  test('the two planted mistakes: two errors on the two lines, each naming the fix', () => {
    const out = runChecks(context({ endpoint, references: references('kye'), facts: world(false) }));
    assert.deepEqual(brief(out.findings.filter((f) => f.severity === 'error')), ['connection-key-not-found@8:error', 'endpoint-identity-cannot-read-keyvault@9:error']);
    const [keyFinding, roleFinding] = out.findings.filter((f) => f.severity === 'error');
    assert.match(keyFinding?.message ?? '', /It has: key\./);
    assert.match(keyFinding?.hint ?? '', /Did you mean key\?/);
    assert.match(roleFinding?.hint ?? '', new RegExp(`az role assignment create --assignee-object-id ${SAI} --assignee-principal-type ServicePrincipal --role "Key Vault Secrets User" --scope ${KV1}`));
    assert.deepEqual(out.references.map((r) => [r.variable, r.status]), [
      ['OPENAI_KEY', { state: 'fail', rule: 'connection-key-not-found' }],
      ['DB_PASSWORD', { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }],
    ]);
  });

  test('fixed: no finding, every reference passes', () => {
    const out = runChecks(context({ endpoint, references: references('key'), facts: world(true) }));
    assert.deepEqual(brief(out.findings), []);
    assert.deepEqual(out.references.map((r) => r.status.state), ['pass', 'pass']);
    assert.deepEqual(out.references[1], { variable: 'DB_PASSWORD', file: 'deployment.yml', line: 9, store: 'Key Vault kv1', target: 'secret db-password, version 01234567…', status: { state: 'pass' } });
    assert.deepEqual(out.quota, ['Standard DSv2 Family Cluster Dedicated vCPUs: 0 → 0 of 100 cores', 'Total Cluster Dedicated Regional vCPUs: 0 → 0 of 1000 cores']);
  });

  test('a new system identity: the plan names the role no one can grant yet', () => {
    const f = { ...world(false), endpoint: { kind: 'missing' as const }, deployments: { kind: 'found' as const, value: {} } };
    const out = runChecks(context({ endpoint, references: references('key'), facts: f }));
    assert.deepEqual(out.identityPlan.map((l) => l.replace(/ \(.*$/, '')), [
      'At endpoint creation the service grants "Azure Machine Learning Workspace Connection Secrets Reader" on the workspace to the new system identity',
      'After the endpoint exists: assign Key Vault Secrets User on kv1 to its new system identity',
    ]);
  });

  test('a reference no check saw is unknown, never pass', () => {
    const out = runChecks(context({ references: references('key') }), []);
    assert.deepEqual(out.references.map((r) => r.status), [{ state: 'unknown', why: 'no online check covered this reference' }, { state: 'unknown', why: 'no online check covered this reference' }]);
  });

  test('a findings-only check (no evaluate) still runs', () => {
    const out = runChecks(context(), [{ name: 'x', rules: ['endpoint-busy'], run: () => [{ rule: 'endpoint-busy', severity: 'warning', message: 'm', file: 'f', line: 1, column: 1 }] }]);
    assert.deepEqual(brief(out.findings), ['endpoint-busy@1:warning']);
  });

  test('every finding a check returns uses a rule it declares', () => {
    const ctx = context({ endpoint, references: references('kye'), facts: world(false) });
    for (const check of CHECKS) for (const f of check.run(ctx)) assert.ok(check.rules.includes(f.rule), `${check.name}: ${f.rule}`);
  });

  test('every validate rule of the catalog has a check', () => {
    // The plan (src/modes/validate-plan.ts) reports what it finds while computing the bodies; the
    // teardown plan (src/modes/teardown-plan.ts) reports the catalog's teardown rules.
    const declared = new Set<RuleId>([...CHECKS.flatMap((c) => c.rules), ...PLAN_RULES, ...TEARDOWN_RULES]);
    const validateRules = (Object.keys(RULES) as RuleId[]).filter((id) => RULES[id].detectedIn === 'validate');
    assert.deepEqual(validateRules.filter((id) => !declared.has(id)), []);
    assert.deepEqual([...TEARDOWN_RULES].sort(), (Object.keys(RULES) as RuleId[]).filter((id) => (RULES[id] as RuleSpec).teardown === true).sort());
  });
});

describe('mergeStatuses', () => {
  const table: Array<[Parameters<typeof mergeStatuses>[0], ReturnType<typeof mergeStatuses>]> = [
    [[], { state: 'unknown', why: 'no online check covered this reference' }],
    [[{ state: 'pass' }, { state: 'pass' }], { state: 'pass' }],
    [[{ state: 'pass' }, { state: 'unknown', why: 'a' }, { state: 'unknown', why: 'a' }], { state: 'unknown', why: 'a' }],
    [[{ state: 'unknown', why: 'a' }, { state: 'fail', rule: 'keyvault-not-rbac' }, { state: 'fail', rule: 'connection-not-found' }], { state: 'fail', rule: 'keyvault-not-rbac' }],
  ];
  for (const [input, want] of table) test(JSON.stringify(input), () => assert.deepEqual(mergeStatuses(input), want));
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointIdentityCheck } from './endpoint-identity.ts';
import { callerPermissionsCheck } from './caller-permissions.ts';
import { KV1, NOW, RG, ROLES, UAI, V1, WS, assign, block, brief, context, endpointSpec, facts, kvRef, ref, span } from './testkit.ts';
import type { CheckContext } from './check.ts';
import type { LiveEndpointFacts, PermissionFacts, PrincipalFacts, ValidateFacts, Lookup } from './facts.ts';

const SAI = '11111111-1111-1111-1111-111111111111';
const UAI_PRINCIPAL = '22222222-2222-2222-2222-222222222222';
const vaults: ValidateFacts['vaults'] = { 'kv1.vault.azure.net': { kind: 'found', value: { host: 'kv1.vault.azure.net', resourceId: KV1, rbacAuthorization: true } } };

function liveEndpoint(identity: LiveEndpointFacts['identity'], properties: Record<string, string> = {}): ValidateFacts['endpoint'] {
  return { kind: 'found', value: { name: 'my-endpoint', provisioningState: 'Succeeded', identity, traffic: {}, mirrorTraffic: {}, properties, body: {} } };
}
const liveSai = liveEndpoint({ type: 'SystemAssigned', principalId: SAI, userAssigned: {} });
const principal = (objectId: string, assignments: PrincipalFacts['assignments']): Record<string, PrincipalFacts> => ({ [objectId]: { objectId, assignments } });
const found = <T>(value: T): Lookup<T> => ({ kind: 'found', value });
const callerAt = (scope: string, blocks: PermissionFacts[]): ValidateFacts['caller'] => ({ objectId: 'caller-oid', permissions: { [scope]: found(blocks) } });
const OWNER = [block({ actions: ['*'] })];
const DATA_SCIENTIST_NO_SECRETS = [block({ actions: ['Microsoft.MachineLearningServices/workspaces/*/read'] })];

const kvRefs = [kvRef('DB_PASSWORD', 'db-password', V1, 7), kvRef('DB_USER', 'db-user', V1, 8)];
const connRefs = [ref('OPENAI_KEY', '${{azureml://connections/aoai/credentials/key}}', 9)];
const uaiEndpoint = endpointSpec({ identity: { type: 'UserAssigned', userAssignedIdentities: [{ resourceId: UAI }] } });
const flagged = endpointSpec({ enforceAccessToDefaultSecretStores: 'enabled', spans: { name: span(1), identity: span(3), enforceFlag: span(5, 44, 7), properties: {} } });

interface Case {
  name: string;
  ctx: Partial<CheckContext>;
  f: Partial<ValidateFacts>;
  want: string[];
  states: string[];
  message?: RegExp;
  hint?: RegExp;
  plan?: RegExp;
  grants?: number;
}

const cases: Case[] = [
  // Key Vault, new system identity
  {
    name: 'new system identity, no grant-missing-roles: error with the command to run after creation',
    ctx: { references: kvRefs }, f: { vaults }, want: ['endpoint-identity-cannot-read-keyvault@7:error', 'endpoint-identity-cannot-read-keyvault@8:error'], states: ['fail', 'fail'],
    message: /does not exist until the endpoint is created/,
    hint: new RegExp(`Set grant-missing-roles: true .*az role assignment create --assignee-object-id \\$\\(az ml online-endpoint show --name my-endpoint --resource-group ml-rg --workspace-name ws1 --query identity.principal_id --output tsv\\) --assignee-principal-type ServicePrincipal --role "Key Vault Secrets User" --scope ${KV1}$`),
    plan: /^After the endpoint exists: assign Key Vault Secrets User on kv1 to its new system identity/,
  },
  { name: 'new system identity, grant-missing-roles, caller may assign: notice and a planned grant', ctx: { references: kvRefs, grantMissingRoles: true }, f: { vaults, caller: callerAt(KV1, OWNER) }, want: ['endpoint-identity-cannot-read-keyvault@7:notice', 'endpoint-identity-cannot-read-keyvault@8:notice'], states: ['unknown', 'unknown'], message: /deploy will assign it after creating the endpoint/, grants: 1, plan: /\(grant-missing-roles\)/ },
  { name: 'grant-missing-roles, caller holds it on the resource group (covers the vault)', ctx: { references: kvRefs, grantMissingRoles: true }, f: { vaults, caller: callerAt(RG, OWNER) }, want: ['endpoint-identity-cannot-read-keyvault@7:notice', 'endpoint-identity-cannot-read-keyvault@8:notice'], states: ['unknown', 'unknown'], grants: 1 },
  { name: 'grant-missing-roles, caller may not assign roles: error', ctx: { references: kvRefs, grantMissingRoles: true }, f: { vaults, caller: callerAt(KV1, [block({ actions: ['*'], notActions: ['Microsoft.Authorization/*/Write'] })]) }, want: ['endpoint-identity-cannot-read-keyvault@7:error', 'endpoint-identity-cannot-read-keyvault@8:error'], states: ['fail', 'fail'], message: /lacks Microsoft.Authorization\/roleAssignments\/write/, grants: 0 },
  { name: 'grant-missing-roles, caller permissions not read: cannot-verify', ctx: { references: kvRefs, grantMissingRoles: true }, f: { vaults }, want: ['cannot-verify@7:warning', 'cannot-verify@8:warning'], states: ['unknown', 'unknown'], grants: 1 },
  // Key Vault, existing identity
  { name: 'existing system identity holds Key Vault Secrets User on the vault', ctx: { references: kvRefs }, f: { vaults, endpoint: liveSai, principals: principal(SAI, found([assign(SAI, ROLES.keyVaultSecretsUser, KV1)])) }, want: [], states: ['pass', 'pass'] },
  { name: 'through a group, on the resource group', ctx: { references: kvRefs }, f: { vaults, endpoint: liveSai, principals: principal(SAI, found([assign('group-ml', ROLES.keyVaultSecretsUser, RG)])) }, want: [], states: ['pass', 'pass'] },
  { name: 'assigned 2 minutes ago: notice', ctx: { references: kvRefs }, f: { vaults, endpoint: liveSai, principals: principal(SAI, found([assign(SAI, ROLES.keyVaultSecretsUser, KV1, { createdOn: '2026-11-30T11:58:00Z' })])) }, want: ['role-not-yet-effective@7:notice'], states: ['pass', 'pass'], message: /2 minutes ago/ },
  {
    name: 'existing system identity without the role: error with the exact command',
    ctx: { references: kvRefs }, f: { vaults, endpoint: liveSai, principals: principal(SAI, found([assign(SAI, ROLES.keyVaultReader, KV1)])) }, want: ['endpoint-identity-cannot-read-keyvault@7:error', 'endpoint-identity-cannot-read-keyvault@8:error'], states: ['fail', 'fail'],
    message: /has no role with Microsoft.KeyVault\/vaults\/secrets\/getSecret\/action on vault kv1/,
    hint: new RegExp(`^Run: az role assignment create --assignee-object-id ${SAI} --assignee-principal-type ServicePrincipal --role "Key Vault Secrets User" --scope ${KV1}`),
  },
  { name: 'existing identity without the role, grant-missing-roles: planned before the deployment', ctx: { references: kvRefs, grantMissingRoles: true }, f: { vaults, endpoint: liveSai, principals: principal(SAI, found([])), caller: callerAt(KV1, OWNER) }, want: ['endpoint-identity-cannot-read-keyvault@7:notice', 'endpoint-identity-cannot-read-keyvault@8:notice'], states: ['unknown', 'unknown'], grants: 1, message: /before creating the deployment/ },
  { name: 'conditional assignment: cannot-verify', ctx: { references: kvRefs }, f: { vaults, endpoint: liveSai, principals: principal(SAI, found([assign(SAI, ROLES.keyVaultSecretsUser, KV1, { condition: 'x' })])) }, want: ['cannot-verify@7:warning', 'cannot-verify@8:warning'], states: ['unknown', 'unknown'], message: /condition/ },
  { name: 'assignments unreadable: cannot-verify naming roleAssignments/read', ctx: { references: kvRefs }, f: { vaults, endpoint: liveSai, principals: principal(SAI, { kind: 'unreadable', why: 'AuthorizationFailed' }) }, want: ['cannot-verify@7:warning', 'cannot-verify@8:warning'], states: ['unknown', 'unknown'], hint: /Microsoft.Authorization\/roleAssignments\/read/ },
  { name: 'identity type none: error', ctx: { references: kvRefs, endpoint: endpointSpec({ identity: { type: 'None', userAssignedIdentities: [] } }) }, f: { vaults }, want: ['endpoint-identity-cannot-read-keyvault@7:error', 'endpoint-identity-cannot-read-keyvault@8:error'], states: ['fail', 'fail'], message: /no identity/ },
  { name: 'vault not found: left to keyvault-secrets', ctx: { references: kvRefs }, f: { vaults: { 'kv1.vault.azure.net': { kind: 'missing' } } }, want: [], states: ['unknown', 'unknown'] },
  // user-assigned identity of a new endpoint
  { name: 'UAI holds the role', ctx: { references: kvRefs, endpoint: uaiEndpoint }, f: { vaults, userAssignedIdentities: { [UAI.toLowerCase()]: found({ resourceId: UAI, principalId: UAI_PRINCIPAL }) }, principals: principal(UAI_PRINCIPAL, found([assign(UAI_PRINCIPAL, ROLES.keyVaultSecretsUser, KV1)])) }, want: [], states: ['pass', 'pass'] },
  { name: 'UAI lacks the role: command with its principal id', ctx: { references: kvRefs, endpoint: uaiEndpoint }, f: { vaults, userAssignedIdentities: { [UAI.toLowerCase()]: found({ resourceId: UAI, principalId: UAI_PRINCIPAL }) }, principals: principal(UAI_PRINCIPAL, found([])) }, want: ['endpoint-identity-cannot-read-keyvault@7:error', 'endpoint-identity-cannot-read-keyvault@8:error'], states: ['fail', 'fail'], hint: new RegExp(`--assignee-object-id ${UAI_PRINCIPAL} `) },
  { name: 'UAI unreadable: cannot-verify', ctx: { references: kvRefs, endpoint: uaiEndpoint }, f: { vaults, userAssignedIdentities: { [UAI.toLowerCase()]: { kind: 'unreadable', why: 'Forbidden' } } }, want: ['cannot-verify@7:warning', 'cannot-verify@8:warning'], states: ['unknown', 'unknown'], hint: /userAssignedIdentities\/read/ },
  // connections
  { name: 'new system identity + flag + caller may read connection secrets: granted at creation', ctx: { references: connRefs, endpoint: flagged }, f: { caller: callerAt(WS, [ROLES.connectionSecretsReader.permissions[0] ?? block({})]) }, want: [], states: ['pass'], plan: /grants "Azure Machine Learning Workspace Connection Secrets Reader"/ },
  { name: 'new system identity + flag, caller permissions unreadable: unknown, never pass', ctx: { references: connRefs, endpoint: flagged }, f: { caller: { objectId: 'caller-oid', permissions: { [WS]: { kind: 'unreadable', why: 'throttled' } } } }, want: [], states: ['unknown'] },
  { name: 'new system identity + flag, caller lacks it: the caller check reports, the reference fails', ctx: { references: connRefs, endpoint: flagged }, f: { caller: callerAt(WS, DATA_SCIENTIST_NO_SECRETS) }, want: [], states: ['fail'] },
  { name: 'new system identity, no flag: error', ctx: { references: connRefs }, f: {}, want: ['endpoint-identity-cannot-read-connections@9:error'], states: ['fail'], hint: /enforce_access_to_default_secret_stores: enabled/ },
  { name: 'UAI with Connection Secrets Reader on the workspace', ctx: { references: connRefs, endpoint: uaiEndpoint }, f: { userAssignedIdentities: { [UAI.toLowerCase()]: found({ resourceId: UAI, principalId: UAI_PRINCIPAL }) }, principals: principal(UAI_PRINCIPAL, found([assign(UAI_PRINCIPAL, ROLES.connectionSecretsReader, WS)])) }, want: [], states: ['pass'] },
  { name: 'UAI without it: error with the command on the workspace', ctx: { references: connRefs, endpoint: uaiEndpoint }, f: { userAssignedIdentities: { [UAI.toLowerCase()]: found({ resourceId: UAI, principalId: UAI_PRINCIPAL }) }, principals: principal(UAI_PRINCIPAL, found([])) }, want: ['endpoint-identity-cannot-read-connections@9:error'], states: ['fail'], hint: new RegExp(`--role "Azure Machine Learning Workspace Connection Secrets Reader" --scope ${WS}$`) },
  { name: 'existing endpoint: the live identity counts, not the file', ctx: { references: connRefs, endpoint: uaiEndpoint }, f: { endpoint: liveSai, principals: principal(SAI, found([assign(SAI, ROLES.connectionSecretsReader, WS)])) }, want: [], states: ['pass'] },
  { name: 'deployment files only, endpoint missing: unknown, left to endpoint-not-found', ctx: { references: connRefs, endpoint: undefined }, f: {}, want: [], states: ['unknown'] },
  { name: 'endpoint unreadable: cannot-verify naming the permission', ctx: { references: connRefs }, f: { endpoint: { kind: 'unreadable', why: 'AuthorizationFailed', permission: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read' } }, want: ['cannot-verify@9:warning'], states: ['unknown'], hint: /onlineEndpoints\/read/ },
];

describe('endpoint-identity check', () => {
  for (const c of cases) {
    test(c.name, () => {
      const out = endpointIdentityCheck.evaluate?.(context({ ...c.ctx, facts: facts(c.f) }));
      assert.ok(out);
      assert.deepEqual(brief(out.findings), c.want);
      assert.deepEqual(out.verdicts.map((v) => v.status.state), c.states);
      if (c.message) assert.match(out.findings[0]?.message ?? '', c.message);
      if (c.hint) assert.match(out.findings[0]?.hint ?? '', c.hint);
      if (c.plan) assert.match(out.identityPlan.join('\n'), c.plan);
      if (c.grants !== undefined) assert.equal(out.grants.length, c.grants);
    });
  }
  test('a planned grant carries what deploy needs', () => {
    const out = endpointIdentityCheck.evaluate?.(context({ references: kvRefs, grantMissingRoles: true, facts: facts({ vaults, caller: callerAt(KV1, OWNER) }) }));
    assert.deepEqual(out?.grants, [{ roleName: 'Key Vault Secrets User', roleDefinitionId: '4633458b-17de-408a-b874-0445c86b69e6', scope: KV1, principalType: 'ServicePrincipal', when: 'after-endpoint', reason: '2 reference(s) to vault kv1' }]);
  });
  test('the clock is facts.now', () => assert.equal(facts().now, NOW));
});

describe('caller-permissions check', () => {
  const table: Array<{ name: string; ctx: Partial<CheckContext>; f: Partial<ValidateFacts>; want: string[]; hint?: RegExp }> = [
    { name: 'no flag: nothing to check', ctx: {}, f: { caller: callerAt(WS, []) }, want: [] },
    { name: 'flag, caller holds listsecrets', ctx: { endpoint: flagged }, f: { caller: callerAt(WS, OWNER) }, want: [] },
    { name: 'flag, caller lacks it: error on the flag', ctx: { endpoint: flagged }, f: { caller: callerAt(WS, DATA_SCIENTIST_NO_SECRETS) }, want: ['caller-cannot-read-connections@5:error'], hint: new RegExp(`--assignee-object-id caller-oid .*--scope ${WS}$`) },
    { name: 'flag, permissions unreadable: cannot-verify', ctx: { endpoint: flagged }, f: { caller: { permissions: { [WS]: { kind: 'unreadable', why: 'throttled' } } } }, want: ['cannot-verify@5:warning'] },
    { name: 'the file sets no flag, the live endpoint keeps it', ctx: {}, f: { endpoint: liveEndpoint({ type: 'SystemAssigned', principalId: SAI, userAssigned: {} }, { enforce_access_to_default_secret_stores: 'enabled' }), caller: callerAt(WS, []) }, want: ['caller-cannot-read-connections@1:error'] },
    { name: 'the file disables it: its value wins', ctx: { endpoint: endpointSpec({ enforceAccessToDefaultSecretStores: 'disabled' }) }, f: { endpoint: liveEndpoint({ type: 'SystemAssigned', principalId: SAI, userAssigned: {} }, { enforce_access_to_default_secret_stores: 'enabled' }), caller: callerAt(WS, []) }, want: [] },
    { name: 'deployment files only, the live endpoint has the flag', ctx: { endpoint: undefined }, f: { endpoint: liveEndpoint({ type: 'SystemAssigned', principalId: SAI, userAssigned: {} }, { enforce_access_to_default_secret_stores: 'enabled' }), caller: callerAt(WS, []) }, want: ['caller-cannot-read-connections@2:error'] },
  ];
  for (const c of table) {
    test(c.name, () => {
      const findings = callerPermissionsCheck.run(context({ ...c.ctx, facts: facts(c.f) }));
      assert.deepEqual(brief(findings), c.want);
      if (c.hint) assert.match(findings[0]?.hint ?? '', c.hint);
    });
  }
});

describe('endpoint-identity: scopes and identities as the service resolves them', () => {
  const two = [ref('A', '${{azureml://connections/aoai/credentials/key}}', 3), ref('B', '${{azureml://connections/search/credentials/key}}', 4)];
  test('an assignment on one connection grants that connection only', () => {
    const out = endpointIdentityCheck.evaluate?.(context({ references: two, facts: facts({ endpoint: liveSai, principals: principal(SAI, found([assign(SAI, ROLES.connectionSecretsReader, `${WS}/connections/aoai`)])) }) }));
    assert.deepEqual(out?.verdicts.map((v) => [v.reference.variable, v.status.state]), [['A', 'pass'], ['B', 'fail']]);
    assert.deepEqual(brief(out?.findings ?? []), ['endpoint-identity-cannot-read-connections@4:error']);
  });
  test('with system and user-assigned identities, the user-assigned one resolves (assumed, as the emulator)', () => {
    const both = liveEndpoint({ type: 'SystemAssigned,UserAssigned', principalId: SAI, userAssigned: { [UAI.toLowerCase()]: { principalId: UAI_PRINCIPAL } } });
    const out = endpointIdentityCheck.evaluate?.(context({ references: kvRefs, facts: facts({ vaults, endpoint: both, principals: { ...principal(SAI, found([assign(SAI, ROLES.keyVaultSecretsUser, KV1)])), ...principal(UAI_PRINCIPAL, found([])) } }) }));
    assert.match(out?.findings[0]?.message ?? '', /user-assigned identity ep-uai/);
  });
});

describe('endpoint-identity: one missing permission, several references', () => {
  test('every affected line is annotated, and each finding names every affected variable', () => {
    const refs = [kvRef('DB_PASSWORD', 'db-password', V1, 7), kvRef('DB_USER', 'db-user', V1, 8), kvRef('API_TOKEN', 'api-token', V1, 3, 'kv1', 'green.yml')];
    const out = endpointIdentityCheck.evaluate?.(context({ references: refs, facts: facts({ vaults, endpoint: liveSai, principals: principal(SAI, found([])) }) }));
    assert.deepEqual(out?.findings.map((f) => `${f.file}:${f.line}`), ['deployment.yml:7', 'deployment.yml:8', 'green.yml:3']);
    for (const f of out?.findings ?? []) assert.match(f.message, /The same applies to 3 references: DB_PASSWORD \(deployment\.yml:7\), DB_USER \(deployment\.yml:8\), API_TOKEN \(green\.yml:3\)\./);
  });
  test('a single reference: no list', () => {
    const out = endpointIdentityCheck.evaluate?.(context({ references: [kvRef('DB_PASSWORD', 'db-password', V1, 7)], facts: facts({ vaults, endpoint: liveSai, principals: principal(SAI, found([])) }) }));
    assert.doesNotMatch(out?.findings[0]?.message ?? '', /The same applies/);
  });
});

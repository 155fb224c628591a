// ARM front door, Authorization API and the RBAC engine, driven with @azure/arm-machinelearning,
// @azure/arm-authorization and raw requests through the SDK pipeline.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import { actionMatches, evaluate, scopeCovers } from './rbac.ts';
import type { RoleAssignmentRec, RoleDefinitionRec } from './rbac.ts';
import { deriveAction } from './arm-common.ts';
import { admin, armBase, contractsDir, credential, scenarioPath, shapeDiff, spawnEmulator, useEmulator, wsPath } from './harness.ts';
import type { Emu } from './harness.ts';
import { proxyFetch } from './proxy-fetch.ts';

const contract = (p: string): Record<string, unknown> => JSON.parse(readFileSync(join(contractsDir, p), 'utf8')) as Record<string, unknown>;
const body200 = (p: string): unknown => ((contract(p)['responses'] as Record<string, { body: unknown }>)['200'] ?? { body: undefined }).body;
const API = '2024-10-01';
const READER = '1a000000-0000-4000-8000-000000000002';
const OPERATOR = '1a000000-0000-4000-8000-000000000003';

describe('RBAC engine (pure)', () => {
  const role = (actions: string[], notActions: string[] = [], dataActions: string[] = []): RoleDefinitionRec => ({ id: 'r', roleName: 'r', roleType: 'CustomRole', description: '', assignableScopes: ['/'], permissions: [{ actions, notActions, dataActions, notDataActions: [] }] });
  const assign = (scope: string, extra: Partial<RoleAssignmentRec> = {}): RoleAssignmentRec => ({ name: 'a', scope, roleDefinitionId: 'r', principalId: 'p', principalType: 'User', conditionHolds: false, createdOn: '', updatedOn: '', ...extra });
  const ws = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';
  const cases: { name: string; role: RoleDefinitionRec; scope: string; action: string; target?: string; data?: boolean; cond?: boolean; allowed: boolean }[] = [
    { name: 'exact action at the same scope', role: role(['Microsoft.MachineLearningServices/workspaces/read']), scope: ws, action: 'Microsoft.MachineLearningServices/workspaces/read', allowed: true },
    { name: 'case-insensitive action and scope', role: role(['microsoft.machinelearningservices/WORKSPACES/read']), scope: ws.toLowerCase(), action: 'Microsoft.MachineLearningServices/workspaces/read', allowed: true },
    { name: 'inherited from the resource group', role: role(['*']), scope: '/subscriptions/s/resourcegroups/RG', action: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/write', target: `${ws}/onlineEndpoints/e`, allowed: true },
    { name: 'not inherited upwards', role: role(['*']), scope: `${ws}/onlineEndpoints/e`, action: 'Microsoft.MachineLearningServices/workspaces/read', allowed: false },
    { name: 'sibling prefix is not a parent', role: role(['*']), scope: '/subscriptions/s/resourceGroups/rg2', action: 'x/read', target: '/subscriptions/s/resourceGroups/rg2x/providers/x/y/z', allowed: false },
    { name: '*/read grants reads only', role: role(['*/read']), scope: ws, action: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/write', allowed: false },
    { name: 'middle wildcard', role: role(['Microsoft.MachineLearningServices/workspaces/*/action']), scope: ws, action: 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action', allowed: true },
    { name: 'notActions subtract', role: role(['*'], ['Microsoft.Authorization/*/Write']), scope: ws, action: 'Microsoft.Authorization/roleAssignments/write', allowed: false },
    { name: 'control-plane * never grants dataActions', role: role(['*']), scope: ws, action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action', data: true, allowed: false },
    { name: 'dataActions grant data actions', role: role([], [], ['Microsoft.KeyVault/vaults/secrets/getSecret/action']), scope: '/', action: 'Microsoft.KeyVault/vaults/secrets/getSecret/action', data: true, allowed: true },
    { name: 'a condition that does not hold grants nothing (assumed: ABAC is not evaluated)', role: role(['*']), scope: ws, action: 'x/read', cond: true, allowed: false },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const d = evaluate(['p'], [assign(c.scope, c.cond ? { condition: 'x' } : {})], () => c.role, c.action, c.target ?? ws, c.data ?? false);
      assert.equal(d.allowed, c.allowed);
    });
  }
  it('derives ARM actions from method and path', () => {
    const segs = (p: string): string[] => p.split('/').filter(Boolean);
    assert.deepEqual(deriveAction('PUT', segs(`${ws}/onlineEndpoints/e`)), { action: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/write', scope: `${ws}/onlineEndpoints/e` });
    assert.deepEqual(deriveAction('POST', segs(`${ws}/connections/c/listsecrets`)), { action: 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action', scope: `${ws}/connections/c` });
    assert.equal(deriveAction('GET', segs(`${ws}/onlineEndpoints`)).action, 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read');
    assert.equal(deriveAction('DELETE', segs(`${ws}/onlineEndpoints/e/deployments/d`)).action, 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/delete');
    assert.ok(actionMatches('*', 'a/b') && scopeCovers('/', '/x'));
  });
});

describe('ARM through the real SDK clients', () => {
  let emu: Emu;
  let ml: AzureMachineLearningWorkspaces;
  let authz: AuthorizationManagementClient;
  const rg = 'restricted-rg';
  const ws = 'restricted-ws';
  before(async () => {
    emu = await spawnEmulator(scenarioPath('restricted.yml'));
    useEmulator(emu);
    ml = new AzureMachineLearningWorkspaces(credential(emu), emu.inputs['subscription-id'] ?? '', { apiVersion: API, retryOptions: { maxRetries: 0 } });
    authz = new AuthorizationManagementClient(credential(emu), emu.inputs['subscription-id'] ?? '');
  });
  after(() => emu.stop());

  const raw = async (client: AzureMachineLearningWorkspaces, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> => {
    const res = await client.sendRequest(createPipelineRequest({ method, url, body: body === undefined ? undefined : JSON.stringify(body), headers: undefined }));
    return { status: res.status, body: res.bodyAsText ? (JSON.parse(res.bodyAsText) as Record<string, unknown>) : {} };
  };

  it('workspaces GET matches the contract shape', async () => {
    const w = await ml.workspaces.get(rg, ws);
    assert.equal(w.name, ws);
    assert.match(w.keyVault ?? '', /Microsoft\.KeyVault\/vaults\/restricted-ws-kv$/);
    const r = await raw(ml, 'GET', `${wsPath(emu)}?api-version=${API}`);
    const optional = ['$.properties.encryption', '$.properties.imageBuildCompute', '$.properties.sharedPrivateLinkResources', '$.properties.privateEndpointConnections', '$.properties.notebookInfo', '$.properties.serviceManagedResourcesSettings', '$.properties.privateLinkCount', '$.properties.storageHnsEnabled', '$.properties.tenantId', '$.properties.primaryUserAssignedIdentity', '$.identity.userAssignedIdentities', '$.sku.tier', '$.tags', '$.properties.managedNetwork'];
    assert.deepEqual(shapeDiff(r.body, body200('machinelearningservices/2026-03-01/Workspaces_Get.json'), '$', optional), []);
  });

  it('connections: GET never returns credentials, POST listsecrets does (raw, as 2.1.1 lacks it)', async () => {
    const got = await raw(ml, 'GET', `${wsPath(emu)}/connections/aoai_connection?api-version=${API}`);
    assert.equal(got.status, 200);
    assert.equal((got.body['properties'] as Record<string, unknown>)['credentials'], undefined);
    assert.deepEqual(shapeDiff(got.body, body200('machinelearningservices/2026-03-01/WorkspaceConnections_Get.json')), []);
    const sec = await raw(ml, 'POST', `${wsPath(emu)}/connections/aoai_connection/listsecrets?api-version=${API}`);
    assert.equal(sec.status, 200);
    assert.deepEqual((sec.body['properties'] as Record<string, unknown>)['credentials'], { key: 'emu-secret-restricted-aoai-3c4d' });
    assert.deepEqual(shapeDiff(sec.body, body200('machinelearningservices/2026-03-01/WorkspaceConnections_ListSecrets.json'), '$', ['$.properties.credentials.accessKeyId', '$.properties.credentials.secretAccessKey']), []);
    const missing = await raw(ml, 'GET', `${wsPath(emu)}/connections/nope_conn?api-version=${API}`);
    assert.equal(missing.status, 404);
  });

  it('percent-encoded query keys, // in paths and lower-case resourcegroups; a malformed or unlisted api-version is refused', async () => {
    const { proxyFetch: pf } = await import('./proxy-fetch.ts');
    const token = (await credential(emu).getToken('https://management.azure.com/.default')).token;
    const h = { Authorization: `Bearer ${token}` };
    const unlisted = await pf(emu, `${wsPath(emu)}?api-version=2099-01-01-preview`, { headers: h });
    assert.equal(unlisted.status, 400);
    assert.equal((JSON.parse(unlisted.body) as { error: { code: string } }).error.code, 'NoRegisteredProviderFound');
    const variants = [
      `${wsPath(emu).replace('resourceGroups', 'resourcegroups')}?api%2Dversion=2024-04-01`,
      `${wsPath(emu).replace('/subscriptions', '//subscriptions')}?api-version=2024-04-01`,
    ];
    for (const v of variants) assert.equal((await pf(emu, v, { headers: h })).status, 200, v);
    assert.equal((await pf(emu, `${wsPath(emu)}?api-version=latest`, { headers: h })).status, 400);
    const noAuth = await pf(emu, `${wsPath(emu)}?api-version=2024-04-01`);
    assert.equal(noAuth.status, 401);
    assert.equal((JSON.parse(noAuth.body) as { error: { code: string } }).error.code, 'AuthenticationFailed');
    const kvToken = (await credential(emu).getToken('https://vault.azure.net/.default')).token;
    const wrongAud = await pf(emu, `${wsPath(emu)}?api-version=2024-04-01`, { headers: { Authorization: `Bearer ${kvToken}` } });
    assert.equal((JSON.parse(wrongAud.body) as { error: { code: string } }).error.code, 'InvalidAuthenticationTokenAudience');
  });

  it('AuthorizationFailed 403 for a reader doing a PUT (real message shape)', async () => {
    const asReader = new AzureMachineLearningWorkspaces(credential(emu, READER), emu.inputs['subscription-id'] ?? '', { apiVersion: API, retryOptions: { maxRetries: 0 } });
    const r = await raw(asReader, 'PUT', `${wsPath(emu)}/onlineEndpoints/reader-ep?api-version=${API}`, { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key' } });
    assert.equal(r.status, 403);
    const err = r.body['error'] as { code: string; message: string };
    assert.equal(err.code, 'AuthorizationFailed');
    assert.match(err.message, new RegExp(`^The client '${READER}' with object id '1b000000-0000-4000-8000-000000000002' does not have authorization to perform action 'Microsoft\\.MachineLearningServices/workspaces/onlineEndpoints/write' over scope '/subscriptions/.+/onlineEndpoints/reader-ep' or the scope is invalid\\. If access was recently granted, please refresh your credentials\\.$`));
    // ...but reads are fine
    assert.equal((await asReader.workspaces.get(rg, ws)).name, ws);
  });

  it('permissions API answers for the caller only, in resource-group and resource forms', async () => {
    const perms = [];
    for await (const p of authz.permissions.listForResourceGroup(rg)) perms.push(p);
    assert.ok(perms.some((p) => p.actions?.includes('*')));
    const example = body200('authorization/2018-01-01-preview/Permissions_ListForResourceGroup.json') as { value: unknown[] };
    const token = (await credential(emu).getToken('https://management.azure.com/.default')).token;
    const r = await proxyFetch(emu, `${armBase(emu).replace('resourceGroups', 'resourcegroups')}/providers/Microsoft.Authorization/permissions?api-version=2022-04-01`, { headers: { Authorization: `Bearer ${token}` } });
    assert.deepEqual(shapeDiff(JSON.parse(r.body), example, '$', ['$.nextLink']), []);
    // Resource form with an empty parentResourcePath: the SDK sends Microsoft.KeyVault//vaults/x.
    const kvPerms = [];
    for await (const p of authz.permissions.listForResource(rg, 'Microsoft.KeyVault', '', 'vaults', 'rbac-kv')) kvPerms.push(p);
    assert.ok(kvPerms.length >= 1);
    const asOperator = new AuthorizationManagementClient(credential(emu, OPERATOR), emu.inputs['subscription-id'] ?? '');
    const opPerms = [];
    for await (const p of asOperator.permissions.listForResourceGroup(rg)) opPerms.push(p);
    assert.ok(!opPerms.some((p) => p.actions?.includes('*')), 'no Contributor for the operator');
  });

  it('role assignments: list with assignedTo()/principalId eq/atScope(), create (PUT) and delete', async () => {
    const wsScope = `/subscriptions/${emu.inputs['subscription-id'] ?? ''}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${ws}`;
    const list = async (filter?: string): Promise<string[]> => {
      const out: string[] = [];
      for await (const a of authz.roleAssignments.listForScope(wsScope.slice(1), filter ? { filter } : {})) out.push(`${a.principalId ?? ''}|${a.scope ?? ''}`);
      return out;
    };
    // assignedTo expands group membership: the operator gets the group's workspace assignment.
    const opGroup = await list("assignedTo('1b000000-0000-4000-8000-000000000003')");
    assert.equal(opGroup.length, 2, 'Reader on the RG (own) and ML Endpoint Operator on the workspace (through ml-admins)');
    assert.ok(opGroup.some((a) => a.startsWith('1c000000-0000-4000-8000-000000000001|')));
    assert.equal((await list("principalId eq '1b000000-0000-4000-8000-000000000003'")).length, 1, 'principalId eq does not expand groups');
    const atScope = await list('atScope()');
    assert.ok(atScope.every((a) => !a.includes('/onlineEndpoints/')));
    const deployer = await list("principalId eq '1b000000-0000-4000-8000-000000000001'");
    assert.equal(deployer.length, 2);
    const created = await authz.roleAssignments.create(wsScope.slice(1), '7a000000-0000-4000-8000-000000000001', {
      roleDefinitionId: `/subscriptions/${emu.inputs['subscription-id'] ?? ''}/providers/Microsoft.Authorization/roleDefinitions/ea01e6af-a1c1-4350-9563-ad00f8c72ec5`,
      principalId: '1d000000-0000-4000-8000-000000000001', principalType: 'ServicePrincipal',
    });
    assert.equal(created.scope?.toLowerCase(), wsScope.toLowerCase());
    assert.deepEqual(shapeDiff(JSON.parse(JSON.stringify({ properties: { roleDefinitionId: created.roleDefinitionId, principalId: created.principalId, principalType: created.principalType, scope: created.scope }, id: created.id, type: created.type, name: created.name })), (body200('authorization/2022-04-01/RoleAssignments_ListForScope.json') as { value: unknown[] }).value[0]), []);
    await assert.rejects(authz.roleAssignments.create(wsScope.slice(1), '7a000000-0000-4000-8000-000000000002', { roleDefinitionId: 'ea01e6af-a1c1-4350-9563-ad00f8c72ec5', principalId: '1d000000-0000-4000-8000-000000000001' }), (e: { code?: string }) => e.code === 'RoleAssignmentExists');
    await assert.rejects(authz.roleAssignments.create(wsScope.slice(1), '7a000000-0000-4000-8000-000000000003', { roleDefinitionId: 'ea01e6af-a1c1-4350-9563-ad00f8c72ec5', principalId: '99999999-0000-4000-8000-000000000000' }), (e: { code?: string }) => e.code === 'PrincipalNotFound');
    const asReader = new AuthorizationManagementClient(credential(emu, READER), emu.inputs['subscription-id'] ?? '');
    await assert.rejects(asReader.roleAssignments.create(wsScope.slice(1), '7a000000-0000-4000-8000-000000000004', { roleDefinitionId: 'ea01e6af-a1c1-4350-9563-ad00f8c72ec5', principalId: '1d000000-0000-4000-8000-000000000001' }), (e: { code?: string; statusCode?: number }) => e.statusCode === 403 && e.code === 'AuthorizationFailed');
    await authz.roleAssignments.delete(wsScope.slice(1), '7a000000-0000-4000-8000-000000000001');
    const st = await admin<{ roleAssignments: { name: string }[] }>(emu, 'GET', '/state');
    assert.ok(!st.body.roleAssignments.some((a) => a.name === '7a000000-0000-4000-8000-000000000001'));
  });

  it('role definitions: built-ins by GUID and by name, in the nested wire shape', async () => {
    const sub = `subscriptions/${emu.inputs['subscription-id'] ?? ''}`;
    const d = await authz.roleDefinitions.get(sub, '4633458b-17de-408a-b874-0445c86b69e6');
    assert.equal(d.roleName, 'Key Vault Secrets User');
    assert.deepEqual(d.permissions?.[0]?.dataActions, ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action']);
    const byName = [];
    for await (const r of authz.roleDefinitions.list(sub, { filter: "roleName eq 'Azure Machine Learning Workspace Connection Secrets Reader'" })) byName.push(r);
    assert.equal(byName[0]?.name, 'ea01e6af-a1c1-4350-9563-ad00f8c72ec5');
    const token = (await credential(emu).getToken('https://management.azure.com/.default')).token;
    const r = await proxyFetch(emu, `https://management.azure.com/${sub}/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7?api-version=2022-04-01`, { headers: { Authorization: `Bearer ${token}` } });
    assert.deepEqual(shapeDiff(JSON.parse(r.body), body200('authorization/2022-04-01/RoleDefinitions_Get.json'), '$', ['$.properties.permissions.condition', '$.properties.permissions.conditionVersion']), []);
  });

  it('Key Vault vaults GET and user-assigned identities GET', async () => {
    // Not through `ml`: the MLS client rewrites every api-version to its own, which Key Vault and MSI refuse.
    const { proxyFetch: pf } = await import('./proxy-fetch.ts');
    const auth = { Authorization: `Bearer ${(await credential(emu).getToken('https://management.azure.com/.default')).token}` };
    const armGet = async (url: string): Promise<{ status: number; body: Record<string, unknown> }> => {
      const r = await pf(emu, url, { headers: auth });
      return { status: r.status, body: r.body ? (JSON.parse(r.body) as Record<string, unknown>) : {} };
    };
    const v = await armGet(`${armBase(emu)}/providers/Microsoft.KeyVault/vaults/legacy-kv?api-version=2026-04-01`);
    assert.equal(v.status, 200);
    const props = v.body['properties'] as Record<string, unknown>;
    assert.equal(props['enableRbacAuthorization'], false);
    assert.equal(props['vaultUri'], 'https://legacy-kv.vault.azure.net/');
    assert.deepEqual(shapeDiff(v.body, body200('keyvault-arm/2025-05-01/Vaults_Get.json'), '$', ['$.properties.hsmPoolResourceId']), []);
    const u = await armGet(`${armBase(emu)}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/plain-uai?api-version=2023-01-31`);
    assert.equal((u.body['properties'] as Record<string, unknown>)['principalId'], '1d000000-0000-4000-8000-000000000001');
    assert.equal((await armGet(`${armBase(emu)}/providers/Microsoft.KeyVault/vaults/missing-kv?api-version=2026-04-01`)).status, 404);
  });
});

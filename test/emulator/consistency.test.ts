// Time and eventual consistency knobs (issue 6 item 3): role-assignment propagation, principal replication,
// LRO wall-clock duration with Retry-After, a Canceled outcome, 409 on a busy endpoint, scale-only PATCH as a 202 LRO.
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { SecretClient } from '@azure/keyvault-secrets';
import { admin, credential, scenarioPath, spawnEmulator, useEmulator, wsPath } from './harness.ts';
import type { Emu } from './harness.ts';
import { FAST, deploymentBody, endpointBody, mlClient, raw } from './ml-test-client.ts';
import type { Json } from './ml-test-client.ts';

const SECRETS_USER = '4633458b-17de-408a-b874-0445c86b69e6';
const VAULT_READER = '21090545-7ca7-4776-b22c-e363652d74d2';
const DEFAULT_KNOBS = { lro: { pollsBeforeDone: 1, durationMs: 0, retryAfterSeconds: null }, rbac: { propagationSeconds: 0, principalReplicationSeconds: 0 } };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('time and eventual consistency', () => {
  let emu: Emu;
  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
  });
  afterEach(() => admin(emu, 'PATCH', '/knobs', DEFAULT_KNOBS));
  after(() => emu.stop());

  const sub = (): string => emu.inputs['subscription-id'] ?? '';
  const vaultScope = (): string => `/subscriptions/${sub()}/resourceGroups/demo-rg/providers/Microsoft.KeyVault/vaults/demo-kv`;
  const roleId = (guid: string): string => `/subscriptions/${sub()}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
  const deployerId = '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

  it('a new role assignment exists at once but grants only after rbac.propagationSeconds', async () => {
    await admin(emu, 'PATCH', '/knobs', { rbac: { propagationSeconds: 1 } });
    const authz = new AuthorizationManagementClient(credential(emu), sub());
    const created = await authz.roleAssignments.create(vaultScope(), randomUUID(), { roleDefinitionId: roleId(SECRETS_USER), principalId: deployerId, principalType: 'ServicePrincipal' });
    assert.equal(created.principalId, deployerId);
    const secrets = new SecretClient('https://demo-kv.vault.azure.net', credential(emu), { retryOptions: { maxRetries: 0 } });
    await assert.rejects(secrets.getSecret('db-password'), (e: { statusCode?: number }) => e.statusCode === 403);
    await sleep(1100);
    assert.equal((await secrets.getSecret('db-password')).properties.name, 'db-password');
  });

  it('a just-created endpoint identity answers PrincipalNotFound without principalType while it replicates', async () => {
    await admin(emu, 'PATCH', '/knobs', { rbac: { principalReplicationSeconds: 60 } });
    const ml = mlClient(emu);
    const ep = await ml.onlineEndpoints.beginCreateOrUpdateAndWait('demo-rg', 'demo-ws', 'fresh-sai', { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key' } }, FAST);
    const sai = ep.identity?.principalId ?? '';
    const authz = new AuthorizationManagementClient(credential(emu), sub(), { retryOptions: { maxRetries: 0 } });
    await assert.rejects(authz.roleAssignments.create(vaultScope(), randomUUID(), { roleDefinitionId: roleId(VAULT_READER), principalId: sai }), (e: { code?: string; statusCode?: number }) => e.code === 'PrincipalNotFound' && e.statusCode === 400);
    const typed = await authz.roleAssignments.create(vaultScope(), randomUUID(), { roleDefinitionId: roleId(VAULT_READER), principalId: sai, principalType: 'ServicePrincipal' });
    assert.equal(typed.principalId, sai);
  });

  it('a seeded endpoint identity and its service roles are as old as the endpoint (created, default long ago): replicated, propagated', async () => {
    await admin(emu, 'PATCH', '/knobs', { rbac: { principalReplicationSeconds: 60 } });
    const ml = mlClient(emu);
    const sai = (await ml.onlineEndpoints.get('demo-rg', 'demo-ws', 'existing-ep')).identity?.principalId ?? '';
    const authz = new AuthorizationManagementClient(credential(emu), sub(), { retryOptions: { maxRetries: 0 } });
    const untyped = await authz.roleAssignments.create(vaultScope(), randomUUID(), { roleDefinitionId: roleId(VAULT_READER), principalId: sai });
    assert.equal(untyped.principalId, sai, 'no PrincipalNotFound: replicated long ago');
    const serviceRoles = [];
    for await (const a of authz.roleAssignments.listForScope(`/subscriptions/${sub()}`, { filter: `assignedTo('${sai}')` })) if (a.roleDefinitionId !== roleId(VAULT_READER)) serviceRoles.push(a);
    assert.ok(serviceRoles.length > 0);
    for (const a of serviceRoles) assert.ok((a.createdOn?.getTime() ?? Date.now()) < Date.now() - 86_400_000, `backdated: ${a.createdOn?.toISOString()}`);
    await admin(emu, 'POST', '/reset');
  });

  it('an admin grant is new unless the test backdates it (created)', async () => {
    await admin(emu, 'PATCH', '/knobs', { rbac: { propagationSeconds: 600 } });
    const secrets = new SecretClient('https://demo-kv.vault.azure.net', credential(emu), { retryOptions: { maxRetries: 0 } });
    const fresh = await admin<{ properties: { createdOn: string } }>(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Key Vault Secrets User', scope: 'keyvault:demo-kv' });
    assert.ok(Date.now() - Date.parse(fresh.body.properties.createdOn) < 60_000);
    await assert.rejects(secrets.getSecret('db-password'), (e: { statusCode?: number }) => e.statusCode === 403, 'not propagated yet');
    await admin(emu, 'POST', '/reset'); // a reset restores the scenario's knobs too
    await admin(emu, 'PATCH', '/knobs', { rbac: { propagationSeconds: 600 } });
    const old = await admin<{ properties: { createdOn: string } }>(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Key Vault Secrets User', scope: 'keyvault:demo-kv', created: '2026-01-01T00:00:00Z' });
    assert.equal(old.body.properties.createdOn, '2026-01-01T00:00:00.000Z');
    assert.equal((await secrets.getSecret('db-password')).properties.name, 'db-password', 'propagated long ago');
    await admin(emu, 'POST', '/reset');
  });

  it('an LRO lasts lro.durationMs of wall-clock time and sends Retry-After on 201/202 and running polls (assumed: the ML service sending Retry-After)', async () => {
    await admin(emu, 'PATCH', '/knobs', { lro: { pollsBeforeDone: 0, durationMs: 400, retryAfterSeconds: 1 } });
    const ml = mlClient(emu);
    const put = await raw(ml, 'PUT', `${wsPath(emu)}/onlineEndpoints/slow-ep?api-version=2024-10-01`, endpointBody({ type: 'SystemAssigned' }, false));
    assert.equal(put.status, 201);
    assert.equal(put.headers['retry-after'], '1');
    const op = put.headers['azure-asyncoperation'] ?? '';
    const first = await raw(ml, 'GET', op);
    assert.equal(first.body['status'], 'Updating'); // no polls left, but the wall clock has not run out
    assert.equal(first.headers['retry-after'], '1');
    await sleep(450);
    const done = await raw(ml, 'GET', op);
    assert.equal(done.body['status'], 'Succeeded');
    assert.equal(done.headers['retry-after'], undefined);
    const del = await raw(ml, 'DELETE', `${wsPath(emu)}/onlineEndpoints/slow-ep?api-version=2024-10-01`);
    assert.equal(del.status, 202);
    assert.equal(del.headers['retry-after'], '1');
  });

  it('a deployment whose operation is canceled ends Canceled and the SDK poller fails (deployments.<name>.canceled; error code assumed)', async () => {
    await admin(emu, 'PATCH', '/knobs', { deployments: { 'existing-ep/cancel-me': { canceled: true } } });
    const ml = mlClient(emu);
    const put = await raw(ml, 'PUT', `${wsPath(emu)}/onlineEndpoints/existing-ep/deployments/cancel-me?api-version=2024-10-01`, deploymentBody(emu, {}));
    assert.equal(put.status, 201);
    let status: Json = {};
    for (let i = 0; i < 5 && status['status'] !== 'Canceled'; i++) status = (await raw(ml, 'GET', put.headers['azure-asyncoperation'] ?? '')).body;
    assert.equal(status['status'], 'Canceled');
    assert.equal((status['error'] as Json)['code'], 'OperationCanceled');
    const d = await ml.onlineDeployments.get('demo-rg', 'demo-ws', 'existing-ep', 'cancel-me');
    assert.equal(d.properties.provisioningState, 'Canceled');
    await admin(emu, 'PATCH', '/knobs', { deployments: { 'existing-ep/cancel-me2': { canceled: true } } });
    await assert.rejects(ml.onlineDeployments.beginCreateOrUpdateAndWait('demo-rg', 'demo-ws', 'existing-ep', 'cancel-me2', deploymentBody(emu, {}) as never, FAST));
    const ep = await ml.onlineEndpoints.get('demo-rg', 'demo-ws', 'existing-ep');
    assert.deepEqual(ep.properties.traffic, { blue: 100 }); // traffic untouched
  });

  it('an endpoint in Updating refuses concurrent writes with 409 until its operation completes (the endpoint\'s own 409 wording assumed)', async () => {
    await admin(emu, 'PATCH', '/knobs', { lro: { pollsBeforeDone: 3 } });
    const ml = mlClient(emu);
    const url = `${wsPath(emu)}/onlineEndpoints/existing-ep?api-version=2024-10-01`;
    const current = await raw(ml, 'GET', url);
    const update = await raw(ml, 'PUT', url, { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', traffic: { blue: 100 } } });
    assert.equal(update.status, 201); // recorded: a PUT on an existing endpoint answers 201
    assert.equal((update.body['properties'] as Json)['provisioningState'], 'Updating');
    const again = await raw(ml, 'PUT', url, { location: 'eastus', identity: current.body['identity'], properties: { authMode: 'Key' } });
    assert.equal(again.status, 409);
    const patch = await raw(ml, 'PATCH', url, { tags: { a: 'b' } });
    assert.equal(patch.status, 409);
    const dep = await raw(ml, 'PUT', `${wsPath(emu)}/onlineEndpoints/existing-ep/deployments/green?api-version=2024-10-01`, deploymentBody(emu, {}));
    assert.equal(dep.status, 409);
    assert.match(String((dep.body['error'] as Json)['message']), /^Cannot create a deployment in endpoint existing-ep because it is in Updating provisioning state\.$/);
    let s: Json = {};
    for (let i = 0; i < 5 && s['status'] !== 'Succeeded'; i++) s = (await raw(ml, 'GET', update.headers['azure-asyncoperation'] ?? '')).body;
    assert.equal((await raw(ml, 'PATCH', url, { tags: { a: 'b' } })).status, 200);
  });

  it('a scale-only PATCH of a deployment is a 202 operation (Scaling, then the new capacity)', async () => {
    await admin(emu, 'PATCH', '/knobs', { lro: { pollsBeforeDone: 1 } });
    const ml = mlClient(emu);
    const url = `${wsPath(emu)}/onlineEndpoints/existing-ep/deployments/blue?api-version=2024-10-01`;
    const patch = await raw(ml, 'PATCH', url, { sku: { capacity: 2 } });
    assert.equal(patch.status, 202);
    assert.match(patch.headers['location'] ?? '', /\/mfeOperationResults\//);
    const during = await raw(ml, 'GET', url);
    assert.equal((during.body['properties'] as Json)['provisioningState'], 'Scaling');
    assert.equal((during.body['sku'] as Json)['capacity'], 1);
    await raw(ml, 'GET', patch.headers['location'] ?? '');
    const after = await ml.onlineDeployments.get('demo-rg', 'demo-ws', 'existing-ep', 'blue');
    assert.equal(after.sku?.capacity, 2);
    assert.equal(after.properties.provisioningState, 'Succeeded');
    // The SDK's poller follows the 202 too.
    await ml.onlineDeployments.beginUpdateAndWait('demo-rg', 'demo-ws', 'existing-ep', 'blue', { sku: { capacity: 1 } }, FAST);
    assert.equal((await ml.onlineDeployments.get('demo-rg', 'demo-ws', 'existing-ep', 'blue')).sku?.capacity, 1);
  });
});

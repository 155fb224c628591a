// api-versions per resource type: what the contracts and the real SDK clients in node_modules send is accepted,
// anything else gets ARM's error (a wrongly pinned client version fails here, not in production).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { ML_API_VERSION } from '../../src/manifests/rest.ts';
import { MSI_API_VERSION } from '../../src/azure/identity.ts';
import { KEYVAULT_ARM_API_VERSION } from '../../src/azure/keyvault.ts';
import { AUTHORIZATION_API_VERSION } from '../../src/azure/rbac.ts';
import { API_VERSIONS, checkApiVersion, resourceTypeOf } from './api-versions.ts';
import { armBase, contractsDir, credential, scenarioPath, spawnEmulator, useEmulator, wsPath } from './harness.ts';
import type { Emu } from './harness.ts';
import { proxyFetch } from './proxy-fetch.ts';

const versionsIn = (service: string): string[] => readdirSync(join(contractsDir, service)).filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d));

describe('api-versions (pure)', () => {
  it('derives the resource type the way ARM names it', () => {
    const cases: [string, string][] = [
      ['subscriptions/s', 'Microsoft.Resources/subscriptions'],
      ['subscriptions/s/resourceGroups/rg', 'Microsoft.Resources/subscriptions/resourceGroups'],
      ['subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints/e/deployments/d', 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments'],
      ['subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/connections/c/listsecrets', 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets'],
      ['subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v/providers/Microsoft.Authorization/roleAssignments', 'Microsoft.Authorization/roleAssignments'],
    ];
    for (const [path, type] of cases) assert.equal(resourceTypeOf(path.split('/')), type, path);
  });

  it('every api-version folder of the contracts is accepted by the types its examples use', () => {
    const ml = 'subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/onlineEndpoints/e'.split('/');
    for (const v of versionsIn('machinelearningservices')) assert.ok(checkApiVersion(ml, v, 'eastus').ok, v);
    for (const v of versionsIn('authorization')) assert.ok(API_VERSIONS['microsoft.authorization/permissions']?.includes(v), v);
    for (const v of versionsIn('keyvault-arm')) assert.ok(API_VERSIONS['microsoft.keyvault/vaults']?.includes(v), v);
  });

  it("the action's pinned api-versions are accepted by every type it sends them to (a wrong pin fails here)", () => {
    const ws = 'subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w';
    const cases: [string, string][] = [
      [ws, ML_API_VERSION], [`${ws}/onlineEndpoints/e`, ML_API_VERSION], [`${ws}/onlineEndpoints/e/deployments/d`, ML_API_VERSION],
      [`${ws}/connections`, ML_API_VERSION], [`${ws}/connections/c/listsecrets`, ML_API_VERSION], [`${ws}/models/m/versions/1`, ML_API_VERSION],
      [`${ws}/environments/e/versions/1`, ML_API_VERSION], [`${ws}/codes/c/versions/1`, ML_API_VERSION],
      ['subscriptions/s/providers/Microsoft.MachineLearningServices/locations/eastus/usages', ML_API_VERSION],
      ['subscriptions/s/providers/Microsoft.MachineLearningServices/locations/eastus/vmSizes', ML_API_VERSION],
      ['subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/v', KEYVAULT_ARM_API_VERSION],
      ['subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/u', MSI_API_VERSION],
      ['subscriptions/s/resourceGroups/rg/providers/Microsoft.Authorization/permissions', AUTHORIZATION_API_VERSION],
      ['subscriptions/s/providers/Microsoft.Authorization/roleAssignments', AUTHORIZATION_API_VERSION],
      ['subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/g', AUTHORIZATION_API_VERSION],
    ];
    for (const [path, version] of cases) assert.ok(checkApiVersion(path.split('/'), version, 'eastus').ok, `${path} @ ${version}`);
  });

  it("listsecrets did not exist in 2022-10-01 (arm-machinelearning 2.1.1's version): refused", () => {
    const r = checkApiVersion('subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w/connections/c/listsecrets'.split('/'), '2022-10-01', 'eastus');
    assert.equal(r.ok, false);
  });
});

describe('api-versions through the emulator', () => {
  let emu: Emu;
  let auth: Record<string, string>;
  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
    auth = { Authorization: `Bearer ${(await credential(emu).getToken('https://management.azure.com/.default')).token}` };
  });
  after(() => emu.stop());

  it("the SDK clients' own versions are accepted: arm-machinelearning default, arm-authorization, the action's ML_API_VERSION", async () => {
    const ml = new AzureMachineLearningWorkspaces(credential(emu), emu.inputs['subscription-id'] ?? '', { retryOptions: { maxRetries: 0 } });
    const endpoints = [];
    for await (const e of ml.onlineEndpoints.list('demo-rg', 'demo-ws')) endpoints.push(e.name);
    assert.ok(endpoints.includes('existing-ep'));
    const authz = new AuthorizationManagementClient(credential(emu), emu.inputs['subscription-id'] ?? '');
    const scope = `/subscriptions/${emu.inputs['subscription-id'] ?? ''}/resourceGroups/demo-rg`;
    const assignments = [];
    for await (const a of authz.roleAssignments.listForScope(scope)) assignments.push(a);
    assert.ok(assignments.length > 0);
    const perms = [];
    for await (const p of authz.permissions.listForResourceGroup('demo-rg')) perms.push(p);
    assert.ok(perms.length > 0);
    assert.equal((await authz.roleDefinitions.getById('/providers/Microsoft.Authorization/roleDefinitions/acdd72a7-3385-48ef-bd42-f606fba81ae7')).roleName, 'Reader');
    assert.equal((await proxyFetch(emu, `${wsPath(emu)}/onlineEndpoints/existing-ep?api-version=${ML_API_VERSION}`, { headers: auth })).status, 200);
  });

  it('a version the online endpoints type never had → 400 NoRegisteredProviderFound listing the supported ones', async () => {
    const r = await proxyFetch(emu, `${wsPath(emu)}/onlineEndpoints/existing-ep?api-version=2021-01-01`, { headers: auth });
    assert.equal(r.status, 400);
    const err = (JSON.parse(r.body) as { error: { code: string; message: string } }).error;
    assert.equal(err.code, 'NoRegisteredProviderFound');
    assert.match(err.message, /^No registered resource provider found for location 'eastus' and API version '2021-01-01' for type 'workspaces\/onlineEndpoints'\. The supported api-versions are '[^']*2026-09-01/);
  });

  it('a wrongly pinned listsecrets version (2022-10-01) fails', async () => {
    const r = await proxyFetch(emu, `${wsPath(emu)}/connections/aoai_connection/listsecrets?api-version=2022-10-01`, { method: 'POST', headers: auth });
    assert.equal(r.status, 400);
    assert.equal((JSON.parse(r.body) as { error: { code: string } }).error.code, 'NoRegisteredProviderFound');
  });

  it('resource groups answer an unknown version with InvalidApiVersionParameter', async () => {
    const r = await proxyFetch(emu, `${armBase(emu)}?api-version=2023-02-01`, { headers: auth });
    assert.equal(r.status, 400);
    const err = (JSON.parse(r.body) as { error: { code: string; message: string } }).error;
    assert.equal(err.code, 'InvalidApiVersionParameter');
    assert.match(err.message, /^The api-version '2023-02-01' is invalid\. The supported versions are '2024-08-01,/);
  });
});

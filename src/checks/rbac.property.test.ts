// Differential test: rbac.ts against the emulator's own RBAC evaluation (test/emulator/rbac.ts),
// an independent implementation of the same ARM rules, on generated worlds. Where they may differ
// is stated: a conditional grant is `uncertain` here, and the emulator decides it by the scenario.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { evaluate, type RoleAssignmentRec, type RoleDefinitionRec } from '../../test/emulator/rbac.ts';
import { seededRandom as rng } from '../../test/fixtures/random.ts';
import { evaluatePermission } from './rbac.ts';
import type { RoleAssignmentFacts, RoleDefinitionFacts } from './facts.ts';

const SCOPES = [
  '/',
  '/subscriptions/s1',
  '/subscriptions/s1/resourceGroups/rg',
  '/subscriptions/s1/resourceGroups/rg2',
  '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv',
  '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv2',
  '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws',
  '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/connections/aoai',
  '/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG',
  '/subscriptions/s2',
];
const OPERATIONS = [
  'Microsoft.KeyVault/vaults/secrets/getSecret/action',
  'Microsoft.KeyVault/vaults/secrets/readMetadata/action',
  'Microsoft.KeyVault/vaults/read',
  'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action',
  'Microsoft.MachineLearningServices/workspaces/read',
  'Microsoft.Authorization/roleAssignments/write',
];
const PATTERNS = [
  '*', '*/read', '*/action', 'Microsoft.KeyVault/*', 'Microsoft.KeyVault/vaults/secrets/*', 'microsoft.keyvault/vaults/*/read',
  'Microsoft.MachineLearningServices/workspaces/*/action', 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action',
  'Microsoft.Authorization/*/Write', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', ...OPERATIONS,
];
const PRINCIPALS = ['sp', 'group-a', 'group-b', 'other'];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}
function some<T>(r: () => number, list: readonly T[], max: number): T[] {
  return Array.from({ length: Math.floor(r() * (max + 1)) }, () => pick(r, list));
}

function world(seed: number) {
  const r = rng(seed);
  const roles: RoleDefinitionFacts[] = Array.from({ length: 1 + Math.floor(r() * 4) }, (_, i) => ({
    id: `role-${i}`,
    roleName: `Role ${i}`,
    permissions: Array.from({ length: 1 + Math.floor(r() * 2) }, () => ({ actions: some(r, PATTERNS, 3), notActions: some(r, PATTERNS, 1), dataActions: some(r, PATTERNS, 3), notDataActions: some(r, PATTERNS, 1) })),
  }));
  const assignments: RoleAssignmentFacts[] = Array.from({ length: Math.floor(r() * 5) }, (_, i) => {
    const a: RoleAssignmentFacts = { id: `a${i}`, principalId: pick(r, PRINCIPALS), roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${pick(r, roles).id}`, scope: pick(r, SCOPES) };
    if (r() < 0.2) a.condition = "@Resource[x] StringEquals 'y'";
    return a;
  });
  return { roles, assignments, scope: pick(r, SCOPES), operation: pick(r, OPERATIONS), data: r() < 0.5, conditionHolds: r() < 0.5 };
}

describe('rbac.ts agrees with the emulator on generated worlds', () => {
  test('2000 worlds', () => {
    let granted = 0;
    let uncertain = 0;
    for (let seed = 1; seed <= 2000; seed++) {
      const w = world(seed);
      const members = ['sp', 'group-a', 'group-b'];
      const mine = evaluatePermission(
        { assignments: w.assignments, roleDefinitions: Object.fromEntries(w.roles.map((x) => [x.id, x])), memberOf: { sp: ['group-a'], 'group-a': ['group-b'] }, now: '2026-11-30T12:00:00Z' },
        { principalId: 'sp', permission: w.data ? { dataAction: w.operation } : { action: w.operation }, scope: w.scope },
      );
      const recs: RoleAssignmentRec[] = w.assignments.map((a) => ({ name: a.id, scope: a.scope, roleDefinitionId: a.roleDefinitionId.split('/').pop() ?? '', principalId: a.principalId, principalType: 'ServicePrincipal', ...(a.condition ? { condition: a.condition } : {}), conditionHolds: w.conditionHolds, createdOn: '', updatedOn: '' }));
      const defs = new Map<string, RoleDefinitionRec>(w.roles.map((x) => [x.id, { id: x.id, roleName: x.roleName, roleType: 'CustomRole', description: '', permissions: x.permissions, assignableScopes: ['/'] }]));
      const theirs = evaluate(members, recs, (g) => defs.get(g), w.operation, w.scope, w.data);
      const why = `seed ${seed}: ${JSON.stringify(w)}`;
      if (mine.holds === true) {
        granted++;
        assert.equal(theirs.allowed, true, why);
      } else if (mine.holds === false) {
        assert.equal(theirs.allowed, false, why);
        assert.deepEqual(theirs.conditionalOnly, [], why);
      } else {
        // Only conditional grants: the emulator grants exactly when the scenario says the condition holds.
        uncertain++;
        assert.equal(theirs.allowed, w.conditionHolds, why);
        if (!w.conditionHolds) assert.ok(theirs.conditionalOnly.length > 0, why);
      }
    }
    // The generator must exercise every outcome, or the comparison proves little.
    assert.ok(granted > 200 && uncertain > 20 && granted < 1800, `granted ${granted}, uncertain ${uncertain}`);
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { blocksAllow, describeAge, evaluatePermission, normalizeScope, permissionMatches, principalClosure, roleDefinitionKey, scopeCovers, type Permission, type RbacWorld } from './rbac.ts';
import { ALL_ROLES, KV1, KV2, NOW, RG, ROLES, SUB, WS, assign, block } from './testkit.ts';
import type { RoleDefinitionFacts } from './facts.ts';

const GET_SECRET: Permission = { dataAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action' };
const LIST_SECRETS: Permission = { action: 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action' };

describe('permissionMatches: ARM wildcards, case-insensitive', () => {
  const table: Array<[string, string, boolean]> = [
    ['*', 'Microsoft.KeyVault/vaults/read', true],
    ['*/read', 'Microsoft.KeyVault/vaults/read', true],
    ['*/read', 'Microsoft.KeyVault/vaults/write', false],
    ['Microsoft.KeyVault/vaults/secrets/*', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', true],
    ['Microsoft.KeyVault/vaults/secrets/*', 'Microsoft.KeyVault/vaults/keys/read', false],
    ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/secrets/read', true],
    ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', false],
    ['microsoft.keyvault/VAULTS/secrets/getsecret/action', 'Microsoft.KeyVault/vaults/secrets/getSecret/action', true],
    ['Microsoft.Authorization/*/Write', 'Microsoft.Authorization/roleAssignments/write', true],
    ['Microsoft.MachineLearningServices/workspaces/*/action', 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action', true],
    ['Microsoft.KeyVault/vaults.secrets', 'Microsoft.KeyVault/vaultsXsecrets', false],
    ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/getSecret/actions', false],
  ];
  for (const [pattern, op, want] of table) test(`${pattern} ~ ${op} = ${want}`, () => assert.equal(permissionMatches(pattern, op), want));
});

describe('scopeCovers: inheritance root → management group → subscription → resource group → resource → child', () => {
  const table: Array<[string, string, boolean | 'unknown', string[]?]> = [
    ['/', KV1, true],
    [SUB, KV1, true],
    [RG, KV1, true],
    [KV1, KV1, true],
    [KV1.toUpperCase(), KV1, true],
    [`${KV1}/`, KV1, true],
    [KV1, `${KV1}/secrets/db`, true],
    [`${KV1}/secrets/db`, KV1, false],
    [RG, KV2, false],
    [`${SUB}/resourceGroups/ml`, `${SUB}/resourceGroups/ml-rg/providers/x/y/z`, false],
    [`${RG}/providers/Microsoft.KeyVault/vaults/kv`, `${RG}/providers/Microsoft.KeyVault/vaults/kv1`, false],
    [WS, KV1, false],
    ['/subscriptions/other', KV1, false],
    ['/providers/Microsoft.Management/managementGroups/corp', KV1, 'unknown'],
    ['/providers/Microsoft.Management/managementGroups/corp', KV1, true, ['/providers/Microsoft.Management/managementGroups/Corp', 'root']],
    ['/providers/Microsoft.Management/managementGroups/corp', KV1, false, ['other']],
  ];
  for (const [scope, target, want, mgs] of table) test(`${scope} over ${target}${mgs ? ` (in ${mgs.join(',')})` : ''}`, () => assert.equal(scopeCovers(scope, target, mgs), want));
});

describe('blocksAllow: notActions subtract within their own block only', () => {
  const table: Array<[string, RoleDefinitionFacts['permissions'], Permission, boolean]> = [
    ['action in actions', [block({ actions: ['a/b/read'] })], { action: 'a/b/read' }, true],
    ['notAction removes it', [block({ actions: ['a/*'], notActions: ['a/b/*'] })], { action: 'a/b/read' }, false],
    ['notAction of another block does not', [block({ actions: ['a/*'], notActions: ['a/b/*'] }), block({ actions: ['a/b/read'] })], { action: 'a/b/read' }, true],
    ['* does not cover data actions', [block({ actions: ['*'] })], GET_SECRET, false],
    ['data action', [block({ dataActions: ['Microsoft.KeyVault/vaults/secrets/*'] })], GET_SECRET, true],
    ['notDataAction removes it', [block({ dataActions: ['Microsoft.KeyVault/vaults/secrets/*'], notDataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action'] })], GET_SECRET, false],
    ['a notAction does not remove a data action', [block({ dataActions: ['*'], notActions: ['*'] })], GET_SECRET, true],
    ['a data action does not grant an action', [block({ dataActions: ['*'] })], LIST_SECRETS, false],
    ['no blocks', [], LIST_SECRETS, false],
    ['Contributor lacks roleAssignments/write', ROLES.contributor.permissions, { action: 'Microsoft.Authorization/roleAssignments/write' }, false],
    ['Owner holds roleAssignments/write', ROLES.owner.permissions, { action: 'Microsoft.Authorization/roleAssignments/write' }, true],
  ];
  for (const [name, blocks, want, expected] of table) test(name, () => assert.equal(blocksAllow(blocks, want), expected));
});

describe('principalClosure: transitive groups, cycles', () => {
  test('nested and cyclic', () => {
    const closure = principalClosure('SP', { sp: ['g1'], g1: ['g2'], g2: ['g1', 'g3'], other: ['g9'] });
    assert.deepEqual([...closure].sort(), ['g1', 'g2', 'g3', 'sp']);
  });
});

describe('evaluatePermission', () => {
  const world = (p: Partial<RbacWorld>): RbacWorld => ({ assignments: [], roleDefinitions: ALL_ROLES, now: NOW, ...p });
  const ask = (w: RbacWorld, scope = KV1, permission: Permission = GET_SECRET, managementGroups?: string[], partsCount?: boolean) =>
    evaluatePermission(w, { principalId: 'sp', permission, scope, ...(managementGroups ? { managementGroups } : {}), ...(partsCount ? { partsCount } : {}) });

  const table: Array<{ name: string; w: Partial<RbacWorld>; scope?: string; permission?: Permission; mgs?: string[]; parts?: boolean; holds: true | false | 'uncertain'; notYet?: boolean }> = [
    { name: 'a grant on a child scope does not grant the parent', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, `${KV1}/secrets/db`)] }, holds: false },
    { name: 'unless a part of the scope is what counts: uncertain', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, `${KV1}/secrets/db`)] }, parts: true, holds: 'uncertain' },
    { name: 'parts count, a grant above still holds', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, RG)] }, parts: true, holds: true },
    { name: 'no assignment', w: {}, holds: false },
    { name: 'Key Vault Secrets User on the vault', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, KV1)] }, holds: true },
    { name: 'on the resource group, inherited by the vault', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, RG)] }, holds: true },
    { name: 'on the subscription', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, SUB)] }, holds: true },
    { name: 'on another vault', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, KV2)] }, holds: false },
    { name: 'Key Vault Reader: metadata, not values', w: { assignments: [assign('sp', ROLES.keyVaultReader, KV1)] }, holds: false },
    { name: 'Owner: actions only, no data actions', w: { assignments: [assign('sp', ROLES.owner, KV1)] }, holds: false },
    { name: 'Connection Secrets Reader on the workspace', w: { assignments: [assign('sp', ROLES.connectionSecretsReader, WS)] }, scope: WS, permission: LIST_SECRETS, holds: true },
    { name: 'Contributor on the resource group (actions *)', w: { assignments: [assign('sp', ROLES.contributor, RG)] }, scope: WS, permission: LIST_SECRETS, holds: true },
    { name: 'Reader only: */read', w: { assignments: [assign('sp', ROLES.reader, RG)] }, scope: WS, permission: LIST_SECRETS, holds: false },
    { name: 'group assignment from assignedTo() (no graph: counts)', w: { assignments: [assign('group-1', ROLES.keyVaultSecretsUser, KV1)] }, holds: true },
    { name: 'group assignment with a graph: member', w: { assignments: [assign('g2', ROLES.keyVaultSecretsUser, KV1)], memberOf: { sp: ['g1'], g1: ['g2'] } }, holds: true },
    { name: 'group assignment with a graph: not a member', w: { assignments: [assign('g3', ROLES.keyVaultSecretsUser, KV1)], memberOf: { sp: ['g1'], g1: ['g2'] } }, holds: false },
    { name: 'conditional assignment: uncertain', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, KV1, { condition: "@Resource[Microsoft.KeyVault/vaults/secrets:name] StringEquals 'db'" })] }, holds: 'uncertain' },
    { name: 'conditional plus unconditional: holds', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, KV1, { condition: 'x' }), assign('sp', ROLES.keyVaultSecretsUser, RG)] }, holds: true },
    { name: 'role definition not read: uncertain', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, KV1)], roleDefinitions: {} }, holds: 'uncertain' },
    { name: 'management group, hierarchy unknown: uncertain', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, '/providers/Microsoft.Management/managementGroups/corp')] }, holds: 'uncertain' },
    { name: 'management group holding the subscription', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, '/providers/Microsoft.Management/managementGroups/corp')] }, mgs: ['corp'], holds: true },
    { name: 'assigned 3 minutes ago: not yet effective', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, KV1, { createdOn: '2026-11-30T11:57:00Z' })] }, holds: true, notYet: true },
    { name: 'assigned 11 minutes ago: effective', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, KV1, { createdOn: '2026-11-30T11:49:00Z' })] }, holds: true, notYet: false },
    { name: 'a recent and an old grant: effective', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, KV1, { createdOn: '2026-11-30T11:59:00Z' }), assign('sp', ROLES.keyVaultSecretsUser, RG)] }, holds: true, notYet: false },
    { name: 'custom propagation delay', w: { assignments: [assign('sp', ROLES.keyVaultSecretsUser, KV1, { createdOn: '2026-11-30T11:57:00Z' })], propagationDelayMs: 60_000 }, holds: true, notYet: false },
    { name: 'unknown age: assumed effective', w: { assignments: [{ ...assign('sp', ROLES.keyVaultSecretsUser, KV1), createdOn: undefined }] }, holds: true, notYet: false },
  ];
  for (const c of table) {
    test(c.name, () => {
      const v = ask(world(c.w), c.scope, c.permission, c.mgs, c.parts);
      assert.equal(v.holds, c.holds);
      if (c.notYet !== undefined) assert.equal(v.notYetEffective, c.notYet);
      if (v.holds === 'uncertain') assert.ok(v.uncertainties.length > 0);
      if (v.holds === true) assert.ok(v.grants.length > 0 && v.grants[0]?.roleName);
    });
  }

  test('the contract fixture roles agree with the test kit', () => {
    const fixture = JSON.parse(readFileSync(new URL('../../test/fixtures/contracts/authorization/fixtures/builtin-roleDefinitions.arm-shape.json', import.meta.url), 'utf8')) as {
      value: Array<{ name: string; properties: { roleName: string; permissions: RoleDefinitionFacts['permissions'] } }>;
    };
    for (const role of Object.values(ROLES)) {
      const found = fixture.value.find((r) => r.name === role.id);
      assert.ok(found, role.roleName);
      assert.equal(found.properties.roleName, role.roleName);
      for (const op of [...role.permissions.flatMap((b) => b.dataActions.map((d) => ({ dataAction: d }))), ...role.permissions.flatMap((b) => b.actions.map((a) => ({ action: a })))]) {
        assert.ok(blocksAllow(found.properties.permissions, op), `${role.roleName}: ${JSON.stringify(op)}`);
      }
    }
  });
});

describe('describeAge', () => {
  const table: Array<[number, string]> = [[10_000, 'less than a minute'], [60_000, '1 minute'], [3 * 60_000, '3 minutes'], [5 * 3_600_000, '5 hours'], [3 * 86_400_000, '3 days']];
  for (const [ms, text] of table) test(text, () => assert.equal(describeAge(ms), text));
});

describe('rbac edges (each case kills a mutant)', () => {
  test('normalizeScope: trims, drops every trailing slash, empty is the root', () => {
    assert.equal(normalizeScope('  /Subscriptions/S1//  '), '/subscriptions/s1');
    assert.equal(normalizeScope(''), '/');
    assert.equal(normalizeScope('/'), '/');
  });
  test('roleDefinitionKey: the last non-empty segment, lower-cased', () => {
    assert.equal(roleDefinitionKey('/providers/Microsoft.Authorization/roleDefinitions/4633458B-17DE-408A-B874-0445C86B69E6/'), '4633458b-17de-408a-b874-0445c86b69e6');
    assert.equal(roleDefinitionKey('ABC'), 'abc');
  });
  test('a management group is recognised only as a whole scope', () => {
    assert.equal(scopeCovers(`${SUB}/providers/Microsoft.Management/managementGroups/corp`, KV1, ['corp']), false);
    assert.equal(scopeCovers('/providers/Microsoft.Management/managementGroups/corp/child', KV1, ['corp']), false);
    assert.equal(scopeCovers('/providers/Microsoft.Management/managementGroups/corp', '/providers/Microsoft.Management/managementGroups/other', ['corp']), false);
    assert.equal(scopeCovers('/providers/Microsoft.Management/managementGroups/corp', '/providers/Microsoft.Management/managementGroups/corp'), true);
  });
  test('patterns are anchored at both ends', () => {
    assert.equal(permissionMatches('vaults/read', 'Microsoft.KeyVault/vaults/read'), false);
    assert.equal(permissionMatches('Microsoft.KeyVault/vaults', 'Microsoft.KeyVault/vaults/read'), false);
    assert.equal(permissionMatches('Microsoft.KeyVault/vaults', 'Microsoft.KeyVault/vaults'), true);
  });
  test('principalClosure of a principal in no group', () => assert.deepEqual([...principalClosure('x', {})], ['x']));

  const world = (p: Partial<RbacWorld>): RbacWorld => ({ assignments: [], roleDefinitions: ALL_ROLES, now: NOW, ...p });
  const q = { principalId: 'sp', permission: GET_SECRET, scope: KV1 };
  test('a whole verdict: grant with its age, no uncertainty', () => {
    const a = assign('sp', ROLES.keyVaultSecretsUser, RG, { createdOn: '2026-11-30T11:00:00Z' });
    assert.deepEqual(evaluatePermission(world({ assignments: [a] }), q), {
      holds: true,
      grants: [{ assignmentId: a.id, principalId: 'sp', roleName: 'Key Vault Secrets User', roleDefinitionId: a.roleDefinitionId, scope: RG, createdOn: '2026-11-30T11:00:00Z', ageMs: 3_600_000 }],
      notYetEffective: false,
      uncertainties: [],
    });
  });
  test('a grant of unknown age carries no createdOn and no age', () => {
    const a = { ...assign('sp', ROLES.keyVaultSecretsUser, KV1), createdOn: undefined };
    const v = evaluatePermission(world({ assignments: [a] }), q);
    assert.deepEqual(v.grants[0], { assignmentId: a.id, principalId: 'sp', roleName: 'Key Vault Secrets User', roleDefinitionId: a.roleDefinitionId, scope: KV1 });
  });
  test('an unreadable clock gives no age', () => {
    const v = evaluatePermission(world({ now: 'not a date', assignments: [assign('sp', ROLES.keyVaultSecretsUser, KV1)] }), q);
    assert.equal(v.grants[0]?.ageMs, undefined);
    assert.equal(v.notYetEffective, false);
  });
  test('a whole verdict: denied', () => {
    assert.deepEqual(evaluatePermission(world({ assignments: [assign('sp', ROLES.reader, RG)] }), q), { holds: false, grants: [], notYetEffective: false, uncertainties: [] });
  });
  test('uncertainties say why: condition, management group, part of the scope, role not read', () => {
    const v = evaluatePermission(
      world({
        assignments: [
          assign('sp', ROLES.keyVaultSecretsUser, KV1, { condition: 'cond-x' }),
          assign('sp', ROLES.keyVaultSecretsUser, '/providers/Microsoft.Management/managementGroups/corp'),
          assign('sp', ROLES.keyVaultSecretsUser, `${KV1}/secrets/a`),
          assign('sp', { ...ROLES.keyVaultSecretsUser, id: 'feedface' }, KV1),
        ],
      }),
      { ...q, partsCount: true },
    );
    assert.equal(v.holds, 'uncertain');
    assert.equal(v.notYetEffective, false);
    assert.deepEqual(v.uncertainties, [
      `Key Vault Secrets User at ${KV1} is assigned with a condition, which the action cannot evaluate (cond-x)`,
      'Key Vault Secrets User is assigned at management group scope /providers/Microsoft.Management/managementGroups/corp, and whether it holds this subscription is not known',
      `Key Vault Secrets User is assigned on ${KV1}/secrets/a, a part of ${KV1}: whether the part the service reads is covered is not known`,
      `role definition feedface (assigned at ${KV1}) could not be read`,
    ]);
  });
  test('parts count: an assignment at the scope itself grants, an unrelated one does not', () => {
    assert.equal(evaluatePermission(world({ assignments: [assign('sp', ROLES.keyVaultSecretsUser, KV1)] }), { ...q, partsCount: true }).holds, true);
    assert.equal(evaluatePermission(world({ assignments: [assign('sp', ROLES.keyVaultSecretsUser, KV2)] }), { ...q, partsCount: true }).holds, false);
  });
  test('describeAge boundaries', () => {
    assert.equal(describeAge(119 * 60_000), '119 minutes');
    assert.equal(describeAge(120 * 60_000), '2 hours');
    assert.equal(describeAge(47 * 3_600_000), '47 hours');
    assert.equal(describeAge(48 * 3_600_000), '2 days');
  });
});

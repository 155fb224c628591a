// The adapters' parsing of Azure answers into facts: key names only from listsecrets, Key Vault
// version metadata and the newest enabled version, identities, URLs, and the read → Lookup rules.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseVersionItem, secretVersionFacts, vaultHostUnknown, type VersionItem } from './keyvault.ts';
import { connectionFacts, newestVersion, parseEndpoint, parseIdentity, parseWorkspace } from './ml.ts';
import { parseAssignment, parseRoleDefinition } from './rbac.ts';
import { failedLookup } from './read.ts';
import { ArmError, armUrl } from './rest.ts';

describe('connectionFacts keeps key names, never values', () => {
  const cases = [
    {
      name: 'CustomKeys: the names under credentials.keys',
      body: { name: 'c1', properties: { authType: 'CustomKeys', target: '_', credentials: { keys: { OPENAI_API_KEY: 'v-secret-1', SPEECH: 'v-secret-2' } }, metadata: { A: '1' } } },
      expect: { name: 'c1', authType: 'CustomKeys', target: true, credentialKeys: ['OPENAI_API_KEY', 'SPEECH'], metadataKeys: ['A'] },
    },
    {
      name: 'ApiKey: the credential field names',
      body: { name: 'c2', properties: { authType: 'ApiKey', target: 'https://x', credentials: { key: 'v-secret-3' } } },
      expect: { name: 'c2', authType: 'ApiKey', target: true, credentialKeys: ['key'], metadataKeys: [] },
    },
    {
      name: 'no target, null credential field dropped',
      body: { name: 'c3', properties: { authType: 'UsernamePassword', credentials: { username: 'u', password: null } } },
      expect: { name: 'c3', authType: 'UsernamePassword', target: false, credentialKeys: ['username'], metadataKeys: [] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const facts = connectionFacts('fallback', c.body);
      assert.deepEqual(facts, c.expect);
      assert.doesNotMatch(JSON.stringify(facts), /v-secret/);
    });
  }
});

describe('Key Vault versions', () => {
  const item = (version: string, created: number, enabled = true, extra: Record<string, number> = {}) => ({
    id: `https://kv1.vault.azure.net/secrets/db/${version}`,
    attributes: { enabled, created, updated: created, ...extra },
  });
  it('parses id and attributes (unix seconds) without a value', () => {
    assert.deepEqual(parseVersionItem(item('abc', 1_700_000_000, false, { exp: 1_700_000_100 })), {
      version: 'abc',
      enabled: false,
      createdOn: '2023-11-14T22:13:20.000Z',
      expiresOn: '2023-11-14T22:15:00.000Z',
      notBefore: undefined,
    });
  });
  const versions: VersionItem[] = [item('old', 100), item('pinned', 200), item('newer-disabled', 300, false), item('newest', 400)].map(parseVersionItem);
  const cases: { name: string; pinned: string; expect: string | undefined | 'missing' }[] = [
    { name: 'a newer enabled version is named', pinned: 'pinned', expect: 'newest' },
    { name: 'the newest itself has none', pinned: 'newest', expect: undefined },
    { name: 'versions compare case-insensitively', pinned: 'PINNED', expect: 'newest' },
    { name: 'an unknown version is missing', pinned: 'nope', expect: 'missing' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const facts = secretVersionFacts('kv1.vault.azure.net', 'db', c.pinned, versions);
      if (c.expect === 'missing') return assert.equal(facts.kind, 'missing');
      assert.equal(facts.kind, 'found');
      if (facts.kind === 'found') assert.equal(facts.value.newerEnabled?.version, c.expect);
    });
  }
  it('a vault host without DNS is "missing", a refused read is not', () => {
    assert.equal(vaultHostUnknown(new ArmError({ status: 0, code: 'ENOTFOUND', message: 'getaddrinfo ENOTFOUND x.vault.azure.net', method: 'GET', path: '/' })), true);
    assert.equal(vaultHostUnknown(new ArmError({ status: 502, code: 'Http502', message: 'HTTP 502', method: 'GET', path: '/' })), true);
    assert.equal(vaultHostUnknown(new ArmError({ status: 403, code: 'Forbidden', message: '', method: 'GET', path: '/' })), false);
  });
});

describe('ARM answers', () => {
  it('workspace ids and a normalised location', () => {
    assert.deepEqual(parseWorkspace({ id: '/w', location: 'East US', properties: { keyVault: '/kv', storageAccount: '/st', containerRegistry: null } }), {
      id: '/w',
      location: 'eastus',
      storageAccountId: '/st',
      containerRegistryId: undefined,
      keyVaultId: '/kv',
    });
  });
  it('identities: type matched case-insensitively, user-assigned ids lower-cased', () => {
    assert.deepEqual(parseIdentity({ type: 'systemAssigned, userAssigned', principalId: 'p', userAssignedIdentities: { '/A/B': { principalId: 'u', clientId: 'c' } } }), {
      type: 'SystemAssigned,UserAssigned',
      principalId: 'p',
      userAssigned: { '/a/b': { principalId: 'u', clientId: 'c' } },
    });
  });
  it('endpoint traffic and properties', () => {
    const e = parseEndpoint({ name: 'ep', identity: { type: 'SystemAssigned' }, properties: { provisioningState: 'Updating', traffic: { blue: 100 }, properties: { enforce_access_to_default_secret_stores: 'enabled' } } });
    assert.equal(e.provisioningState, 'Updating');
    assert.deepEqual(e.traffic, { blue: 100 });
    assert.equal(e.properties.enforce_access_to_default_secret_stores, 'enabled');
  });
  it('@latest picks the newest by creation time', () => {
    const v = newestVersion([{ id: 'a', systemData: { createdAt: '2024-01-01T00:00:00Z' } }, { id: 'b', systemData: { createdAt: '2025-01-01T00:00:00Z' } }]);
    assert.equal(v?.id, 'b');
  });
  it('role assignments and definitions in wire shape', () => {
    assert.deepEqual(parseAssignment({ id: '/ra', properties: { principalId: 'p', roleDefinitionId: '/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/ABC', scope: '/s', condition: 'x' } }), {
      id: '/ra',
      principalId: 'p',
      roleDefinitionId: '/subscriptions/s/providers/Microsoft.Authorization/roleDefinitions/ABC',
      scope: '/s',
      condition: 'x',
      createdOn: undefined,
    });
    assert.deepEqual(parseRoleDefinition({ id: '/rd', properties: { roleName: 'R', permissions: [{ actions: ['a'], dataActions: ['d'] }] } }).permissions, [
      { actions: ['a'], notActions: [], dataActions: ['d'], notDataActions: [] },
    ]);
  });
});

describe('requests and failures', () => {
  it('builds ARM URLs with api-version and an encoded filter; absolute links pass through', () => {
    assert.equal(
      armUrl('https://management.azure.com', { path: '/s/providers/Microsoft.Authorization/roleAssignments', apiVersion: '2022-04-01', query: { $filter: "assignedTo('x')" } }),
      'https://management.azure.com/s/providers/Microsoft.Authorization/roleAssignments?api-version=2022-04-01&%24filter=assignedTo%28%27x%27%29',
    );
    assert.equal(armUrl('https://management.azure.com', { path: 'https://management.azure.com/next?skip=1', apiVersion: 'x' }), 'https://management.azure.com/next?skip=1');
  });
  const error = (status: number, code = 'C') => new ArmError({ status, code, message: 'm', method: 'GET', path: '/p' });
  const cases = [
    { name: '404 is missing', error: error(404), expect: { kind: 'missing' } },
    { name: '403 is unreadable with the permission', error: error(403, 'AuthorizationFailed'), expect: { kind: 'unreadable', permission: 'perm', why: '403 AuthorizationFailed on GET /p' } },
    { name: '503 after retries is unreadable', error: error(503, 'ServiceUnavailable'), expect: { kind: 'unreadable', why: 'GET /p failed: 503 ServiceUnavailable' } },
    { name: 'a reset is unreadable', error: error(0, 'ECONNRESET'), expect: { kind: 'unreadable', why: 'GET /p failed: no answer ECONNRESET' } },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(failedLookup(c.error, 'perm'), c.expect));
});

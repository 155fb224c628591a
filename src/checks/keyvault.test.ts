import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { keyVaultModelCheck } from './keyvault-model.ts';
import { keyVaultSecretsCheck, validityProblem } from './keyvault-secrets.ts';
import { KV1, NOW, V1, V2, brief, context, facts, kvRef } from './testkit.ts';
import type { Lookup, SecretVersionFacts, ValidateFacts, VaultFacts } from './facts.ts';

const SECRET_ID = `https://kv1.vault.azure.net/secrets/db-password/${V1}`;
const vault: Lookup<VaultFacts> = { kind: 'found', value: { host: 'kv1.vault.azure.net', resourceId: KV1, rbacAuthorization: true } };
const version = (p: Partial<SecretVersionFacts>): Lookup<SecretVersionFacts> => ({ kind: 'found', value: { vaultHost: 'kv1.vault.azure.net', name: 'db-password', version: V1, enabled: true, createdOn: '2026-01-01T00:00:00Z', ...p } });

describe('keyvault-secrets check', () => {
  const secretMissing = (names: Lookup<string[]>): ValidateFacts['secretNames'] => ({ 'kv1.vault.azure.net': { missing: ['db-password'], names } });
  const table: Array<{ name: string; vaults?: Record<string, Lookup<VaultFacts>>; versions: Record<string, Lookup<SecretVersionFacts>>; secretNames?: ValidateFacts['secretNames']; want: string[]; status: string; message?: RegExp; hint?: RegExp }> = [
    { name: 'enabled, no dates', versions: { [SECRET_ID]: version({}) }, want: [], status: 'pass' },
    { name: 'identifier compared case-insensitively', versions: { [SECRET_ID.toUpperCase()]: version({}) }, want: [], status: 'pass' },
    { name: 'disabled: error', versions: { [SECRET_ID]: version({ enabled: false }) }, want: ['keyvault-secret-unusable@7:error'], status: 'fail', message: /is disabled/, hint: /--enabled true/ },
    { name: 'disabled with a newer enabled version: points at it', versions: { [SECRET_ID]: version({ enabled: false, newerEnabled: { version: V2 } }) }, want: ['keyvault-secret-unusable@7:error'], status: 'fail', hint: new RegExp(`enabled version ${V2}`) },
    { name: 'expired: warning, still passes', versions: { [SECRET_ID]: version({ expiresOn: '2026-11-27T12:00:00Z' }) }, want: ['keyvault-secret-expired@7:warning'], status: 'pass', message: /expired 3 days ago/ },
    { name: 'not yet valid: warning', versions: { [SECRET_ID]: version({ notBefore: '2026-12-01T12:00:00Z' }) }, want: ['keyvault-secret-expired@7:warning'], status: 'pass', message: /not valid until 2026-12-01T12:00:00Z \(in 24 hours\)/ },
    { name: 'expires later: fine', versions: { [SECRET_ID]: version({ expiresOn: '2027-01-01T00:00:00Z', notBefore: '2026-01-01T00:00:00Z' }) }, want: [], status: 'pass' },
    { name: 'newer enabled version: notice with its age', versions: { [SECRET_ID]: version({ newerEnabled: { version: V2, createdOn: '2026-11-27T12:00:00Z' } }) }, want: ['keyvault-secret-newer-version@7:notice'], status: 'pass', message: /newer enabled version 89abcdef… \(created 3 days ago\) than the pinned 01234567…/ },
    { name: 'expired and a newer one: both, hint names the newer', versions: { [SECRET_ID]: version({ expiresOn: '2026-11-01T00:00:00Z', newerEnabled: { version: V2 } }) }, want: ['keyvault-secret-expired@7:warning', 'keyvault-secret-newer-version@7:notice'], status: 'pass', hint: new RegExp(`secrets/db-password/${V2}`) },
    { name: 'version missing', versions: { [SECRET_ID]: { kind: 'missing' } }, want: ['keyvault-secret-not-found@7:error'], status: 'fail', hint: /list-versions --vault-name kv1 --name db-password/ },
    {
      name: 'secret name misspelt: the vault\'s names (names only) and did you mean',
      versions: { [SECRET_ID]: { kind: 'missing' } }, secretNames: secretMissing({ kind: 'found', value: ['db-passwrd', 'api-token'] }),
      want: ['keyvault-secret-not-found@7:error'], status: 'fail', message: /has no secret named db-password\. The vault has: db-passwrd, api-token\./, hint: /^Did you mean db-passwrd\?.*list-versions --vault-name kv1 --name db-passwrd/,
    },
    {
      name: 'secret missing, nothing close: a command that creates it',
      versions: { [SECRET_ID]: { kind: 'missing' } }, secretNames: secretMissing({ kind: 'found', value: ['api-token'] }),
      want: ['keyvault-secret-not-found@7:error'], status: 'fail', hint: /^Create it: az keyvault secret set --vault-name kv1 --name db-password --file/,
    },
    {
      name: 'secret missing, names not listable: no names, the list command',
      versions: { [SECRET_ID]: { kind: 'missing' } }, secretNames: secretMissing({ kind: 'unreadable', why: '403 Forbidden (ForbiddenByRbac)' }),
      want: ['keyvault-secret-not-found@7:error'], status: 'fail', message: /has no secret named db-password\.$/, hint: /az keyvault secret set .*az keyvault secret list --vault-name kv1/,
    },
    { name: 'vault missing', vaults: { 'kv1.vault.azure.net': { kind: 'missing' } }, versions: {}, want: ['keyvault-secret-not-found@7:error'], status: 'fail', message: /no Key Vault named kv1/ },
    { name: 'metadata unreadable: cannot-verify naming readMetadata', versions: { [SECRET_ID]: { kind: 'unreadable', why: 'Forbidden' } }, want: ['cannot-verify@7:warning'], status: 'unknown', message: /secrets\/readMetadata\/action/ },
    { name: 'metadata unreadable, the adapter names the permission', versions: { [SECRET_ID]: { kind: 'unreadable', why: 'Forbidden', permission: 'Microsoft.KeyVault/vaults/secrets/getSecret/action' } }, want: ['cannot-verify@7:warning'], status: 'unknown', message: /getSecret\/action/ },
    { name: 'not read: unknown without a finding', versions: {}, want: [], status: 'unknown' },
  ];
  for (const c of table) {
    test(c.name, () => {
      const r = kvRef('DB_PASSWORD', 'db-password', V1, 7);
      const out = keyVaultSecretsCheck.evaluate?.(context({ references: [r], facts: facts({ vaults: c.vaults ?? { 'kv1.vault.azure.net': vault }, secretVersions: c.versions, ...(c.secretNames ? { secretNames: c.secretNames } : {}) }) }));
      assert.ok(out);
      assert.deepEqual(brief(out.findings), c.want);
      assert.equal(out.verdicts[0]?.status.state, c.status);
      if (c.message) assert.match(out.findings[0]?.message ?? '', c.message);
      if (c.hint) assert.match(out.findings[0]?.hint ?? '', c.hint);
    });
  }
  test('validityProblem edges: expiry exactly now is expired', () => {
    assert.match(validityProblem({ expiresOn: NOW }, Date.parse(NOW)) ?? '', /^expired/);
    assert.equal(validityProblem({ notBefore: NOW }, Date.parse(NOW)), undefined);
    assert.equal(validityProblem({}, Date.parse(NOW)), undefined);
  });
});

describe('keyvault-model check', () => {
  const refs = [kvRef('A', 'a', V1, 3), kvRef('B', 'b', V1, 4), kvRef('C', 'c', V1, 5, 'kv2'), kvRef('D', 'd', V1, 2, 'kv1', 'green.yml')];
  const table: Array<{ name: string; vaults: Record<string, Lookup<VaultFacts>>; want: string[]; states: string[] }> = [
    { name: 'RBAC vaults pass', vaults: { 'kv1.vault.azure.net': vault, 'kv2.vault.azure.net': { kind: 'found', value: { host: 'kv2.vault.azure.net', resourceId: 'x', rbacAuthorization: true } } }, want: [], states: ['pass', 'pass', 'pass', 'pass'] },
    {
      name: 'access-policy vault: one error per file on its first reference, every reference fails',
      vaults: { 'kv1.vault.azure.net': { kind: 'found', value: { host: 'kv1.vault.azure.net', resourceId: KV1, rbacAuthorization: false } }, 'kv2.vault.azure.net': { kind: 'missing' } },
      want: ['keyvault-not-rbac@3:error', 'keyvault-not-rbac@2:error'], states: ['fail', 'fail', 'fail'],
    },
    { name: 'unreadable vault: cannot-verify', vaults: { 'kv1.vault.azure.net': { kind: 'unreadable', why: 'no access', permission: 'Microsoft.KeyVault/vaults/read' } }, want: ['cannot-verify@3:warning', 'cannot-verify@2:warning'], states: ['unknown', 'unknown', 'unknown'] },
  ];
  for (const c of table) {
    test(c.name, () => {
      const out = keyVaultModelCheck.evaluate?.(context({ references: refs, facts: facts({ vaults: c.vaults }) }));
      assert.ok(out);
      assert.deepEqual(brief(out.findings), c.want);
      assert.deepEqual(out.verdicts.map((v) => v.status.state), c.states);
    });
  }
  test('the not-rbac fix is the exact command', () => {
    const out = keyVaultModelCheck.run(context({ references: refs.slice(0, 1), facts: facts({ vaults: { 'kv1.vault.azure.net': { kind: 'found', value: { host: 'kv1.vault.azure.net', resourceId: KV1, rbacAuthorization: false } } } }) }));
    assert.match(out[0]?.hint ?? '', /^az keyvault update --name kv1 --enable-rbac-authorization true/);
  });
});

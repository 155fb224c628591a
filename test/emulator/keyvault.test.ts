// Key Vault data plane through the real @azure/keyvault-secrets client (challenge auth, versions, paging,
// RBAC and access-policy authorization, disabled / expired versions).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SecretClient } from '@azure/keyvault-secrets';
import { admin, contractsDir, credential, scenarioPath, shapeDiff, spawnEmulator, useEmulator } from './harness.ts';
import type { Emu } from './harness.ts';
import { proxyFetch } from './proxy-fetch.ts';

const contract = (p: string): Record<string, unknown> => JSON.parse(readFileSync(join(contractsDir, p), 'utf8')) as Record<string, unknown>;
const responseBody = (p: string, status: string): unknown => ((contract(p)['responses'] as Record<string, { body: unknown }>)[status] ?? { body: undefined }).body;
const READER = '1a000000-0000-4000-8000-000000000002';

describe('Key Vault data plane', () => {
  let emu: Emu;
  before(async () => {
    emu = await spawnEmulator(scenarioPath('restricted.yml'));
    useEmulator(emu);
    // The deployer reads values in these tests: give it Key Vault Secrets User on rbac-kv through the admin API.
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Key Vault Secrets User', scope: 'keyvault:rbac-kv' });
  });
  after(() => emu.stop());
  const client = (vault: string, clientId?: string): SecretClient => new SecretClient(`https://${vault}.vault.azure.net`, credential(emu, clientId), { retryOptions: { maxRetries: 0 } });

  it('answers the first, token-less request with the 401 challenge of the contract', async () => {
    const r = await proxyFetch(emu, 'https://rbac-kv.vault.azure.net/secrets/api-key/?api-version=7.6');
    assert.equal(r.status, 401);
    assert.equal(r.headers['www-authenticate'], `Bearer authorization="https://login.windows.net/${emu.inputs['tenant-id'] ?? ''}", resource="https://vault.azure.net"`);
    assert.deepEqual(JSON.parse(r.body), responseBody('keyvault-dataplane/fixtures/GetSecret_401_challenge.json', '401'));
  });

  it('gets a secret by version and the latest version (trailing slash), with the contract shape', async () => {
    const kv = client('rbac-kv');
    const v = await kv.getSecret('api-key', { version: 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3' });
    assert.equal(v.value, 'emu-secret-api-key-current-0d1e');
    assert.equal(v.properties.version, 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3');
    const latest = await kv.getSecret('api-key');
    assert.equal(latest.properties.version, 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3');
    const log = await admin<{ host: string; path: string }[]>(emu, 'GET', '/requests');
    assert.ok(log.body.some((e) => e.host === 'rbac-kv.vault.azure.net' && e.path === '/secrets/api-key/'));
    const token = (await credential(emu).getToken('https://vault.azure.net/.default')).token;
    const r = await proxyFetch(emu, 'https://rbac-kv.vault.azure.net/secrets/api-key/c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3?api%2Dversion=2026-04-01', { headers: { Authorization: `Bearer ${token}` } });
    assert.deepEqual(shapeDiff(JSON.parse(r.body), responseBody('keyvault-dataplane/7.6/GetSecret.json', '200')), []);
  });

  it('lists versions with paging (nextLink followed by the SDK)', async () => {
    await admin(emu, 'PATCH', '/knobs', { keyVault: { pageSize: 1 } });
    await admin(emu, 'DELETE', '/requests');
    const versions: string[] = [];
    for await (const p of client('rbac-kv').listPropertiesOfSecretVersions('api-key')) versions.push(`${p.version ?? ''}:${String(p.enabled)}`);
    assert.deepEqual(versions.sort(), ['a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1:false', 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2:true', 'c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3:true']);
    const log = await admin<{ path: string; status: number }[]>(emu, 'GET', '/requests');
    assert.equal(log.body.filter((e) => e.path === '/secrets/api-key/versions' && e.status === 200).length, 3);
    const token = (await credential(emu).getToken('https://vault.azure.net/.default')).token;
    const r = await proxyFetch(emu, 'https://rbac-kv.vault.azure.net/secrets/api-key/versions?api-version=7.5', { headers: { Authorization: `Bearer ${token}` } });
    assert.deepEqual(shapeDiff(JSON.parse(r.body), responseBody('keyvault-dataplane/7.5/GetSecretVersions.json', '200')), []);
    await admin(emu, 'PATCH', '/knobs', { keyVault: { pageSize: 25 } });
  });

  it('refuses a disabled version with the real 403 shape', async () => {
    await assert.rejects(client('rbac-kv').getSecret('api-key', { version: 'a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1' }), (e: { statusCode?: number; code?: string; message: string }) =>
      e.statusCode === 403 && e.code === 'Forbidden' && e.message === 'Operation get is not allowed on a disabled secret.');
  });

  it('returns an expired version (exp is informational), unless keyVault.enforceValidityPeriod is set', async () => {
    const kv = client('rbac-kv');
    assert.equal((await kv.getSecret('api-key', { version: 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2' })).value, 'emu-secret-api-key-expired');
    await admin(emu, 'PATCH', '/knobs', { keyVault: { enforceValidityPeriod: true } });
    try {
      await assert.rejects(kv.getSecret('api-key', { version: 'b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2' }), (e: { statusCode?: number }) => e.statusCode === 403);
    } finally {
      await admin(emu, 'PATCH', '/knobs', { keyVault: { enforceValidityPeriod: false } });
    }
  });

  it('ForbiddenByRbac when the caller lacks the data action (a conditional assignment does not count)', async () => {
    await assert.rejects(client('rbac-kv', READER).getSecret('api-key'), (e: { statusCode?: number; code?: string }) => e.statusCode === 403 && e.code === 'Forbidden');
    const token = (await credential(emu, READER).getToken('https://vault.azure.net/.default')).token;
    const r = await proxyFetch(emu, 'https://rbac-kv.vault.azure.net/secrets/api-key/c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3?api-version=7.6', { headers: { Authorization: `Bearer ${token}` } });
    assert.equal(r.status, 403);
    const body = JSON.parse(r.body) as { error: { innererror: { code: string }; message: string } };
    assert.deepEqual(shapeDiff(body, responseBody('keyvault-dataplane/fixtures/GetSecret_403_ForbiddenByRbac.json', '403')), []);
    assert.equal(body.error.innererror.code, 'ForbiddenByRbac');
    assert.match(body.error.message, /Action: 'Microsoft\.KeyVault\/vaults\/secrets\/getSecret\/action'/);
  });

  it('access-policy vaults check the vault access policies, not RBAC', async () => {
    assert.equal((await client('legacy-kv').getSecret('legacy-secret')).value, 'emu-secret-legacy-2f3a');
    await assert.rejects(client('legacy-kv', READER).getSecret('legacy-secret'), (e: { statusCode?: number; message: string }) => e.statusCode === 403 && /does not have secrets get permission on key vault 'legacy-kv/.test(e.message));
  });

  it('SecretNotFound 404 with the contract shape', async () => {
    await assert.rejects(client('rbac-kv').getSecret('missingsecret'), (e: { statusCode?: number; code?: string }) => e.statusCode === 404 && e.code === 'SecretNotFound');
    const token = (await credential(emu).getToken('https://vault.azure.net/.default')).token;
    const r = await proxyFetch(emu, 'https://rbac-kv.vault.azure.net/secrets/missingsecret/?api-version=7.6', { headers: { Authorization: `Bearer ${token}` } });
    assert.deepEqual(JSON.parse(r.body), responseBody('keyvault-dataplane/fixtures/GetSecret_404_SecretNotFound.json', '404'));
  });

  it('an unknown vault fails at CONNECT, like a DNS miss', async () => {
    await assert.rejects(client('no-such-vault').getSecret('x'));
  });
});

// CLI contract, admin API, GitHub OIDC and Entra ID sign-in, driven with the real @azure/identity client.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createPublicKey, createVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClientAssertionCredential } from '@azure/identity';
import { admin, contractsDir, credential, githubIdToken, scenarioPath, shapeDiff, spawnEmulator, useEmulator } from './harness.ts';
import type { Emu } from './harness.ts';

const contract = (p: string): Record<string, unknown> => JSON.parse(readFileSync(join(contractsDir, p), 'utf8')) as Record<string, unknown>;
const claimsOf = (jwt: string): Record<string, unknown> => JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

describe('emulator process, OIDC and Entra ID', () => {
  let emu: Emu;
  let second: Emu;
  before(async () => {
    [emu, second] = await Promise.all([spawnEmulator(scenarioPath('demo.yml')), spawnEmulator(scenarioPath('demo.yml'), ['--latency-ms', '300'])]);
    useEmulator(emu);
  });
  after(async () => {
    await Promise.all([emu.stop(), second.stop()]);
  });

  it('prints one JSON line with env, inputs and admin, on an ephemeral port', () => {
    for (const k of ['HTTPS_PROXY', 'https_proxy', 'NODE_EXTRA_CA_CERTS', 'ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'NO_PROXY']) assert.ok(emu.env[k], k);
    assert.match(emu.env['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? '', /\?/);
    assert.deepEqual(Object.keys(emu.inputs).sort(), ['client-id', 'resource-group', 'subscription-id', 'tenant-id', 'workspace-name']);
    assert.match(emu.admin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(emu.admin, second.admin, 'two emulators listen on different ports');
    assert.equal(emu.stdout().trim().split('\n').length, 1);
    assert.match(readFileSync(emu.env['NODE_EXTRA_CA_CERTS'] ?? '', 'utf8'), /BEGIN CERTIFICATE/);
  });

  it('--latency-ms delays every proxied request', async () => {
    const { proxyFetch } = await import('./proxy-fetch.ts');
    const started = Date.now();
    const r = await proxyFetch(second, 'https://token.actions.githubusercontent.com/.well-known/openid-configuration');
    assert.equal(r.status, 200);
    assert.ok(Date.now() - started >= 300);
    useEmulator(emu);
  });

  it('GitHub OIDC enforces the request token and issues RS256 tokens with real claim shapes', async () => {
    const url = `${emu.env['ACTIONS_ID_TOKEN_REQUEST_URL'] ?? ''}&audience=api%3A%2F%2FAzureADTokenExchange`;
    assert.equal((await fetch(url)).status, 401);
    assert.equal((await fetch(url, { headers: { Authorization: 'Bearer wrong' } })).status, 401);
    const res = await fetch(url, { headers: { Authorization: `Bearer ${emu.env['ACTIONS_ID_TOKEN_REQUEST_TOKEN'] ?? ''}` } });
    assert.equal(res.status, 200);
    const body = (await res.json()) as { value: string };
    assert.deepEqual(shapeDiff(body, contract('github-oidc/fixtures/IdTokenResponse_200.json')), []);
    const claims = claimsOf(body.value);
    const example = (contract('github-oidc/fixtures/IdTokenClaims_examples.json')['environment_job']) as Record<string, unknown>;
    assert.deepEqual(shapeDiff(claims, example), []);
    assert.equal(claims['iss'], 'https://token.actions.githubusercontent.com');
    assert.equal(claims['aud'], 'api://AzureADTokenExchange');
    assert.equal(claims['sub'], 'repo:octo-org/octo-repo:environment:production');
    assert.match(String(claims['job_workflow_ref']), /^octo-org\/octo-repo\/\.github\/workflows\/deploy\.yml@refs\/heads\/main$/);
    assert.ok(Number(claims['exp']) - Number(claims['iat']) <= 300);
    // The signature verifies against the published JWKS (reached through the proxy under the real host name).
    const { proxyFetchJson } = await import('./proxy-fetch.ts');
    const jwks = (await proxyFetchJson(emu, 'https://token.actions.githubusercontent.com/.well-known/jwks')) as { keys: (Record<string, string>)[] };
    const [h, c, s] = body.value.split('.') as [string, string, string];
    const jwk = jwks.keys.find((k) => k['kid'] === JSON.parse(Buffer.from(h, 'base64url').toString())['kid']);
    assert.ok(jwk);
    const v = createVerify('RSA-SHA256');
    v.update(`${h}.${c}`);
    assert.ok(v.verify(createPublicKey({ key: { kty: 'RSA', n: jwk['n'], e: jwk['e'] }, format: 'jwk' }), Buffer.from(s, 'base64url')));
  });

  it('signs in with ClientAssertionCredential and a GitHub token', async () => {
    const token = await credential(emu).getToken('https://management.azure.com/.default');
    assert.ok(token.token);
    const claims = claimsOf(token.token);
    assert.equal(claims['aud'], 'https://management.azure.com');
    assert.equal(claims['appid'], emu.inputs['client-id']);
    const log = await admin<{ host: string; path: string; status: number }[]>(emu, 'GET', '/requests');
    assert.ok(log.body.some((e) => e.host === 'login.microsoftonline.com' && e.path.endsWith('/oauth2/v2.0/token') && e.status === 200));
  });

  const failures: { name: string; knobs?: Record<string, unknown>; assertion?: () => Promise<string>; code: string; status: number; fixture: string }[] = [
    { name: 'subject mismatch → AADSTS700213', knobs: { github: { subject: 'repo:octo-org/octo-repo:ref:refs/heads/main' } }, code: 'AADSTS700213', status: 401, fixture: 'Token_v2.0_401_AADSTS700213_subject_mismatch.json' },
    { name: 'other subject → AADSTS700213', knobs: { github: { subject: 'repo:octo-org/octo-repo:environment:staging' } }, code: 'AADSTS700213', status: 401, fixture: 'Token_v2.0_401_AADSTS700213_subject_mismatch.json' },
    { name: 'case-only subject difference → AADSTS7002138 (matching is case-sensitive; Azure/login#517)', knobs: { github: { subject: 'repo:octo-org/octo-repo:environment:Production' } }, code: 'AADSTS7002138', status: 401, fixture: 'Token_v2.0_401_AADSTS700213_subject_mismatch.json' },
    { name: 'expired assertion → AADSTS700024', knobs: { tokens: { idTokenIssuedAtOffsetSeconds: -900 } }, code: 'AADSTS700024', status: 401, fixture: 'Token_v2.0_401_AADSTS700024_assertion_expired.json' },
    { name: 'legacy form → AADSTS70021', knobs: { entra: { legacyNoMatchingFicError: true }, github: { subject: 'repo:octo-org/octo-repo:pull_request' } }, code: 'AADSTS70021', status: 400, fixture: 'Token_v2.0_400_AADSTS70021_no_matching_fic.json' },
  ];
  for (const f of failures) {
    it(`rejects a bad assertion: ${f.name}`, async () => {
      await admin(emu, 'PATCH', '/knobs', f.knobs);
      try {
        await assert.rejects(credential(emu).getToken('https://management.azure.com/.default'), (e: Error) => e.message.includes(f.code));
        // The raw wire shape matches the composed fixture.
        const { proxyFetch } = await import('./proxy-fetch.ts');
        const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: emu.inputs['client-id'] ?? '', scope: 'https://management.azure.com/.default', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: await githubIdToken(emu) });
        const res = await proxyFetch(emu, `https://login.microsoftonline.com/${emu.inputs['tenant-id'] ?? ''}/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form.toString() });
        assert.equal(res.status, f.status);
        const body = JSON.parse(res.body) as Record<string, unknown>;
        assert.deepEqual(shapeDiff(body, contract(`entra-id/fixtures/${f.fixture}`)), []);
        assert.match(String(body['error_description']), new RegExp(`^${f.code}:`));
      } finally {
        await admin(emu, 'PATCH', '/knobs', { github: { subject: 'repo:octo-org/octo-repo:environment:production' }, tokens: { idTokenIssuedAtOffsetSeconds: 0 }, entra: { legacyNoMatchingFicError: false } });
      }
    });
  }

  it('rejects an assertion the emulator did not sign, and an unknown client', async () => {
    const forged = new ClientAssertionCredential(emu.inputs['tenant-id'] ?? '', emu.inputs['client-id'] ?? '', async () => {
      const t = await githubIdToken(emu);
      return `${t.split('.').slice(0, 2).join('.')}.${Buffer.from('forged').toString('base64url')}`;
    });
    await assert.rejects(forged.getToken('https://management.azure.com/.default'), /AADSTS50013/);
    await assert.rejects(credential(emu, '00000000-0000-0000-0000-0000000000ff').getToken('https://management.azure.com/.default'), /AADSTS700016/);
  });

  it('refreshes tokens when the lifetime is short: each expiry gets a new POST with a fresh assertion', async () => {
    await admin(emu, 'PATCH', '/knobs', { tokens: { accessTokenLifetimeSeconds: 2 } });
    try {
      const cred = credential(emu);
      const first = await cred.getToken('https://vault.azure.net/.default');
      assert.ok(first.expiresOnTimestamp - Date.now() <= 2500);
      await new Promise((r) => setTimeout(r, 2100));
      const second2 = await cred.getToken('https://vault.azure.net/.default');
      assert.notEqual(second2.token, first.token);
      assert.ok(second2.expiresOnTimestamp > first.expiresOnTimestamp);
    } finally {
      await admin(emu, 'PATCH', '/knobs', { tokens: { accessTokenLifetimeSeconds: 3599 } });
    }
  });

  it('sovereign clouds: login.microsoftonline.us tokens work on management.usgovcloudapi.net, not on management.azure.com', async () => {
    const gov = new ClientAssertionCredential(emu.inputs['tenant-id'] ?? '', emu.inputs['client-id'] ?? '', () => githubIdToken(emu), { authorityHost: 'https://login.microsoftonline.us' });
    const token = (await gov.getToken('https://management.usgovcloudapi.net/.default')).token;
    const { proxyFetch } = await import('./proxy-fetch.ts');
    const path = `/subscriptions/${emu.inputs['subscription-id'] ?? ''}/resourceGroups/demo-rg/providers/Microsoft.MachineLearningServices/workspaces/demo-ws?api-version=2024-10-01`;
    assert.equal((await proxyFetch(emu, `https://management.usgovcloudapi.net${path}`, { headers: { Authorization: `Bearer ${token}` } })).status, 200);
    assert.equal((await proxyFetch(emu, `https://management.azure.com${path}`, { headers: { Authorization: `Bearer ${token}` } })).status, 401);
  });

  it('admin: /state lists resources without secret values outside containerEnvironment; /reset restores', async () => {
    const st = await admin<Record<string, unknown>>(emu, 'GET', '/state');
    assert.equal(st.status, 200);
    for (const k of ['principals', 'roleAssignments', 'connections', 'keyVaults', 'onlineEndpoints', 'operations']) assert.ok(k in st.body, k);
    const text = JSON.stringify({ ...st.body, onlineEndpoints: [] });
    assert.doesNotMatch(text, /emu-secret-/);
    assert.equal((await admin(emu, 'POST', '/reset')).status, 200);
  });
});

// Sign-in and the ARM client against Azure in a box (test/emulator), with the real SDK pipeline:
// OIDC claims, the caller's object id, ArmError codes, Retry-After on throttling, and sign-in
// failures explained (subject mismatch, expired assertion, no OIDC).
import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { admin, scenarioPath, spawnEmulator, useEmulator, type Emu } from '../../test/emulator/harness.ts';
import { CLOUDS } from './clouds.ts';
import { explainSignInFailure } from './credential.ts';
import { ArmError, SignInError, signIn, type SignInInputs } from './session.ts';

const DEPLOYER_OBJECT_ID = '9a8b7c6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';

describe('signIn and the ARM client (emulator)', () => {
  let emu: Emu;
  let inputs: SignInInputs;
  const savedEnv = { ...process.env };

  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
    inputs = {
      subscriptionId: emu.inputs['subscription-id'],
      resourceGroup: emu.inputs['resource-group'],
      workspaceName: emu.inputs['workspace-name'],
      tenantId: emu.inputs['tenant-id'],
      clientId: emu.inputs['client-id'],
      cloud: CLOUDS.AzureCloud,
      audience: CLOUDS.AzureCloud.defaultAudience,
    };
  });
  beforeEach(async () => {
    process.env.ACTIONS_ID_TOKEN_REQUEST_URL = emu.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = emu.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    await admin(emu, 'POST', '/reset');
  });
  after(async () => {
    process.env = savedEnv;
    await emu.stop();
  });

  it('signs in with GitHub OIDC and reads the workspace as the workflow app', async () => {
    const session = await signIn(inputs, { maxRetries: 0 });
    assert.equal(session.method, 'github-oidc');
    assert.equal(session.caller.objectId, DEPLOYER_OBJECT_ID);
    assert.equal(session.caller.tenantId, emu.inputs['tenant-id']);
    const ws = await session.arm.send<{ location: string }>({ method: 'GET', path: session.workspacePath, apiVersion: '2025-06-01' });
    assert.equal(ws.status, 200);
    assert.equal(ws.body.location, 'eastus');
  });

  it('asks GitHub for a fresh ID token whenever Entra needs one, so a 2-second GitHub token never expires a long run', async () => {
    // Access tokens inside MSAL's 5-minute refresh margin: every new token needs a new assertion.
    await admin(emu, 'PATCH', '/knobs', { tokens: { accessTokenLifetimeSeconds: 120, idTokenLifetimeSeconds: 2 } });
    const session = await signIn(inputs, { maxRetries: 0 });
    await new Promise((resolve) => setTimeout(resolve, 3000)); // the first GitHub token has expired
    await admin(emu, 'DELETE', '/requests');
    const ws = await session.arm.send({ method: 'GET', path: session.workspacePath, apiVersion: '2026-09-01' });
    assert.equal(ws.status, 200);
    const log = (await admin<{ host: string; path: string; status: number }[]>(emu, 'GET', '/requests')).body;
    assert.ok(log.some((r) => r.host === '127.0.0.1' && /oidc/.test(r.path)), 'a new GitHub token was asked for');
    assert.ok(log.some((r) => r.host === 'login.microsoftonline.com' && r.status === 200), 'and Entra accepted it');
  });

  it('GitHub OIDC 429 (Retry-After) and a reset through the emulator are asked again; sign-in goes on', async () => {
    await admin(emu, 'POST', '/faults', [{ path: '^/_github/oidc/token$', status: 429, retryAfter: 1, times: 2 }, { path: '^/_github/oidc/token$', reset: true, times: 1 }]);
    const session = await signIn(inputs, { maxRetries: 0 });
    assert.equal(session.method, 'github-oidc');
    const log = (await admin<{ path: string; status: number }[]>(emu, 'GET', '/requests')).body.filter((r) => /oidc\/token/.test(r.path));
    assert.deepEqual(log.map((r) => r.status), [429, 429, 0, 200]);
  });

  it('GitHub OIDC failing for good: the message says what GitHub answered, not that the URL is unset', async () => {
    await admin(emu, 'POST', '/faults', [{ path: '^/_github/oidc/token$', status: 403, times: 0 }]);
    await assert.rejects(signIn(inputs, { maxRetries: 0 }), (e: unknown) => e instanceof SignInError && /HTTP 403/.test(e.message) && !/is not set/.test(e.message));
  });

  it('one GitHub ID token per Entra exchange (MSAL asks for the assertion several times)', async () => {
    const session = await signIn(inputs, { maxRetries: 0 });
    await session.keyVault.sendUrl('GET', 'https://demo-kv.vault.azure.net/secrets?api-version=7.4').catch(() => undefined);
    const log = (await admin<{ host: string; path: string }[]>(emu, 'GET', '/requests')).body;
    const github = log.filter((r) => /oidc\/token/.test(r.path)).length;
    const entra = log.filter((r) => r.host === 'login.microsoftonline.com' && /oauth2\/v2\.0\/token/.test(r.path)).length;
    assert.ok(entra >= 2, `two exchanges (ARM, Key Vault), saw ${entra}`);
    assert.ok(github <= entra, `${github} GitHub token requests for ${entra} exchanges`);
  });

  it('turns a non-2xx answer into ArmError with the ARM code and a printable path', async () => {
    const session = await signIn(inputs, { maxRetries: 0 });
    const error = await session.arm.send({ method: 'GET', path: `${session.workspacePath}/connections/nope_conn`, apiVersion: '2025-06-01' }).catch((e: unknown) => e);
    assert.ok(error instanceof ArmError);
    assert.equal(error.status, 404);
    assert.match(error.path, /connections\/nope_conn$/);
  });

  it('retries a throttled request after Retry-After', async () => {
    const session = await signIn(inputs);
    await admin(emu, 'DELETE', '/requests');
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', path: 'workspaces/demo-ws$', status: 429, retryAfter: 1, times: 1 });
    const started = performance.now();
    const ws = await session.arm.send({ method: 'GET', path: session.workspacePath, apiVersion: '2025-06-01' });
    assert.equal(ws.status, 200);
    assert.ok(performance.now() - started >= 900, 'waited for Retry-After');
    const log = (await admin<{ path: string; status: number }[]>(emu, 'GET', '/requests')).body.filter((r) => /workspaces\/demo-ws$/i.test(r.path));
    assert.deepEqual(log.map((r) => r.status), [429, 200]);
  });

  it('explains a subject mismatch with the subject presented', async () => {
    await admin(emu, 'PATCH', '/knobs', { github: { subject: 'repo:octo-org/octo-repo:ref:refs/heads/feature' } });
    const error = await signIn(inputs).catch((e: unknown) => e);
    assert.ok(error instanceof SignInError);
    assert.match(error.message, /AADSTS700213/);
    assert.match(error.message, /subject 'repo:octo-org\/octo-repo:ref:refs\/heads\/feature'/);
    assert.match(error.message, /case-sensitively/);
  });

  it('says so when the subject differs only in letter case (AADSTS7002138)', async () => {
    await admin(emu, 'PATCH', '/knobs', { github: { subject: 'repo:Octo-Org/octo-repo:environment:production' } });
    const error = await signIn(inputs).catch((e: unknown) => e);
    assert.ok(error instanceof SignInError);
    assert.match(error.message, /AADSTS7002138/);
    assert.match(error.message, /only in letter case/);
    assert.match(error.message, /exactly 'repo:Octo-Org\/octo-repo:environment:production'/);
  });

  it('explains an expired assertion (AADSTS700024)', async () => {
    await admin(emu, 'PATCH', '/knobs', { tokens: { idTokenIssuedAtOffsetSeconds: -3600 } });
    const error = await signIn(inputs).catch((e: unknown) => e);
    assert.ok(error instanceof SignInError);
    assert.match(error.message, /AADSTS700024/);
    assert.match(error.message, /fresh token each time/);
  });

  it('without OIDC and without ids, falls back to the environment / CLI chain and says how to sign in', async () => {
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
    delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    const error = await signIn({ ...inputs, tenantId: undefined, clientId: undefined }).catch((e: unknown) => e);
    assert.ok(error instanceof SignInError, String(error));
    assert.match(error.message, /id-token: write/);
    assert.match(error.message, /mode: lint/);
  });

  it('names the missing workspace inputs before signing in', async () => {
    const error = await signIn({ ...inputs, resourceGroup: undefined }).catch((e: unknown) => e);
    assert.ok(error instanceof SignInError);
    assert.match(error.message, /^resource-group: required/);
  });
});

describe('explainSignInFailure', () => {
  const settings = { tenantId: 't', clientId: 'c', cloud: CLOUDS.AzureCloud, audience: 'api://AzureADTokenExchange' };
  const oidc = { method: 'github-oidc' as const, idTokenClaims: { iss: 'https://token.actions.githubusercontent.com', sub: 'repo:Octo-Org/repo:environment:prod', aud: 'api://AzureADTokenExchange' } };
  const cases: { name: string; message: string; expect: RegExp[] }[] = [
    { name: 'case-only subject mismatch', message: 'invalid_client AADSTS7002138: ...', expect: [/only in letter case/, /exactly 'repo:Octo-Org\/repo:environment:prod'/] },
    { name: 'legacy no-matching-FIC', message: 'AADSTS70021: No matching federated identity record found', expect: [/AADSTS70021\b/, /subject 'repo:Octo-Org/] },
    { name: 'audience mismatch', message: 'AADSTS700212: audience', expect: [/`audience` input/] },
    { name: 'issuer mismatch', message: 'AADSTS700211: issuer', expect: [/no trailing slash/] },
    { name: 'unknown app', message: 'AADSTS700016: Application not found', expect: [/client id c/] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const text = explainSignInFailure(c.message, oidc, settings);
      for (const re of c.expect) assert.match(text, re);
    });
  }
  it('ids but no OIDC: names id-token: write and lint', () => {
    const text = explainSignInFailure('CredentialUnavailableError', { method: 'environment-or-cli' }, settings, {});
    assert.match(text, /id-token: write/);
    assert.match(text, /mode: lint/);
  });
});

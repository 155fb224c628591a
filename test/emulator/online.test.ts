// Online endpoints and deployments end to end: LROs, the system-assigned identity, the secret-injection
// rules of DESIGN.md §3 (every failure), scoring, logs, assets/blob upload, faults and GitHub comments.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import type { OnlineDeployment, OnlineEndpoint } from '@azure/arm-machinelearning';
import { AuthorizationManagementClient } from '@azure/arm-authorization';
import { admin, armBase, credential, scenarioPath, spawnEmulator, useEmulator, wsPath } from './harness.ts';
import type { Emu } from './harness.ts';
import { API, FAST, deploymentBody, endpointBody, mlClient, putAndPoll, raw } from './ml-test-client.ts';
import { SECRETS_INJECTION_MESSAGE } from './online.ts';
import { proxyFetch } from './proxy-fetch.ts';

const OPERATOR = '1a000000-0000-4000-8000-000000000003';

interface StateDeployment { name: string; containerEnvironment: Record<string, string> | null; properties: { provisioningState: string } }
interface State { onlineEndpoints: { name: string; identity: { principalId?: string }; deployments: StateDeployment[] }[]; roleAssignments: { properties: { principalId: string; scope: string }; roleName: string }[] }

describe('demo scenario: the happy path of examples/endpoint.yml + examples/deployment.yml', () => {
  let emu: Emu;
  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
  });
  after(() => emu.stop());

  it('creates the endpoint (LRO), its system identity and the automatic role grants', async () => {
    const ml = mlClient(emu);
    const ep: OnlineEndpoint = { location: 'eastus', kind: 'Managed', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', description: 'demo', properties: { enforce_access_to_default_secret_stores: 'enabled' } } };
    const created = await ml.onlineEndpoints.beginCreateOrUpdateAndWait('demo-rg', 'demo-ws', 'demo-endpoint', ep, FAST);
    assert.equal(created.properties.provisioningState, 'Succeeded');
    assert.match(created.identity?.principalId ?? '', /^[0-9a-f-]{36}$/);
    assert.equal(created.identity?.tenantId, emu.inputs['tenant-id']);
    assert.equal(created.properties.scoringUri, 'https://demo-endpoint.eastus.inference.ml.azure.com/score');
    assert.equal(created.properties.properties?.['enforce_access_to_default_secret_stores'], 'enabled');
    const st = await admin<State>(emu, 'GET', '/state');
    const sai = created.identity?.principalId ?? '';
    const roles = st.body.roleAssignments.filter((a) => a.properties.principalId === sai).map((a) => `${a.roleName}@${a.properties.scope.split('/').at(-1) ?? ''}`).sort();
    assert.deepEqual(roles, ['AcrPull@demowsacr', 'Azure Machine Learning Workspace Connection Secrets Reader@demo-ws', 'Key Vault Secrets User@demo-kv', 'Storage Blob Data Reader@demowsstorage']);
  });

  it('creates the deployment with all five reference patterns; the container gets the values, ARM never returns them', async () => {
    const ml = mlClient(emu);
    const env = {
      AOAI_CONNECTION: '${{azureml://connections/aoai_connection}}',
      OPENAI_KEY: '${{azureml://connections/multi_connection_langchain/credentials/OPENAI_API_KEY}}',
      OPENAI_VERSION: '${{azureml://connections/multi_connection_langchain/metadata/OPENAI_API_VERSION}}',
      AOAI_ENDPOINT: '${{azureml://connections/aoai_connection/target}}',
      DB_PASSWORD: '${{keyvault:https://demo-kv.vault.azure.net/secrets/db-password/7d2f9c1e4b5a46c8a3e1f0b9d8c7a6b5}}',
      LOG_LEVEL: 'info',
    };
    const body = deploymentBody(emu, env) as unknown as OnlineDeployment;
    const d = await ml.onlineDeployments.beginCreateOrUpdateAndWait('demo-rg', 'demo-ws', 'demo-endpoint', 'blue', body, FAST);
    assert.equal(d.properties.provisioningState, 'Succeeded');
    assert.deepEqual(d.properties.environmentVariables, env, 'ARM returns the references as sent');
    const st = await admin<State>(emu, 'GET', '/state');
    const got = st.body.onlineEndpoints.find((e) => e.name === 'demo-endpoint')?.deployments.find((x) => x.name === 'blue')?.containerEnvironment ?? {};
    assert.equal(got['OPENAI_KEY'], 'emu-secret-openai-key-8c2d');
    assert.equal(got['OPENAI_VERSION'], '2024-02-01');
    assert.equal(got['AOAI_ENDPOINT'], 'https://demo-aoai.openai.azure.com/');
    assert.equal(got['DB_PASSWORD'], 'emu-secret-db-password-9e3f');
    assert.equal(got['LOG_LEVEL'], 'info');
    const whole = JSON.parse(got['AOAI_CONNECTION'] ?? '{}') as { properties: { credentials: { key: string } } };
    assert.equal(whole.properties.credentials.key, 'emu-secret-aoai-key-5f1e');
    // Traffic by re-PUT of the endpoint, then score with a key.
    const ep = await ml.onlineEndpoints.get('demo-rg', 'demo-ws', 'demo-endpoint');
    const updated = await ml.onlineEndpoints.beginCreateOrUpdateAndWait('demo-rg', 'demo-ws', 'demo-endpoint', { ...ep, properties: { ...ep.properties, traffic: { blue: 100 } } }, FAST);
    assert.deepEqual(updated.properties.traffic, { blue: 100 });
    const keys = await ml.onlineEndpoints.listKeys('demo-rg', 'demo-ws', 'demo-endpoint');
    const score = await proxyFetch(emu, 'https://demo-endpoint.eastus.inference.ml.azure.com/score', { method: 'POST', headers: { Authorization: `Bearer ${keys.primaryKey ?? ''}`, 'content-type': 'application/json' }, body: '{"data":[1]}' });
    assert.equal(score.status, 200);
    assert.equal(score.headers['azureml-model-deployment'], 'blue');
    const denied = await proxyFetch(emu, 'https://demo-endpoint.eastus.inference.ml.azure.com/score', { method: 'POST', headers: { Authorization: 'Bearer nope' }, body: '{}' });
    assert.equal(denied.status, 401);
    const logs = await ml.onlineDeployments.getLogs('demo-rg', 'demo-ws', 'demo-endpoint', 'blue', { containerType: 'InferenceServer', tail: 5 });
    assert.match(logs.content ?? '', /ready/);
    // No secret value in any response body the emulator logged or printed.
    assert.doesNotMatch(emu.stdout() + emu.stderr(), /emu-secret-/);
  });

  it('routes by the azureml-model-deployment header and applies per-deployment scoring behaviour (knobs: assumed)', async () => {
    const ml = mlClient(emu);
    const keys = await ml.onlineEndpoints.listKeys('demo-rg', 'demo-ws', 'existing-ep');
    const score = (headers: Record<string, string> = {}): ReturnType<typeof proxyFetch> => proxyFetch(emu, 'https://existing-ep.eastus.inference.ml.azure.com/score', { method: 'POST', headers: { Authorization: `Bearer ${keys.secondaryKey ?? ''}`, ...headers }, body: '{}' });
    assert.equal((await score()).status, 200);
    assert.equal((await score({ 'azureml-model-deployment': 'green' })).status, 404);
    await admin(emu, 'PATCH', '/knobs', { deployments: { 'existing-ep/blue': { scoring: 'error', errorStatus: 503 } } });
    const modelError = await score({ 'azureml-model-deployment': 'blue' });
    assert.equal(modelError.status, 424); // the model's 503 surfaces as 424 + the model's status in headers
    assert.equal(modelError.headers['ms-azureml-model-error-statuscode'], '503');
    await admin(emu, 'PATCH', '/knobs', { deployments: { 'existing-ep/blue': { scoring: 'healthy' } } });
    await admin(emu, 'POST', '/faults', { host: '*.inference.ml.azure.com', path: '^/score$', status: 500, times: 1 });
    assert.equal((await score()).status, 500);
    assert.equal((await score()).status, 200);
  });

  it('faults: 429 with Retry-After is retried by the SDK; a connection reset surfaces as an error', async () => {
    const retrying = new AzureMachineLearningWorkspaces(credential(emu), emu.inputs['subscription-id'] ?? '', { apiVersion: API });
    await admin(emu, 'DELETE', '/requests');
    const [fault] = (await admin<{ id: string }[]>(emu, 'POST', '/faults', { host: 'management.azure.com', path: '/workspaces/demo-ws$', status: 429, retryAfter: 0, times: 1 })).body;
    assert.equal((await retrying.workspaces.get('demo-rg', 'demo-ws')).name, 'demo-ws');
    const log = await admin<{ path: string; status: number; fault?: string }[]>(emu, 'GET', '/requests');
    const hits = log.body.filter((e) => e.path.endsWith('/workspaces/demo-ws'));
    assert.deepEqual(hits.map((e) => e.status), [429, 200]);
    assert.equal(hits[0]?.fault, fault?.id);
    await admin(emu, 'POST', '/faults', { host: 'management.azure.com', path: '/workspaces/demo-ws$', reset: true, times: 1 });
    await assert.rejects(mlClient(emu).workspaces.get('demo-rg', 'demo-ws'));
  });

  it('a PATCH of the endpoint replaces its whole tag map (the deploy lease relies on it) and refuses tags over ARM\'s limits, PATCH or PUT', async () => {
    const ml = mlClient(emu);
    const url = `${wsPath(emu)}/onlineEndpoints/demo-endpoint?api-version=${API}`;
    assert.equal((await raw(ml, 'PATCH', url, { tags: { a: '1', b: '2' } })).status, 200);
    const patched = await raw(ml, 'PATCH', url, { tags: { b: '3' } });
    assert.equal(patched.status, 200);
    assert.deepEqual((patched.body as { tags: unknown }).tags, { b: '3' }, 'a key the PATCH leaves out is removed');
    assert.deepEqual((await ml.onlineEndpoints.get('demo-rg', 'demo-ws', 'demo-endpoint')).tags, { b: '3' });
    for (const tags of [{ long: 'x'.repeat(257) }, { n: 1 }, Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, 'v']))]) {
      const refused = await raw(ml, 'PATCH', url, { tags });
      assert.equal(refused.status, 400);
      assert.equal((refused.body as { error: { code: string } }).error.code, 'InvalidTag');
    }
    const live = await ml.onlineEndpoints.get('demo-rg', 'demo-ws', 'demo-endpoint');
    const put = await raw(ml, 'PUT', url, { location: live.location, identity: { type: live.identity?.type }, tags: { long: 'x'.repeat(257) }, properties: { authMode: live.properties.authMode, traffic: live.properties.traffic } });
    assert.equal(put.status, 400);
    assert.deepEqual((await ml.onlineEndpoints.get('demo-rg', 'demo-ws', 'demo-endpoint')).tags, { b: '3' });
  });

  it('deletes deployments and endpoints as Location LROs (a deployment with traffic cannot go first: assumed)', async () => {
    const ml = mlClient(emu);
    const blocked = await raw(ml, 'DELETE', `${wsPath(emu)}/onlineEndpoints/demo-endpoint/deployments/blue?api-version=${API}`);
    assert.equal(blocked.status, 400);
    await ml.onlineEndpoints.beginDeleteAndWait('demo-rg', 'demo-ws', 'demo-endpoint', FAST);
    await assert.rejects(ml.onlineEndpoints.get('demo-rg', 'demo-ws', 'demo-endpoint'), (e: { statusCode?: number }) => e.statusCode === 404);
  });
});

describe('restricted scenario: every failure of DESIGN.md §3', () => {
  let emu: Emu;
  let ml: AzureMachineLearningWorkspaces;
  let saiPrincipal = '';
  before(async () => {
    emu = await spawnEmulator(scenarioPath('restricted.yml'));
    useEmulator(emu);
    ml = mlClient(emu);
    saiPrincipal = (await ml.onlineEndpoints.get('restricted-rg', 'restricted-ws', 'sai-ep')).identity?.principalId ?? '';
  });
  after(() => emu.stop());
  const depUrl = (ep: string, d: string): string => `${wsPath(emu)}/onlineEndpoints/${ep}/deployments/${d}?api-version=${API}`;
  const epUrl = (ep: string): string => `${wsPath(emu)}/onlineEndpoints/${ep}?api-version=${API}`;
  const sub = (): string => emu.inputs['subscription-id'] ?? '';
  /** The failing variables of the last operation on a deployment, from the emulator's own view (admin /state). */
  const causesOf = async (deployment: string, endpoint = 'sai-ep'): Promise<{ variable: string; message: string }[]> => {
    const st = await admin<{ operations: { resourceId: string; causes: { variable: string; message: string }[] | null }[] }>(emu, 'GET', '/state');
    return st.body.operations.filter((o) => o.resourceId.toLowerCase().endsWith(`/onlineendpoints/${endpoint}/deployments/${deployment}`.toLowerCase())).at(-1)?.causes ?? [];
  };

  it('SecretsInjectionError when the endpoint identity cannot read connections', async () => {
    const { put, final } = await putAndPoll(ml, depUrl('sai-ep', 'conn-denied'), deploymentBody(emu, { AOAI_KEY: '${{azureml://connections/aoai_connection/credentials/key}}' }));
    assert.equal(put.status, 201);
    assert.equal(final['status'], 'Failed');
    assert.deepEqual(final['error'], { code: 'SecretsInjectionError', message: SECRETS_INJECTION_MESSAGE }); // the contract's text only
    const cause = await causesOf('conn-denied');
    assert.equal(cause[0]?.variable, 'AOAI_KEY');
    assert.match(cause[0]?.message ?? '', /listsecrets\/action/);
    const d = await ml.onlineDeployments.get('restricted-rg', 'restricted-ws', 'sai-ep', 'conn-denied');
    assert.equal(d.properties.provisioningState, 'Failed');
  });

  const injectionCases: { name: string; env: Record<string, string>; variable: string; pattern: RegExp }[] = [
    { name: 'a missing connection credential key', env: { K: '${{azureml://connections/aoai_connection/credentials/nope}}' }, variable: 'K', pattern: /Credential 'nope' was not found/ },
    { name: 'a missing metadata key', env: { M: '${{azureml://connections/aoai_connection/metadata/Missing}}' }, variable: 'M', pattern: /Metadata 'Missing'/ },
    { name: 'a connection without target', env: { T: '${{azureml://connections/no_target_conn/target}}' }, variable: 'T', pattern: /has no target/ },
    { name: 'a missing connection', env: { C: '${{azureml://connections/ghost_conn}}' }, variable: 'C', pattern: /can't be found/ },
    { name: 'a missing Key Vault secret version', env: { S: '${{keyvault:https://rbac-kv.vault.azure.net/secrets/api-key/ffffffffffffffffffffffffffffffff}}' }, variable: 'S', pattern: /SecretNotFound/ },
    { name: 'a disabled Key Vault secret version', env: { S: '${{keyvault:https://rbac-kv.vault.azure.net/secrets/api-key/a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1}}' }, variable: 'S', pattern: /SecretDisabled/ },
    { name: 'an access-policy vault', env: { L: '${{keyvault:https://legacy-kv.vault.azure.net/secrets/legacy-secret/d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4d4}}' }, variable: 'L', pattern: /access policy permission model/ },
  ];
  it('grants the SAI its roles (as grant-missing-roles would), then each broken reference fails the LRO', async () => {
    const authz = new AuthorizationManagementClient(credential(emu), sub());
    const scopeWs = `subscriptions/${sub()}/resourceGroups/restricted-rg/providers/Microsoft.MachineLearningServices/workspaces/restricted-ws`;
    const scopeKv = `subscriptions/${sub()}/resourceGroups/restricted-rg/providers/Microsoft.KeyVault/vaults/rbac-kv`;
    await authz.roleAssignments.create(scopeWs, '6a000000-0000-4000-8000-000000000001', { roleDefinitionId: `/subscriptions/${sub()}/providers/Microsoft.Authorization/roleDefinitions/ea01e6af-a1c1-4350-9563-ad00f8c72ec5`, principalId: saiPrincipal, principalType: 'ServicePrincipal' });
    await authz.roleAssignments.create(scopeKv, '6a000000-0000-4000-8000-000000000002', { roleDefinitionId: `/subscriptions/${sub()}/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6`, principalId: saiPrincipal, principalType: 'ServicePrincipal' });
    for (const [i, c] of injectionCases.entries()) {
      const { final } = await putAndPoll(ml, depUrl('sai-ep', `broken-${i}`), deploymentBody(emu, c.env));
      // ARM says only the contract's text; the emulator's own view keeps each cause apart.
      assert.deepEqual(final['error'], { code: 'SecretsInjectionError', message: SECRETS_INJECTION_MESSAGE }, c.name);
      const cause = await causesOf(`broken-${i}`);
      assert.match(cause[0]?.message ?? '', c.pattern, c.name);
      assert.equal(cause[0]?.variable, c.variable, c.name);
    }
    // And with everything right, the same identity succeeds (near misses pass through literally).
    const ok = await putAndPoll(ml, depUrl('sai-ep', 'green'), deploymentBody(emu, { K: '${{azureml://connections/aoai_connection/credentials/key}}', S: '${{keyvault:https://rbac-kv.vault.azure.net/secrets/api-key/c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3}}', NEAR: '${{azureml://connection/aoai_connection}}' }));
    assert.equal(ok.final['status'], 'Succeeded');
    const st = await admin<State>(emu, 'GET', '/state');
    const envs = st.body.onlineEndpoints.find((e) => e.name === 'sai-ep')?.deployments.find((d) => d.name === 'green')?.containerEnvironment;
    assert.deepEqual(envs, { K: 'emu-secret-restricted-aoai-3c4d', S: 'emu-secret-api-key-current-0d1e', NEAR: '${{azureml://connection/aoai_connection}}' });
  });

  it('SecretsInjectionError when a UAI endpoint identity has no Key Vault role (ForbiddenByRbac)', async () => {
    const { final } = await putAndPoll(ml, depUrl('uai-ep', 'blue'), deploymentBody(emu, { S: '${{keyvault:https://rbac-kv.vault.azure.net/secrets/api-key/c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3}}' }));
    assert.equal((final['error'] as { message: string }).message, SECRETS_INJECTION_MESSAGE);
    assert.match((await causesOf('blue', 'uai-ep'))[0]?.message ?? '', /1d000000-0000-4000-8000-000000000001.*ForbiddenByRbac/);
  });

  it('a UAI endpoint without AcrPull / Storage Blob Data Reader fails the deployment with BadArgument (troubleshooting guide)', async () => {
    const first = await putAndPoll(ml, depUrl('uai-ep', 'platform'), deploymentBody(emu, { A: 'plain' }));
    assert.equal((first.final['error'] as { code: string }).code, 'BadArgument');
    assert.match((first.final['error'] as { message: string }).message, /^Startup task failed due to incorrect role assignments/);
    assert.match((first.final['error'] as { message: string }).message, /AcrPull.*Storage Blob Data Reader/);
    await admin(emu, 'POST', '/role-assignments', { principal: 'plain-uai', role: 'AcrPull', scope: 'registry' });
    await admin(emu, 'POST', '/role-assignments', { principal: 'plain-uai', role: 'Storage Blob Data Reader', scope: 'storage' });
    const second = await putAndPoll(ml, depUrl('uai-ep', 'platform2'), deploymentBody(emu, { A: 'plain' }));
    assert.equal(second.final['status'], 'Succeeded');
  });

  it('the enforce flag with a caller lacking connections/listsecrets fails endpoint creation (LRO)', async () => {
    const asOperator = mlClient(emu, OPERATOR);
    const { put, final } = await putAndPoll(asOperator, epUrl('op-ep'), endpointBody({ type: 'SystemAssigned' }, true));
    assert.equal(put.status, 201);
    assert.equal(final['status'], 'Failed');
    assert.match((final['error'] as { message: string }).message, /listsecrets\/action/);
    assert.equal((await asOperator.onlineEndpoints.get('restricted-rg', 'restricted-ws', 'op-ep')).properties.provisioningState, 'Failed');
    // Without the flag the operator may create the endpoint, and no Secrets Reader grant appears.
    const { final: ok } = await putAndPoll(asOperator, epUrl('op-ep2'), endpointBody({ type: 'SystemAssigned' }, false));
    assert.equal(ok['status'], 'Succeeded');
  });

  it('the enforce flag with a caller lacking listsecrets also fails deployment creation', async () => {
    // The deployer creates a flagged endpoint; the operator then tries to add a deployment to it.
    const { final } = await putAndPoll(ml, epUrl('flag-ep'), endpointBody({ type: 'SystemAssigned' }, true));
    assert.equal(final['status'], 'Succeeded');
    const st = await admin<State>(emu, 'GET', '/state');
    const sai = st.body.onlineEndpoints.find((e) => e.name === 'flag-ep')?.identity.principalId;
    assert.ok(st.body.roleAssignments.some((a) => a.properties.principalId === sai && a.roleName === 'Azure Machine Learning Workspace Connection Secrets Reader'));
    const dep = await putAndPoll(mlClient(emu, OPERATOR), depUrl('flag-ep', 'blue'), deploymentBody(emu, { A: 'plain' }));
    assert.equal(dep.final['status'], 'Failed');
    assert.match((dep.final['error'] as { message: string }).message, /enforce_access_to_default_secret_stores/);
  });

  it('400 for the flag on a user-assigned identity, and for an identity change (the latter assumed)', async () => {
    const uai = `/subscriptions/${sub()}/resourceGroups/restricted-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/plain-uai`;
    const flagged = await raw(ml, 'PUT', epUrl('uai-flag-ep'), endpointBody({ type: 'UserAssigned', userAssignedIdentities: { [uai]: {} } }, true));
    assert.equal(flagged.status, 400);
    assert.match(JSON.stringify(flagged.body), /enforce_access_to_default_secret_stores/);
    const changed = await raw(ml, 'PUT', epUrl('sai-ep'), endpointBody({ type: 'UserAssigned', userAssignedIdentities: { [uai]: {} } }, false, 'AMLToken'));
    assert.equal(changed.status, 400);
    assert.match(JSON.stringify(changed.body), /cannot be changed/);
    const unknownUai = await raw(ml, 'PUT', epUrl('ghost-uai-ep'), endpointBody({ type: 'UserAssigned', userAssignedIdentities: { [uai.replace('plain-uai', 'ghost')]: {} } }, false));
    assert.equal(unknownUai.status, 400);
  });

  it('AuthorizationFailed 403 on a deployment PUT by a reader', async () => {
    const r = await raw(mlClient(emu, '1a000000-0000-4000-8000-000000000002'), 'PUT', depUrl('sai-ep', 'reader-dep'), deploymentBody(emu, {}));
    assert.equal(r.status, 403);
    assert.equal((r.body['error'] as { code: string }).code, 'AuthorizationFailed');
  });

  it('a deployment that fails to start: LRO Failed with ResourceNotReady and its logs via getLogs', async () => {
    const { final } = await putAndPoll(ml, depUrl('sai-ep', 'crashy'), deploymentBody(emu, {}));
    assert.equal((final['error'] as { code: string }).code, 'ResourceNotReady');
    const logs = await ml.onlineDeployments.getLogs('restricted-rg', 'restricted-ws', 'sai-ep', 'crashy', { containerType: 'InferenceServer' });
    assert.match(logs.content ?? '', /KeyError: 'MODEL_DIR'/);
  });

  it('AML token auth for scoring (…/token) and traffic that may only name existing deployments (assumed)', async () => {
    const bad = await raw(ml, 'PUT', epUrl('sai-ep'), { ...endpointBody({ type: 'SystemAssigned' }, false, 'AMLToken'), properties: { authMode: 'AMLToken', traffic: { nope: 100 } } });
    assert.equal(bad.status, 400);
    const { final } = await putAndPoll(ml, epUrl('sai-ep'), { ...endpointBody({ type: 'SystemAssigned' }, false, 'AMLToken'), properties: { authMode: 'AMLToken', traffic: { green: 100 } } });
    assert.equal(final['status'], 'Succeeded');
    const tok = await raw(ml, 'POST', `${wsPath(emu)}/onlineEndpoints/sai-ep/token?api-version=${API}`);
    assert.deepEqual(Object.keys(tok.body).sort(), ['accessToken', 'expiryTimeUtc', 'refreshAfterTimeUtc', 'tokenType']);
    const host = 'https://sai-ep.eastus.inference.ml.azure.com/score';
    assert.equal((await proxyFetch(emu, host, { method: 'POST', headers: { Authorization: `Bearer ${String(tok.body['accessToken'])}` }, body: '{}' })).status, 200);
    assert.equal((await raw(ml, 'POST', `${wsPath(emu)}/onlineEndpoints/sai-ep/listKeys?api-version=${API}`)).status, 400);
  });

  it('assets: code startPendingUpload, blob PUT/HEAD/GET with the SAS, code version PUT (anonymous 409 assumed)', async () => {
    const up = await raw(ml, 'POST', `${wsPath(emu)}/codes/my-code/versions/1/startPendingUpload?api-version=${API}`, { pendingUploadType: 'TemporaryBlobReference' });
    assert.equal(up.status, 200);
    const ref = up.body['blobReferenceForConsumption'] as { blobUri: string; credential: { sasUri: string } };
    const sas = ref.credential.sasUri;
    const blobUrl = sas.replace('?', '/score.py?');
    assert.equal((await proxyFetch(emu, blobUrl, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob', 'content-type': 'text/x-python' }, body: 'def init():\n    pass\n' })).status, 201);
    const head = await proxyFetch(emu, blobUrl, { method: 'HEAD' });
    assert.equal(head.headers['content-length'], String(Buffer.byteLength('def init():\n    pass\n')));
    assert.equal((await proxyFetch(emu, blobUrl)).body, 'def init():\n    pass\n');
    assert.equal((await proxyFetch(emu, `${ref.blobUri}/score.py`)).status, 409, 'no SAS, no access: anonymous access is not permitted');
    assert.equal((await proxyFetch(emu, blobUrl.replace(/sig=[^&]+/, 'sig=forged'))).status, 403, 'a SAS the emulator did not issue');
    const code = await raw(ml, 'PUT', `${wsPath(emu)}/codes/my-code/versions/1?api-version=${API}`, { properties: { codeUri: ref.blobUri } });
    assert.equal(code.status, 201);
    assert.equal((await raw(ml, 'GET', `${wsPath(emu)}/models/demo-model/versions/1?api-version=${API}`)).status, 200);
    assert.equal((await raw(ml, 'GET', `${armBase(emu)}/providers/Microsoft.MachineLearningServices/workspaces/restricted-ws/models/nope/versions/1?api-version=${API}`)).status, 404);
  });

  it('api.github.com issue comments: list with paging, create, update; bad token → 401', async () => {
    const gh = (path: string, init: { method?: string; body?: string; token?: string } = {}): ReturnType<typeof proxyFetch> =>
      proxyFetch(emu, `https://api.github.com${path}`, { method: init.method ?? 'GET', headers: { Authorization: `token ${init.token ?? emu.github.token}`, 'content-type': 'application/json', 'user-agent': 'test' }, body: init.body });
    assert.equal((await gh('/repos/octo-org/octo-repo/issues/7/comments', { token: 'bad' })).status, 401);
    for (const text of ['one', 'two', 'three']) assert.equal((await gh('/repos/octo-org/octo-repo/issues/7/comments', { method: 'POST', body: JSON.stringify({ body: text }) })).status, 201);
    const page1 = await gh('/repos/octo-org/octo-repo/issues/7/comments?per_page=2&page=1');
    assert.match(String(page1.headers['link']), /page=2>; rel="next"/);
    const page2 = JSON.parse((await gh('/repos/octo-org/octo-repo/issues/7/comments?per_page=2&page=2')).body) as { id: number; body: string }[];
    assert.equal(page2[0]?.body, 'three');
    const patched = await gh(`/repos/octo-org/octo-repo/issues/comments/${String(page2[0]?.id)}`, { method: 'PATCH', body: JSON.stringify({ body: 'three (edited)' }) });
    assert.equal((JSON.parse(patched.body) as { body: string }).body, 'three (edited)');
  });
});

// Identity rules: the roles the service gives a system-assigned endpoint identity (and never a Key Vault role),
// seeded endpoints in the state the service leaves them, transitive group membership in RBAC, the permissions API
// and assignedTo(), assignedTo() refusing a group, and AADSTS7002138 for a subject that differs only in case.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { admin, armBase, credential, scenarioPath, spawnEmulator, useEmulator, wsPath } from './harness.ts';
import type { Emu } from './harness.ts';
import { proxyFetch } from './proxy-fetch.ts';
import { parseScenario } from './scenario.ts';
import { seedEndpoints } from './online.ts';
import { World } from './state.ts';
import type { Ctx } from './context.ts';
import { newSigningKey } from './jwt.ts';

const API = '2026-09-01';
const AUTHZ = '2022-04-01';
const NESTED = '2a000000-0000-4000-8000-000000000002';
const NESTED_OID = '2b000000-0000-4000-8000-000000000002';
const TEAM_OID = '2c000000-0000-4000-8000-000000000001';
const WRONG_CASE = '2a000000-0000-4000-8000-000000000003';

interface State {
  onlineEndpoints: { name: string; identity: { principalId?: string }; deployments: { name: string; containerEnvironment: Record<string, string> | null }[] }[];
  roleAssignments: { properties: { principalId: string; scope: string }; roleName: string }[];
}

describe('identity rules', () => {
  let emu: Emu;
  before(async () => {
    emu = await spawnEmulator(scenarioPath('identities.yml'));
    useEmulator(emu);
  });
  after(() => emu.stop());

  const token = async (clientId?: string): Promise<string> => (await credential(emu, clientId).getToken('https://management.azure.com/.default')).token;
  const get = async (url: string, clientId?: string): Promise<{ status: number; body: Record<string, unknown> }> => {
    const r = await proxyFetch(emu, url, { headers: { Authorization: `Bearer ${await token(clientId)}` } });
    return { status: r.status, body: r.body ? (JSON.parse(r.body) as Record<string, unknown>) : {} };
  };
  const rolesOf = (st: State, principalId: string): string[] =>
    st.roleAssignments.filter((a) => a.properties.principalId === principalId).map((a) => `${a.roleName}@${a.properties.scope.split('/').at(-1) ?? ''}`).sort();

  it('a new system-assigned identity gets AcrPull and Storage Blob Data Reader, and never a Key Vault role', async () => {
    const auth = `Bearer ${await token()}`;
    const url = `${wsPath(emu)}/onlineEndpoints/new-sai-ep?api-version=${API}`;
    const put = await proxyFetch(emu, url, { method: 'PUT', headers: { Authorization: auth, 'Content-Type': 'application/json' }, body: JSON.stringify({ location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key' } }) });
    assert.equal(put.status, 201);
    for (let i = 0; i < 5; i++) await proxyFetch(emu, url, { headers: { Authorization: auth } }); // polls
    const st = (await admin<State>(emu, 'GET', '/state')).body;
    const sai = st.onlineEndpoints.find((e) => e.name === 'new-sai-ep')?.identity.principalId ?? '';
    assert.deepEqual(rolesOf(st, sai), ['AcrPull@idacr', 'Storage Blob Data Reader@idstorage']);
  });

  it('a seeded flagged endpoint holds Connection Secrets Reader and the platform roles; endpoint:NAME grants apply before its deployments resolve', async () => {
    const st = (await admin<State>(emu, 'GET', '/state')).body;
    const ep = st.onlineEndpoints.find((e) => e.name === 'flag-ep');
    const sai = ep?.identity.principalId ?? '';
    assert.deepEqual(rolesOf(st, sai), ['AcrPull@idacr', 'Azure Machine Learning Workspace Connection Secrets Reader@id-ws', 'Key Vault Secrets User@id-kv', 'Storage Blob Data Reader@idstorage']);
    assert.deepEqual(ep?.deployments.find((d) => d.name === 'blue')?.containerEnvironment, { KV: 'emu-secret-id-token-1c2d', CONN: 'emu-secret-id-connection-7a8b' });
  });

  it('the admin API accepts endpoint:NAME as a principal', async () => {
    const r = await admin(emu, 'POST', '/role-assignments', { principal: 'endpoint:flag-ep', role: 'Reader', scope: 'workspace' });
    assert.equal(r.status, 201);
  });

  it('endpoint:NAME must name a seeded endpoint with a system-assigned identity', () => {
    const doc = {
      tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', subscription: { id: '00000000-1111-2222-3333-444444444444' },
      workspace: { name: 'ws', resourceGroup: 'rg', storageAccount: 'st', keyVault: 'kv' },
      principals: [{ name: 'app', clientId: '0b7e2c4d-5a6f-4e3b-9c1d-2e3f4a5b6c7d', federatedCredentials: ['repo:o/r:environment:prod'] }],
      roleAssignments: [{ principal: 'endpoint:ghost', role: 'Reader', scope: 'workspace' }],
    };
    const ctx: Ctx = { world: new World(parseScenario(doc, 'inline')), githubKey: newSigningKey(), entraKey: newSigningKey(), adminBase: '' };
    assert.throws(() => seedEndpoints(ctx), /roleAssignments: 'endpoint:ghost' names no seeded endpoint/);
  });

  it('RBAC follows nested groups: a member of team (member of platform, Reader) may read the workspace', async () => {
    assert.equal((await get(`${wsPath(emu)}?api-version=${API}`, NESTED)).status, 200);
  });

  it('the permissions API follows nested groups', async () => {
    const r = await get(`${armBase(emu)}/providers/Microsoft.Authorization/permissions?api-version=${AUTHZ}`, NESTED);
    assert.equal(r.status, 200);
    assert.deepEqual((r.body['value'] as { actions: string[] }[]).map((p) => p.actions), [['*/read']]);
  });

  it("assignedTo('{user}') lists assignments of nested groups; assignedTo('{group}') is refused (assumed error shape)", async () => {
    const base = `${armBase(emu)}/providers/Microsoft.Authorization/roleAssignments?api-version=${AUTHZ}`;
    const mine = await get(`${base}&$filter=${encodeURIComponent(`assignedTo('${NESTED_OID}')`)}`);
    assert.equal(mine.status, 200);
    assert.deepEqual((mine.body['value'] as { properties: { principalId: string } }[]).map((a) => a.properties.principalId), ['2c000000-0000-4000-8000-000000000002']);
    const group = await get(`${base}&$filter=${encodeURIComponent(`assignedTo('${TEAM_OID}')`)}`);
    assert.equal(group.status, 400);
    assert.match(JSON.stringify(group.body), /user or a service principal/);
  });

  it('a subject that differs only in letter case answers AADSTS7002138, not AADSTS700213', async () => {
    await assert.rejects(credential(emu, WRONG_CASE).getToken('https://management.azure.com/.default'), (e: Error) => {
      assert.match(e.message, /AADSTS7002138: No matching federated identity record found for presented assertion subject 'repo:octo-org\/octo-repo:environment:production'\. The subject matches with case-insensitive comparison, but not with case-sensitive comparison\./);
      return true;
    });
  });
});

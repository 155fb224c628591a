// The README's least-privilege role for validate ("A least-privilege role for validate") against the
// emulator's RBAC evaluation (test/emulator/rbac.ts): installed as a custom role in the demo world,
// validate with it reads everything it needs (the same findings as the deployer's Contributor
// rights, no request refused), and it cannot deploy: every write a deploy of the same files sends
// is refused with AuthorizationFailed and nothing is created.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { admin, scenarioPath, spawnEmulator, useEmulator, type Emu } from '../emulator/harness.ts';
import { repoRoot, runActionOnEmulator, type ActionRun } from './harness.ts';
import { armAs } from './validate-world.ts';

interface CliRoleDefinition {
  Name: string;
  Actions: string[];
  NotActions: string[];
  DataActions: string[];
  NotDataActions: string[];
  AssignableScopes: string[];
}

/** The JSON block after the README's marker comment. */
function readmeRole(): CliRoleDefinition {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const m = /<!-- least-privilege-validate-role -->\s*```json\n([\s\S]*?)\n```/.exec(readme);
  assert.ok(m, 'the README has the role definition block');
  return JSON.parse(m[1] as string) as CliRoleDefinition;
}

const VALIDATOR = { clientId: '7a000000-0000-4000-8000-000000000001', objectId: '7b000000-0000-4000-8000-000000000001' };
const FILES = { 'endpoint-file': 'examples/endpoint.yml', 'deployment-file': 'examples/deployment.yml' };

/** The demo world, plus a validator app holding only the README role, on the subscription. */
function worldWith(role: CliRoleDefinition): string {
  const scenario = parse(readFileSync(scenarioPath('demo.yml'), 'utf8')) as Record<string, unknown[]> & { principals: unknown[]; roleAssignments: unknown[] };
  scenario.principals.push({ name: 'validator', type: 'ServicePrincipal', ...VALIDATOR, federatedCredentials: [{ subject: 'repo:octo-org/octo-repo:environment:production' }] });
  scenario.roleDefinitions = [
    {
      id: '7c000000-0000-4000-8000-000000000001',
      roleName: role.Name,
      permissions: [{ actions: role.Actions, notActions: role.NotActions, dataActions: role.DataActions, notDataActions: role.NotDataActions }],
    },
  ];
  scenario.roleAssignments.push({ principal: 'validator', role: role.Name, scope: 'subscription' });
  const file = join(mkdtempSync(join(tmpdir(), 'aod-least-')), 'world.yml');
  writeFileSync(file, stringify(scenario));
  return file;
}

const shape = (run: ActionRun) => run.annotations.filter((a) => a.properties.file).map((a) => `${a.command} ${a.properties.title?.split(':')[0]} ${a.properties.file}:${a.properties.line}`).sort();

describe("the README's least-privilege role for validate (emulator RBAC)", () => {
  const role = readmeRole();
  let emu: Emu;
  before(async () => {
    emu = await spawnEmulator(worldWith(role));
    useEmulator(emu);
  });
  after(async () => emu?.stop());

  it('holds only reads, listsecrets and secret metadata: no write, delete, wildcard or value read', () => {
    for (const action of role.Actions) assert.match(action, /\/(read|listsecrets\/action)$/, action);
    assert.ok(!role.Actions.some((a) => a.includes('*')), 'no wildcard');
    assert.deepEqual(role.DataActions, ['Microsoft.KeyVault/vaults/secrets/readMetadata/action']);
  });

  it('validate with it finds what validate with Contributor finds, and no read is refused', async () => {
    await admin(emu, 'DELETE', '/requests');
    const asDeployer = await runActionOnEmulator(emu, { workspace: repoRoot, inputs: { mode: 'validate', ...FILES } });
    await admin(emu, 'DELETE', '/requests');
    const asValidator = await runActionOnEmulator(emu, { workspace: repoRoot, inputs: { mode: 'validate', ...FILES, 'client-id': VALIDATOR.clientId } });
    const log = (await admin<{ method: string; host: string; path: string; status: number }[]>(emu, 'GET', '/requests')).body;
    assert.deepEqual(log.filter((r) => r.status === 401 || r.status === 403).map((r) => `${r.status} ${r.method} ${r.host}${r.path}`), [], 'no request refused');
    assert.ok(log.some((r) => /\/listsecrets$/i.test(r.path)) && log.some((r) => /\.vault\.azure\.net$/.test(r.host)), 'the online checks ran');
    assert.deepEqual(shape(asValidator), shape(asDeployer));
    assert.ok(!asValidator.stdout.includes('cannot-verify'), asValidator.stdout.slice(-2000));
    assert.equal(asValidator.code, asDeployer.code);
  });

  it('cannot deploy: every write a deploy sends is refused with AuthorizationFailed, and nothing is created', async () => {
    const planned = await runActionOnEmulator(emu, { workspace: repoRoot, inputs: { mode: 'validate', ...FILES, 'grant-missing-roles': 'true' } });
    const plan = JSON.parse(planned.outputs.plan ?? '') as { requests: { method: string; path: string; apiVersion: string; body?: unknown }[] };
    const puts = plan.requests.filter((r) => r.method === 'PUT');
    assert.ok(puts.length >= 2, 'the endpoint and the deployment');
    const state = (await admin<{ keyVaults: { name: string; id?: string }[] }>(emu, 'GET', '/state')).body;
    const vault = JSON.stringify(state).match(/\/subscriptions\/[^"]+\/providers\/Microsoft\.KeyVault\/vaults\/demo-kv/)?.[0];
    assert.ok(vault, 'the vault id');
    const writes: { method: 'PUT' | 'DELETE'; path: string; apiVersion: string; body?: unknown }[] = [
      ...puts.map((r) => ({ method: 'PUT' as const, path: r.path, apiVersion: r.apiVersion, body: r.body })),
      {
        method: 'PUT',
        path: `${vault}/providers/Microsoft.Authorization/roleAssignments/7d000000-0000-4000-8000-000000000001`,
        apiVersion: '2022-04-01',
        body: { properties: { roleDefinitionId: '/providers/Microsoft.Authorization/roleDefinitions/4633458b-17de-408a-b874-0445c86b69e6', principalId: VALIDATOR.objectId, principalType: 'ServicePrincipal' } },
      },
      { method: 'DELETE', path: (puts[0] as { path: string }).path, apiVersion: (puts[0] as { apiVersion: string }).apiVersion },
    ];
    const arm = armAs(emu, VALIDATOR.clientId);
    for (const w of writes) {
      await assert.rejects(arm.send({ method: w.method, path: w.path, apiVersion: w.apiVersion, body: w.body }), (e: { code?: string }) => {
        assert.equal(e.code, 'AuthorizationFailed', `${w.method} ${w.path}`);
        return true;
      });
    }
    const after = JSON.stringify((await admin(emu, 'GET', '/state')).body);
    assert.ok(!after.includes('onlineEndpoints/demo-endpoint'), 'no endpoint was created');
  });
});

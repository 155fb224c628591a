// Scenario validation (clear errors with key paths) and the reference-pattern parser, both pure.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SCENARIO_PAST, ScenarioError, loadScenario, parseScenario } from './scenario.ts';
import { evaluate } from './rbac.ts';
import { parseReference } from './secret-injection.ts';
import { World } from './state.ts';

const minimal = (): Record<string, unknown> => ({
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  subscription: { id: '00000000-1111-2222-3333-444444444444' },
  workspace: { name: 'ws', resourceGroup: 'rg', storageAccount: 'st', keyVault: 'kv' },
  principals: [{ name: 'app', clientId: '0b7e2c4d-5a6f-4e3b-9c1d-2e3f4a5b6c7d', federatedCredentials: ['repo:o/r:environment:prod'] }],
});

describe('scenario loader', () => {
  it('loads every shipped scenario and builds its world', () => {
    const dir = fileURLToPath(new URL('./scenarios/', import.meta.url));
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yml'))) {
      const s = loadScenario(`${dir}${f}`);
      assert.ok(new World(s).principals.size > 0, f);
    }
  });

  const bad: { name: string; patch: (d: Record<string, unknown>) => void; error: RegExp }[] = [
    { name: 'unknown root key', patch: (d) => { d['workspaces'] = {}; }, error: /\(root\)\.workspaces: unknown key/ },
    { name: 'tenant not a GUID', patch: (d) => { d['tenantId'] = 'contoso'; }, error: /tenantId: must be a GUID/ },
    { name: 'workspace name missing', patch: (d) => { delete (d['workspace'] as Record<string, unknown>)['name']; }, error: /workspace\.name: is required/ },
    { name: 'bad principal type', patch: (d) => { (d['principals'] as Record<string, unknown>[])[0]!['type'] = 'Robot'; }, error: /principals\[0\]\.type/ },
    { name: 'workflow principal without clientId', patch: (d) => { delete (d['principals'] as Record<string, unknown>[])[0]!['clientId']; }, error: /needs a clientId/ },
    { name: 'bad connection name', patch: (d) => { d['connections'] = [{ name: 'x', authType: 'None' }]; }, error: /connections\[0\]\.name/ },
    { name: 'CustomKeys credentials not in ARM shape', patch: (d) => { d['connections'] = [{ name: 'conn1', authType: 'CustomKeys', credentials: { A: 'b' } }]; }, error: /CustomKeys credentials must be \{keys/ },
    { name: 'secret without versions', patch: (d) => { d['keyVaults'] = [{ name: 'kv1', secrets: [{ name: 's', versions: [] }] }]; }, error: /keyVaults\[0\]\.secrets\[0\]\.versions: needs at least one/ },
    { name: 'bad permission model', patch: (d) => { d['keyVaults'] = [{ name: 'kv1', permissionModel: 'acl' }]; }, error: /permissionModel: must be rbac or accessPolicy/ },
    { name: 'bad scoring behaviour', patch: (d) => { d['behaviour'] = { deployments: { blue: { scoring: 'flaky' } } }; }, error: /behaviour\.deployments\.blue\.scoring/ },
    { name: 'unknown cloud', patch: (d) => { d['cloud'] = 'AzureGermanCloud'; }, error: /cloud: must be AzureCloud, AzureUSGovernment or AzureChinaCloud/ },
    { name: 'unknown knob', patch: (d) => { d['behaviour'] = { lro: { polls: 3 } }; }, error: /behaviour\.lro\.polls: unknown key/ },
    { name: 'a quota limit that is not a number', patch: (d) => { d['behaviour'] = { quota: { standardDSv2Family: { limit: 'ten' } } }; }, error: /behaviour\.quota\.standardDSv2Family\.limit: must be a number/ },
    { name: 'an unknown datastore credential type', patch: (d) => { d['behaviour'] = { storage: { datastoreCredentials: 'Sas' } }; }, error: /behaviour\.storage\.datastoreCredentials: must be AccountKey or None/ },
    { name: 'a role assignment created at no date', patch: (d) => { d['roleAssignments'] = [{ principal: 'app', role: 'Reader', scope: 'workspace', created: 'yesterday' }]; }, error: /roleAssignments\[0\]\.created: must be an ISO date or unix seconds/ },
    { name: 'a principal created at no date', patch: (d) => { (d['principals'] as Record<string, unknown>[])[0]!['created'] = true; }, error: /principals\[0\]\.created: must be an ISO date or unix seconds/ },
    { name: 'an unknown rbac knob', patch: (d) => { d['behaviour'] = { rbac: { delay: 5 } }; }, error: /behaviour\.rbac\.delay: unknown key/ },
  ];
  for (const b of bad) {
    it(`rejects ${b.name}`, () => {
      const d = minimal();
      b.patch(d);
      assert.throws(() => parseScenario(d, 'x.yml'), (e: Error) => e instanceof ScenarioError && b.error.test(e.message));
    });
  }

  it('rejects role assignments naming unknown principals or roles when the world is built', () => {
    const d = minimal();
    d['roleAssignments'] = [{ principal: 'ghost', role: 'Reader', scope: 'workspace' }];
    assert.throws(() => new World(parseScenario(d, 'x.yml')), /unknown principal 'ghost'/);
    d['roleAssignments'] = [{ principal: 'app', role: 'Chief', scope: 'workspace' }];
    assert.throws(() => new World(parseScenario(d, 'x.yml')), /unknown role 'Chief'/);
  });
});

describe('secret reference patterns (seeds/001)', () => {
  const cases: [string, unknown][] = [
    ['${{azureml://connections/aoai}}', { kind: 'connection', connection: 'aoai' }],
    ['${{azureml://connections/multi/credentials/OPENAI_API_KEY}}', { kind: 'credential', connection: 'multi', key: 'OPENAI_API_KEY' }],
    ['${{azureml://connections/multi/metadata/OPENAI_API_VERSION}}', { kind: 'metadata', connection: 'multi', key: 'OPENAI_API_VERSION' }],
    ['${{azureml://connections/aoai/target}}', { kind: 'target', connection: 'aoai' }],
    ['${{keyvault:https://kv1.vault.azure.net/secrets/s1/0a1b2c}}', { kind: 'keyvault', vault: 'kv1', secret: 's1', version: '0a1b2c' }],
    ['${{azureml://connection/aoai}}', undefined],
    ['${{keyvault:https://kv1.vault.azure.net/secrets/s1}}', undefined],
    [' ${{azureml://connections/aoai}}', undefined],
    ['${azureml://connections/aoai}', undefined],
    ['plain', undefined],
  ];
  for (const [value, expected] of cases) {
    it(`${value} → ${expected === undefined ? 'literal' : (expected as { kind: string }).kind}`, () => assert.deepEqual(parseReference(value), expected));
  }

  // What a scenario seeds existed long before the run (propagated, replicated), unless it says `created: now`:
  // the action's role-not-yet-effective notice reads createdOn, and the emulator grants from createdOn + rbac.propagationSeconds.
  describe('created: backdated by default, new when the scenario says so', () => {
    const cases: { name: string; created?: unknown; propagationSeconds: number; createdOn: (builtAt: number) => string; grantsNow: boolean }[] = [
      { name: 'no created: long ago, grants at once', propagationSeconds: 600, createdOn: () => new Date(SCENARIO_PAST * 1000).toISOString(), grantsNow: true },
      { name: 'an ISO date in the past', created: '2026-01-02T03:04:05Z', propagationSeconds: 600, createdOn: () => '2026-01-02T03:04:05.000Z', grantsNow: true },
      { name: 'unix seconds', created: 1750000000, propagationSeconds: 600, createdOn: () => new Date(1750000000 * 1000).toISOString(), grantsNow: true },
      { name: 'now, with propagation: listed, not granting yet', created: 'now', propagationSeconds: 600, createdOn: (b) => new Date(b).toISOString(), grantsNow: false },
      { name: 'now, without propagation: new, granting', created: 'now', propagationSeconds: 0, createdOn: (b) => new Date(b).toISOString(), grantsNow: true },
    ];
    for (const c of cases) {
      it(c.name, () => {
        const d = minimal();
        d['roleAssignments'] = [{ principal: 'app', role: 'Reader', scope: 'workspace', ...(c.created === undefined ? {} : { created: c.created }) }];
        d['behaviour'] = { rbac: { propagationSeconds: c.propagationSeconds } };
        const w = new World(parseScenario(d, 'x.yml'));
        const [a] = w.roleAssignments;
        assert.ok(a);
        assert.equal(a.createdOn, c.createdOn(w.builtAt));
        const app = w.findPrincipal('app')?.objectId ?? '';
        const decide = (at: number) => evaluate([app], w.roleAssignments, (g) => w.roleDefinitions.get(g), 'Microsoft.MachineLearningServices/workspaces/read', w.workspaceId, false, at).allowed;
        assert.equal(decide(w.builtAt), c.grantsNow);
        assert.equal(decide(w.builtAt + c.propagationSeconds * 1000 + 1), true, 'propagated once the delay has passed since createdOn');
      });
    }

    it('principals: replicated long ago by default, or created when the world is built', () => {
      const d = minimal();
      (d['principals'] as Record<string, unknown>[]).push({ name: 'fresh', created: 'now' }, { name: 'dated', created: '2026-03-01T00:00:00Z' });
      const w = new World(parseScenario(d, 'x.yml'));
      assert.equal(w.findPrincipal('app')?.createdAt, SCENARIO_PAST * 1000);
      assert.equal(w.findPrincipal('fresh')?.createdAt, w.builtAt);
      assert.equal(w.findPrincipal('dated')?.createdAt, Date.parse('2026-03-01T00:00:00Z'));
    });
  });
});

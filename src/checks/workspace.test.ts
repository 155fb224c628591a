// workspace check and gate: table tests with plain facts (docs/online-checks.md §workspace).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { runChecks } from './registry.ts';
import { workspaceCheck, workspaceGate } from './workspace.ts';
import { brief, context, facts, kvRef, ref, V1 } from './testkit.ts';
import type { Lookup, WorkspaceAddressFacts, WorkspaceFacts } from './facts.ts';

const SUB = '00000000-0000-0000-0000-000000000001';
const addr = (p: Partial<WorkspaceAddressFacts>): WorkspaceAddressFacts => ({ subscriptionId: SUB, resourceGroup: 'ml-rg', workspaceName: 'ws1', ...p });
const missing: Lookup<WorkspaceFacts> = { kind: 'missing' };

describe('workspace check', () => {
  const table: Array<{ name: string; workspace?: Lookup<WorkspaceFacts>; address?: WorkspaceAddressFacts; want: string[]; message?: RegExp; hint?: RegExp; gated: boolean }> = [
    { name: 'found: nothing', address: addr({}), want: [], gated: false },
    {
      name: 'workspace missing, names listed: did you mean',
      workspace: missing,
      address: addr({ workspaceName: 'wss1', problem: 'workspace-not-found', answer: '404 ResourceNotFound on GET …', existing: [{ name: 'ws1' }, { name: 'other-ws' }] }),
      want: ['workspace-not-found@1:error'],
      message: /workspace-name wss1: resource group ml-rg has no such workspace \(404 ResourceNotFound on GET …\)\. It has: ws1, other-ws\./,
      hint: /Did you mean ws1\? Set `workspace-name: ws1`/,
      gated: true,
    },
    {
      name: 'workspace missing, not listable: the list command, no names',
      workspace: missing,
      address: addr({ workspaceName: 'nothing-like-it', problem: 'workspace-not-found' }),
      want: ['workspace-not-found@1:error'],
      message: /has no such workspace\.$/,
      hint: /az ml workspace list --resource-group ml-rg/,
      gated: true,
    },
    {
      name: 'resource group missing',
      workspace: missing,
      address: addr({ resourceGroup: 'ml-gr', problem: 'resource-group-not-found', existing: [{ name: 'ml-rg' }, { name: 'sec-rg' }] }),
      want: ['workspace-not-found@1:error'],
      message: /resource-group ml-gr: subscription .* has no such resource group\. It has: ml-rg, sec-rg\./,
      hint: /Did you mean ml-rg\?/,
      gated: true,
    },
    {
      name: 'subscription missing: the ids the caller sees, with their names',
      workspace: missing,
      address: addr({ subscriptionId: SUB.replace(/1$/, '2'), problem: 'subscription-not-found', existing: [{ name: SUB, displayName: 'Prod' }] }),
      want: ['workspace-not-found@1:error'],
      message: new RegExp(`sees the subscriptions: ${SUB} \\(Prod\\)`),
      hint: new RegExp(`Did you mean ${SUB}\\?`),
      gated: true,
    },
    {
      name: 'listed and empty: says so',
      workspace: missing,
      address: addr({ problem: 'resource-group-not-found', existing: [] }),
      want: ['workspace-not-found@1:error'],
      message: /none the signed-in identity may see/,
      gated: true,
    },
    {
      name: 'refused: unreadable, never "does not exist"',
      workspace: { kind: 'unreadable', why: '403 AuthorizationFailed on GET …', permission: 'Microsoft.MachineLearningServices/workspaces/read' },
      address: addr({ problem: 'refused', answer: '403 AuthorizationFailed on GET …' }),
      want: ['workspace-unreadable@1:error'],
      message: /could not be read \(403 AuthorizationFailed/,
      gated: true,
    },
    {
      name: '5xx after retries: cannot-verify, the other checks run',
      workspace: { kind: 'unreadable', why: 'GET … failed: 503 ServiceUnavailable' },
      address: addr({}),
      want: ['cannot-verify@1:warning'],
      message: /Cannot read the workspace \(GET … failed: 503/,
      gated: false,
    },
  ];
  for (const c of table) {
    test(c.name, () => {
      const ctx = context({ facts: facts({ ...(c.workspace ? { workspace: c.workspace } : {}), workspaceAddress: c.address }) });
      const findings = workspaceCheck.run(ctx);
      assert.deepEqual(brief(findings), c.want);
      if (c.message) assert.match(findings[0]?.message ?? '', c.message);
      if (c.hint) assert.match(findings[0]?.hint ?? '', c.hint);
      assert.doesNotMatch(findings.map((f) => f.message).join('\n'), c.address?.problem === 'refused' || !c.address?.problem ? /does not exist|no such/ : /^$/);
      assert.equal(workspaceGate(ctx) !== undefined, c.gated);
    });
  }

  test('a gated run: the workspace finding only, every reference unknown, no plan lines', () => {
    const references = [ref('T', '${{azureml://connections/aoai/target}}', 8), kvRef('DB', 'db-password', V1, 9)];
    const ctx = context({ references, facts: facts({ workspace: missing, workspaceAddress: addr({ problem: 'workspace-not-found' }), connections: { aoai: { kind: 'missing' } }, assets: {} }) });
    const outcome = runChecks(ctx);
    assert.deepEqual(outcome.findings.map((f) => f.rule), ['workspace-not-found']);
    assert.equal(outcome.workspaceBlocked, true);
    assert.deepEqual(outcome.references.map((r) => r.status.state), ['unknown', 'unknown']);
    assert.deepEqual([outcome.quota, outcome.identityPlan, outcome.grants], [[], [], []]);
  });

  test('not gated: the other checks still report (a missing connection is connection-not-found)', () => {
    const references = [ref('T', '${{azureml://connections/aoai/target}}', 8)];
    const outcome = runChecks(context({ references, facts: facts({ connections: { aoai: { kind: 'missing' } } }) }));
    assert.ok(outcome.findings.some((f) => f.rule === 'connection-not-found'));
    assert.equal(outcome.workspaceBlocked, undefined);
  });
});

// readWorkspaceAddress over a scripted ARM: which part of the address ARM names, and one list at
// the level above (docs/online-checks.md §workspace).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ArmError } from './rest.ts';
import { scriptedArm as scripted } from './testkit.ts';
import { classify, readWorkspaceAddress } from './workspace.ts';

const SUB = '00000000-0000-0000-0000-000000000001';
const WS_PATH = `/subscriptions/${SUB}/resourceGroups/ml-rg/providers/Microsoft.MachineLearningServices/workspaces/ws1`;
const err = (status: number, code: string, path = WS_PATH) => new ArmError({ status, code, message: code, method: 'GET', path });

describe('workspace address', () => {
  test('classify', () => {
    const table: Array<[number, string, string | undefined]> = [
      [404, 'SubscriptionNotFound', 'subscription-not-found'],
      [404, 'ResourceGroupNotFound', 'resource-group-not-found'],
      [404, 'ResourceNotFound', 'workspace-not-found'],
      [403, 'AuthorizationFailed', 'refused'],
      [401, 'InvalidAuthenticationTokenTenant', 'refused'],
      [503, 'ServiceUnavailable', undefined],
      [0, 'ECONNRESET', undefined],
    ];
    for (const [status, code, want] of table) assert.equal(classify(err(status, code)), want, `${status} ${code}`);
  });

  const table: Array<{ name: string; answers: Record<string, unknown>; kind: string; problem?: string; existing?: string[]; sent: number }> = [
    { name: 'found: one request', answers: { [WS_PATH]: { id: WS_PATH, location: 'East US', properties: {} } }, kind: 'found', sent: 1 },
    {
      name: 'workspace missing: the workspaces of the resource group',
      answers: { [WS_PATH]: err(404, 'ResourceNotFound'), [`/subscriptions/${SUB}/resourceGroups/ml-rg/providers/Microsoft.MachineLearningServices/workspaces`]: { value: [{ name: 'ws-1', properties: { friendlyName: 'ws-1' } }] } },
      kind: 'missing', problem: 'workspace-not-found', existing: ['ws-1'], sent: 2,
    },
    {
      name: 'resource group missing: the resource groups of the subscription',
      answers: { [WS_PATH]: err(404, 'ResourceGroupNotFound'), [`/subscriptions/${SUB}/resourcegroups`]: { value: [{ name: 'ml-rg2' }] } },
      kind: 'missing', problem: 'resource-group-not-found', existing: ['ml-rg2'], sent: 2,
    },
    {
      name: 'subscription missing: the subscriptions the caller sees',
      answers: { [WS_PATH]: err(404, 'SubscriptionNotFound'), '/subscriptions': { value: [{ subscriptionId: SUB, displayName: 'Prod' }] } },
      kind: 'missing', problem: 'subscription-not-found', existing: [SUB], sent: 2,
    },
    { name: 'the list refused: no names, still missing', answers: { [WS_PATH]: err(404, 'ResourceGroupNotFound'), [`/subscriptions/${SUB}/resourcegroups`]: err(403, 'AuthorizationFailed') }, kind: 'missing', problem: 'resource-group-not-found', sent: 2 },
    { name: '403: unreadable, refused, no list', answers: { [WS_PATH]: err(403, 'AuthorizationFailed') }, kind: 'unreadable', problem: 'refused', sent: 1 },
    { name: '503 after retries: unreadable, no problem, no list', answers: { [WS_PATH]: err(503, 'ServiceUnavailable') }, kind: 'unreadable', sent: 1 },
  ];
  for (const c of table) {
    test(c.name, async () => {
      const { arm, sent } = scripted(c.answers);
      const r = await readWorkspaceAddress({ arm, subscriptionId: SUB, resourceGroup: 'ml-rg', workspaceName: 'ws1', workspacePath: WS_PATH });
      assert.equal(r.workspace.kind, c.kind);
      assert.equal(r.address.problem, c.problem);
      assert.deepEqual(r.address.existing?.map((e) => e.name), c.existing);
      assert.equal(sent.length, c.sent);
    });
  }
});

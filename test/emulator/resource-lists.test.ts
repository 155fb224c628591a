// The address lists (resource-lists.ts) and the not-found answers the action classifies
// (src/azure/workspace.ts): SubscriptionNotFound, ResourceGroupNotFound, ResourceNotFound, and 403
// before the lookup for a caller who may not read the scope.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Emu } from './harness.ts';
import { ArmError } from '../../src/azure/rest.ts';
import { OPERATOR_CLIENT_ID, SUB, armAs, startWorld } from '../e2e/validate-world.ts';

const ML = '2026-03-01';
const RES = '2022-12-01';

describe('emulator: workspace address lists and not-found answers', () => {
  let emu: Emu;
  before(async () => {
    emu = await startWorld();
  });
  after(async () => {
    await emu.stop();
  });
  const status = async (clientId: string | undefined, path: string, apiVersion: string): Promise<string> => {
    try {
      const res = await armAs(emu, clientId).send<{ value?: Array<{ name?: string; subscriptionId?: string }> }>({ method: 'GET', path, apiVersion });
      return `200 ${(res.body.value ?? []).map((v) => v.name ?? v.subscriptionId).join(',')}`;
    } catch (e) {
      if (e instanceof ArmError) return `${e.status} ${e.code}`;
      throw e;
    }
  };
  const WS = (sub: string, rg: string, ws: string) => `/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/workspaces/${ws}`;
  const table: Array<{ name: string; client?: string; path: string; api: string; want: string }> = [
    { name: 'subscriptions the caller holds a role in', path: '/subscriptions', api: RES, want: `200 ${SUB}` },
    { name: 'resource groups of the subscription', path: `/subscriptions/${SUB}/resourcegroups`, api: RES, want: '200 val-rg' },
    { name: 'resource groups: only those the caller may read (its role lacks resourceGroups/read)', client: OPERATOR_CLIENT_ID, path: `/subscriptions/${SUB}/resourcegroups`, api: RES, want: '200 ' },
    { name: 'workspaces of a resource group', path: `/subscriptions/${SUB}/resourceGroups/val-rg/providers/Microsoft.MachineLearningServices/workspaces`, api: ML, want: '200 val-ws' },
    { name: 'workspaces of a resource group that does not exist', path: `/subscriptions/${SUB}/resourceGroups/val-rgg/providers/Microsoft.MachineLearningServices/workspaces`, api: ML, want: '404 ResourceGroupNotFound' },
    { name: 'a workspace that does not exist', path: WS(SUB, 'val-rg', 'val-wss'), api: ML, want: '404 ResourceNotFound' },
    { name: 'a resource group that does not exist', path: WS(SUB, 'val-rgg', 'val-ws'), api: ML, want: '404 ResourceGroupNotFound' },
    { name: 'a subscription that does not exist', path: WS(SUB.replace(/4$/, '5'), 'val-rg', 'val-ws'), api: ML, want: '404 SubscriptionNotFound' },
    { name: 'a resource group outside what the caller may read: 403 before the lookup', client: OPERATOR_CLIENT_ID, path: WS(SUB, 'val-rgg', 'val-ws'), api: ML, want: '403 AuthorizationFailed' },
  ];
  for (const c of table) {
    it(c.name, async () => {
      assert.equal(await status(c.client, c.path, c.api), c.want);
    });
  }
});

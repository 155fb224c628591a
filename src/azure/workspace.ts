// The workspace read that every other online read depends on, and, when it fails, which part of
// its address is wrong (docs/online-checks.md §workspace): ARM's 404 code says it directly
// (SubscriptionNotFound, ResourceGroupNotFound, ResourceNotFound), and one list at the level
// above names what does exist, when the caller may list it. Read-only: GETs only.
import type { Lookup, WorkspaceAddressFacts, WorkspaceFacts } from '../checks/facts.ts';
import { ML_API_VERSION } from '../manifests/rest.ts';
import { obj, str, type Json } from './json.ts';
import { parseWorkspace } from './ml.ts';
import { failedLookup, listAll } from './read.ts';
import { ArmError, type ArmClient } from './rest.ts';

/** Microsoft.Resources api-version for the subscription and resource-group lists (in the Resources REST spec). */
export const RESOURCES_API_VERSION = '2022-12-01';
export const WORKSPACE_READ_PERMISSION = 'Microsoft.MachineLearningServices/workspaces/read';

export interface WorkspaceScope {
  arm: ArmClient;
  subscriptionId: string;
  resourceGroup: string;
  workspaceName: string;
  workspacePath: string;
}

export interface WorkspaceRead {
  workspace: Lookup<WorkspaceFacts>;
  address: WorkspaceAddressFacts;
}

/** One GET of the workspace; on a 404 or 403, one list at the level ARM names as wrong. */
export async function readWorkspaceAddress(s: WorkspaceScope): Promise<WorkspaceRead> {
  const address: WorkspaceAddressFacts = { subscriptionId: s.subscriptionId, resourceGroup: s.resourceGroup, workspaceName: s.workspaceName };
  try {
    const res = await s.arm.send({ method: 'GET', path: s.workspacePath, apiVersion: ML_API_VERSION });
    return { workspace: { kind: 'found', value: parseWorkspace(res.body) }, address };
  } catch (error) {
    const workspace = failedLookup(error, WORKSPACE_READ_PERMISSION);
    if (!(error instanceof ArmError)) return { workspace, address };
    const problem = classify(error);
    if (!problem) return { workspace, address };
    address.problem = problem;
    address.answer = `${error.status} ${error.code} on ${error.method} ${error.path}`;
    const existing = await listLevel(s, problem);
    if (existing) address.existing = existing;
    // A 404 at any level is `missing`; a refusal stays `unreadable`.
    return { workspace: problem === 'refused' ? workspace : { kind: 'missing' }, address };
  }
}

/** The part of the address ARM's answer names; undefined for a failure that says nothing about it (5xx, network). */
export function classify(error: ArmError): WorkspaceAddressFacts['problem'] {
  if (error.status === 401 || error.status === 403) return 'refused';
  if (error.status !== 404) return undefined;
  if (error.code === 'SubscriptionNotFound') return 'subscription-not-found';
  if (error.code === 'ResourceGroupNotFound') return 'resource-group-not-found';
  return 'workspace-not-found';
}

/** Names one level above the wrong part; undefined when the list is refused or fails (never a guess). */
async function listLevel(s: WorkspaceScope, problem: NonNullable<WorkspaceAddressFacts['problem']>): Promise<WorkspaceAddressFacts['existing']> {
  try {
    if (problem === 'subscription-not-found') {
      const items = await listAll<Json>(s.arm, { method: 'GET', path: '/subscriptions', apiVersion: RESOURCES_API_VERSION });
      return items.map((i) => ({ name: str(i.subscriptionId) ?? '', displayName: str(i.displayName) })).filter((i) => i.name);
    }
    if (problem === 'resource-group-not-found') {
      const items = await listAll<Json>(s.arm, { method: 'GET', path: `/subscriptions/${s.subscriptionId}/resourcegroups`, apiVersion: RESOURCES_API_VERSION });
      return items.map((i) => ({ name: str(i.name) ?? '' })).filter((i) => i.name);
    }
    if (problem === 'workspace-not-found') {
      const path = `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces`;
      const items = await listAll<Json>(s.arm, { method: 'GET', path, apiVersion: ML_API_VERSION });
      // Hubs and projects are workspaces too (`kind`); all of them can hold endpoints.
      return items.map((i) => ({ name: str(i.name) ?? '', displayName: str(obj(i.properties).friendlyName) })).filter((i) => i.name);
    }
    return undefined;
  } catch {
    return undefined;
  }
}

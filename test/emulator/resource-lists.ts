// The lists a caller uses to find the right workspace address: subscriptions, resource groups of a
// subscription, workspaces of a resource group (the action reads one when the workspace GET says a
// part of the address does not exist; src/azure/workspace.ts). Shapes: Microsoft.Resources
// Subscriptions_List / ResourceGroups_List (azure-rest-api-specs resources/…/2022-12-01) and
// Workspaces_ListByResourceGroup. Filtering (assumption, labelled): ARM lists only the
// subscriptions where the caller holds some role, and the resource groups it may read; the
// front door (arm.ts) already refuses the workspace list without read on the resource group.
import type { ArmCall } from './arm-common.ts';
import { decide } from './arm-common.ts';
import { json } from './http.ts';
import type { EmuResponse } from './http.ts';
import { workspaceResource } from './ml-workspace.ts';
import { scopeCovers } from './rbac.ts';

export function listSubscriptions(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const s = w.scenario;
  const principals = new Set(w.principalAndGroups(call.principal.objectId).map((p) => p.toLowerCase()));
  const sub = `/subscriptions/${s.subscriptionId}`;
  // Any role at the subscription, below it, or above it (root / management group) makes it visible.
  const visible = w.roleAssignments.some((a) => principals.has(a.principalId.toLowerCase()) && (scopeCovers(a.scope, sub) || scopeCovers(sub, a.scope)));
  const value = visible
    ? [{ id: sub, authorizationSource: 'RoleBased', managedByTenants: [], subscriptionId: s.subscriptionId, tenantId: s.tenantId, displayName: s.subscriptionName, state: 'Enabled', subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' } }]
    : [];
  return json(200, { value, count: { type: 'Total', value: value.length } });
}

export function listResourceGroups(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const value = w.scenario.resourceGroups
    .filter((rg) => decide(call.ctx, call.principal.objectId, 'Microsoft.Resources/subscriptions/resourceGroups/read', w.rgId(rg)).allowed)
    .map((rg) => ({ id: w.rgId(rg), name: rg, type: 'Microsoft.Resources/resourceGroups', location: w.scenario.location, properties: { provisioningState: 'Succeeded' } }));
  return json(200, { value });
}

export function listWorkspacesInResourceGroup(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const rg = call.params[1] ?? '';
  const value = w.scenario.workspace.resourceGroup.toLowerCase() === rg.toLowerCase() ? [workspaceResource(w)] : [];
  return json(200, { value });
}

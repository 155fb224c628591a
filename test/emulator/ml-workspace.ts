// AzureML workspace GET and workspace connections (GET never returns credentials; POST listsecrets does).
// Shapes: contracts/machinelearningservices/2026-03-01/Workspaces_Get.json, WorkspaceConnections_Get.json,
// WorkspaceConnections_ListSecrets.json and fixtures/WorkspaceConnection_CustomKeys_listsecrets.response.json.
import type { ArmCall } from './arm-common.ts';
import { armError, parseArmBody } from './arm-common.ts';
import { json } from './http.ts';
import type { EmuResponse } from './http.ts';
import type { ScenarioConnection } from './scenario.ts';
import type { World } from './state.ts';

export function workspaceResource(world: World): Record<string, unknown> {
  const s = world.scenario;
  const ws = s.workspace;
  return {
    id: world.workspaceId, name: ws.name, type: 'Microsoft.MachineLearningServices/workspaces', location: ws.location, kind: 'Default', tags: {},
    identity: { type: 'SystemAssigned', principalId: '6b0f6c6a-0000-4000-8000-00000000aaaa', tenantId: s.tenantId },
    sku: { name: 'Basic', tier: 'Basic' },
    properties: {
      friendlyName: ws.name, description: '', provisioningState: 'Succeeded', hbiWorkspace: false, allowPublicAccessWhenBehindVnet: false,
      publicNetworkAccess: 'Enabled', v1LegacyMode: false,
      storageAccount: world.dependencyId(ws.storageAccount, 'Microsoft.Storage/storageAccounts'),
      keyVault: world.dependencyId(ws.keyVault, 'Microsoft.KeyVault/vaults'),
      containerRegistry: ws.containerRegistry ? world.dependencyId(ws.containerRegistry, 'Microsoft.ContainerRegistry/registries') : null,
      applicationInsights: ws.applicationInsights ? world.dependencyId(ws.applicationInsights, 'microsoft.insights/components') : null,
      serviceProvisionedResourceGroup: `azureml-rg-${ws.name}_${s.subscriptionId.slice(0, 8)}`,
      discoveryUrl: `https://${ws.location}.api.azureml.ms/discovery`, workspaceId: '0f1e2d3c-0000-4000-8000-00000000bbbb',
      mlFlowTrackingUri: `azureml://${ws.location}.api.azureml.ms/mlflow/v1.0${world.workspaceId}`,
    },
    systemData: { createdAt: '2026-01-01T00:00:00Z', createdBy: 'admin@contoso.com', createdByType: 'User', lastModifiedAt: '2026-01-01T00:00:00Z', lastModifiedBy: 'admin@contoso.com', lastModifiedByType: 'User' },
  };
}

export function connectionResource(world: World, c: ScenarioConnection, withSecrets: boolean): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    authType: c.authType, category: c.category, target: c.target ?? null, isSharedToAll: false, sharedUserList: [], expiryTime: null, metadata: c.metadata,
  };
  if (withSecrets && c.credentials) properties['credentials'] = c.credentials;
  return {
    id: `${world.workspaceId}/connections/${c.name}`, name: c.name, type: 'Microsoft.MachineLearningServices/workspaces/connections', properties,
    systemData: { createdAt: '2026-01-01T00:00:00Z', createdBy: 'admin@contoso.com', createdByType: 'User', lastModifiedAt: '2026-01-01T00:00:00Z', lastModifiedBy: 'admin@contoso.com', lastModifiedByType: 'User' },
  };
}

function connectionNotFound(name: string): EmuResponse {
  return armError(404, 'UserError', `Connection ${name} can't be found in this workspace`, { details: [], innerError: { code: 'NotFoundError' } });
}

export function getWorkspace(call: ArmCall): EmuResponse {
  return json(200, workspaceResource(call.ctx.world));
}

export function listConnections(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  return json(200, { value: [...w.connections.values()].map((c) => connectionResource(w, c, false)) });
}

export function getConnection(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const name = call.params[3] ?? '';
  const c = w.connections.get(name.toLowerCase());
  return c ? json(200, connectionResource(w, c, false)) : connectionNotFound(name);
}

export function listConnectionSecrets(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const name = call.params[3] ?? '';
  const c = w.connections.get(name.toLowerCase());
  return c ? json(200, connectionResource(w, c, true)) : connectionNotFound(name);
}

/** PUT a connection (seeding, contracts/.../2025-12-01/WorkspaceConnections_Create.json). */
export function putConnection(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const name = call.params[3] ?? '';
  const parsed = parseArmBody(call.req);
  if (!parsed.ok) return parsed.res;
  const body = parsed.body;
  const p = (body['properties'] ?? {}) as Record<string, unknown>;
  const c: ScenarioConnection = {
    name, category: String(p['category'] ?? 'CustomKeys'), authType: String(p['authType'] ?? 'None'), target: typeof p['target'] === 'string' ? p['target'] : undefined,
    credentials: typeof p['credentials'] === 'object' && p['credentials'] !== null ? (p['credentials'] as Record<string, unknown>) : undefined,
    metadata: typeof p['metadata'] === 'object' && p['metadata'] !== null ? (p['metadata'] as Record<string, string>) : {},
  };
  w.connections.set(name.toLowerCase(), c);
  return json(200, connectionResource(w, c, false));
}

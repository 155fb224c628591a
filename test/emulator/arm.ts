// ARM front door: api-version check, bearer-token validation, case-insensitive routing, RBAC on every call
// (403 AuthorizationFailed), subscription / resource-group / workspace existence, then the service handler.
import { checkApiVersion } from './api-versions.ts';
import type { ArmCall } from './arm-common.ts';
import { armError, armHeaders, authorizationFailed, decide, deriveAction, notFound } from './arm-common.ts';
import * as assets from './assets.ts';
import * as authz from './authorization-api.ts';
import * as datastores from './datastores.ts';
import type { Ctx } from './context.ts';
import { checkAccessToken } from './entra.ts';
import { bearerToken, json, queryGet } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';
import { getVault } from './keyvault.ts';
import { getOperationResult, getOperationStatus } from './lro.ts';
import * as metrics from './metrics.ts';
import * as ml from './ml-workspace.ts';
import * as online from './online.ts';
import * as quota from './quota.ts';
import * as resourceLists from './resource-lists.ts';
import * as computes from './computes.ts';

export const ARM_HOSTS: Record<string, string[]> = {
  'management.azure.com': ['https://management.azure.com', 'https://management.core.windows.net'],
  'management.core.windows.net': ['https://management.azure.com', 'https://management.core.windows.net'],
  'management.usgovcloudapi.net': ['https://management.usgovcloudapi.net', 'https://management.core.usgovcloudapi.net'],
  'management.chinacloudapi.cn': ['https://management.chinacloudapi.cn', 'https://management.core.chinacloudapi.cn'],
};

type Handler = (call: ArmCall) => EmuResponse;
interface Route {
  method: string;
  /** Lower-case literal segments; '*' captures a parameter. */
  pattern: string[];
  handler: Handler;
  /** Not subject to RBAC (operation status of the caller's own operations). */
  noAuthz?: boolean;
  workspace?: boolean;
}

const WS = 'subscriptions/*/resourcegroups/*/providers/microsoft.machinelearningservices/workspaces/*';
const r = (method: string, path: string, handler: Handler, extra: Partial<Route> = {}): Route => ({ method, pattern: path.split('/'), handler, workspace: path.startsWith(WS), ...extra });
const EP = `${WS}/onlineendpoints/*`;
const DEP = `${EP}/deployments/*`;

const ROUTES: Route[] = [
  r('GET', 'subscriptions', resourceLists.listSubscriptions, { noAuthz: true }),
  r('GET', 'subscriptions/*/resourcegroups', resourceLists.listResourceGroups, { noAuthz: true }),
  r('GET', 'subscriptions/*/resourcegroups/*/providers/microsoft.machinelearningservices/workspaces', resourceLists.listWorkspacesInResourceGroup),
  r('GET', 'subscriptions/*', (c) => json(200, { id: `/subscriptions/${c.ctx.world.scenario.subscriptionId}`, subscriptionId: c.ctx.world.scenario.subscriptionId, tenantId: c.ctx.world.scenario.tenantId, displayName: c.ctx.world.scenario.subscriptionName, state: 'Enabled', subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' }, authorizationSource: 'RoleBased' })),
  r('GET', 'subscriptions/*/resourcegroups/*', (c) => json(200, { id: c.ctx.world.rgId(c.params[1] ?? ''), name: c.params[1], type: 'Microsoft.Resources/resourceGroups', location: c.ctx.world.scenario.location, properties: { provisioningState: 'Succeeded' } })),
  r('GET', 'subscriptions/*/providers/microsoft.machinelearningservices/locations/*/mfeoperationsstatus/*', getOperationStatus, { noAuthz: true }),
  r('GET', 'subscriptions/*/providers/microsoft.machinelearningservices/locations/*/mfeoperationresults/*', getOperationResult, { noAuthz: true }),
  r('GET', 'subscriptions/*/providers/microsoft.machinelearningservices/locations/*/usages', quota.listUsages),
  r('GET', 'subscriptions/*/providers/microsoft.machinelearningservices/locations/*/vmsizes', quota.listVmSizes),
  r('GET', 'subscriptions/*/resourcegroups/*/providers/microsoft.keyvault/vaults/*', getVault),
  r('GET', 'subscriptions/*/resourcegroups/*/providers/microsoft.managedidentity/userassignedidentities/*', (c) => {
    const w = c.ctx.world;
    const u = w.scenario.userAssignedIdentities.find((x) => x.name.toLowerCase() === (c.params[2] ?? '').toLowerCase() && x.resourceGroup.toLowerCase() === (c.params[1] ?? '').toLowerCase());
    if (!u) return notFound('Microsoft.ManagedIdentity/userAssignedIdentities', c.params[2] ?? '', c.params[1]);
    return json(200, { id: w.uaiId(u.name, u.resourceGroup), name: u.name, type: 'Microsoft.ManagedIdentity/userAssignedIdentities', location: u.location, tags: {}, properties: { tenantId: w.scenario.tenantId, principalId: u.principalId, clientId: u.clientId } });
  }),
  r('GET', WS, ml.getWorkspace),
  r('GET', `${WS}/connections`, ml.listConnections),
  r('GET', `${WS}/connections/*`, ml.getConnection),
  r('PUT', `${WS}/connections/*`, ml.putConnection),
  r('POST', `${WS}/connections/*/listsecrets`, ml.listConnectionSecrets),
  r('GET', `${WS}/onlineendpoints`, online.listEndpoints),
  r('GET', EP, online.getEndpoint),
  r('PUT', EP, online.putEndpoint),
  r('PATCH', EP, online.patchEndpoint),
  r('DELETE', EP, online.deleteEndpoint),
  r('POST', `${EP}/listkeys`, online.listEndpointKeys),
  r('POST', `${EP}/regeneratekeys`, online.regenerateEndpointKeys),
  r('POST', `${EP}/token`, online.getEndpointToken),
  r('GET', `${EP}/deployments`, online.listDeployments),
  r('GET', DEP, online.getDeployment),
  r('PUT', DEP, online.putDeployment),
  r('PATCH', DEP, online.patchDeployment),
  r('DELETE', DEP, online.deleteDeployment),
  r('POST', `${DEP}/getlogs`, online.getDeploymentLogs),
  r('GET', `${EP}/providers/microsoft.insights/metrics`, metrics.listMetrics),
  r('GET', `${WS}/datastores`, datastores.listDatastores),
  r('GET', `${WS}/datastores/*`, datastores.getDatastore),
  r('POST', `${WS}/datastores/*/listsecrets`, datastores.listDatastoreSecrets),
  r('GET', `${WS}/computes/*`, computes.getCompute),
  r('PUT', `${WS}/computes/*`, computes.putCompute),
  r('DELETE', `${WS}/computes/*`, computes.deleteCompute),
  r('GET', `${WS}/*/*`, assets.getAssetContainer),
  r('PUT', `${WS}/*/*`, assets.putAssetContainer),
  r('GET', `${WS}/*/*/versions`, assets.listAssetVersions),
  r('GET', `${WS}/*/*/versions/*`, assets.getAssetVersion),
  r('PUT', `${WS}/*/*/versions/*`, assets.putAssetVersion),
  r('POST', `${WS}/codes/*/versions/*/startpendingupload`, assets.startPendingUpload),
  r('POST', `${WS}/models/*/versions/*/startpendingupload`, assets.startPendingUpload),
];

function match(route: Route, segs: string[]): string[] | undefined {
  if (route.pattern.length !== segs.length) return undefined;
  const params: string[] = [];
  for (let i = 0; i < segs.length; i++) {
    const p = route.pattern[i];
    const s = segs[i] ?? '';
    if (p === '*') params.push(s);
    else if (p !== s.toLowerCase()) return undefined;
  }
  return params;
}

/** Microsoft.Authorization extension routes at any scope: {scope}/providers/Microsoft.Authorization/{type}[/{name}]. */
function matchAuthorization(method: string, segs: string[]): { handler: Handler; params: string[]; noAuthz?: boolean } | undefined {
  let i = -1;
  for (let k = segs.length - 2; k >= 0; k--) {
    if (segs[k]?.toLowerCase() === 'providers' && segs[k + 1]?.toLowerCase() === 'microsoft.authorization') { i = k; break; }
  }
  if (i < 0) return undefined;
  const type = segs[i + 2]?.toLowerCase();
  const name = segs[i + 3];
  const extra = segs.length - (i + 2);
  const params = [String(i), name ?? ''];
  if (type === 'permissions' && extra === 1 && method === 'GET') return { handler: authz.listPermissions, params, noAuthz: true };
  if (type === 'roleassignments' && extra === 1 && method === 'GET') return { handler: authz.listRoleAssignments, params };
  if (type === 'roleassignments' && extra === 2) {
    if (method === 'GET') return { handler: authz.getRoleAssignment, params };
    if (method === 'PUT') return { handler: authz.putRoleAssignment, params };
    if (method === 'DELETE') return { handler: authz.deleteRoleAssignment, params };
  }
  // Role definitions are readable by every signed-in principal of the tenant (`az role definition list` works without a role).
  if (type === 'roledefinitions' && extra === 1 && method === 'GET') return { handler: authz.listRoleDefinitions, params, noAuthz: true };
  if (type === 'roledefinitions' && extra === 2 && method === 'GET') return { handler: authz.getRoleDefinition, params, noAuthz: true };
  return undefined;
}

const API_VERSION = /^\d{4}-\d{2}-\d{2}(-preview)?$/;

function withArmHeaders(res: EmuResponse): EmuResponse {
  return { ...res, headers: { ...armHeaders(), ...(res.headers ?? {}) } };
}

export function handleArm(ctx: Ctx, req: EmuRequest): EmuResponse {
  return withArmHeaders(route(ctx, req));
}

function route(ctx: Ctx, req: EmuRequest): EmuResponse {
  const w = ctx.world;
  const allowed = ARM_HOSTS[req.host] ?? [];
  const apiVersion = queryGet(req, 'api-version');
  if (!apiVersion) return armError(400, 'MissingApiVersionParameter', 'The api-version query parameter (?api-version=) is required for all requests.');
  if (!API_VERSION.test(apiVersion)) return armError(400, 'InvalidApiVersionParameter', `The api-version '${apiVersion}' is invalid. The supported versions are of the form 'YYYY-MM-DD' or 'YYYY-MM-DD-preview'.`);

  const token = bearerToken(req);
  const check = checkAccessToken(ctx, token, allowed);
  if (!check.ok) {
    const www = { 'WWW-Authenticate': `Bearer authorization_uri="https://login.windows.net/", error="invalid_token", error_description="${check.reason === 'missing' ? "The authentication failed because of missing 'Authorization' header." : 'The access token is invalid.'}"` };
    switch (check.reason) {
      case 'missing': return { ...armError(401, 'AuthenticationFailed', "Authentication failed. The 'Authorization' header is missing."), headers: www };
      case 'expired': return { ...armError(401, 'ExpiredAuthenticationToken', `The access token expiry UTC time '${check.detail}' is earlier than current UTC time '${new Date().toISOString()}'.`), headers: www };
      case 'audience': return { ...armError(401, 'InvalidAuthenticationTokenAudience', `The access token has been obtained for wrong audience or resource '${check.detail}'. It should exactly match with one of the allowed audiences ${allowed.flatMap((a) => [`'${a}/'`, `'${a}'`]).join(',')}.`), headers: www };
      default: return { ...armError(401, 'InvalidAuthenticationToken', 'The access token is invalid.'), headers: www };
    }
  }
  const principal = check.principal;
  const segs = req.path.split('/').filter(Boolean);
  const version = checkApiVersion(segs, apiVersion, w.scenario.workspace.location);
  if (!version.ok) return armError(400, version.code, version.message);
  const base = `https://${req.host}`;

  let handler: Handler | undefined;
  let params: string[] = [];
  let noAuthz = false;
  let workspaceRoute = false;
  const az = matchAuthorization(req.method, segs);
  if (az) {
    ({ handler, params } = az);
    noAuthz = az.noAuthz ?? false;
  } else {
    let methodMismatch = false;
    for (const rt of ROUTES) {
      const p = match(rt, segs);
      if (!p) continue;
      if (rt.method !== req.method) { methodMismatch = true; continue; }
      handler = rt.handler; params = p; noAuthz = rt.noAuthz ?? false; workspaceRoute = rt.workspace ?? false;
      break;
    }
    if (!handler) {
      if (methodMismatch) return armError(405, 'MethodNotAllowed', `The requested resource does not support http method '${req.method}'.`);
      const prov = segs.findIndex((s) => s.toLowerCase() === 'providers');
      return prov >= 0
        ? armError(404, 'InvalidResourceType', `The resource type '${segs.slice(prov + 2).filter((_, k) => k % 2 === 0).join('/')}' could not be found in the namespace '${segs[prov + 1] ?? ''}' for api version '${apiVersion}'.`)
        : armError(404, 'NotFound', `The requested path '${req.path}' is not served by the emulator.`);
    }
  }

  // Subscription, then RBAC, then resource-group existence (ARM authorizes before it looks the resource up).
  if (segs[0]?.toLowerCase() === 'subscriptions' && segs.length > 1 && segs[1]?.toLowerCase() !== w.scenario.subscriptionId) {
    return armError(404, 'SubscriptionNotFound', `The subscription '${segs[1] ?? ''}' could not be found.`);
  }
  if (!noAuthz) {
    const { action, scope } = deriveAction(req.method, segs);
    if (!decide(ctx, principal.objectId, action, scope).allowed) return authorizationFailed(principal, action, scope);
  }
  if (segs[2]?.toLowerCase() === 'resourcegroups' && segs[3] && !w.hasResourceGroup(segs[3])) {
    return armError(404, 'ResourceGroupNotFound', `Resource group '${segs[3]}' could not be found.`);
  }
  if (workspaceRoute) {
    const ws = w.scenario.workspace;
    if ((params[1] ?? '').toLowerCase() !== ws.resourceGroup.toLowerCase() || (params[2] ?? '').toLowerCase() !== ws.name.toLowerCase()) {
      return notFound('Microsoft.MachineLearningServices/workspaces', params[2] ?? '', params[1]);
    }
  }
  return handler({ ctx, req, principal, segs, params, apiVersion, base });
}

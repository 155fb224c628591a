// Online endpoints and deployments: PUT/GET/DELETE as long-running operations, listKeys/token/regenerateKeys,
// getLogs, the system-assigned identity, identity immutability, and the secret-injection rules of
// DESIGN.md §3 / seeds/001 enforced at creation time. Shapes: contracts/machinelearningservices/*/Online*.json.
import { randomUUID } from 'node:crypto';
import type { ArmCall } from './arm-common.ts';
import { armError, decide, parseArmBody } from './arm-common.ts';
import type { Ctx } from './context.ts';
import { isObj, json } from './http.ts';
import type { EmuResponse, Obj } from './http.ts';
import { CLOUDS, cloudNamed, cloudOfArmBase } from './clouds.ts';
import type { Cloud } from './clouds.ts';
import { grantServiceRoles, platformRoleFailure, uaiPlatformRoleGaps } from './identity-rules.ts';
import { advanceFor, lroHeaders, startOperation } from './lro.ts';
import { computeAttached } from './computes.ts';
import { registryAssetExists } from './registries.ts';
import { checkQuota } from './quota.ts';
import { resolveEnvironment } from './secret-injection.ts';
import { deploymentProperties } from './service-defaults.ts';
import type { DeploymentRec, EndpointRec, OperationRec, PrincipalRec, World } from './state.ts';
import { ENDPOINT_PRINCIPAL, World as WorldClass } from './state.ts';

const ENFORCE_FLAG = 'enforce_access_to_default_secret_stores';
export const SECRETS_INJECTION_MESSAGE = 'The endpoint identity could not read one or more referenced secrets (missing permission, bad reference format, or secret not found).';
const LISTSECRETS = 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action';
const ENDPOINT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,30}[a-zA-Z0-9]$/;
// Names start with a letter (documented: managed online endpoint limits, "Begin with a letter").
const DEPLOYMENT_NAME = /^[a-zA-Z][a-zA-Z0-9-]{1,30}[a-zA-Z0-9]$/;
/** Documented limits (https://learn.microsoft.com/azure/machine-learning/how-to-manage-quotas#azure-machine-learning-online-endpoints-and-batch-endpoints): request timeout at most 180 s; 50 instances per deployment. */
const MAX_REQUEST_TIMEOUT_MS = 180_000;
const MAX_INSTANCES = 50;
/** ContainerType of DeploymentLogsRequest (REST spec enum). */
const CONTAINER_TYPES = ['InferenceServer', 'StorageInitializer'];

/** ISO-8601 durations the service takes (PT5S, PT0.5S, PT1M30S). */
function isoMs(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i.exec(v);
  if (!m) return undefined;
  return Math.round(((Number(m[1] ?? 0) * 60 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 1000);
}

// ---- rendering ------------------------------------------------------------------------------
/** `{endpoint}.{region}.inference.ml.azure.com`, or the scoring suffix of the cloud the endpoint was created in. */
export function scoringHost(world: World, endpointName: string, cloud: Cloud): string {
  return `${endpointName.toLowerCase()}.${world.scenario.workspace.location}${cloud.scoringSuffix}`;
}

export function endpointResource(e: EndpointRec): Obj {
  return { id: e.id, name: e.name, type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints', location: e.location, kind: e.kind, identity: e.identity, properties: { compute: null, ...e.properties, keys: null }, systemData: e.systemData, tags: e.tags };
}

export function deploymentResource(d: DeploymentRec): Obj {
  return { id: d.id, name: d.name, type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments', location: d.location, kind: d.kind, sku: d.sku, properties: d.properties, systemData: d.systemData, tags: d.tags };
}

/**
 * A missing endpoint is answered by ARM's gateway, not the ML service: 404 `ResourceNotFound` (documented: ARM's
 * "resource not found" error, https://aka.ms/ARMResourceNotFoundFix; issue 16's audit of Azure's answers).
 */
function endpointNotFound(name: string, call?: ArmCall): EmuResponse {
  const ws = call?.ctx.world.scenario.workspace;
  return armError(404, 'ResourceNotFound', `The Resource 'Microsoft.MachineLearningServices/workspaces/${ws?.name ?? ''}/onlineEndpoints/${name}' under resource group '${ws?.resourceGroup ?? ''}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
}
function deploymentNotFound(endpoint: string, name: string): EmuResponse {
  return armError(404, 'UserError', `Could not find deployment with name ${name} under endpoint ${endpoint}.`, { details: [], innerError: { code: 'NotFoundError' } });
}
function userError(message: string, inner = 'BadArgument'): EmuResponse {
  return armError(400, 'UserError', message, { details: [], innerError: { code: inner } });
}

const TRANSIENT = ['Creating', 'Updating', 'Deleting', 'Scaling'];
/**
 * A write to an endpoint (or a deployment under it) while an operation runs on the endpoint is refused with 409; the
 * message for deployments is the service's (Azure/azure-sdk-for-net#36961), the one for the endpoint follows it (assumed).
 */
function endpointBusy(e: EndpointRec, what: 'update endpoint' | 'create a deployment in endpoint'): EmuResponse | undefined {
  const state = e.properties.provisioningState;
  if (!TRANSIENT.includes(state)) return undefined;
  return armError(409, 'UserError', `Cannot ${what} ${e.name} because it is in ${state} provisioning state.`, { details: [], innerError: { code: 'Conflict' } });
}

/**
 * ARM's tag limits (https://learn.microsoft.com/azure/azure-resource-manager/management/tag-resources#limitations):
 * at most 50 tags, names up to 512 characters, values up to 256, values strings. The error's code and text are assumed.
 */
function tagsError(tags: unknown): EmuResponse | undefined {
  if (tags === undefined || tags === null) return undefined;
  if (!isObj(tags)) return armError(400, 'InvalidTag', 'The tags must be an object of name-value pairs.');
  const entries = Object.entries(tags);
  if (entries.length > 50) return armError(400, 'InvalidTag', `A resource can have at most 50 tags; the request has ${entries.length}.`);
  for (const [k, v] of entries) {
    if (typeof v !== 'string') return armError(400, 'InvalidTag', `The value of tag '${k}' must be a string.`);
    if (k.length > 512) return armError(400, 'InvalidTag', `The tag name '${k.slice(0, 40)}…' exceeds the maximum length of 512 characters.`);
    if (v.length > 256) return armError(400, 'InvalidTag', `The value of tag '${k}' exceeds the maximum length of 256 characters.`);
  }
  return undefined;
}

/** ARM's identity.type strings, accepting the casings clients send. */
function normalizeIdentityType(t: string): string | undefined {
  const parts = t.split(',').map((p) => p.trim().toLowerCase().replace(/_/g, ''));
  const sys = parts.includes('systemassigned');
  const usr = parts.includes('userassigned');
  if (parts.length === 1 && parts[0] === 'none') return 'None';
  if (sys && usr) return 'SystemAssigned,UserAssigned';
  if (sys) return 'SystemAssigned';
  if (usr) return 'UserAssigned';
  return undefined;
}

/** The identity the container runs as (a UAI wins when both are present, as the endpoint identity). */
export function endpointIdentityPrincipal(world: World, e: EndpointRec): PrincipalRec | undefined {
  const uai = Object.values(e.identity.userAssignedIdentities ?? {})[0];
  if (uai) return world.principals.get(uai.principalId);
  return e.identity.principalId ? world.principals.get(e.identity.principalId) : undefined;
}

// ---- endpoint creation side effects -----------------------------------------------------------
function createSystemAssignedIdentity(world: World, e: EndpointRec, principalId?: string, createdAt = Date.now()): PrincipalRec {
  const p: PrincipalRec = { objectId: (principalId ?? randomUUID()).toLowerCase(), type: 'ServicePrincipal', displayName: `${world.scenario.workspace.name}/onlineEndpoints/${e.name}`, clientId: randomUUID(), memberOf: [], federatedCredentials: [], origin: 'endpointSystemAssigned', createdAt };
  world.principals.set(p.objectId, p);
  e.identity.principalId = p.objectId;
  e.identity.tenantId = world.scenario.tenantId;
  return p;
}

/** Roles the scenario pre-provisions for a new SAI (stands in for an admin; README "endpointIdentityRoleAssignments"). */
function applyScenarioSaiGrants(world: World, e: EndpointRec, sai: PrincipalRec): void {
  for (const g of world.scenario.endpointIdentityGrants) {
    if (g.endpoints && !g.endpoints.some((n) => n.toLowerCase() === e.name.toLowerCase())) continue;
    const role = world.findRole(g.role);
    if (!role) continue;
    world.addAssignment({ principalId: sai.objectId, principalType: 'ServicePrincipal', roleGuid: role.id, scope: world.resolveScope(g.scope), createdBy: 'scenario:endpointIdentityRoleAssignments' });
  }
}

function uaiMap(world: World, ids: string[]): { map: Record<string, { principalId: string; clientId: string }> } | { error: EmuResponse } {
  const map: Record<string, { principalId: string; clientId: string }> = {};
  for (const id of ids) {
    const m = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.ManagedIdentity\/userAssignedIdentities\/([^/]+)$/i.exec(id);
    const u = m ? world.scenario.userAssignedIdentities.find((x) => x.name.toLowerCase() === (m[2] ?? '').toLowerCase() && x.resourceGroup.toLowerCase() === (m[1] ?? '').toLowerCase()) : undefined;
    if (!u) return { error: userError(`User assigned identity '${id}' could not be found.`, 'NotFound') };
    map[world.uaiId(u.name, u.resourceGroup)] = { principalId: u.principalId, clientId: u.clientId };
  }
  return { map };
}

export function seedEndpoints(ctx: Ctx): void {
  const w = ctx.world;
  const seededCloud = cloudNamed(w.scenario.cloud) ?? CLOUDS[0] as Cloud;
  for (const a of w.scenario.roleAssignments) {
    if (!a.principal.toLowerCase().startsWith(ENDPOINT_PRINCIPAL)) continue;
    const name = a.principal.slice(ENDPOINT_PRINCIPAL.length).toLowerCase();
    const se = w.scenario.onlineEndpoints.find((x) => x.name.toLowerCase() === name);
    if (!se || !(normalizeIdentityType(se.identityType) ?? 'SystemAssigned').includes('SystemAssigned')) {
      throw new Error(`scenario: roleAssignments: '${a.principal}' names no seeded endpoint with a system-assigned identity`);
    }
  }
  for (const se of w.scenario.onlineEndpoints) {
    const id = `${w.workspaceId}/onlineEndpoints/${se.name}`;
    const type = normalizeIdentityType(se.identityType) ?? 'SystemAssigned';
    const e: EndpointRec = {
      name: se.name, id, location: w.scenario.workspace.location, kind: 'Managed', identity: { type }, tags: {},
      properties: { description: '', authMode: se.authMode, properties: { ...se.properties, 'azureml.onlineendpointid': id }, traffic: { ...se.traffic }, mirrorTraffic: {}, publicNetworkAccess: 'Enabled', provisioningState: 'Succeeded', scoringUri: `https://${scoringHost(w, se.name, seededCloud)}/score`, swaggerUri: `https://${scoringHost(w, se.name, seededCloud)}/swagger.json` },
      keys: { primaryKey: WorldClass.newKey(), secondaryKey: WorldClass.newKey() }, systemData: w.systemData('scenario'), deployments: new Map(),
    };
    if (type.includes('UserAssigned')) {
      const r = uaiMap(w, se.userAssignedIdentities.map((n) => (n.startsWith('/') ? n : w.uaiId(n, w.scenario.workspace.resourceGroup))));
      if ('error' in r) throw new Error(`scenario: onlineEndpoints.${se.name}: unknown user-assigned identity`);
      e.identity.userAssignedIdentities = r.map;
    }
    if (type.includes('SystemAssigned')) {
      // Seeded as the service would have left it when the endpoint was created (`created`): the automatic roles are in place.
      const createdAt = w.createdAt(se.created);
      const sai = createSystemAssignedIdentity(w, e, se.principalId, createdAt);
      grantServiceRoles(w, sai.objectId, (se.properties[ENFORCE_FLAG] ?? '').toLowerCase() === 'enabled', createdAt);
      for (const a of w.scenario.roleAssignments) if (a.principal.toLowerCase() === `${ENDPOINT_PRINCIPAL}${se.name.toLowerCase()}`) w.addScenarioAssignment(a, sai);
    }
    w.endpoints.set(se.name.toLowerCase(), e);
    for (const sd of se.deployments) {
      const did = `${id}/deployments/${sd.name}`;
      const d: DeploymentRec = {
        name: sd.name, id: did, location: e.location, kind: 'Managed', sku: { name: 'Default', capacity: sd.instanceCount }, tags: {}, systemData: w.systemData('scenario'),
        properties: { ...deploymentProperties({ endpointComputeType: 'Managed', instanceType: sd.instanceType, model: sd.model, environmentId: sd.environmentId, environmentVariables: sd.environmentVariables, ...sd.properties }), provisioningState: 'Succeeded' },
        logs: healthyLogs(sd.name),
      };
      const resolved = resolveEnvironment(ctx, endpointIdentityPrincipal(w, e), sd.environmentVariables);
      if (resolved.ok) d.containerEnvironment = resolved.environment;
      e.deployments.set(sd.name.toLowerCase(), d);
    }
  }
}

function healthyLogs(name: string): string {
  return `Azure ML Inferencing HTTP server v1.3.0\n\nServer Settings\n---------------\nEntry Script Name: /var/azureml-app/score.py\nModel Directory: /var/azureml-app/azureml-models\nWorker Count: 1\n\nServer Routes\n---------------\nLiveness Probe: GET   127.0.0.1:31311/\nScore:          POST  127.0.0.1:31311/score\n\nInitializing logger\nStarting up app insights client\nFound user script at /var/azureml-app/score.py\nRunning init() function...\nInit complete\nScoring timeout is set to 60000\nDeployment ${name} is ready.\n`;
}

function callerCanReadConnectionSecrets(ctx: Ctx, call: ArmCall): boolean {
  return decide(ctx, call.principal.objectId, LISTSECRETS, ctx.world.workspaceId).allowed;
}

function callerLacksListSecrets(call: ArmCall, what: string): OperationRec['result'] {
  const p = call.principal;
  return {
    status: 'Failed',
    error: {
      code: 'UserError',
      message: `The ${what} sets properties.${ENFORCE_FLAG}=enabled, but the identity that creates it ('${p.clientId ?? p.objectId}', object id '${p.objectId}') does not have permission '${LISTSECRETS}' on workspace '${call.ctx.world.workspaceId}'.`,
      details: [{ code: 'UserNotAuthorizedToReadConnectionSecrets', message: `Missing '${LISTSECRETS}'.` }],
    },
  };
}

/**
 * Mirror traffic as the service validates it (https://learn.microsoft.com/azure/machine-learning/how-to-safely-rollout-online-endpoints
 * "Test the deployment with mirrored traffic" limitations; the REST spec: "Traffic values need to sum to utmost 50"): existing
 * deployments only, one deployment at most, at most 50 %, never a deployment that takes live traffic, never on Kubernetes.
 */
function validateMirrorTraffic(body: Obj, props: Obj, existing: EndpointRec | undefined, live: Record<string, number>): EmuResponse | undefined {
  if (!isObj(props['mirrorTraffic'])) return undefined;
  const mirror = Object.entries(props['mirrorTraffic']);
  const kind = typeof body['kind'] === 'string' ? body['kind'] : existing?.kind ?? '';
  const kubernetes = /^k8s$|kubernetes/i.test(kind) || typeof props['compute'] === 'string';
  if (kubernetes && mirror.some(([, v]) => typeof v === 'number' && v > 0)) return userError('Mirror traffic is not supported for Kubernetes online endpoints.');
  for (const [d, v] of mirror) {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100) return userError(`Mirror traffic value for deployment '${d}' must be an integer between 0 and 100.`);
    if (!existing?.deployments.has(d.toLowerCase())) return userError(`Mirror traffic cannot be routed to deployment '${d}' as it does not exist under endpoint '${existing?.name ?? ''}'.`);
  }
  const on = mirror.filter(([, v]) => (v as number) > 0);
  if (on.length === 0) return undefined;
  if (on.length > 1) return userError(`Mirror traffic can be set for only one deployment; got ${on.map(([d]) => d).join(', ')}.`);
  const [name, pct] = on[0] as [string, number];
  if (pct > 50) return userError(`Mirror traffic for deployment '${name}' is ${pct}%; the sum of mirror traffic values must be at most 50.`);
  if ((Object.entries(live).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? 0) > 0) return userError(`Deployment '${name}' receives live traffic; a deployment can receive live or mirror traffic, not both.`);
  return undefined;
}

// ---- endpoints ------------------------------------------------------------------------------
export function listEndpoints(call: ArmCall): EmuResponse {
  return json(200, { value: [...call.ctx.world.endpoints.values()].map(endpointResource) });
}

export function getEndpoint(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const name = call.params[3] ?? '';
  const e = w.endpoints.get(name.toLowerCase());
  if (!e) return endpointNotFound(name, call);
  advanceFor(w, e.id);
  const again = w.endpoints.get(name.toLowerCase());
  return again ? json(200, endpointResource(again)) : endpointNotFound(name);
}

export function putEndpoint(call: ArmCall): EmuResponse {
  const { ctx } = call;
  const w = ctx.world;
  const name = call.params[3] ?? '';
  if (!ENDPOINT_NAME.test(name)) return userError(`Endpoint name '${name}' is invalid: it must start with a letter, be 3-32 characters long and contain only letters, digits and '-'.`);
  const parsed = parseArmBody(call.req);
  if (!parsed.ok) return parsed.res;
  const body = parsed.body;
  const props = isObj(body['properties']) ? body['properties'] : undefined;
  if (!props) return userError("The request body must contain 'properties'.");
  const authMode = props['authMode'];
  if (authMode !== 'Key' && authMode !== 'AMLToken' && authMode !== 'AADToken') return userError(`Invalid authMode '${String(authMode)}': expected Key, AMLToken or AADToken.`);
  if (typeof body['location'] !== 'string') return userError("The request body must contain 'location'.");
  const badTags = tagsError(body['tags']);
  if (badTags) return badTags;
  const identity = isObj(body['identity']) ? body['identity'] : undefined;
  if (!identity || typeof identity['type'] !== 'string') return userError("The request body must contain 'identity' with a 'type'.");
  const idType = normalizeIdentityType(identity['type']);
  if (!idType) return userError(`Invalid identity type '${identity['type']}'.`);
  const inner = isObj(props['properties']) ? props['properties'] : {};
  const innerProps: Record<string, string> = {};
  for (const [k, v] of Object.entries(inner)) {
    if (typeof v !== 'string') return userError(`properties.properties.${k} must be a string.`);
    innerProps[k] = v;
  }
  const enforce = (innerProps[ENFORCE_FLAG] ?? '').toLowerCase() === 'enabled';
  // seeds/001: "If you are using UAI as the endpoint identity, you are not allowed to specify the enforce_access_to_default_secret_stores flag"
  if (enforce && idType.includes('UserAssigned')) {
    return userError(`The property '${ENFORCE_FLAG}' can only be enabled for endpoints with a system-assigned identity; this endpoint uses a user-assigned identity.`);
  }
  const uaiIds = isObj(identity['userAssignedIdentities']) ? Object.keys(identity['userAssignedIdentities']) : [];
  if (idType.includes('UserAssigned') && uaiIds.length === 0) return userError('identity.userAssignedIdentities is required when identity.type is UserAssigned.');
  const uais = uaiMap(w, uaiIds);
  if ('error' in uais) return uais.error;
  const existing = w.endpoints.get(name.toLowerCase());
  if (existing) {
    const sameUais = Object.keys(existing.identity.userAssignedIdentities ?? {}).map((k) => k.toLowerCase()).sort().join('|') === Object.keys(uais.map).map((k) => k.toLowerCase()).sort().join('|');
    if (existing.identity.type !== idType || !sameUais) {
      return userError(`The identity of online endpoint '${existing.name}' cannot be changed after creation (existing: '${existing.identity.type}', requested: '${idType}'). Delete and recreate the endpoint to use another identity.`, 'Immutable');
    }
    const busy = endpointBusy(existing, 'update endpoint');
    if (busy) return busy;
  }
  // Traffic may only name existing deployments and must total 0 or 100.
  const traffic: Record<string, number> = {};
  if (isObj(props['traffic'])) {
    for (const [d, v] of Object.entries(props['traffic'])) {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > 100) return userError(`Traffic value for deployment '${d}' must be an integer between 0 and 100.`);
      if (!existing?.deployments.has(d.toLowerCase())) return userError(`Traffic cannot be routed to deployment '${d}' as it does not exist under endpoint '${name}'.`);
      // A deployment being deleted takes no traffic (issue 16's audit: Azure refuses it; the text is assumed).
      if (v > 0 && existing.deployments.get(d.toLowerCase())?.properties.provisioningState === 'Deleting') return userError(`Traffic cannot be routed to deployment '${d}' as it is being deleted.`);
      traffic[d] = v;
    }
    const total = Object.values(traffic).reduce((a, b) => a + b, 0);
    if (total !== 0 && total !== 100) return userError(`The sum of traffic values must be 0 or 100, got ${total}.`);
  }
  const mirrorError = validateMirrorTraffic(body, props, existing, isObj(props['traffic']) ? traffic : existing?.properties.traffic ?? {});
  if (mirrorError) return mirrorError;
  // A Kubernetes endpoint is created on an attached compute of the workspace (assumed: the service refuses a
  // compute it cannot find; its text is not documented). Kept as sent, an ARM id (contracts OnlineEndpoints_Get `compute`).
  const compute = typeof props['compute'] === 'string' ? props['compute'] : undefined;
  if (compute && !existing && !computeAttached(w, compute)) return userError(`Compute '${compute}' does not exist in workspace '${w.scenario.workspace.name}': attach a Kubernetes cluster before creating an endpoint on it.`, 'NotFound');

  const id = `${w.workspaceId}/onlineEndpoints/${name}`;
  const e: EndpointRec = existing ?? {
    name, id, location: body['location'].toLowerCase(), kind: typeof body['kind'] === 'string' ? body['kind'] : 'Managed', identity: { type: idType }, tags: {},
    properties: { authMode, properties: {}, traffic: {}, provisioningState: 'Creating' }, keys: { primaryKey: WorldClass.newKey(), secondaryKey: WorldClass.newKey() },
    systemData: w.systemData(call.principal.objectId), deployments: new Map(),
  };
  if (Object.keys(uais.map).length) e.identity.userAssignedIdentities = uais.map;
  // Service-owned keys are added, never removed (contracts/INDEX.md §6: "add-only").
  e.properties.properties = { ...e.properties.properties, ...innerProps, 'azureml.onlineendpointid': id, createdBy: call.principal.objectId };
  e.properties.description = typeof props['description'] === 'string' ? props['description'] : e.properties.description ?? '';
  e.properties.authMode = authMode;
  e.properties.publicNetworkAccess = typeof props['publicNetworkAccess'] === 'string' ? props['publicNetworkAccess'] : 'Enabled';
  // Recorded (azure-cli-extensions cassettes test_online_endpoint_mir, …_deployment_create_with_all_traffic): an update's 201 body
  // still shows the traffic and tags the endpoint held, `Updating`; the new ones hold once the operation has ended.
  const pending = { mirrorTraffic: isObj(props['mirrorTraffic']) ? props['mirrorTraffic'] : {}, traffic: isObj(props['traffic']) ? traffic : e.properties.traffic, tags: isObj(body['tags']) ? body['tags'] : e.tags };
  const settle = (): void => {
    e.properties.mirrorTraffic = pending.mirrorTraffic;
    e.properties.traffic = pending.traffic;
    e.tags = pending.tags;
  };
  if (!existing) settle();
  if (compute && !existing) e.properties['compute'] = compute;
  if (!existing) {
    // The scoring host belongs to the cloud the endpoint was created in (that of the ARM host it was PUT to).
    e.properties.scoringUri = `https://${scoringHost(w, name, cloudOfArmBase(call.base))}/score`;
    e.properties.swaggerUri = `https://${scoringHost(w, name, cloudOfArmBase(call.base))}/swagger.json`;
  }
  e.properties.provisioningState = existing ? 'Updating' : 'Creating';
  let sai: PrincipalRec | undefined;
  if (!existing && idType.includes('SystemAssigned')) sai = createSystemAssignedIdentity(w, e);
  w.endpoints.set(name.toLowerCase(), e);

  const permitted = !enforce || callerCanReadConnectionSecrets(ctx, call);
  const result: OperationRec['result'] = permitted ? { status: 'Succeeded' } : callerLacksListSecrets(call, 'online endpoint');
  const op = startOperation(w, 'AzureAsyncOperation', id, result, () => {
    e.properties.provisioningState = permitted ? 'Succeeded' : 'Failed';
    if (permitted && existing) settle();
    if (!permitted || !sai) return;
    applyScenarioSaiGrants(w, e, sai);
    // AcrPull, Storage Blob Data Reader and (with the flag, the creator being allowed) Connection Secrets Reader.
    grantServiceRoles(w, sai.objectId, enforce);
  }, existing ? 'endpointUpdate' : 'endpointCreate');
  const headers = lroHeaders(call, op, e.location, { resourceUrl: `${call.base}${call.req.path}?api-version=${call.apiVersion}` });
  e.properties.properties['AzureAsyncOperationUri'] = headers['Azure-AsyncOperation'] ?? '';
  // Recorded: a PUT on an existing endpoint (a traffic update) answers 201 too.
  return json(201, endpointResource(e), headers);
}

export function patchEndpoint(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const name = call.params[3] ?? '';
  const e = w.endpoints.get(name.toLowerCase());
  if (!e) return endpointNotFound(name, call);
  advanceFor(w, e.id);
  const busy = endpointBusy(e, 'update endpoint');
  if (busy) return busy;
  const parsed = parseArmBody(call.req);
  if (!parsed.ok) return parsed.res;
  // OnlineEndpoints_Update body is PartialMinimalTrackedResourceWithIdentity: only tags and identity.
  const badTags = tagsError(parsed.body['tags']);
  if (badTags) return badTags;
  const identity = parsed.body['identity'];
  if (isObj(identity) && typeof identity['type'] === 'string' && normalizeIdentityType(identity['type']) !== e.identity.type) {
    return userError(`The identity of online endpoint '${e.name}' cannot be changed after creation.`, 'Immutable');
  }
  // The PATCH's tags replace the endpoint's whole tag map (ARM's tag semantics for a resource update; the README says why).
  if (isObj(parsed.body['tags'])) e.tags = parsed.body['tags'];
  return json(200, endpointResource(e));
}

export function deleteEndpoint(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const name = call.params[3] ?? '';
  const e = w.endpoints.get(name.toLowerCase());
  if (!e) return { status: 204 };
  e.properties.provisioningState = 'Deleting';
  // Deleting an endpoint deletes its deployments ("it deletes the endpoint and all the underlying deployments",
  // how-to-deploy-online-endpoints): they are Deleting with it, and go with it (assumed: their state meanwhile).
  for (const d of e.deployments.values()) d.properties.provisioningState = 'Deleting';
  const op = startOperation(w, 'Location', e.id, { status: 'Succeeded' }, () => {
    w.endpoints.delete(name.toLowerCase());
    // The SAI goes with the endpoint; its role assignments stay behind, orphaned, as in Azure.
    if (e.identity.principalId) w.principals.delete(e.identity.principalId);
  }, 'endpointDelete');
  return { status: 202, headers: lroHeaders(call, op, e.location, { both: true }), raw: 'null' };
}

export function listEndpointKeys(call: ArmCall): EmuResponse {
  const e = call.ctx.world.endpoints.get((call.params[3] ?? '').toLowerCase());
  if (!e) return endpointNotFound(call.params[3] ?? '', call);
  if (e.properties['authMode'] !== 'Key') return userError(`Keys are only available for endpoints with authMode Key; endpoint '${e.name}' uses ${String(e.properties['authMode'])}.`);
  return json(200, e.keys);
}

export function regenerateEndpointKeys(call: ArmCall): EmuResponse {
  const e = call.ctx.world.endpoints.get((call.params[3] ?? '').toLowerCase());
  if (!e) return endpointNotFound(call.params[3] ?? '', call);
  const parsed = parseArmBody(call.req);
  if (!parsed.ok) return parsed.res;
  const keyType = parsed.body['keyType'];
  const value = typeof parsed.body['keyValue'] === 'string' ? parsed.body['keyValue'] : WorldClass.newKey();
  if (keyType === 'Primary') e.keys.primaryKey = value;
  else if (keyType === 'Secondary') e.keys.secondaryKey = value;
  else return userError("keyType must be 'Primary' or 'Secondary'.");
  return { status: 200 };
}

export function getEndpointToken(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const e = w.endpoints.get((call.params[3] ?? '').toLowerCase());
  if (!e) return endpointNotFound(call.params[3] ?? '', call);
  if (e.properties['authMode'] !== 'AMLToken') return userError(`Tokens are only available for endpoints with authMode AMLToken; endpoint '${e.name}' uses ${String(e.properties['authMode'])}.`);
  const now = Math.floor(Date.now() / 1000);
  const life = w.knobs.tokens.amlTokenLifetimeSeconds;
  const accessToken = `aml.${WorldClass.newKey()}`;
  w.amlTokens.set(accessToken, { endpointId: e.id, exp: now + life });
  return json(200, { accessToken, tokenType: 'Bearer', expiryTimeUtc: now + life, refreshAfterTimeUtc: now + Math.floor(life / 2) });
}

// ---- deployments ----------------------------------------------------------------------------
export function listDeployments(call: ArmCall): EmuResponse {
  const e = call.ctx.world.endpoints.get((call.params[3] ?? '').toLowerCase());
  if (!e) return endpointNotFound(call.params[3] ?? '', call);
  return json(200, { value: [...e.deployments.values()].map(deploymentResource) });
}

export function getDeployment(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const e = w.endpoints.get((call.params[3] ?? '').toLowerCase());
  if (!e) return endpointNotFound(call.params[3] ?? '', call);
  const name = call.params[4] ?? '';
  const d = e.deployments.get(name.toLowerCase());
  if (!d) return deploymentNotFound(e.name, name);
  advanceFor(w, d.id);
  const again = e.deployments.get(name.toLowerCase());
  return again ? json(200, deploymentResource(again)) : deploymentNotFound(e.name, name);
}

function assetExists(w: World, ref: unknown, kind: 'models' | 'environments'): boolean {
  if (typeof ref !== 'string') return true;
  const inRegistry = registryAssetExists(w.scenario.registries, ref);
  if (inRegistry !== undefined) return inRegistry;
  const m = new RegExp(`/workspaces/([^/]+)/${kind}/([^/]+)/versions/([^/]+)$`, 'i').exec(ref);
  if (!m || (m[1] ?? '').toLowerCase() !== w.scenario.workspace.name.toLowerCase()) return true; // curated and other forms are not checked
  return w.assets.has(`${kind}/${m[2] ?? ''}/${m[3] ?? ''}`.toLowerCase());
}

export function putDeployment(call: ArmCall): EmuResponse {
  const { ctx } = call;
  const w = ctx.world;
  const e = w.endpoints.get((call.params[3] ?? '').toLowerCase());
  if (!e) return endpointNotFound(call.params[3] ?? '', call);
  const name = call.params[4] ?? '';
  if (!DEPLOYMENT_NAME.test(name)) return userError(`Deployment name '${name}' is invalid: 3-32 characters, letters, digits and '-', starting with a letter and ending with a letter or digit.`);
  advanceFor(w, e.id);
  const busy = endpointBusy(e, 'create a deployment in endpoint');
  if (busy) return busy;
  if (e.properties.provisioningState !== 'Succeeded') return armError(409, 'UserError', `Cannot create a deployment in endpoint ${e.name} because it is in ${e.properties.provisioningState} provisioning state.`, { details: [], innerError: { code: 'Conflict' } });
  const parsed = parseArmBody(call.req);
  if (!parsed.ok) return parsed.res;
  const body = parsed.body;
  const props = isObj(body['properties']) ? body['properties'] : undefined;
  if (!props) return userError("The request body must contain 'properties'.");
  const computeType = props['endpointComputeType'];
  if (computeType !== 'Managed' && computeType !== 'Kubernetes' && computeType !== 'AzureMLCompute') return userError(`Invalid endpointComputeType '${String(computeType)}'.`);
  if (computeType === 'Managed' && typeof props['instanceType'] !== 'string') return userError('instanceType is required for managed deployments.');
  if (!assetExists(w, props['model'], 'models')) return userError(`Model '${String(props['model'])}' was not found.`, 'NotFound');
  if (!assetExists(w, props['environmentId'], 'environments')) return userError(`Environment '${String(props['environmentId'])}' was not found.`, 'NotFound');
  const envVars: Record<string, string> = {};
  if (props['environmentVariables'] !== undefined) {
    if (!isObj(props['environmentVariables'])) return userError('environmentVariables must be a dictionary of strings.');
    for (const [k, v] of Object.entries(props['environmentVariables'])) {
      if (typeof v !== 'string') return userError(`environmentVariables.${k} must be a string.`);
      envVars[k] = v;
    }
  }
  const existing = e.deployments.get(name.toLowerCase());
  if (existing && TRANSIENT.includes(existing.properties.provisioningState)) {
    return armError(409, 'UserError', `Deployment ${existing.name} is in state ${existing.properties.provisioningState}; wait until the current operation finishes.`, { details: [], innerError: { code: 'Conflict' } });
  }
  const id = `${e.id}/deployments/${name}`;
  const sku = isObj(body['sku']) ? body['sku'] : { name: 'Default', capacity: 1 };
  const limit = limitError(props, sku);
  if (limit) return limit;
  const quota = checkQuota(w, { id, computeType, instanceType: String(props['instanceType'] ?? ''), sku });
  if (quota) return quota;
  const d: DeploymentRec = {
    name, id, location: e.location, kind: typeof body['kind'] === 'string' ? body['kind'] : 'Managed', sku, tags: isObj(body['tags']) ? body['tags'] : {},
    systemData: existing?.systemData ?? w.systemData(call.principal.objectId),
    // Recorded: a new deployment's 201 body already says Updating (the endpoint's says Creating).
    properties: { ...deploymentProperties(props), provisioningState: 'Updating' },
    logs: existing?.logs ?? '', containerEnvironment: existing?.containerEnvironment,
  };
  e.deployments.set(name.toLowerCase(), d);

  // Outcome, decided now and reported after the configured polls (seeds/001 "Create a deployment").
  const enforce = (e.properties.properties[ENFORCE_FLAG] ?? '').toLowerCase() === 'enabled';
  let result: OperationRec['result'];
  let environment: Record<string, string> | undefined;
  const behaviour = w.knobs.deployments[`${e.name}/${name}`] ?? w.knobs.deployments[name];
  if (enforce && !callerCanReadConnectionSecrets(ctx, call)) {
    result = callerLacksListSecrets(call, 'deployment\'s endpoint');
  } else if (behaviour?.canceled) {
    // Knob: the operation is canceled (provisioningState Canceled, a terminal state of the REST spec); nothing changes.
    result = { status: 'Canceled', error: { code: 'OperationCanceled', message: `The operation on deployment '${name}' was canceled.` } };
  } else {
    const resolved = resolveEnvironment(ctx, endpointIdentityPrincipal(w, e), envVars);
    if (!resolved.ok) {
      // The contract's text (test/fixtures/contracts …/MfeOperationsStatus_examples.json failedSecretsInjection), the only
      // primary example: it names no variable and no vault, and carries no details.
      // Why each variable failed stays in the emulator's view (admin /state operations[].causes), never in ARM's answer.
      result = { status: 'Failed', error: { code: 'SecretsInjectionError', message: SECRETS_INJECTION_MESSAGE }, causes: resolved.failures.map((f) => ({ variable: f.variable, message: f.message })) };
    } else if (uaiPlatformRoleGaps(ctx, e).length) {
      environment = resolved.environment;
      result = platformRoleFailure(e, uaiPlatformRoleGaps(ctx, e));
    } else if (behaviour?.failToStart) {
      environment = resolved.environment;
      result = { status: 'Failed', error: { code: behaviour.failToStart.code, message: behaviour.failToStart.message } };
    } else {
      environment = resolved.environment;
      result = { status: 'Succeeded' };
    }
  }
  const op = startOperation(w, 'AzureAsyncOperation', id, result, () => {
    d.properties.provisioningState = result.status;
    if (environment) d.containerEnvironment = environment;
    d.logs = behaviour?.failToStart ? behaviour.failToStart.logs : healthyLogs(name);
  }, existing ? 'deploymentUpdate' : 'deploymentCreate');
  const headers = lroHeaders(call, op, e.location, { resourceUrl: `${call.base}${call.req.path}?api-version=${call.apiVersion}` });
  d.properties.properties = { ...(isObj(d.properties.properties) ? d.properties.properties : {}), AzureAsyncOperationUri: headers['Azure-AsyncOperation'] ?? '' };
  // Recorded (azure-cli-extensions test_online_endpoint_mir_deployment_update): an update of an existing deployment answers 201 too,
  // its body already showing the new model and capacity (unlike an endpoint update's, which shows the traffic it held).
  return json(201, deploymentResource(d), headers);
}

function limitError(props: Obj, sku: Obj): EmuResponse | undefined {
  const rs = isObj(props['requestSettings']) ? props['requestSettings'] : {};
  const timeout = isoMs(rs['requestTimeout']);
  if (timeout !== undefined && timeout > MAX_REQUEST_TIMEOUT_MS) return userError(`requestSettings.requestTimeout ${String(rs['requestTimeout'])} exceeds the maximum of ${MAX_REQUEST_TIMEOUT_MS} ms (PT3M).`);
  const capacity = typeof sku['capacity'] === 'number' ? sku['capacity'] : 1;
  if (capacity > MAX_INSTANCES) return userError(`Instance count ${capacity} exceeds the maximum of ${MAX_INSTANCES} instances per deployment.`);
  return undefined;
}

export function patchDeployment(call: ArmCall): EmuResponse {
  const e = call.ctx.world.endpoints.get((call.params[3] ?? '').toLowerCase());
  if (!e) return endpointNotFound(call.params[3] ?? '', call);
  const d = e.deployments.get((call.params[4] ?? '').toLowerCase());
  if (!d) return deploymentNotFound(e.name, call.params[4] ?? '');
  const parsed = parseArmBody(call.req);
  if (!parsed.ok) return parsed.res;
  // OnlineDeployments_Update body is PartialMinimalTrackedResourceWithSku: only sku and tags.
  if (TRANSIENT.includes(d.properties.provisioningState)) {
    return armError(409, 'UserError', `Deployment ${d.name} is in state ${d.properties.provisioningState}; wait until the current operation finishes.`, { details: [], innerError: { code: 'Conflict' } });
  }
  if (isObj(parsed.body['tags'])) d.tags = parsed.body['tags'];
  const sku = parsed.body['sku'];
  if (!isObj(sku)) return json(200, deploymentResource(d));
  const limit = limitError({}, { ...d.sku, ...sku });
  if (limit) return limit;
  // A scale (sku) change is a long-running operation: 202 + Location (contract OnlineDeployments_Update), state Scaling.
  const quota = checkQuota(call.ctx.world, { id: d.id, computeType: d.properties['endpointComputeType'], instanceType: String(d.properties['instanceType'] ?? ''), sku: { ...d.sku, ...sku } });
  if (quota) return quota;
  const previous = d.properties.provisioningState;
  d.properties.provisioningState = 'Scaling';
  const op = startOperation(call.ctx.world, 'Location', d.id, { status: 'Succeeded' }, () => {
    d.sku = { ...d.sku, ...sku };
    d.properties.provisioningState = previous === 'Failed' ? 'Failed' : 'Succeeded';
  }, 'deploymentScale');
  return { status: 202, headers: lroHeaders(call, op, e.location) };
}

export function deleteDeployment(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const e = w.endpoints.get((call.params[3] ?? '').toLowerCase());
  if (!e) return endpointNotFound(call.params[3] ?? '', call);
  const name = call.params[4] ?? '';
  const d = e.deployments.get(name.toLowerCase());
  if (!d) return { status: 204 };
  const weight = Object.entries(e.properties.traffic).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? 0;
  if (weight > 0) return userError(`Deployment '${d.name}' cannot be deleted because it receives ${weight}% of the traffic of endpoint '${e.name}'. Set its traffic to 0 first.`);
  const mirrored = Object.entries((e.properties['mirrorTraffic'] ?? {}) as Record<string, number>).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1] ?? 0;
  if (mirrored > 0) return userError(`Deployment '${d.name}' cannot be deleted because it receives ${mirrored}% of the mirrored traffic of endpoint '${e.name}'. Set its mirror traffic to 0 first.`);
  d.properties.provisioningState = 'Deleting';
  const op = startOperation(w, 'Location', d.id, { status: 'Succeeded' }, () => {
    e.deployments.delete(name.toLowerCase());
    for (const k of Object.keys(e.properties.traffic)) if (k.toLowerCase() === name.toLowerCase()) delete e.properties.traffic[k];
  }, 'deploymentDelete');
  return { status: 202, headers: lroHeaders(call, op, e.location, { both: true }), raw: 'null' };
}

export function getDeploymentLogs(call: ArmCall): EmuResponse {
  const e = call.ctx.world.endpoints.get((call.params[3] ?? '').toLowerCase());
  if (!e) return endpointNotFound(call.params[3] ?? '', call);
  const d = e.deployments.get((call.params[4] ?? '').toLowerCase());
  if (!d) return deploymentNotFound(e.name, call.params[4] ?? '');
  const parsed = parseArmBody(call.req);
  if (!parsed.ok) return parsed.res;
  const containerType = parsed.body['containerType'] ?? 'InferenceServer';
  if (typeof containerType !== 'string' || !CONTAINER_TYPES.includes(containerType)) return userError(`Invalid containerType '${String(containerType)}'. Allowed values: ${CONTAINER_TYPES.join(', ')}.`);
  // No container has run yet (the deployment is still being created): nothing to read, try again later (assumed text).
  if (containerType === 'InferenceServer' && d.logs === '') return armError(400, 'UserError', `The container of deployment ${d.name} is not running yet; no logs are available. Please try again later.`, { details: [], innerError: { code: 'BadArgument' } });
  const text = containerType === 'StorageInitializer' ? 'Storage initializer: model files downloaded to /var/azureml-app/azureml-models\n' : d.logs;
  const tail = typeof parsed.body['tail'] === 'number' ? parsed.body['tail'] : undefined;
  const lines = text.split('\n');
  return json(200, { content: tail !== undefined ? lines.slice(-tail - 1).join('\n') : text });
}

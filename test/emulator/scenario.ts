// Scenario loader: YAML → validated, normalised Scenario. Errors name the offending key path.
// The format is documented in README.md ("Scenario format").
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { parse } from 'yaml';
import { isObj } from './http.ts';
import type { Obj } from './http.ts';

/**
 * When a scenario principal, role assignment or seeded endpoint came into being: unix seconds, or `'now'` (when the
 * world is built: at start and on every reset). Default: long before any run (`SCENARIO_PAST`), so Microsoft.Authorization
 * has replicated the principal and propagated the assignment (README "Scenario format", `created`).
 */
export type Created = number | 'now';
/** 2023-11-14T22:13:20Z: the default creation time of what a scenario seeds (the same origin as secret versions' `created`). */
export const SCENARIO_PAST = 1700000000;

export interface FederatedCredential { issuer: string; subject: string; audiences: string[] }
export interface ScenarioPrincipal {
  name: string;
  type: 'ServicePrincipal' | 'User' | 'Group';
  objectId: string;
  clientId?: string;
  federatedCredentials: FederatedCredential[];
  memberOf: string[];
  created: Created;
}
export interface ScenarioUai { name: string; resourceGroup: string; location: string; principalId: string; clientId: string }
export interface ScenarioRoleDefinition { id: string; roleName: string; description: string; permissions: RolePermission[]; assignableScopes: string[] }
export interface RolePermission { actions: string[]; notActions: string[]; dataActions: string[]; notDataActions: string[] }
export interface ScenarioRoleAssignment { principal: string; role: string; scope: string; condition?: string; conditionHolds: boolean; name?: string; created: Created }
export interface ScenarioSaiGrant { role: string; scope: string; endpoints?: string[] }
export interface ScenarioConnection {
  name: string; category: string; authType: string; target?: string;
  credentials?: Record<string, unknown>; metadata: Record<string, string>;
}
export interface ScenarioSecretVersion { version: string; value: string; enabled: boolean; nbf?: number; exp?: number; contentType?: string; created: number }
export interface ScenarioSecret { name: string; versions: ScenarioSecretVersion[] }
export interface ScenarioAccessPolicy { principal: string; secrets: string[] }
export interface ScenarioVault {
  name: string; resourceGroup: string; location: string; permissionModel: 'rbac' | 'accessPolicy';
  accessPolicies: ScenarioAccessPolicy[]; secrets: ScenarioSecret[];
}
export interface ScenarioAsset { kind: 'models' | 'environments' | 'codes'; name: string; version: string; properties: Record<string, unknown> }
/** An Azure ML registry (test/emulator/registries.ts): where discovery says it lives, and its assets. */
export interface ScenarioRegistry {
  name: string;
  /** Primary region: the host its assets are served from. */
  location: string;
  subscriptionId: string;
  resourceGroup: string;
  /** Readable by every signed-in principal (the `azureml` registry of curated assets), without a role. */
  public: boolean;
  assets: Array<{ kind: 'models' | 'environments' | 'codes'; name: string; version: string; properties: Record<string, unknown> }>;
}
export interface ScenarioDeployment {
  name: string; instanceType: string; instanceCount: number; model?: string; environmentId?: string;
  environmentVariables: Record<string, string>; properties: Record<string, unknown>;
}
export interface ScenarioEndpoint {
  name: string; authMode: string; identityType: string; userAssignedIdentities: string[]; principalId?: string;
  /** When the endpoint and its system-assigned identity (with the roles the service gave it) were created. */
  created: Created;
  properties: Record<string, string>; traffic: Record<string, number>; deployments: ScenarioDeployment[];
}
export interface DeploymentBehaviour {
  failToStart?: { code: string; message: string; logs: string };
  /** The create/update operation ends `Canceled` instead of running to its outcome. */
  canceled: boolean;
  scoring: 'healthy' | 'error' | 'slow';
  slowMs: number;
  errorStatus: number;
}
/** Per VM family: the subscription's vCPU limit and the cores already used outside the emulator (quota.ts). */
export interface FamilyQuota { limit: number; usage: number }
export interface Knobs {
  /** durationMs: wall-clock time an operation needs besides its polls; retryAfterSeconds: sent on 201/202 and running polls. */
  lro: { pollsBeforeDone: number; operationTimeout: string; durationMs: number; retryAfterSeconds?: number; profile: 'fast' | 'realistic'; realisticScale: number };
  /**
   * Azure Monitor's ingestion delay: a served request shows in the metrics `ingestionDelaySeconds` × the time scale later
   * (the scale: `timeScale` when set, else the profile's — realistic: `lro.realisticScale`, fast: 1/60).
   */
  metrics: { ingestionDelaySeconds: number; timeScale?: number };
  /** Eventual consistency of Microsoft.Authorization: new assignments grant after N s; new principals are unknown to it for N s. */
  rbac: { propagationSeconds: number; principalReplicationSeconds: number };
  /** Workspace storage: the default datastore's credentials (AccountKey, or None = identity-based) and the account's allowSharedKeyAccess. */
  storage: { datastoreCredentials: 'AccountKey' | 'None'; allowSharedKeyAccess: boolean };
  /** Per-family vCPU quota in the workspace region (keys: family names such as standardDSv2Family). */
  quota: Record<string, FamilyQuota>;
  tokens: { accessTokenLifetimeSeconds: number; idTokenLifetimeSeconds: number; idTokenIssuedAtOffsetSeconds: number; amlTokenLifetimeSeconds: number };
  entra: { legacyNoMatchingFicError: boolean; clockSkewSeconds: number };
  keyVault: { enforceValidityPeriod: boolean; pageSize: number };
  github: { subject?: string; audienceOverride?: string };
  deployments: Record<string, DeploymentBehaviour>;
}
export interface Scenario {
  file: string;
  /** The cloud of seeded endpoints' scoring hosts; requests follow the ARM host they come through. */
  cloud: string;
  tenantId: string;
  subscriptionId: string;
  subscriptionName: string;
  resourceGroups: string[];
  location: string;
  workspace: { name: string; resourceGroup: string; location: string; storageAccount: string; containerRegistry?: string; keyVault: string; applicationInsights?: string; registries: string[] };
  github: { repository: string; environment?: string; ref: string; workflow: string; eventName: string; actor: string; apiToken: string; requestToken: string; comments: Record<string, { id: number; body: string; user: string }[]> };
  workflowPrincipal: string;
  principals: ScenarioPrincipal[];
  userAssignedIdentities: ScenarioUai[];
  roleDefinitions: ScenarioRoleDefinition[];
  roleAssignments: ScenarioRoleAssignment[];
  endpointIdentityGrants: ScenarioSaiGrant[];
  connections: ScenarioConnection[];
  keyVaults: ScenarioVault[];
  assets: ScenarioAsset[];
  registries: ScenarioRegistry[];
  onlineEndpoints: ScenarioEndpoint[];
  knobs: Knobs;
}

export class ScenarioError extends Error {}


function fail(path: string, msg: string): never {
  throw new ScenarioError(`scenario: ${path}: ${msg}`);
}
function obj(v: unknown, path: string): Obj {
  if (v === undefined || v === null) return {};
  if (!isObj(v)) fail(path, 'must be a mapping');
  return v;
}
function arr(v: unknown, path: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) fail(path, 'must be a list');
  return v;
}
function str(v: unknown, path: string, def?: string): string {
  if (v === undefined || v === null) {
    if (def !== undefined) return def;
    fail(path, 'is required');
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v !== 'string') fail(path, 'must be a string');
  return v;
}
function optStr(v: unknown, path: string): string | undefined {
  return v === undefined || v === null ? undefined : str(v, path);
}
function num(v: unknown, path: string, def: number): number {
  if (v === undefined || v === null) return def;
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'must be a number');
  return v;
}
function bool(v: unknown, path: string, def: boolean): boolean {
  if (v === undefined || v === null) return def;
  if (typeof v !== 'boolean') fail(path, 'must be true or false');
  return v;
}
function strList(v: unknown, path: string): string[] {
  return arr(v, path).map((x, i) => str(x, `${path}[${i}]`));
}
function strDict(v: unknown, path: string): Record<string, string> {
  const o = obj(v, path);
  const out: Record<string, string> = {};
  for (const [k, val] of Object.entries(o)) out[k] = str(val, `${path}.${k}`);
  return out;
}
function checkKeys(o: Obj, allowed: string[], path: string): void {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) fail(`${path}.${k}`, `unknown key (allowed: ${allowed.join(', ')})`);
}
/** Dates may be given as ISO strings or unix seconds; Key Vault speaks unix seconds. */
/** `created`: ISO date, unix seconds or `now`; absent → SCENARIO_PAST. */
export function parseCreated(v: unknown, path: string): Created {
  if (v === 'now') return 'now';
  return epoch(v, path) ?? SCENARIO_PAST;
}
function epoch(v: unknown, path: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number') return v;
  if (v instanceof Date) return Math.floor(v.getTime() / 1000);
  if (typeof v === 'string') {
    const t = Date.parse(v);
    if (Number.isNaN(t)) fail(path, 'must be an ISO date or unix seconds');
    return Math.floor(t / 1000);
  }
  fail(path, 'must be an ISO date or unix seconds');
}
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function guid(v: unknown, path: string, def?: () => string): string {
  if ((v === undefined || v === null) && def) return def();
  const s = str(v, path);
  if (!GUID.test(s)) fail(path, `must be a GUID, got '${s}'`);
  return s.toLowerCase();
}

function permission(v: unknown, path: string): RolePermission {
  const o = obj(v, path);
  checkKeys(o, ['actions', 'notActions', 'dataActions', 'notDataActions'], path);
  return {
    actions: strList(o['actions'], `${path}.actions`), notActions: strList(o['notActions'], `${path}.notActions`),
    dataActions: strList(o['dataActions'], `${path}.dataActions`), notDataActions: strList(o['notDataActions'], `${path}.notDataActions`),
  };
}

function behaviour(v: unknown, path: string): DeploymentBehaviour {
  const o = obj(v, path);
  checkKeys(o, ['failToStart', 'canceled', 'scoring', 'slowMs', 'errorStatus'], path);
  const scoring = str(o['scoring'], `${path}.scoring`, 'healthy');
  if (scoring !== 'healthy' && scoring !== 'error' && scoring !== 'slow') fail(`${path}.scoring`, 'must be healthy, error or slow');
  let failToStart: DeploymentBehaviour['failToStart'];
  if (o['failToStart'] !== undefined && o['failToStart'] !== false) {
    const f = o['failToStart'] === true ? {} : obj(o['failToStart'], `${path}.failToStart`);
    failToStart = {
      code: str(f['code'], `${path}.failToStart.code`, 'ResourceNotReady'),
      message: str(f['message'], `${path}.failToStart.message`, 'User container has crashed or terminated. Please see troubleshooting guide, available here: https://aka.ms/oe-tsg#error-resourcenotready'),
      logs: str(f['logs'], `${path}.failToStart.logs`, 'Traceback (most recent call last):\n  File "/var/azureml-server/entry.py", line 1, in <module>\nModuleNotFoundError: No module named \'missing_module\'\n'),
    };
  }
  return { failToStart, canceled: bool(o['canceled'], `${path}.canceled`, false), scoring, slowMs: num(o['slowMs'], `${path}.slowMs`, 3000), errorStatus: num(o['errorStatus'], `${path}.errorStatus`, 500) };
}

export function parseKnobs(v: unknown, path: string, base?: Knobs): Knobs {
  const o = obj(v, path);
  checkKeys(o, ['lro', 'metrics', 'rbac', 'storage', 'quota', 'tokens', 'entra', 'keyVault', 'github', 'deployments'], path);
  const lro = obj(o['lro'], `${path}.lro`);
  const metrics = obj(o['metrics'], `${path}.metrics`);
  checkKeys(metrics, ['ingestionDelaySeconds', 'timeScale'], `${path}.metrics`);
  const rbac = obj(o['rbac'], `${path}.rbac`);
  checkKeys(rbac, ['propagationSeconds', 'principalReplicationSeconds'], `${path}.rbac`);
  const storage = obj(o['storage'], `${path}.storage`);
  checkKeys(storage, ['datastoreCredentials', 'allowSharedKeyAccess'], `${path}.storage`);
  const datastoreCredentials = str(storage['datastoreCredentials'], `${path}.storage.datastoreCredentials`, base?.storage.datastoreCredentials ?? 'AccountKey');
  if (datastoreCredentials !== 'AccountKey' && datastoreCredentials !== 'None') fail(`${path}.storage.datastoreCredentials`, 'must be AccountKey or None');
  const quota: Record<string, FamilyQuota> = { ...(base?.quota ?? {}) };
  for (const [family, q] of Object.entries(obj(o['quota'], `${path}.quota`))) {
    const qo = obj(q, `${path}.quota.${family}`);
    checkKeys(qo, ['limit', 'usage'], `${path}.quota.${family}`);
    quota[family] = { limit: num(qo['limit'], `${path}.quota.${family}.limit`, quota[family]?.limit ?? 0), usage: num(qo['usage'], `${path}.quota.${family}.usage`, quota[family]?.usage ?? 0) };
  }
  const tokens = obj(o['tokens'], `${path}.tokens`);
  const entra = obj(o['entra'], `${path}.entra`);
  const kv = obj(o['keyVault'], `${path}.keyVault`);
  const gh = obj(o['github'], `${path}.github`);
  const deps = obj(o['deployments'], `${path}.deployments`);
  checkKeys(lro, ['pollsBeforeDone', 'operationTimeout', 'durationMs', 'retryAfterSeconds', 'profile', 'realisticScale'], `${path}.lro`);
  const profile = str(lro['profile'], `${path}.lro.profile`, base?.lro.profile ?? 'fast');
  if (profile !== 'fast' && profile !== 'realistic') throw new Error(`scenario: ${path}.lro.profile: must be fast or realistic`);
  checkKeys(tokens, ['accessTokenLifetimeSeconds', 'idTokenLifetimeSeconds', 'idTokenIssuedAtOffsetSeconds', 'amlTokenLifetimeSeconds'], `${path}.tokens`);
  checkKeys(entra, ['legacyNoMatchingFicError', 'clockSkewSeconds'], `${path}.entra`);
  checkKeys(kv, ['enforceValidityPeriod', 'pageSize'], `${path}.keyVault`);
  checkKeys(gh, ['subject', 'audienceOverride'], `${path}.github`);
  const b = base;
  const deployments: Record<string, DeploymentBehaviour> = { ...(b?.deployments ?? {}) };
  for (const [k, d] of Object.entries(deps)) deployments[k] = behaviour(d, `${path}.deployments.${k}`);
  return {
    lro: {
      pollsBeforeDone: num(lro['pollsBeforeDone'], `${path}.lro.pollsBeforeDone`, b?.lro.pollsBeforeDone ?? 1),
      operationTimeout: str(lro['operationTimeout'], `${path}.lro.operationTimeout`, b?.lro.operationTimeout ?? 'PT30M'),
      durationMs: num(lro['durationMs'], `${path}.lro.durationMs`, b?.lro.durationMs ?? 0),
      // null clears it (PATCH /knobs), absent keeps it
      profile,
      realisticScale: num(lro['realisticScale'], `${path}.lro.realisticScale`, b?.lro.realisticScale ?? 0.002),
      retryAfterSeconds: lro['retryAfterSeconds'] === null ? undefined : lro['retryAfterSeconds'] === undefined ? b?.lro.retryAfterSeconds : num(lro['retryAfterSeconds'], `${path}.lro.retryAfterSeconds`, 0),
    },
    metrics: {
      ingestionDelaySeconds: num(metrics['ingestionDelaySeconds'], `${path}.metrics.ingestionDelaySeconds`, b?.metrics.ingestionDelaySeconds ?? 120),
      // null clears it (PATCH /knobs): the profile's scale again
      timeScale: metrics['timeScale'] === null ? undefined : metrics['timeScale'] === undefined ? b?.metrics.timeScale : num(metrics['timeScale'], `${path}.metrics.timeScale`, 0),
    },
    rbac: {
      propagationSeconds: num(rbac['propagationSeconds'], `${path}.rbac.propagationSeconds`, b?.rbac.propagationSeconds ?? 0),
      principalReplicationSeconds: num(rbac['principalReplicationSeconds'], `${path}.rbac.principalReplicationSeconds`, b?.rbac.principalReplicationSeconds ?? 0),
    },
    storage: { datastoreCredentials, allowSharedKeyAccess: bool(storage['allowSharedKeyAccess'], `${path}.storage.allowSharedKeyAccess`, base?.storage.allowSharedKeyAccess ?? true) },
    quota,
    tokens: {
      accessTokenLifetimeSeconds: num(tokens['accessTokenLifetimeSeconds'], `${path}.tokens.accessTokenLifetimeSeconds`, b?.tokens.accessTokenLifetimeSeconds ?? 3599),
      idTokenLifetimeSeconds: num(tokens['idTokenLifetimeSeconds'], `${path}.tokens.idTokenLifetimeSeconds`, b?.tokens.idTokenLifetimeSeconds ?? 300),
      idTokenIssuedAtOffsetSeconds: num(tokens['idTokenIssuedAtOffsetSeconds'], `${path}.tokens.idTokenIssuedAtOffsetSeconds`, b?.tokens.idTokenIssuedAtOffsetSeconds ?? 0),
      amlTokenLifetimeSeconds: num(tokens['amlTokenLifetimeSeconds'], `${path}.tokens.amlTokenLifetimeSeconds`, b?.tokens.amlTokenLifetimeSeconds ?? 3600),
    },
    entra: {
      legacyNoMatchingFicError: bool(entra['legacyNoMatchingFicError'], `${path}.entra.legacyNoMatchingFicError`, b?.entra.legacyNoMatchingFicError ?? false),
      clockSkewSeconds: num(entra['clockSkewSeconds'], `${path}.entra.clockSkewSeconds`, b?.entra.clockSkewSeconds ?? 0),
    },
    keyVault: {
      enforceValidityPeriod: bool(kv['enforceValidityPeriod'], `${path}.keyVault.enforceValidityPeriod`, b?.keyVault.enforceValidityPeriod ?? false),
      pageSize: num(kv['pageSize'], `${path}.keyVault.pageSize`, b?.keyVault.pageSize ?? 25),
    },
    github: {
      subject: optStr(gh['subject'], `${path}.github.subject`) ?? b?.github.subject,
      audienceOverride: optStr(gh['audienceOverride'], `${path}.github.audienceOverride`) ?? b?.github.audienceOverride,
    },
    deployments,
  };
}

export function parseScenario(doc: unknown, file: string): Scenario {
  const root = obj(doc, '(root)');
  checkKeys(root, ['cloud', 'tenantId', 'subscription', 'resourceGroups', 'location', 'workspace', 'github', 'workflowPrincipal', 'principals',
    'userAssignedIdentities', 'roleDefinitions', 'roleAssignments', 'endpointIdentityRoleAssignments', 'connections', 'keyVaults',
    'assets', 'registries', 'onlineEndpoints', 'behaviour', 'description'], '(root)');
  const tenantId = guid(root['tenantId'], 'tenantId');
  const sub = obj(root['subscription'], 'subscription');
  checkKeys(sub, ['id', 'name'], 'subscription');
  const subscriptionId = guid(sub['id'], 'subscription.id');
  const location = str(root['location'], 'location', 'eastus').toLowerCase();
  const cloud = str(root['cloud'], 'cloud', 'AzureCloud');
  if (!['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'].includes(cloud)) fail('cloud', 'must be AzureCloud, AzureUSGovernment or AzureChinaCloud');
  const ws = obj(root['workspace'], 'workspace');
  checkKeys(ws, ['name', 'resourceGroup', 'location', 'storageAccount', 'containerRegistry', 'keyVault', 'applicationInsights', 'registries'], 'workspace');
  const wsRg = str(ws['resourceGroup'], 'workspace.resourceGroup');
  const resourceGroups = strList(root['resourceGroups'], 'resourceGroups');
  if (!resourceGroups.some((r) => r.toLowerCase() === wsRg.toLowerCase())) resourceGroups.unshift(wsRg);

  const gh = obj(root['github'], 'github');
  checkKeys(gh, ['repository', 'environment', 'ref', 'workflow', 'eventName', 'actor', 'apiToken', 'requestToken', 'comments'], 'github');
  const repository = str(gh['repository'], 'github.repository', 'octo-org/octo-repo');
  if (!/^[^/\s]+\/[^/\s]+$/.test(repository)) fail('github.repository', 'must be OWNER/REPO');
  const comments: Scenario['github']['comments'] = {};
  for (const [issue, list] of Object.entries(obj(gh['comments'], 'github.comments'))) {
    comments[issue] = arr(list, `github.comments.${issue}`).map((c, i) => {
      const co = obj(c, `github.comments.${issue}[${i}]`);
      return { id: num(co['id'], `github.comments.${issue}[${i}].id`, 1000 + i), body: str(co['body'], `github.comments.${issue}[${i}].body`), user: str(co['user'], `github.comments.${issue}[${i}].user`, 'github-actions[bot]') };
    });
  }

  const principals = arr(root['principals'], 'principals').map((p, i): ScenarioPrincipal => {
    const path = `principals[${i}]`;
    const o = obj(p, path);
    checkKeys(o, ['name', 'type', 'objectId', 'clientId', 'federatedCredentials', 'memberOf', 'created'], path);
    const type = str(o['type'], `${path}.type`, 'ServicePrincipal');
    if (type !== 'ServicePrincipal' && type !== 'User' && type !== 'Group') fail(`${path}.type`, 'must be ServicePrincipal, User or Group');
    return {
      name: str(o['name'], `${path}.name`), type, objectId: guid(o['objectId'], `${path}.objectId`, randomUUID),
      clientId: o['clientId'] === undefined ? undefined : guid(o['clientId'], `${path}.clientId`),
      federatedCredentials: arr(o['federatedCredentials'], `${path}.federatedCredentials`).map((f, j) => {
        const fp = `${path}.federatedCredentials[${j}]`;
        const fo = typeof f === 'string' ? { subject: f } : obj(f, fp);
        checkKeys(fo, ['issuer', 'subject', 'audiences'], fp);
        const aud = strList(fo['audiences'], `${fp}.audiences`);
        return { issuer: str(fo['issuer'], `${fp}.issuer`, 'https://token.actions.githubusercontent.com'), subject: str(fo['subject'], `${fp}.subject`), audiences: aud.length ? aud : ['api://AzureADTokenExchange'] };
      }),
      memberOf: strList(o['memberOf'], `${path}.memberOf`),
      created: parseCreated(o['created'], `${path}.created`),
    };
  });
  const names = new Set<string>();
  for (const p of principals) {
    if (names.has(p.name)) fail('principals', `duplicate name '${p.name}'`);
    names.add(p.name);
  }
  const workflowPrincipal = str(root['workflowPrincipal'], 'workflowPrincipal', principals[0]?.name ?? '');
  const wp = principals.find((p) => p.name === workflowPrincipal);
  if (!wp) fail('workflowPrincipal', `names no principal ('${workflowPrincipal}')`);
  if (!wp.clientId) fail('workflowPrincipal', `principal '${wp.name}' needs a clientId (it is the workflow's app registration)`);

  const userAssignedIdentities = arr(root['userAssignedIdentities'], 'userAssignedIdentities').map((u, i): ScenarioUai => {
    const path = `userAssignedIdentities[${i}]`;
    const o = obj(u, path);
    checkKeys(o, ['name', 'resourceGroup', 'location', 'principalId', 'clientId'], path);
    return { name: str(o['name'], `${path}.name`), resourceGroup: str(o['resourceGroup'], `${path}.resourceGroup`, wsRg), location: str(o['location'], `${path}.location`, location), principalId: guid(o['principalId'], `${path}.principalId`, randomUUID), clientId: guid(o['clientId'], `${path}.clientId`, randomUUID) };
  });

  const roleDefinitions = arr(root['roleDefinitions'], 'roleDefinitions').map((r, i): ScenarioRoleDefinition => {
    const path = `roleDefinitions[${i}]`;
    const o = obj(r, path);
    checkKeys(o, ['id', 'roleName', 'description', 'permissions', 'assignableScopes'], path);
    return { id: guid(o['id'], `${path}.id`, randomUUID), roleName: str(o['roleName'], `${path}.roleName`), description: str(o['description'], `${path}.description`, ''), permissions: arr(o['permissions'], `${path}.permissions`).map((p, j) => permission(p, `${path}.permissions[${j}]`)), assignableScopes: strList(o['assignableScopes'], `${path}.assignableScopes`) };
  });

  const assignment = (a: unknown, path: string): ScenarioRoleAssignment => {
    const o = obj(a, path);
    checkKeys(o, ['principal', 'role', 'scope', 'condition', 'conditionHolds', 'name', 'created'], path);
    return { principal: str(o['principal'], `${path}.principal`), role: str(o['role'], `${path}.role`), scope: str(o['scope'], `${path}.scope`), condition: optStr(o['condition'], `${path}.condition`), conditionHolds: bool(o['conditionHolds'], `${path}.conditionHolds`, false), name: o['name'] === undefined ? undefined : guid(o['name'], `${path}.name`), created: parseCreated(o['created'], `${path}.created`) };
  };
  const roleAssignments = arr(root['roleAssignments'], 'roleAssignments').map((a, i) => assignment(a, `roleAssignments[${i}]`));
  const endpointIdentityGrants = arr(root['endpointIdentityRoleAssignments'], 'endpointIdentityRoleAssignments').map((a, i): ScenarioSaiGrant => {
    const path = `endpointIdentityRoleAssignments[${i}]`;
    const o = obj(a, path);
    checkKeys(o, ['role', 'scope', 'endpoints'], path);
    const eps = o['endpoints'] === undefined ? undefined : strList(o['endpoints'], `${path}.endpoints`);
    return { role: str(o['role'], `${path}.role`), scope: str(o['scope'], `${path}.scope`), endpoints: eps };
  });

  const connections = arr(root['connections'], 'connections').map((c, i): ScenarioConnection => {
    const path = `connections[${i}]`;
    const o = obj(c, path);
    checkKeys(o, ['name', 'category', 'authType', 'target', 'credentials', 'metadata'], path);
    const name = str(o['name'], `${path}.name`);
    // WorkspaceConnections_Get: name pattern ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$ (contracts/INDEX.md §2)
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/.test(name)) fail(`${path}.name`, `'${name}' breaks ^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$`);
    const authType = str(o['authType'], `${path}.authType`, 'None');
    const credentials = o['credentials'] === undefined ? undefined : obj(o['credentials'], `${path}.credentials`);
    if (authType === 'CustomKeys' && credentials && !isObj(credentials['keys'])) fail(`${path}.credentials`, 'CustomKeys credentials must be {keys: {NAME: value}} (ARM listsecrets shape)');
    return { name, category: str(o['category'], `${path}.category`, 'CustomKeys'), authType, target: optStr(o['target'], `${path}.target`), credentials, metadata: strDict(o['metadata'], `${path}.metadata`) };
  });

  const keyVaults = arr(root['keyVaults'], 'keyVaults').map((v, i): ScenarioVault => {
    const path = `keyVaults[${i}]`;
    const o = obj(v, path);
    checkKeys(o, ['name', 'resourceGroup', 'location', 'permissionModel', 'accessPolicies', 'secrets'], path);
    const model = str(o['permissionModel'], `${path}.permissionModel`, 'rbac');
    if (model !== 'rbac' && model !== 'accessPolicy') fail(`${path}.permissionModel`, 'must be rbac or accessPolicy');
    return {
      name: str(o['name'], `${path}.name`).toLowerCase(), resourceGroup: str(o['resourceGroup'], `${path}.resourceGroup`, wsRg), location: str(o['location'], `${path}.location`, location), permissionModel: model,
      accessPolicies: arr(o['accessPolicies'], `${path}.accessPolicies`).map((p, j) => {
        const po = obj(p, `${path}.accessPolicies[${j}]`);
        checkKeys(po, ['principal', 'secrets'], `${path}.accessPolicies[${j}]`);
        return { principal: str(po['principal'], `${path}.accessPolicies[${j}].principal`), secrets: strList(po['secrets'], `${path}.accessPolicies[${j}].secrets`).map((s) => s.toLowerCase()) };
      }),
      secrets: arr(o['secrets'], `${path}.secrets`).map((s, j): ScenarioSecret => {
        const sp = `${path}.secrets[${j}]`;
        const so = obj(s, sp);
        checkKeys(so, ['name', 'versions'], sp);
        const versions = arr(so['versions'], `${sp}.versions`).map((ver, k): ScenarioSecretVersion => {
          const vp = `${sp}.versions[${k}]`;
          const vo = obj(ver, vp);
          checkKeys(vo, ['version', 'value', 'enabled', 'nbf', 'exp', 'contentType', 'created'], vp);
          return { version: str(vo['version'], `${vp}.version`, randomUUID().replace(/-/g, '')), value: str(vo['value'], `${vp}.value`), enabled: bool(vo['enabled'], `${vp}.enabled`, true), nbf: epoch(vo['nbf'], `${vp}.nbf`), exp: epoch(vo['exp'], `${vp}.exp`), contentType: optStr(vo['contentType'], `${vp}.contentType`), created: epoch(vo['created'], `${vp}.created`) ?? SCENARIO_PAST + k * 60 };
        });
        if (versions.length === 0) fail(`${sp}.versions`, 'needs at least one version (the last one is the current version)');
        return { name: str(so['name'], `${sp}.name`), versions };
      }),
    };
  });

  const assets: ScenarioAsset[] = [];
  const ao = obj(root['assets'], 'assets');
  checkKeys(ao, ['models', 'environments', 'codes'], 'assets');
  for (const kind of ['models', 'environments', 'codes'] as const) {
    arr(ao[kind], `assets.${kind}`).forEach((a, i) => {
      const path = `assets.${kind}[${i}]`;
      const o = obj(a, path);
      const { name, version, ...rest } = o;
      assets.push({ kind, name: str(name, `${path}.name`), version: str(version, `${path}.version`), properties: rest });
    });
  }

  const registries = arr(root['registries'], 'registries').map((r, i): ScenarioRegistry => {
    const path = `registries[${i}]`;
    const o = obj(r, path);
    checkKeys(o, ['name', 'location', 'subscription', 'resourceGroup', 'public', 'models', 'environments', 'codes'], path);
    const name = str(o['name'], `${path}.name`);
    if (!/^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$/.test(name)) fail(`${path}.name`, 'must be 3-33 letters, digits, - or _, starting with a letter or digit');
    const regAssets: ScenarioRegistry['assets'] = [];
    for (const kind of ['models', 'environments', 'codes'] as const) {
      arr(o[kind], `${path}.${kind}`).forEach((a, j) => {
        const ap = `${path}.${kind}[${j}]`;
        const { name: n, version, ...rest } = obj(a, ap);
        regAssets.push({ kind, name: str(n, `${ap}.name`), version: str(version, `${ap}.version`), properties: rest });
      });
    }
    return {
      name, location: str(o['location'], `${path}.location`, location).toLowerCase(),
      subscriptionId: o['subscription'] === undefined ? subscriptionId : guid(o['subscription'], `${path}.subscription`),
      resourceGroup: str(o['resourceGroup'], `${path}.resourceGroup`, `${name}-rg`), public: bool(o['public'], `${path}.public`, false), assets: regAssets,
    };
  });

  const onlineEndpoints = arr(root['onlineEndpoints'], 'onlineEndpoints').map((e, i): ScenarioEndpoint => {
    const path = `onlineEndpoints[${i}]`;
    const o = obj(e, path);
    checkKeys(o, ['name', 'authMode', 'identity', 'principalId', 'created', 'properties', 'traffic', 'deployments'], path);
    const id = obj(o['identity'], `${path}.identity`);
    checkKeys(id, ['type', 'userAssignedIdentities'], `${path}.identity`);
    const traffic: Record<string, number> = {};
    for (const [k, t] of Object.entries(obj(o['traffic'], `${path}.traffic`))) traffic[k] = num(t, `${path}.traffic.${k}`, 0);
    return {
      name: str(o['name'], `${path}.name`), authMode: str(o['authMode'], `${path}.authMode`, 'Key'), identityType: str(id['type'], `${path}.identity.type`, 'SystemAssigned'),
      userAssignedIdentities: strList(id['userAssignedIdentities'], `${path}.identity.userAssignedIdentities`),
      principalId: o['principalId'] === undefined ? undefined : guid(o['principalId'], `${path}.principalId`),
      created: parseCreated(o['created'], `${path}.created`),
      properties: strDict(o['properties'], `${path}.properties`), traffic,
      deployments: arr(o['deployments'], `${path}.deployments`).map((d, j): ScenarioDeployment => {
        const dp = `${path}.deployments[${j}]`;
        const dobj = obj(d, dp);
        checkKeys(dobj, ['name', 'instanceType', 'instanceCount', 'model', 'environmentId', 'environmentVariables', 'properties'], dp);
        return { name: str(dobj['name'], `${dp}.name`), instanceType: str(dobj['instanceType'], `${dp}.instanceType`, 'Standard_DS3_v2'), instanceCount: num(dobj['instanceCount'], `${dp}.instanceCount`, 1), model: optStr(dobj['model'], `${dp}.model`), environmentId: optStr(dobj['environmentId'], `${dp}.environmentId`), environmentVariables: strDict(dobj['environmentVariables'], `${dp}.environmentVariables`), properties: obj(dobj['properties'], `${dp}.properties`) };
      }),
    };
  });

  return {
    file, cloud, tenantId, subscriptionId, subscriptionName: str(sub['name'], 'subscription.name', 'Emulated Subscription'), resourceGroups, location,
    workspace: {
      name: str(ws['name'], 'workspace.name'), resourceGroup: wsRg, location: str(ws['location'], 'workspace.location', location).toLowerCase(),
      storageAccount: str(ws['storageAccount'], 'workspace.storageAccount'), containerRegistry: optStr(ws['containerRegistry'], 'workspace.containerRegistry'),
      keyVault: str(ws['keyVault'], 'workspace.keyVault'), applicationInsights: optStr(ws['applicationInsights'], 'workspace.applicationInsights'),
      registries: strList(ws['registries'], 'workspace.registries'),
    },
    github: {
      repository, environment: optStr(gh['environment'], 'github.environment'), ref: str(gh['ref'], 'github.ref', 'refs/heads/main'),
      workflow: str(gh['workflow'], 'github.workflow', '.github/workflows/deploy.yml'), eventName: str(gh['eventName'], 'github.eventName', 'push'),
      actor: str(gh['actor'], 'github.actor', 'octocat'), apiToken: str(gh['apiToken'], 'github.apiToken', `ghs_${randomUUID().replace(/-/g, '')}`),
      requestToken: str(gh['requestToken'], 'github.requestToken', `emu-request-${randomUUID()}`), comments,
    },
    workflowPrincipal, principals, userAssignedIdentities, roleDefinitions, roleAssignments, endpointIdentityGrants, connections, keyVaults, assets, registries, onlineEndpoints,
    knobs: parseKnobs(root['behaviour'], 'behaviour'),
  };
}

export function loadScenario(file: string): Scenario {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ScenarioError(`scenario: cannot read ${file}: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (e) {
    throw new ScenarioError(`scenario: ${file} is not valid YAML: ${(e as Error).message}`);
  }
  return parseScenario(doc, file);
}

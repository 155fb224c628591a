// Azure Machine Learning reads for validate: workspace, endpoint, deployments, connections (through
// `listsecrets`, keeping only key names), asset versions, VM sizes and quota. Read-only: every
// request here is a GET or a POST that reads (`listsecrets`). docs/architecture.md §3–4.
import type {
  ConnectionFacts,
  LiveDeploymentFacts,
  LiveEndpointFacts,
  Lookup,
  ManagedIdentityFacts,
  UsageFacts,
  VmSizeFacts,
  WorkspaceFacts,
} from '../checks/facts.ts';
import type { AssetRef } from '../manifests/assets.ts';
import { ML_API_VERSION } from '../manifests/rest.ts';
import { listAll, lookup } from './read.ts';
import type { ArmClient } from './rest.ts';
import { obj, str, type Json } from './json.ts';
import { holdSecretValues } from './secret-values.ts';

export const LIST_SECRETS_PERMISSION = 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action';

export interface MlScope {
  arm: ArmClient;
  subscriptionId: string;
  workspacePath: string;
}

const stringDict = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(v)).filter(([, x]) => x !== null && x !== undefined).map(([k, x]) => [k, String(x)]));
const numberDict = (v: unknown): Record<string, number> =>
  Object.fromEntries(Object.entries(obj(v)).filter(([, x]) => typeof x === 'number') as [string, number][]);

export function readWorkspace(s: MlScope): Promise<Lookup<WorkspaceFacts>> {
  return lookup(async () => parseWorkspace((await s.arm.send({ method: 'GET', path: s.workspacePath, apiVersion: ML_API_VERSION })).body), 'Microsoft.MachineLearningServices/workspaces/read');
}

export function parseWorkspace(body: unknown): WorkspaceFacts {
  const b = obj(body);
  const p = obj(b.properties);
  return {
    id: str(b.id) ?? '',
    location: (str(b.location) ?? '').toLowerCase().replace(/\s+/g, ''),
    storageAccountId: str(p.storageAccount),
    containerRegistryId: str(p.containerRegistry),
    keyVaultId: str(p.keyVault),
  };
}

export function readEndpoint(s: MlScope, name: string): Promise<Lookup<LiveEndpointFacts>> {
  return lookup(
    async () => parseEndpoint((await s.arm.send({ method: 'GET', path: `${s.workspacePath}/onlineEndpoints/${name}`, apiVersion: ML_API_VERSION })).body),
    'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read',
  );
}

export function parseEndpoint(body: unknown): LiveEndpointFacts {
  const b = obj(body);
  const p = obj(b.properties);
  return {
    name: str(b.name) ?? '',
    provisioningState: str(p.provisioningState) ?? 'Unknown',
    identity: parseIdentity(b.identity),
    authMode: str(p.authMode),
    traffic: numberDict(p.traffic),
    mirrorTraffic: numberDict(p.mirrorTraffic),
    scoringUri: str(p.scoringUri),
    swaggerUri: str(p.swaggerUri),
    ...(str(p.compute) ? { compute: str(p.compute) } : {}),
    properties: stringDict(p.properties),
    body: b,
  };
}

const IDENTITY_TYPES: ManagedIdentityFacts['type'][] = ['SystemAssigned', 'UserAssigned', 'SystemAssigned,UserAssigned', 'None'];

export function parseIdentity(value: unknown): ManagedIdentityFacts {
  const i = obj(value);
  const typeText = (str(i.type) ?? 'None').replace(/\s+/g, '').toLowerCase();
  const type = IDENTITY_TYPES.find((t) => t.toLowerCase() === typeText) ?? 'None';
  const userAssigned: ManagedIdentityFacts['userAssigned'] = {};
  for (const [id, v] of Object.entries(obj(i.userAssignedIdentities))) {
    userAssigned[id.toLowerCase()] = { principalId: str(obj(v).principalId), clientId: str(obj(v).clientId) };
  }
  return { type, principalId: str(i.principalId), userAssigned };
}

/** The endpoint's deployments by name; an endpoint that does not exist has none (missing). */
export function readDeployments(s: MlScope, endpointName: string): Promise<Lookup<Record<string, LiveDeploymentFacts>>> {
  return lookup(async () => {
    const items = await listAll<unknown>(s.arm, { method: 'GET', path: `${s.workspacePath}/onlineEndpoints/${endpointName}/deployments`, apiVersion: ML_API_VERSION });
    return Object.fromEntries(items.map(parseDeployment).map((d) => [d.name.toLowerCase(), d]));
  }, 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/read');
}

export function parseDeployment(body: unknown): LiveDeploymentFacts {
  const b = obj(body);
  const p = obj(b.properties);
  const capacity = obj(b.sku).capacity;
  return {
    name: str(b.name) ?? '',
    provisioningState: str(p.provisioningState) ?? 'Unknown',
    instanceType: str(p.instanceType),
    instanceCount: typeof capacity === 'number' ? capacity : undefined,
    body: b,
  };
}

/**
 * One `listsecrets` per connection. The answer carries credential values: they stay inside this
 * function, which keeps only the key names (docs/architecture.md §4).
 */
export function readConnection(s: MlScope, name: string): Promise<Lookup<ConnectionFacts>> {
  return lookup(
    async () => {
      const body = (await s.arm.send({ method: 'POST', path: `${s.workspacePath}/connections/${name}/listsecrets`, apiVersion: ML_API_VERSION })).body;
      // The values are masks before anything can print them.
      holdSecretValues(obj(obj(body).properties).credentials);
      return connectionFacts(name, body);
    },
    LIST_SECRETS_PERMISSION,
  );
}

/** Key names of a `listsecrets` answer; never a value. CustomKeys keep theirs under `credentials.keys`. */
export function connectionFacts(name: string, body: unknown): ConnectionFacts {
  const p = obj(obj(body).properties);
  const authType = str(p.authType);
  const credentials = obj(p.credentials);
  const credentialSource = authType?.toLowerCase() === 'customkeys' ? obj(credentials.keys) : credentials;
  return {
    name: str(obj(body).name) ?? name,
    authType,
    target: str(p.target) !== undefined,
    credentialKeys: Object.keys(credentialSource).filter((k) => credentialSource[k] !== null && credentialSource[k] !== undefined),
    metadataKeys: Object.keys(obj(p.metadata)),
  };
}

/** Names of every connection in the workspace (no secrets): read only when a referenced one is missing, to suggest the closest. */
export async function readConnectionNames(s: MlScope): Promise<string[] | undefined> {
  const l = await lookup(async () => (await listAll<Json>(s.arm, { method: 'GET', path: `${s.workspacePath}/connections`, apiVersion: ML_API_VERSION })).map((c) => str(c.name) ?? ''));
  return l.kind === 'found' ? l.value.filter(Boolean) : undefined;
}

/** The ARM path of a registered asset reference, or undefined when it cannot be read here (registry, curated). */
export function assetPath(s: Pick<MlScope, 'workspacePath'>, ref: AssetRef): { path: string; latest: boolean } | undefined {
  switch (ref.kind) {
    case 'version':
      return { path: `${s.workspacePath}/${ref.type}/${ref.name}/versions/${ref.version}`, latest: false };
    case 'label':
      return ref.label === 'latest' ? { path: `${s.workspacePath}/${ref.type}/${ref.name}/versions`, latest: true } : undefined;
    case 'arm':
      return { path: ref.id, latest: false };
    default:
      return undefined;
  }
}

/** One GET per distinct asset version; `@latest` lists the versions newest first and takes one. */
export function readAsset(s: MlScope, ref: AssetRef): Promise<Lookup<{ id: string }>> | undefined {
  const target = assetPath(s, ref);
  if (!target) return undefined;
  return lookup(async () => {
    if (!target.latest) return { id: str(obj((await s.arm.send({ method: 'GET', path: target.path, apiVersion: ML_API_VERSION })).body).id) ?? target.path };
    const res = await s.arm.send<{ value?: Json[] }>({ method: 'GET', path: target.path, apiVersion: ML_API_VERSION, query: { $orderBy: 'createdtime desc', $top: '1' } });
    const newest = newestVersion(res.body?.value ?? []);
    if (!newest) throw new NoVersions();
    return { id: str(newest.id) ?? target.path };
  }, `Microsoft.MachineLearningServices/workspaces/${ref.type}/versions/read`).then((l) => (l.kind === 'unreadable' && l.why === NoVersions.WHY ? { kind: 'missing' } : l));
}

/** The service orders by `$orderBy`; picking by creation time as well keeps a server that ignores it honest. */
export function newestVersion(items: Json[]): Json | undefined {
  const created = (v: Json) => Date.parse(str(obj(v.systemData).createdAt) ?? '') || 0;
  return items.reduce<Json | undefined>((best, v) => (best === undefined || created(v) > created(best) ? v : best), undefined);
}

class NoVersions extends Error {
  static readonly WHY = 'the asset has no versions';
  constructor() {
    super(NoVersions.WHY);
  }
}

export function readVmSizes(s: MlScope, location: string): Promise<Lookup<VmSizeFacts[]>> {
  return lookup(async () => {
    const res = await s.arm.send<{ value?: Json[] }>({ method: 'GET', path: `/subscriptions/${s.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${location}/vmSizes`, apiVersion: ML_API_VERSION });
    return (res.body?.value ?? []).map((v): VmSizeFacts => {
      const size: VmSizeFacts = { name: str(v.name) ?? '', family: str(v.family) ?? '', vCPUs: typeof v.vCPUs === 'number' ? v.vCPUs : 0 };
      if (Array.isArray(v.supportedComputeTypes)) size.supportedComputeTypes = v.supportedComputeTypes.filter((t): t is string => typeof t === 'string');
      return size;
    });
  }).then(notServedIsUnreadable);
}

export function readUsages(s: MlScope, location: string): Promise<Lookup<UsageFacts[]>> {
  return lookup(async () => {
    const items = await listAll<Json>(s.arm, { method: 'GET', path: `/subscriptions/${s.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${location}/usages`, apiVersion: ML_API_VERSION });
    return items.map((u): UsageFacts => {
      const row: UsageFacts = { id: str(u.id) ?? '', type: str(u.type) ?? '', name: str(obj(u.name).value) ?? '', current: Number(u.currentValue ?? 0), limit: Number(u.limit ?? 0) };
      const localized = str(obj(u.name).localizedValue);
      if (localized) row.localizedName = localized;
      return row;
    });
  }).then(notServedIsUnreadable);
}

/** A list that answers 404 is not "no VM sizes": the region or the API is not available to read. */
function notServedIsUnreadable<T>(l: Lookup<T>): Lookup<T> {
  return l.kind === 'missing' ? { kind: 'unreadable', why: 'the region does not answer this list' } : l;
}

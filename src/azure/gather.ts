// Reads everything validate's checks decide on (src/checks/facts.ts), through the adapters, with
// every independent read started at once and each distinct thing read once (docs/architecture.md
// §3): one listsecrets per connection, one version listing per Key Vault secret, one role lookup
// per principal and scope, one GET per role definition. Reads depend on each other only where
// they must (a vault's role assignments need the vault's id; role definitions need the
// assignments), so a typical run takes three round trips after sign-in.
import type {
  CallerFacts,
  ComputeFacts,
  LiveEndpointFacts,
  Lookup,
  PermissionFacts,
  PrincipalFacts,
  RegistryMissFacts,
  RoleAssignmentFacts,
  RoleDefinitionFacts,
  SecretVersionFacts,
  UserAssignedIdentityFacts,
  ValidateFacts,
  VaultFacts,
  WorkspaceFacts,
} from '../checks/facts.ts';
import type { KeyVaultRef, SecretReference } from '../secrets/scan.ts';
import type { DeploymentSpec, EndpointSpec } from '../manifests/index.ts';
import type { AssetRef } from '../manifests/assets.ts';
import { readUserAssignedIdentity } from './identity.ts';
import { readSecretNames, readSecretVersions, readVault, secretVersionFacts, vaultArmId, type VersionItem } from './keyvault.ts';
import { readAsset, readConnection, readConnectionNames, readDeployments, readEndpoint, readUsages, readVmSizes } from './ml.ts';
import { readWorkspaceAddress } from './workspace.ts';
import { readCompute } from './compute.ts';
import { registryReader } from './registry.ts';
import { computeKey } from '../checks/kubernetes-compute.ts';
import { roleDefinitionKey } from '../checks/rbac.ts';
import { readAssignments, readCallerPermissions, readRoleDefinition } from './rbac.ts';
import { Once } from './read.ts';
import type { AzureSession } from './session.ts';

export interface GatherInput {
  endpoint?: EndpointSpec;
  endpointName: string;
  deployments: DeploymentSpec[];
  references: SecretReference[];
}

/** What was read, for the log and the summary ("report what was read"). */
export interface ReadSummary {
  connections: number;
  secrets: number;
  vaults: number;
  principalScopes: number;
  roleDefinitions: number;
  assets: number;
  /** Additive: of `assets`, those read from Azure ML registries (src/azure/registry.ts). */
  registryAssets?: number;
  /** Additive: Kubernetes computes read (one GET each). */
  computes?: number;
  /** Additive: Key Vault secret-name listings (one per vault with a missing referenced secret). */
  secretNameLists?: number;
  /** Additive: lists read to name what exists when the workspace address is wrong (0 or 1). */
  addressLists?: number;
  durationMs: number;
}

export interface Gathered {
  facts: ValidateFacts;
  reads: ReadSummary;
}

export async function gatherFacts(session: AzureSession, input: GatherInput, clock: () => Date = () => new Date()): Promise<Gathered> {
  const started = performance.now();
  const { arm } = session;
  const ml = { arm, subscriptionId: session.subscriptionId, workspacePath: session.workspacePath };
  const kvRefs = input.references.filter((r): r is KeyVaultRef => r.kind === 'keyvault');
  const referencedConnections = unique(input.references.flatMap((r) => (r.kind === 'keyvault' ? [] : [r.connection])));

  // Round 1: everything whose address the files alone give.
  const workspaceRead = readWorkspaceAddress({ ...ml, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName });
  const workspace = workspaceRead.then((r) => r.workspace);
  // Files that did not parse name no endpoint: there is nothing of it to read (their findings say why).
  const unnamed = Promise.resolve<Lookup<never>>({ kind: 'unreadable', why: 'the files name no endpoint (see the findings above)' });
  const endpoint = input.endpointName ? readEndpoint(ml, input.endpointName) : unnamed;
  const deployments = input.endpointName ? readDeployments(ml, input.endpointName) : unnamed;
  const connections = Object.fromEntries(referencedConnections.map((name) => [name, readConnection(ml, name)]));
  const versionLists = new Once<Lookup<VersionItem[]>>();
  const versionListOf = new Map<KeyVaultRef, Promise<Lookup<VersionItem[]>>>();
  const secretVersions: Record<string, Promise<Lookup<SecretVersionFacts>>> = {};
  for (const ref of kvRefs) {
    const list = versionLists.get(`${ref.vaultHost.toLowerCase()}/${ref.secretName.toLowerCase()}`, () => readSecretVersions(session.keyVault, ref.vaultUrl, ref.secretName));
    versionListOf.set(ref, list);
    secretVersions[ref.secretId] ??= list.then((l) => (l.kind === 'found' ? secretVersionFacts(ref.vaultHost, ref.secretName, ref.version, l.value) : l));
  }
  const vaults = new Once<Lookup<VaultFacts>>();
  const vaultByHost: Record<string, Promise<Lookup<VaultFacts>>> = {};
  for (const ref of kvRefs) {
    vaultByHost[ref.vaultHost] ??= vaults.get(ref.vaultHost.toLowerCase(), () => findVault(session, ref, workspace));
  }
  const uaiIds = unique((input.endpoint?.identity?.userAssignedIdentities ?? []).map((u) => u.resourceId));
  const userAssigned = Object.fromEntries(uaiIds.map((id) => [id.toLowerCase(), readUserAssignedIdentity(arm, id)]));
  const { assets, misses: registryMisses } = readAssets(ml, registryReader({ arm, cloud: session.cloud }), input.deployments);
  // A Kubernetes endpoint's compute: one GET (type and instance types), as soon as its name is known.
  const computes = readEndpointCompute(ml, input, endpoint);
  const callerPermissions: Record<string, Promise<Lookup<PermissionFacts[]>>> = {
    [session.workspacePath]: readCallerPermissions(arm, session.workspacePath),
  };

  // Round 2: what needs round 1 (vault ids, principals, the region).
  const vaultIds = Promise.all(Object.values(vaultByHost)).then((ls) => unique(ls.flatMap((l) => (l.kind === 'found' && l.value.resourceId ? [l.value.resourceId] : []))));
  const { address: workspaceAddress } = await workspaceRead;
  // A workspace that is not there (or refused) makes every other answer meaningless: no round 2
  // (the workspace check reports the one finding; docs/online-checks.md §workspace).
  const blocked = workspaceAddress.problem !== undefined;
  const callerAtVaults = vaultIds.then((ids) => (blocked ? [] : Promise.all(ids.map(async (id) => [id, await readCallerPermissions(arm, id)] as const))));
  const principals = blocked ? [] : endpointPrincipals(await endpoint, await Promise.all(Object.values(userAssigned)));
  const ws = await workspace;
  const scopesFor = async (p: { systemAssigned: boolean }): Promise<string[]> => {
    const scopes = [session.workspacePath, ...(await vaultIds)];
    if (!p.systemAssigned && ws.kind === 'found') scopes.push(...[ws.value.containerRegistryId, ws.value.storageAccountId].filter((s): s is string => Boolean(s)));
    return unique(scopes);
  };
  const assignmentReads = new Once<Lookup<RoleAssignmentFacts[]>>();
  const principalFacts = Promise.all(
    principals.map(async (p) => {
      const scopes = await scopesFor(p);
      const reads = await Promise.all(scopes.map((scope) => assignmentReads.get(`${p.objectId}|${scope.toLowerCase()}`, () => readAssignments(arm, p.objectId, scope))));
      return [p.objectId, { objectId: p.objectId, assignments: mergeAssignments(reads) }] as [string, PrincipalFacts];
    }),
  );
  // A referenced secret that does not exist: one names listing per such vault, for the closest name.
  const secretNames = Promise.all([...versionListOf].map(async ([ref, list]) => [ref, await list] as const)).then(async (lists) => {
    const missingByVault = new Map<string, { url: string; missing: string[] }>();
    for (const [ref, l] of lists) {
      if (l.kind !== 'missing') continue;
      const entry = missingByVault.get(ref.vaultHost.toLowerCase()) ?? { url: ref.vaultUrl, missing: [] };
      if (!entry.missing.includes(ref.secretName)) entry.missing.push(ref.secretName);
      missingByVault.set(ref.vaultHost.toLowerCase(), entry);
    }
    const vaultsNow = await Promise.all(Object.values(vaultByHost));
    const missingVault = (host: string) => vaultsNow.some((v, i) => v.kind === 'missing' && Object.keys(vaultByHost)[i]?.toLowerCase() === host);
    const entries = await Promise.all(
      [...missingByVault].filter(([host]) => !blocked && !missingVault(host)).map(async ([host, e]) => [host, { missing: e.missing, names: await readSecretNames(session.keyVault, e.url) }] as const),
    );
    return entries.length ? Object.fromEntries(entries) : undefined;
  });
  const workspaceConnections = Promise.all(Object.values(connections)).then((ls) => (!blocked && ls.some((l) => l.kind === 'missing') ? readConnectionNames(ml) : undefined));
  const location = ws.kind === 'found' ? ws.value.location : undefined;
  const needsQuota = input.deployments.some((d) => d.computeType === 'Managed' && d.instanceType);
  const unreadableRegion = Promise.resolve<Lookup<never>>({ kind: 'unreadable', why: 'the workspace (and so its region) could not be read' });
  const vmSizes = location && needsQuota ? readVmSizes(ml, location) : unreadableRegion;
  const usages = location && needsQuota ? readUsages(ml, location) : unreadableRegion;

  // Round 3: the role definitions the assignments name.
  const principalEntries = await principalFacts;
  const definitionIds = unique(principalEntries.flatMap(([, p]) => (p.assignments.kind === 'found' ? p.assignments.value.map((a) => a.roleDefinitionId) : [])));
  const definitionsByKey = new Map<string, string>();
  for (const id of definitionIds) if (!definitionsByKey.has(roleDefinitionKey(id))) definitionsByKey.set(roleDefinitionKey(id), id);
  const definitions = await Promise.all([...definitionsByKey].map(async ([key, id]) => [key, await readRoleDefinition(arm, id)] as const));
  const roleDefinitions: Record<string, RoleDefinitionFacts> = {};
  for (const [key, def] of definitions) if (def.kind === 'found') roleDefinitions[key] = def.value;

  const caller: CallerFacts = { objectId: session.caller.objectId, permissions: {} };
  for (const [scope, p] of Object.entries(callerPermissions)) caller.permissions[scope] = await p;
  for (const [scope, p] of await callerAtVaults) caller.permissions[scope] = p;

  const facts: ValidateFacts = {
    now: clock().toISOString(),
    workspace: ws,
    workspaceAddress,
    endpoint: await endpoint,
    deployments: await deployments,
    connections: await settle(connections),
    connectionNames: await workspaceConnections,
    vaults: await settle(vaultByHost),
    secretVersions: await settle(secretVersions),
    secretNames: await secretNames,
    caller,
    principals: Object.fromEntries(principalEntries),
    userAssignedIdentities: await settle(userAssigned),
    roleDefinitions,
    assets: await settle(assets),
    registryMisses: await registryMisses,
    computes: await computes,
    vmSizes: await vmSizes,
    usages: await usages,
  };
  return {
    facts,
    reads: {
      connections: referencedConnections.length,
      secrets: versionLists.size,
      vaults: vaults.size,
      principalScopes: assignmentReads.size,
      roleDefinitions: definitionsByKey.size,
      assets: Object.keys(assets).length,
      registryAssets: Object.keys(assets).filter((text) => text.startsWith('azureml://registries/')).length,
      computes: Object.keys(facts.computes ?? {}).length,
      secretNameLists: Object.keys(facts.secretNames ?? {}).length,
      addressLists: workspaceAddress.problem && workspaceAddress.problem !== 'refused' ? 1 : 0,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

/**
 * A reference names the vault by host only; its ARM id needs the resource group. The vault is
 * looked for in the workspace's resource group, then (when the names match) where the workspace's
 * own vault lives. Not found in either: `unreadable` (the vault may live elsewhere), never `missing`.
 */
async function findVault(session: AzureSession, ref: KeyVaultRef, workspace: Promise<Lookup<WorkspaceFacts>>): Promise<Lookup<VaultFacts>> {
  const inWorkspaceGroup = await readVault(session.arm, ref.vaultHost, vaultArmId(session.subscriptionId, session.resourceGroup, ref.vaultName));
  if (inWorkspaceGroup.kind !== 'missing') return inWorkspaceGroup;
  const ws = await workspace;
  const own = ws.kind === 'found' ? ws.value.keyVaultId : undefined;
  const ownGroup = own ? /\/resourceGroups\/([^/]+)\//i.exec(own)?.[1] : undefined;
  if (own && own.split('/').pop()?.toLowerCase() === ref.vaultName.toLowerCase() && ownGroup?.toLowerCase() !== session.resourceGroup.toLowerCase()) {
    const found = await readVault(session.arm, ref.vaultHost, own);
    if (found.kind !== 'missing') return found;
  }
  return { kind: 'unreadable', permission: 'Microsoft.KeyVault/vaults/read', why: `vault ${ref.vaultName} is not in resource group ${session.resourceGroup}; its permission model and role assignments cannot be read from here` };
}

interface EndpointPrincipal {
  objectId: string;
  systemAssigned: boolean;
}

/** The identities that will resolve references: the existing endpoint's system identity and every user-assigned one. */
function endpointPrincipals(endpoint: Lookup<LiveEndpointFacts>, uais: Lookup<UserAssignedIdentityFacts>[]): EndpointPrincipal[] {
  const found: EndpointPrincipal[] = [];
  if (endpoint.kind === 'found') {
    const id = endpoint.value.identity;
    if (id.principalId && id.type.includes('SystemAssigned')) found.push({ objectId: id.principalId, systemAssigned: true });
    for (const u of Object.values(id.userAssigned)) if (u.principalId) found.push({ objectId: u.principalId, systemAssigned: false });
  }
  for (const u of uais) if (u.kind === 'found' && u.value.principalId) found.push({ objectId: u.value.principalId, systemAssigned: false });
  const seen = new Set<string>();
  return found.filter((p) => !seen.has(p.objectId.toLowerCase()) && seen.add(p.objectId.toLowerCase()));
}

/** Assignments over all scopes of one principal; one unreadable scope makes the whole unreadable (it may hide the grant). */
function mergeAssignments(reads: Lookup<RoleAssignmentFacts[]>[]): Lookup<RoleAssignmentFacts[]> {
  const bad = reads.find((r) => r.kind === 'unreadable');
  if (bad) return bad;
  const byId = new Map<string, RoleAssignmentFacts>();
  for (const r of reads) if (r.kind === 'found') for (const a of r.value) byId.set(a.id.toLowerCase(), a);
  return { kind: 'found', value: [...byId.values()] };
}

/**
 * The compute a Kubernetes endpoint runs on: named by the endpoint file, or, when only deployment
 * files were given, by the live endpoint's `properties.compute` (read as soon as the endpoint GET
 * answers). No endpoint either: nothing to read (endpoint-not-found says why). docs/online-checks.md §kubernetes-compute.
 */
async function readEndpointCompute(ml: Parameters<typeof readCompute>[0], input: GatherInput, endpoint: Promise<Lookup<LiveEndpointFacts>>): Promise<Record<string, Lookup<ComputeFacts>>> {
  let named = input.endpoint?.compute;
  if (!input.endpoint && input.deployments.length > 0) {
    const live = await endpoint;
    if (live.kind === 'found' && live.value.compute) named = { id: live.value.compute };
  }
  const key = named ? computeKey(named) : undefined;
  if (!named || !key) return {};
  return { [key]: await readCompute(ml, named.id ?? named.name ?? key) };
}

/**
 * One read per distinct asset reference: workspace assets through ARM (src/azure/ml.ts), registry
 * assets through registry discovery and the registry's own host (src/azure/registry.ts), with, for
 * a registry asset that does not exist, what is missing.
 */
function readAssets(ml: Parameters<typeof readAsset>[0], registry: ReturnType<typeof registryReader>, deployments: DeploymentSpec[]): { assets: Record<string, Promise<Lookup<{ id: string }>>>; misses: Promise<Record<string, RegistryMissFacts> | undefined> } {
  const out: Record<string, Promise<Lookup<{ id: string }>>> = {};
  const misses: Array<Promise<[string, RegistryMissFacts | undefined]>> = [];
  const refs: AssetRef[] = deployments.flatMap((d) => [d.model, d.environment, d.code].flatMap((a) => (a?.kind === 'ref' ? [a.ref] : [])));
  for (const ref of refs) {
    if (ref.text in out) continue;
    if (ref.kind === 'registry') {
      const read = registry(ref);
      if (!read) continue;
      out[ref.text] = read.then((r) => r.asset);
      misses.push(read.then((r) => [ref.text, r.miss]));
      continue;
    }
    const read = readAsset(ml, ref);
    if (read) out[ref.text] = read;
  }
  const settled = Promise.all(misses).then((entries) => entries.filter((e): e is [string, RegistryMissFacts] => e[1] !== undefined));
  return { assets: out, misses: settled.then((entries) => (entries.length ? Object.fromEntries(entries) : undefined)) };
}

async function settle<T>(record: Record<string, Promise<T>>): Promise<Record<string, T>> {
  const entries = await Promise.all(Object.entries(record).map(async ([k, p]) => [k, await p] as const));
  return Object.fromEntries(entries);
}

function unique(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
}

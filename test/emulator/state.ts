// The emulator's world: every resource it holds, built from a Scenario and mutated by requests.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Created, Knobs, Scenario, ScenarioConnection, ScenarioRoleAssignment, ScenarioVault } from './scenario.ts';
import { builtinRoles } from './builtin-roles.ts';
import { normalizeScope, roleGuidOf } from './rbac.ts';
import type { RoleAssignmentRec, RoleDefinitionRec } from './rbac.ts';

/** Scenario principal prefix naming a seeded endpoint's system-assigned identity: `endpoint:NAME`. */
export const ENDPOINT_PRINCIPAL = 'endpoint:';

export interface PrincipalRec {
  objectId: string;
  type: 'ServicePrincipal' | 'User' | 'Group';
  displayName: string;
  clientId?: string;
  memberOf: string[];
  federatedCredentials: Scenario['principals'][number]['federatedCredentials'];
  origin: 'scenario' | 'userAssignedIdentity' | 'endpointSystemAssigned';
  /** Epoch ms the principal was created (replication delay): a scenario principal's `created`, or when the emulator made it; absent for user-assigned identities (long replicated). */
  createdAt?: number;
}

export interface EndpointRec {
  name: string;
  id: string;
  location: string;
  kind: string;
  identity: { type: string; principalId?: string; tenantId?: string; userAssignedIdentities?: Record<string, { principalId: string; clientId: string }> };
  properties: Record<string, unknown> & { properties: Record<string, string>; traffic: Record<string, number>; provisioningState: string };
  tags: Record<string, unknown>;
  keys: { primaryKey: string; secondaryKey: string };
  systemData: Record<string, string>;
  deployments: Map<string, DeploymentRec>;
}

export interface DeploymentRec {
  name: string;
  id: string;
  location: string;
  kind: string;
  sku: Record<string, unknown>;
  properties: Record<string, unknown> & { provisioningState: string };
  tags: Record<string, unknown>;
  systemData: Record<string, string>;
  /** What the container received after secret injection (emulator's view only; never in ARM responses). */
  containerEnvironment?: Record<string, string>;
  logs: string;
}

export interface OperationRec {
  id: string;
  kind: 'AzureAsyncOperation' | 'Location';
  resourceId: string;
  pollsLeft: number;
  startTime: string;
  endTime?: string;
  /** Epoch ms before which the operation stays InProgress whatever the polls (knob lro.durationMs). */
  readyAt: number;
  result: { status: 'Succeeded' } | { status: 'Failed' | 'Canceled'; error: { code: string; message: string; details?: unknown[] }; causes?: { variable: string; message: string }[] };
  status: 'InProgress' | 'Succeeded' | 'Failed' | 'Canceled';
  onDone: () => void;
}

/** One request a deployment served (metrics.ts aggregates these); `mirrored` copies were answered to nobody. */
export interface ScoringRecord { time: number; endpoint: string; deployment: string; status: number; latencyMs: number; mirrored: boolean; modelStatus?: number }

export interface AssetRec { kind: 'models' | 'environments' | 'codes'; name: string; version: string; id: string; properties: Record<string, unknown>; systemData: Record<string, string> }
export interface BlobRec { data: Buffer; contentType: string; lastModified: string; etag: string; blocks?: Map<string, Buffer>; metadata?: Record<string, string> }
export interface SasGrant { account: string; container: string; prefix: string; sig: string; expires: number }

export class World {
  readonly scenario: Scenario;
  knobs: Knobs;
  readonly principals = new Map<string, PrincipalRec>(); // by objectId (lower)
  readonly roleDefinitions = new Map<string, RoleDefinitionRec>(); // by guid
  roleAssignments: RoleAssignmentRec[] = [];
  readonly connections = new Map<string, ScenarioConnection>(); // by lower name
  readonly vaults = new Map<string, ScenarioVault>(); // by lower name
  readonly endpoints = new Map<string, EndpointRec>(); // by lower name
  readonly operations = new Map<string, OperationRec>();
  readonly assets = new Map<string, AssetRec>(); // by lower "kind/name/version"
  readonly blobs = new Map<string, BlobRec>(); // "account/container/path"
  readonly sasGrants: SasGrant[] = [];
  /** key1 of the workspace storage account (datastores listSecrets; Shared Key requests are signed with it). */
  readonly storageAccountKey = randomBytes(64).toString('base64');
  readonly issueComments = new Map<string, { id: number; body: string; user: string; created_at: string; updated_at: string }[]>();
  nextCommentId = 5000;
  /** Scoring requests served (metrics), requests in flight per deployment id (429), mirror credit per endpoint id. */
  readonly scoring: ScoringRecord[] = [];
  readonly inFlight = new Map<string, number>();
  readonly mirrorCredit = new Map<string, number>();
  /** AML tokens issued by onlineEndpoints/{e}/token, checked by the scoring host. */
  readonly amlTokens = new Map<string, { endpointId: string; exp: number }>();
  /** Epoch ms this world was built: what a scenario's `created: now` means. */
  readonly builtAt = Date.now();

  constructor(scenario: Scenario) {
    this.scenario = scenario;
    this.knobs = structuredClone(scenario.knobs);
    for (const r of builtinRoles()) this.roleDefinitions.set(r.id, r);
    for (const r of scenario.roleDefinitions) {
      this.roleDefinitions.set(r.id, { id: r.id, roleName: r.roleName, roleType: 'CustomRole', description: r.description, permissions: r.permissions, assignableScopes: r.assignableScopes.length ? r.assignableScopes : [this.subscriptionId] });
    }
    for (const p of scenario.principals) {
      this.principals.set(p.objectId, { objectId: p.objectId, type: p.type, displayName: p.name, clientId: p.clientId, memberOf: [], federatedCredentials: p.federatedCredentials, origin: 'scenario', createdAt: this.createdAt(p.created) });
    }
    for (const p of scenario.principals) {
      const rec = this.principals.get(p.objectId);
      if (rec) rec.memberOf = p.memberOf.map((g) => this.requirePrincipal(g, `principals.${p.name}.memberOf`).objectId);
    }
    for (const u of scenario.userAssignedIdentities) {
      this.principals.set(u.principalId, { objectId: u.principalId, type: 'ServicePrincipal', displayName: u.name, clientId: u.clientId, memberOf: [], federatedCredentials: [], origin: 'userAssignedIdentity' });
    }
    for (const c of scenario.connections) this.connections.set(c.name.toLowerCase(), structuredClone(c));
    for (const v of scenario.keyVaults) this.vaults.set(v.name.toLowerCase(), structuredClone(v));
    for (const a of scenario.assets) {
      const id = `${this.workspaceId}/${a.kind}/${a.name}/versions/${a.version}`;
      this.assets.set(`${a.kind}/${a.name}/${a.version}`.toLowerCase(), { ...a, id, properties: structuredClone(a.properties), systemData: this.systemData('scenario') });
    }
    // `endpoint:NAME` assignments wait for the seeded endpoint's system-assigned identity (online.ts seedEndpoints).
    for (const a of scenario.roleAssignments) if (!a.principal.toLowerCase().startsWith(ENDPOINT_PRINCIPAL)) this.addScenarioAssignment(a);
    for (const [issue, list] of Object.entries(scenario.github.comments)) {
      this.issueComments.set(issue, list.map((c) => ({ ...c, created_at: new Date().toISOString(), updated_at: new Date().toISOString() })));
    }
  }

  // ---- ids -------------------------------------------------------------------------------
  get subscriptionId(): string { return `/subscriptions/${this.scenario.subscriptionId}`; }
  rgId(rg: string): string { return `${this.subscriptionId}/resourceGroups/${rg}`; }
  get workspaceId(): string {
    return `${this.rgId(this.scenario.workspace.resourceGroup)}/providers/Microsoft.MachineLearningServices/workspaces/${this.scenario.workspace.name}`;
  }
  vaultId(v: ScenarioVault): string { return `${this.rgId(v.resourceGroup)}/providers/Microsoft.KeyVault/vaults/${v.name}`; }
  uaiId(name: string, rg: string): string { return `${this.rgId(rg)}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`; }
  /** Workspace dependencies may be given as names (same RG) or full ARM ids. */
  dependencyId(nameOrId: string, type: string): string {
    return nameOrId.startsWith('/') ? nameOrId : `${this.rgId(this.scenario.workspace.resourceGroup)}/providers/${type}/${nameOrId}`;
  }
  hasResourceGroup(rg: string): boolean {
    return this.scenario.resourceGroups.some((r) => r.toLowerCase() === rg.toLowerCase());
  }

  /** Scenario scope shorthands: subscription, resourceGroup[:NAME], workspace, keyvault:NAME, storage, registry, or a full id. */
  resolveScope(scope: string): string {
    const [kind, arg] = scope.includes(':') && !scope.startsWith('/') ? [scope.slice(0, scope.indexOf(':')), scope.slice(scope.indexOf(':') + 1)] : [scope, undefined];
    switch (kind) {
      case 'subscription': return this.subscriptionId;
      case 'resourceGroup': return this.rgId(arg ?? this.scenario.workspace.resourceGroup);
      case 'workspace': return this.workspaceId;
      case 'storage': return this.dependencyId(this.scenario.workspace.storageAccount, 'Microsoft.Storage/storageAccounts');
      case 'registry':
        if (!this.scenario.workspace.containerRegistry) throw new Error('scenario: scope "registry" but workspace.containerRegistry is not set');
        return this.dependencyId(this.scenario.workspace.containerRegistry, 'Microsoft.ContainerRegistry/registries');
      case 'keyvault': {
        const v = this.vaults.get((arg ?? '').toLowerCase());
        if (!v) throw new Error(`scenario: scope "${scope}" names no key vault of the scenario`);
        return this.vaultId(v);
      }
      default:
        if (!scope.startsWith('/')) throw new Error(`scenario: scope '${scope}' is neither a shorthand nor an ARM id`);
        return normalizeScope(scope);
    }
  }

  // ---- principals & roles ----------------------------------------------------------------
  findPrincipal(nameOrId: string): PrincipalRec | undefined {
    const l = nameOrId.toLowerCase();
    if (l.startsWith(ENDPOINT_PRINCIPAL)) {
      const sai = this.endpoints.get(l.slice(ENDPOINT_PRINCIPAL.length))?.identity.principalId;
      return sai ? this.principals.get(sai) : undefined;
    }
    const byId = this.principals.get(l);
    if (byId) return byId;
    for (const p of this.principals.values()) if (p.displayName.toLowerCase() === l || p.clientId === l) return p;
    return undefined;
  }
  requirePrincipal(nameOrId: string, where: string): PrincipalRec {
    const p = this.findPrincipal(nameOrId);
    if (!p) throw new Error(`scenario: ${where}: unknown principal '${nameOrId}'`);
    return p;
  }
  principalByClientId(clientId: string): PrincipalRec | undefined {
    const l = clientId.toLowerCase();
    for (const p of this.principals.values()) if (p.clientId === l) return p;
    return undefined;
  }
  /**
   * The principal and every group it belongs to, directly or through nested groups (what RBAC evaluation, the
   * permissions API and assignedTo() expand: "This filter is transitive for groups",
   * https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-rest).
   */
  principalAndGroups(objectId: string): string[] {
    const seen = [objectId.toLowerCase()];
    for (let i = 0; i < seen.length; i++) {
      for (const g of this.principals.get(seen[i] ?? '')?.memberOf ?? []) if (!seen.includes(g)) seen.push(g);
    }
    return seen;
  }
  findRole(nameOrGuid: string): RoleDefinitionRec | undefined {
    const g = roleGuidOf(nameOrGuid);
    const byId = this.roleDefinitions.get(g);
    if (byId) return byId;
    for (const r of this.roleDefinitions.values()) if (r.roleName.toLowerCase() === nameOrGuid.toLowerCase()) return r;
    return undefined;
  }
  /** A scenario `roleAssignments` entry; `principal` overrides the named principal (a seeded endpoint's identity). */
  addScenarioAssignment(a: ScenarioRoleAssignment, principal?: PrincipalRec): void {
    const p = principal ?? this.requirePrincipal(a.principal, 'roleAssignments.principal');
    const role = this.findRole(a.role);
    if (!role) throw new Error(`scenario: roleAssignments: unknown role '${a.role}'`);
    const createdAt = this.createdAt(a.created);
    this.addAssignment({ principalId: p.objectId, principalType: p.type, roleGuid: role.id, scope: this.resolveScope(a.scope), condition: a.condition, conditionHolds: a.conditionHolds, name: a.name, createdBy: 'scenario', createdAt, effectiveFrom: this.propagatedAt(createdAt) });
  }
  /** Epoch ms of a scenario `created`: `now` is when this world was built (start or reset). */
  createdAt(c: Created): number {
    return c === 'now' ? this.builtAt : c * 1000;
  }
  /** When an assignment created at `createdAt` starts to grant (knob rbac.propagationSeconds); undefined = at once. */
  propagatedAt(createdAt: number): number | undefined {
    const s = this.knobs.rbac.propagationSeconds;
    return s > 0 ? createdAt + s * 1000 : undefined;
  }
  /** `createdAt` (epoch ms, default now) backdates the assignment: its `createdOn`, and when it starts to grant if `effectiveFrom` is derived from it. */
  addAssignment(a: { principalId: string; principalType: string; roleGuid: string; scope: string; condition?: string; conditionHolds?: boolean; name?: string; createdBy?: string; description?: string; effectiveFrom?: number; createdAt?: number }): RoleAssignmentRec {
    const now = new Date(a.createdAt ?? Date.now()).toISOString();
    const rec: RoleAssignmentRec = {
      name: a.name ?? randomUUID(), scope: normalizeScope(a.scope), roleDefinitionId: a.roleGuid, principalId: a.principalId.toLowerCase(), principalType: a.principalType,
      condition: a.condition, conditionVersion: a.condition ? '2.0' : undefined, conditionHolds: a.conditionHolds ?? false, createdOn: now, updatedOn: now, createdBy: a.createdBy, description: a.description, effectiveFrom: a.effectiveFrom,
    };
    this.roleAssignments.push(rec);
    return rec;
  }

  // ---- misc ------------------------------------------------------------------------------
  systemData(by: string): Record<string, string> {
    const now = new Date().toISOString();
    return { createdAt: now, createdBy: by, createdByType: 'Application', lastModifiedAt: now, lastModifiedBy: by, lastModifiedByType: 'Application' };
  }
  static newKey(): string {
    return randomBytes(24).toString('base64url');
  }
}

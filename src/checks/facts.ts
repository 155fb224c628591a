// The facts the online checks reason about: plain data that the adapters (src/azure/) read from
// Azure and the checks (this folder) turn into findings. This file is the contract between the
// two sides (docs/architecture.md §2): adapters never decide, checks never read.
//
// Secret values never appear here: a connection contributes the names of its keys, a Key Vault
// secret its version metadata (docs/architecture.md §4).

/**
 * The outcome of reading one thing. `unreadable`: the signed-in identity may not read it (or the
 * read failed after retries); the check that needs it reports `cannot-verify`, never silence.
 */
export type Lookup<T> =
  | { kind: 'found'; value: T }
  | { kind: 'missing' }
  | { kind: 'unreadable'; /** The action or data action that was refused, when known. */ permission?: string; why: string };

export interface WorkspaceFacts {
  /** ARM id of the workspace: the scope of connection permissions. */
  id: string;
  location: string;
  storageAccountId?: string;
  containerRegistryId?: string;
  keyVaultId?: string;
}

/**
 * Where the workspace inputs point (`subscription-id`, `resource-group`, `workspace-name`) and, when
 * the workspace GET failed, which part ARM says is wrong (docs/online-checks.md §workspace).
 * `refused`: 401/403, the identity may not read it (or the names are wrong in a scope it cannot see:
 * ARM answers 403 before it looks the resource up). A 5xx after retries sets no problem: that is
 * `workspace: unreadable`, never missing.
 */
export interface WorkspaceAddressFacts {
  subscriptionId: string;
  resourceGroup: string;
  workspaceName: string;
  problem?: 'subscription-not-found' | 'resource-group-not-found' | 'workspace-not-found' | 'refused';
  /** What ARM answered, e.g. `404 ResourceGroupNotFound on GET /subscriptions/…`. */
  answer?: string;
  /** The names that exist one level up (subscriptions the caller sees, resource groups of the subscription, workspaces of the resource group); absent when the caller may not list them. */
  existing?: Array<{ name: string; displayName?: string }>;
}

/** A workspace connection, by name: key names only, never values. */
export interface ConnectionFacts {
  name: string;
  authType?: string;
  /** Present when the connection has a target (`/target` references need one). */
  target?: boolean;
  credentialKeys: string[];
  metadataKeys: string[];
}

/** A Key Vault, keyed by its host (`kv1.vault.azure.net`). */
export interface VaultFacts {
  host: string;
  /** ARM id: the scope for role checks on the vault. */
  resourceId: string;
  /** `properties.enableRbacAuthorization`: access policies (false) are not read by secret injection. */
  rbacAuthorization: boolean;
}

/** Metadata of one pinned secret version (properties, never the value). */
export interface SecretVersionFacts {
  vaultHost: string;
  name: string;
  version: string;
  enabled: boolean;
  createdOn?: string;
  expiresOn?: string;
  notBefore?: string;
  /** The newest enabled version of the same secret, when it is not the pinned one. */
  newerEnabled?: { version: string; createdOn?: string };
}

export interface RoleDefinitionFacts {
  /** Full ARM id or bare GUID; compared by its last segment. */
  id: string;
  roleName: string;
  permissions: PermissionFacts[];
}

/** One permission block: of a role definition, or of the caller's effective permissions. */
export interface PermissionFacts {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

export interface RoleAssignmentFacts {
  id: string;
  /** The principal it is assigned to: the identity itself or a group it is in. */
  principalId: string;
  roleDefinitionId: string;
  scope: string;
  condition?: string;
  createdOn?: string;
}

/** An identity other than the caller (the endpoint's), with what is assigned to it or its groups. */
export interface PrincipalFacts {
  objectId: string;
  /** From `assignedTo('{objectId}')`, which includes assignments to its groups, transitively. */
  assignments: Lookup<RoleAssignmentFacts[]>;
}

/** The signed-in identity's effective permissions per scope (the Authorization permissions API). */
export interface CallerFacts {
  objectId?: string;
  permissions: Record<string, Lookup<PermissionFacts[]>>;
}

export interface ManagedIdentityFacts {
  type: 'SystemAssigned' | 'UserAssigned' | 'SystemAssigned,UserAssigned' | 'None';
  principalId?: string;
  /** ARM ids (lower-cased) → principal id. */
  userAssigned: Record<string, { principalId?: string; clientId?: string }>;
}

export interface LiveEndpointFacts {
  name: string;
  provisioningState: string;
  identity: ManagedIdentityFacts;
  authMode?: string;
  traffic: Record<string, number>;
  mirrorTraffic: Record<string, number>;
  scoringUri?: string;
  swaggerUri?: string;
  /** Additive: `properties.compute` (a Kubernetes endpoint's attached compute, an ARM id), when set. */
  compute?: string;
  /** `properties.properties` as the service holds it (the enforce flag lives there). */
  properties: Record<string, string>;
  /** The GET body as received, for the plan's field-level diff. */
  body: Record<string, unknown>;
}

export interface LiveDeploymentFacts {
  name: string;
  provisioningState: string;
  instanceType?: string;
  instanceCount?: number;
  body: Record<string, unknown>;
}

/** A user-assigned identity named in the endpoint file, as read from ARM. */
export interface UserAssignedIdentityFacts {
  resourceId: string;
  principalId: string;
  clientId?: string;
}

/** One size of `locations/{loc}/vmSizes`: the region's Azure Machine Learning compute sizes, not all of them for online endpoints. */
export interface VmSizeFacts {
  name: string;
  family: string;
  vCPUs: number;
  /** As listed (`AmlCompute`, `ComputeInstance`, `MIR` = managed online endpoints); absent when the service sends none. */
  supportedComputeTypes?: string[];
}

/**
 * One row of `locations/{loc}/usages`, as read: the rows mix kinds (VM-family, regional totals, workspace and
 * cluster rows, dedicated and low-priority), told apart by `type` and `name` (docs/online-checks.md §quota).
 */
export interface UsageFacts {
  id: string;
  /** E.g. `Microsoft.MachineLearningServices/vmFamily/usages`, `…/dedicatedCores/usages`, `…/workspaces/usages`. */
  type: string;
  /** `name.value`: a family (`standardDSv2Family`) or a title (`Standard DSv2 Family Cluster Dedicated vCPUs`). */
  name: string;
  /** `name.localizedValue`: for display only, never for matching. */
  localizedName?: string;
  current: number;
  /** -1: no limit. */
  limit: number;
}

/** A local path a deployment uploads (src/assets/plan.ts read it): what az ml would send. */
export interface LocalAssetFacts {
  kind: 'model' | 'code' | 'environment';
  /** The deployment file and the span of the asset in it. */
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** As written in the YAML. */
  localPath: string;
  /** Files left once the folder's ignore file is applied, and their bytes. */
  files: number;
  bytes: number;
  ignoreFile?: '.amlignore' | '.gitignore';
}

/** A workspace compute (Compute_Get): its type and, for an attached Kubernetes cluster, the instance types it defines. */
export interface ComputeFacts {
  name: string;
  /** `properties.computeType`: `Kubernetes`, `AmlCompute`, `ComputeInstance`, … */
  computeType: string;
  /** Keys of `properties.properties.instanceTypes` (Kubernetes). */
  instanceTypes: string[];
  defaultInstanceType?: string;
}

/** Why a registry asset reference resolves to nothing (src/azure/registry.ts read it). */
export interface RegistryMissFacts {
  registry: string;
  /** `registry`: discovery knows no registry of that name; `name`: the registry has no such asset; `version`: the asset has no such version. */
  missing: 'registry' | 'name' | 'version';
  /** The asset's latest version (its container's `latestVersion`), when the name exists. */
  latestVersion?: string;
}

/** Everything validate read, keyed so that each distinct thing was read once. */
export interface ValidateFacts {
  /** When the facts were read (ISO): the clock for expiry and propagation checks. */
  now: string;
  workspace: Lookup<WorkspaceFacts>;
  /** Additive: the workspace inputs and, when the workspace could not be read, why (the workspace check gates every other check on it). */
  workspaceAddress?: WorkspaceAddressFacts;
  endpoint: Lookup<LiveEndpointFacts>;
  /** Deployments of the endpoint as they exist, by name (empty when the endpoint is new). */
  deployments: Lookup<Record<string, LiveDeploymentFacts>>;
  /** By connection name. */
  connections: Record<string, Lookup<ConnectionFacts>>;
  /** Optional (additive): the names of every connection in the workspace, when listed, to suggest the closest one for a missing name. */
  connectionNames?: string[];
  /** By vault host. */
  vaults: Record<string, Lookup<VaultFacts>>;
  /** By secret identifier `https://<host>/secrets/<name>/<version>`. */
  secretVersions: Record<string, Lookup<SecretVersionFacts>>;
  /**
   * Additive: by vault host (lower-cased), only for a vault where a referenced secret does not exist
   * (its version listing answered 404): which referenced names are missing, and the names of the
   * vault's secrets when the caller may list them (names only: the list returns no values).
   */
  secretNames?: Record<string, { missing: string[]; names: Lookup<string[]> }>;
  caller: CallerFacts;
  /** By object id: the endpoint identity (existing system identity, or each user-assigned one). */
  principals: Record<string, PrincipalFacts>;
  /** By ARM id, lower-cased. */
  userAssignedIdentities: Record<string, Lookup<UserAssignedIdentityFacts>>;
  /** By the last segment (GUID) of the role definition id, lower-cased. */
  roleDefinitions: Record<string, RoleDefinitionFacts>;
  /** By the asset reference as the deployment names it (`azureml:name:version`, `azureml:name@latest`, ARM id, registry URI). */
  assets: Record<string, Lookup<{ id: string }>>;
  /**
   * Additive: for a registry asset that does not exist (`assets` says `missing`), by the reference text:
   * what is missing, and the asset's latest version when its name exists (for "did you mean").
   */
  registryMisses?: Record<string, RegistryMissFacts>;
  /** Instance types offered in the workspace's region. */
  vmSizes: Lookup<VmSizeFacts[]>;
  /** Core quota per VM family in the workspace's region. */
  usages: Lookup<UsageFacts[]>;
  /** Additive: the compute a Kubernetes endpoint names (in its file, else on the live endpoint), by compute name lower-cased. */
  computes?: Record<string, Lookup<ComputeFacts>>;
  /** Additive: every local model/code/build-context path the deployments upload (src/assets/plan.ts). */
  localAssets?: LocalAssetFacts[];
}

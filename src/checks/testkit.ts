// Plain-object worlds for the checks' table tests: built-in role definitions (the contract
// fixture's, by GUID), ARM ids, and a ValidateFacts / CheckContext builder with everything
// readable and nothing found unless a test says otherwise. Test support only; pure.
import type { Finding } from '../findings/finding.ts';
import type { RuleId } from '../findings/rules.ts';
import type { SecretReference } from '../secrets/scan.ts';
import { parseExactReference } from '../secrets/parse.ts';
import type { DeploymentSpec, EndpointSpec } from '../manifests/index.ts';
import type { Span } from '../manifests/tree.ts';
import type { CheckContext } from './check.ts';
import type { PermissionFacts, RoleAssignmentFacts, RoleDefinitionFacts, UsageFacts, ValidateFacts } from './facts.ts';

const block = (p: Partial<PermissionFacts>): PermissionFacts => ({ actions: [], notActions: [], dataActions: [], notDataActions: [], ...p });

/** Built-in roles as `builtin-roleDefinitions.arm-shape.json` (test/fixtures/contracts/authorization) defines them. */
export const ROLES = {
  connectionSecretsReader: { id: 'ea01e6af-a1c1-4350-9563-ad00f8c72ec5', roleName: 'Azure Machine Learning Workspace Connection Secrets Reader', permissions: [block({ actions: ['Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action', 'Microsoft.MachineLearningServices/workspaces/metadata/secrets/read'] })] },
  keyVaultSecretsUser: { id: '4633458b-17de-408a-b874-0445c86b69e6', roleName: 'Key Vault Secrets User', permissions: [block({ dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'] })] },
  keyVaultReader: { id: '21090545-7ca7-4776-b22c-e363652d74d2', roleName: 'Key Vault Reader', permissions: [block({ actions: ['Microsoft.KeyVault/vaults/*/read'], dataActions: ['Microsoft.KeyVault/vaults/*/read', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action'] })] },
  acrPull: { id: '7f951dda-4ed3-4680-a7ca-43fe172d538d', roleName: 'AcrPull', permissions: [block({ actions: ['Microsoft.ContainerRegistry/registries/pull/read'] })] },
  storageBlobDataReader: { id: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1', roleName: 'Storage Blob Data Reader', permissions: [block({ actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/read'], dataActions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read'] })] },
  contributor: { id: 'b24988ac-6180-42a0-ab88-20f7382dd24c', roleName: 'Contributor', permissions: [block({ actions: ['*'], notActions: ['Microsoft.Authorization/*/Delete', 'Microsoft.Authorization/*/Write', 'Microsoft.Authorization/elevateAccess/Action'] })] },
  owner: { id: '8e3af657-a8ff-443c-a75c-2fe8c4bcb635', roleName: 'Owner', permissions: [block({ actions: ['*'] })] },
  reader: { id: 'acdd72a7-3385-48ef-bd42-f606fba81ae7', roleName: 'Reader', permissions: [block({ actions: ['*/read'] })] },
} satisfies Record<string, RoleDefinitionFacts>;

export const ALL_ROLES: Record<string, RoleDefinitionFacts> = Object.fromEntries(Object.values(ROLES).map((r) => [r.id, r]));
export { block };

export const SUB = '/subscriptions/00000000-0000-0000-0000-000000000001';
export const RG = `${SUB}/resourceGroups/ml-rg`;
export const WS = `${RG}/providers/Microsoft.MachineLearningServices/workspaces/ws1`;
export const KV1 = `${RG}/providers/Microsoft.KeyVault/vaults/kv1`;
export const KV2 = `${SUB}/resourceGroups/sec-rg/providers/Microsoft.KeyVault/vaults/kv2`;
export const ACR = `${RG}/providers/Microsoft.ContainerRegistry/registries/acr1`;
export const STORAGE = `${RG}/providers/Microsoft.Storage/storageAccounts/st1`;
export const UAI = `${RG}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ep-uai`;
export const NOW = '2026-11-30T12:00:00Z';
export const V1 = '0123456789abcdef0123456789abcdef';
export const V2 = '89abcdef0123456789abcdef01234567';

let assignmentCounter = 0;
export function assign(principalId: string, role: RoleDefinitionFacts, scope: string, extra: Partial<RoleAssignmentFacts> = {}): RoleAssignmentFacts {
  assignmentCounter++;
  return { id: `${scope}/providers/Microsoft.Authorization/roleAssignments/a${assignmentCounter}`, principalId, roleDefinitionId: `/providers/Microsoft.Authorization/roleDefinitions/${role.id}`, scope, createdOn: '2026-01-01T00:00:00Z', ...extra };
}

export function span(line: number, column = 3, length = 10): Span {
  return { line, column, endLine: line, endColumn: column + length };
}

/** A reference as the secrets scan would produce it, on `line` of `file`. */
export function ref(variable: string, raw: string, line: number, file = 'deployment.yml'): SecretReference {
  const target = parseExactReference(raw);
  if (!target) throw new Error(`not a reference: ${raw}`);
  return { ...target, variable, raw, range: { file, line, column: 5, endLine: line, endColumn: 5 + raw.length } } as SecretReference;
}

export function kvRef(variable: string, secret: string, version: string, line: number, vault = 'kv1', file = 'deployment.yml'): SecretReference {
  return ref(variable, `\${{keyvault:https://${vault}.vault.azure.net/secrets/${secret}/${version}}}`, line, file);
}

export function endpointSpec(p: Partial<EndpointSpec> = {}): EndpointSpec {
  return {
    kind: 'endpoint', file: 'endpoint.yml', name: 'my-endpoint', computeType: 'Managed', tags: {}, properties: {}, authMode: 'Key', traffic: [], mirrorTraffic: [],
    ...p,
    spans: { name: span(1, 7, 11), identity: span(3, 1, 8), properties: {}, ...(p.spans ?? {}) },
  };
}

export function deploymentSpec(p: Partial<DeploymentSpec> = {}): DeploymentSpec {
  return {
    kind: 'deployment', file: 'deployment.yml', dir: '/w', name: 'blue', endpointName: 'my-endpoint', computeType: 'Managed', tags: {}, properties: {}, environmentVariables: {},
    appInsightsEnabled: false, instanceType: 'Standard_DS3_v2', instanceCount: 1,
    ...p,
    spans: { name: span(1, 7, 4), endpointName: span(2, 16, 11), instanceType: span(6, 16, 15), instanceCount: span(7, 17, 1), environmentVariables: {}, ...(p.spans ?? {}) },
  };
}

/** Facts of a workspace where everything is readable and nothing but the workspace exists. */
/**
 * A subscription's dedicated-core row of a VM family, shaped as the REST spec's Usage/list example
 * (azure-rest-api-specs …/stable/2024-04-01/examples/Usage/list.json): the family appears in the name and id as a title.
 */
export function familyUsage(family: string, current: number, limit: number, type = 'Microsoft.MachineLearningServices/vmFamily/usages'): UsageFacts {
  const title = `${family.replace(/^standard/i, 'Standard ').replace(/Family$/i, ' Family')} Cluster Dedicated vCPUs`;
  return { id: `${SUB}/usages/${title.replace(/ /g, '_')}`, type, name: title, localizedName: title, current, limit };
}

/** The regional dedicated-core total (same example). */
export function regionalUsage(current: number, limit: number): UsageFacts {
  const title = 'Total Cluster Dedicated Regional vCPUs';
  return { id: `${SUB}/usages`, type: 'Microsoft.MachineLearningServices/dedicatedCores/usages', name: title, localizedName: title, current, limit };
}

export function facts(p: Partial<ValidateFacts> = {}): ValidateFacts {
  return {
    now: NOW,
    workspace: { kind: 'found', value: { id: WS, location: 'eastus', storageAccountId: STORAGE, containerRegistryId: ACR, keyVaultId: KV1 } },
    endpoint: { kind: 'missing' },
    deployments: { kind: 'found', value: {} },
    connections: {},
    vaults: {},
    secretVersions: {},
    caller: { objectId: 'caller-oid', permissions: {} },
    principals: {},
    userAssignedIdentities: {},
    roleDefinitions: ALL_ROLES,
    assets: {},
    vmSizes: { kind: 'found', value: [{ name: 'Standard_DS3_v2', family: 'standardDSv2Family', vCPUs: 4, supportedComputeTypes: ['AmlCompute', 'ComputeInstance', 'MIR'] }, { name: 'Standard_F4s_v2', family: 'standardFSv2Family', vCPUs: 4, supportedComputeTypes: ['AmlCompute', 'ComputeInstance', 'MIR'] }] },
    usages: { kind: 'found', value: [familyUsage('standardDSv2Family', 0, 100), familyUsage('standardFSv2Family', 0, 100), regionalUsage(0, 1000)] },
    ...p,
  };
}

export function context(p: Partial<CheckContext> = {}): CheckContext {
  return { endpoint: endpointSpec(), endpointName: 'my-endpoint', deployments: [deploymentSpec()], references: [], facts: facts(), grantMissingRoles: false, mode: 'validate', ...p };
}

/** `rule@line:severity` for compact assertions. */
export function brief(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule}@${f.line}:${f.severity}`);
}

export function rulesOf(findings: readonly Finding[]): RuleId[] {
  return findings.map((f) => f.rule);
}

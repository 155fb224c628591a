// The operations secret injection and the platform need, the built-in roles that grant them, and
// the exact `az role assignment create` command a finding offers as its fix (docs/online-checks.md;
// docs/secret-injection.md §2–3; role GUIDs: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles).
import type { Permission } from './rbac.ts';

export interface NeededRole {
  roleName: string;
  /** Built-in role definition GUID (the same in every tenant). */
  roleDefinitionId: string;
  permission: Permission;
  /** What the permission is for, in a message. */
  purpose: string;
}

export const KEY_VAULT_SECRETS_USER: NeededRole = {
  roleName: 'Key Vault Secrets User',
  roleDefinitionId: '4633458b-17de-408a-b874-0445c86b69e6',
  permission: { dataAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action' },
  purpose: 'read Key Vault secret values',
};

export const CONNECTION_SECRETS_READER: NeededRole = {
  roleName: 'Azure Machine Learning Workspace Connection Secrets Reader',
  roleDefinitionId: 'ea01e6af-a1c1-4350-9563-ad00f8c72ec5',
  permission: { action: 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action' },
  purpose: 'read workspace connection secrets',
};

export const ACR_PULL: NeededRole = {
  roleName: 'AcrPull',
  roleDefinitionId: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  permission: { action: 'Microsoft.ContainerRegistry/registries/pull/read' },
  purpose: 'pull the image from the workspace container registry',
};

export const STORAGE_BLOB_DATA_READER: NeededRole = {
  roleName: 'Storage Blob Data Reader',
  roleDefinitionId: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  permission: { dataAction: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read' },
  purpose: 'read the model and code from the workspace storage',
};

/** What the caller needs to assign a role (grant-missing-roles). */
export const ROLE_ASSIGNMENT_WRITE: Permission = { action: 'Microsoft.Authorization/roleAssignments/write' };

export function operationOf(p: Permission): string {
  return 'action' in p ? p.action : p.dataAction;
}

/** The last segment of an ARM id: `kv1` of …/vaults/kv1. */
export function resourceName(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}

/** `az role assignment create …` for a principal (or a shell expression that yields its object id). */
export function roleAssignmentCommand(role: NeededRole, scope: string, assigneeObjectId: string): string {
  return `az role assignment create --assignee-object-id ${assigneeObjectId} --assignee-principal-type ServicePrincipal --role "${role.roleName}" --scope ${scope}`;
}

/** The shell expression for a new endpoint's system identity, once the endpoint exists. */
export function endpointPrincipalExpression(endpointName: string, workspaceId: string | undefined): string {
  const m = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)/i.exec(workspaceId ?? '');
  const where = m ? ` --resource-group ${m[1]} --workspace-name ${m[2]}` : '';
  return `$(az ml online-endpoint show --name ${endpointName}${where} --query identity.principal_id --output tsv)`;
}

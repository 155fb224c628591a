// Built-in role definitions, loaded from the composed ARM-shape fixture
// (test/fixtures/contracts/authorization/fixtures/builtin-roleDefinitions.arm-shape.json, from contracts/INDEX.md §3),
// plus the two role-assignment writers INDEX.md names without permissions (User Access Administrator, RBAC Administrator).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RoleDefinitionRec } from './rbac.ts';

const FIXTURE = fileURLToPath(new URL('../fixtures/contracts/authorization/fixtures/builtin-roleDefinitions.arm-shape.json', import.meta.url));

interface ArmRole {
  name: string;
  properties: { roleName: string; type: string; description: string; assignableScopes: string[]; permissions: { actions?: string[]; notActions?: string[]; dataActions?: string[]; notDataActions?: string[] }[] };
}

export function builtinRoles(): RoleDefinitionRec[] {
  const doc = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { value: ArmRole[] };
  const roles: RoleDefinitionRec[] = doc.value.map((r) => ({
    id: r.name.toLowerCase(), roleName: r.properties.roleName, roleType: 'BuiltInRole', description: r.properties.description,
    assignableScopes: r.properties.assignableScopes,
    permissions: r.properties.permissions.map((p) => ({ actions: p.actions ?? [], notActions: p.notActions ?? [], dataActions: p.dataActions ?? [], notDataActions: p.notDataActions ?? [] })),
  }));
  const extra: RoleDefinitionRec[] = [
    { id: '18d7d88d-d35e-4fb5-a5c3-7773c20a72d9', roleName: 'User Access Administrator', roleType: 'BuiltInRole', description: 'Lets you manage user access to Azure resources.', assignableScopes: ['/'],
      permissions: [{ actions: ['*/read', 'Microsoft.Authorization/*', 'Microsoft.Support/*'], notActions: [], dataActions: [], notDataActions: [] }] },
    { id: 'f58310d9-a9f6-439a-9e8d-f62e7b41a168', roleName: 'Role Based Access Control Administrator', roleType: 'BuiltInRole', description: 'Manage access to Azure resources by assigning roles using Azure RBAC.', assignableScopes: ['/'],
      permissions: [{ actions: ['Microsoft.Authorization/roleAssignments/write', 'Microsoft.Authorization/roleAssignments/delete', '*/read', 'Microsoft.Support/*'], notActions: [], dataActions: [], notDataActions: [] }] },
    // https://learn.microsoft.com/azure/role-based-access-control/built-in-roles (monitor, storage sections)
    { id: '43d0d8ad-25c7-4714-9337-8ba259a9fe05', roleName: 'Monitoring Reader', roleType: 'BuiltInRole', description: 'Can read all monitoring data (metrics, logs, etc.).', assignableScopes: ['/'],
      permissions: [{ actions: ['*/read', 'Microsoft.OperationalInsights/workspaces/search/action', 'Microsoft.Support/*'], notActions: [], dataActions: [], notDataActions: [] }] },
    { id: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe', roleName: 'Storage Blob Data Contributor', roleType: 'BuiltInRole', description: 'Allows for read, write and delete access to Azure Storage blob containers and data.', assignableScopes: ['/'],
      permissions: [{
        actions: ['Microsoft.Storage/storageAccounts/blobServices/containers/delete', 'Microsoft.Storage/storageAccounts/blobServices/containers/read', 'Microsoft.Storage/storageAccounts/blobServices/containers/write', 'Microsoft.Storage/storageAccounts/blobServices/generateUserDelegationKey/action'],
        notActions: [],
        dataActions: ['Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete', 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read', 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write', 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/move/action', 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'],
        notDataActions: [],
      }] },
  ];
  for (const e of extra) if (!roles.some((r) => r.id === e.id)) roles.push(e);
  return roles;
}

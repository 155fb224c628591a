// Roles the service itself gives an endpoint's system-assigned identity, and the platform roles a user-assigned
// identity must already hold:
// * "roles with fundamental permissions (such as the Azure Container Registry pull permission and the storage blob
//   data reader) are automatically assigned" to a system-assigned identity
//   (https://learn.microsoft.com/azure/machine-learning/concept-secret-injection); never a Key Vault role;
// * with enforce_access_to_default_secret_stores, the Connection Secrets Reader role on the workspace
//   (https://learn.microsoft.com/azure/machine-learning/how-to-deploy-online-endpoint-with-secret-injection);
// * a user-assigned identity without AcrPull / Storage Blob Data Reader fails the deployment with BadArgument,
//   "startup task failed due to incorrect role assignments"
//   (https://learn.microsoft.com/azure/machine-learning/how-to-troubleshoot-online-endpoints#error-badargument).
import { decide } from './arm-common.ts';
import type { Ctx } from './context.ts';
import type { EndpointRec, OperationRec, World } from './state.ts';

export const ROLE = {
  acrPull: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
  connectionSecretsReader: 'ea01e6af-a1c1-4350-9563-ad00f8c72ec5',
} as const;

const SERVICE = 'Microsoft.MachineLearningServices';

function registryId(w: World): string | undefined {
  const acr = w.scenario.workspace.containerRegistry;
  return acr ? w.dependencyId(acr, 'Microsoft.ContainerRegistry/registries') : undefined;
}
function storageId(w: World): string {
  return w.dependencyId(w.scenario.workspace.storageAccount, 'Microsoft.Storage/storageAccounts');
}

function grantOnce(w: World, principalId: string, roleGuid: string, scope: string, createdAt: number | undefined): void {
  const exists = w.roleAssignments.some((a) => a.principalId === principalId && a.roleDefinitionId === roleGuid && a.scope.toLowerCase() === scope.toLowerCase());
  if (!exists) w.addAssignment({ principalId, principalType: 'ServicePrincipal', roleGuid, scope, createdBy: SERVICE, createdAt });
}

/** What the service assigns to a system-assigned endpoint identity when the endpoint is created (`createdAt`, epoch ms: now unless seeded). */
export function grantServiceRoles(w: World, saiObjectId: string, enforceFlag: boolean, createdAt?: number): void {
  const acr = registryId(w);
  if (acr) grantOnce(w, saiObjectId, ROLE.acrPull, acr, createdAt);
  grantOnce(w, saiObjectId, ROLE.storageBlobDataReader, storageId(w), createdAt);
  if (enforceFlag) grantOnce(w, saiObjectId, ROLE.connectionSecretsReader, w.workspaceId, createdAt);
}

/** The platform roles a user-assigned endpoint identity lacks (empty for system-assigned endpoints). */
export function uaiPlatformRoleGaps(ctx: Ctx, e: EndpointRec): string[] {
  const w = ctx.world;
  const uai = Object.values(e.identity.userAssignedIdentities ?? {})[0];
  if (!uai) return [];
  const gaps: string[] = [];
  const acr = registryId(w);
  if (acr && !decide(ctx, uai.principalId, 'Microsoft.ContainerRegistry/registries/pull/read', acr).allowed) gaps.push(`'AcrPull' on '${acr}'`);
  const storage = storageId(w);
  if (!decide(ctx, uai.principalId, 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read', `${storage}/blobServices/default/containers/azureml`, true).allowed) gaps.push(`'Storage Blob Data Reader' on '${storage}'`);
  return gaps;
}

/** The LRO failure for a user-assigned identity without its platform roles. */
export function platformRoleFailure(e: EndpointRec, gaps: string[]): OperationRec['result'] {
  return {
    status: 'Failed',
    error: {
      code: 'BadArgument',
      message: `Startup task failed due to incorrect role assignments on resource. The user-assigned identity of endpoint '${e.name}' needs ${gaps.join(' and ')} to pull the image and download the model. See https://aka.ms/oe-tsg#error-badargument`,
    },
  };
}

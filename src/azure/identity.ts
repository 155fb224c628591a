// User-assigned managed identities: one GET per identity the endpoint names, for its principal id
// (the object whose role assignments the checks evaluate).
import type { Lookup, UserAssignedIdentityFacts } from '../checks/facts.ts';
import { lookup } from './read.ts';
import type { ArmClient } from './rest.ts';

export const MSI_API_VERSION = '2023-01-31';

export function readUserAssignedIdentity(arm: ArmClient, resourceId: string): Promise<Lookup<UserAssignedIdentityFacts>> {
  return lookup(async () => {
    const body = (await arm.send<{ id?: string; properties?: { principalId?: string; clientId?: string } }>({ method: 'GET', path: resourceId, apiVersion: MSI_API_VERSION })).body;
    return { resourceId: body?.id ?? resourceId, principalId: body?.properties?.principalId ?? '', clientId: body?.properties?.clientId };
  }, 'Microsoft.ManagedIdentity/userAssignedIdentities/read');
}

// Microsoft.Authorization reads: the caller's own effective permissions at a scope (the
// permissions API answers only for the token's identity), another identity's role assignments
// (`assignedTo('{objectId}')`, which includes its groups), and role definitions. api-version
// 2022-04-01, the latest stable of the Authorization provider.
import type { Lookup, PermissionFacts, RoleAssignmentFacts, RoleDefinitionFacts } from '../checks/facts.ts';
import { listAll, lookup } from './read.ts';
import type { ArmClient } from './rest.ts';
import { obj, str, strings } from './json.ts';

export const AUTHORIZATION_API_VERSION = '2022-04-01';
export const ROLE_ASSIGNMENTS_READ = 'Microsoft.Authorization/roleAssignments/read';


/** The signed-in identity's permissions at `scope` (an ARM resource or resource-group id). */
export function readCallerPermissions(arm: ArmClient, scope: string): Promise<Lookup<PermissionFacts[]>> {
  return lookup(async () => (await listAll<unknown>(arm, { method: 'GET', path: `${trimSlash(scope)}/providers/Microsoft.Authorization/permissions`, apiVersion: AUTHORIZATION_API_VERSION })).map(parsePermission));
}

export function parsePermission(value: unknown): PermissionFacts {
  const p = obj(value);
  return { actions: strings(p.actions), notActions: strings(p.notActions), dataActions: strings(p.dataActions), notDataActions: strings(p.notDataActions) };
}

/** Assignments that apply to `principalId` (or a group it is in) at `scope`, inherited ones included. */
export function readAssignments(arm: ArmClient, principalId: string, scope: string): Promise<Lookup<RoleAssignmentFacts[]>> {
  return lookup(
    async () =>
      (
        await listAll<unknown>(arm, {
          method: 'GET',
          path: `${trimSlash(scope)}/providers/Microsoft.Authorization/roleAssignments`,
          apiVersion: AUTHORIZATION_API_VERSION,
          query: { $filter: `assignedTo('${principalId}')` },
        })
      ).map(parseAssignment),
    ROLE_ASSIGNMENTS_READ,
  );
}

export function parseAssignment(value: unknown): RoleAssignmentFacts {
  const a = obj(value);
  const p = obj(a.properties);
  return {
    id: str(a.id) ?? '',
    principalId: str(p.principalId) ?? '',
    roleDefinitionId: str(p.roleDefinitionId) ?? '',
    scope: str(p.scope) ?? '',
    condition: str(p.condition),
    createdOn: str(p.createdOn),
  };
}

/** A role definition by its full id (`/subscriptions/…/roleDefinitions/{guid}`, as assignments name it). */
export function readRoleDefinition(arm: ArmClient, roleDefinitionId: string): Promise<Lookup<RoleDefinitionFacts>> {
  return lookup(async () => parseRoleDefinition((await arm.send({ method: 'GET', path: roleDefinitionId, apiVersion: AUTHORIZATION_API_VERSION })).body));
}

export function parseRoleDefinition(value: unknown): RoleDefinitionFacts {
  const d = obj(value);
  const p = obj(d.properties);
  return { id: str(d.id) ?? '', roleName: str(p.roleName) ?? '', permissions: (Array.isArray(p.permissions) ? p.permissions : []).map(parsePermission) };
}

function trimSlash(scope: string): string {
  return scope.replace(/\/+$/, '');
}

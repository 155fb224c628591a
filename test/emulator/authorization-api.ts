// Microsoft.Authorization: permissions (caller only), role assignments (list with $filter, get, create, delete)
// and role definitions (built-ins pre-loaded). Shapes: contracts/authorization/*.
import type { ArmCall } from './arm-common.ts';
import { armError, badRequest, parseArmBody } from './arm-common.ts';
import { json } from './http.ts';
import type { EmuResponse } from './http.ts';
import { normalizeScope, roleGuidOf, scopeCovers } from './rbac.ts';
import type { RoleAssignmentRec, RoleDefinitionRec } from './rbac.ts';
import type { World } from './state.ts';

export function roleDefinitionIdAt(world: World, scope: string, guid: string): string {
  const sub = /^\/subscriptions\/[^/]+/i.exec(scope)?.[0] ?? (scope === '/' || scope === '' ? '' : world.subscriptionId);
  return `${sub}/providers/Microsoft.Authorization/roleDefinitions/${guid}`;
}

export function roleAssignmentResource(world: World, a: RoleAssignmentRec): Record<string, unknown> {
  return {
    properties: {
      roleDefinitionId: roleDefinitionIdAt(world, world.subscriptionId, a.roleDefinitionId), principalId: a.principalId, principalType: a.principalType,
      scope: a.scope, condition: a.condition ?? null, conditionVersion: a.conditionVersion ?? null, createdOn: a.createdOn, updatedOn: a.updatedOn,
      createdBy: a.createdBy ?? null, updatedBy: a.createdBy ?? null, delegatedManagedIdentityResourceId: null, description: a.description ?? null,
    },
    id: `${a.scope === '/' ? '' : a.scope}/providers/Microsoft.Authorization/roleAssignments/${a.name}`,
    type: 'Microsoft.Authorization/roleAssignments',
    name: a.name,
  };
}

export function roleDefinitionResource(world: World, scope: string, r: RoleDefinitionRec): Record<string, unknown> {
  const now = '2026-01-01T00:00:00.0000000Z';
  return {
    properties: {
      roleName: r.roleName, type: r.roleType, description: r.description, assignableScopes: r.assignableScopes,
      permissions: r.permissions.map((p) => ({ actions: p.actions, notActions: p.notActions, dataActions: p.dataActions, notDataActions: p.notDataActions })),
      createdOn: now, updatedOn: now, createdBy: null, updatedBy: null,
    },
    id: roleDefinitionIdAt(world, scope, r.id), type: 'Microsoft.Authorization/roleDefinitions', name: r.id,
  };
}

/** Scope = the path before /providers/Microsoft.Authorization (params[0] holds the index). */
function scopeOf(call: ArmCall): string {
  const idx = Number(call.params[0]);
  return normalizeScope(call.segs.slice(0, idx).join('/'));
}

export function listPermissions(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const scope = scopeOf(call);
  const ids = new Set(w.principalAndGroups(call.principal.objectId));
  const value: Record<string, string[]>[] = [];
  for (const a of w.roleAssignments) {
    if (!ids.has(a.principalId) || !scopeCovers(a.scope, scope)) continue;
    const role = w.roleDefinitions.get(a.roleDefinitionId);
    for (const p of role?.permissions ?? []) value.push({ actions: p.actions, notActions: p.notActions, dataActions: p.dataActions, notDataActions: p.notDataActions });
  }
  return json(200, { value });
}

interface AssignmentFilter { atScope: boolean; principals?: Set<string> }

function parseFilter(world: World, filter: string | undefined): AssignmentFilter | EmuResponse {
  const f: AssignmentFilter = { atScope: false };
  if (!filter) return f;
  for (const clause of filter.split(/\s+and\s+/i)) {
    const c = clause.trim();
    let m: RegExpExecArray | null;
    if (/^atScope\(\)$/i.test(c)) f.atScope = true;
    else if ((m = /^assignedTo\('([^']+)'\)$/i.exec(c))) {
      // "This filter only accepts an object ID for a user or a service principal. You cannot pass an object ID for a group."
      // (https://learn.microsoft.com/azure/role-based-access-control/role-assignments-list-rest); the error shape is assumed.
      if (world.principals.get((m[1] ?? '').toLowerCase())?.type === 'Group') {
        return armError(400, 'InvalidFilter', `The assignedTo() filter accepts the object ID of a user or a service principal; '${m[1] ?? ''}' is a group. Use principalId eq '{groupId}' to list a group's assignments.`);
      }
      f.principals = new Set(world.principalAndGroups(m[1] ?? ''));
    }
    else if ((m = /^principalId\s+eq\s+'([^']+)'$/i.exec(c))) f.principals = new Set([(m[1] ?? '').toLowerCase()]);
    else return armError(400, 'UnsupportedQuery', `The filter '${filter}' is not supported. Supported filters are atScope(), assignedTo('{objectId}') and principalId eq '{objectId}'.`);
  }
  return f;
}

export function listRoleAssignments(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const scope = scopeOf(call);
  const parsed = parseFilter(w, [...call.req.query].find(([k]) => k.toLowerCase() === '$filter')?.[1]);
  if ('status' in parsed) return parsed;
  const value = w.roleAssignments.filter((a) => {
    if (parsed.principals && !parsed.principals.has(a.principalId)) return false;
    const above = scopeCovers(a.scope, scope);
    // atScope(): at or above; otherwise at, above or below (contracts/INDEX.md §3)
    return parsed.atScope ? above : above || scopeCovers(scope, a.scope);
  });
  return json(200, { value: value.map((a) => roleAssignmentResource(w, a)) });
}

function findAssignment(w: World, scope: string, name: string): RoleAssignmentRec | undefined {
  return w.roleAssignments.find((a) => a.name.toLowerCase() === name.toLowerCase() && a.scope.toLowerCase() === scope.toLowerCase());
}

export function getRoleAssignment(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const a = findAssignment(w, scopeOf(call), call.params[1] ?? '');
  return a ? json(200, roleAssignmentResource(w, a)) : armError(404, 'RoleAssignmentNotFound', `The role assignment '${call.params[1] ?? ''}' is not found.`);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function putRoleAssignment(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const scope = scopeOf(call);
  const name = call.params[1] ?? '';
  if (!GUID.test(name)) return badRequest(`The role assignment ID '${name}' is not valid. The role assignment ID must be a GUID.`, 'InvalidRoleAssignmentId');
  const parsed = parseArmBody(call.req);
  if (!parsed.ok) return parsed.res;
  const props = (parsed.body['properties'] ?? {}) as Record<string, unknown>;
  const roleDefinitionId = typeof props['roleDefinitionId'] === 'string' ? props['roleDefinitionId'] : '';
  const principalId = (typeof props['principalId'] === 'string' ? props['principalId'] : '').toLowerCase();
  if (!roleDefinitionId || !principalId) return badRequest('The request is missing the required properties roleDefinitionId and principalId.', 'InvalidRequestContent');
  const role = w.roleDefinitions.get(roleGuidOf(roleDefinitionId));
  if (!role) return badRequest(`The specified role definition with ID '${roleGuidOf(roleDefinitionId)}' does not exist.`, 'RoleDefinitionDoesNotExist');
  if (!role.assignableScopes.some((s) => scopeCovers(s, scope))) return badRequest(`The role '${role.roleName}' is not available for assignment at the requested scope '${scope}'.`, 'InvalidRoleAssignmentScope');
  const principal = w.principals.get(principalId);
  const principalType = typeof props['principalType'] === 'string' ? props['principalType'] : principal?.type;
  // A principal created moments ago is not yet replicated to Microsoft.Authorization (knob rbac.principalReplicationSeconds);
  // with principalType set, ARM skips the directory lookup (https://aka.ms/docs-principaltype).
  const replicating = principal?.createdAt !== undefined && Date.now() - principal.createdAt < w.knobs.rbac.principalReplicationSeconds * 1000;
  if ((!principal || replicating) && !props['principalType']) {
    return badRequest(`Principal ${principalId.replace(/-/g, '')} does not exist in the directory ${w.scenario.tenantId}. Check that you have the correct principal ID. If you are creating this principal and then immediately assigning a role, this error might be related to a replication delay. In this case, set the role assignment principalType property to a value, such as ServicePrincipal, User, or Group.  See https://aka.ms/docs-principaltype`, 'PrincipalNotFound');
  }
  const condition = typeof props['condition'] === 'string' ? props['condition'] : undefined;
  const same = findAssignment(w, scope, name);
  if (same) {
    if (same.principalId !== principalId || same.roleDefinitionId !== role.id) {
      return badRequest('Tenant ID, application ID, principal ID, and scope are not allowed to be updated.', 'RoleAssignmentUpdateNotPermitted');
    }
    return json(201, roleAssignmentResource(w, same));
  }
  const dup = w.roleAssignments.find((a) => a.principalId === principalId && a.roleDefinitionId === role.id && a.scope.toLowerCase() === scope.toLowerCase() && (a.condition ?? '') === (condition ?? ''));
  if (dup) return armError(409, 'RoleAssignmentExists', 'The role assignment already exists.');
  const rec = w.addAssignment({ principalId, principalType: principalType ?? 'ServicePrincipal', roleGuid: role.id, scope, condition, name: name.toLowerCase(), createdBy: call.principal.objectId, description: typeof props['description'] === 'string' ? props['description'] : undefined, effectiveFrom: w.propagatedAt(Date.now()) }); // grants after rbac.propagationSeconds
  return json(201, roleAssignmentResource(w, rec));
}

export function deleteRoleAssignment(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const a = findAssignment(w, scopeOf(call), call.params[1] ?? '');
  if (!a) return { status: 204 };
  w.roleAssignments = w.roleAssignments.filter((x) => x !== a);
  return json(200, roleAssignmentResource(w, a));
}

export function listRoleDefinitions(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const scope = scopeOf(call);
  const filter = [...call.req.query].find(([k]) => k.toLowerCase() === '$filter')?.[1];
  let defs = [...w.roleDefinitions.values()];
  if (filter) {
    const byName = /^roleName\s+eq\s+'([^']*)'$/i.exec(filter.trim());
    const byType = /^type\s+eq\s+'([^']*)'$/i.exec(filter.trim());
    if (byName) defs = defs.filter((d) => d.roleName === byName[1]);
    else if (byType) defs = defs.filter((d) => d.roleType.toLowerCase() === (byType[1] ?? '').toLowerCase());
    else return armError(400, 'UnsupportedQuery', `The filter '${filter}' is not supported.`);
  }
  return json(200, { value: defs.map((d) => roleDefinitionResource(w, scope, d)) });
}

export function getRoleDefinition(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const guid = (call.params[1] ?? '').toLowerCase();
  const d = w.roleDefinitions.get(guid);
  return d ? json(200, roleDefinitionResource(w, scopeOf(call), d)) : armError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${guid}' does not exist.`);
}

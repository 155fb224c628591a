// Azure RBAC evaluation, pure: scope inheritance, case-insensitive `*` wildcards, notActions /
// notDataActions subtracted per permission entry, and control-plane patterns never granting
// data actions (contracts/INDEX.md §3: "Owner cannot read Key Vault secret values").
import type { RolePermission } from './scenario.ts';

export interface RoleDefinitionRec {
  id: string; // GUID, lower case
  roleName: string;
  roleType: 'BuiltInRole' | 'CustomRole';
  description: string;
  permissions: RolePermission[];
  assignableScopes: string[];
}

export interface RoleAssignmentRec {
  name: string; // GUID
  scope: string;
  roleDefinitionId: string; // GUID
  principalId: string;
  principalType: string;
  condition?: string;
  conditionVersion?: string;
  /** Emulator-only: ABAC expressions are not evaluated; the scenario says whether the condition holds. */
  conditionHolds: boolean;
  createdOn: string;
  updatedOn: string;
  createdBy?: string;
  description?: string;
  /** Emulator-only: epoch ms before which the assignment exists but does not grant yet (propagation delay). */
  effectiveFrom?: number;
}

const patternCache = new Map<string, RegExp>();
export function actionMatches(pattern: string, action: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp('^' + pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$', 'i');
    patternCache.set(pattern, re);
  }
  return re.test(action);
}

/** Trims, drops trailing slash; '/' stays '/'. */
export function normalizeScope(scope: string): string {
  const s = '/' + scope.split('/').filter(Boolean).join('/');
  return s;
}

/** True when an assignment at `assignmentScope` applies to `target` (same or ancestor scope). */
export function scopeCovers(assignmentScope: string, target: string): boolean {
  const a = normalizeScope(assignmentScope).toLowerCase();
  const t = normalizeScope(target).toLowerCase();
  if (a === '/') return true;
  return t === a || t.startsWith(a + '/');
}

export function permissionGrants(perm: RolePermission, action: string, dataAction: boolean): boolean {
  const allow = dataAction ? perm.dataActions : perm.actions;
  const deny = dataAction ? perm.notDataActions : perm.notActions;
  return allow.some((p) => actionMatches(p, action)) && !deny.some((p) => actionMatches(p, action));
}

export interface Decision {
  allowed: boolean;
  /** The assignment that granted the action. */
  grantedBy?: RoleAssignmentRec;
  /** Assignments that would grant it if their condition held. */
  conditionalOnly: RoleAssignmentRec[];
}

export function evaluate(
  principalIds: string[],
  assignments: RoleAssignmentRec[],
  roleById: (guid: string) => RoleDefinitionRec | undefined,
  action: string,
  scope: string,
  dataAction: boolean,
  now: number = Date.now(),
): Decision {
  const ids = new Set(principalIds.map((p) => p.toLowerCase()));
  const conditionalOnly: RoleAssignmentRec[] = [];
  for (const a of assignments) {
    if (!ids.has(a.principalId.toLowerCase()) || !scopeCovers(a.scope, scope)) continue;
    if (a.effectiveFrom !== undefined && a.effectiveFrom > now) continue; // not propagated yet
    const role = roleById(a.roleDefinitionId);
    if (!role) continue;
    if (!role.permissions.some((p) => permissionGrants(p, action, dataAction))) continue;
    if (a.condition && !a.conditionHolds) {
      conditionalOnly.push(a);
      continue;
    }
    return { allowed: true, grantedBy: a, conditionalOnly };
  }
  return { allowed: false, conditionalOnly };
}

/** Trailing GUID of `/subscriptions/x/providers/Microsoft.Authorization/roleDefinitions/{guid}` or a bare GUID. */
export function roleGuidOf(idOrGuid: string): string {
  const parts = idOrGuid.split('/').filter(Boolean);
  return (parts[parts.length - 1] ?? idOrGuid).toLowerCase();
}

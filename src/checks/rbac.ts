// Azure role evaluation, pure: does a principal hold an action or a data action at a scope, given
// its role assignments, the role definitions and a clock; and does the caller hold one, given its
// effective permissions (the Authorization `permissions` API). docs/online-checks.md §RBAC evaluation states
// the rules; the ARM semantics are public:
// https://learn.microsoft.com/azure/role-based-access-control/role-definitions (actions, wildcards,
// notActions, data actions) and https://learn.microsoft.com/azure/role-based-access-control/scope-overview
// (inheritance).
//
// Signatures (used by the checks in this folder and by the adapters in src/azure/):
//   evaluatePermission(world: RbacWorld, query: PermissionQuery): PermissionVerdict
//   blocksAllow(blocks: PermissionFacts[], want: Permission): boolean      // the caller's `permissions` API
//   permissionMatches(pattern, operation): boolean                         // `*`, `*/read`, `…/secrets/*`
//   scopeCovers(assignmentScope, targetScope, managementGroups?): boolean | 'unknown'
import type { PermissionFacts, RoleAssignmentFacts, RoleDefinitionFacts } from './facts.ts';

/** The usual delay before a new role assignment takes effect (Azure RBAC troubleshooting: "up to 10 minutes"). */
export const PROPAGATION_DELAY_MS = 10 * 60 * 1000;

/** One operation: a control-plane action or a data action. */
export type Permission = { action: string } | { dataAction: string };

export interface PermissionQuery {
  /** The principal asked about. */
  principalId: string;
  permission: Permission;
  /** ARM id of the resource (or resource group, subscription) the operation is on. */
  scope: string;
  /** Management groups above the scope's subscription, nearest first (names or ARM ids), when known. */
  managementGroups?: readonly string[];
  /**
   * The operation is needed on some part of the scope only (a container of a storage account):
   * a grant on a child scope then makes the answer uncertain instead of false.
   */
  partsCount?: boolean;
}

export interface RbacWorld {
  /**
   * Assignments that may apply. Without `memberOf` every one counts, as `assignedTo('{id}')` returns
   * only the principal's own and its groups' (transitively). With `memberOf`, only those to the
   * principal or a group it is in, directly or through other groups.
   */
  assignments: readonly RoleAssignmentFacts[];
  /** Role definitions by the last segment (GUID) of their id; keys compared lower-cased. */
  roleDefinitions: Readonly<Record<string, RoleDefinitionFacts>>;
  /** principal or group object id → groups it is a direct member of. */
  memberOf?: Readonly<Record<string, readonly string[]>>;
  /** The clock, ISO: assignments younger than `propagationDelayMs` may not have taken effect. */
  now: string;
  propagationDelayMs?: number;
}

/** An unconditional assignment that grants the operation. */
export interface Grant {
  assignmentId: string;
  principalId: string;
  roleName: string;
  roleDefinitionId: string;
  scope: string;
  createdOn?: string;
  /** Age at `now`, when `createdOn` is known. */
  ageMs?: number;
}

export interface PermissionVerdict {
  /** `uncertain`: only a conditional, unresolvable-scope or unreadable-role assignment could grant it. */
  holds: true | false | 'uncertain';
  /** Unconditional assignments that grant it. */
  grants: Grant[];
  /** `holds` is true only through assignments younger than the propagation delay. */
  notYetEffective: boolean;
  /** Why it is uncertain (conditions, management groups, role definitions not read). */
  uncertainties: string[];
}

/** Lower-case, no trailing slash: ARM ids compare case-insensitively. */
export function normalizeScope(scope: string): string {
  const s = scope.trim().toLowerCase().replace(/\/+$/, '');
  return s === '' ? '/' : s;
}

/** The last segment of a role definition id, lower-cased (what `roleDefinitions` is keyed by). */
export function roleDefinitionKey(id: string): string {
  return (id.split('/').filter(Boolean).pop() ?? id).toLowerCase();
}

const MG = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)$/;

/**
 * Whether an assignment at `assignmentScope` applies at `target`: the same scope or one above it
 * (root `/`, management group, subscription, resource group, resource, child resource). A
 * management-group scope is `unknown` unless the caller says which groups hold the subscription.
 */
export function scopeCovers(assignmentScope: string, target: string, managementGroups?: readonly string[]): boolean | 'unknown' {
  const a = normalizeScope(assignmentScope);
  const t = normalizeScope(target);
  if (a === '/' || a === t || t.startsWith(`${a}/`)) return true;
  const mg = MG.exec(a);
  if (!mg) return false;
  if (!t.startsWith('/subscriptions/')) return false;
  if (managementGroups === undefined) return 'unknown';
  const names = managementGroups.map((g) => (MG.exec(normalizeScope(g))?.[1] ?? g.toLowerCase()));
  return names.includes(mg[1] ?? '');
}

const patternCache = new Map<string, RegExp>();

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^$(){}|[\]\\]/g, (c) => '\\' + c);
}

// ARM operation matching: case-insensitive, `*` matches any run of characters (`*`, `*/read`, `…/secrets/*`).
export function permissionMatches(pattern: string, operation: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    const body = pattern.split('*').map(escapeRegExp).join('.*');
    re = new RegExp('^' + body + '$', 'i');
    patternCache.set(pattern, re);
  }
  return re.test(operation);
}

/**
 * Whether permission blocks allow an operation. A block allows it when one of its actions (data
 * actions) matches and none of the same block's notActions (notDataActions) does: a notAction
 * subtracts within its block only, and another block (another role) may still grant it.
 * `actions: ['*']` never covers data actions.
 */
export function blocksAllow(blocks: readonly PermissionFacts[], want: Permission): boolean {
  return blocks.some((b) => blockAllows(b, want));
}

function blockAllows(block: PermissionFacts, want: Permission): boolean {
  const [allow, deny, op] = 'action' in want ? [block.actions, block.notActions, want.action] : [block.dataActions, block.notDataActions, want.dataAction];
  return (allow ?? []).some((p) => permissionMatches(p, op)) && !(deny ?? []).some((p) => permissionMatches(p, op));
}

/** The principal and every group it is in, transitively (cycles tolerated). */
export function principalClosure(principalId: string, memberOf: Readonly<Record<string, readonly string[]>>): Set<string> {
  const index = new Map(Object.entries(memberOf).map(([k, v]) => [k.toLowerCase(), v]));
  const seen = new Set<string>();
  const queue = [principalId.toLowerCase()];
  while (queue.length) {
    const id = queue.pop() ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    for (const g of index.get(id) ?? []) queue.push(g.toLowerCase());
  }
  return seen;
}

export function evaluatePermission(world: RbacWorld, query: PermissionQuery): PermissionVerdict {
  const now = Date.parse(world.now);
  const delay = world.propagationDelayMs ?? PROPAGATION_DELAY_MS;
  const members = world.memberOf ? principalClosure(query.principalId, world.memberOf) : undefined;
  const definitions = new Map(Object.entries(world.roleDefinitions).map(([k, v]) => [k.toLowerCase(), v]));
  const grants: Grant[] = [];
  const uncertainties: string[] = [];

  for (const a of world.assignments) {
    if (members && !members.has(a.principalId.toLowerCase())) continue;
    const covers = scopeCovers(a.scope, query.scope, query.managementGroups);
    const below = covers === false && query.partsCount === true && scopeCovers(query.scope, a.scope) === true;
    if (covers === false && !below) continue;
    const definition = definitions.get(roleDefinitionKey(a.roleDefinitionId));
    if (!definition) {
      uncertainties.push(`role definition ${roleDefinitionKey(a.roleDefinitionId)} (assigned at ${a.scope}) could not be read`);
      continue;
    }
    if (!blocksAllow(definition.permissions, query.permission)) continue;
    const grant: Grant = { assignmentId: a.id, principalId: a.principalId, roleName: definition.roleName, roleDefinitionId: a.roleDefinitionId, scope: a.scope };
    if (a.createdOn) {
      grant.createdOn = a.createdOn;
      const created = Date.parse(a.createdOn);
      if (!Number.isNaN(created) && !Number.isNaN(now)) grant.ageMs = now - created;
    }
    if (below) {
      uncertainties.push(`${definition.roleName} is assigned on ${a.scope}, a part of ${query.scope}: whether the part the service reads is covered is not known`);
    } else if (covers === 'unknown') {
      uncertainties.push(`${definition.roleName} is assigned at management group scope ${a.scope}, and whether it holds this subscription is not known`);
    } else if (a.condition) {
      uncertainties.push(`${definition.roleName} at ${a.scope} is assigned with a condition, which the action cannot evaluate (${a.condition})`);
    } else {
      grants.push(grant);
    }
  }
  if (grants.length > 0) {
    // Effective once any granting assignment is old enough (or of unknown age: assume it is).
    const notYetEffective = grants.every((g) => g.ageMs !== undefined && g.ageMs < delay);
    return { holds: true, grants, notYetEffective, uncertainties: [] };
  }
  if (uncertainties.length > 0) return { holds: 'uncertain', grants, notYetEffective: false, uncertainties };
  return { holds: false, grants, notYetEffective: false, uncertainties: [] };
}

/** "3 minutes", "2 hours", "5 days": an age for messages. */
export function describeAge(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return 'less than a minute';
  if (minutes < 120) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} hours`;
  return `${Math.floor(hours / 24)} days`;
}

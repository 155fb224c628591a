// Which identity will resolve the references: the endpoint's, as the file asks for it (a new
// endpoint) or as Azure holds it (an existing one; it cannot change, docs/secret-injection.md §3).
// Shared by the identity checks (docs/online-checks.md §endpoint-identity); pure.
import type { CheckContext } from './check.ts';
import { lookupCI } from './check.ts';
import type { ManagedIdentityFacts, PrincipalFacts } from './facts.ts';
import { blocksAllow, evaluatePermission, scopeCovers, type Grant, type Permission } from './rbac.ts';
import type { NeededRole } from './roles.ts';

export type EndpointIdentity =
  /** identity type none: nothing can resolve a reference. */
  | { kind: 'none' }
  /** A system identity that the endpoint's creation will bring into being. */
  | { kind: 'new-system' }
  /** An identity that exists: the endpoint's system identity, or a user-assigned one. */
  | { kind: 'existing'; type: 'system' | 'user'; principalId: string; resourceId?: string; label: string }
  /** It exists but is not known (its principal id could not be read). */
  | { kind: 'unknown'; why: string; permission?: string };

/** The identity type the file asks for, as the SDK sends it (no identity block: SystemAssigned). */
export function requestedIdentityType(ctx: CheckContext): 'SystemAssigned' | 'UserAssigned' | 'None' | undefined {
  if (!ctx.endpoint) return undefined;
  return ctx.endpoint.identity?.type ?? 'SystemAssigned';
}

export function endpointIdentity(ctx: CheckContext): EndpointIdentity {
  const live = ctx.facts.endpoint;
  if (live.kind === 'found') return fromLive(ctx, live.value.identity);
  if (live.kind === 'unreadable') return { kind: 'unknown', why: `the endpoint could not be read (${live.why})`, ...(live.permission ? { permission: live.permission } : {}) };
  const type = requestedIdentityType(ctx);
  if (type === undefined) return { kind: 'unknown', why: `endpoint ${ctx.endpointName} does not exist and no endpoint file was given` };
  if (type === 'None') return { kind: 'none' };
  if (type === 'SystemAssigned') return { kind: 'new-system' };
  const resourceId = ctx.endpoint?.identity?.userAssignedIdentities[0]?.resourceId ?? '';
  return userAssigned(ctx, resourceId, undefined);
}

function fromLive(ctx: CheckContext, identity: ManagedIdentityFacts): EndpointIdentity {
  if (identity.type === 'None') return { kind: 'none' };
  // With both, the user-assigned identity resolves the references (assumed, as the emulator does:
  // the docs do not say; the YAML cannot ask for both). docs/online-checks.md §endpoint-identity.
  const [resourceId, entry] = Object.entries(identity.userAssigned)[0] ?? [];
  if (resourceId !== undefined) return userAssigned(ctx, resourceId, entry?.principalId);
  if (identity.principalId) return { kind: 'existing', type: 'system', principalId: identity.principalId, label: `the system-assigned identity of endpoint ${ctx.endpointName} (${identity.principalId})` };
  return { kind: 'unknown', why: 'the endpoint has a system-assigned identity whose principal id was not returned' };
}

function userAssigned(ctx: CheckContext, resourceId: string, principalId: string | undefined): EndpointIdentity {
  const name = resourceId.split('/').pop() ?? resourceId;
  if (principalId) return { kind: 'existing', type: 'user', principalId, resourceId, label: `user-assigned identity ${name} (${principalId})` };
  const read = lookupCI(ctx.facts.userAssignedIdentities, resourceId);
  if (!read) return { kind: 'unknown', why: `user-assigned identity ${name} was not read` };
  if (read.kind === 'missing') return { kind: 'unknown', why: `user-assigned identity ${resourceId} does not exist` };
  if (read.kind === 'unreadable') return { kind: 'unknown', why: `user-assigned identity ${name} could not be read (${read.why})`, permission: read.permission ?? 'Microsoft.ManagedIdentity/userAssignedIdentities/read' };
  return { kind: 'existing', type: 'user', principalId: read.value.principalId, resourceId, label: `user-assigned identity ${name} (${read.value.principalId})` };
}

/** The principal's role assignments as the adapters read them. */
export function principalFacts(ctx: CheckContext, principalId: string): PrincipalFacts | undefined {
  return lookupCI(ctx.facts.principals, principalId);
}

/**
 * Whether the endpoint will carry the enforce flag: the file's value when it sets one, otherwise the
 * live endpoint's (the service keeps keys of the properties bag that a PUT leaves out).
 */
export function enforceFlagEnabled(ctx: CheckContext): boolean {
  const fromFile = ctx.endpoint?.enforceAccessToDefaultSecretStores;
  if (fromFile) return fromFile === 'enabled';
  const live = ctx.facts.endpoint;
  if (live.kind !== 'found') return false;
  const value = Object.entries(live.value.properties).find(([k]) => k.toLowerCase() === 'enforce_access_to_default_secret_stores')?.[1];
  return value?.toLowerCase() === 'enabled';
}

/** Whether a principal holds a role's operation at a scope, from its assignments (rbac.ts). */
export type RoleState =
  | { state: 'holds'; notYetEffective: boolean; grants: Grant[] }
  | { state: 'missing' }
  | { state: 'unknown'; why: string; permission?: string };

export function principalHolds(ctx: CheckContext, principalId: string, role: NeededRole, scope: string, partsCount = false): RoleState {
  const facts = principalFacts(ctx, principalId);
  if (!facts) return { state: 'unknown', why: `the role assignments of ${principalId} were not read`, permission: 'Microsoft.Authorization/roleAssignments/read' };
  if (facts.assignments.kind === 'unreadable') {
    return { state: 'unknown', why: `the role assignments of ${principalId} could not be read (${facts.assignments.why})`, permission: facts.assignments.permission ?? 'Microsoft.Authorization/roleAssignments/read' };
  }
  const assignments = facts.assignments.kind === 'found' ? facts.assignments.value : [];
  const verdict = evaluatePermission({ assignments, roleDefinitions: ctx.facts.roleDefinitions, now: ctx.facts.now }, { principalId, permission: role.permission, scope, partsCount });
  if (verdict.holds === true) return { state: 'holds', notYetEffective: verdict.notYetEffective, grants: verdict.grants };
  if (verdict.holds === 'uncertain') return { state: 'unknown', why: verdict.uncertainties.join('; ') };
  return { state: 'missing' };
}

/** Whether the signed-in identity holds an operation at a scope, from its effective permissions. */
export function callerHolds(ctx: CheckContext, scope: string, permission: Permission): { state: 'holds' } | { state: 'missing' } | { state: 'unknown'; why: string; permission: string } {
  const exact = lookupCI(ctx.facts.caller.permissions, scope);
  const candidates = exact ? [[scope, exact] as const] : Object.entries(ctx.facts.caller.permissions).filter(([s]) => scopeCovers(s, scope) === true);
  let why: string | undefined;
  for (const [, lookup] of candidates) {
    if (lookup.kind === 'found' && blocksAllow(lookup.value, permission)) return { state: 'holds' };
    if (lookup.kind === 'unreadable') why = lookup.why;
  }
  if (exact?.kind === 'found') return { state: 'missing' };
  return { state: 'unknown', why: why ?? `the signed-in identity's permissions on ${scope} were not read`, permission: 'Microsoft.Authorization/permissions/read' };
}

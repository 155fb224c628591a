// The endpoint identity may read what the references point at: workspace connections (granted at
// creation only to a system identity, with the enforce flag, when the creator may read connection
// secrets) and each Key Vault (never granted automatically). A new system identity cannot hold a
// role before it exists: with grant-missing-roles deploy assigns it between endpoint and
// deployment creation, otherwise the fix is the exact command to run once the endpoint exists.
// docs/online-checks.md §endpoint-identity; docs/secret-injection.md §2.
import { makeFinding, type Finding } from '../findings/finding.ts';
import type { SecretReference } from '../secrets/scan.ts';
import { defineCheck, firstPerFile, lookupCI, type CheckContext, type CheckOutput, type PlannedGrant } from './check.ts';
import { callerHolds, endpointIdentity, enforceFlagEnabled, principalHolds, type EndpointIdentity, type RoleState } from './identity.ts';
import { describeAge } from './rbac.ts';
import { CONNECTION_SECRETS_READER, KEY_VAULT_SECRETS_USER, ROLE_ASSIGNMENT_WRITE, endpointPrincipalExpression, operationOf, resourceName, roleAssignmentCommand } from './roles.ts';

type Out = CheckOutput;

export const endpointIdentityCheck = defineCheck(
  'endpoint-identity',
  ['endpoint-identity-cannot-read-connections', 'endpoint-identity-cannot-read-keyvault', 'role-not-yet-effective', 'cannot-verify'],
  (ctx) => {
    const out: Out = { findings: [], verdicts: [], identityPlan: [], grants: [] };
    const identity = endpointIdentity(ctx);
    const connectionRefs = ctx.references.filter((r) => r.kind !== 'keyvault');
    if (connectionRefs.length) connections(ctx, identity, connectionRefs, out);
    const byVault = new Map<string, SecretReference[]>();
    for (const r of ctx.references) if (r.kind === 'keyvault') byVault.set(r.vaultHost.toLowerCase(), [...(byVault.get(r.vaultHost.toLowerCase()) ?? []), r]);
    for (const [host, refs] of byVault) keyVault(ctx, identity, host, refs, out);
    return out;
  },
);

/**
 * Report on every reference of the group (each affected line is annotated), each finding naming
 * every variable the same missing permission affects; give every reference the status.
 */
function decide(out: Out, refs: SecretReference[], status: Out['verdicts'][number]['status'], finding?: (ref: SecretReference) => Finding): void {
  if (finding) {
    const all = affected(refs);
    for (const r of refs) {
      const f = finding(r);
      out.findings.push(all ? { ...f, message: `${f.message} ${all}` } : f);
    }
  }
  for (const r of refs) out.verdicts.push({ reference: r, status });
}

/** "The same applies to 3 references: A (deployment.yml:8), B (…:9), C (green.yml:7)." for a group of more than one. */
export function affected(refs: readonly SecretReference[]): string | undefined {
  if (refs.length < 2) return undefined;
  const files = new Set(refs.map((r) => r.range.file));
  const where = (r: SecretReference) => (files.size > 1 ? `${r.range.file}:${r.range.line}` : `line ${r.range.line}`);
  return `The same applies to ${refs.length} references: ${refs.map((r) => `${r.variable} (${where(r)})`).join(', ')}.`;
}

function identityUnknown(ctx: CheckContext, out: Out, refs: SecretReference[], identity: Extract<EndpointIdentity, { kind: 'unknown' }>, what: string): void {
  // No endpoint and no endpoint file: endpoint-not-found (endpoint-state) already says all there is to say.
  const reported = ctx.facts.endpoint.kind === 'missing' && !ctx.endpoint;
  decide(out, refs, { state: 'unknown', why: `the endpoint identity is not known: ${identity.why}` }, reported ? undefined : (r) =>
    makeFinding('cannot-verify', r.range, `Cannot verify that the endpoint identity may ${what}: ${identity.why}.`, {
      hint: identity.permission ? `Give the workflow identity ${identity.permission}.` : 'Give the workflow identity Reader on the workspace and the identity.',
    }),
  );
}

function notYetEffective(out: Out, refs: SecretReference[], state: Extract<RoleState, { state: 'holds' }>, who: string, where: string): void {
  if (!state.notYetEffective) return;
  const youngest = Math.min(...state.grants.map((g) => g.ageMs ?? Infinity));
  const role = state.grants[0]?.roleName ?? 'the role';
  for (const r of firstPerFile(refs, () => '')) {
    out.findings.push(
      makeFinding('role-not-yet-effective', r.range, `${role} was assigned to ${who} on ${where} ${describeAge(youngest)} ago: role assignments can take up to 10 minutes to take effect, so it may not have yet.`),
    );
  }
}

function connections(ctx: CheckContext, identity: EndpointIdentity, refs: SecretReference[], out: Out): void {
  const ws = ctx.facts.workspace;
  if (ws.kind !== 'found') {
    decide(out, refs, { state: 'unknown', why: 'the workspace could not be read' });
    return;
  }
  const what = 'read the workspace connections';
  switch (identity.kind) {
    case 'none':
      decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-connections' }, (r) =>
        makeFinding('endpoint-identity-cannot-read-connections', r.range, `${r.variable}: endpoint ${ctx.endpointName} has no identity (identity type none), so nothing can resolve connection references.`, {
          hint: 'Use identity type system_assigned with properties.enforce_access_to_default_secret_stores: enabled.',
        }),
      );
      return;
    case 'unknown':
      identityUnknown(ctx, out, refs, identity, what);
      return;
    case 'new-system': {
      if (!enforceFlagEnabled(ctx)) {
        decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-connections' }, (r) =>
          makeFinding('endpoint-identity-cannot-read-connections', r.range, `${r.variable}: the new system-assigned identity of endpoint ${ctx.endpointName} will not be able to read connection ${connectionName(r)}: the service grants "${CONNECTION_SECRETS_READER.roleName}" at creation only when the endpoint sets enforce_access_to_default_secret_stores: enabled.`, {
            hint: 'Add to the endpoint file:\nproperties:\n  enforce_access_to_default_secret_stores: enabled',
          }),
        );
        return;
      }
      const caller = callerHolds(ctx, ws.value.id, CONNECTION_SECRETS_READER.permission);
      if (caller.state === 'holds') {
        decide(out, refs, { state: 'pass' });
        out.identityPlan.push(`At endpoint creation the service grants "${CONNECTION_SECRETS_READER.roleName}" on the workspace to the new system identity (enforce flag, and the signed-in identity may read connection secrets).`);
      } else if (caller.state === 'missing') {
        decide(out, refs, { state: 'fail', rule: 'caller-cannot-read-connections' }); // reported by caller-permissions
      } else {
        decide(out, refs, { state: 'unknown', why: `whether the signed-in identity may read connection secrets is not known: ${caller.why}` });
      }
      return;
    }
    case 'existing': {
      // The service authorizes listsecrets on the connection itself, so an assignment on one connection counts too.
      const byConnection = new Map<string, SecretReference[]>();
      for (const r of refs) byConnection.set(connectionName(r).toLowerCase(), [...(byConnection.get(connectionName(r).toLowerCase()) ?? []), r]);
      const wsName = resourceName(ws.value.id);
      for (const group of byConnection.values()) {
        const name = connectionName(group[0] as SecretReference);
        const state = principalHolds(ctx, identity.principalId, CONNECTION_SECRETS_READER, `${ws.value.id}/connections/${name}`);
        if (state.state === 'holds') {
          decide(out, group, { state: 'pass' });
          notYetEffective(out, group, state, identity.label, `workspace ${wsName}`);
        } else if (state.state === 'unknown') {
          decide(out, group, { state: 'unknown', why: state.why }, (r) =>
            makeFinding('cannot-verify', r.range, `Cannot verify that ${identity.label} may ${what}: ${state.why}.`, { hint: hintFor(state) }),
          );
        } else {
          const command = roleAssignmentCommand(CONNECTION_SECRETS_READER, ws.value.id, identity.principalId);
          decide(out, group, { state: 'fail', rule: 'endpoint-identity-cannot-read-connections' }, (r) =>
            makeFinding('endpoint-identity-cannot-read-connections', r.range, `${r.variable}: ${identity.label} has no role with ${operationOf(CONNECTION_SECRETS_READER.permission)} on workspace ${wsName} (or on connection ${name}), so it cannot read connection ${name}.`, {
              hint: `Assign "${CONNECTION_SECRETS_READER.roleName}" on the workspace: ${command}`,
            }),
          );
        }
      }
    }
  }
}

function keyVault(ctx: CheckContext, identity: EndpointIdentity, host: string, refs: SecretReference[], out: Out): void {
  const vault = lookupCI(ctx.facts.vaults, host);
  const vaultName = host.split('.')[0] ?? host;
  if (!vault || vault.kind === 'missing') {
    // keyvault-secrets reports a missing vault; there is no scope to check.
    decide(out, refs, { state: 'unknown', why: `vault ${vaultName} was not found, so its roles cannot be checked` });
    return;
  }
  if (vault.kind === 'unreadable') {
    decide(out, refs, { state: 'unknown', why: `vault ${vaultName} could not be read, so its resource id (the role scope) is not known` });
    return;
  }
  const scope = vault.value.resourceId;
  const what = `read secrets from vault ${vaultName}`;
  const role = KEY_VAULT_SECRETS_USER;
  switch (identity.kind) {
    case 'none':
      decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }, (r) =>
        makeFinding('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: endpoint ${ctx.endpointName} has no identity (identity type none), so nothing can read vault ${vaultName}.`, {
          hint: 'Give the endpoint an identity (type system_assigned or user_assigned) and assign it "Key Vault Secrets User" on the vault.',
        }),
      );
      return;
    case 'unknown':
      identityUnknown(ctx, out, refs, identity, what);
      return;
    case 'new-system': {
      const later = roleAssignmentCommand(role, scope, endpointPrincipalExpression(ctx.endpointName, ctx.facts.workspace.kind === 'found' ? ctx.facts.workspace.value.id : undefined));
      out.identityPlan.push(`After the endpoint exists: assign ${role.roleName} on ${vaultName} to its new system identity${ctx.grantMissingRoles ? ' (grant-missing-roles)' : ` (${later})`}.`);
      if (ctx.grantMissingRoles) {
        plannedGrant(ctx, refs, out, { roleName: role.roleName, roleDefinitionId: role.roleDefinitionId, scope, principalType: 'ServicePrincipal', when: 'after-endpoint', reason: `${refs.length} reference(s) to vault ${vaultName}` }, 'the new system-assigned identity', vaultName);
        return;
      }
      decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }, (r) =>
        makeFinding('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: the endpoint's system-assigned identity does not exist until the endpoint is created, so it cannot hold "${role.roleName}" on vault ${vaultName} yet, and the service never grants it automatically; the deployment would fail with SecretsInjectionError.`, {
          hint: `Set grant-missing-roles: true (deploy then assigns the role between endpoint and deployment creation), or create the endpoint first and run: ${later}`,
        }),
      );
      return;
    }
    case 'existing': {
      const state = principalHolds(ctx, identity.principalId, role, scope);
      if (state.state === 'holds') {
        decide(out, refs, { state: 'pass' });
        notYetEffective(out, refs, state, identity.label, `vault ${vaultName}`);
        return;
      }
      if (state.state === 'unknown') {
        decide(out, refs, { state: 'unknown', why: state.why }, (r) =>
          makeFinding('cannot-verify', r.range, `Cannot verify that ${identity.label} may ${what}: ${state.why}.`, { hint: hintFor(state) }),
        );
        return;
      }
      const command = roleAssignmentCommand(role, scope, identity.principalId);
      if (ctx.grantMissingRoles) {
        out.identityPlan.push(`Before the deployment: assign ${role.roleName} on ${vaultName} to ${identity.label} (grant-missing-roles).`);
        plannedGrant(ctx, refs, out, { roleName: role.roleName, roleDefinitionId: role.roleDefinitionId, scope, principalId: identity.principalId, principalType: 'ServicePrincipal', when: 'before-deployment', reason: `${refs.length} reference(s) to vault ${vaultName}` }, identity.label, vaultName);
        return;
      }
      decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }, (r) =>
        makeFinding('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: ${identity.label} has no role with ${operationOf(role.permission)} on vault ${vaultName} (role "${role.roleName}", scope ${scope}); the deployment would fail with SecretsInjectionError.`, {
          hint: `Run: ${command}  (or set grant-missing-roles: true)`,
        }),
      );
    }
  }
}

/** grant-missing-roles: a notice and a planned grant when the caller may assign roles on the vault, an error when it may not. */
function plannedGrant(ctx: CheckContext, refs: SecretReference[], out: Out, grant: PlannedGrant, who: string, vaultName: string): void {
  const caller = callerHolds(ctx, grant.scope, ROLE_ASSIGNMENT_WRITE);
  if (caller.state === 'missing') {
    decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }, (r) =>
      makeFinding('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: ${who} needs "${grant.roleName}" on vault ${vaultName}, and grant-missing-roles cannot assign it: the signed-in identity lacks ${operationOf(ROLE_ASSIGNMENT_WRITE)} on the vault.`, {
        hint: `Give the workflow identity "Role Based Access Control Administrator" (or User Access Administrator) on vault ${vaultName}, or assign the role yourself once the identity exists.`,
      }),
    );
    return;
  }
  out.grants.push(grant);
  const when = grant.when === 'after-endpoint' ? 'after creating the endpoint' : 'before creating the deployment';
  decide(out, refs, { state: 'unknown', why: `deploy assigns ${grant.roleName} on ${vaultName} ${when} (grant-missing-roles)` }, (r) =>
    caller.state === 'holds'
      ? makeFinding('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: ${who} does not hold "${grant.roleName}" on vault ${vaultName} yet; deploy will assign it ${when} (grant-missing-roles).`, { severity: 'notice', hint: 'Nothing to do: the role is part of the plan.' })
      : makeFinding('cannot-verify', r.range, `${r.variable}: deploy will try to assign "${grant.roleName}" on vault ${vaultName} ${when} (grant-missing-roles), but whether the signed-in identity may assign roles there is not known: ${caller.why}.`, {
          hint: `Give the workflow identity ${caller.permission}, or check that it holds ${operationOf(ROLE_ASSIGNMENT_WRITE)} on the vault.`,
        }),
  );
}

function hintFor(state: Extract<RoleState, { state: 'unknown' }>): string {
  return state.permission ? `Give the workflow identity ${state.permission} (for example Reader) on the scope.` : 'Check the assignment by hand: the action cannot evaluate it.';
}

function connectionName(r: SecretReference): string {
  return r.kind === 'keyvault' ? r.vaultName : r.connection;
}


// A user-assigned endpoint identity needs AcrPull on the workspace registry and Storage Blob Data
// Reader on the workspace storage; a system-assigned one is granted both at creation
// (docs/online-checks.md §uai-platform-roles; docs/secret-injection.md §3).
import { makeFinding } from '../findings/finding.ts';
import { defineCheck, endpointPosition, type CheckOutput } from './check.ts';
import { endpointIdentity, principalHolds } from './identity.ts';
import { ACR_PULL, STORAGE_BLOB_DATA_READER, resourceName, roleAssignmentCommand, type NeededRole } from './roles.ts';

export const uaiPlatformRolesCheck = defineCheck('uai-platform-roles', ['uai-missing-platform-roles', 'role-not-yet-effective', 'cannot-verify'], (ctx) => {
  const identity = endpointIdentity(ctx);
  const ws = ctx.facts.workspace;
  if (identity.kind !== 'existing' || identity.type !== 'user' || ws.kind !== 'found') return {};
  const where = endpointPosition(ctx, (s) => s.identity);
  const out: Pick<CheckOutput, 'findings'> = { findings: [] };
  const missing: Array<{ role: NeededRole; scope: string }> = [];
  const needs: Array<[NeededRole, string | undefined]> = [[ACR_PULL, ws.value.containerRegistryId], [STORAGE_BLOB_DATA_READER, ws.value.storageAccountId]];
  for (const [role, scope] of needs) {
    if (!scope) continue; // the workspace has none yet (a registry is created with the first image build)
    // Blob reads happen in one container of the account: an assignment on a container is not known to be the right one.
    const state = principalHolds(ctx, identity.principalId, role, scope, role === STORAGE_BLOB_DATA_READER);
    if (state.state === 'missing') missing.push({ role, scope });
    else if (state.state === 'unknown') {
      out.findings.push(makeFinding('cannot-verify', where, `Cannot verify that ${identity.label} holds ${role.roleName} on ${resourceName(scope)}: ${state.why}.`, {
        hint: state.permission ? `Give the workflow identity ${state.permission} on ${resourceName(scope)}.` : 'Check the assignment by hand.',
      }));
    } else if (state.notYetEffective) {
      out.findings.push(makeFinding('role-not-yet-effective', where, `${state.grants[0]?.roleName ?? role.roleName} on ${resourceName(scope)} was assigned to ${identity.label} less than 10 minutes ago: it may not have taken effect yet.`));
    }
  }
  if (missing.length) {
    const what = missing.map((m) => `${m.role.roleName} on ${resourceName(m.scope)} (to ${m.role.purpose})`).join(' and ');
    out.findings.push(
      makeFinding('uai-missing-platform-roles', where, `${identity.label} lacks ${what}; a user-assigned identity is not granted these automatically, and the deployment would fail to start.`, {
        hint: `Run: ${missing.map((m) => roleAssignmentCommand(m.role, m.scope, identity.principalId)).join(' && ')}`,
      }),
    );
  }
  return out;
});

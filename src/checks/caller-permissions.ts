// With the enforce flag, the service checks at endpoint and at every deployment creation that the
// identity creating them may read connection secrets, and fails the creation without it
// (docs/online-checks.md §caller-permissions; docs/secret-injection.md §2). The caller's own
// permissions come from the Authorization `permissions` API (facts.caller).
import { makeFinding } from '../findings/finding.ts';
import { defineCheck, endpointPosition } from './check.ts';
import { callerHolds, enforceFlagEnabled } from './identity.ts';
import { CONNECTION_SECRETS_READER, operationOf, resourceName } from './roles.ts';

export const callerPermissionsCheck = defineCheck('caller-permissions', ['caller-cannot-read-connections', 'cannot-verify'], (ctx) => {
  if (!enforceFlagEnabled(ctx)) return {};
  const ws = ctx.facts.workspace;
  if (ws.kind !== 'found') return {};
  const where = endpointPosition(ctx, (s) => s.enforceFlag);
  const operation = operationOf(CONNECTION_SECRETS_READER.permission);
  const caller = callerHolds(ctx, ws.value.id, CONNECTION_SECRETS_READER.permission);
  const who = ctx.facts.caller.objectId ? `The signed-in identity (${ctx.facts.caller.objectId})` : 'The signed-in identity';
  if (caller.state === 'missing') {
    return {
      findings: [
        makeFinding('caller-cannot-read-connections', where, `${who} lacks ${operation} on workspace ${resourceName(ws.value.id)}; with enforce_access_to_default_secret_stores: enabled the service checks it when creating the endpoint and each deployment, and fails the creation.`, {
          hint: `Assign "${CONNECTION_SECRETS_READER.roleName}" on the workspace to the workflow identity${ctx.facts.caller.objectId ? `: az role assignment create --assignee-object-id ${ctx.facts.caller.objectId} --assignee-principal-type ServicePrincipal --role "${CONNECTION_SECRETS_READER.roleName}" --scope ${ws.value.id}` : ''}`,
        }),
      ],
    };
  }
  if (caller.state === 'unknown') {
    return {
      findings: [
        makeFinding('cannot-verify', where, `Cannot verify that the signed-in identity may read connection secrets (${operation}), which the enforce flag requires: ${caller.why}.`, {
          hint: `Make sure the workflow identity holds ${operation} on the workspace.`,
        }),
      ],
    };
  }
  return {};
});

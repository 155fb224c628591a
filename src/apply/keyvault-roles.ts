// Key Vault access of a new system-assigned endpoint identity (docs/secret-injection.md): it is
// never granted automatically and cannot be granted before the endpoint exists. Between endpoint
// and deployment creation this module checks each referenced vault, assigns Key Vault Secrets User
// with `grant-missing-roles` (principalType set: the principal is brand new, and role assignment
// without it fails while the principal replicates), and waits until the assignment is visible.
import { randomUUID } from 'node:crypto';
import * as core from '@actions/core';
import { ArmError, type AzureSession } from '../azure/session.ts';
import { blocksAllow } from '../checks/rbac.ts';
import { KEY_VAULT_SECRETS_USER, roleAssignmentCommand } from '../checks/roles.ts';
import { NotYet, polling, retrying } from '../azure/retry.ts';
import { retryTransient } from './lro.ts';

const AUTHZ_API = '2022-04-01';
const VAULT_API = '2023-07-01';

export interface VaultAccess {
  host: string;
  name: string;
  /** ARM id of the vault, when it could be found. */
  resourceId?: string;
  state: 'has-access' | 'granted' | 'missing' | 'unknown';
  why?: string;
  /** The exact command that grants the role, for the finding when it is missing. */
  command?: string;
}

interface Assignment {
  properties?: { roleDefinitionId?: string; principalId?: string; scope?: string };
}
interface RoleDefinition {
  properties?: { permissions?: Array<{ dataActions?: string[]; notDataActions?: string[] }> };
}

/** Whether a role definition allows getSecret, by the same matching the online checks use. */
function grantsGetSecret(def: RoleDefinition): boolean {
  const blocks = (def.properties?.permissions ?? []).map((p) => ({ actions: [], notActions: [], dataActions: p.dataActions ?? [], notDataActions: p.notDataActions ?? [] }));
  return blocksAllow(blocks, KEY_VAULT_SECRETS_USER.permission);
}

async function vaultId(session: AzureSession, name: string, known: string | undefined, deadline: number): Promise<string | undefined> {
  if (known) return known;
  // Without validate's vault facts: the workspace's resource group, where most vaults live.
  const path = `/subscriptions/${session.subscriptionId}/resourceGroups/${session.resourceGroup}/providers/Microsoft.KeyVault/vaults/${name}`;
  try {
    const res = await retryTransient(`GET vault ${name}`, deadline, () => session.arm.send<{ id?: string }>({ method: 'GET', path, apiVersion: VAULT_API }));
    return res.body?.id ?? path;
  } catch (error) {
    if (error instanceof ArmError && (error.status === 404 || error.status === 403)) return undefined;
    throw error;
  }
}

async function hasAccess(session: AzureSession, principalId: string, scope: string, deadline: number): Promise<boolean> {
  const res = await retryTransient('list role assignments', deadline, () =>
    session.arm.send<{ value?: Assignment[] }>({ method: 'GET', path: `${scope}/providers/Microsoft.Authorization/roleAssignments`, apiVersion: AUTHZ_API, query: { $filter: `assignedTo('${principalId}')` } }),
  );
  const roleIds = [...new Set((res.body?.value ?? []).map((a) => a.properties?.roleDefinitionId).filter((id): id is string => Boolean(id)))];
  const defs = await Promise.all(
    roleIds.map((id) => retryTransient('read role definition', deadline, () => session.arm.send<RoleDefinition>({ method: 'GET', path: id, apiVersion: AUTHZ_API }))),
  );
  return defs.some((d) => grantsGetSecret(d.body));
}

/** Checks every vault; grants the role where it is missing when `grant` is set, then waits until each grant is visible. */
export async function ensureKeyVaultAccess(
  session: AzureSession,
  principalId: string,
  vaults: Array<{ host: string; name: string; resourceId?: string }>,
  grant: boolean,
  deadline: number,
): Promise<VaultAccess[]> {
  return Promise.all(
    vaults.map(async (v): Promise<VaultAccess> => {
      const id = await vaultId(session, v.name, v.resourceId, deadline);
      if (!id) return { ...v, state: 'unknown', why: `vault ${v.name} was not found in resource group ${session.resourceGroup} (or may not be read)` };
      if (await hasAccess(session, principalId, id, deadline)) return { ...v, resourceId: id, state: 'has-access' };
      const command = roleAssignmentCommand(KEY_VAULT_SECRETS_USER, id, principalId);
      if (!grant) return { ...v, resourceId: id, state: 'missing', command };
      const roleDefinitionId = `/subscriptions/${session.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${KEY_VAULT_SECRETS_USER.roleDefinitionId}`;
      const body = { properties: { roleDefinitionId, principalId, principalType: 'ServicePrincipal' } };
      const path = `${id}/providers/Microsoft.Authorization/roleAssignments/${randomUUID()}`;
      // A brand-new principal may not have replicated yet (PrincipalNotFound): ask again until the deadline (the one retry loop).
      try {
        await retrying('Assigning Key Vault Secrets User', {
          deadline,
          retryable: (e) => e instanceof ArmError && e.code === 'PrincipalNotFound',
          firstDelayMs: 2000,
          log: () => core.info(`The new identity ${principalId} is not replicated yet; assigning again.`),
        }, () => retryTransient('assign Key Vault Secrets User', deadline, () => session.arm.send({ method: 'PUT', path, apiVersion: AUTHZ_API, body })));
      } catch (error) {
        if (!(error instanceof ArmError)) throw error;
        if (error.code !== 'RoleAssignmentExists') return { ...v, resourceId: id, state: 'missing', why: `the role assignment was refused: ${error.code}`, command };
      }
      core.info(`Assigned Key Vault Secrets User on ${v.name} to the endpoint identity ${principalId}.`);
      // Visible through the Authorization API before the deployment relies on it.
      const visible = await polling('Key Vault Secrets User visible', { deadline, maxDelayMs: 10_000 }, async () => {
        if (await hasAccess(session, principalId, id, deadline)) return true;
        throw new NotYet('not yet visible');
      });
      if (!visible.done) return { ...v, resourceId: id, state: 'granted', why: 'assigned, not yet visible' };
      return { ...v, resourceId: id, state: 'granted' };
    }),
  );
}

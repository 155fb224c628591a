// The service-side secret-injection resolver (seeds/001: "secret retrieval and injection will be performed
// with the endpoint identity ... If the endpoint identity does not have the permission ... the creation will
// fail. If the specified secret reference does not exist ... the creation will fail.").
// Only whole values matching one of the five documented patterns are references; anything else is passed
// to the container literally, as the service does.
import { decide } from './arm-common.ts';
import type { Ctx } from './context.ts';
import { readSecret } from './keyvault.ts';
import { connectionResource } from './ml-workspace.ts';
import type { PrincipalRec } from './state.ts';

export type SecretReference =
  | { kind: 'connection'; connection: string }
  | { kind: 'credential'; connection: string; key: string }
  | { kind: 'metadata'; connection: string; key: string }
  | { kind: 'target'; connection: string }
  | { kind: 'keyvault'; vault: string; secret: string; version: string };

const CONN = '[^/{}]+';
const PATTERNS: [RegExp, (m: RegExpExecArray) => SecretReference][] = [
  [new RegExp(`^\\$\\{\\{azureml://connections/(${CONN})\\}\\}$`), (m) => ({ kind: 'connection', connection: m[1] ?? '' })],
  [new RegExp(`^\\$\\{\\{azureml://connections/(${CONN})/credentials/(${CONN})\\}\\}$`), (m) => ({ kind: 'credential', connection: m[1] ?? '', key: m[2] ?? '' })],
  [new RegExp(`^\\$\\{\\{azureml://connections/(${CONN})/metadata/(${CONN})\\}\\}$`), (m) => ({ kind: 'metadata', connection: m[1] ?? '', key: m[2] ?? '' })],
  [new RegExp(`^\\$\\{\\{azureml://connections/(${CONN})/target\\}\\}$`), (m) => ({ kind: 'target', connection: m[1] ?? '' })],
  // The vault host follows the cloud (*.vault.azure.net, *.vault.usgovcloudapi.net, *.vault.azure.cn); the docs show the public one.
  [/^\$\{\{keyvault:https:\/\/([a-zA-Z0-9-]+)\.(?:vault\.azure\.net|vault\.usgovcloudapi\.net|vault\.azure\.cn)\/secrets\/([a-zA-Z0-9-]+)\/([a-zA-Z0-9]+)\}\}$/, (m) => ({ kind: 'keyvault', vault: m[1] ?? '', secret: m[2] ?? '', version: m[3] ?? '' })],
];

export function parseReference(value: string): SecretReference | undefined {
  for (const [re, build] of PATTERNS) {
    const m = re.exec(value);
    if (m) return build(m);
  }
  return undefined;
}

export interface InjectionFailure { variable: string; message: string }
export type InjectionResult = { ok: true; environment: Record<string, string> } | { ok: false; failures: InjectionFailure[] };

const LISTSECRETS = 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action';

function resolveOne(ctx: Ctx, identity: PrincipalRec, ref: SecretReference): { ok: true; value: string } | { ok: false; message: string } {
  const w = ctx.world;
  const who = `the endpoint identity (principalId ${identity.objectId})`;
  if (ref.kind === 'keyvault') {
    const vault = w.vaults.get(ref.vault.toLowerCase());
    if (!vault) return { ok: false, message: `Key vault '${ref.vault}' could not be reached (no such vault).` };
    if (vault.permissionModel !== 'rbac') return { ok: false, message: `Key vault '${vault.name}' uses the access policy permission model; secret injection requires Azure role-based access control (RBAC).` };
    const r = readSecret(ctx, identity, vault, ref.secret, ref.version);
    if (r.ok) return { ok: true, value: r.version.value };
    if (r.status === 403 && r.inner === 'ForbiddenByRbac') return { ok: false, message: `${who} is not authorized to perform 'Microsoft.KeyVault/vaults/secrets/getSecret/action' on secret '${ref.secret}' of key vault '${vault.name}' (ForbiddenByRbac).` };
    if (r.status === 404) return { ok: false, message: `Secret '${ref.secret}' version '${ref.version}' was not found in key vault '${vault.name}' (SecretNotFound).` };
    return { ok: false, message: `Key vault '${vault.name}' refused secret '${ref.secret}' version '${ref.version}': ${r.message} (${r.inner ?? r.code}).` };
  }
  const scope = `${w.workspaceId}/connections/${ref.connection}`;
  if (!decide(ctx, identity.objectId, LISTSECRETS, scope).allowed) {
    return { ok: false, message: `${who} does not have authorization to perform action '${LISTSECRETS}' over scope '${scope}'.` };
  }
  const conn = w.connections.get(ref.connection.toLowerCase());
  if (!conn) return { ok: false, message: `Connection '${ref.connection}' can't be found in this workspace.` };
  switch (ref.kind) {
    case 'connection':
      return { ok: true, value: JSON.stringify(connectionResource(w, conn, true)) };
    case 'target':
      return conn.target ? { ok: true, value: conn.target } : { ok: false, message: `Connection '${conn.name}' has no target.` };
    case 'metadata': {
      const v = conn.metadata[ref.key];
      return v !== undefined ? { ok: true, value: v } : { ok: false, message: `Metadata '${ref.key}' was not found in connection '${conn.name}'.` };
    }
    case 'credential': {
      const creds = conn.credentials ?? {};
      const bag = conn.authType === 'CustomKeys' ? (creds['keys'] as Record<string, unknown> | undefined) ?? {} : creds;
      const v = bag[ref.key];
      return typeof v === 'string' ? { ok: true, value: v } : { ok: false, message: `Credential '${ref.key}' was not found in connection '${conn.name}'.` };
    }
  }
}

export function resolveEnvironment(ctx: Ctx, identity: PrincipalRec | undefined, variables: Record<string, string>): InjectionResult {
  const environment: Record<string, string> = {};
  const failures: InjectionFailure[] = [];
  for (const [name, value] of Object.entries(variables)) {
    const ref = parseReference(value);
    if (!ref) {
      environment[name] = value;
      continue;
    }
    if (!identity) {
      failures.push({ variable: name, message: 'The endpoint has no identity to resolve secret references with.' });
      continue;
    }
    const r = resolveOne(ctx, identity, ref);
    if (r.ok) environment[name] = r.value;
    else failures.push({ variable: name, message: r.message });
  }
  return failures.length ? { ok: false, failures } : { ok: true, environment };
}

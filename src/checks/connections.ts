// Connection references: the connection exists, and so does the credential key, metadata key or
// target the reference names (docs/online-checks.md §connections; docs/secret-injection.md §1).
// Key names come from `listsecrets`; its values never reach this layer (src/checks/facts.ts).
import { makeFinding } from '../findings/finding.ts';
import type { ConnectionRef } from '../secrets/scan.ts';
import { closest } from '../manifests/edit-distance.ts';
import { defineCheck, lookupCI, type CheckOutput } from './check.ts';
import type { ConnectionFacts } from './facts.ts';

const LIST_SECRETS = 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action';

export const connectionsCheck = defineCheck('connections', ['connection-not-found', 'connection-key-not-found', 'cannot-verify'], (ctx) => {
  const out: Pick<CheckOutput, 'findings' | 'verdicts'> = { findings: [], verdicts: [] };
  for (const ref of ctx.references) {
    if (ref.kind === 'keyvault') continue;
    const lookup = lookupCI(ctx.facts.connections, ref.connection);
    if (!lookup) {
      out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `connection ${ref.connection} was not read` } });
      continue;
    }
    if (lookup.kind === 'unreadable') {
      const permission = lookup.permission ?? LIST_SECRETS;
      out.findings.push(
        makeFinding('cannot-verify', ref.range, `Cannot verify ${ref.variable}: connection ${ref.connection} could not be read (${lookup.why}); the signed-in identity needs ${permission} on the workspace.`, {
          hint: `Grant the workflow identity a role with ${permission} on the workspace (for example "Azure Machine Learning Workspace Connection Secrets Reader"), or accept that this reference is checked only when the deployment is created.`,
        }),
      );
      out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `connection ${ref.connection} could not be read: ${permission} needed` } });
      continue;
    }
    if (lookup.kind === 'missing') {
      const names = ctx.facts.connectionNames ?? [];
      const near = closest(ref.connection, names);
      const known = names.length ? ` The workspace has: ${names.join(', ')}.` : '';
      out.findings.push(
        makeFinding('connection-not-found', ref.range, `${ref.variable}: the workspace has no connection named ${ref.connection}.${known}`, {
          hint: near ? `Did you mean ${near}? ${ref.raw.replace(ref.connection, near)}` : 'Create the connection in the workspace (az ml connection create) or correct its name.',
        }),
      );
      out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'connection-not-found' } });
      continue;
    }
    const problem = keyProblem(ref, lookup.value);
    if (problem) {
      out.findings.push(makeFinding('connection-key-not-found', ref.range, `${ref.variable}: ${problem.message}`, { hint: problem.hint }));
      out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'connection-key-not-found' } });
    } else {
      out.verdicts.push({ reference: ref, status: { state: 'pass' } });
    }
  }
  return out;
});

/** What is wrong with the key a reference names, with the keys that exist (names only) and the closest one. */
export function keyProblem(ref: ConnectionRef, connection: ConnectionFacts): { message: string; hint: string } | undefined {
  const kind = ref.kind;
  if (kind === 'connection') return undefined;
  if (kind === 'connection-target') {
    if (connection.target) return undefined;
    return {
      message: `connection ${ref.connection} has no target, so …/target resolves to nothing.`,
      hint: 'Reference a credential or metadata key instead, or set a target on the connection.',
    };
  }
  const key = ref.key ?? '';
  const [what, keys] = kind === 'connection-credential' ? (['credential', connection.credentialKeys] as const) : (['metadata key', connection.metadataKeys] as const);
  if (keys.includes(key)) return undefined;
  // The key exists on the other side: a credential named as metadata, or the reverse.
  const [otherSegment, otherKeys] = kind === 'connection-credential' ? (['metadata', connection.metadataKeys] as const) : (['credentials', connection.credentialKeys] as const);
  const sameSideCase = keys.some((k) => k.toLowerCase() === key.toLowerCase());
  const other = sameSideCase ? undefined : (otherKeys.find((k) => k === key) ?? otherKeys.find((k) => k.toLowerCase() === key.toLowerCase()));
  if (other) {
    const is = otherSegment === 'metadata' ? 'a metadata key' : 'a credential';
    return {
      message: `connection ${ref.connection} has no ${what} ${key}: ${other} is ${is} of the connection, referenced as …/${otherSegment}/${other}.`,
      hint: `Reference it as ${otherSegment === 'metadata' ? 'metadata' : 'a credential'}: \${{azureml://connections/${ref.connection}/${otherSegment}/${other}}}`,
    };
  }
  const auth = connection.authType ? ` (auth type ${connection.authType})` : '';
  const existing = keys.length ? `It has: ${keys.join(', ')}.` : `It has no ${what === 'credential' ? 'credentials' : 'metadata'}.`;
  const caseOnly = keys.find((k) => k.toLowerCase() === key.toLowerCase());
  const near = caseOnly ?? closest(key, keys);
  const segment = kind === 'connection-credential' ? 'credentials' : 'metadata';
  return {
    message: `connection ${ref.connection}${auth} has no ${what} ${key}${caseOnly ? ' (names are case-sensitive)' : ''}. ${existing}`,
    hint: near
      ? `Did you mean ${near}? \${{azureml://connections/${ref.connection}/${segment}/${near}}}`
      : `Use one of the ${what}s the connection has, or add ${key} to the connection.`,
  };
}

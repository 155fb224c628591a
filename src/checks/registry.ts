// The online checks, listed once like a lint rule set, and the one function that runs them all
// and merges what they decided (docs/online-checks.md). Pure: the adapters read the facts first.
//
//   runChecks(ctx: CheckContext): ChecksOutcome
import type { Finding } from '../findings/finding.ts';
import type { ReferenceRow, ReferenceStatus } from '../report/model.ts';
import { describeReference } from '../secrets/scan.ts';
import type { SecretReference } from '../secrets/scan.ts';
import { assetsCheck } from './assets.ts';
import { callerPermissionsCheck } from './caller-permissions.ts';
import type { Check, CheckContext, CheckOutput, PlannedGrant } from './check.ts';
import { connectionsCheck } from './connections.ts';
import { endpointIdentityCheck } from './endpoint-identity.ts';
import { endpointStateCheck } from './endpoint-state.ts';
import { identityImmutableCheck } from './identity-immutable.ts';
import { keyVaultModelCheck } from './keyvault-model.ts';
import { kubernetesComputeCheck } from './kubernetes-compute.ts';
import { keyVaultSecretsCheck } from './keyvault-secrets.ts';
import { localAssetsCheck } from './local-assets.ts';
import { quotaCheck, quotaPlanLines } from './quota.ts';
import { trafficCheck } from './traffic.ts';
import { uaiPlatformRolesCheck } from './uai-platform-roles.ts';
import { workspaceCheck, workspaceGate } from './workspace.ts';

export type { Check, CheckContext } from './check.ts';

export const CHECKS: readonly Check[] = [
  workspaceCheck,
  endpointStateCheck,
  identityImmutableCheck,
  connectionsCheck,
  keyVaultSecretsCheck,
  keyVaultModelCheck,
  callerPermissionsCheck,
  endpointIdentityCheck,
  uaiPlatformRolesCheck,
  assetsCheck,
  localAssetsCheck,
  quotaCheck,
  kubernetesComputeCheck,
  trafficCheck,
];

export interface ChecksOutcome {
  findings: Finding[];
  /** One per reference: pass | fail (rule) | unknown (why). */
  references: ReferenceRow[];
  /** e.g. "After the endpoint exists: assign Key Vault Secrets User on kv1 to its new system identity". */
  identityPlan: string[];
  /** Additive: the role assignments deploy is to make (grant-missing-roles), structured for src/apply/. */
  grants: PlannedGrant[];
  /** Additive: core quota before → after per VM family, for the plan. */
  quota: string[];
  /** Additive: set when the workspace inputs name nothing readable: the one finding is the workspace's, no other check ran (docs/online-checks.md §workspace). */
  workspaceBlocked?: boolean;
}

export function runChecks(ctx: CheckContext, checks: readonly Check[] = CHECKS): ChecksOutcome {
  // A workspace that is not there gates every other check: one finding on the inputs, not five false ones.
  const gate = workspaceGate(ctx);
  if (gate) checks = [workspaceCheck];
  const findings: Finding[] = [];
  const identityPlan: string[] = [];
  const grants: PlannedGrant[] = [];
  const verdicts = new Map<SecretReference, ReferenceStatus[]>();
  for (const check of checks) {
    const output: CheckOutput = check.evaluate ? check.evaluate(ctx) : { findings: check.run(ctx), verdicts: [], identityPlan: [], grants: [] };
    findings.push(...output.findings);
    identityPlan.push(...output.identityPlan);
    grants.push(...output.grants);
    for (const v of output.verdicts) verdicts.set(v.reference, [...(verdicts.get(v.reference) ?? []), v.status]);
  }
  const references = ctx.references.map((ref): ReferenceRow => {
    const { store, target } = describeReference(ref);
    return { variable: ref.variable, file: ref.range.file, line: ref.range.line, store, target, status: mergeStatuses(verdicts.get(ref) ?? []) };
  });
  if (gate) return { findings, references, identityPlan: [], grants: [], quota: [], workspaceBlocked: true };
  return { findings, references, identityPlan: [...new Set(identityPlan)], grants, quota: quotaPlanLines(ctx) };
}

/** Fail beats unknown beats pass; no verdict at all is unknown. The first failing rule is kept. */
export function mergeStatuses(statuses: readonly ReferenceStatus[]): ReferenceStatus {
  const fail = statuses.find((s) => s.state === 'fail');
  if (fail) return fail;
  const unknown = statuses.filter((s): s is Extract<ReferenceStatus, { state: 'unknown' }> => s.state === 'unknown');
  if (unknown.length) return { state: 'unknown', why: [...new Set(unknown.map((u) => u.why))].join('; ') };
  if (statuses.length) return { state: 'pass' };
  return { state: 'unknown', why: 'no online check covered this reference' };
}

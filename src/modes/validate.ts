// mode: validate — read-only: sign in, read what the online checks need (src/azure/gather.ts),
// run the check registry (src/checks/registry.ts), and refine the plan against the live workspace
// (create / update / no change with the field-level diff, traffic and quota before → after, the
// roles a new system identity will need). It sends no write request. Deploy (src/modes/deploy.ts)
// reuses this check and its session and facts (docs/architecture.md §1).
import * as core from '@actions/core';
import { planLines, planLocalAssets, type LocalAssetPlan } from '../assets/plan.ts';
import { gatherFacts, type ReadSummary } from '../azure/gather.ts';
import { signIn, type AzureSession } from '../azure/session.ts';
import type { ValidateFacts } from '../checks/facts.ts';
import { runChecks, type ChecksOutcome } from '../checks/registry.ts';
import { makeFinding, type Finding } from '../findings/finding.ts';
import { maskable } from '../report/redact.ts';
import { describeLease, leaseOf } from '../apply/lease.ts';
import { traceTags } from '../apply/trace-tags.ts';
import { armIdentifiers } from '../report/model.ts';
import { OFFLINE_WORKSPACE, deploymentRestBody } from '../manifests/index.ts';
import { approvedPlanFindings } from './expected-plan.ts';
import { computePlan, type ComputedPlan } from './validate-plan.ts';
import { teardownOnline } from './delete.ts';
import type { AnalyzedRun, CheckResult, ModeDefinition } from './mode.ts';

export interface ValidateChecked extends CheckResult {
  session: AzureSession;
  facts: ValidateFacts;
  /** The checks' full outcome: deploy takes its planned grants from here. */
  outcome: ChecksOutcome;
  /** Local models, code and environments: what deploy would upload and register (docs/local-assets.md). */
  assetPlan: LocalAssetPlan;
  /** The plan apply executes as it stands (docs/architecture.md §5). */
  computed: ComputedPlan;
}

export const validateMode: ModeDefinition = {
  // Offline, traffic to a deployment in no file is only a notice: the online traffic check decides it.
  unknownTrafficSeverity: 'notice',
  offlineReferenceStatus: 'not resolved: the online checks did not run',
  // teardown: true plans what mode: delete would delete (docs/teardown.md) instead of a deploy.
  check: (run): Promise<CheckResult> => (run.inputs.teardown ? teardownOnline(run, 'validate') : validateOnline(run, 'validate')),
};

/** The read-only half shared by validate and deploy. */
export async function validateOnline(run: AnalyzedRun, mode: 'validate' | 'deploy'): Promise<ValidateChecked> {
  const { inputs, analysis } = run;
  const endpointName = analysis.endpoint?.name ?? analysis.deployments[0]?.endpointName ?? '';
  const session = await run.phase('Sign in to Azure', () => signIn(inputs));
  const requestsAtSignIn = session.stats.requests;
  const assetProblems: Finding[] = [];
  const { gathered, assetPlan } = await run.phase('Read Azure (read-only)', async () => {
    const ws = { ...OFFLINE_WORKSPACE, subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName };
    const [g, a] = await Promise.all([
      gatherFacts(session, { endpoint: analysis.endpoint, endpointName, deployments: analysis.deployments, references: analysis.references }),
      planLocalAssets(session, analysis.deployments.map((d) => deploymentRestBody(d, ws))).catch((error: unknown): LocalAssetPlan => {
        assetProblems.push(makeFinding('cannot-verify', { file: analysis.deployments[0]?.file ?? '', line: 1, column: 1 }, `Cannot plan the local assets: ${error instanceof Error ? error.message : String(error)}.`, { hint: 'Give the workflow identity read access to the workspace assets, datastores and storage.', ...(mode === 'deploy' ? { severity: 'error' as const } : {}) }));
        return { items: [], facts: [], changes: true };
      }),
    ]);
    g.facts.localAssets = a.facts;
    core.info(describeReads(g.reads, session.stats.requests - requestsAtSignIn));
    for (const line of planLines(a)) core.info(`Asset: ${line.description}`);
    return { gathered: g, assetPlan: a };
  });
  const ctx = {
    endpoint: analysis.endpoint,
    endpointName,
    deployments: analysis.deployments,
    references: analysis.references,
    facts: gathered.facts,
    // validate predicts the deploy the same inputs would run, so it honours grant-missing-roles too.
    grantMissingRoles: inputs.grantMissingRoles,
    mode,
  };
  const outcome = await run.phase('Online checks', async () => {
    const o = runChecks(ctx);
    core.info(`${o.findings.length} online finding(s); references: ${countStates(o)}.`);
    return o;
  });
  // Registered-asset lines of the offline plan stay; local assets get the asset plan's lines.
  const offlineAssets = analysis.plan.assets.filter((a) => a.description.startsWith('resolve '));
  const ws = { subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: gathered.facts.workspace.kind === 'found' ? gathered.facts.workspace.value.location : OFFLINE_WORKSPACE.location };
  const computed = computePlan({
    endpoint: analysis.endpoint,
    endpointName,
    deployments: analysis.deployments,
    facts: gathered.facts,
    outcome,
    workspace: ws,
    tags: traceTags(process.env, { skip: inputs.skipDefaultTags }),
    localAssets: assetPlan,
    localAssetsRead: assetProblems.length === 0,
    offlineAssets,
    inputs,
    secretValues: maskable(analysis.overrideValues),
    mode,
  });
  for (const line of computed.notes) core.info(line);
  if (inputs.expectedPlanFile) computed.findings.push(...approvedPlanFindings(inputs.expectedPlanFile, computed.plan, analysis));
  const live = gathered.facts.endpoint.kind === 'found' ? gathered.facts.endpoint.value : undefined;
  // Read-only: another run's lease is shown, never touched (docs/rollout.md §6).
  const held = leaseOf(live?.body.tags as Record<string, unknown> | undefined);
  if (held) {
    const line = held.expiresAt > Date.now()
      ? `Endpoint ${endpointName} is leased by ${describeLease(held, Date.now())}: a deploy run now waits for it (lease-wait) before its first write.`
      : `Endpoint ${endpointName} carries an expired lease of ${describeLease(held, Date.now())}: a deploy run takes it over.`;
    core.notice(line, { title: 'Endpoint leased' });
    computed.notes.push(line);
  }
  return {
    // A workspace that is not there: its one finding only (the asset reads and the plan failed for the same reason).
    findings: [...outcome.findings, ...(outcome.workspaceBlocked ? [] : [...assetProblems, ...computed.findings])],
    references: outcome.references,
    plan: computed.plan,
    changes: outcome.workspaceBlocked ? undefined : computed.changes,
    readBack: live ? { scoringUri: live.scoringUri, swaggerUri: live.swaggerUri, traffic: live.traffic, mirrorTraffic: live.mirrorTraffic, ...armIdentifiers(live.body) } : undefined,
    notes: [describeReads(gathered.reads, session.stats.requests - requestsAtSignIn), ...computed.notes],
    supersedes: supersededOffline,
    session,
    facts: gathered.facts,
    outcome,
    assetPlan,
    computed,
  };
}

/** The online traffic check decides what the offline analysis could only flag as a notice. */
function supersededOffline(f: Finding): boolean {
  return f.rule === 'traffic' && f.severity === 'notice';
}

export function describeReads(r: ReadSummary, requests: number): string {
  const parts = [
    `${r.connections} connection(s)`,
    `${r.secrets} Key Vault secret(s) (metadata only)`,
    `${r.vaults} vault(s)`,
    `${r.principalScopes} identity role lookup(s)`,
    `${r.roleDefinitions} role definition(s)`,
    `${r.assets} asset(s)${r.registryAssets ? ` (${r.registryAssets} in Azure ML registries)` : ''}`,
  ];
  return `Read (nothing written): the workspace, the endpoint and its deployments, ${parts.join(', ')}; ${requests} request(s) in ${r.durationMs} ms.`;
}

function countStates(o: ChecksOutcome): string {
  const counts = { pass: 0, fail: 0, unknown: 0 };
  for (const r of o.references) counts[r.status.state]++;
  return `${counts.pass} pass, ${counts.fail} fail, ${counts.unknown} unknown`;
}

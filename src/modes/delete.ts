// mode: delete — the teardown of what the files name (docs/teardown.md), through the same pipeline as
// every write: sign in, read the workspace, the endpoint and its deployments (read-only), plan the
// teardown (src/modes/teardown-plan.ts: each DELETE as change `delete`, serving resources refused
// unless force-delete, what is gone a notice), compare with an approved plan (`expected-plan`), then,
// only when nothing fails the run, apply (src/apply/teardown.ts). validate with `teardown: true`
// runs the same read-only half and shows the same plan. A teardown resolves no secret reference:
// the secrets a deployment reads may be gone already when its pull request closes.
import * as core from '@actions/core';
import { readDeployments, readEndpoint } from '../azure/ml.ts';
import { signIn, type AzureSession } from '../azure/session.ts';
import { readWorkspaceAddress } from '../azure/workspace.ts';
import { readCallerPermissions } from '../azure/rbac.ts';
import type { LiveDeploymentFacts, LiveEndpointFacts, Lookup, ValidateFacts } from '../checks/facts.ts';
import { workspaceGate } from '../checks/workspace.ts';
import { applyTeardown } from '../apply/teardown.ts';
import { armIdentifiers } from '../report/model.ts';
import type { AnalyzedRun, CheckResult, ModeDefinition } from './mode.ts';
import { planTeardown, type TeardownPlan } from './teardown-plan.ts';
import { approvedPlanFindings } from './expected-plan.ts';

export interface TeardownChecked extends CheckResult {
  session: AzureSession;
  teardown: TeardownPlan;
  endpointName: string;
}

/** The read-only half of a teardown, shared by mode: delete and validate with teardown: true. */
export async function teardownOnline(run: AnalyzedRun, mode: 'validate' | 'delete'): Promise<TeardownChecked> {
  const { inputs, analysis } = run;
  const endpointName = analysis.endpoint?.name ?? analysis.deployments[0]?.endpointName ?? '';
  const session = await run.phase('Sign in to Azure', () => signIn(inputs));
  const requestsAtSignIn = session.stats.requests;
  const read = await run.phase('Read Azure (read-only)', async () => {
    const ml = { arm: session.arm, subscriptionId: session.subscriptionId, workspacePath: session.workspacePath };
    const unnamed: Lookup<never> = { kind: 'unreadable', why: 'the files name no endpoint (see the findings above)' };
    const [workspace, endpoint, deployments, callerPermissions] = await Promise.all([
      readWorkspaceAddress({ ...ml, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName }),
      endpointName ? readEndpoint(ml, endpointName) : Promise.resolve<Lookup<LiveEndpointFacts>>(unnamed),
      endpointName ? readDeployments(ml, endpointName) : Promise.resolve<Lookup<Record<string, LiveDeploymentFacts>>>(unnamed),
      readCallerPermissions(session.arm, session.workspacePath),
    ]);
    const line = `Read (nothing written): the workspace, the signed-in identity's permissions on it, endpoint ${endpointName} (${endpoint.kind}) and its deployments (${deployments.kind === 'found' ? Object.keys(deployments.value).join(', ') || 'none' : deployments.kind}); ${session.stats.requests - requestsAtSignIn} request(s).`;
    core.info(line);
    return { workspace, endpoint, deployments, callerPermissions, line };
  });
  // A workspace that is not there makes a 404 of the endpoint meaningless: its one finding, and no plan (never "already deleted").
  // workspaceGate reads only the address facts, the files and the references.
  const gate = workspaceGate({ endpoint: analysis.endpoint, endpointName, deployments: analysis.deployments, references: [], facts: { workspaceAddress: read.workspace.address } as ValidateFacts, grantMissingRoles: false, mode: 'validate' });
  const ws = { subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: read.workspace.workspace.kind === 'found' ? read.workspace.workspace.value.location : '' };
  const teardown = await run.phase('Plan the teardown', async () => {
    const t = gate
      ? { plan: { requests: [], assets: [] }, changes: false, findings: gate.findings, notes: [] }
      : planTeardown({ endpoint: analysis.endpoint, endpointName, deployments: analysis.deployments, facts: { endpoint: read.endpoint, deployments: read.deployments }, workspace: ws, forceDelete: inputs.forceDelete, callerPermissions: read.callerPermissions, mode });
    for (const line of t.notes) core.info(line);
    for (const r of t.plan.requests) core.info(`Planned: ${r.description}`);
    if (inputs.expectedPlanFile && !gate) t.findings.push(...approvedPlanFindings(inputs.expectedPlanFile, t.plan, analysis));
    return t;
  });
  const live = read.endpoint.kind === 'found' ? read.endpoint.value : undefined;
  return {
    findings: teardown.findings,
    // A teardown resolves no secret reference.
    references: [],
    plan: teardown.plan,
    changes: gate ? undefined : teardown.changes,
    readBack: live ? { scoringUri: live.scoringUri, swaggerUri: live.swaggerUri, traffic: live.traffic, mirrorTraffic: live.mirrorTraffic, ...armIdentifiers(live.body) } : undefined,
    notes: [read.line, ...teardown.notes],
    supersedes: (f) => f.rule === 'traffic' && f.severity === 'notice',
    session,
    teardown,
    endpointName,
  };
}

export const deleteMode: ModeDefinition<TeardownChecked> = {
  // Traffic naming a deployment in no file is not this run's business: the teardown reads the live map.
  unknownTrafficSeverity: 'notice',
  offlineReferenceStatus: 'not resolved: a teardown resolves no secret reference',
  check: (run) => teardownOnline(run, 'delete'),
  apply: (run, checked) => applyTeardown(run, checked),
};

// The plan refined against the live workspace (validate and deploy): each request marked create,
// update or no change with its field-level diff (src/checks/diff.ts ignores what the service
// fills in), bodies carrying the workspace's real region, traffic and quota before → after, and
// the roles someone must assign around the run. Pure: plan and facts in, plan out.
import { obj } from '../azure/json.ts';
import { describeChange, diffResource, diffTraffic } from '../checks/diff.ts';
import type { ValidateFacts } from '../checks/facts.ts';
import type { ChecksOutcome } from '../checks/registry.ts';
import type { Plan, PlannedRequest } from '../plan.ts';
import { OFFLINE_WORKSPACE, trafficMap, type DeploymentSpec, type EndpointSpec } from '../spec/index.ts';

export interface PlanInput {
  endpoint?: EndpointSpec;
  deployments: DeploymentSpec[];
  facts: ValidateFacts;
  outcome: Pick<ChecksOutcome, 'identityPlan' | 'quota'>;
  /** Values from the `set` input: shown as *** in diffs. */
  secretValues: readonly string[];
}

export interface RefinedPlan {
  plan: Plan;
  /** Whether deploy would change anything (terraform's detailed exit code, as the `changes` output). */
  changes: boolean;
  /** Lines for the summary. */
  notes: string[];
}

export function refinePlan(plan: Plan, input: PlanInput): RefinedPlan {
  const { facts } = input;
  const location = facts.workspace.kind === 'found' ? facts.workspace.value.location : undefined;
  const liveEndpoint = facts.endpoint.kind === 'found' ? facts.endpoint.value : undefined;
  const liveDeployments = facts.deployments.kind === 'found' ? facts.deployments.value : {};

  const requests = plan.requests.map((request): PlannedRequest => {
    const body = location ? withLocation(request.body, location) : request.body;
    const target = targetOf(request.path);
    const live =
      target?.kind === 'endpoint'
        ? liveEndpoint?.body
        : target?.kind === 'deployment'
          ? Object.entries(liveDeployments).find(([name]) => name.toLowerCase() === target.name.toLowerCase())?.[1].body
          : undefined;
    if (target === undefined) return { ...request, body };
    if (live === undefined) {
      // A missing endpoint or deployment is created; one we could not read is left without a verdict.
      const unreadable = target.kind === 'endpoint' ? facts.endpoint.kind === 'unreadable' : facts.deployments.kind === 'unreadable';
      return unreadable ? { ...request, body } : { ...request, body, change: 'create', description: request.description.replace(/^create or update/, 'create') };
    }
    const diff = diffResource(obj(body), live, { secretValues: input.secretValues });
    if (diff.action === 'update') {
      return { ...request, body, change: 'update', diff: diff.changes.map(describeChange), description: request.description.replace(/^create or update/, 'update') };
    }
    return { ...request, body, change: 'no change', diff: [], description: request.description.replace(/^create or update/, 'no change to') };
  });

  const before = liveEndpoint?.traffic ?? {};
  const after = input.endpoint && input.endpoint.traffic.length > 0 ? trafficMap(input.endpoint.traffic) : before;
  const traffic = { before, after };
  const changes = requests.some((r) => r.change === 'create' || r.change === 'update') || plan.assets.length > 0 || diffTraffic(before, after).changed;

  const notes = [
    `Plan: ${requests.map((r) => `${r.change ?? 'create or update'} ${nameOf(r.path)}`).join('; ') || 'nothing to send'}.`,
    `Traffic: ${formatTraffic(before)} → ${formatTraffic(after)}.`,
    ...input.outcome.quota.map((q) => `Quota: ${q}`),
    ...input.outcome.identityPlan.map((line) => `Roles: ${line}`),
  ];
  return { plan: { ...plan, requests, traffic, quota: input.outcome.quota, identity: input.outcome.identityPlan }, changes, notes };
}

function targetOf(path: string): { kind: 'endpoint' | 'deployment'; name: string } | undefined {
  const deployment = /\/onlineEndpoints\/[^/]+\/deployments\/([^/]+)$/i.exec(path);
  if (deployment) return { kind: 'deployment', name: deployment[1] as string };
  const endpoint = /\/onlineEndpoints\/([^/]+)$/i.exec(path);
  return endpoint ? { kind: 'endpoint', name: endpoint[1] as string } : undefined;
}

function nameOf(path: string): string {
  const t = targetOf(path);
  return t ? `${t.kind} ${t.name}` : path;
}

/** Offline bodies carry a placeholder region; the workspace read gives the real one. */
function withLocation(body: unknown, location: string): unknown {
  if (body === undefined) return body;
  return JSON.parse(JSON.stringify(body).split(JSON.stringify(OFFLINE_WORKSPACE.location)).join(JSON.stringify(location)));
}

export function formatTraffic(t: Record<string, number>): string {
  const entries = Object.entries(t).filter(([, v]) => v > 0);
  return entries.length ? entries.map(([k, v]) => `${k} ${v}%`).join(', ') : 'none';
}

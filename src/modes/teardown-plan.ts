// The teardown plan (docs/teardown.md): what `mode: delete` deletes, computed once from the files and
// the live endpoint, shown by validate (`teardown: true`) and executed as it stands by apply
// (src/apply/teardown.ts). With an endpoint file: one DELETE of the endpoint, which takes its
// deployments with it (Azure deletes an endpoint's deployments with it: "it deletes the endpoint and
// all the underlying deployments", https://learn.microsoft.com/azure/machine-learning/how-to-deploy-online-endpoints#delete-the-endpoint-and-the-deployment).
// With deployment files only: one DELETE per deployment. What serves live or mirrored traffic is
// refused (`delete-serving`) unless `force-delete: true`; a forced deployment first gives its share
// to the deployments that stay (one planned traffic step). What is already gone is a notice
// (`already-deleted`); what could not be read is never missing (`resource-unreadable`). Pure.
import { at, lookupCI } from '../checks/check.ts';
import type { LiveDeploymentFacts, LiveEndpointFacts, Lookup, PermissionFacts } from '../checks/facts.ts';
import { blocksAllow } from '../checks/rbac.ts';
import { makeFinding, type Finding, type SourceRange } from '../findings/finding.ts';
import type { Plan, PlannedRequest, PlannedTraffic } from '../plan.ts';
import { formatTraffic, normalizeTraffic, sameTraffic, shareWith, type TrafficMap } from '../apply/traffic-plan.ts';
import { deploymentPath, endpointPath, ML_API_VERSION, type DeploymentSpec, type EndpointSpec, type WorkspaceContext } from '../manifests/index.ts';
import { endpointBodyFromLive } from './validate-plan.ts';
import type { RuleId } from '../findings/rules.ts';

/** The rules the teardown plan reports (besides resource-unreadable and plan-stale, which are the plan's): the catalog's `teardown: true` rules. */
export const TEARDOWN_RULES: readonly RuleId[] = ['delete-serving', 'caller-cannot-delete', 'already-deleted'];

export interface TeardownInput {
  endpoint?: EndpointSpec;
  endpointName: string;
  deployments: DeploymentSpec[];
  facts: { endpoint: Lookup<LiveEndpointFacts>; deployments: Lookup<Record<string, LiveDeploymentFacts>> };
  workspace: WorkspaceContext;
  forceDelete: boolean;
  /** The signed-in identity's own permissions on the workspace (Authorization `permissions` API); absent: not checked. */
  callerPermissions?: Lookup<PermissionFacts[]>;
  /** An unreadable resource is a warning for validate and an error that stops the delete. */
  mode: 'validate' | 'delete';
}

export interface TeardownPlan {
  plan: Plan;
  /** A DELETE or a traffic step is planned (the `changes` output). */
  changes: boolean;
  findings: Finding[];
  notes: string[];
  /** The endpoint PUT body of the traffic step (rebuilt from the live endpoint), when a forced delete moves traffic first. */
  trafficBody?: Record<string, unknown>;
  /** The deployments an endpoint DELETE takes with it, as listed. */
  withEndpoint?: string[];
}

/** A map without `name`: the others keep their proportions of 100 (largest remainder); none left, nothing is served. */
export function withoutDeployment(map: TrafficMap, name: string): TrafficMap {
  const key = name.toLowerCase();
  const others = Object.entries(normalizeTraffic(map)).filter(([n, p]) => n !== key && p > 0);
  if (others.length === 0) return {};
  const rest = shareWith(map, key, 0);
  delete rest[key];
  return rest;
}

export function planTeardown(input: TeardownInput): TeardownPlan {
  const { facts, endpointName: name } = input;
  const findings: Finding[] = [];
  const requests: PlannedRequest[] = [];
  const notes: string[] = [];
  const spec = input.endpoint;
  const epAt = spec ? locate(spec) : locate(input.deployments[0]);
  const epPath = endpointPath(input.workspace, name);
  let withEndpoint: string[] | undefined;
  const done = (traffic?: PlannedTraffic, trafficBody?: Record<string, unknown>): TeardownPlan => {
    findings.push(...callerFindings(input, requests, (traffic?.steps.length ?? 0) > 0, epAt));
    const changes = requests.some((r) => r.change === 'delete') || (traffic?.steps.length ?? 0) > 0;
    notes.unshift(`Plan: ${requests.map((r) => `${r.change} ${r.resource?.kind} ${r.resource?.name}`).join('; ') || 'nothing to delete'}.`);
    if (traffic?.steps.length) notes.push(`Traffic before the delete: ${formatTraffic(traffic.before)} → ${formatTraffic(traffic.after)}${Object.keys(traffic.mirrorBefore).length ? ` (mirror ${formatTraffic(traffic.mirrorBefore)} → ${formatTraffic(traffic.mirrorAfter)})` : ''}.`);
    return { plan: { requests, assets: [], ...(traffic ? { traffic } : {}), quota: [], identity: [] }, changes, findings, notes, ...(trafficBody ? { trafficBody } : {}), ...(withEndpoint ? { withEndpoint } : {}) };
  };
  const unreadable = (where: SourceRange, what: string, why: string): Finding =>
    makeFinding('resource-unreadable', where, `The ${what} could not be read (${why}): a teardown does not take what it could not read for missing, and deletes nothing.`, {
      severity: input.mode === 'delete' ? 'error' : 'warning',
      hint: 'Run again once Azure answers; if it keeps failing, give the workflow identity read access to the workspace (Reader or AzureML Data Scientist).',
    });
  const unknownRequest = (kind: 'endpoint' | 'deployment', target: string, path: string, why: string): PlannedRequest => ({ method: 'DELETE', path, apiVersion: ML_API_VERSION, change: 'unknown', resource: { kind, name: target }, description: `${kind} ${target}: could not be read (${why})` });
  const targets = (): Array<{ kind: 'endpoint' | 'deployment'; name: string; path: string; at: SourceRange }> =>
    spec ? [{ kind: 'endpoint', name, path: epPath, at: epAt }] : input.deployments.map((d) => ({ kind: 'deployment', name: d.name, path: deploymentPath(input.workspace, name, d.name), at: locate(d) }));

  if (!name) return done();
  if (facts.endpoint.kind === 'unreadable' || (facts.endpoint.kind === 'found' && facts.deployments.kind === 'unreadable')) {
    const why = facts.endpoint.kind === 'unreadable' ? facts.endpoint.why : facts.deployments.kind === 'unreadable' ? facts.deployments.why : '';
    findings.push(unreadable(epAt, facts.endpoint.kind === 'unreadable' ? `endpoint ${name}` : `deployments of endpoint ${name}`, why));
    for (const t of targets()) requests.push(unknownRequest(t.kind, t.name, t.path, why));
    return done();
  }
  if (facts.endpoint.kind === 'missing') {
    for (const t of targets()) {
      const message = t.kind === 'endpoint'
        ? `Endpoint ${name} does not exist (already deleted, and its deployments with it): nothing to delete.`
        : `Deployment ${t.name}: its endpoint ${name} does not exist (already deleted, with its deployments): nothing to delete.`;
      findings.push(makeFinding('already-deleted', t.at, message));
    }
    return done();
  }

  const live = facts.endpoint.value;
  const liveDeployments = facts.deployments.kind === 'found' ? Object.values(facts.deployments.value) : [];
  const traffic = normalizeTraffic(live.traffic);
  const mirror = normalizeTraffic(live.mirrorTraffic);
  const share = (n: string): string => {
    const key = n.toLowerCase();
    return [traffic[key] ? `${traffic[key]} % of live traffic` : '', mirror[key] ? `${mirror[key]} % mirrored` : ''].filter(Boolean).join(' and ');
  };
  const forced = input.forceDelete;
  const busy = live.provisioningState.toLowerCase() === 'deleting';

  // ---- The whole endpoint: one DELETE, its deployments go with it.
  if (spec) {
    const names = liveDeployments.map((d) => d.name);
    withEndpoint = names;
    requests.push({
      method: 'DELETE',
      path: epPath,
      apiVersion: ML_API_VERSION,
      change: 'delete',
      resource: { kind: 'endpoint', name },
      description: `delete endpoint ${name}${names.length ? ` and its deployment(s) ${names.join(', ')} with it` : ' (it has no deployment)'}`,
      diff: names.map((n) => `deployment ${n}: deleted with the endpoint${share(n) ? ` (serves ${share(n)})` : ''}`),
    });
    if (busy) notes.push(`Endpoint ${name} is being deleted already (provisioningState Deleting); the run waits for it and reads it back.`);
    const serving = Object.keys(traffic).length > 0 || Object.keys(mirror).length > 0;
    if (serving) {
      const what = `Endpoint ${name} serves traffic (${formatTraffic(traffic)}${Object.keys(mirror).length ? `; mirror ${formatTraffic(mirror)}` : ''}): deleting it takes its scoring URI down`;
      findings.push(forced
        ? makeFinding('delete-serving', epAt, `${what}; force-delete: true, so it is deleted.`, { severity: 'notice', hint: 'Nothing to do: force-delete: true confirmed this teardown.' })
        : makeFinding('delete-serving', epAt, `${what}. Nothing is deleted.`, { severity: 'error', hint: 'If this endpoint is meant to go (a pull-request preview endpoint), set force-delete: true; otherwise delete only the deployments that serve nothing (deployment-file without endpoint-file).' }));
    }
    return done();
  }

  // ---- Deployments only: one DELETE each; a serving one gives its share to the others first (force-delete).
  let after = { ...traffic };
  let mirrorAfter = { ...mirror };
  for (const d of input.deployments) {
    const found = lookupCI(Object.fromEntries(liveDeployments.map((l) => [l.name, l])), d.name);
    if (!found) {
      findings.push(makeFinding('already-deleted', locate(d), `Deployment ${d.name} does not exist on endpoint ${name} (already deleted): nothing to delete.`));
      continue;
    }
    const serves = share(d.name);
    const key = d.name.toLowerCase();
    if (serves && !forced) {
      findings.push(makeFinding('delete-serving', locate(d), `Deployment ${d.name} serves ${serves} of endpoint ${name}, which stays: deleting it would take that traffic away. Nothing is deleted.`, {
        severity: 'error',
        hint: `Move its traffic first (mode: deploy with a traffic map that leaves ${d.name} out), or set force-delete: true to give its share to the other deployments (in proportion) before the DELETE.`,
      }));
    } else if (serves) {
      after = withoutDeployment(after, key);
      delete mirrorAfter[key];
      findings.push(makeFinding('delete-serving', locate(d), `Deployment ${d.name} serves ${serves} of endpoint ${name}; force-delete: true, so its share goes first (traffic ${formatTraffic(after)}), then it is deleted.`, { severity: 'notice', hint: 'Nothing to do: force-delete: true confirmed this delete.' }));
    }
    requests.push({
      method: 'DELETE',
      path: deploymentPath(input.workspace, name, found.name),
      apiVersion: ML_API_VERSION,
      change: 'delete',
      resource: { kind: 'deployment', name: found.name },
      description: `delete deployment ${found.name} of endpoint ${name}${serves ? ` (it serves ${serves}${forced ? ': its share goes first' : ''})` : ' (it serves no traffic)'}`,
      diff: serves ? [`traffic: ${serves} → 0`] : [],
    });
  }
  // Mirroring needs live traffic, and never goes to a deployment that now serves live traffic.
  mirrorAfter = Object.keys(after).length ? Object.fromEntries(Object.entries(mirrorAfter).filter(([n]) => !(after[n] ?? 0))) : {};
  const moved = !sameTraffic(after, traffic) || !sameTraffic(mirrorAfter, mirror);
  const planned: PlannedTraffic = {
    before: traffic,
    after: moved ? after : traffic,
    mirrorBefore: mirror,
    mirrorAfter: moved ? mirrorAfter : mirror,
    steps: moved ? [{ label: `traffic ${formatTraffic(after)} before the delete`, traffic: after, mirrorTraffic: mirrorAfter, gated: false }] : [],
    rollback: { traffic, mirrorTraffic: mirror },
  };
  if (moved && !Object.keys(after).length) notes.push(`After the delete, endpoint ${name} serves no traffic: no deployment that stays served any.`);
  return done(planned, moved ? endpointBodyFromLive(live.body) : undefined);
}

const ML = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints';

/** Whether the caller may send what the plan sends: the DELETEs and the traffic step of a forced delete (checked before any write). */
function callerFindings(input: TeardownInput, requests: PlannedRequest[], trafficStep: boolean, where: SourceRange): Finding[] {
  const perms = input.callerPermissions;
  const wanted = [...new Set([...(trafficStep ? [`${ML}/write`] : []), ...requests.filter((r) => r.change === 'delete').map((r) => (r.resource?.kind === 'endpoint' ? `${ML}/delete` : `${ML}/deployments/delete`))])];
  if (!perms || !wanted.length) return [];
  if (perms.kind !== 'found') {
    const why = perms.kind === 'unreadable' ? perms.why : 'not found';
    return [makeFinding('cannot-verify', where, `Cannot verify that the signed-in identity may ${wanted.map((w) => w.split('/').slice(-2).join('/')).join(', ')} (its permissions could not be read: ${why}).`, { hint: 'Make sure the workflow identity may delete online endpoints and deployments on the workspace.' })];
  }
  const missing = wanted.filter((action) => !blocksAllow(perms.value, { action }));
  if (!missing.length) return [];
  return [makeFinding('caller-cannot-delete', where, `The signed-in identity lacks ${missing.join(', ')} on the workspace: the teardown would be refused (403) ${trafficStep ? 'after moving the traffic' : 'at its first DELETE'}. Nothing is deleted.`, {
    severity: 'error',
    hint: 'Assign the workflow identity a role that may delete online endpoints and deployments on the workspace (AzureML Data Scientist, or Contributor).',
  })];
}

function locate(s: DeploymentSpec | EndpointSpec | undefined): SourceRange {
  if (!s) return { file: '', line: 1, column: 1 };
  return s.spans.name ? at(s.file, s.spans.name) : { file: s.file, line: 1, column: 1 };
}

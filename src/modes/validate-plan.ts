// The plan, computed once (docs/architecture.md §5): for the endpoint and each deployment, the
// exact body deploy will send (the file's fields with the workspace's region, the action's trace
// tags, the live traffic, resolved labels and local asset ids), what it does to the live resource
// (create | update | no change | unknown) and the field diff, from one diff function
// (src/checks/diff.ts); the traffic steps from the inputs, the files and the live endpoint; and
// the findings of everything the inputs ask of Azure that cannot be done. validate shows it; apply
// executes it as it stands and re-diffs with `liveDiff` right before each write. Pure.
import { planLines, type LocalAssetPlan } from '../assets/plan.ts';
import { setPointer, withAssetIds } from '../assets/upload.ts';
import { obj } from '../azure/json.ts';
import { assetReferences } from '../checks/assets.ts';
import { at, lookupCI } from '../checks/check.ts';
import { describeChange, diffResource } from '../checks/diff.ts';
import type { ValidateFacts } from '../checks/facts.ts';
import type { ChecksOutcome } from '../checks/registry.ts';
import { makeFinding, type Finding, type SourceRange } from '../findings/finding.ts';
import type { Inputs } from '../inputs.ts';
import type { Plan, PlannedRequest, PlannedTraffic } from '../plan.ts';
import { isLeaseTag, withoutLease } from '../apply/lease.ts';
import { isTraceTag, withTraceTags } from '../apply/trace-tags.ts';
import { describeTraffic, planTraffic, withTraffic, type TrafficMap, type TrafficRequest } from '../apply/traffic-plan.ts';
import { deploymentPath, deploymentRestBody, endpointRestBody, ML_API_VERSION, endpointPath, type DeploymentSpec, type EndpointSpec, type WorkspaceContext } from '../manifests/index.ts';

export interface PlanInput {
  endpoint?: EndpointSpec;
  endpointName: string;
  deployments: DeploymentSpec[];
  facts: ValidateFacts;
  outcome: Pick<ChecksOutcome, 'identityPlan' | 'quota'>;
  /** The workspace as signed in to, with its real region. */
  workspace: WorkspaceContext;
  /** The action's trace tags for this run (empty when skipped). */
  tags: Record<string, string>;
  localAssets: LocalAssetPlan;
  /** False when the local assets could not be planned (a finding says why): their placeholders stay. */
  localAssetsRead: boolean;
  /** Registered-asset lines of the offline plan. */
  offlineAssets: Plan['assets'];
  inputs: Pick<Inputs, 'traffic' | 'rolloutSteps' | 'mirrorPercent' | 'smokeRequestFile' | 'maxErrorRate' | 'maxLatencyP99Ms' | 'bakeTimeMs' | 'rollbackOnFailure' | 'keepFailedDeployment' | 'keepDeployments'>;
  /** Values to show as *** in diffs (secret `set` values long enough to mask). */
  secretValues: readonly string[];
  /** An unreadable resource is a warning for validate and an error that stops deploy. */
  mode: 'validate' | 'deploy';
}

export interface ComputedPlan {
  plan: Plan;
  /** Whether deploy would change anything: a create, an update, a traffic step or an asset to register (the `changes` output). */
  changes: boolean;
  notes: string[];
  /** What the inputs ask of Azure that cannot be done, or a resource that could not be read: errors that stop deploy before any write. */
  findings: Finding[];
  /** The endpoint body every traffic step sends with its map (the planned endpoint body, or the live one rebuilt). */
  trafficBody?: Record<string, unknown>;
}

/** The one diff between a planned body and a live resource: trace tags and service-filled fields ignored. */
export function liveDiff(body: Record<string, unknown>, live: Record<string, unknown> | undefined, secretValues: readonly string[]): { change: 'create' | 'update' | 'no change'; diff: string[] } {
  // The run's lease (docs/rollout.md §6) is bookkeeping, like the trace tags: never a change.
  const d = diffResource(body, live, { secretValues, ignoredTag: (key) => isTraceTag(key) || isLeaseTag(key) });
  if (d.action === 'create') return { change: 'create', diff: [] };
  if (d.action === 'no-change') return { change: 'no change', diff: [] };
  return { change: 'update', diff: d.changes.map(describeChange) };
}

/** An endpoint PUT body rebuilt from the live GET (runs with deployment files only): the writable fields. */
export function endpointBodyFromLive(live: Record<string, unknown>): Record<string, unknown> {
  const p = obj(live.properties);
  const identity = (live.identity ?? {}) as { type?: string; userAssignedIdentities?: Record<string, unknown> };
  const id: Record<string, unknown> = { type: identity.type ?? 'SystemAssigned' };
  if (identity.userAssignedIdentities && Object.keys(identity.userAssignedIdentities).length) {
    id.userAssignedIdentities = Object.fromEntries(Object.keys(identity.userAssignedIdentities).map((k) => [k, {}]));
  }
  const properties: Record<string, unknown> = { authMode: p.authMode, properties: p.properties ?? {}, traffic: p.traffic ?? {}, mirrorTraffic: p.mirrorTraffic ?? {} };
  for (const key of ['description', 'publicNetworkAccess', 'compute']) if (p[key] !== undefined && p[key] !== null) properties[key] = p[key];
  // Without the lease tag: each write carries the lease of the moment (src/apply/lease.ts).
  const body: Record<string, unknown> = { location: live.location, identity: id, tags: withoutLease((live.tags ?? {}) as Record<string, unknown>), properties };
  if (live.kind) body.kind = live.kind;
  return body;
}

/** What the traffic inputs (or, without them, the endpoint file) ask for. */
export function trafficRequest(inputs: PlanInput['inputs'], endpoint: EndpointSpec | undefined): TrafficRequest {
  if (inputs.rolloutSteps) return { kind: 'steps', steps: inputs.rolloutSteps };
  if (inputs.traffic?.kind === 'all') return { kind: 'all' };
  if (inputs.traffic?.kind === 'map') return { kind: 'map', weights: inputs.traffic.weights };
  if (endpoint && (endpoint.traffic.length || endpoint.mirrorTraffic.length)) {
    const map = (entries: typeof endpoint.traffic): TrafficMap => Object.fromEntries(entries.map((e) => [e.name, e.percent]));
    return { kind: 'file', traffic: map(endpoint.traffic), mirrorTraffic: map(endpoint.mirrorTraffic) };
  }
  return { kind: 'none' };
}

/** The rules the plan itself reports (the check registry owns the others). */
export const PLAN_RULES = ['resource-unreadable', 'asset-not-found', 'traffic', 'deployment-failed'] as const;

const PENDING = /\{\{pending:([^}]*)\}\}/;
const FAILED_STATES = new Set(['failed', 'canceled']);

export function computePlan(input: PlanInput): ComputedPlan {
  const { facts, workspace: ws } = input;
  const findings: Finding[] = [];
  const spec = input.endpoint;
  const epAt: SourceRange = spec ? (spec.spans.name ? at(spec.file, spec.spans.name) : { file: spec.file, line: 1, column: 1 }) : locate(input.deployments[0]);
  const liveEndpoint = facts.endpoint.kind === 'found' ? facts.endpoint.value : undefined;
  const endpointUnknown = facts.endpoint.kind === 'unreadable';
  const liveDeployments = facts.deployments.kind === 'found' ? facts.deployments.value : {};
  const deploymentsUnknown = facts.deployments.kind === 'unreadable';
  const liveTraffic = liveEndpoint?.traffic ?? {};
  const liveMirror = liveEndpoint?.mirrorTraffic ?? {};
  const requests: PlannedRequest[] = [];
  const unreadable = (where: SourceRange, what: string, why: string): Finding => unreadableFinding(input.mode, where, what, why);
  const unknownWhy = (l: ValidateFacts['endpoint'] | ValidateFacts['deployments']): string => (l.kind === 'unreadable' ? l.why : '');

  // ---- Endpoint
  let trafficBody: Record<string, unknown> | undefined;
  if (spec) {
    const body = withTraffic(withTraceTags(endpointRestBody(spec, ws).body, input.tags), liveTraffic, liveMirror);
    trafficBody = body;
    const path = endpointPath(ws, spec.name);
    const base = { method: 'PUT' as const, path, apiVersion: ML_API_VERSION, body, resource: { kind: 'endpoint' as const, name: spec.name } };
    if (endpointUnknown) {
      requests.push({ ...base, change: 'unknown', description: `endpoint ${spec.name}: could not be read (${unknownWhy(facts.endpoint)})` });
      findings.push(unreadable(epAt, `endpoint ${spec.name}`, unknownWhy(facts.endpoint)));
    } else {
      const d = liveDiff(body, liveEndpoint?.body, input.secretValues);
      const recover = d.change === 'no change' && FAILED_STATES.has((liveEndpoint?.provisioningState ?? '').toLowerCase());
      const change = recover ? 'update' : d.change;
      const diff = recover ? [`provisioningState: ${liveEndpoint?.provisioningState} → Succeeded (written again)`] : d.diff;
      requests.push({ ...base, change, diff, description: `${verb(change)} endpoint ${spec.name}` });
    }
  } else if (liveEndpoint) {
    trafficBody = endpointBodyFromLive(liveEndpoint.body);
  } else if (!endpointUnknown && input.endpointName) {
    findings.push(makeFinding('deployment-failed', epAt, `Endpoint ${input.endpointName} does not exist and no endpoint-file was given to create it.`, { severity: 'error', hint: 'Add endpoint-file, or create the endpoint first.' }));
  } else if (endpointUnknown) {
    findings.push(unreadable(epAt, `endpoint ${input.endpointName}`, unknownWhy(facts.endpoint)));
  }

  // ---- Deployments
  for (const d of input.deployments) {
    const rest = deploymentRestBody(d, ws);
    const labels = resolveLabels(withAssetIds(rest, input.localAssets), d, rest, facts);
    findings.push(...labels.findings.map((f) => (f.rule === 'resource-unreadable' ? unreadable(f, f.message, 'its versions could not be listed') : f)));
    const body = withTraceTags(labels.body, input.tags);
    const pending = PENDING.exec(JSON.stringify(body));
    if (pending && !labels.explained && input.localAssetsRead) {
      findings.push(makeFinding('asset-not-found', locate(d), `Deployment ${d.name} names ${pending[1] ?? 'an asset'}, which the action cannot resolve to a version.`, { severity: 'error', hint: 'Reference the asset as azureml:<name>:<version> or azureml:<name>@latest, or fix the path of the conda file.' }));
    }
    const base = { method: 'PUT' as const, path: rest.path, apiVersion: rest.apiVersion, body, resource: { kind: 'deployment' as const, name: d.name } };
    const live = Object.entries(liveDeployments).find(([name]) => name.toLowerCase() === d.name.toLowerCase())?.[1];
    if (deploymentsUnknown || endpointUnknown) {
      const why = unknownWhy(facts.deployments) || unknownWhy(facts.endpoint);
      requests.push({ ...base, change: 'unknown', description: `deployment ${d.name}: could not be read (${why})` });
      if (!endpointUnknown) findings.push(unreadable(locate(d), `deployment ${d.name}`, why));
      continue;
    }
    const diff = liveDiff(body, live?.body, input.secretValues);
    const recover = diff.change === 'no change' && FAILED_STATES.has((live?.provisioningState ?? '').toLowerCase());
    const change = recover ? 'update' : diff.change;
    requests.push({ ...base, change, diff: recover ? [`provisioningState: ${live?.provisioningState} → Succeeded (written again)`] : diff.diff, description: `${verb(change)} deployment ${d.name} on endpoint ${d.endpointName}` });
  }

  // ---- Traffic: planned from the live map, so the plan says what Azure will hold.
  let traffic: PlannedTraffic | undefined;
  let trafficNotes: string[] = [];
  if (!endpointUnknown) {
    const target = input.deployments.length === 1 ? input.deployments[0]?.name.toLowerCase() : undefined;
    const request = trafficRequest(input.inputs, spec);
    if (input.deployments.length > 1 && (request.kind === 'steps' || request.kind === 'all' || input.inputs.mirrorPercent !== undefined)) {
      findings.push(makeFinding('traffic', epAt, `rollout-steps, traffic: all and mirror-percent move one deployment; this run deploys ${input.deployments.length}.`, { severity: 'error', hint: 'Give one deployment file, or an explicit traffic map.' }));
    }
    const known = [...new Set([...Object.keys(liveDeployments), ...input.deployments.map((d) => d.name)].map((n) => n.toLowerCase()))];
    const i = input.inputs;
    const gatesConfigured = Boolean(i.smokeRequestFile || i.maxErrorRate !== undefined || i.maxLatencyP99Ms !== undefined || i.bakeTimeMs);
    const tp = planTraffic({ live: liveTraffic, liveMirror, deployment: target, deployments: known, request, mirrorPercent: i.mirrorPercent, gatesConfigured });
    for (const p of tp.problems) findings.push(makeFinding('traffic', epAt, p, { severity: 'error' }));
    const last = tp.steps.at(-1);
    traffic = {
      before: tp.previous.traffic,
      after: last?.traffic ?? tp.previous.traffic,
      mirrorBefore: tp.previous.mirrorTraffic,
      mirrorAfter: last?.mirrorTraffic ?? tp.previous.mirrorTraffic,
      steps: tp.steps,
      rollback: tp.previous,
    };
    trafficNotes = tp.notes;
  }

  // ---- Retention: idle deployments beyond keep-deployments are deleted after a successful run.
  if (traffic && liveEndpoint) requests.push(...retention(input, liveDeployments, traffic));

  const assets = [...planLines(input.localAssets), ...input.offlineAssets];
  const changes = requests.some((r) => r.change !== 'no change') || (traffic?.steps.length ?? 0) > 0 || input.localAssets.changes;
  const notes = [
    `Plan: ${requests.map((r) => `${r.change} ${r.resource?.kind} ${r.resource?.name}`).join('; ') || 'nothing to send'}.`,
    traffic ? `Traffic: ${describeTraffic(traffic)}.` : 'Traffic: unknown (the endpoint could not be read).',
    ...trafficNotes,
    ...requests.filter((r) => r.resource?.kind === 'deployment' && r.change === 'create').map((r) =>
      input.inputs.rollbackOnFailure && !input.inputs.keepFailedDeployment
        ? `On failure: deployment ${r.resource?.name} is new, so if it fails or is rolled back without serving it is deleted (keep-failed-deployment: true keeps it).`
        : `On failure: deployment ${r.resource?.name} is kept even if it never serves (${input.inputs.keepFailedDeployment ? 'keep-failed-deployment' : 'rollback-on-failure: false'}).`,
    ),
    ...input.outcome.quota.map((q) => `Quota: ${q}`),
    ...input.outcome.identityPlan.map((line) => `Roles: ${line}`),
  ];
  const plan: Plan = { requests, assets, ...(traffic ? { traffic } : {}), quota: input.outcome.quota, identity: input.outcome.identityPlan };
  return { plan, changes, notes, findings, ...(trafficBody ? { trafficBody } : {}) };
}

/** The deployments no file names that serve no live or mirrored traffic once the run is done, beyond the newest keep-deployments. */
function retention(input: PlanInput, live: Record<string, { name: string; body: Record<string, unknown> }>, traffic: PlannedTraffic): PlannedRequest[] {
  const named = new Set(input.deployments.map((d) => d.name.toLowerCase()));
  const serves = (name: string) => (traffic.after[name] ?? 0) > 0 || (traffic.mirrorAfter[name] ?? 0) > 0;
  const createdAt = (d: { body: Record<string, unknown> }) => Date.parse(String(obj(d.body.systemData).createdAt ?? '')) || 0;
  const idle = Object.values(live).filter((d) => !named.has(d.name.toLowerCase()) && !serves(d.name.toLowerCase())).sort((a, b) => createdAt(b) - createdAt(a));
  const keep = input.inputs.keepDeployments;
  return idle.slice(keep).map((d) => ({
    method: 'DELETE' as const,
    path: deploymentPath(input.workspace, input.endpointName, d.name),
    apiVersion: ML_API_VERSION,
    description: `delete deployment ${d.name} after a successful run: it serves no traffic and is not among the ${keep} newest idle deployment(s) (keep-deployments)`,
    change: 'delete' as const,
    resource: { kind: 'deployment' as const, name: d.name },
  }));
}

function verb(change: PlannedRequest['change']): string {
  return change === 'no change' ? 'no change to' : change ?? 'create or update';
}

function locate(d: DeploymentSpec | undefined): SourceRange {
  if (!d) return { file: '', line: 1, column: 1 };
  return d.spans.name ? at(d.file, d.spans.name) : { file: d.file, line: 1, column: 1 };
}

function unreadableFinding(mode: PlanInput['mode'], where: SourceRange, what: string, why: string): Finding {
  return makeFinding('resource-unreadable', where, `The ${what} could not be read (${why}): deploy does not write what it could not compare, and does not treat it as missing.`, {
    severity: mode === 'deploy' ? 'error' : 'warning',
    hint: 'Run again once Azure answers; if it keeps failing, give the workflow identity read access to the workspace (Reader or AzureML Data Scientist).',
  });
}

/** `azureml:name@latest` and other labels, replaced by the version validate read (one request per asset). */
function resolveLabels(body: Record<string, unknown>, d: DeploymentSpec, rest: ReturnType<typeof deploymentRestBody>, facts: ValidateFacts): { body: Record<string, unknown>; findings: Finding[]; explained: boolean } {
  const out = structuredClone(body);
  const findings: Finding[] = [];
  let explained = false;
  for (const item of rest.assets.filter((a) => a.action === 'resolve-label')) {
    const ref = assetReferences(d).find((r) => r.span.line === item.span.line && r.span.column === item.span.column);
    const lookup = ref ? lookupCI(facts.assets, ref.ref.text) : undefined;
    if (lookup?.kind === 'found') {
      setPointer(out, item.pointer, lookup.value.id);
      continue;
    }
    // A missing asset is the assets check's finding (asset-not-found); an unreadable one stops deploy.
    explained = true;
    if (ref && lookup?.kind === 'unreadable') findings.push(makeFinding('resource-unreadable', at(d.file, ref.span), `${ref.field} ${ref.ref.text}`));
    else if (ref && lookup === undefined) {
      findings.push(makeFinding('asset-not-found', at(d.file, ref.span), `${ref.field} ${ref.ref.text}: the action resolves only @latest; the label ${item.label ?? ''} cannot be resolved before the deployment is written.`, { severity: 'error', hint: `Reference the version the label points at: azureml:${item.name ?? '<name>'}:<version>, or use @latest.` }));
    }
  }
  return { body: out, findings, explained };
}

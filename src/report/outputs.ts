// Step outputs (action.yml lists them). Values are strings; JSON ones are compact so `fromJSON()` reads them.
// Each stays under GitHub's 1 MB per output whatever the input: `findings` keeps the most important
// findings that fit (the SARIF file has them all, the counts stay exact), `plan` drops request
// bodies, then requests, from the end and says what it left out (the plan file has it all).
import { compareFindings, countBySeverity, type Finding } from '../findings/finding.ts';
import { BUDGETS, countWithin, utf8Bytes } from './budget.ts';
import type { Plan } from '../plan.ts';
import type { RunReport } from './model.ts';

/** Files the step wrote: their paths are outputs too. */
export interface ReportFiles {
  sarifFile?: string;
  planFile?: string;
}

export function buildOutputs(report: RunReport, files: ReportFiles = {}, budget: number = BUDGETS.outputBytes): Record<string, string> {
  const counts = countBySeverity(report.findings);
  const outputs: Record<string, string> = {
    findings: fitFindings(report.findings, budget),
    errors: String(counts.error),
    warnings: String(counts.warning),
    plan: fitPlan(report.plan, budget, files.planFile),
  };
  if (report.endpointName) outputs['endpoint-name'] = report.endpointName;
  if (report.deploymentNames.length) outputs['deployment-name'] = report.deploymentNames.join(',');
  if (report.changes !== undefined) outputs.changes = String(report.changes);
  const live = report.readBack;
  if (live?.scoringUri) outputs['scoring-uri'] = live.scoringUri;
  if (live?.swaggerUri) outputs['swagger-uri'] = live.swaggerUri;
  if (live?.traffic) outputs.traffic = JSON.stringify(live.traffic);
  if (live?.endpointId) {
    outputs['endpoint-id'] = live.endpointId;
    // A deployment's ARM id is its endpoint's id and /deployments/<name> (Microsoft.MachineLearningServices REST API).
    if (report.deploymentNames.length) outputs['deployment-id'] = report.deploymentNames.map((name) => `${live.endpointId}/deployments/${name}`).join(',');
  }
  if (live?.principalId) outputs['endpoint-principal-id'] = live.principalId;
  // mode: delete: what was deleted and read back as gone (names and ARM ids: small, never a secret).
  if (report.deleted) outputs.deleted = JSON.stringify(report.deleted);
  if (files.sarifFile) outputs['sarif-file'] = files.sarifFile;
  if (files.planFile) outputs['plan-file'] = files.planFile;
  return outputs;
}

/** The findings, most important first, as many as fit in `budget` bytes of JSON. */
export function fitFindings(findings: readonly Finding[], budget: number): string {
  const sorted = [...findings].sort(compareFindings);
  const json = sorted.map((f) => JSON.stringify(f));
  const kept = countWithin(json.map((j) => utf8Bytes(j) + 1), budget - 2);
  return `[${json.slice(0, kept).join(',')}]`;
}

export interface PlanOmissions {
  requests: number;
  bodies: number;
  assets: number;
  /** Where the whole plan is. */
  planFile?: string;
}

/** The plan, or as much of it as fits: every request line first, then bodies in order; `omitted` says what is missing. */
export function fitPlan(plan: Plan, budget: number, planFile?: string): string {
  const full = JSON.stringify(plan);
  if (utf8Bytes(full) <= budget) return full;
  const bare = plan.requests.map(({ body: _body, ...rest }) => rest);
  const frame = utf8Bytes(JSON.stringify({ ...plan, requests: [], assets: [], omitted: omissions(plan, 0, 0, 0, planFile) })) + 64;
  let room = budget - frame;
  const take = (costs: number[]): number => {
    const kept = countWithin(costs, room);
    room -= costs.slice(0, kept).reduce((a, b) => a + b, 0);
    return kept;
  };
  const keptRequests = take(bare.map((r) => utf8Bytes(JSON.stringify(r)) + 1));
  const keptAssets = take(plan.assets.map((a) => utf8Bytes(JSON.stringify(a)) + 1));
  const keptBodies = take(plan.requests.slice(0, keptRequests).map((r) => (r.body === undefined ? 0 : utf8Bytes(JSON.stringify(r.body)) + 8)));
  const fitted = {
    ...plan,
    requests: plan.requests.slice(0, keptRequests).map((r, i) => (i < keptBodies ? r : bare[i])),
    assets: plan.assets.slice(0, keptAssets),
    omitted: omissions(plan, keptRequests, keptBodies, keptAssets, planFile),
  };
  const text = JSON.stringify(fitted);
  // Fields other than requests and assets (diffs, traffic) are kept whole; if they alone are too big, only the note remains.
  return utf8Bytes(text) <= budget ? text : JSON.stringify({ requests: [], assets: [], omitted: omissions(plan, 0, 0, 0, planFile) });
}

function omissions(plan: Plan, keptRequests: number, keptBodies: number, keptAssets: number, planFile?: string): PlanOmissions {
  const withBody = (from: number) => plan.requests.slice(from).filter((r) => r.body !== undefined).length;
  return {
    requests: plan.requests.length - keptRequests,
    bodies: withBody(keptBodies),
    assets: plan.assets.length - keptAssets,
    ...(planFile ? { planFile } : {}),
  };
}

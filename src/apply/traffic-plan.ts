// Pure: the traffic steps of a rollout (docs/rollout.md §2). From the traffic the endpoint serves
// now and what the inputs ask for (an explicit map, `all`, gated `rollout-steps`, the endpoint
// file's own traffic, and an optional mirror share), the ordered list of traffic maps to PUT.
// The restore target of every rollback is `previous`, the map as read before the first change.

import type { PlannedTraffic } from '../plan.ts';

export type TrafficMap = Record<string, number>;

export interface TrafficStep {
  /** What the timeline shows, e.g. "green 10 %" or "mirror 20 % to green". */
  label: string;
  traffic: TrafficMap;
  mirrorTraffic: TrafficMap;
  /** Gates run and bake-time is held after this step (not after the last of an ungated change). */
  gated: boolean;
}

export type TrafficRequest =
  | { kind: 'all' }
  | { kind: 'map'; weights: TrafficMap }
  | { kind: 'steps'; steps: number[] }
  /** The endpoint file's traffic, used when no traffic input is given. */
  | { kind: 'file'; traffic: TrafficMap; mirrorTraffic: TrafficMap }
  | { kind: 'none' };

export interface TrafficPlanInput {
  /** As read from Azure before any change (empty for a new endpoint). */
  live: TrafficMap;
  liveMirror: TrafficMap;
  /** The deployment this run creates or updates (the one `all` and `rollout-steps` move up). */
  deployment?: string;
  /** Every deployment that exists or is deployed by this run (lower-cased names). */
  deployments: string[];
  request: TrafficRequest;
  mirrorPercent?: number;
  /** Gates configured at all: without any, steps are plain traffic changes. */
  gatesConfigured: boolean;
}

export interface TrafficPlan {
  previous: { traffic: TrafficMap; mirrorTraffic: TrafficMap };
  steps: TrafficStep[];
  /** Why the plan is not what a reader of the inputs might expect (e.g. steps collapsed). */
  notes: string[];
  /** Inputs that cannot be planned: reported as findings before anything is written. */
  problems: string[];
}

/** Lower-cased names, zero entries dropped: the form in which two maps are compared. */
export function normalizeTraffic(map: TrafficMap | undefined): TrafficMap {
  const out: TrafficMap = {};
  for (const [name, percent] of Object.entries(map ?? {})) {
    if (percent !== 0) out[name.toLowerCase()] = (out[name.toLowerCase()] ?? 0) + percent;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

export function sameTraffic(a: TrafficMap | undefined, b: TrafficMap | undefined): boolean {
  return JSON.stringify(normalizeTraffic(a)) === JSON.stringify(normalizeTraffic(b));
}

export function formatTraffic(map: TrafficMap | undefined): string {
  const entries = Object.entries(normalizeTraffic(map));
  return entries.length ? entries.map(([n, p]) => `${n}=${p}`).join(',') : '(none)';
}

/**
 * The others keep their proportions while `name` takes `share` percent: the remaining percentage
 * is split by the largest-remainder method, so the map always totals exactly 100.
 */
export function shareWith(live: TrafficMap, name: string, share: number): TrafficMap {
  const key = name.toLowerCase();
  const others = Object.entries(normalizeTraffic(live)).filter(([n]) => n !== key);
  const othersTotal = others.reduce((s, [, p]) => s + p, 0);
  const rest = 100 - share;
  if (others.length === 0 || othersTotal === 0 || rest === 0) return { [key]: 100 };
  const exact = others.map(([n, p]) => ({ n, exact: (p * rest) / othersTotal }));
  const floor = exact.map((e) => ({ n: e.n, p: Math.floor(e.exact), frac: e.exact - Math.floor(e.exact) }));
  let missing = rest - floor.reduce((s, e) => s + e.p, 0);
  for (const e of [...floor].sort((a, b) => b.frac - a.frac || a.n.localeCompare(b.n))) {
    if (missing <= 0) break;
    e.p += 1;
    missing -= 1;
  }
  return normalizeTraffic({ [key]: share, ...Object.fromEntries(floor.map((e) => [e.n, e.p])) });
}

/** An endpoint PUT body with another traffic and mirror map (everything else as it was). */
export function withTraffic(body: Record<string, unknown>, traffic: TrafficMap, mirrorTraffic: TrafficMap): Record<string, unknown> {
  return { ...body, properties: { ...(body.properties as Record<string, unknown>), traffic, mirrorTraffic } };
}

export function planTraffic(input: TrafficPlanInput): TrafficPlan {
  const previous = { traffic: normalizeTraffic(input.live), mirrorTraffic: normalizeTraffic(input.liveMirror) };
  const plan: TrafficPlan = { previous, steps: [], notes: [], problems: [] };
  const known = new Set(input.deployments.map((d) => d.toLowerCase()));
  const target = input.deployment?.toLowerCase();
  const gated = input.gatesConfigured;

  const liveStep = (label: string, traffic: TrafficMap, isGated: boolean): TrafficStep => ({ label, traffic: normalizeTraffic(traffic), mirrorTraffic: {}, gated: isGated });

  if (input.mirrorPercent !== undefined) {
    if (input.mirrorPercent < 1 || input.mirrorPercent > 50) plan.problems.push(`mirror-percent: ${input.mirrorPercent} is outside 1..50; the service mirrors at most 50 % of the traffic.`);
    else if (!target) plan.problems.push('mirror-percent: needs a deployment file; it mirrors traffic to the deployment this run deploys.');
    else if ((previous.traffic[target] ?? 0) > 0) plan.problems.push(`mirror-percent: deployment '${target}' already serves ${previous.traffic[target]} % of live traffic; the service mirrors only to a deployment without live traffic.`);
    else if (Object.keys(previous.traffic).length === 0) plan.problems.push('mirror-percent: the endpoint serves no live traffic yet, so there is nothing to mirror.');
    else if (input.request.kind === 'none') plan.problems.push('mirror-percent: mirroring is the first step of a rollout; give rollout-steps or traffic as well.');
    else plan.steps.push({ label: `mirror ${input.mirrorPercent} % to ${target}`, traffic: previous.traffic, mirrorTraffic: { [target]: input.mirrorPercent }, gated: true });
  }

  const request = input.request;
  switch (request.kind) {
    case 'none':
      break;
    case 'all':
      if (!target) plan.problems.push('traffic: all needs a deployment file (it sends 100 % to the deployment this run deploys).');
      else plan.steps.push(liveStep(`${target} 100 %`, { [target]: 100 }, gated));
      break;
    case 'map':
    case 'file': {
      const weights = normalizeTraffic(request.kind === 'map' ? request.weights : request.traffic);
      const unknown = Object.keys(weights).filter((n) => !known.has(n));
      if (unknown.length) {
        plan.problems.push(`traffic: ${unknown.map((n) => `'${n}'`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} neither deployed by this run nor on the endpoint (known: ${[...known].join(', ') || 'none'}).`);
        break;
      }
      if (request.kind === 'file' && Object.keys(weights).length === 0 && Object.keys(normalizeTraffic(request.mirrorTraffic)).length === 0) break;
      const step = liveStep(`traffic ${formatTraffic(weights)}`, weights, gated);
      if (request.kind === 'file') step.mirrorTraffic = normalizeTraffic(request.mirrorTraffic);
      plan.steps.push(step);
      break;
    }
    case 'steps': {
      if (!target) {
        plan.problems.push('rollout-steps: needs a deployment file; the steps move the deployment this run deploys up.');
        break;
      }
      const others = Object.entries(previous.traffic).filter(([n, p]) => n !== target && p > 0);
      if (others.length === 0) {
        plan.notes.push(`No other deployment serves traffic, so ${target} goes to 100 % in one step (rollout-steps needs traffic to shift away from).`);
        plan.steps.push(liveStep(`${target} 100 %`, { [target]: 100 }, gated));
        break;
      }
      const current = previous.traffic[target] ?? 0;
      const steps = request.steps.filter((s) => s > current);
      if (steps.length < request.steps.length) plan.notes.push(`${target} already serves ${current} %: steps at or below it are skipped.`);
      for (const s of steps) plan.steps.push(liveStep(`${target} ${s} %`, shareWith(previous.traffic, target, s), gated));
      break;
    }
  }

  // A step that changes nothing is dropped (a re-run of a finished rollout is a no-op).
  let last = previous;
  plan.steps = plan.steps.filter((s) => {
    const same = sameTraffic(s.traffic, last.traffic) && sameTraffic(s.mirrorTraffic, last.mirrorTraffic);
    last = { traffic: s.traffic, mirrorTraffic: s.mirrorTraffic };
    return !same;
  });
  return plan;
}

/** "blue=100 → blue=90,green=10 → green=100; a rollback restores blue=100"; "blue=100 (no change)" when nothing moves. */
export function describeTraffic(t: PlannedTraffic): string {
  if (!t.steps.length) return `${formatTraffic(t.before)} (no change)`;
  const step = (s: TrafficStep) => (Object.keys(s.mirrorTraffic).length ? `${formatTraffic(s.traffic)} + mirror ${formatTraffic(s.mirrorTraffic)}` : formatTraffic(s.traffic));
  return [formatTraffic(t.before), ...t.steps.map(step)].join(' → ') + `; a rollback restores ${formatTraffic(t.rollback.traffic)}`;
}

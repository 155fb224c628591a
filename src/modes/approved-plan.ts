// An approved plan executed exactly (docs/architecture.md §5): the `plan-file` of a validate run,
// given to deploy as `expected-plan`, is compared with the plan deploy has just computed. What is
// compared is what the run would do to Azure: each request's resource, action, field diff and body
// (the action's trace tags left out: they name the run, which differs), the assets to register and
// the traffic steps. Pure: two plans in, the differences out, one line each.
import type { Plan } from '../plan.ts';
import { isTraceTag } from '../apply/trace-tags.ts';
import { normalizeTraffic } from '../apply/traffic-plan.ts';

type Json = unknown;

/** The part of a plan that says what happens to Azure, in a canonical form. */
export function planDigest(plan: Plan): Record<string, Json> {
  return {
    requests: (plan.requests ?? []).map((r) => ({
      method: r.method,
      path: r.path.toLowerCase(),
      change: r.change ?? null,
      diff: r.diff ?? [],
      body: canonical(withoutTraceTags(r.body)),
    })),
    assets: (plan.assets ?? []).map((a) => `${a.kind}: ${a.description}`),
    traffic: plan.traffic
      ? { before: normalizeTraffic(plan.traffic.before), steps: (plan.traffic.steps ?? []).map((s) => ({ traffic: normalizeTraffic(s.traffic), mirrorTraffic: normalizeTraffic(s.mirrorTraffic) })) }
      : null,
  };
}

/** Empty when the current plan does exactly what the approved one said. */
export function comparePlans(approved: Json, current: Plan): string[] {
  if (!isPlanLike(approved)) return ['the expected plan is not a plan file of this action (no "requests" list)'];
  const a = planDigest(approved);
  const c = planDigest(current);
  const out: string[] = [];
  const ar = a.requests as Array<Record<string, Json>>;
  const cr = c.requests as Array<Record<string, Json>>;
  const key = (r: Record<string, Json>) => `${String(r.method)} ${String(r.path)}`;
  for (const r of ar) {
    const now = cr.find((x) => key(x) === key(r));
    const name = String(r.path).split('/').slice(-1)[0];
    if (!now) out.push(`${name}: approved ${String(r.change)}, not in the plan now`);
    else if (now.change !== r.change) out.push(`${name}: approved ${String(r.change)}, now ${String(now.change)}`);
    else if (JSON.stringify(now.diff) !== JSON.stringify(r.diff)) out.push(`${name}: the field changes differ (approved ${(r.diff as string[]).length}, now ${(now.diff as string[]).length}: ${(now.diff as string[]).slice(0, 3).join('; ') || 'none'})`);
    else if (JSON.stringify(now.body) !== JSON.stringify(r.body)) out.push(`${name}: the request body differs from the approved one`);
  }
  for (const r of cr) if (!ar.some((x) => key(x) === key(r))) out.push(`${String(r.path).split('/').slice(-1)[0]}: ${String(r.change)} now, not in the approved plan`);
  if (JSON.stringify(a.assets) !== JSON.stringify(c.assets)) out.push('the local assets to register differ');
  if (JSON.stringify(a.traffic) !== JSON.stringify(c.traffic)) out.push(`the traffic differs (approved ${describe(a.traffic)}, now ${describe(c.traffic)})`);
  return out;
}

function describe(t: Json): string {
  if (!t || typeof t !== 'object') return 'unknown';
  const { before, steps } = t as { before: Record<string, number>; steps: Array<{ traffic: Record<string, number> }> };
  const map = (m: Record<string, number>) => Object.entries(m).map(([n, p]) => `${n}=${p}`).join(',') || '(none)';
  return [map(before), ...steps.map((s) => map(s.traffic))].join(' → ');
}

function isPlanLike(v: Json): v is Plan {
  return typeof v === 'object' && v !== null && Array.isArray((v as { requests?: unknown }).requests);
}

function withoutTraceTags(body: Json): Json {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body ?? null;
  const b = body as Record<string, Json>;
  if (!b.tags || typeof b.tags !== 'object') return b;
  return { ...b, tags: Object.fromEntries(Object.entries(b.tags as Record<string, Json>).filter(([k]) => !isTraceTag(k))) };
}

/** Keys sorted at every level, so two plans written by different runs compare as text. */
function canonical(v: Json): Json {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canonical((v as Record<string, Json>)[k])]));
  return v;
}

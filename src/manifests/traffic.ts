// Traffic arithmetic: what the SDK checks (ints, sum ≤ 100) and what the service adds (a total of
// 100 or all 0 for live traffic; mirror traffic to at most one deployment, ≤ 50 %), plus the
// cross-file check that traffic names deployments that exist.
import { makeFinding, type Finding } from '../findings/finding.ts';
import type { Severity } from '../findings/severity.ts';
import type { Ctx } from './schema.ts';
import type { Span } from './tree.ts';
import type { EndpointSpec, TrafficEntry } from './endpoint.ts';

/** Per-file checks on `traffic` / `mirror_traffic` (values already parsed as ints). */
export function checkTrafficValues(ctx: Ctx, entries: readonly TrafficEntry[], keySpan: Span | undefined, field: 'traffic' | 'mirror_traffic'): void {
  if (!keySpan) return;
  for (const e of entries) {
    if (e.percent < 0) {
      ctx.report('traffic', e.valueSpan, `${field}.${e.key} is ${e.percent}: traffic percentages must be between 0 and 100.`, { hint: 'Use a whole number from 0 to 100.' });
    }
  }
  const seen = new Map<string, TrafficEntry>();
  for (const e of entries) {
    const prev = seen.get(e.name);
    if (prev) {
      ctx.report('traffic', e.keySpan, `${field}: '${e.key}' and '${prev.key}' name the same deployment (names are case-insensitive; the later value wins).`, { hint: 'Keep one entry per deployment.' });
    }
    seen.set(e.name, e);
  }
  const sum = entries.reduce((s, e) => s + e.percent, 0);
  if (field === 'traffic') {
    if (sum > 100) {
      ctx.report('traffic', keySpan, `traffic percentages add up to ${sum}: az ml rejects the file (Traffic rule percentages must sum to less than or equal to 100%).`, {
        hint: 'Lower the values so that they add up to 100.',
      });
    } else if (entries.length > 0 && sum !== 100 && sum !== 0 && entries.every((e) => e.percent >= 0)) {
      ctx.report('traffic', keySpan, `traffic percentages add up to ${sum}: the service accepts only a total of 100 (or all 0).`, {
        hint: `Give the remaining ${100 - sum}% to a deployment, e.g. raise one value.`,
      });
    }
    return;
  }
  const nonZero = entries.filter((e) => e.percent !== 0);
  if (nonZero.length > 1) {
    ctx.report('traffic', keySpan, `mirror_traffic names ${nonZero.length} deployments: the service mirrors traffic to one deployment only.`, { hint: 'Keep a single deployment under mirror_traffic.' });
  }
  for (const e of entries) {
    if (e.percent > 50) {
      ctx.report('traffic', e.valueSpan, `mirror_traffic.${e.key} is ${e.percent}: the service allows at most 50% mirrored traffic.`, { hint: 'Use a value from 0 to 50.' });
    }
  }
}

/**
 * Cross-file check: every deployment named with a non-zero share in `traffic`/`mirror_traffic`
 * must be one the caller knows (from the deployment files, or from the server). In lint mode the
 * caller usually passes severity 'warning' (the deployment may already exist on the server).
 */
export function checkTraffic(endpoint: EndpointSpec, deploymentNames: readonly string[], file: string, severity: Severity = 'error'): Finding[] {
  const known = new Set(deploymentNames.map((n) => n.toLowerCase()));
  const out: Finding[] = [];
  const list = known.size ? [...known].join(', ') : 'none';
  for (const [field, entries] of [['traffic', endpoint.traffic], ['mirror_traffic', endpoint.mirrorTraffic]] as const) {
    for (const e of entries) {
      if (e.percent === 0 || known.has(e.name)) continue;
      out.push(
        makeFinding(
          'traffic',
          { file, line: e.keySpan.line, column: e.keySpan.column, endLine: e.keySpan.endLine, endColumn: e.keySpan.endColumn },
          `${field} sends ${e.percent}% to deployment '${e.key}', which is neither in the deployment files nor on the endpoint (known: ${list}).`,
          { hint: 'Deploy it first (traffic can only go to existing deployments), or correct the name.', severity },
        ),
      );
    }
  }
  return out;
}

/** The traffic map as sent: keys lower-cased, zero entries dropped (later duplicates win). */
export function trafficMap(entries: readonly TrafficEntry[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of entries) out[e.name] = e.percent;
  for (const k of Object.keys(out)) if (out[k] === 0) delete out[k];
  return out;
}

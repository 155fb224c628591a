// Azure Monitor metrics of an online endpoint, computed from the scoring requests the emulator actually served:
// GET {endpointId}/providers/Microsoft.Insights/metrics (response shape of https://learn.microsoft.com/rest/api/monitor/metrics/list;
// metric names, units and dimensions of https://learn.microsoft.com/azure/azure-monitor/reference/supported-metrics/microsoft-machinelearningservices-workspaces-onlineendpoints-metrics).
// RBAC: the front door derives Microsoft.Insights/metrics/read at the endpoint (Reader / Monitoring Reader grant it).
// Ingestion: platform metrics arrive per minute after a delay ("the latency of processing metrics can be within a couple
// minutes range"; the latest minutes show partial data: Azure Monitor metrics troubleshooting, "Chart shows unexpected drop
// in values"): a served request is visible `ingestionDelayMs` after it was served, so the latest minutes are partial, and a
// minute of which nothing has arrived yet is a point without values (not a zero).
import type { ArmCall } from './arm-common.ts';
import { armError } from './arm-common.ts';
import { json, queryGet } from './http.ts';
import type { EmuResponse } from './http.ts';
import { isoDurationMs } from './scoring.ts';
import type { ScoringRecord, World } from './state.ts';

/** The time scale of the fast profile: Azure's 120 s become 2 s. */
const FAST_TIME_SCALE = 1 / 60;

/** How long after it was served a request shows in the metrics, in ms (the `metrics` knob, scaled by the timing profile). */
export function ingestionDelayMs(world: World): number {
  const { metrics, lro } = world.knobs;
  const scale = metrics.timeScale ?? (lro.profile === 'realistic' ? lro.realisticScale : FAST_TIME_SCALE);
  return Math.max(0, Math.round(metrics.ingestionDelaySeconds * 1000 * scale));
}

const NAMESPACE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints';

type Dimension = 'deployment' | 'statusCode' | 'statusCodeClass' | 'modelStatusCode';
interface MetricDef { name: string; title: string; unit: string; description: string; dimensions: Dimension[]; percentile?: number }

const LATENCY_DIMS: Dimension[] = ['deployment'];
export const METRICS: MetricDef[] = [
  { name: 'RequestsPerMinute', title: 'Requests Per Minute', unit: 'Count', description: 'The number of requests sent to online endpoint within a minute', dimensions: ['deployment', 'statusCode', 'statusCodeClass', 'modelStatusCode'] },
  { name: 'RequestLatency', title: 'Request Latency', unit: 'Milliseconds', description: 'Average complete interval of time taken for a request to be responded', dimensions: LATENCY_DIMS },
  { name: 'RequestLatency_P50', title: 'Request Latency P50', unit: 'Milliseconds', description: 'Average P50 request latency aggregated by all request latency values collected over the selected time period', dimensions: LATENCY_DIMS, percentile: 50 },
  { name: 'RequestLatency_P90', title: 'Request Latency P90', unit: 'Milliseconds', description: 'Average P90 request latency aggregated by all request latency values collected over the selected time period', dimensions: LATENCY_DIMS, percentile: 90 },
  { name: 'RequestLatency_P95', title: 'Request Latency P95', unit: 'Milliseconds', description: 'Average P95 request latency aggregated by all request latency values collected over the selected time period', dimensions: LATENCY_DIMS, percentile: 95 },
  { name: 'RequestLatency_P99', title: 'Request Latency P99', unit: 'Milliseconds', description: 'Average P99 request latency aggregated by all request latency values collected over the selected time period', dimensions: LATENCY_DIMS, percentile: 99 },
];

const AGGREGATIONS = ['average', 'count', 'maximum', 'minimum', 'total'] as const;
type Aggregation = (typeof AGGREGATIONS)[number];

function dimensionValue(r: ScoringRecord, d: Dimension): string {
  switch (d) {
    case 'deployment': return r.deployment;
    case 'statusCode': return String(r.status);
    case 'statusCodeClass': return `${String(r.status).charAt(0)}xx`;
    case 'modelStatusCode': return r.modelStatus === undefined ? '' : String(r.modelStatus);
  }
}

/** Nearest-rank percentile. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** `deployment eq '*' and statusCodeClass eq '2xx'`, with `or` between values of one dimension. */
function parseFilter(filter: string | undefined, def: MetricDef): Map<Dimension, string[]> | string {
  const out = new Map<Dimension, string[]>();
  if (!filter) return out;
  for (const clause of filter.split(/\s+and\s+/i)) {
    for (const part of clause.replace(/^\s*\(|\)\s*$/g, '').split(/\s+or\s+/i)) {
      const m = /^\s*(\w+)\s+eq\s+'([^']*)'\s*$/i.exec(part);
      const dim = m && def.dimensions.find((d) => d.toLowerCase() === (m[1] ?? '').toLowerCase());
      if (!m || !dim) return `Metric: ${def.name} does not support requested dimension combination: ${part.trim()}, supported ones are: ${def.dimensions.join(',')}`;
      out.set(dim, [...(out.get(dim) ?? []), m[2] ?? '']);
    }
  }
  return out;
}

function aggregate(def: MetricDef, records: ScoringRecord[], bucketStart: number, bucketMs: number, aggs: Aggregation[], arrived: boolean): Record<string, number | string> {
  const point: Record<string, number | string> = { timeStamp: new Date(bucketStart).toISOString().replace(/\.\d{3}Z$/, 'Z') };
  // Nothing of this bucket has reached Azure Monitor yet: a point without values.
  if (!arrived && records.length === 0) return point;
  if (def.name === 'RequestsPerMinute') {
    // Per-minute samples inside the bucket: total = requests, average/min/max over the minutes that had requests.
    const perMinute = new Map<number, number>();
    for (const r of records) perMinute.set(Math.floor(r.time / 60_000), (perMinute.get(Math.floor(r.time / 60_000)) ?? 0) + 1);
    const samples = [...perMinute.values()];
    for (const a of aggs) {
      if (a === 'total') point['total'] = records.length;
      else if (a === 'count') point['count'] = samples.length;
      else if (samples.length) point[a] = a === 'average' ? records.length / Math.max(1, bucketMs / 60_000) : a === 'maximum' ? Math.max(...samples) : Math.min(...samples);
    }
    return point;
  }
  const latencies = records.map((r) => r.latencyMs);
  const value = def.percentile === undefined ? latencies.reduce((x, y) => x + y, 0) / Math.max(1, latencies.length) : percentile(latencies, def.percentile);
  for (const a of aggs) {
    if (a === 'count') point['count'] = latencies.length;
    else if (latencies.length) point[a] = a === 'total' ? value * latencies.length : value;
  }
  return point;
}

function parseTimespan(ts: string | undefined, now: number): { start: number; end: number } | undefined {
  if (!ts) return { start: now - 3_600_000, end: now };
  const [a = '', b] = ts.split('/');
  if (b === undefined) {
    const d = isoDurationMs(a);
    return d === undefined ? undefined : { start: now - d, end: now };
  }
  const start = Date.parse(a);
  const dur = isoDurationMs(b);
  const end = dur !== undefined ? start + dur : Date.parse(b);
  return Number.isNaN(start) || Number.isNaN(end) || end <= start ? undefined : { start, end };
}

const badRequest = (message: string): EmuResponse => armError(400, 'BadRequest', message);

/** GET {endpoint}/providers/Microsoft.Insights/metrics; params: [sub, rg, ws, endpoint] */
export function listMetrics(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const name = call.params[3] ?? '';
  const e = w.endpoints.get(name.toLowerCase());
  if (!e) return armError(404, 'ResourceNotFound', `The Resource '${NAMESPACE}/${name}' under resource group '${call.params[1] ?? ''}' was not found.`);
  const ns = queryGet(call.req, 'metricnamespace');
  if (ns && ns.toLowerCase() !== NAMESPACE.toLowerCase()) return badRequest(`Metric namespace '${ns}' is not valid for resource type '${NAMESPACE}'. Valid namespace: ${NAMESPACE}`);
  const names = (queryGet(call.req, 'metricnames') ?? METRICS[0]?.name ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  const defs: MetricDef[] = [];
  for (const n of names) {
    const def = METRICS.find((m) => m.name.toLowerCase() === n.toLowerCase());
    if (!def) return badRequest(`Failed to find metric configuration for provider: Microsoft.MachineLearningServices, resource Type: workspaces/onlineEndpoints, metric: ${n}, Valid metrics: ${METRICS.map((m) => m.name).join(',')}`);
    defs.push(def);
  }
  const now = Date.now();
  const delay = ingestionDelayMs(w);
  const span = parseTimespan(queryGet(call.req, 'timespan'), now);
  if (!span) return badRequest(`Invalid timespan '${queryGet(call.req, 'timespan') ?? ''}': expected 'start/end' or 'start/duration' in ISO 8601.`);
  const interval = queryGet(call.req, 'interval') ?? 'PT1M';
  const bucketMs = interval.toUpperCase() === 'FULL' ? span.end - span.start : isoDurationMs(interval);
  if (!bucketMs || bucketMs < 60_000) return badRequest(`Invalid interval '${interval}': the minimum time grain is PT1M.`);
  const aggParam = queryGet(call.req, 'aggregation');
  const aggs = (aggParam ? aggParam.split(',') : ['average']).map((a) => a.trim().toLowerCase());
  const badAgg = aggs.find((a) => !(AGGREGATIONS as readonly string[]).includes(a));
  if (badAgg) return badRequest(`Invalid aggregation '${badAgg}'. Valid aggregations: Average, Count, Maximum, Minimum, Total.`);
  const filterText = queryGet(call.req, '$filter');

  // Buckets aligned to the grain, as Azure Monitor aligns them.
  const first = Math.floor(span.start / bucketMs) * bucketMs;
  // Only what has been ingested: served at least `delay` ago.
  const served = w.scoring.filter((r) => r.endpoint === e.id && r.time >= span.start && r.time < span.end && r.time + delay <= now);
  const value = [];
  for (const def of defs) {
    const filter = parseFilter(filterText, def);
    if (typeof filter === 'string') return badRequest(filter);
    const relevant = def.name === 'RequestsPerMinute' ? served : served.filter((r) => r.deployment !== '');
    const matching = relevant.filter((r) => [...filter].every(([d, vals]) => vals.includes('*') || vals.some((v) => v.toLowerCase() === dimensionValue(r, d).toLowerCase())));
    const split = [...filter].filter(([, vals]) => vals.includes('*') || vals.length > 1).map(([d]) => d);
    const series = new Map<string, ScoringRecord[]>();
    for (const r of matching) {
      const key = JSON.stringify(split.map((d) => dimensionValue(r, d)));
      series.set(key, [...(series.get(key) ?? []), r]);
    }
    if (series.size === 0 && split.length === 0) series.set('[]', []);
    const timeseries = [...series].map(([key, recs]) => {
      const values = JSON.parse(key) as string[];
      const data = [];
      // A bucket has arrived once its last moment is `delay` old; until then it shows what has arrived (partial) or nothing.
      for (let t = first; t < span.end; t += bucketMs) data.push(aggregate(def, recs.filter((r) => r.time >= t && r.time < t + bucketMs), t, bucketMs, aggs as Aggregation[], t + bucketMs + delay <= now));
      return { metadatavalues: split.map((d, i) => ({ name: { value: d, localizedValue: d }, value: values[i] ?? '' })), data };
    });
    value.push({
      id: `${e.id}/providers/Microsoft.Insights/metrics/${def.name}`, type: 'Microsoft.Insights/metrics',
      name: { value: def.name, localizedValue: def.title }, displayDescription: def.description, unit: def.unit, timeseries, errorCode: 'Success',
    });
  }
  const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return json(200, { cost: 0, timespan: `${iso(span.start)}/${iso(span.end)}`, interval: interval.toUpperCase() === 'FULL' ? interval : interval.toUpperCase(), value, namespace: NAMESPACE, resourceregion: e.location });
}

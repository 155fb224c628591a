// Pure: the verdicts of the rollout gates (docs/rollout.md §3). Smoke: the new deployment answers
// 2xx (and, when given, the expected answer). Comparison: old and new answer with the same JSON
// shape and numbers within a tolerance, so a model that answers 200 with garbage fails. Metrics:
// error rate and P99 latency from Azure Monitor against thresholds, with a minimum request count;
// too little data is "inconclusive", never a pass, and `on-no-data` says what that means.

export type Verdict = 'pass' | 'fail' | 'inconclusive';

export interface GateResult {
  gate: 'smoke' | 'comparison' | 'metrics';
  verdict: Verdict;
  detail: string;
}

export interface ScoringAnswer {
  /** 0 when the request never got an answer (connection reset, timeout). */
  status: number;
  /** The body as text; parsed as JSON by the gates that compare it. */
  body: string;
  latencyMs?: number;
  /** Why there is no answer, when status is 0. */
  error?: string;
}

const MAX_SHOWN = 200;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_SHOWN ? `${flat.slice(0, MAX_SHOWN)}…` : flat;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** 2xx, and, with an expected answer, the same JSON shape with numbers within `tolerance`. */
export function smokeVerdict(answer: ScoringAnswer, expected: string | undefined, tolerance: number): GateResult {
  if (answer.status === 0) return { gate: 'smoke', verdict: 'fail', detail: `no answer: ${answer.error ?? 'the request failed'}` };
  if (answer.status < 200 || answer.status > 299) return { gate: 'smoke', verdict: 'fail', detail: `HTTP ${answer.status}: ${shorten(answer.body) || '(empty body)'}` };
  if (expected === undefined) return { gate: 'smoke', verdict: 'pass', detail: `HTTP ${answer.status}` };
  const want = parseJson(expected);
  const got = parseJson(answer.body);
  if (!want.ok) {
    return answer.body.trim() === expected.trim()
      ? { gate: 'smoke', verdict: 'pass', detail: `HTTP ${answer.status}, the expected answer` }
      : { gate: 'smoke', verdict: 'fail', detail: `HTTP ${answer.status}, but the answer is not the expected text: ${shorten(answer.body)}` };
  }
  if (!got.ok) return { gate: 'smoke', verdict: 'fail', detail: `HTTP ${answer.status}, but the answer is not JSON: ${shorten(answer.body)}` };
  const diffs = compareJson(want.value, got.value, tolerance, { compareStrings: true });
  return diffs.length === 0
    ? { gate: 'smoke', verdict: 'pass', detail: `HTTP ${answer.status}, the expected answer` }
    : { gate: 'smoke', verdict: 'fail', detail: `HTTP ${answer.status}, but not the expected answer: ${diffs.slice(0, 3).join('; ')}` };
}

/**
 * The differences between two JSON values: types, object keys and array lengths must match and
 * numbers may differ by `tolerance` (relative to the larger magnitude, or absolute below 1).
 * Strings are compared only when asked: two deployments may label their answers differently.
 */
export function compareJson(a: unknown, b: unknown, tolerance: number, options: { compareStrings: boolean } = { compareStrings: false }, path = '$'): string[] {
  const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  if (kind(a) !== kind(b)) return [`${path}: ${kind(a)} vs ${kind(b)}`];
  if (typeof a === 'number' && typeof b === 'number') {
    const scale = Math.max(1, Math.abs(a), Math.abs(b));
    return Math.abs(a - b) <= tolerance * scale ? [] : [`${path}: ${a} vs ${b} (tolerance ${tolerance})`];
  }
  if (typeof a === 'string') return options.compareStrings && a !== b ? [`${path}: ${JSON.stringify(shorten(a))} vs ${JSON.stringify(shorten(b as string))}`] : [];
  if (typeof a === 'boolean') return a === b ? [] : [`${path}: ${a} vs ${b}`];
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return [`${path}: ${a.length} items vs ${b.length}`];
    return a.flatMap((x, i) => compareJson(x, b[i], tolerance, options, `${path}[${i}]`));
  }
  if (kind(a) === 'object') {
    const ao = a as Record<string, unknown>;
    const bo = b as Record<string, unknown>;
    const missing = Object.keys(ao).filter((k) => !(k in bo)).map((k) => `${path}.${k}: missing in the new answer`);
    const extra = Object.keys(bo).filter((k) => !(k in ao)).map((k) => `${path}.${k}: not in the old answer`);
    return [...missing, ...extra, ...Object.keys(ao).filter((k) => k in bo).flatMap((k) => compareJson(ao[k], bo[k], tolerance, options, `${path}.${k}`))];
  }
  return [];
}

/** The same request to the serving (old) and the new deployment: both 2xx, same shape, numbers close. */
export function comparisonVerdict(baseline: { name: string; answer: ScoringAnswer }, candidate: { name: string; answer: ScoringAnswer }, tolerance: number): GateResult {
  const ok = (s: number) => s >= 200 && s <= 299;
  if (!ok(baseline.answer.status)) {
    return { gate: 'comparison', verdict: 'inconclusive', detail: `the serving deployment ${baseline.name} answered HTTP ${baseline.answer.status}: nothing to compare with` };
  }
  if (!ok(candidate.answer.status)) return { gate: 'comparison', verdict: 'fail', detail: `${candidate.name} answered HTTP ${candidate.answer.status} where ${baseline.name} answered ${baseline.answer.status}` };
  const a = parseJson(baseline.answer.body);
  const b = parseJson(candidate.answer.body);
  if (!a.ok) return { gate: 'comparison', verdict: 'inconclusive', detail: `${baseline.name} does not answer JSON: nothing to compare with` };
  if (!b.ok) return { gate: 'comparison', verdict: 'fail', detail: `${candidate.name} does not answer JSON: ${shorten(candidate.answer.body)}` };
  const diffs = compareJson(a.value, b.value, tolerance);
  return diffs.length === 0
    ? { gate: 'comparison', verdict: 'pass', detail: `${candidate.name} answers like ${baseline.name} (same shape, numbers within ${tolerance})` }
    : { gate: 'comparison', verdict: 'fail', detail: `${candidate.name} answers unlike ${baseline.name}: ${diffs.slice(0, 3).join('; ')}${diffs.length > 3 ? ` (+${diffs.length - 3} more)` : ''}` };
}

export interface MetricsSample {
  requests: number;
  errors: number;
  /** Highest P99 latency over the window, when Azure Monitor had any. */
  p99Ms?: number;
}

export interface MetricsThresholds {
  maxErrorRate?: number;
  maxLatencyP99Ms?: number;
  minRequests: number;
}

export type OnNoData = 'fail' | 'hold' | 'pass';

/** The raw verdict: inconclusive below the minimum request count, whatever the numbers say. */
export function metricsVerdict(sample: MetricsSample, t: MetricsThresholds): GateResult {
  const minimum = Math.max(1, t.minRequests);
  if (sample.requests < minimum) {
    return { gate: 'metrics', verdict: 'inconclusive', detail: `no data: ${sample.requests} request(s) in the window, at least ${minimum} needed` };
  }
  const rate = sample.errors / sample.requests;
  const problems: string[] = [];
  if (t.maxErrorRate !== undefined && rate > t.maxErrorRate) problems.push(`error rate ${formatRate(rate)} > ${formatRate(t.maxErrorRate)}`);
  if (t.maxLatencyP99Ms !== undefined) {
    if (sample.p99Ms === undefined) return { gate: 'metrics', verdict: 'inconclusive', detail: `no P99 latency in the window (${sample.requests} requests)` };
    if (sample.p99Ms > t.maxLatencyP99Ms) problems.push(`P99 latency ${Math.round(sample.p99Ms)} ms > ${t.maxLatencyP99Ms} ms`);
  }
  const seen = `${sample.requests} requests, error rate ${formatRate(rate)}${sample.p99Ms !== undefined ? `, P99 ${Math.round(sample.p99Ms)} ms` : ''}`;
  return problems.length ? { gate: 'metrics', verdict: 'fail', detail: `${problems.join(', ')} (${seen})` } : { gate: 'metrics', verdict: 'pass', detail: seen };
}

/**
 * What an inconclusive gate means under `on-no-data` once waiting is over: `fail` (default) and
 * `hold` (which waited as long as the budget allowed) fail the step; `pass` lets it through but
 * the timeline keeps the verdict `inconclusive`.
 */
export function blocksRollout(result: GateResult, onNoData: OnNoData): boolean {
  if (result.verdict === 'fail') return true;
  if (result.verdict === 'inconclusive') return onNoData !== 'pass';
  return false;
}

function formatRate(rate: number): string {
  return `${Math.round(rate * 10000) / 100} %`;
}

/** HTTP statuses that count as errors of the deployment: server errors, model errors (424), timeouts (408), throttling (429). */
export function isErrorStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 424 || status === 429;
}

interface MetricsBody {
  value?: Array<{
    name?: { value?: string };
    timeseries?: Array<{ metadatavalues?: Array<{ name?: { value?: string }; value?: string }>; data?: Array<Record<string, unknown>> }>;
  }>;
}

/**
 * Azure Monitor's answer (https://learn.microsoft.com/rest/api/monitor/metrics/list) for
 * `RequestsPerMinute` split by `statusCode` (aggregation Total) and `RequestLatency_P99`
 * (aggregation Maximum), filtered to one deployment. Missing data points are absent, never zero.
 */
export function parseMetrics(body: unknown): MetricsSample {
  const value = (body as MetricsBody | undefined)?.value ?? [];
  let requests = 0;
  let errors = 0;
  let p99: number | undefined;
  for (const metric of value) {
    const name = metric.name?.value?.toLowerCase();
    for (const series of metric.timeseries ?? []) {
      const statusText = series.metadatavalues?.find((m) => m.name?.value?.toLowerCase() === 'statuscode')?.value;
      for (const point of series.data ?? []) {
        if (name === 'requestsperminute') {
          const total = typeof point.total === 'number' ? point.total : 0;
          requests += total;
          if (statusText !== undefined && isErrorStatus(Number(statusText))) errors += total;
        } else if (name === 'requestlatency_p99') {
          const v = typeof point.maximum === 'number' ? point.maximum : typeof point.average === 'number' ? point.average : undefined;
          if (v !== undefined) p99 = Math.max(p99 ?? 0, v);
        }
      }
    }
  }
  return p99 === undefined ? { requests, errors } : { requests, errors, p99Ms: p99 };
}

// Azure Monitor metrics of the new deployment for the metrics gate
// (https://learn.microsoft.com/rest/api/monitor/metrics/list): `RequestsPerMinute` split by status
// code and `RequestLatency_P99`, filtered to the deployment, over the bake window. Platform metrics
// arrive per minute after an ingestion delay, partial for the latest minutes ("the latency of
// processing metrics can be within a couple minutes range … displaying data as soon as receiving it
// … even when the data is partial": Azure Monitor metrics troubleshooting, "Chart shows unexpected
// drop in values"), so the gate waits `metrics-ingestion-delay` after the window before it judges
// it, and never judges a window whose data cannot have arrived (docs/rollout.md §3). A metrics read
// that fails (after the one retry loop's attempts) is no data (inconclusive), never a pass.
import { NotYet, polling, type Clock } from '../azure/retry.ts';
import { ArmError, type AzureSession } from '../azure/session.ts';
import { metricsVerdict, parseMetrics, type GateResult, type MetricsSample, type MetricsThresholds, type OnNoData } from './gates.ts';
import { retryTransient } from './lro.ts';

const MONITOR_API = '2023-10-01';

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export type MetricsRead = { ok: true; sample: MetricsSample } | { ok: false; why: string };
export interface MetricsWindow {
  start: number;
  end: number;
}

export async function readDeploymentMetrics(session: AzureSession, endpointPath: string, deployment: string, window: MetricsWindow, options: { deadline: number; clock?: Clock }): Promise<MetricsRead> {
  // Azure Monitor's grain is one minute: widen the window to whole minutes.
  const start = Math.floor(window.start / 60_000) * 60_000;
  const end = Math.max(Math.ceil(window.end / 60_000) * 60_000, start + 60_000);
  const common = { timespan: `${iso(start)}/${iso(end)}`, interval: 'PT1M', metricnamespace: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints' };
  const path = `${endpointPath}/providers/Microsoft.Insights/metrics`;
  // Throttling, 5xx and resets are asked again (the one retry loop) within the run's budget.
  const get = (what: string, query: Record<string, string>) => retryTransient(`Azure Monitor ${what}`, options.deadline, () => session.arm.send({ method: 'GET', path, apiVersion: MONITOR_API, query }), { clock: options.clock });
  try {
    const [requests, latency] = await Promise.all([
      get('RequestsPerMinute', { ...common, metricnames: 'RequestsPerMinute', aggregation: 'Total', $filter: `deployment eq '${deployment}' and statusCode eq '*'` }),
      get('RequestLatency_P99', { ...common, metricnames: 'RequestLatency_P99', aggregation: 'Maximum', $filter: `deployment eq '${deployment}'` }),
    ]);
    const a = parseMetrics(requests.body);
    const b = parseMetrics(latency.body);
    return { ok: true, sample: b.p99Ms === undefined ? a : { ...a, p99Ms: b.p99Ms } };
  } catch (error) {
    if (error instanceof ArmError) return { ok: false, why: `Azure Monitor answered ${error.status || 'nothing'} ${error.code}` };
    throw error;
  }
}

export interface MetricsGateRun {
  /** e.g. "green 50 %". */
  label: string;
  thresholds: MetricsThresholds;
  onNoData: OnNoData;
  /** The bake window: from the step's read-back to the end of the bake. */
  window: MetricsWindow;
  /** How long after a moment Azure Monitor has its metrics (`metrics-ingestion-delay`). */
  ingestionDelayMs: number;
  /** `hold`: the wait between reads while there is no data. */
  holdEveryMs: number;
  deadline: number;
  clock: Clock;
  log(line: string): void;
  read(window: MetricsWindow): Promise<MetricsRead>;
}

function clockTime(ms: number): string {
  return new Date(ms).toISOString().slice(11, 19);
}

/**
 * The metrics gate of one step: waits until the window's data can have reached Azure Monitor
 * (window end + ingestion delay, said in the log with the time), then judges it. `hold` reads again
 * while there is no data, each time over the window whose data has arrived by then, until the budget
 * ends. A window whose data cannot arrive before the deadline is not judged: inconclusive, and why.
 */
export async function judgeMetricsWindow(run: MetricsGateRun): Promise<GateResult> {
  const { clock } = run;
  const arrived = run.window.end + run.ingestionDelayMs;
  if (arrived > run.deadline) {
    return { gate: 'metrics', verdict: 'inconclusive', detail: `no data: the window's metrics reach Azure Monitor about ${Math.round(run.ingestionDelayMs / 1000)} s after it ends (${clockTime(arrived)} UTC), after the timeout budget ends (${clockTime(run.deadline)} UTC)` };
  }
  const wait = arrived - clock.now();
  if (wait > 0) {
    run.log(`${run.label}: waiting ${Math.ceil(wait / 1000)} s for Azure Monitor to ingest the window's metrics (metrics-ingestion-delay ${Math.round(run.ingestionDelayMs / 1000)} s); judging at ${clockTime(arrived)} UTC.`);
    await clock.sleep(wait);
  }
  let window = run.window;
  let result: GateResult | undefined;
  await polling(`${run.label}: metrics`, { deadline: run.deadline, clock }, async () => {
    const read = await run.read(window);
    result = read.ok ? metricsVerdict(read.sample, run.thresholds) : { gate: 'metrics', verdict: 'inconclusive', detail: `no data: ${read.why}` };
    run.log(`${run.label}: metrics ${result.verdict} (${result.detail})`);
    if (result.verdict !== 'inconclusive' || run.onNoData !== 'hold') return result;
    if (clock.now() + run.holdEveryMs <= run.deadline) run.log(`${run.label}: on-no-data: hold, so the step is held and the metrics read again in ${Math.round(run.holdEveryMs / 1000)} s.`);
    // The next read covers what has arrived by then: up to `ingestionDelayMs` before it.
    window = { start: run.window.start, end: Math.max(run.window.end, clock.now() + run.holdEveryMs - run.ingestionDelayMs) };
    throw new NotYet('inconclusive', run.holdEveryMs);
  });
  return result as GateResult;
}

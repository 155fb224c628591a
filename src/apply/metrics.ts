// Azure Monitor metrics of the new deployment for the metrics gate
// (https://learn.microsoft.com/rest/api/monitor/metrics/list): `RequestsPerMinute` split by status
// code and `RequestLatency_P99`, filtered to the deployment, over the bake window. A metrics read
// that fails is no data (inconclusive), never a pass.
import { ArmError, type AzureSession } from '../azure/session.ts';
import { parseMetrics, type MetricsSample } from './gates.ts';

const MONITOR_API = '2023-10-01';

function iso(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export async function readDeploymentMetrics(
  session: AzureSession,
  endpointPath: string,
  deployment: string,
  window: { start: number; end: number },
): Promise<{ ok: true; sample: MetricsSample } | { ok: false; why: string }> {
  // Azure Monitor's grain is one minute: widen the window to whole minutes.
  const start = Math.floor(window.start / 60_000) * 60_000;
  const end = Math.max(Math.ceil(window.end / 60_000) * 60_000, start + 60_000);
  const common = { timespan: `${iso(start)}/${iso(end)}`, interval: 'PT1M', metricnamespace: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints' };
  const path = `${endpointPath}/providers/Microsoft.Insights/metrics`;
  try {
    const [requests, latency] = await Promise.all([
      session.arm.send({ method: 'GET', path, apiVersion: MONITOR_API, query: { ...common, metricnames: 'RequestsPerMinute', aggregation: 'Total', $filter: `deployment eq '${deployment}' and statusCode eq '*'` } }),
      session.arm.send({ method: 'GET', path, apiVersion: MONITOR_API, query: { ...common, metricnames: 'RequestLatency_P99', aggregation: 'Maximum', $filter: `deployment eq '${deployment}'` } }),
    ]);
    const a = parseMetrics(requests.body);
    const b = parseMetrics(latency.body);
    return { ok: true, sample: b.p99Ms === undefined ? a : { ...a, p99Ms: b.p99Ms } };
  } catch (error) {
    if (error instanceof ArmError) return { ok: false, why: `Azure Monitor answered ${error.status || 'nothing'} ${error.code}` };
    throw error;
  }
}

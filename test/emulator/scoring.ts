// Scoring: https://{endpoint}.{region}.inference.ml.azure.com/score with key, AML-token or Entra-token auth;
// routing by the `azureml-model-deployment` header or by the endpoint's traffic weights; mirror traffic copied to the
// shadow deployment (answer discarded); per-deployment behaviour (healthy / error / slow) from the scenario, PATCH /knobs,
// or /faults. Status codes follow the troubleshooting guide's table
// (https://learn.microsoft.com/azure/machine-learning/how-to-troubleshoot-online-endpoints#http-status-codes):
// 424 + ms-azureml-model-error-* when the model answers non-200, 408 past request_timeout, 429 past
// 2 × max_concurrent_requests_per_instance × instance_count requests in flight, 404 when no deployment has traffic.
// Every request a deployment serves is recorded for the metrics endpoint (metrics.ts).
import { randomUUID } from 'node:crypto';
import type { Ctx } from './context.ts';
import { checkAccessToken } from './entra.ts';
import { bearerToken, header, json, sleep } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';
import type { DeploymentRec, EndpointRec, World } from './state.ts';

function pickByTraffic(e: EndpointRec): DeploymentRec | undefined {
  const weighted = Object.entries(e.properties.traffic).filter(([, v]) => v > 0);
  const total = weighted.reduce((a, [, v]) => a + v, 0);
  if (total === 0) return undefined;
  let roll = Math.random() * total;
  for (const [name, v] of weighted) {
    roll -= v;
    if (roll < 0) return e.deployments.get(name.toLowerCase());
  }
  return e.deployments.get((weighted.at(-1)?.[0] ?? '').toLowerCase());
}

/** ISO-8601 duration (PT5S, PT0.5S, PT1M30S) in ms; undefined when it is not one. */
export function isoDurationMs(v: unknown): number | undefined {
  if (typeof v !== 'string') return undefined;
  const m = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(v.trim());
  if (!m || v.trim().toUpperCase() === 'P' || v.trim().toUpperCase() === 'PT') return undefined;
  const [d = '0', h = '0', min = '0', sec = '0'] = m.slice(1).map((x) => x ?? '0');
  return Math.round(((Number(d) * 24 + Number(h)) * 60 * 60 + Number(min) * 60 + Number(sec)) * 1000);
}

/** request_settings defaults of the deployment YAML reference: request_timeout_ms 5000, max_concurrent_requests_per_instance 1. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_CONCURRENT_REQUESTS_PER_INSTANCE = 1;

function requestSettings(d: DeploymentRec): { timeoutMs: number; maxConcurrent: number } {
  const rs = d.properties['requestSettings'];
  const o = typeof rs === 'object' && rs !== null ? (rs as Record<string, unknown>) : {};
  const mc = o['maxConcurrentRequestsPerInstance'];
  return { timeoutMs: isoDurationMs(o['requestTimeout']) ?? DEFAULT_REQUEST_TIMEOUT_MS, maxConcurrent: typeof mc === 'number' && mc > 0 ? mc : DEFAULT_MAX_CONCURRENT_REQUESTS_PER_INSTANCE };
}

function instanceCount(d: DeploymentRec): number {
  return typeof d.sku['capacity'] === 'number' && d.sku['capacity'] > 0 ? d.sku['capacity'] : 1;
}

/**
 * The one deployment with mirror traffic, when this request is one of its copies: a credit accumulates the percentage per
 * live request, so 10 % mirrors exactly every tenth request (assumed: the service's sampling is not documented).
 */
function mirrorTarget(w: World, e: EndpointRec): DeploymentRec | undefined {
  const mirror = Object.entries((e.properties['mirrorTraffic'] ?? {}) as Record<string, number>).find(([, v]) => v > 0);
  if (!mirror) return undefined;
  const credit = (w.mirrorCredit.get(e.id) ?? 0) + mirror[1];
  w.mirrorCredit.set(e.id, credit >= 100 ? credit - 100 : credit);
  return credit >= 100 ? e.deployments.get(mirror[0].toLowerCase()) : undefined;
}

function record(w: World, e: EndpointRec, deployment: string, status: number, started: number, mirrored: boolean, modelStatus?: number): void {
  w.scoring.push({ time: Date.now(), endpoint: e.id, deployment, status, latencyMs: Date.now() - started, mirrored, modelStatus });
}

/** One deployment answers one request (live or mirrored copy). */
async function serve(w: World, e: EndpointRec, d: DeploymentRec, input: unknown, base: Record<string, string>, mirrored: boolean): Promise<EmuResponse> {
  const started = Date.now();
  const h = { ...base, 'azureml-model-deployment': d.name };
  if (d.properties.provisioningState !== 'Succeeded') return json(502, { message: `Deployment ${d.name} is not ready (${d.properties.provisioningState}).` }, h);
  const { timeoutMs, maxConcurrent } = requestSettings(d);
  const limit = 2 * maxConcurrent * instanceCount(d);
  const inFlight = w.inFlight.get(d.id) ?? 0;
  if (inFlight >= limit) {
    record(w, e, d.name, 429, started, mirrored);
    return json(429, { message: `Too many pending requests: deployment ${d.name} accepts at most ${limit} concurrent requests (2 × max_concurrent_requests_per_instance ${maxConcurrent} × instance_count ${instanceCount(d)}).` }, h);
  }
  const behaviour = w.knobs.deployments[`${e.name}/${d.name}`] ?? w.knobs.deployments[d.name];
  const workMs = behaviour?.scoring === 'slow' ? behaviour.slowMs : 0;
  w.inFlight.set(d.id, inFlight + 1);
  try {
    if (workMs > timeoutMs) {
      await sleep(timeoutMs);
      record(w, e, d.name, 408, started, mirrored);
      return json(408, { message: `Request timed out after ${timeoutMs} ms (request_timeout_ms of deployment ${d.name}).` }, h);
    }
    if (workMs > 0) await sleep(workMs);
  } finally {
    w.inFlight.set(d.id, (w.inFlight.get(d.id) ?? 1) - 1);
  }
  if (behaviour?.scoring === 'error') {
    record(w, e, d.name, 424, started, mirrored, behaviour.errorStatus);
    return json(424, { message: 'An unexpected error occurred in scoring script. Check the logs for more info.' }, { ...h, 'ms-azureml-model-error-statuscode': String(behaviour.errorStatus), 'ms-azureml-model-error-reason': 'model_error' });
  }
  record(w, e, d.name, 200, started, mirrored, 200);
  return json(200, { deployment: d.name, prediction: [0.5], inputKeys: input && typeof input === 'object' ? Object.keys(input) : [] }, h);
}

export async function handleScoring(ctx: Ctx, req: EmuRequest): Promise<EmuResponse> {
  const w = ctx.world;
  const endpointName = req.host.split('.')[0] ?? '';
  const e = w.endpoints.get(endpointName);
  const requestId = randomUUID();
  const base = { 'x-request-id': requestId, 'x-ms-request-id': requestId };
  // An endpoint being updated keeps serving (a traffic shift is an update); one being created or deleted does not.
  if (!e || !['Succeeded', 'Updating'].includes(e.properties.provisioningState)) return json(404, { message: 'Not Found' }, base);
  if (req.path === '/swagger.json' && req.method === 'GET') return json(200, { swagger: '2.0', info: { title: e.name, version: '1.0' }, paths: { '/score': { post: {} } } }, base);
  if (req.path !== '/score' || req.method !== 'POST') return json(404, { message: 'Not Found' }, base);

  const token = bearerToken(req);
  const mode = String(e.properties['authMode']);
  let authorized = false;
  if (token) {
    if (mode === 'Key') authorized = token === e.keys.primaryKey || token === e.keys.secondaryKey;
    else if (mode === 'AMLToken') {
      const t = w.amlTokens.get(token);
      authorized = !!t && t.endpointId === e.id && t.exp > Date.now() / 1000;
    } else authorized = checkAccessToken(ctx, token, ['https://ml.azure.com']).ok;
  }
  if (!authorized) return { status: 401, headers: { ...base, 'WWW-Authenticate': 'Bearer' }, raw: '' };

  const started = Date.now();
  const wanted = header(req, 'azureml-model-deployment');
  let d: DeploymentRec | undefined;
  if (wanted) {
    d = e.deployments.get(wanted.toLowerCase());
    if (!d) {
      record(w, e, '', 404, started, false);
      return json(404, { message: `Deployment ${wanted} not found under endpoint ${e.name}.` }, base);
    }
  } else {
    d = pickByTraffic(e);
    if (!d) {
      record(w, e, '', 404, started, false);
      return json(404, { message: 'No valid deployments to route to. Please check that the endpoint has at least one deployment with positive weight values or use a deployment specific header to route.' }, base);
    }
  }
  let input: unknown = null;
  try {
    input = req.body.length ? JSON.parse(req.body.toString('utf8')) : null;
  } catch {
    return json(400, { message: 'Request body is not valid JSON.' }, { ...base, 'azureml-model-deployment': d.name });
  }
  // Requests that name their deployment are not mirrored (assumed); a copy's answer is discarded.
  const shadow = wanted ? undefined : mirrorTarget(w, e);
  if (shadow && shadow !== d) void serve(w, e, shadow, input, base, true);
  return serve(w, e, d, input, base, false);
}

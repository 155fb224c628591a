// Scoring: https://{endpoint}.{region}.inference.ml.azure.com/score with key, AML-token or Entra-token auth;
// routing by the `azureml-model-deployment` header or by the endpoint's traffic weights; per-deployment
// behaviour (healthy / error / slow) from the scenario, PATCH /knobs, or /faults.
import { randomUUID } from 'node:crypto';
import type { Ctx } from './context.ts';
import { checkAccessToken } from './entra.ts';
import { bearerToken, header, json } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';
import type { DeploymentRec, EndpointRec } from './state.ts';

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

export function handleScoring(ctx: Ctx, req: EmuRequest): EmuResponse {
  const w = ctx.world;
  const endpointName = req.host.split('.')[0] ?? '';
  const e = w.endpoints.get(endpointName);
  const requestId = randomUUID();
  const base = { 'x-request-id': requestId, 'x-ms-request-id': requestId };
  if (!e || e.properties.provisioningState !== 'Succeeded') return json(404, { message: 'Not Found' }, base);
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

  const wanted = header(req, 'azureml-model-deployment');
  let d: DeploymentRec | undefined;
  if (wanted) {
    d = e.deployments.get(wanted.toLowerCase());
    if (!d) return json(404, { message: `Deployment ${wanted} not found under endpoint ${e.name}.` }, base);
  } else {
    d = pickByTraffic(e);
    if (!d) return json(404, { message: 'No valid deployments to route to. Please check that the endpoint has at least one deployment with positive weight values or use a deployment specific header to route.' }, base);
  }
  const h = { ...base, 'azureml-model-deployment': d.name };
  if (d.properties.provisioningState !== 'Succeeded') return json(502, { message: `Deployment ${d.name} is not ready (${d.properties.provisioningState}).` }, h);
  const behaviour = w.knobs.deployments[`${e.name}/${d.name}`] ?? w.knobs.deployments[d.name];
  if (behaviour?.scoring === 'error') return json(behaviour.errorStatus, { message: 'An unexpected error occurred in scoring script. Check the logs for more info.' }, h);
  let input: unknown = null;
  try {
    input = req.body.length ? JSON.parse(req.body.toString('utf8')) : null;
  } catch {
    return json(400, { message: 'Request body is not valid JSON.' }, h);
  }
  const res = json(200, { deployment: d.name, prediction: [0.5], inputKeys: input && typeof input === 'object' ? Object.keys(input) : [] }, h);
  if (behaviour?.scoring === 'slow') res.delayMs = behaviour.slowMs;
  return res;
}

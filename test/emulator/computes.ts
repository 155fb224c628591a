// Workspace computes (Compute_Get / Compute_CreateOrUpdate), enough for an attached Kubernetes
// cluster and its instance types: `properties.computeType`, `properties.properties.instanceTypes`,
// `defaultInstanceType`, as the Kubernetes example of the machinelearningservices REST spec
// (Compute/get.json "Get a Kubernetes Compute") shapes them. Tests attach a cluster with the PUT,
// as `az ml compute attach` does; a PUT answers the resource at once (assumed: the real attach is
// a long-running operation; the action only reads computes). Unknown compute: 404 ResourceNotFound
// (assumed, the ARM wording).
import type { ArmCall } from './arm-common.ts';
import { notFound, parseArmBody } from './arm-common.ts';
import { json } from './http.ts';
import type { EmuResponse } from './http.ts';
import type { World } from './state.ts';

const byWorld = new WeakMap<World, Map<string, Record<string, unknown>>>();

function computes(world: World): Map<string, Record<string, unknown>> {
  let m = byWorld.get(world);
  if (!m) byWorld.set(world, (m = new Map()));
  return m;
}

export function getCompute(call: ArmCall): EmuResponse {
  const name = call.params[3] ?? '';
  const c = computes(call.ctx.world).get(name.toLowerCase());
  return c ? json(200, c) : notFound('Microsoft.MachineLearningServices/workspaces/computes', `${call.params[2] ?? ''}/${name}`, call.params[1]);
}

export function putCompute(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const name = call.params[3] ?? '';
  const parsed = parseArmBody(call.req);
  if (!parsed.ok) return parsed.res;
  const p = (parsed.body['properties'] ?? {}) as Record<string, unknown>;
  const resource = {
    id: `${w.workspaceId}/computes/${name}`, name, type: 'Microsoft.MachineLearningServices/workspaces/computes', location: w.scenario.workspace.location,
    properties: { ...p, computeType: String(p['computeType'] ?? ''), provisioningState: 'Succeeded', isAttachedCompute: p['computeType'] === 'Kubernetes', properties: p['properties'] ?? {} },
  };
  computes(w).set(name.toLowerCase(), resource);
  return json(200, resource);
}

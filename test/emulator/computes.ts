// Workspace computes (Compute_Get / Compute_CreateOrUpdate), enough for an attached Kubernetes
// cluster and its instance types: `properties.computeType`, `properties.properties.instanceTypes`,
// `defaultInstanceType`, as the Kubernetes example of the machinelearningservices REST spec
// (Compute/get.json "Get a Kubernetes Compute") shapes them. Tests attach a cluster with the PUT,
// as `az ml compute attach` does; a PUT answers the resource at once (assumed: the real attach is
// a long-running operation; the action only reads computes). Unknown compute: 404 ResourceNotFound
// (assumed, the ARM wording). DELETE detaches (`underlyingResourceAction=Detach`) or deletes: the REST
// spec's Compute_Delete requires that query parameter; answered 200 at once (assumed, like the PUT).
import type { ArmCall } from './arm-common.ts';
import { armError, notFound, parseArmBody } from './arm-common.ts';
import { json, queryGet } from './http.ts';
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

export function deleteCompute(call: ArmCall): EmuResponse {
  const name = call.params[3] ?? '';
  const action = queryGet(call.req, 'underlyingResourceAction');
  if (action !== 'Delete' && action !== 'Detach') return armError(400, 'UserError', "The query parameter 'underlyingResourceAction' is required: Delete or Detach.");
  const m = computes(call.ctx.world);
  if (!m.has(name.toLowerCase())) return notFound('Microsoft.MachineLearningServices/workspaces/computes', `${call.params[2] ?? ''}/${name}`, call.params[1]);
  m.delete(name.toLowerCase());
  return json(200, null);
}

/** Whether a compute (by name or ARM id of this workspace) is attached. */
export function computeAttached(world: World, nameOrId: string): boolean {
  const name = nameOrId.split('/').filter(Boolean).pop() ?? '';
  return computes(world).has(name.toLowerCase());
}

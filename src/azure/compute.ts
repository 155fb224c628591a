// The workspace compute a Kubernetes endpoint names (Compute_Get): its type and the instance types
// an attached cluster defines (`properties.properties.instanceTypes`, `defaultInstanceType`), read
// once per compute. Read-only. docs/online-checks.md §kubernetes-compute.
// The lookup key is the check's (src/checks/kubernetes-compute.ts computeKey).
import type { ComputeFacts, Lookup } from '../checks/facts.ts';
import { ML_API_VERSION } from '../manifests/rest.ts';
import { obj, str } from './json.ts';
import { lookup } from './read.ts';
import type { ArmClient } from './rest.ts';

export const COMPUTE_READ_PERMISSION = 'Microsoft.MachineLearningServices/workspaces/computes/read';

/** `name` in the workspace, or a compute ARM id (possibly of another workspace) used as the path. */
export function readCompute(s: { arm: ArmClient; workspacePath: string }, nameOrId: string): Promise<Lookup<ComputeFacts>> {
  const path = nameOrId.startsWith('/') ? nameOrId : `${s.workspacePath}/computes/${encodeURIComponent(nameOrId)}`;
  return lookup(async () => parseCompute((await s.arm.send({ method: 'GET', path, apiVersion: ML_API_VERSION })).body), COMPUTE_READ_PERMISSION);
}

export function parseCompute(body: unknown): ComputeFacts {
  const b = obj(body);
  const p = obj(b.properties);
  const k8s = obj(p.properties);
  const defaultInstanceType = str(k8s.defaultInstanceType);
  return { name: str(b.name) ?? '', computeType: str(p.computeType) ?? '', instanceTypes: Object.keys(obj(k8s.instanceTypes)), ...(defaultInstanceType ? { defaultInstanceType } : {}) };
}


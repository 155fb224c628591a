// A Kubernetes endpoint's `compute:` (docs/online-checks.md §kubernetes-compute), from the endpoint
// file or, with deployment files only, the live endpoint's `properties.compute`: the attached
// compute exists in the workspace, is a Kubernetes compute, and defines the `instance_type` each
// of its deployments asks for (the cluster's instance types, `properties.properties.instanceTypes`).
import { makeFinding, type Finding } from '../findings/finding.ts';
import { closest } from '../manifests/edit-distance.ts';
import { at, defineCheck, endpointPosition, lookupCI, type CheckContext } from './check.ts';
import type { ComputeFacts } from './facts.ts';

/**
 * A cluster whose extension defines no instance types serves only the one it creates,
 * `defaultinstancetype` (assumed from the Azure ML extension docs, "Create and select Kubernetes
 * instance types": "If you don't specify an instance type, the default one is used").
 */
export const BUILT_IN_INSTANCE_TYPE = 'defaultinstancetype';

/** The key a compute is read and looked up by: its name (the last segment of an ARM id), lower-cased. */
export function computeKey(ref: { name?: string; id?: string }): string | undefined {
  const text = ref.name ?? ref.id?.split('/').filter(Boolean).pop();
  return text?.toLowerCase();
}

/**
 * The compute the deployments run on: the endpoint file's `compute:`, or, when only deployment
 * files were given, the live endpoint's `properties.compute` (an ARM id).
 */
function endpointCompute(ctx: CheckContext): { ref: { name?: string; id?: string }; live: boolean } | undefined {
  if (ctx.endpoint) return ctx.endpoint.compute ? { ref: ctx.endpoint.compute, live: false } : undefined;
  const live = ctx.facts.endpoint.kind === 'found' ? ctx.facts.endpoint.value.compute : undefined;
  return live && ctx.deployments.length > 0 ? { ref: { id: live }, live: true } : undefined;
}

export const kubernetesComputeCheck = defineCheck('kubernetes-compute', ['compute-not-found', 'instance-type-unavailable', 'cannot-verify'], (ctx) => {
  const compute = endpointCompute(ctx);
  const key = compute ? computeKey(compute.ref) : undefined;
  if (!compute || !key) return {};
  const name = compute.ref.name ?? compute.ref.id?.split('/').filter(Boolean).pop() ?? key;
  const shown = compute.live ? `${name} (properties.compute of the live endpoint ${ctx.endpointName}; no endpoint file was given)` : name;
  const target = compute.live ? `deployments of endpoint ${ctx.endpointName} cannot run on it` : 'the Kubernetes endpoint cannot be created on it';
  const where = endpointPosition(ctx, (s) => s.compute);
  const read = lookupCI(ctx.facts.computes ?? {}, key);
  if (!read) return {};
  if (read.kind === 'unreadable') {
    return { findings: [makeFinding('cannot-verify', where, `Cannot verify that compute ${shown} exists and is Kubernetes: ${read.why}.`, { hint: `Give the workflow identity ${read.permission ?? 'Microsoft.MachineLearningServices/workspaces/computes/read'} on the workspace.` })] };
  }
  if (read.kind === 'missing') {
    return {
      findings: [
        makeFinding('compute-not-found', where, `compute ${shown}: the workspace has no compute of that name, so ${target}.`, compute.live ? {
          hint: `The endpoint's cluster was detached or deleted: attach it again (az ml compute attach --type Kubernetes --name ${name} …), or recreate the endpoint from an endpoint file whose compute: names an attached cluster.`,
        } : {}),
      ],
    };
  }
  if (read.value.computeType.toLowerCase() !== 'kubernetes') {
    return {
      findings: [
        makeFinding('compute-not-found', where, `compute ${shown} is a ${read.value.computeType || 'compute of unknown type'}, not an attached Kubernetes cluster: online endpoints run on managed compute (drop compute:) or on Kubernetes.`, {
          hint: 'Attach a Kubernetes cluster (az ml compute attach --type Kubernetes …) and name it here, or remove compute: for a managed endpoint.',
        }),
      ],
    };
  }
  return { findings: ctx.deployments.flatMap((d) => instanceTypeProblem(ctx, d, read.value)) };
});

function instanceTypeProblem(ctx: CheckContext, d: CheckContext['deployments'][number], compute: ComputeFacts): Finding[] {
  if (d.computeType !== 'Kubernetes' || !d.instanceType) return [];
  const offered = compute.instanceTypes.length ? compute.instanceTypes : [BUILT_IN_INSTANCE_TYPE];
  if (offered.includes(d.instanceType)) return [];
  const span = d.spans.instanceType ?? d.spans.name;
  const position = span ? at(d.file, span) : endpointPosition(ctx, (s) => s.compute);
  const caseOnly = offered.find((t) => t.toLowerCase() === d.instanceType?.toLowerCase());
  const near = caseOnly ?? closest(d.instanceType, offered);
  return [
    makeFinding('instance-type-unavailable', position, `instance_type ${d.instanceType}: Kubernetes compute ${compute.name} defines no such instance type${caseOnly ? ' (names are case-sensitive)' : ''}. It defines: ${offered.join(', ')}${compute.defaultInstanceType ? ` (default ${compute.defaultInstanceType})` : ''}.`, {
      hint: near ? `Did you mean ${near}? instance_type: ${near}` : `Use one of the cluster's instance types, or create ${d.instanceType} on the cluster (an InstanceType resource of the Azure ML extension).`,
    }),
  ];
}

// kubernetes-compute: table tests with plain facts (docs/online-checks.md §kubernetes-compute).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { computeKey, kubernetesComputeCheck } from './kubernetes-compute.ts';
import { endpointStateCheck } from './endpoint-state.ts';
import { brief, context, deploymentSpec, endpointSpec, facts, span, WS } from './testkit.ts';
import type { ComputeFacts, LiveEndpointFacts, Lookup } from './facts.ts';

const k8s = (p: Partial<ComputeFacts> = {}): Lookup<ComputeFacts> => ({ kind: 'found', value: { name: 'k8s-cluster', computeType: 'Kubernetes', instanceTypes: ['gpu-small', 'cpu-large'], defaultInstanceType: 'cpu-large', ...p } });
const endpoint = endpointSpec({ computeType: 'Kubernetes', compute: { name: 'k8s-cluster' }, spans: { name: span(1), compute: span(2, 10, 19), properties: {} } });
const deployment = (instanceType?: string) => deploymentSpec({ computeType: 'Kubernetes', instanceType });

describe('kubernetes-compute check', () => {
  const table: Array<{ name: string; computes: Record<string, Lookup<ComputeFacts>>; instanceType?: string; want: string[]; message?: RegExp; hint?: RegExp }> = [
    { name: 'exists, Kubernetes, instance type defined', computes: { 'k8s-cluster': k8s() }, instanceType: 'gpu-small', want: [] },
    { name: 'no instance_type: the cluster default serves it', computes: { 'k8s-cluster': k8s() }, want: [] },
    { name: 'missing: on compute:', computes: { 'k8s-cluster': { kind: 'missing' } }, instanceType: 'gpu-small', want: ['compute-not-found@2:error'], message: /has no compute of that name/ },
    { name: 'not Kubernetes', computes: { 'k8s-cluster': k8s({ computeType: 'AmlCompute' }) }, want: ['compute-not-found@2:error'], message: /is a AmlCompute, not an attached Kubernetes cluster/ },
    { name: 'instance type misspelt: on instance_type, did you mean', computes: { 'k8s-cluster': k8s() }, instanceType: 'gpu-smal', want: ['instance-type-unavailable@6:error'], message: /defines no such instance type\. It defines: gpu-small, cpu-large \(default cpu-large\)/, hint: /Did you mean gpu-small\?/ },
    { name: 'instance type differs in case only', computes: { 'k8s-cluster': k8s() }, instanceType: 'GPU-small', want: ['instance-type-unavailable@6:error'], message: /case-sensitive/ },
    { name: 'a cluster without instance types serves defaultinstancetype only (assumed)', computes: { 'k8s-cluster': k8s({ instanceTypes: [], defaultInstanceType: undefined }) }, instanceType: 'defaultinstancetype', want: [] },
    { name: 'unreadable: cannot-verify', computes: { 'k8s-cluster': { kind: 'unreadable', why: '403 AuthorizationFailed', permission: 'Microsoft.MachineLearningServices/workspaces/computes/read' } }, want: ['cannot-verify@2:warning'], hint: /computes\/read/ },
    { name: 'not read: nothing', computes: {}, want: [] },
  ];
  for (const c of table) {
    test(c.name, () => {
      const findings = kubernetesComputeCheck.run(context({ endpoint, deployments: [deployment(c.instanceType)], facts: facts({ computes: c.computes }) }));
      assert.deepEqual(brief(findings), c.want);
      if (c.message) assert.match(findings[0]?.message ?? '', c.message);
      if (c.hint) assert.match(findings[0]?.hint ?? '', c.hint);
    });
  }
  // Deployment files only: the compute comes from the live endpoint's properties.compute (an ARM id).
  const liveEndpoint = (compute?: string): Lookup<LiveEndpointFacts> => ({ kind: 'found', value: { name: 'my-endpoint', provisioningState: 'Succeeded', identity: { type: 'SystemAssigned', userAssigned: {} }, traffic: {}, mirrorTraffic: {}, properties: {}, body: {}, ...(compute ? { compute } : {}) } });
  const liveTable: Array<{ name: string; endpoint: Lookup<LiveEndpointFacts>; computes: Record<string, Lookup<ComputeFacts>>; instanceType?: string; want: string[]; message?: RegExp; hint?: RegExp }> = [
    { name: 'deployment files only, the live compute is gone: compute-not-found on endpoint_name, says where the compute came from', endpoint: liveEndpoint(`${WS}/computes/k8s-cluster`), computes: { 'k8s-cluster': { kind: 'missing' } }, instanceType: 'gpu-small', want: ['compute-not-found@2:error'], message: /compute k8s-cluster \(properties\.compute of the live endpoint my-endpoint; no endpoint file was given\): the workspace has no compute of that name, so deployments of endpoint my-endpoint cannot run on it/, hint: /az ml compute attach --type Kubernetes --name k8s-cluster/ },
    { name: 'deployment files only, live compute exists: instance type checked against it', endpoint: liveEndpoint(`${WS}/computes/K8s-Cluster`), computes: { 'k8s-cluster': k8s() }, instanceType: 'gpu-smal', want: ['instance-type-unavailable@6:error'], hint: /Did you mean gpu-small\?/ },
    { name: 'deployment files only, live compute is not Kubernetes', endpoint: liveEndpoint(`${WS}/computes/k8s-cluster`), computes: { 'k8s-cluster': k8s({ computeType: 'AmlCompute' }) }, want: ['compute-not-found@2:error'], message: /not an attached Kubernetes cluster/ },
    { name: 'deployment files only, live compute unreadable: cannot-verify', endpoint: liveEndpoint(`${WS}/computes/k8s-cluster`), computes: { 'k8s-cluster': { kind: 'unreadable', why: '403 AuthorizationFailed' } }, want: ['cannot-verify@2:warning'] },
    { name: 'deployment files only, a managed live endpoint (no compute): nothing', endpoint: liveEndpoint(), computes: { 'k8s-cluster': { kind: 'missing' } }, want: [] },
    { name: 'deployment files only, no live endpoint: nothing here (endpoint-not-found says it)', endpoint: { kind: 'missing' }, computes: { 'k8s-cluster': { kind: 'missing' } }, want: [] },
  ];
  for (const c of liveTable) {
    test(c.name, () => {
      const findings = kubernetesComputeCheck.run(context({ endpoint: undefined, deployments: [deployment(c.instanceType)], facts: facts({ endpoint: c.endpoint, computes: c.computes }) }));
      assert.deepEqual(brief(findings), c.want);
      if (c.message) assert.match(findings[0]?.message ?? '', c.message);
      if (c.hint) assert.match(findings[0]?.hint ?? '', c.hint);
    });
  }
  test('deployment files only, no live endpoint: endpoint-not-found is the finding (endpoint-state)', () => {
    const findings = endpointStateCheck.run(context({ endpoint: undefined, deployments: [deployment('gpu-small')], facts: facts({ endpoint: { kind: 'missing' } }) }));
    assert.deepEqual(brief(findings), ['endpoint-not-found@2:error']);
  });
  test('a managed endpoint: nothing', () => {
    assert.deepEqual(kubernetesComputeCheck.run(context({ facts: facts({ computes: { 'k8s-cluster': { kind: 'missing' } } }) })), []);
  });
  test('computeKey: name or the last segment of an ARM id, lower-cased', () => {
    assert.equal(computeKey({ name: 'K8s' }), 'k8s');
    assert.equal(computeKey({ id: '/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w/computes/Arc1' }), 'arc1');
  });
});

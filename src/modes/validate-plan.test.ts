// The plan's one diff (liveDiff) and the plan itself (computePlan): what validate shows is what
// apply sends. Table-driven: the cases the one-plan issue found (a removed variable, a dropped tag,
// a change of letter case, trace tags, service bookkeeping, durations, traffic from the inputs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparePlans } from './approved-plan.ts';
import { liveDiff, trafficRequest } from './validate-plan.ts';
import { describeTraffic, planTraffic } from '../apply/traffic-plan.ts';

const desired = { location: 'eastus', identity: { type: 'SystemAssigned' }, tags: { team: 'ml', 'github.run': 'run-2', 'deployed-by': 'azureml-online-deploy' }, properties: { authMode: 'Key', properties: { flag: 'enabled' }, traffic: { blue: 100 }, environmentVariables: { LOG_LEVEL: 'info' }, requestSettings: { requestTimeout: 'PT1M30S' } } };
const live = { id: '/x', location: 'East US', identity: { type: 'SystemAssigned', principalId: 'p' }, tags: { team: 'ml', 'github.run': 'run-1', 'deployed-by': 'azureml-online-deploy' }, properties: { authMode: 'key', provisioningState: 'Succeeded', properties: { flag: 'enabled', createdBy: 'svc', 'azureml.onlineendpointid': 'x' }, traffic: { green: 100 }, environmentVariables: { LOG_LEVEL: 'info' }, requestSettings: { requestTimeout: 'PT90S' } } };
const with_ = (patch: (b: typeof desired) => void) => {
  const b = structuredClone(desired);
  patch(b);
  return b;
};

describe('liveDiff: the one diff of plan and apply', () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown> | undefined, 'create' | 'update' | 'no change', RegExp?][] = [
    ['missing resource is a create', desired, undefined, 'create'],
    ['trace tags, service bookkeeping (createdBy), location display name, enum case, traffic and PT90S = PT1M30S are no change', desired, live, 'no change'],
    ['a removed variable is an update', with_((b) => { b.properties.environmentVariables = {} as typeof b.properties.environmentVariables; }), live, 'update', /environmentVariables\.LOG_LEVEL: − info/],
    ['a dropped tag is an update', with_((b) => { b.tags = { 'github.run': 'run-2' } as typeof b.tags; }), live, 'update', /tags\.team: − ml/],
    ['a variable whose value changes only in letter case is an update', with_((b) => { b.properties.environmentVariables.LOG_LEVEL = 'INFO'; }), live, 'update', /LOG_LEVEL: info → INFO/],
  ];
  for (const [name, body, liveBody, change, line] of cases) {
    it(name, () => {
      const d = liveDiff(body, liveBody, []);
      assert.equal(d.change, change, d.diff.join('\n'));
      if (line) assert.ok(d.diff.some((l) => line.test(l)), d.diff.join('\n'));
    });
  }
  it('short values are not masked inside the diff; long secret values are', () => {
    const d = liveDiff(with_((b) => { b.properties.environmentVariables.LOG_LEVEL = 'Standard_DS3_v2 s3cr3t-value'; }), live, ['s3cr3t-value']);
    assert.ok(d.diff.some((l) => l.includes('Standard_DS3_v2 ***')), d.diff.join('\n'));
  });
});

describe('traffic: planned from the inputs, the file and the live endpoint', () => {
  const noGates = { traffic: undefined, rolloutSteps: undefined, mirrorPercent: undefined, smokeRequestFile: undefined, maxErrorRate: undefined, maxLatencyP99Ms: undefined, bakeTimeMs: undefined, rollbackOnFailure: true, keepFailedDeployment: false, keepDeployments: 1 };
  const cases: [string, Parameters<typeof trafficRequest>[0], Record<string, number>, string][] = [
    ['traffic: blue=100 on an endpoint at blue=100 plans no change', { ...noGates, traffic: { kind: 'map', weights: { blue: 100 } } }, { blue: 100 }, 'blue=100 (no change)'],
    ['traffic: green=100 plans what Azure will hold', { ...noGates, traffic: { kind: 'map', weights: { green: 100 } } }, { blue: 100 }, 'blue=100 → green=100; a rollback restores blue=100'],
    ['rollout-steps show every step', { ...noGates, rolloutSteps: [10, 50, 100] }, { blue: 100 }, 'blue=100 → blue=90,green=10 → blue=50,green=50 → green=100; a rollback restores blue=100'],
  ];
  for (const [name, inputs, liveTraffic, expected] of cases) {
    it(name, () => {
      const tp = planTraffic({ live: liveTraffic, liveMirror: {}, deployment: 'green', deployments: ['blue', 'green'], request: trafficRequest(inputs, undefined), gatesConfigured: false });
      const last = tp.steps.at(-1);
      assert.equal(describeTraffic({ before: tp.previous.traffic, after: last?.traffic ?? tp.previous.traffic, mirrorBefore: {}, mirrorAfter: {}, steps: tp.steps, rollback: tp.previous }), expected);
    });
  }
});

describe('an approved plan executed exactly', () => {
  const request = { method: 'PUT' as const, path: '/subscriptions/s/x/onlineEndpoints/ep/deployments/blue', apiVersion: 'v', description: 'update deployment blue', body: { tags: { 'github.run': 'run-1', team: 'ml' } }, change: 'update' as const, diff: ['tags.team: + ml'] };
  const plan = { requests: [request], assets: [], traffic: { before: { blue: 100 }, after: { blue: 100 }, mirrorBefore: {}, mirrorAfter: {}, steps: [], rollback: { traffic: { blue: 100 }, mirrorTraffic: {} } } };
  it('the same plan from another run (other trace tags) matches', () => {
    assert.deepEqual(comparePlans(JSON.parse(JSON.stringify(plan)), { ...plan, requests: [{ ...request, body: { tags: { 'github.run': 'run-2', team: 'ml' } } }] }), []);
  });
  const differs: [string, unknown, RegExp][] = [
    ['another action', { ...plan, requests: [{ ...request, change: 'no change', diff: [] }] }, /approved no change, now update/],
    ['other field changes', { ...plan, requests: [{ ...request, diff: ['tags.team: − ml'] }] }, /field changes differ/],
    ['other traffic', { ...plan, traffic: { ...plan.traffic, before: { green: 100 } } }, /traffic differs \(approved green=100, now blue=100\)/],
    ['not a plan', { hello: 1 }, /not a plan file/],
  ];
  for (const [name, approved, message] of differs) it(`refuses ${name}`, () => assert.match(comparePlans(approved, plan).join('\n'), message));
});

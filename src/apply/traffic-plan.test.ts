import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planTraffic, shareWith, type TrafficPlanInput } from './traffic-plan.ts';

const base: TrafficPlanInput = { live: { blue: 100 }, liveMirror: {}, deployment: 'green', deployments: ['blue', 'green'], request: { kind: 'none' }, gatesConfigured: true };
const traffics = (input: Partial<TrafficPlanInput>) => planTraffic({ ...base, ...input }).steps.map((s) => [s.traffic, s.mirrorTraffic]);

describe('shareWith: the others keep their proportions', () => {
  const cases: [Record<string, number>, string, number, Record<string, number>][] = [
    [{ blue: 100 }, 'green', 10, { blue: 90, green: 10 }],
    [{ blue: 60, red: 40 }, 'green', 50, { blue: 30, green: 50, red: 20 }],
    [{ blue: 50, red: 50 }, 'green', 33, { blue: 34, green: 33, red: 33 }],
    [{ a: 1, b: 1, c: 1 }, 'green', 10, { a: 30, b: 30, c: 30, green: 10 }],
    [{ blue: 100 }, 'green', 100, { green: 100 }],
    [{ Blue: 90, green: 10 }, 'GREEN', 50, { blue: 50, green: 50 }],
    [{}, 'green', 10, { green: 100 }],
  ];
  for (const [live, name, share, want] of cases) {
    it(`${JSON.stringify(live)} + ${name} ${share} → ${JSON.stringify(want)}`, () => {
      const got = shareWith(live, name, share);
      assert.deepEqual(got, want);
      assert.equal(Object.values(got).reduce((a, b) => a + b, 0), 100);
    });
  }
});

describe('planTraffic', () => {
  it('rollout-steps move the new deployment up step by step', () => {
    assert.deepEqual(traffics({ request: { kind: 'steps', steps: [10, 50, 100] } }), [
      [{ blue: 90, green: 10 }, {}],
      [{ blue: 50, green: 50 }, {}],
      [{ green: 100 }, {}],
    ]);
  });
  it('mirrors first, never to a deployment that is live, at most 50 %', () => {
    assert.deepEqual(traffics({ request: { kind: 'steps', steps: [50, 100] }, mirrorPercent: 20 }), [
      [{ blue: 100 }, { green: 20 }],
      [{ blue: 50, green: 50 }, {}],
      [{ green: 100 }, {}],
    ]);
    assert.match(planTraffic({ ...base, live: { blue: 90, green: 10 }, request: { kind: 'all' }, mirrorPercent: 10 }).problems[0] ?? '', /already serves 10 % of live traffic/);
    assert.match(planTraffic({ ...base, request: { kind: 'all' }, mirrorPercent: 60 }).problems[0] ?? '', /at most 50/);
    assert.match(planTraffic({ ...base, live: {}, request: { kind: 'all' }, mirrorPercent: 10 }).problems[0] ?? '', /nothing to mirror/);
  });
  it('skips steps the deployment has already reached, and a finished rollout is a no-op', () => {
    const plan = planTraffic({ ...base, live: { blue: 50, green: 50 }, request: { kind: 'steps', steps: [10, 50, 100] } });
    assert.deepEqual(plan.steps.map((s) => s.traffic), [{ green: 100 }]);
    assert.match(plan.notes[0] ?? '', /already serves 50 %/);
    assert.deepEqual(planTraffic({ ...base, live: { green: 100 }, request: { kind: 'steps', steps: [10, 50, 100] } }).steps, []);
  });
  it('a first deployment goes to 100 % in one step (no traffic to shift away from)', () => {
    const plan = planTraffic({ ...base, live: {}, request: { kind: 'steps', steps: [10, 50, 100] } });
    assert.deepEqual(plan.steps.map((s) => s.traffic), [{ green: 100 }]);
    assert.match(plan.notes[0] ?? '', /one step/);
  });
  it('an explicit map, all, the endpoint file, or nothing', () => {
    assert.deepEqual(traffics({ request: { kind: 'map', weights: { blue: 80, green: 20 } } }), [[{ blue: 80, green: 20 }, {}]]);
    assert.deepEqual(traffics({ request: { kind: 'all' } }), [[{ green: 100 }, {}]]);
    assert.deepEqual(traffics({ request: { kind: 'file', traffic: { blue: 70, green: 30 }, mirrorTraffic: {} } }), [[{ blue: 70, green: 30 }, {}]]);
    assert.deepEqual(traffics({ request: { kind: 'file', traffic: {}, mirrorTraffic: {} } }), []);
    assert.deepEqual(traffics({ request: { kind: 'none' } }), []);
    assert.deepEqual(traffics({ request: { kind: 'map', weights: { blue: 100 } } }), []);
  });
  it('refuses a map naming an unknown deployment, and all without a deployment file', () => {
    assert.match(planTraffic({ ...base, request: { kind: 'map', weights: { blue: 50, red: 50 } } }).problems[0] ?? '', /'red' is neither deployed/);
    assert.match(planTraffic({ ...base, deployment: undefined, request: { kind: 'all' } }).problems[0] ?? '', /needs a deployment file/);
  });
  it('keeps the previous map as read, normalised, for the restore', () => {
    assert.deepEqual(planTraffic({ ...base, live: { Blue: 100, old: 0 }, liveMirror: { x: 0 } }).previous, { traffic: { blue: 100 }, mirrorTraffic: {} });
  });
});

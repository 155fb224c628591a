// The LRO wait in fake time: the poll schedule without Retry-After, one log line per state, and a
// poll that fails transiently (429, 5xx, a reset) asked again about one interval later inside the
// deadline — not given up, not after `interval` seconds, never past the deadline.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { armError, fakeClock } from '../../test/fixtures/fake-endpoint.ts';
import type { Clock } from '../azure/retry.ts';
import type { ArmClient, ArmRequest } from '../azure/session.ts';
import { PollLog, SDK_POLL_INTERVAL_MS, operationKind, pollWaitMs, runLro, timeScale } from './lro.ts';

const EP = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/onlineEndpoints/ep';
const DEP = `${EP}/deployments/blue`;

/** A virtual clock: sleeping advances it at once. */
function virtualClock(): Clock & { t: number } {
  const c = {
    t: 1_000_000,
    now: () => c.t,
    sleep: async (ms: number) => {
      c.t += Math.max(0, ms);
    },
  };
  return c;
}

/**
 * An operation as recorded: PUT → 201 with Azure-AsyncOperation, status `Updating` until `durationMs` after the write,
 * then `Succeeded`; no Retry-After unless given. Each request takes `rttMs` of the clock.
 */
function azure(clock: ReturnType<typeof virtualClock>, durationMs: number, opts: { rttMs?: number; retryAfter?: string } = {}): { arm: ArmClient; statusGets: number[]; doneAt: () => number } {
  let start = 0;
  const statusGets: number[] = [];
  const arm: ArmClient = {
    send: async <T>(req: ArmRequest) => {
      clock.t += opts.rttMs ?? 0;
      const extra: Record<string, string> = opts.retryAfter ? { 'retry-after': opts.retryAfter } : {};
      if (req.method === 'PUT') {
        start = clock.t;
        return { status: 201, headers: { 'azure-asyncoperation': 'https://management.azure.com/op/1?api-version=x', ...extra }, body: { properties: { provisioningState: 'Updating' } } as T };
      }
      if (/\/op\/1/.test(req.path)) {
        statusGets.push(clock.t);
        const done = clock.t >= start + durationMs;
        return { status: 200, headers: done ? {} : extra, body: { status: done ? 'Succeeded' : 'Updating' } as T };
      }
      return { status: 200, headers: {}, body: { properties: { provisioningState: 'Succeeded' } } as T };
    },
  };
  return { arm, statusGets, doneAt: () => start + durationMs };
}

describe('LRO poll schedule without Retry-After (Azure sends none: test/fixtures/recorded/ml-online.json)', () => {
  it("takes azure-ai-ml's interval for the resource: 5 s for a deployment, 30 s for an endpoint", () => {
    assert.equal(operationKind(DEP), 'deployment');
    assert.equal(operationKind(`${DEP.toLowerCase()}`), 'deployment');
    assert.equal(operationKind(EP), 'endpoint');
    assert.deepEqual(SDK_POLL_INTERVAL_MS, { deployment: 5000, endpoint: 30_000 });
    assert.equal(pollWaitMs(undefined, 5000), 5000);
    assert.equal(pollWaitMs(12_000, 5000), 12_000, "the service's Retry-After wins");
  });

  for (const [what, path, durationMs] of [
    ['a deployment create (582 s, recorded)', DEP, 582_000],
    ['an endpoint create (90 s, recorded)', EP, 90_000],
    ['a traffic update (20 s, recorded)', EP, 20_000],
    ['a deployment that ends fast (7 s)', DEP, 7_000],
  ] as const) {
    it(`${what}: never more status polls than the SDK, the terminal state seen within one interval`, async () => {
      for (const rttMs of [0, 40, 700]) {
        const clock = virtualClock();
        const service = azure(clock, durationMs, { rttMs });
        const outcome = await runLro(service.arm, { method: 'PUT', path, apiVersion: 'v' }, { label: 'x', deadline: clock.t + 3_600_000, clock });
        assert.equal(outcome.kind, 'succeeded');
        const interval = SDK_POLL_INTERVAL_MS[operationKind(path)];
        // azure-core waits one interval before each poll: ceil(D / interval) status polls for an operation of D.
        assert.ok(service.statusGets.length <= Math.ceil(durationMs / interval), `${service.statusGets.length} polls (rtt ${rttMs})`);
        const seen = service.statusGets.at(-1) ?? 0;
        assert.ok(seen - service.doneAt() <= interval + 2 * rttMs, `seen ${seen - service.doneAt()} ms late (rtt ${rttMs})`);
      }
    });
  }

  it("a service's Retry-After is honoured instead of the interval", async () => {
    const clock = virtualClock();
    const service = azure(clock, 60_000, { retryAfter: '20' });
    await runLro(service.arm, { method: 'PUT', path: DEP, apiVersion: 'v' }, { label: 'x', deadline: clock.t + 3_600_000, clock });
    assert.deepEqual(service.statusGets.map((t, i) => t - (service.statusGets[i - 1] ?? service.doneAt() - 60_000)), [20_000, 20_000, 20_000]);
  });

  it('the budget ends the wait: a timeout, not a failure', async () => {
    const service = azure(virtualClock(), 600_000);
    const realTime: Clock = { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 20))) };
    const outcome = await runLro(service.arm, { method: 'PUT', path: DEP, apiVersion: 'v' }, { label: 'x', deadline: Date.now() + 200, clock: realTime });
    assert.equal(outcome.kind, 'timeout');
  });

  it('AZUREML_DEPLOY_TEST_TIME_SCALE scales the schedule for tests, only within (0, 1]', () => {
    assert.equal(timeScale({}), 1);
    assert.equal(timeScale({ AZUREML_DEPLOY_TEST_TIME_SCALE: '0.005' }), 0.005);
    for (const ignored of ['0', '-1', '2', 'fast', ' ']) assert.equal(timeScale({ AZUREML_DEPLOY_TEST_TIME_SCALE: ignored }), 1, ignored);
  });

  it('logs one line per state change and a heartbeat a minute, not one per poll', () => {
    const log = new PollLog(60_000);
    const states = ['Updating', 'Updating', 'Updating', 'Updating', 'Succeeded'];
    const at = [0, 5000, 61_000, 66_000, 70_000];
    assert.deepEqual(states.map((s, i) => log.shouldLog(s, at[i] ?? 0)), [true, false, true, false, true]);
  });
});

const OP = 'https://management.azure.com/subscriptions/s/providers/Microsoft.MachineLearningServices/locations/eastus/mfeOperationsStatus/od:1';
const PATH = DEP; // a deployment: azure-ai-ml's 5 s interval

/** A PUT answered 201 with an operation to poll; each poll of the operation takes the next scripted answer. */
function fakeArm(script: Array<'Updating' | 'Succeeded' | 'Failed' | { fail: number; retryAfterMs?: number }>): { arm: ArmClient; opPolls: () => number } {
  let n = 0;
  const arm = {
    async send(req: ArmRequest) {
      if (req.method === 'PUT') return { status: 201, headers: { 'azure-asyncoperation': OP }, body: { name: 'blue', properties: { provisioningState: 'Updating' } } };
      if (req.path === OP) {
        const step = script[Math.min(n++, script.length - 1)];
        if (typeof step === 'object') throw armError(step.fail, step.fail === 429 ? 'TooManyRequests' : step.fail === 0 ? 'ECONNRESET' : 'ServiceUnavailable', 'poll failed', step.retryAfterMs);
        return { status: 200, headers: {}, body: { status: step, ...(step === 'Failed' ? { error: { code: 'BadThing', message: 'no' } } : {}) } };
      }
      return { status: 200, headers: {}, body: { name: 'ep', properties: { provisioningState: 'Succeeded' } } };
    },
  } as unknown as ArmClient;
  return { arm, opPolls: () => n };
}

describe('runLro in fake time', () => {
  const put = { method: 'PUT' as const, path: PATH, apiVersion: '2026-09-01', body: {} };
  const cases: Array<[string, Parameters<typeof fakeArm>[0], number, { kind: string; sleeps: number[] }]> = [
    ['the schedule: one interval (5 s) before each poll, the first included', ['Updating', 'Updating', 'Updating', 'Updating', 'Updating', 'Succeeded'], 600_000, { kind: 'succeeded', sleeps: [5000, 5000, 5000, 5000, 5000, 5000] }],
    ['a 503 poll is asked again one interval (5 s) later, not given up', ['Updating', 'Updating', { fail: 503 }, 'Succeeded'], 600_000, { kind: 'succeeded', sleeps: [5000, 5000, 5000, 5000] }],
    ['a reset and a 429 early on: one interval later each', [{ fail: 0 }, { fail: 429 }, 'Succeeded'], 600_000, { kind: 'succeeded', sleeps: [5000, 5000, 5000] }],
    ['a 429 poll with Retry-After waits what it asks', ['Updating', { fail: 429, retryAfterMs: 7000 }, 'Succeeded'], 600_000, { kind: 'succeeded', sleeps: [5000, 5000, 7000] }],
    ['a Retry-After past the deadline ends the wait at once: a timeout, never a wait past it', ['Updating', { fail: 429, retryAfterMs: 90_000 }, 'Succeeded'], 20_000, { kind: 'timeout', sleeps: [5000, 5000] }],
    ['polls failing until the deadline: a timeout inside the budget, not a failed operation', [{ fail: 503 }], 20_000, { kind: 'timeout', sleeps: [5000, 5000, 5000, 5000] }],
    ['a failed operation is failed', ['Updating', 'Failed'], 600_000, { kind: 'failed', sleeps: [5000, 5000] }],
  ];
  for (const [name, script, budgetMs, expected] of cases) {
    it(name, async () => {
      const clock = fakeClock();
      const { arm } = fakeArm(script);
      const outcome = await runLro(arm, put, { label: 'Endpoint ep', deadline: clock.now() + budgetMs, clock });
      assert.equal(outcome.kind, expected.kind);
      assert.deepEqual(clock.sleeps, expected.sleeps);
      assert.ok(clock.sleeps.reduce((a, b) => a + b, 0) <= budgetMs, 'never waits past the deadline');
    });
  }
});

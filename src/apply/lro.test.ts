import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Clock } from '../azure/retry.ts';
import type { ArmClient, ArmRequest } from '../azure/rest.ts';
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

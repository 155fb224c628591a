// The LRO wait in fake time: the poll schedule without Retry-After, one log line per state, and a
// poll that fails transiently (429, 5xx, a reset) asked again about one interval later inside the
// deadline — not given up, not after `interval` seconds, never past the deadline.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { armError, fakeClock } from '../../test/fixtures/fake-endpoint.ts';
import type { ArmClient, ArmRequest } from '../azure/session.ts';
import { PollLog, pollDelayMs, runLro } from './lro.ts';

describe('LRO poll schedule without Retry-After (Azure sends none: test/fixtures/recorded/ml-online.json)', () => {
  it('polls at once, backs off 1 s, 2 s, 3 s, then settles at the SDK interval and never polls more often', () => {
    assert.deepEqual([0, 1, 2, 3, 4, 50].map((n) => pollDelayMs(n, 5000)), [0, 1000, 2000, 3000, 5000, 5000]);
    assert.deepEqual([0, 1, 2, 3].map((n) => pollDelayMs(n, 1500)), [0, 1000, 1500, 1500]);
    // A 582 s deployment (recorded) costs about 120 polls, as azure-ai-ml's 5 s interval does (not ~290 at 2 s).
    let t = 0;
    let polls = 0;
    while (t < 582_000) t += pollDelayMs(polls++, 5000);
    assert.ok(polls <= Math.ceil(582_000 / 5000) + 4, String(polls));
  });

  it('logs one line per state change and a heartbeat a minute, not one per poll', () => {
    const log = new PollLog(60_000);
    const states = ['Updating', 'Updating', 'Updating', 'Updating', 'Succeeded'];
    const at = [0, 5000, 61_000, 66_000, 70_000];
    assert.deepEqual(states.map((s, i) => log.shouldLog(s, at[i] ?? 0)), [true, false, true, false, true]);
  });
});

const OP = 'https://management.azure.com/subscriptions/s/providers/Microsoft.MachineLearningServices/locations/eastus/mfeOperationsStatus/od:1';
const PATH = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/onlineEndpoints/ep';

/** A PUT answered 201 with an operation to poll; each poll of the operation takes the next scripted answer. */
function fakeArm(script: Array<'Updating' | 'Succeeded' | 'Failed' | { fail: number; retryAfterMs?: number }>): { arm: ArmClient; opPolls: () => number } {
  let n = 0;
  const arm = {
    async send(req: ArmRequest) {
      if (req.method === 'PUT') return { status: 201, headers: { 'azure-asyncoperation': OP }, body: { name: 'ep', properties: { provisioningState: 'Updating' } } };
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
    ['the schedule: at once, then 1 s, 2 s, 3 s, 5 s', ['Updating', 'Updating', 'Updating', 'Updating', 'Updating', 'Succeeded'], 600_000, { kind: 'succeeded', sleeps: [1000, 2000, 3000, 5000, 5000] }],
    ['a 503 poll once settled is asked again one interval (5 s) later, not given up', ['Updating', 'Updating', 'Updating', 'Updating', { fail: 503 }, 'Succeeded'], 600_000, { kind: 'succeeded', sleeps: [1000, 2000, 3000, 5000, 5000] }],
    ['a reset and a 429 early on: about one interval of the schedule (at least 1 s)', [{ fail: 0 }, { fail: 429 }, 'Succeeded'], 600_000, { kind: 'succeeded', sleeps: [1000, 2000] }],
    ['a 429 poll with Retry-After waits what it asks', ['Updating', { fail: 429, retryAfterMs: 7000 }, 'Succeeded'], 600_000, { kind: 'succeeded', sleeps: [1000, 7000] }],
    ['a Retry-After past the deadline ends the wait at once: a timeout, never a wait past it', ['Updating', { fail: 429, retryAfterMs: 90_000 }, 'Succeeded'], 20_000, { kind: 'timeout', sleeps: [1000] }],
    ['polls failing until the deadline: a timeout inside the budget, not a failed operation', [{ fail: 503 }], 20_000, { kind: 'timeout', sleeps: [1000, 2000, 3000, 5000, 5000] }],
    ['a failed operation is failed', ['Updating', 'Failed'], 600_000, { kind: 'failed', sleeps: [1000] }],
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

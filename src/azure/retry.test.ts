// The one retry loop, in fake time: Retry-After honoured, never past the deadline, back-off doubling.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeClock } from '../../test/fixtures/fake-endpoint.ts';
import { retrying } from './retry.ts';

class Busy extends Error {
  readonly retryAfterMs?: number;
  constructor(retryAfterMs?: number) {
    super('busy');
    this.retryAfterMs = retryAfterMs;
  }
}

describe('retrying', () => {
  const cases: Array<[string, { failures: number; retryAfterMs?: number; budgetMs: number }, { ok: boolean; sleeps: number[] }]> = [
    ['back-off doubles without Retry-After', { failures: 3, budgetMs: 60_000 }, { ok: true, sleeps: [1000, 2000, 4000] }],
    ['Retry-After replaces the back-off', { failures: 2, retryAfterMs: 7000, budgetMs: 60_000 }, { ok: true, sleeps: [7000, 7000] }],
    ['a Retry-After past the deadline ends it at once (timeout 20 s, Retry-After 90 s)', { failures: 1, retryAfterMs: 90_000, budgetMs: 20_000 }, { ok: false, sleeps: [] }],
    ['the back-off stops before the deadline', { failures: 10, budgetMs: 5000 }, { ok: false, sleeps: [1000, 2000] }],
  ];
  for (const [name, input, expected] of cases) {
    it(name, async () => {
      const clock = fakeClock();
      let calls = 0;
      const run = retrying('x', { deadline: clock.now() + input.budgetMs, retryable: (e) => e instanceof Busy, retryAfterMs: (e) => (e as Busy).retryAfterMs, clock }, async () => {
        calls += 1;
        if (calls <= input.failures) throw new Busy(input.retryAfterMs);
        return 'done';
      });
      if (expected.ok) assert.equal(await run, 'done');
      else await assert.rejects(run, Busy);
      assert.deepEqual(clock.sleeps, expected.sleeps);
    });
  }

  it('a failure that is not retryable is thrown at once', async () => {
    const clock = fakeClock();
    await assert.rejects(retrying('x', { deadline: clock.now() + 60_000, retryable: () => false, clock }, async () => { throw new Error('final'); }), /final/);
    assert.deepEqual(clock.sleeps, []);
  });
});

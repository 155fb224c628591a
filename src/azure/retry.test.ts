// The one retry loop, in fake time: Retry-After honoured, never past the deadline, back-off doubling.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeClock } from '../../test/fixtures/fake-endpoint.ts';
import { NotYet, polling, retrying } from './retry.ts';

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

describe('polling', () => {
  it('looks again after each NotYet wait, quietly, until the state comes', async () => {
    const clock = fakeClock();
    const lines: string[] = [];
    let looks = 0;
    const got = await polling('op', { deadline: clock.now() + 60_000, clock, log: (l) => lines.push(l) }, async () => {
      looks += 1;
      if (looks < 3) throw new NotYet('Updating', 5000);
      return 'done';
    });
    assert.deepEqual([got, clock.sleeps, lines], [{ done: true, value: 'done' }, [5000, 5000], []]);
  });

  it('ends with the last state when the next wait would pass the deadline', async () => {
    const clock = fakeClock();
    const got = await polling('op', { deadline: clock.now() + 12_000, clock }, async () => {
      throw new NotYet('Updating', 5000);
    });
    assert.deepEqual([got, clock.sleeps], [{ done: false, state: 'Updating' }, [5000, 5000]]);
  });

  it('a retryable failure of a look is logged and asked again; any other is thrown', async () => {
    const clock = fakeClock();
    const lines: string[] = [];
    let looks = 0;
    const got = await polling('op', { deadline: clock.now() + 60_000, clock, retryable: (e) => e instanceof Busy, log: (l) => lines.push(l) }, async () => {
      if (++looks === 1) throw new Busy();
      return looks;
    });
    assert.deepEqual([got, clock.sleeps, lines.length], [{ done: true, value: 2 }, [1000], 1]);
    await assert.rejects(polling('op', { deadline: clock.now() + 60_000, clock }, async () => { throw new Error('final'); }), /final/);
  });
});

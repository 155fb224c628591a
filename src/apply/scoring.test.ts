// A gate's scoring request in fake time: an HTTP answer (5xx, 424, 429 included) is the gate's
// observation and never sent again; only a request that got no answer is, inside the gate's budget.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeClock } from '../../test/fixtures/fake-endpoint.ts';
import type { ScoringAnswer } from './gates.ts';
import { NoAnswer, SCORING_RETRY_BUDGET_MS, scoreWithin } from './scoring.ts';

describe('scoreWithin', () => {
  const cases: Array<[string, Array<ScoringAnswer | 'reset'>, number, { status: number; sends: number; sleeps: number[] }]> = [
    ['a 200 answer at once', [{ status: 200, body: '{}' }], 600_000, { status: 200, sends: 1, sleeps: [] }],
    ['a 500 from the model is an observation, sent once', [{ status: 500, body: 'boom' }, { status: 200, body: '{}' }], 600_000, { status: 500, sends: 1, sleeps: [] }],
    ['a 503 from the gateway is an observation too (users get it), sent once', [{ status: 503, body: '' }, { status: 200, body: '{}' }], 600_000, { status: 503, sends: 1, sleeps: [] }],
    ['a 429 is an observation, sent once', [{ status: 429, body: '' }, { status: 200, body: '{}' }], 600_000, { status: 429, sends: 1, sleeps: [] }],
    ['two resets, then the answer: sent again with back-off', ['reset', 'reset', { status: 200, body: '{}' }], 600_000, { status: 200, sends: 3, sleeps: [1000, 2000] }],
    ['a reset, then a 500: the 500 is judged', ['reset', { status: 500, body: '' }], 600_000, { status: 500, sends: 2, sleeps: [1000] }],
    ['no answer for the whole gate budget: status 0, never past it', ['reset'], 600_000, { status: 0, sends: 8, sleeps: [1000, 2000, 4000, 8000, 15_000, 15_000, 15_000] }],
    ['no answer, the run deadline nearer than the gate budget', ['reset'], 5000, { status: 0, sends: 3, sleeps: [1000, 2000] }],
  ];
  for (const [name, script, budgetMs, expected] of cases) {
    it(name, async () => {
      const clock = fakeClock();
      let sends = 0;
      const answer = await scoreWithin('Scoring request to green', { deadline: clock.now() + budgetMs, clock }, async () => {
        const step = script[Math.min(sends++, script.length - 1)];
        if (step === 'reset' || step === undefined) throw new NoAnswer('read ECONNRESET');
        return step;
      });
      assert.deepEqual([answer.status, sends, clock.sleeps], [expected.status, expected.sends, expected.sleeps]);
      assert.ok(clock.sleeps.reduce((a, b) => a + b, 0) <= Math.min(budgetMs, SCORING_RETRY_BUDGET_MS));
      if (answer.status === 0) assert.match(answer.error ?? '', /ECONNRESET/);
    });
  }
});

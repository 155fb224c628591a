import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PollLog, pollDelayMs } from './lro.ts';

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

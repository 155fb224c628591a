// Waiting out a busy resource in fake time, through the one poll loop: a line per look, the
// interval between looks, never written over, and a timeout rather than a wait past the deadline.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeClock } from '../../test/fixtures/fake-endpoint.ts';
import { waitWhileBusy } from './live.ts';

describe('waitWhileBusy', () => {
  const cases: Array<[string, string[], number, { kind: string; state?: string; sleeps: number[] }]> = [
    ['a terminal state: no wait', ['Succeeded'], 60_000, { kind: 'ready', state: 'Succeeded', sleeps: [] }],
    ['Updating twice, then Succeeded: two intervals', ['Updating', 'Updating', 'Succeeded'], 60_000, { kind: 'ready', state: 'Succeeded', sleeps: [5000, 5000] }],
    ['still Updating when the budget ends: a timeout, never a wait past it', ['Updating'], 12_000, { kind: 'timeout', state: 'Updating', sleeps: [5000, 5000] }],
  ];
  for (const [name, states, budgetMs, expected] of cases) {
    it(name, async () => {
      const clock = fakeClock();
      let reads = 0;
      const read = async () => ({ provisioningState: states[Math.min(reads++, states.length - 1)] ?? 'Succeeded' });
      const got = await waitWhileBusy('Endpoint ep', read, await read(), clock.now() + budgetMs, 5000, clock);
      assert.equal(got.kind, expected.kind);
      assert.equal(got.kind === 'ready' ? got.value?.provisioningState : got.state, expected.state);
      assert.deepEqual(clock.sleeps, expected.sleeps);
    });
  }

  it('a resource that disappears while waited for is ready with no value', async () => {
    const clock = fakeClock();
    const got = await waitWhileBusy('Deployment green', async () => undefined, { provisioningState: 'Deleting' }, clock.now() + 60_000, 5000, clock);
    assert.deepEqual(got, { kind: 'ready', value: undefined });
  });
});

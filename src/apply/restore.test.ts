// The restore of the previous traffic map (rollback, signal handler, post step) on a fake ARM in
// fake time: it does not depend on a read, has a budget of its own, honours Retry-After within it,
// awaits a write in flight, sends again after a late write of the run, never writes over someone
// else's change and never sends an empty map blind.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { armError, fakeClock, FakeEndpoint, stateFor, type Maps } from '../../test/fixtures/fake-endpoint.ts';
import { restoreTraffic } from './restore.ts';
import { runPost } from './post.ts';

const BLUE: Maps = { traffic: { blue: 100 }, mirrorTraffic: {} };
const STEP: Maps = { traffic: { blue: 50, green: 50 }, mirrorTraffic: {} };
const quiet = () => undefined;

describe('restoreTraffic', () => {
  it('sends the saved map although every read fails, and says the read-back is missing', async () => {
    const ep = new FakeEndpoint(STEP.traffic);
    ep.getFault = () => armError(403, 'AuthorizationFailed');
    const out = await restoreTraffic(ep.session, stateFor(BLUE), { ours: [STEP], clock: fakeClock(), log: quiet });
    assert.deepEqual(ep.puts, [BLUE]);
    assert.deepEqual(ep.traffic, BLUE.traffic);
    assert.equal(out.kind, 'failed');
    assert.match(out.kind === 'failed' ? out.why : '', /accepted but the endpoint could not be read/);
  });

  it('has its own budget: the restore goes through with the main timeout long spent, 503s and Retry-After honoured', async () => {
    const ep = new FakeEndpoint(STEP.traffic);
    ep.putFault = (n) => (n <= 8 ? armError(503, 'ServiceUnavailable', 'busy', 4000) : undefined);
    const clock = fakeClock();
    const out = await restoreTraffic(ep.session, stateFor(BLUE), { ours: [STEP], clock, budgetMs: 60_000, log: quiet });
    assert.equal(out.kind, 'restored');
    assert.deepEqual(ep.traffic, BLUE.traffic);
    assert.equal(ep.asked.length, 9);
    assert.deepEqual(clock.sleeps.filter((ms) => ms === 4000).length, 8, 'each wait is the Retry-After asked for');
  });

  it('a Retry-After beyond its budget ends it at once, never waiting it out', async () => {
    const ep = new FakeEndpoint(STEP.traffic);
    ep.putFault = () => armError(429, 'TooManyRequests', 'slow down', 90_000);
    const clock = fakeClock();
    const started = clock.now();
    const out = await restoreTraffic(ep.session, stateFor(BLUE), { ours: [STEP], clock, budgetMs: 20_000, log: quiet });
    assert.equal(out.kind, 'failed');
    assert.ok(clock.now() - started < 20_000, `waited ${clock.now() - started} ms`);
    assert.ok(!clock.sleeps.includes(90_000));
  });

  it('waits out a busy endpoint (409 Updating) instead of failing', async () => {
    const ep = new FakeEndpoint(STEP.traffic);
    ep.putFault = (n) => (n <= 2 ? armError(409, 'UserError', 'Cannot update endpoint ep because it is in Updating provisioning state.') : undefined);
    const out = await restoreTraffic(ep.session, stateFor(BLUE), { ours: [STEP], clock: fakeClock(), log: quiet });
    assert.equal(out.kind, 'restored');
    assert.equal(ep.asked.length, 3);
  });

  it('awaits the write in flight before it restores, and sends again when a late write of the run landed after it', async () => {
    const ep = new FakeEndpoint({ blue: 90, green: 10 });
    let land!: () => void;
    const inFlight = new Promise<void>((resolve) => (land = resolve));
    const clock = fakeClock();
    // The step write lands while the restore waits for it.
    clock.onSleep = () => {
      ep.traffic = STEP.traffic;
      land();
    };
    // …and once more after the first restore (a retried PUT of the step arriving late).
    ep.afterPut = (n) => {
      if (n === 1) ep.traffic = STEP.traffic;
    };
    const out = await restoreTraffic(ep.session, stateFor(BLUE), { ours: [{ traffic: { blue: 90, green: 10 }, mirrorTraffic: {} }, STEP], inFlight, clock, log: quiet });
    assert.equal(out.kind, 'restored');
    assert.deepEqual(ep.puts, [BLUE, BLUE]);
    assert.deepEqual(ep.traffic, BLUE.traffic);
  });

  it('restores an existing mirror exactly, with the live map', async () => {
    const withMirror: Maps = { traffic: { blue: 100 }, mirrorTraffic: { green: 20 } };
    const ep = new FakeEndpoint({ blue: 90, green: 10 });
    const out = await restoreTraffic(ep.session, stateFor(withMirror), { ours: [{ traffic: { blue: 90, green: 10 }, mirrorTraffic: {} }], clock: fakeClock(), log: quiet });
    assert.equal(out.kind, 'restored');
    assert.deepEqual(ep.puts, [withMirror]);
  });

  const refusals: Array<[string, Record<string, number>, Maps, (ep: FakeEndpoint) => void, RegExp | 'changed-elsewhere']> = [
    ['a map the run never asked for (an operator) is left alone', { blue: 70, green: 30 }, BLUE, () => undefined, 'changed-elsewhere'],
    ['an empty previous map is never sent when the endpoint cannot be read', { blue: 100 }, { traffic: {}, mirrorTraffic: {} }, (ep) => (ep.getFault = () => armError(500, 'InternalServerError')), /empty/],
  ];
  for (const [name, live, previous, arrange, expected] of refusals) {
    it(name, async () => {
      const ep = new FakeEndpoint(live);
      arrange(ep);
      const out = await restoreTraffic(ep.session, stateFor(previous), { ours: [STEP], clock: fakeClock(), budgetMs: 30_000, log: quiet });
      assert.deepEqual(ep.asked, [], 'nothing was written');
      if (expected === 'changed-elsewhere') assert.equal(out.kind, 'changed-elsewhere');
      else assert.match(out.kind === 'failed' ? out.why : out.kind, expected);
    });
  }
});

describe('runPost', () => {
  const inProgress = (written: Maps[]) => JSON.stringify(stateFor(BLUE, { written }));

  it('retries 503s like the main step: eight in a row still end restored', async () => {
    const ep = new FakeEndpoint(STEP.traffic);
    ep.putFault = (n) => (n <= 8 ? armError(503, 'ServiceUnavailable') : undefined);
    process.exitCode = undefined;
    await runPost(inProgress([STEP]), { inputs: { rollbackOnFailure: true } as never, signIn: async () => ep.session, clock: fakeClock() });
    assert.deepEqual(ep.traffic, BLUE.traffic);
    assert.notEqual(process.exitCode, 1);
  });

  it('honours rollback-on-failure: false — signs in to nothing and writes nothing', async () => {
    const ep = new FakeEndpoint(STEP.traffic);
    let signedIn = false;
    await runPost(inProgress([STEP]), { inputs: { rollbackOnFailure: false } as never, signIn: async () => ((signedIn = true), ep.session), clock: fakeClock() });
    assert.equal(signedIn, false);
    assert.deepEqual(ep.asked, []);
    assert.deepEqual(ep.traffic, STEP.traffic);
  });

  it('does not restore over a map the main step never asked for, and fails', async () => {
    const ep = new FakeEndpoint({ blue: 100, green: 0, red: 0 });
    ep.traffic = { red: 100 };
    process.exitCode = undefined;
    await runPost(inProgress([STEP]), { inputs: { rollbackOnFailure: true } as never, signIn: async () => ep.session, clock: fakeClock() });
    assert.deepEqual(ep.asked, []);
    assert.equal(process.exitCode, 1);
    process.exitCode = undefined;
  });
});

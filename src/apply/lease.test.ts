// The endpoint lease in fake time, on a fake tag store shared by the runs that contend for it:
// acquire, renew, expiry takeover, waiting for a live lease, two runs that write at the same moment
// (the loser backs off), a lease lost to another run, the create PUT that carries it, and release.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeClock, type FakeClock } from '../../test/fixtures/fake-endpoint.ts';
import { carryLease, EndpointLease, formatLease, LEASE_TAG, leaseHolder, leaseOf, parseLease, withLeaseTag, type LeaseOptions, type LeaseStore } from './lease.ts';

/** One endpoint's tags; each call yields to the event loop, so runs started together interleave. */
class FakeTags implements LeaseStore {
  tags: Record<string, string> | undefined;
  readonly writes: Array<Record<string, string>> = [];
  /** null: the endpoint does not exist. */
  constructor(tags: Record<string, string> | null = { team: 'ml' }) {
    this.tags = tags ?? undefined;
  }
  async readTags() {
    await new Promise((r) => setImmediate(r));
    return this.tags && { ...this.tags };
  }
  async writeTags(tags: Record<string, string>) {
    await new Promise((r) => setImmediate(r));
    this.writes.push(tags);
    this.tags = { ...tags };
  }
}

const T0 = Date.parse('2026-12-07T12:00:00Z');

function lease(store: LeaseStore, clock: FakeClock, holder: string, extra: Partial<LeaseOptions> = {}) {
  const lines: string[] = [];
  const notices: string[] = [];
  const l = new EndpointLease(store, { holder, endpointName: 'ep', expiresAt: () => clock.now() + 600_000, waitMs: 60_000, pollMs: 5000, settleMs: 2000, clock, log: (s) => lines.push(s), notice: (s) => notices.push(s), ...extra });
  return { l, lines, notices };
}

describe('lease values', () => {
  const cases: Array<[string, string | undefined, ReturnType<typeof parseLease>]> = [
    ['holder and expiry', 'o/r/runs/7/attempts/1/jobs/deploy#ab until 2026-12-07T12:10:00.000Z', { holder: 'o/r/runs/7/attempts/1/jobs/deploy#ab', expiresAt: Date.parse('2026-12-07T12:10:00Z') }],
    ['no expiry', 'o/r/runs/7', undefined],
    ['a damaged date', 'x until tomorrow', undefined],
    ['nothing', undefined, undefined],
  ];
  for (const [name, text, want] of cases) it(`parses ${name}`, () => assert.deepEqual(parseLease(text), want));

  it('round-trips and fits a tag value (256 characters) with a long holder', () => {
    const v = { holder: 'x'.repeat(400), expiresAt: T0 };
    assert.ok(formatLease(v).length <= 256);
    assert.equal(parseLease(formatLease(v))?.expiresAt, T0);
  });

  it('names repository, run, attempt, job and nonce', () => {
    assert.equal(leaseHolder({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '9', GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: 'ship' }, 'n1'), 'o/r/runs/9/attempts/2/jobs/ship#n1');
  });

  it('a PUT body carries the live lease (any letter case of the key) or none, never a stale one of its own', () => {
    const body = { location: 'eastus', tags: { team: 'ml', [LEASE_TAG]: 'old until 2026-01-01T00:00:00.000Z' } };
    assert.deepEqual(carryLease(body, { 'AzureML-Online-Deploy.Lease': 'b until 2026-12-07T12:10:00.000Z' }).tags, { team: 'ml', [LEASE_TAG]: 'b until 2026-12-07T12:10:00.000Z' });
    assert.deepEqual(carryLease(body, { team: 'x' }).tags, { team: 'ml' });
    assert.deepEqual(withLeaseTag({ tags: {} }, 'mine').tags, { [LEASE_TAG]: 'mine' });
  });
});

describe('EndpointLease', () => {
  it('takes a free lease with one write, reads it back after the settle delay, keeps the other tags', async () => {
    const store = new FakeTags();
    const clock = fakeClock(T0);
    const { l } = lease(store, clock, 'A');
    assert.deepEqual(await l.ensure(), { kind: 'held', taken: true, waitedMs: 2000 });
    assert.equal(store.writes.length, 1);
    assert.equal(store.tags?.team, 'ml');
    assert.equal(leaseOf(store.tags)?.holder, 'A');
    assert.deepEqual(clock.sleeps, [2000]);
  });

  it('checks before each later write and renews only when the expiry moved', async () => {
    const store = new FakeTags();
    const clock = fakeClock(T0);
    let end = T0 + 600_000;
    const { l } = lease(store, clock, 'A', { expiresAt: () => end });
    await l.ensure();
    assert.deepEqual(await l.ensure(), { kind: 'held', taken: false, waitedMs: 0 });
    assert.equal(store.writes.length, 1, 'an unchanged lease is not written again');
    end += 120_000;
    await l.ensure();
    assert.equal(store.writes.length, 2);
    assert.equal(leaseOf(store.tags)?.expiresAt, end);
  });

  it('writes the lease again when another writer dropped the tag (a PUT without it)', async () => {
    const store = new FakeTags();
    const clock = fakeClock(T0);
    const { l, lines } = lease(store, clock, 'A');
    await l.ensure();
    store.tags = { team: 'ml' };
    assert.equal((await l.ensure()).kind, 'held');
    assert.equal(leaseOf(store.tags)?.holder, 'A');
    assert.ok(lines.some((s) => /dropped/.test(s)));
  });

  it('a live lease of another run is waited for, bounded by lease-wait, naming who holds it and until when; nothing is written', async () => {
    const store = new FakeTags({ [LEASE_TAG]: formatLease({ holder: 'B', expiresAt: T0 + 3_600_000 }) });
    const clock = fakeClock(T0);
    const { l, lines } = lease(store, clock, 'A', { waitMs: 20_000 });
    const out = await l.ensure();
    assert.equal(out.kind, 'leased');
    assert.equal(out.kind === 'leased' ? out.by.holder : '', 'B');
    assert.equal(out.kind === 'leased' ? out.waitedMs : 0, 20_000);
    assert.deepEqual(store.writes, []);
    assert.deepEqual(clock.sleeps, [5000, 5000, 5000, 5000]);
    assert.match(lines[0] ?? '', /leased by B until 2026-12-07T13:00:00.000Z/);
  });

  it('takes the lease once the other run released it during the wait', async () => {
    const store = new FakeTags({ [LEASE_TAG]: formatLease({ holder: 'B', expiresAt: T0 + 3_600_000 }) });
    const clock = fakeClock(T0);
    let released = false;
    clock.onSleep = () => {
      if (released || clock.now() < T0 + 10_000) return;
      released = true;
      store.tags = { team: 'ml' };
    };
    const { l, notices } = lease(store, clock, 'A');
    const out = await l.ensure();
    assert.equal(out.kind, 'held');
    assert.ok(out.kind === 'held' && out.taken && out.waitedMs >= 10_000);
    assert.deepEqual(notices, [], 'a released lease is no takeover');
  });

  it('takes over a lease past its expiry with a notice naming the old holder', async () => {
    const store = new FakeTags({ team: 'ml', [LEASE_TAG]: formatLease({ holder: 'dead-run', expiresAt: T0 - 1000 }) });
    const clock = fakeClock(T0);
    const { l, notices } = lease(store, clock, 'A');
    assert.equal((await l.ensure()).kind, 'held');
    assert.equal(leaseOf(store.tags)?.holder, 'A');
    assert.match(notices[0] ?? '', /taking over the lease of dead-run, which expired at 2026-12-07T11:59:59.000Z/);
  });

  it('waits for a live lease only until it expires, then takes it over', async () => {
    const store = new FakeTags({ [LEASE_TAG]: formatLease({ holder: 'B', expiresAt: T0 + 7000 }) });
    const clock = fakeClock(T0);
    const { l, notices } = lease(store, clock, 'A');
    assert.equal((await l.ensure()).kind, 'held');
    assert.deepEqual(clock.sleeps.slice(0, 2), [5000, 2000]);
    assert.equal(notices.length, 1);
  });

  it('two runs that both see no lease: both write, one holds it, the loser backs off and waits (and gives up after lease-wait)', async () => {
    const store = new FakeTags();
    const clock = fakeClock(T0);
    const a = lease(store, clock, 'A', { waitMs: 30_000 });
    const b = lease(store, clock, 'B', { waitMs: 30_000 });
    const [ra, rb] = await Promise.all([a.l.ensure(), b.l.ensure()]);
    assert.equal(store.writes.length, 2, 'both wrote');
    const winner = leaseOf(store.tags)?.holder;
    const [won, lost] = winner === 'A' ? [ra, rb] : [rb, ra];
    assert.equal(won.kind, 'held');
    assert.equal(lost.kind, 'leased');
    assert.equal(lost.kind === 'leased' ? lost.by.holder : '', winner);
    assert.ok((winner === 'A' ? b : a).lines.some((s) => /backing off/.test(s)));
    assert.equal(store.writes.length, 2, 'the loser wrote nothing more');
  });

  it('a lease lost to another run is reported at the next check, and nothing is written over it', async () => {
    const store = new FakeTags();
    const clock = fakeClock(T0);
    const { l } = lease(store, clock, 'A');
    await l.ensure();
    store.tags = { [LEASE_TAG]: formatLease({ holder: 'B', expiresAt: T0 + 999_999 }) };
    const out = await l.ensure();
    assert.equal(out.kind, 'lost');
    assert.equal(out.kind === 'lost' ? out.by?.holder : '', 'B');
    assert.equal(store.writes.length, 1);
    assert.equal(await l.release(), true);
    assert.equal(leaseOf(store.tags)?.holder, 'B', 'release never removes another run’s lease');
  });

  it('an endpoint that does not exist: the lease travels in the create PUT, then is confirmed — or lost to a run that created it first', async () => {
    const store = new FakeTags(null);
    const clock = fakeClock(T0);
    const { l } = lease(store, clock, 'A');
    assert.deepEqual(await l.ensure(), { kind: 'create' });
    store.tags = { [LEASE_TAG]: l.tag() };
    assert.equal((await l.ensure()).kind, 'held');
    assert.deepEqual(store.writes, []);

    const other = new FakeTags(null);
    const second = lease(other, clock, 'C');
    assert.equal((await second.l.ensure()).kind, 'create');
    other.tags = { [LEASE_TAG]: formatLease({ holder: 'D', expiresAt: T0 + 999_999 }) };
    assert.equal((await second.l.ensure()).kind, 'lost');
  });

  it('release removes only this run’s lease, keeps the other tags, and reports the change', async () => {
    const store = new FakeTags();
    const clock = fakeClock(T0);
    const changes: boolean[] = [];
    const { l } = lease(store, clock, 'A', { onChange: (held) => changes.push(held) });
    assert.equal(await l.release(), true, 'nothing held, nothing to do');
    assert.equal(store.writes.length, 0);
    await l.ensure();
    assert.equal(await l.release(), true);
    assert.deepEqual(store.tags, { team: 'ml' });
    assert.deepEqual(changes, [true, false]);
    assert.deepEqual(await l.ensure(), { kind: 'lost' }, 'a late write after the release never takes it again');
    assert.deepEqual(store.tags, { team: 'ml' });
  });

  it('a release that fails never throws: it says the lease expires and the post step tries again', async () => {
    const store = new FakeTags();
    const clock = fakeClock(T0);
    const { l, lines } = lease(store, clock, 'A');
    await l.ensure();
    store.writeTags = async () => {
      throw new Error('503 ServiceUnavailable');
    };
    assert.equal(await l.release(), false);
    assert.match(lines.at(-1) ?? '', /could not be released \(503 ServiceUnavailable\); it expires at .* post step tries again/);
  });
});

// The no-false-success rule on a fake ARM: a platform that accepts a traffic update and silently
// keeps the old map fails the step, and the rollback restores (and reads back) the previous map.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AzureSession } from '../azure/session.ts';
import type { TimelineEntry } from '../report/model.ts';
import { describeEndpoint } from './live.ts';
import type { RolloutState } from './rollout-state.ts';
import { planTraffic } from './traffic-plan.ts';
import { runTraffic } from './traffic.ts';
import { ApplyLog } from './writes.ts';
import { armError, fakeClock, FakeEndpoint, stateFor } from '../../test/fixtures/fake-endpoint.ts';

const PATH = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/onlineEndpoints/ep';

/** An endpoint whose PUTs succeed; `revert` makes it keep the traffic it had (a silent revert). */
function fakeSession(revert: (asked: Record<string, number>) => boolean): { session: AzureSession; puts: Record<string, number>[] } {
  let traffic: Record<string, number> = { blue: 100 };
  const puts: Record<string, number>[] = [];
  const body = () => ({ name: 'ep', location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', provisioningState: 'Succeeded', traffic, mirrorTraffic: {} } });
  const arm = {
    async send(req: { method: string; path: string; body?: unknown }) {
      if (req.method === 'PUT') {
        const asked = ((req.body as { properties: { traffic: Record<string, number> } }).properties.traffic);
        puts.push(asked);
        if (!revert(asked)) traffic = asked;
        return { status: 200, headers: {}, body: body() };
      }
      return { status: 200, headers: {}, body: body() };
    },
  };
  return { session: { arm } as unknown as AzureSession, puts };
}

describe('runTraffic: read back after every change', () => {
  it('a silent revert fails the step and the previous map is restored exactly', async () => {
    const { session, puts } = fakeSession((asked) => asked.green === 50);
    const timeline: TimelineEntry[] = [];
    const log = new ApplyLog(timeline);
    const live = describeEndpoint({ properties: { traffic: { blue: 100 }, mirrorTraffic: {}, provisioningState: 'Succeeded', authMode: 'Key' } });
    const plan = planTraffic({ live: { blue: 100 }, liveMirror: {}, deployment: 'green', deployments: ['blue', 'green'], request: { kind: 'steps', steps: [10, 50, 100] }, gatesConfigured: false });
    const saved: RolloutState[] = [];
    const state: RolloutState = { version: 1, status: 'inProgress', endpointPath: PATH, apiVersion: '2026-09-01', endpointName: 'ep', body: { location: 'eastus', properties: { authMode: 'Key' } }, previous: plan.previous, startedAt: '' };
    const after = await runTraffic({ session, log, plan, state, gates: { onNoData: 'fail', bakeTimeMs: 0 }, target: 'green', scoring: live, rollbackOnFailure: true, deadline: Date.now() + 60_000, at: { file: 'g.yml', line: 1, column: 1 }, saveState: (s) => saved.push(s) });
    assert.deepEqual(puts, [{ blue: 90, green: 10 }, { blue: 50, green: 50 }, { blue: 100 }]);
    assert.deepEqual(after?.traffic, { blue: 100 });
    assert.equal(log.findings.length, 1);
    assert.match(log.findings[0]?.message ?? '', /Azure holds traffic blue=90,green=10 .* after asking for blue=50,green=50/);
    assert.deepEqual(timeline.map((t) => [t.name, t.verdict]), [['Traffic: green 10 %', 'ok'], ['Traffic: green 50 %', 'failed'], ['Rollback', 'rolled back']]);
    assert.deepEqual(saved.map((s) => s.status), ['inProgress', 'inProgress', 'inProgress', 'finished'], 'saved before the rollout and before each write');
  });

  it('without rollback-on-failure the failed map stays, and the run still fails', async () => {
    const { session, puts } = fakeSession((asked) => asked.green === 100);
    const log = new ApplyLog([]);
    const live = describeEndpoint({ properties: { traffic: { blue: 100 }, provisioningState: 'Succeeded' } });
    const plan = planTraffic({ live: { blue: 100 }, liveMirror: {}, deployment: 'green', deployments: ['blue', 'green'], request: { kind: 'all' }, gatesConfigured: false });
    const state: RolloutState = { version: 1, status: 'inProgress', endpointPath: PATH, apiVersion: 'v', endpointName: 'ep', body: {}, previous: plan.previous, startedAt: '' };
    await runTraffic({ session, log, plan, state, gates: { onNoData: 'fail', bakeTimeMs: 0 }, target: 'green', scoring: live, rollbackOnFailure: false, deadline: Date.now() + 60_000, at: { file: 'g.yml', line: 1, column: 1 }, saveState: () => undefined });
    assert.deepEqual(puts, [{ green: 100 }]);
    assert.equal(log.failed, true);
  });
});

describe('runTraffic: every write is guarded, restore never depends on a read', () => {
  const at = { file: 'g.yml', line: 1, column: 1 };
  function setup(ep: FakeEndpoint, steps: number[], bakeTimeMs: number) {
    const plan = planTraffic({ live: ep.traffic, liveMirror: {}, deployment: 'green', deployments: ['blue', 'green'], request: { kind: 'steps', steps }, gatesConfigured: bakeTimeMs > 0 });
    const log = new ApplyLog([]);
    const saved: RolloutState[] = [];
    const clock = fakeClock();
    const run = { session: ep.session, log, plan, state: stateFor(plan.previous), gates: { onNoData: 'fail' as const, bakeTimeMs }, target: 'green', scoring: describeEndpoint(ep.body()), rollbackOnFailure: true, deadline: clock.now() + 600_000, at, saveState: (s: RolloutState) => saved.push(s), clock };
    return { run, log, saved, clock };
  }

  it('an operator who sets blue=100 mid-bake stops the run: no further step, no rollback over it, a finding with the current map', async () => {
    const ep = new FakeEndpoint({ blue: 100 });
    const { run, log, saved, clock } = setup(ep, [10, 50, 100], 60_000);
    clock.onSleep = () => (ep.traffic = { blue: 100, green: 0 });
    const after = await runTraffic(run);
    assert.deepEqual(ep.asked.map((m) => m.traffic), [{ blue: 90, green: 10 }], 'only the first step was written');
    assert.deepEqual(ep.traffic, { blue: 100, green: 0 });
    assert.deepEqual(after?.traffic, { blue: 100, green: 0 });
    assert.equal(log.failed, true);
    const finding = log.findings.find((f) => f.rule === 'traffic-changed-elsewhere');
    assert.match(finding?.message ?? '', /Azure holds traffic blue=100, not blue=90,green=10 as this run left it/);
    assert.equal(saved.at(-1)?.status, 'finished', 'the post step must not restore over it either');
  });

  it('the endpoint GET failing for good after the first step: the restore PUT is still sent', async () => {
    const ep = new FakeEndpoint({ blue: 100 });
    const { run, log } = setup(ep, [10, 50, 100], 0);
    // The guard read and read-back of step 1 succeed (GET 1–2); every later GET is refused.
    ep.getFault = (n) => (n > 2 ? armError(403, 'AuthorizationFailed') : undefined);
    await runTraffic(run).catch(() => undefined);
    assert.deepEqual(ep.puts.map((m) => m.traffic), [{ blue: 90, green: 10 }, { blue: 100 }]);
    assert.deepEqual(ep.traffic, { blue: 100 });
    assert.equal(log.failed, true);
  });

  it('saves every map before it is sent, for the post step\'s guard', async () => {
    const ep = new FakeEndpoint({ blue: 100 });
    const { run, saved } = setup(ep, [10, 100], 0);
    await runTraffic(run);
    assert.deepEqual(saved.at(-1)?.written?.map((m) => m.traffic), [{ blue: 90, green: 10 }, { green: 100 }]);
    assert.equal(saved.at(-1)?.status, 'finished');
  });
});

describe('runTraffic: the endpoint lease', () => {
  const run = (lease: { ensure(): Promise<{ ok: boolean }>; tag(): string; release(): Promise<boolean> }, bodies: unknown[]) => {
    const { session, puts } = fakeSession(() => false);
    const send = session.arm.send.bind(session.arm);
    (session.arm as { send: typeof send }).send = (async (req: Parameters<typeof send>[0]) => {
      if (req.method === 'PUT') bodies.push(req.body);
      return send(req);
    }) as typeof send;
    const log = new ApplyLog([]);
    const live = describeEndpoint({ properties: { traffic: { blue: 100 }, mirrorTraffic: {}, provisioningState: 'Succeeded', authMode: 'Key' } });
    const plan = planTraffic({ live: { blue: 100 }, liveMirror: {}, deployment: 'green', deployments: ['blue', 'green'], request: { kind: 'steps', steps: [10, 50, 100] }, gatesConfigured: false });
    const saved: RolloutState[] = [];
    const state: RolloutState = { version: 1, status: 'inProgress', endpointPath: PATH, apiVersion: 'v', endpointName: 'ep', body: { location: 'eastus', tags: { team: 'ml' }, properties: { authMode: 'Key' } }, previous: plan.previous, startedAt: '' };
    return { puts, log, saved, done: runTraffic({ session, log, plan, state, gates: { onNoData: 'fail', bakeTimeMs: 0 }, target: 'green', scoring: live, rollbackOnFailure: true, deadline: Date.now() + 60_000, at: { file: 'g.yml', line: 1, column: 1 }, saveState: (s) => saved.push(s), lease, clock: fakeClock() }) };
  };

  it('each step is checked by the lease first and carries it in its PUT', async () => {
    let checks = 0;
    const bodies: unknown[] = [];
    const r = run({ ensure: async () => ({ ok: (checks += 1) > 0 }), tag: () => 'A until 2026-12-07T13:00:00.000Z', release: async () => true }, bodies);
    await r.done;
    assert.equal(checks, 3);
    assert.equal(r.puts.length, 3);
    for (const b of bodies) assert.deepEqual((b as { tags: unknown }).tags, { team: 'ml', 'azureml-online-deploy.lease': 'A until 2026-12-07T13:00:00.000Z' });
  });

  it('a lease lost to another run before a step: nothing more is written, no rollback over the other run, the post step is told to leave it', async () => {
    let checks = 0;
    const r = run({ ensure: async () => ({ ok: (checks += 1) < 2 }), tag: () => 'A until 2026-12-07T13:00:00.000Z', release: async () => true }, []);
    await r.done;
    assert.deepEqual(r.puts, [{ blue: 90, green: 10 }], 'the first step only; no restore');
    assert.equal(r.saved.at(-1)?.status, 'finished');
  });
});

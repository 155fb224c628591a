// The metrics gate in fake time against a fake Azure Monitor whose per-minute data arrives after an
// ingestion delay (partial for the latest minutes): it waits for ingestion (and says so) before
// judging, never judges a window whose data cannot have arrived, catches a late error burst, and does
// not take a healthy deployment's delayed data for no data.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fakeClock, type FakeClock } from '../../test/fixtures/fake-endpoint.ts';
import { isErrorStatus, type OnNoData } from './gates.ts';
import { judgeMetricsWindow, type MetricsWindow } from './metrics.ts';

const T0 = Date.UTC(2026, 11, 7, 13, 0, 10);

/** Requests served (time, status); Azure Monitor shows a request `azureDelayMs` after it was served. */
function azureMonitor(clock: FakeClock, served: Array<{ at: number; status: number }>, azureDelayMs: number) {
  const reads: Array<{ at: number; window: MetricsWindow }> = [];
  return {
    reads,
    read: async (window: MetricsWindow) => {
      reads.push({ at: clock.now(), window });
      const start = Math.floor(window.start / 60_000) * 60_000;
      const end = Math.max(Math.ceil(window.end / 60_000) * 60_000, start + 60_000);
      const seen = served.filter((r) => r.at >= start && r.at < end && r.at + azureDelayMs <= clock.now());
      return { ok: true as const, sample: { requests: seen.length, errors: seen.filter((r) => isErrorStatus(r.status)).length, p99Ms: seen.length ? 100 : undefined } };
    },
  };
}

/** `n` requests evenly over [from, to). */
function spread(n: number, from: number, to: number, status: number) {
  return Array.from({ length: n }, (_, i) => ({ at: from + Math.floor(((to - from) * i) / n), status }));
}

describe('metrics gate: waits for Azure Monitor ingestion', () => {
  const bake = { start: T0, end: T0 + 60_000 };
  const healthy = spread(30, bake.start, bake.end, 200);
  const lateBurst = [...spread(30, bake.start, bake.end - 15_000, 200), ...spread(20, bake.end - 10_000, bake.end, 503)];
  const cases: Array<[string, { served: Array<{ at: number; status: number }>; azureDelayMs: number; gateDelayMs: number; onNoData: OnNoData; budgetMs: number }, string]> = [
    ['a healthy deployment whose data is merely delayed passes (on-no-data: fail)', { served: healthy, azureDelayMs: 120_000, gateDelayMs: 180_000, onNoData: 'fail', budgetMs: 600_000 }, 'pass'],
    ['judged at once (no wait), the same delayed data would be taken for no data', { served: healthy, azureDelayMs: 120_000, gateDelayMs: 0, onNoData: 'fail', budgetMs: 600_000 }, 'inconclusive'],
    ['a late error burst inside the window fails the gate', { served: lateBurst, azureDelayMs: 120_000, gateDelayMs: 180_000, onNoData: 'fail', budgetMs: 600_000 }, 'fail'],
    ['a window whose data cannot arrive before the deadline is not judged', { served: lateBurst, azureDelayMs: 120_000, gateDelayMs: 180_000, onNoData: 'fail', budgetMs: 150_000 }, 'inconclusive'],
  ];
  for (const [name, c, verdict] of cases) {
    it(name, async () => {
      const clock = fakeClock(bake.end);
      const monitor = azureMonitor(clock, c.served, c.azureDelayMs);
      const lines: string[] = [];
      const result = await judgeMetricsWindow({
        label: 'green 50 %', thresholds: { maxErrorRate: 0.05, minRequests: 10 }, onNoData: c.onNoData, window: bake,
        ingestionDelayMs: c.gateDelayMs, holdEveryMs: 30_000, deadline: T0 + c.budgetMs, clock, log: (l) => lines.push(l), read: monitor.read,
      });
      assert.equal(result.verdict, verdict, result.detail);
      for (const r of monitor.reads) assert.ok(r.at >= r.window.end + c.gateDelayMs, 'never judges a window before its data can have arrived');
      if (c.gateDelayMs > 0 && monitor.reads.length) {
        assert.deepEqual(clock.sleeps, [c.gateDelayMs]);
        assert.ok(lines.some((l) => /waiting 180 s for Azure Monitor to ingest the window's metrics .*judging at 13:04:10 UTC/.test(l)), lines.join('\n'));
      }
      if (T0 + c.budgetMs < bake.end + c.gateDelayMs) {
        assert.equal(monitor.reads.length, 0);
        assert.match(result.detail, /after the timeout budget ends/);
      }
    });
  }

  it('on-no-data: hold reads again, each time over the window whose data has arrived, until there is data', async () => {
    const clock = fakeClock(bake.end);
    // Users only start after the bake: the first read has no data, later ones do.
    const monitor = azureMonitor(clock, spread(30, bake.end, bake.end + 60_000, 200), 60_000);
    const result = await judgeMetricsWindow({
      label: 'green 50 %', thresholds: { maxErrorRate: 0.05, minRequests: 10 }, onNoData: 'hold', window: bake,
      ingestionDelayMs: 60_000, holdEveryMs: 30_000, deadline: T0 + 600_000, clock, log: () => undefined, read: monitor.read,
    });
    assert.equal(result.verdict, 'pass', result.detail);
    assert.ok(monitor.reads.length >= 2);
    for (const r of monitor.reads) assert.ok(r.at >= r.window.end + 60_000);
    assert.deepEqual(clock.sleeps.slice(1), Array(monitor.reads.length - 1).fill(30_000));
  });

  it('on-no-data: hold ends at the budget with the last inconclusive verdict', async () => {
    const clock = fakeClock(bake.end);
    const monitor = azureMonitor(clock, [], 60_000);
    const result = await judgeMetricsWindow({
      label: 'green 50 %', thresholds: { maxErrorRate: 0.05, minRequests: 10 }, onNoData: 'hold', window: bake,
      ingestionDelayMs: 60_000, holdEveryMs: 30_000, deadline: T0 + 240_000, clock, log: () => undefined, read: monitor.read,
    });
    assert.equal(result.verdict, 'inconclusive');
    assert.ok(clock.now() <= T0 + 240_000);
  });
});

// The one restore of a rollout's previous traffic map, for the rollback of the main step, its
// SIGINT/SIGTERM handler and the post step (docs/rollout.md §5). It never depends on a read: the
// map comes from the saved state, the PUT is sent with retries (Retry-After honoured, a busy
// endpoint's 409 waited out) inside a budget of its own that the main `timeout` cannot have spent,
// and only then is the endpoint read back. A write of this run still in flight is awaited first,
// and the restore is sent again when a late write of this run landed after it. It never writes over
// someone else's change (a person's emergency `blue=100`, another run), and never sends an empty
// map blind.
import type { AzureSession } from '../azure/session.ts';
import { ArmError } from '../azure/session.ts';
import { systemClock, type Clock } from '../azure/retry.ts';
import { describeEndpoint, waitWhileBusy, type LiveEndpoint } from './live.ts';
import { carryLease } from './lease.ts';
import { isTransient, retryTransient, runLro } from './lro.ts';
import { isBusyConflict } from './writes.ts';
import type { RolloutState, TrafficMaps } from './rollout-state.ts';
import { formatTraffic, sameTraffic, withTraffic } from './traffic-plan.ts';

/** The restore's own budget: long enough for a busy endpoint's update and a few throttled answers. */
export const ROLLBACK_BUDGET_MS = 3 * 60_000;

export type RestoreOutcome =
  /** Azure holds the previous map, read back. */
  | { kind: 'restored'; live: LiveEndpoint; sent: boolean }
  /** Azure holds a map this run never asked for: left as it is. */
  | { kind: 'changed-elsewhere'; live: LiveEndpoint }
  /** The restore could not be confirmed; `why` says what happened. */
  | { kind: 'failed'; why: string; live?: LiveEndpoint };

export interface RestoreOptions {
  /** Maps this run may have left on the endpoint (what it last wrote, what it last asked for). */
  ours: readonly TrafficMaps[];
  budgetMs?: number;
  /** A write of this run that may still be on the wire. */
  inFlight?: Promise<unknown>;
  log(line: string): void;
  clock?: Clock;
}

export function describeMaps(m: TrafficMaps): string {
  return `${formatTraffic(m.traffic)}${Object.keys(m.mirrorTraffic).length ? ` (mirror ${formatTraffic(m.mirrorTraffic)})` : ''}`;
}

export function sameMaps(live: TrafficMaps, want: TrafficMaps): boolean {
  return sameTraffic(live.traffic, want.traffic) && sameTraffic(live.mirrorTraffic, want.mirrorTraffic);
}

const TERMINAL = /^(succeeded|failed|canceled)$/i;

export async function restoreTraffic(session: Pick<AzureSession, 'arm'>, state: RolloutState, options: RestoreOptions): Promise<RestoreOutcome> {
  const clock = options.clock ?? systemClock;
  const deadline = clock.now() + (options.budgetMs ?? ROLLBACK_BUDGET_MS);
  const previous = state.previous;
  const mine = [previous, ...options.ours];
  const read = async (until: number): Promise<LiveEndpoint | undefined> => {
    const res = await retryTransient(`GET endpoint ${state.endpointName}`, until, () => session.arm.send<Record<string, unknown>>({ method: 'GET', path: state.endpointPath, apiVersion: state.apiVersion }), { clock });
    return describeEndpoint(res.body ?? {});
  };
  const tryRead = async (until: number): Promise<{ live?: LiveEndpoint; why?: string }> => {
    try {
      return { live: await read(until) };
    } catch (error) {
      return { why: error instanceof ArmError && error.status === 404 ? 'the endpoint is gone' : `the endpoint could not be read (${error instanceof Error ? error.message : String(error)})` };
    }
  };

  if (options.inFlight) {
    options.log('Waiting for the traffic update already sent before restoring.');
    await Promise.race([options.inFlight.catch(() => undefined), clock.sleep(Math.max(0, (deadline - clock.now()) / 3))]);
  }

  for (let sends = 0; ; ) {
    // The guard read: short, and only a guard — when it fails, the restore is sent anyway.
    const guard = await tryRead(Math.min(deadline, clock.now() + 15_000));
    if (guard.live) {
      if (sameMaps(guard.live, previous)) {
        if (TERMINAL.test(guard.live.provisioningState)) return { kind: 'restored', live: guard.live, sent: sends > 0 };
        // An operation is still running on the endpoint: wait for it (the one poll loop) before judging what it leaves.
        const settled = await waitWhileBusy(`Endpoint ${state.endpointName}`, async () => (await tryRead(Math.min(deadline, clock.now() + 15_000))).live, guard.live, deadline, 2000, clock);
        if (settled.kind === 'ready') continue;
      }
      if (!mine.some((m) => sameMaps(guard.live as LiveEndpoint, m))) return { kind: 'changed-elsewhere', live: guard.live };
    } else if (Object.keys(previous.traffic).length === 0) {
      return { kind: 'failed', why: `the previous map is empty and ${guard.why ?? 'the endpoint could not be read'}: an empty map is never sent without reading the endpoint first` };
    }
    if (sends >= 3) return { kind: 'failed', why: `Azure still holds ${guard.live ? describeMaps(guard.live) : 'an unreadable map'} after ${sends} restores`, live: guard.live };
    if (clock.now() >= deadline) return { kind: 'failed', why: 'the rollback budget ended before the restore was confirmed', live: guard.live };
    sends += 1;
    options.log(`Sending the restore of traffic ${describeMaps(previous)}${guard.live ? '' : ` (${guard.why}; sent without it)`}.`);
    // The PUT replaces the tags: it carries the lease the guard read found (docs/rollout.md §6).
    const body = carryLease(withTraffic(state.body, previous.traffic, previous.mirrorTraffic), guard.live?.body.tags as Record<string, unknown> | undefined);
    try {
      const outcome = await retryTransient(
        'Restore',
        deadline,
        () => runLro(session.arm, { method: 'PUT', path: state.endpointPath, apiVersion: state.apiVersion, body }, { label: 'Restore', deadline, clock }),
        { clock, retryable: (e) => isTransient(e) || isBusyConflict(e) },
      );
      if (outcome.kind === 'failed') return { kind: 'failed', why: `the restore failed: ${outcome.error.code}: ${outcome.error.message}`, live: guard.live };
      if (outcome.kind === 'timeout') return { kind: 'failed', why: 'the restore did not finish within the rollback budget', live: guard.live };
    } catch (error) {
      return { kind: 'failed', why: `the restore was not accepted: ${error instanceof Error ? error.message : String(error)}`, live: guard.live };
    }
    // Read back (with the rest of the budget); a late write of this run that landed after the
    // restore shows as one of its own maps, and the loop sends the restore again.
    const back = await tryRead(deadline);
    if (!back.live) return { kind: 'failed', why: `the restore was accepted but ${back.why ?? 'the endpoint could not be read back'}` };
    if (sameMaps(back.live, previous)) return { kind: 'restored', live: back.live, sent: true };
    options.log(`Read back ${describeMaps(back.live)} after the restore: a write of this run may have landed after it.`);
  }
}

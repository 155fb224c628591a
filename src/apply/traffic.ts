// Traffic steps under gates, with rollback (docs/rollout.md §2–§5). Each step is a PUT of the
// endpoint with the step's traffic, read back (a platform that silently reverted fails the run),
// then held for bake-time while the gates run. A failed gate, read-back or write restores the
// previous traffic map exactly, with no gates on the way back, and reads it back too. The state
// saved before the first change lets the post step finish a restore if this process dies, and
// SIGINT/SIGTERM (a cancelled run) send the restore before exit.
import * as core from '@actions/core';
import type { AzureSession } from '../azure/session.ts';
import type { SourceRange } from '../findings/finding.ts';
import { writeLro, type ApplyLog } from './writes.ts';
import { blocksRollout, comparisonVerdict, smokeVerdict, type GateResult, type MetricsThresholds, type OnNoData } from './gates.ts';
import { readEndpoint, waitWhileBusy, type LiveEndpoint } from './live.ts';
import { METRICS_INGESTION_DELAY_MS } from '../inputs.ts';
import { judgeMetricsWindow, readDeploymentMetrics } from './metrics.ts';
import { systemClock, type Clock } from '../azure/retry.ts';
import { withLeaseTag } from './lease.ts';
import { describeMaps, restoreTraffic, sameMaps } from './restore.ts';
import { manualRestoreCommand, type RolloutState, type TrafficMaps } from './rollout-state.ts';
import { createScorer, type Scorer } from './scoring.ts';
import { formatTraffic, withTraffic, type TrafficMap, type TrafficPlan, type TrafficStep } from './traffic-plan.ts';

export interface GateSettings {
  smokeRequest?: string;
  smokeExpected?: string;
  comparisonTolerance?: number;
  metrics?: MetricsThresholds;
  onNoData: OnNoData;
  bakeTimeMs: number;
  /** Azure Monitor's ingestion delay the metrics gate waits out before judging a window (`metrics-ingestion-delay`). */
  metricsIngestionDelayMs?: number;
}

export interface TrafficRun {
  session: AzureSession;
  log: ApplyLog;
  plan: TrafficPlan;
  state: RolloutState;
  gates: GateSettings;
  /** The deployment the steps move up (the one the gates score). */
  target?: string;
  /** The endpoint as read before the first step: scoring URI and auth mode. */
  scoring: LiveEndpoint;
  rollbackOnFailure: boolean;
  deadline: number;
  /** Where a failed gate is annotated: the deployment file. */
  at: SourceRange;
  saveState(state: RolloutState): void;
  /** The rollback's own budget (default ROLLBACK_BUDGET_MS), counted from the rollback's start, never from `deadline`. */
  rollbackBudgetMs?: number;
  clock?: Clock;
  /**
   * The run's lease on the endpoint (docs/rollout.md §6): checked (taken, for a run whose first write is a step) before each
   * step, carried by each step's PUT, released by the signal handler. A failed check has already been reported (endpoint-leased).
   */
  lease?: TrafficLease;
}

export interface TrafficLease {
  ensure(): Promise<{ ok: boolean }>;
  tag(): string;
  release(): Promise<boolean>;
}

/** What this run has done to the traffic: the guard of every write and what a restore may overwrite. */
interface Progress {
  /** The map Azure last held, read back after this run's last write (the starting map before the first). */
  confirmed: TrafficMaps;
  /** The map of the write sent last (equal to `confirmed` once it was read back). */
  asked: TrafficMaps;
  /** Every map asked for, saved in the state before it is sent (the post step's guard). */
  written: TrafficMaps[];
  /** The traffic write on the wire, if any. */
  inFlight?: Promise<unknown>;
  /** A signal arrived: its restore owns the endpoint now, and no step may be sent after it. */
  stopping?: boolean;
}

const progressOf = new WeakMap<TrafficRun, Progress>();

function progress(run: TrafficRun): Progress {
  let p = progressOf.get(run);
  if (!p) {
    p = { confirmed: run.plan.previous, asked: run.plan.previous, written: [] };
    progressOf.set(run, p);
  }
  return p;
}

function clockOf(run: TrafficRun): Clock {
  return run.clock ?? systemClock;
}

type Applied = { problem?: string; live?: LiveEndpoint; changedElsewhere?: boolean; leaseLost?: boolean };

/**
 * Applies one traffic map and reads it back; no problem when the write and read-back agree. The
 * guard first: the endpoint must still hold what this run last left on it, or someone else changed it.
 */
async function applyMap(run: TrafficRun, traffic: TrafficMap, mirrorTraffic: TrafficMap, label: string): Promise<Applied> {
  const { session, log, state } = run;
  const p = progress(run);
  // After SIGINT/SIGTERM the signal's restore owns the endpoint (and releases the lease): no lease check may write it again.
  if (p.stopping) await new Promise<never>(() => undefined);
  // Another run holds the endpoint now: nothing more is written, and nothing rolled back over it.
  if (run.lease && !(await run.lease.ensure()).ok) return { leaseLost: true, problem: 'another run holds the endpoint' };
  // Never written over a running operation (an update that outlived an earlier wait, say).
  const ready = await waitWhileBusy(`Endpoint ${state.endpointName}`, () => readEndpoint(session, state.endpointPath, run.deadline), await readEndpoint(session, state.endpointPath, run.deadline), run.deadline, 1000, clockOf(run));
  if (ready.kind === 'timeout') return { problem: `the endpoint stayed ${ready.state} until the timeout` };
  if (!ready.value) return { problem: 'the endpoint is gone' };
  if (!sameMaps(ready.value, p.confirmed)) {
    return { live: ready.value, changedElsewhere: true, problem: `Azure holds traffic ${describeMaps(ready.value)} where this run left ${describeMaps(p.confirmed)}: someone else (a person or another run) changed it` };
  }
  // After SIGINT/SIGTERM the signal's restore owns the endpoint; the process exits once it is sent.
  if (p.stopping) await new Promise<never>(() => undefined);
  const asked = { traffic, mirrorTraffic };
  p.asked = asked;
  p.written.push(asked);
  run.saveState({ ...state, written: [...p.written] });
  const write = writeLro(session, log, { method: 'PUT', path: state.endpointPath, apiVersion: state.apiVersion, body: run.lease ? withLeaseTag(withTraffic(state.body, traffic, mirrorTraffic), run.lease.tag()) : withTraffic(state.body, traffic, mirrorTraffic) }, label, run.deadline, { clock: run.clock });
  p.inFlight = write;
  const outcome = await write.finally(() => {
    if (p.inFlight === write) p.inFlight = undefined;
  });
  if (outcome.kind === 'failed') return { problem: `the traffic update failed: ${outcome.error.code}: ${outcome.error.message}` };
  if (outcome.kind === 'timeout') return { problem: 'the traffic update did not finish within the timeout budget' };
  const live = await readEndpoint(session, state.endpointPath, run.deadline);
  if (!live) return { problem: 'the endpoint is gone' };
  if (!sameMaps(live, asked)) {
    return { live, problem: `Azure holds traffic ${formatTraffic(live.traffic)} (mirror ${formatTraffic(live.mirrorTraffic)}) after asking for ${formatTraffic(traffic)} (mirror ${formatTraffic(mirrorTraffic)})` };
  }
  p.confirmed = asked;
  core.info(`Read back: traffic ${formatTraffic(live.traffic)}${Object.keys(live.mirrorTraffic).length ? `, mirror ${formatTraffic(live.mirrorTraffic)}` : ''}.`);
  return { live };
}

/** Someone else's change stops the run: nothing more is written, and the post step must not restore over it either. */
function stopForeignChange(run: TrafficRun, where: string, live: LiveEndpoint | undefined, started: number): LiveEndpoint | undefined {
  const p = progress(run);
  const held = live ? describeMaps(live) : '(unknown)';
  run.log.fail('traffic-changed-elsewhere', run.at, `${where}: Azure holds traffic ${held}, not ${describeMaps(p.confirmed)} as this run left it: someone else (a person or another run) changed the endpoint during the rollout. The rollout stopped and wrote nothing more; it did not roll back over that change.`, `Find out who changed it (the endpoint's activity log); the current map is ${held}. Run again once it is settled.`);
  run.log.entry(where, started, 'failed', `changed elsewhere: ${held}`);
  run.saveState({ ...run.state, status: 'finished', written: [...p.written] });
  return live;
}

/** The serving deployment to compare with: the one with the largest previous share other than the target. */
function baselineOf(previous: TrafficMap, target: string | undefined): string | undefined {
  return Object.entries(previous).filter(([n, p]) => n !== target && p > 0).sort((a, b) => b[1] - a[1])[0]?.[0];
}

async function scoreGates(run: TrafficRun, scorer: Scorer | undefined, step: TrafficStep): Promise<GateResult[]> {
  const { gates, target } = run;
  if (!gates.smokeRequest || !target || !scorer) return [];
  const tolerance = gates.comparisonTolerance ?? 0.01;
  const baseline = baselineOf(run.plan.previous.traffic, target);
  const compare = gates.comparisonTolerance !== undefined && baseline !== undefined;
  const [answer, old] = await Promise.all([scorer.score(target, gates.smokeRequest), compare ? scorer.score(baseline, gates.smokeRequest) : undefined]);
  const results = [smokeVerdict(answer, gates.smokeExpected, tolerance)];
  if (old && baseline) results.push(comparisonVerdict({ name: baseline, answer: old }, { name: target, answer }, tolerance));
  core.info(`${step.label}: ${results.map((r) => `${r.gate} ${r.verdict} (${r.detail})`).join('; ')}`);
  return results;
}

/** Holds the step for bake-time, then judges the metrics of the window once Azure Monitor can have them (src/apply/metrics.ts). */
async function bakeAndMeasure(run: TrafficRun, step: TrafficStep, since: number): Promise<GateResult | undefined> {
  const { gates } = run;
  const clock = clockOf(run);
  const bakeUntil = Math.min(since + gates.bakeTimeMs, run.deadline);
  if (gates.bakeTimeMs > 0) {
    core.info(`${step.label}: baking for ${Math.round(gates.bakeTimeMs / 1000)} s`);
    await clock.sleep(bakeUntil - clock.now());
  }
  const { metrics } = gates;
  const target = run.target;
  if (!metrics || !target) return undefined;
  return judgeMetricsWindow({
    label: step.label,
    thresholds: metrics,
    onNoData: gates.onNoData,
    window: { start: since, end: clock.now() },
    ingestionDelayMs: gates.metricsIngestionDelayMs ?? METRICS_INGESTION_DELAY_MS,
    holdEveryMs: Math.max(30_000, gates.bakeTimeMs),
    deadline: run.deadline,
    clock,
    log: (line) => core.info(line),
    read: (window) => readDeploymentMetrics(run.session, run.state.endpointPath, target, window, { deadline: run.deadline, clock }),
  });
}

/** Restores the previous map (no gates) and reads it back, within the rollback's own budget. */
async function restore(run: TrafficRun, reason: string): Promise<LiveEndpoint | undefined> {
  const clock = clockOf(run);
  const started = clock.now();
  const { previous } = run.plan;
  const p = progress(run);
  const outcome = await core.group(`Rollback: restore traffic ${formatTraffic(previous.traffic)}`, async () => {
    core.info(`Rolling back: ${reason}`);
    return restoreTraffic(run.session, { ...run.state, written: p.written }, { ours: [p.confirmed, p.asked], inFlight: p.inFlight, budgetMs: run.rollbackBudgetMs, clock, log: (line) => core.info(line) });
  });
  if (outcome.kind === 'changed-elsewhere') return stopForeignChange(run, 'Rollback', outcome.live, started);
  if (outcome.kind === 'failed') {
    run.log.fail('deployment-failed', run.at, `The rollback did not restore traffic ${formatTraffic(previous.traffic)}: ${outcome.why}.`, `Restore the traffic by hand: ${manualRestoreCommand(run.state)} — and check the endpoint.`);
    run.log.entry('Rollback', started, 'failed', outcome.why);
    return outcome.live;
  }
  run.log.entry('Rollback', started, 'rolled back', `traffic ${formatTraffic(previous.traffic)} restored and read back`);
  run.log.notes.push(`Rolled back: ${reason}. Traffic is ${formatTraffic(previous.traffic)} again, as read back from Azure.`);
  run.saveState({ ...run.state, status: 'finished', written: [...p.written] });
  return outcome.live;
}

/** The runner's cancellation: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. The restore must be done before the kill. */
export const SIGNAL_RESTORE_BUDGET_MS = 9000;

let signalRestore: ((signal: string) => void) | undefined;

/** SIGINT/SIGTERM while traffic is moving: await the write on the wire, send the restore, then exit; the post step verifies it. */
function armSignals(run: TrafficRun): () => void {
  let sent = false;
  signalRestore = (signal) => {
    if (sent) return;
    sent = true;
    const p = progress(run);
    p.stopping = true;
    core.warning(`Received ${signal} mid-rollout: sending the restore of traffic ${formatTraffic(run.plan.previous.traffic)} before exit; the post step verifies it.`);
    setTimeout(() => process.exit(1), SIGNAL_RESTORE_BUDGET_MS + 500).unref();
    restoreTraffic(run.session, { ...run.state, written: p.written }, { ours: [p.confirmed, p.asked], inFlight: p.inFlight, budgetMs: SIGNAL_RESTORE_BUDGET_MS, log: (line) => core.info(line) })
      .then(
        (outcome) => {
          // Restored: the state stays in progress, so the post step verifies it once more.
          if (outcome.kind === 'restored') core.info(`Restore read back: traffic ${formatTraffic(outcome.live.traffic)}.`);
          else if (outcome.kind === 'changed-elsewhere') {
            core.warning(`Not restored: Azure holds traffic ${describeMaps(outcome.live)}, which this run never asked for (someone else changed it).`);
            run.saveState({ ...run.state, status: 'finished', written: [...p.written] });
          } else core.warning(`The restore is not confirmed: ${outcome.why}; the post step tries again.`);
        },
        (error: unknown) => core.warning(`The restore could not be sent: ${error instanceof Error ? error.message : String(error)}`),
      )
      // The endpoint is free for the next run once the restore is sent (the post step releases it when this does not finish).
      .finally(() => (run.lease?.release() ?? Promise.resolve(true)).finally(() => process.exit(1)));
  };
  const onSigint = () => signalRestore?.('SIGINT');
  const onSigterm = () => signalRestore?.('SIGTERM');
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigterm);
  return () => {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigterm);
    signalRestore = undefined;
  };
}

/** Runs the plan's steps; returns the endpoint as finally read back. */
export async function runTraffic(run: TrafficRun): Promise<LiveEndpoint | undefined> {
  const { plan, log, gates } = run;
  if (plan.steps.length === 0) return readEndpoint(run.session, run.state.endpointPath, run.deadline);
  run.saveState(run.state);
  const disarm = armSignals(run);
  let scorer: Scorer | undefined;
  let last: LiveEndpoint | undefined;
  try {
    if (gates.smokeRequest && run.target && run.scoring.scoringUri) {
      scorer = await createScorer(run.session, { endpointPath: run.state.endpointPath, scoringUri: run.scoring.scoringUri, authMode: run.scoring.authMode }, { deadline: run.deadline, clock: run.clock });
    }
    // Before any traffic moves: the new deployment answers the smoke request at 0 %, pinned by the
    // azureml-model-deployment header (docs/rollout.md §3), and like the serving one.
    if (scorer && run.target && (plan.previous.traffic[run.target] ?? 0) === 0) {
      const label = `${run.target} 0 % (before any traffic)`;
      const gateStarted = clockOf(run).now();
      const results = await core.group(`Gates: ${label}`, () => scoreGates(run, scorer, { label, traffic: plan.previous.traffic, mirrorTraffic: plan.previous.mirrorTraffic, gated: true }));
      for (const r of results) log.entry(`Gate ${r.gate}: ${label}`, gateStarted, r.verdict === 'pass' ? 'ok' : r.verdict === 'fail' ? 'failed' : 'inconclusive', r.detail);
      const blocking = results.find((r) => blocksRollout(r, gates.onNoData));
      if (blocking) {
        log.fail('rollout-gate-failed', run.at, `Rollout stopped before any traffic moved: ${blocking.gate} gate failed at ${label}: ${blocking.detail}.`, `Traffic stays ${formatTraffic(plan.previous.traffic)}. Check the answers of the new deployment and its logs.`);
        run.saveState({ ...run.state, status: 'finished', written: [...progress(run).written] });
        return readEndpoint(run.session, run.state.endpointPath, run.deadline);
      }
    }
    for (const step of plan.steps) {
      const started = clockOf(run).now();
      const name = `Traffic: ${step.label}`;
      const applied = await core.group(name, () => applyMap(run, step.traffic, step.mirrorTraffic, name));
      if (applied.changedElsewhere) return stopForeignChange(run, name, applied.live, started);
      if (applied.leaseLost) {
        // The finding is the lease's (endpoint-leased); the post step must not restore over the other run either.
        run.saveState({ ...run.state, status: 'finished', written: [...progress(run).written] });
        return undefined;
      }
      if (applied.problem) {
        log.entry(name, started, 'failed', applied.problem);
        log.fail('deployment-failed', run.at, `Traffic step "${step.label}": ${applied.problem}.`, 'Nothing reports success until Azure holds the traffic asked for; check who else changes this endpoint.');
        return run.rollbackOnFailure ? await restore(run, `step "${step.label}": ${applied.problem}`) : applied.live;
      }
      last = applied.live;
      log.entry(name, started, 'ok', `read back ${formatTraffic(last?.traffic)}`);
      if (!step.gated) continue;
      const gateStarted = clockOf(run).now();
      // The step is held for bake-time first; then the new deployment must answer well and its metrics must hold.
      const results = await core.group(`Gates: ${step.label}`, async () => {
        const metrics = await bakeAndMeasure(run, step, gateStarted);
        const scored = await scoreGates(run, scorer, step);
        return metrics ? [...scored, metrics] : scored;
      });
      for (const r of results) log.entry(`Gate ${r.gate}: ${step.label}`, gateStarted, r.verdict === 'pass' ? 'ok' : r.verdict === 'fail' ? 'failed' : 'inconclusive', r.detail);
      const blocking = results.find((r) => blocksRollout(r, gates.onNoData));
      if (blocking) {
        const why = `${blocking.gate} gate ${blocking.verdict === 'inconclusive' ? `inconclusive (on-no-data: ${gates.onNoData})` : 'failed'} at ${step.label}: ${blocking.detail}`;
        log.fail('rollout-gate-failed', run.at, `Rollout stopped: ${why}.`, run.rollbackOnFailure ? `Traffic was restored to ${formatTraffic(plan.previous.traffic)}. ${blocking.gate === 'metrics' ? 'Send traffic during bake-time or lower min-request-count; on-no-data: hold waits for data.' : 'Check the answers of the new deployment and its logs.'}` : 'rollback-on-failure is false: traffic was left where the failed step put it.');
        if (run.rollbackOnFailure) return await restore(run, why);
        run.saveState({ ...run.state, status: 'finished', written: [...progress(run).written] });
        return last;
      }
    }
    run.saveState({ ...run.state, status: 'finished', written: [...progress(run).written] });
    return last;
  } catch (error) {
    // An unexpected failure mid-rollout still restores the traffic before it is reported.
    if (run.rollbackOnFailure) await restore(run, `unexpected error: ${error instanceof Error ? error.message : String(error)}`).catch(() => undefined);
    throw error;
  } finally {
    disarm();
  }
}

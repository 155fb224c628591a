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
import { blocksRollout, comparisonVerdict, metricsVerdict, smokeVerdict, type GateResult, type MetricsThresholds, type OnNoData } from './gates.ts';
import { readEndpoint, waitWhileBusy, type LiveEndpoint } from './live.ts';
import { readDeploymentMetrics } from './metrics.ts';
import type { RolloutState } from './rollout-state.ts';
import { createScorer, type Scorer } from './scoring.ts';
import { formatTraffic, sameTraffic, withTraffic, type TrafficMap, type TrafficPlan, type TrafficStep } from './traffic-plan.ts';

export interface GateSettings {
  smokeRequest?: string;
  smokeExpected?: string;
  comparisonTolerance?: number;
  metrics?: MetricsThresholds;
  onNoData: OnNoData;
  bakeTimeMs: number;
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
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));


/** Applies one traffic map and reads it back; undefined when the write and read-back agree. */
async function applyMap(run: TrafficRun, traffic: TrafficMap, mirrorTraffic: TrafficMap, label: string): Promise<{ problem?: string; live?: LiveEndpoint }> {
  const { session, log, state } = run;
  // Never written over a running operation (an update that outlived an earlier wait, say).
  const ready = await waitWhileBusy(`Endpoint ${state.endpointName}`, () => readEndpoint(session, state.endpointPath, run.deadline), await readEndpoint(session, state.endpointPath, run.deadline), run.deadline, 1000);
  if (ready.kind === 'timeout') return { problem: `the endpoint stayed ${ready.state} until the timeout` };
  const outcome = await writeLro(session, log, { method: 'PUT', path: state.endpointPath, apiVersion: state.apiVersion, body: withTraffic(state.body, traffic, mirrorTraffic) }, label, run.deadline);
  if (outcome.kind === 'failed') return { problem: `the traffic update failed: ${outcome.error.code}: ${outcome.error.message}` };
  if (outcome.kind === 'timeout') return { problem: 'the traffic update did not finish within the timeout budget' };
  const live = await readEndpoint(session, state.endpointPath, run.deadline);
  if (!live) return { problem: 'the endpoint is gone' };
  if (!sameTraffic(live.traffic, traffic) || !sameTraffic(live.mirrorTraffic, mirrorTraffic)) {
    return { live, problem: `Azure holds traffic ${formatTraffic(live.traffic)} (mirror ${formatTraffic(live.mirrorTraffic)}) after asking for ${formatTraffic(traffic)} (mirror ${formatTraffic(mirrorTraffic)})` };
  }
  core.info(`Read back: traffic ${formatTraffic(live.traffic)}${Object.keys(live.mirrorTraffic).length ? `, mirror ${formatTraffic(live.mirrorTraffic)}` : ''}.`);
  return { live };
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

/** Holds the step for bake-time, then reads the metrics of the window; `hold` keeps asking while no data and budget remain. */
async function bakeAndMeasure(run: TrafficRun, step: TrafficStep, since: number): Promise<GateResult | undefined> {
  const { gates } = run;
  const bakeUntil = Math.min(since + gates.bakeTimeMs, run.deadline);
  if (gates.bakeTimeMs > 0) {
    core.info(`${step.label}: baking for ${Math.round(gates.bakeTimeMs / 1000)} s`);
    await sleep(bakeUntil - Date.now());
  }
  if (!gates.metrics || !run.target) return undefined;
  for (;;) {
    const read = await readDeploymentMetrics(run.session, run.state.endpointPath, run.target, { start: since, end: Date.now() });
    const result: GateResult = read.ok ? metricsVerdict(read.sample, gates.metrics) : { gate: 'metrics', verdict: 'inconclusive', detail: `no data: ${read.why}` };
    core.info(`${step.label}: metrics ${result.verdict} (${result.detail})`);
    const wait = Math.max(30_000, gates.bakeTimeMs);
    if (result.verdict !== 'inconclusive' || gates.onNoData !== 'hold' || Date.now() + wait > run.deadline) return result;
    core.info(`${step.label}: on-no-data: hold, so the step is held and the metrics read again in ${Math.round(wait / 1000)} s.`);
    await sleep(wait);
  }
}

/** Restores the previous map (no gates) and reads it back. */
async function restore(run: TrafficRun, reason: string): Promise<LiveEndpoint | undefined> {
  const started = Date.now();
  const { previous } = run.plan;
  const result = await core.group(`Rollback: restore traffic ${formatTraffic(previous.traffic)}`, async () => {
    core.info(`Rolling back: ${reason}`);
    return applyMap(run, previous.traffic, previous.mirrorTraffic, 'Rollback');
  });
  if (result.problem) {
    run.log.fail('deployment-failed', run.at, `The rollback did not restore traffic ${formatTraffic(previous.traffic)}: ${result.problem}.`, 'Restore the traffic by hand (az ml online-endpoint update --traffic) and check the endpoint.');
    run.log.entry('Rollback', started, 'failed', result.problem);
    return result.live;
  }
  run.log.entry('Rollback', started, 'rolled back', `traffic ${formatTraffic(previous.traffic)} restored and read back`);
  run.log.notes.push(`Rolled back: ${reason}. Traffic is ${formatTraffic(previous.traffic)} again, as read back from Azure.`);
  run.saveState({ ...run.state, status: 'finished' });
  return result.live;
}

let signalRestore: ((signal: string) => void) | undefined;

/** SIGINT/SIGTERM while traffic is moving: send the restore, then exit; the post step verifies it. */
function armSignals(run: TrafficRun): () => void {
  let sent = false;
  signalRestore = (signal) => {
    if (sent) return;
    sent = true;
    core.warning(`Received ${signal} mid-rollout: sending the restore of traffic ${formatTraffic(run.plan.previous.traffic)} before exit; the post step verifies it.`);
    const { previous } = run.plan;
    const body = withTraffic(run.state.body, previous.traffic, previous.mirrorTraffic);
    setTimeout(() => process.exit(1), 6000).unref();
    run.session.arm
      .send({ method: 'PUT', path: run.state.endpointPath, apiVersion: run.state.apiVersion, body })
      .then(() => core.info('Restore sent.'), (error: unknown) => core.warning(`The restore could not be sent: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => process.exit(1));
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
      scorer = await createScorer(run.session, { endpointPath: run.state.endpointPath, scoringUri: run.scoring.scoringUri, authMode: run.scoring.authMode });
    }
    for (const step of plan.steps) {
      const started = Date.now();
      const name = `Traffic: ${step.label}`;
      const applied = await core.group(name, () => applyMap(run, step.traffic, step.mirrorTraffic, name));
      if (applied.problem) {
        log.entry(name, started, 'failed', applied.problem);
        log.fail('deployment-failed', run.at, `Traffic step "${step.label}": ${applied.problem}.`, 'Nothing reports success until Azure holds the traffic asked for; check who else changes this endpoint.');
        return run.rollbackOnFailure ? await restore(run, `step "${step.label}": ${applied.problem}`) : applied.live;
      }
      last = applied.live;
      log.entry(name, started, 'ok', `read back ${formatTraffic(last?.traffic)}`);
      if (!step.gated) continue;
      const gateStarted = Date.now();
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
        run.saveState({ ...run.state, status: 'finished' });
        return last;
      }
    }
    run.saveState({ ...run.state, status: 'finished' });
    return last;
  } catch (error) {
    // An unexpected failure mid-rollout still restores the traffic before it is reported.
    if (run.rollbackOnFailure) await restore(run, `unexpected error: ${error instanceof Error ? error.message : String(error)}`).catch(() => undefined);
    throw error;
  } finally {
    disarm();
  }
}

// The post step (action.yml `runs.post`, which the runner starts even when the job was cancelled):
// when the main step died mid-rollout, its saved state still says `inProgress`; this finishes the
// restore of the traffic it started from and reads it back (docs/rollout.md §5). The restore does
// not depend on a read (src/apply/restore.ts), never writes over a map the main step never asked
// for, and is skipped with `rollback-on-failure: false`.
import * as core from '@actions/core';
import type { Clock } from '../azure/retry.ts';
import { signIn, type AzureSession } from '../azure/session.ts';
import { envInputReader, readInputs, type Inputs } from '../inputs.ts';
import { describeMaps, restoreTraffic, ROLLBACK_BUDGET_MS } from './restore.ts';
import { manualRestoreCommand, parseState, ROLLOUT_STATE_KEY, serializeState } from './rollout-state.ts';
import { formatTraffic } from './traffic-plan.ts';

export interface PostDeps {
  inputs?: Pick<Inputs, 'rollbackOnFailure'> & Parameters<typeof signIn>[0];
  signIn?: () => Promise<Pick<AzureSession, 'arm'>>;
  budgetMs?: number;
  clock?: Clock;
}

export async function runPost(stateText: string, deps: PostDeps = {}): Promise<void> {
  const state = parseState(stateText);
  if (!state || state.status !== 'inProgress') return;
  try {
    const inputs = deps.inputs ?? readInputs(envInputReader());
    if (!inputs.rollbackOnFailure) {
      core.warning(`The main step stopped during the rollout of ${state.endpointName}; rollback-on-failure is false, so the post step leaves the traffic as it is (it was ${formatTraffic(state.previous.traffic)} before the rollout).`);
      return;
    }
    core.info(`The main step stopped during the rollout of ${state.endpointName}: restoring traffic ${formatTraffic(state.previous.traffic)}.`);
    const session = deps.signIn ? await deps.signIn() : await signIn(inputs);
    const outcome = await restoreTraffic(session, state, { ours: state.written ?? [], budgetMs: deps.budgetMs ?? ROLLBACK_BUDGET_MS, clock: deps.clock, log: (line) => core.info(line) });
    if (outcome.kind === 'changed-elsewhere') {
      core.saveState(ROLLOUT_STATE_KEY, serializeState({ ...state, status: 'finished' }));
      core.setFailed(`The post step did not restore the traffic of ${state.endpointName}: Azure holds ${describeMaps(outcome.live)}, a map the main step never asked for, so someone else (a person or another run) changed it; it was left as it is. Before the rollout it was ${describeMaps(state.previous)}.`);
      return;
    }
    if (outcome.kind === 'failed') throw new Error(outcome.why);
    core.saveState(ROLLOUT_STATE_KEY, serializeState({ ...state, status: 'finished' }));
    core.notice(`Traffic of ${state.endpointName} is ${formatTraffic(outcome.live.traffic)} again, as it was before the rollout (read back from Azure).`, { title: 'Rollout restored by the post step' });
  } catch (error) {
    core.setFailed(`The post step could not restore the traffic of ${state.endpointName} to ${formatTraffic(state.previous.traffic)}: ${error instanceof Error ? error.message : String(error)}. Restore it by hand: ${manualRestoreCommand(state)}`);
  }
}

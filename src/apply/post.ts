// The post step (action.yml `runs.post`, which the runner starts even when the job was cancelled):
// when the main step died mid-rollout, its saved state still says `inProgress`; this finishes the
// restore of the traffic it started from and reads it back (docs/rollout.md §5). The restore does
// not depend on a read (src/apply/restore.ts), never writes over a map the main step never asked
// for, and is skipped with `rollback-on-failure: false`. Then it releases the main step's lease on
// the endpoint when the main step could not (docs/rollout.md §6).
import * as core from '@actions/core';
import type { Clock } from '../azure/retry.ts';
import { signIn, type AzureSession } from '../azure/session.ts';
import { envInputReader, readInputs, type Inputs } from '../inputs.ts';
import { parseLeaseState, releaseSavedLease, type LeaseState } from './lease.ts';
import { describeMaps, restoreTraffic, ROLLBACK_BUDGET_MS } from './restore.ts';
import { LEASE_STATE_KEY, manualRestoreCommand, parseState, ROLLOUT_STATE_KEY, serializeState, type RolloutState } from './rollout-state.ts';
import { formatTraffic } from './traffic-plan.ts';

export interface PostDeps {
  inputs?: Pick<Inputs, 'rollbackOnFailure'> & Parameters<typeof signIn>[0];
  signIn?: () => Promise<Pick<AzureSession, 'arm'>>;
  budgetMs?: number;
  clock?: Clock;
}

export async function runPost(stateText: string, deps: PostDeps = {}, leaseText = ''): Promise<void> {
  const state = parseState(stateText);
  const lease = leaseText ? parseLeaseState(leaseText) : undefined;
  let session: Pick<AzureSession, 'arm'> | undefined;
  const signedIn = async (inputs: Parameters<typeof signIn>[0]) => (session ??= deps.signIn ? await deps.signIn() : await signIn(inputs));
  if (state?.status === 'inProgress') await restore(state, deps, signedIn);
  if (lease) await release(lease, deps, signedIn);
}

/** The main step ended without releasing its lease on the endpoint (killed, cancelled, or the release failed): released here. */
async function release(lease: LeaseState, deps: PostDeps, signedIn: (inputs: Parameters<typeof signIn>[0]) => Promise<Pick<AzureSession, 'arm'>>): Promise<void> {
  try {
    const session = await signedIn(deps.inputs ?? readInputs(envInputReader()));
    const outcome = await releaseSavedLease(session, lease, { budgetMs: deps.budgetMs ?? ROLLBACK_BUDGET_MS, clock: deps.clock });
    core.saveState(LEASE_STATE_KEY, '');
    if (outcome === 'released') core.info(`The post step released the lease of this run on endpoint ${lease.endpointName}.`);
  } catch (error) {
    core.warning(`The post step could not release the lease of this run on endpoint ${lease.endpointName} (${error instanceof Error ? error.message : String(error)}); it expires by itself, and a later run takes it over then.`);
  }
}

async function restore(state: RolloutState, deps: PostDeps, signedIn: (inputs: Parameters<typeof signIn>[0]) => Promise<Pick<AzureSession, 'arm'>>): Promise<void> {
  try {
    const inputs = deps.inputs ?? readInputs(envInputReader());
    if (!inputs.rollbackOnFailure) {
      core.warning(`The main step stopped during the rollout of ${state.endpointName}; rollback-on-failure is false, so the post step leaves the traffic as it is (it was ${formatTraffic(state.previous.traffic)} before the rollout).`);
      return;
    }
    core.info(`The main step stopped during the rollout of ${state.endpointName}: restoring traffic ${formatTraffic(state.previous.traffic)}.`);
    const session = await signedIn(inputs);
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

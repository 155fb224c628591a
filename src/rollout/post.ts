// The post step (action.yml `runs.post`, which the runner starts even when the job was cancelled):
// when the main step died mid-rollout, its saved state still says `inProgress`; this finishes the
// restore of the traffic it started from and reads it back (docs/rollout.md §5).
import * as core from '@actions/core';
import { signIn } from '../azure/session.ts';
import { envInputReader, readInputs } from '../inputs.ts';
import { readEndpoint, waitWhileBusy } from './live.ts';
import { runLro } from './lro.ts';
import { parseState, ROLLOUT_STATE_KEY, serializeState } from './rollout-state.ts';
import { formatTraffic, sameTraffic, withTraffic } from './traffic-plan.ts';

export async function runPost(stateText: string): Promise<void> {
  const state = parseState(stateText);
  if (!state || state.status !== 'inProgress') return;
  try {
    core.info(`The main step stopped during the rollout of ${state.endpointName}: restoring traffic ${formatTraffic(state.previous.traffic)}.`);
    const inputs = readInputs(envInputReader());
    const session = await signIn(inputs);
    const deadline = Date.now() + Math.min(inputs.timeoutMs, 10 * 60_000);
    const first = await readEndpoint(session, state.endpointPath, deadline);
    const ready = await waitWhileBusy(`Endpoint ${state.endpointName}`, () => readEndpoint(session, state.endpointPath, deadline), first, deadline);
    if (ready.kind === 'timeout' || !ready.value) throw new Error(ready.kind === 'timeout' ? `the endpoint stayed ${ready.state}` : 'the endpoint is gone');
    const { previous } = state;
    if (!sameTraffic(ready.value.traffic, previous.traffic) || !sameTraffic(ready.value.mirrorTraffic, previous.mirrorTraffic)) {
      const body = withTraffic(state.body, previous.traffic, previous.mirrorTraffic);
      const outcome = await runLro(session.arm, { method: 'PUT', path: state.endpointPath, apiVersion: state.apiVersion, body }, { label: 'Restore', deadline });
      if (outcome.kind !== 'succeeded') throw new Error(outcome.kind === 'failed' ? `${outcome.error.code}: ${outcome.error.message}` : 'no answer within the wait budget');
    }
    const after = await readEndpoint(session, state.endpointPath, deadline);
    if (!after || !sameTraffic(after.traffic, previous.traffic) || !sameTraffic(after.mirrorTraffic, previous.mirrorTraffic)) {
      throw new Error(`Azure holds traffic ${formatTraffic(after?.traffic)} after restoring ${formatTraffic(previous.traffic)}`);
    }
    core.saveState(ROLLOUT_STATE_KEY, serializeState({ ...state, status: 'finished' }));
    core.notice(`Traffic of ${state.endpointName} is ${formatTraffic(after.traffic)} again, as it was before the rollout (read back from Azure).`, { title: 'Rollout restored by the post step' });
  } catch (error) {
    core.setFailed(`The post step could not restore the traffic of ${state.endpointName} to ${formatTraffic(state.previous.traffic)}: ${error instanceof Error ? error.message : String(error)}. Restore it by hand: az ml online-endpoint update --name ${state.endpointName} --traffic "${Object.entries(state.previous.traffic).map(([n, p]) => `${n}=${p}`).join(' ')}"`);
  }
}

// Pure: what the main step saves for the post step (action.yml `runs.post`), so that a run killed
// mid-rollout still gets its traffic restored (docs/rollout.md §5). Saved before the first traffic
// change and cleared once the rollout has finished or been restored; the post step restores only
// a state that says `inProgress`.
import type { TrafficMap } from './traffic-plan.ts';

export const ROLLOUT_STATE_KEY = 'rollout';
/** The run's lease on the endpoint (src/apply/lease.ts), saved while held: the post step releases what the main step could not. */
export const LEASE_STATE_KEY = 'lease';

export interface RolloutState {
  version: 1;
  status: 'inProgress' | 'finished';
  /** ARM path of the endpoint and the api-version the traffic PUTs use. */
  endpointPath: string;
  apiVersion: string;
  endpointName: string;
  /** The endpoint PUT body (the translator's, with the traffic of the moment): the restore re-sends it with `previous`. */
  body: Record<string, unknown>;
  previous: { traffic: TrafficMap; mirrorTraffic: TrafficMap };
  /**
   * Every map this run has asked Azure for, saved before each write is sent: the post step restores
   * only over one of these (or `previous`), never over someone else's change (docs/rollout.md §5).
   * Absent in a state saved before any step.
   */
  written?: Array<{ traffic: TrafficMap; mirrorTraffic: TrafficMap }>;
  startedAt: string;
}

export type TrafficMaps = RolloutState['previous'];

export function serializeState(state: RolloutState): string {
  return JSON.stringify(state);
}

/** Undefined for an empty, foreign or damaged value: the post step then has nothing to do. */
export function parseState(text: string): RolloutState | undefined {
  if (!text.trim()) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  const s = value as Partial<RolloutState>;
  const isMap = (m: unknown) => typeof m === 'object' && m !== null && Object.values(m).every((v) => typeof v === 'number');
  if (
    s?.version !== 1 ||
    (s.status !== 'inProgress' && s.status !== 'finished') ||
    typeof s.endpointPath !== 'string' ||
    typeof s.apiVersion !== 'string' ||
    typeof s.endpointName !== 'string' ||
    typeof s.body !== 'object' ||
    s.body === null ||
    !isMap(s.previous?.traffic) ||
    !isMap(s.previous?.mirrorTraffic) ||
    (s.written !== undefined && (!Array.isArray(s.written) || !s.written.every((w) => isMap(w?.traffic) && isMap(w?.mirrorTraffic))))
  ) {
    return undefined;
  }
  return s as RolloutState;
}

/** The command that restores the previous traffic by hand (az ml), for a restore that could not be confirmed. */
export function manualRestoreCommand(state: Pick<RolloutState, 'endpointName' | 'previous'>): string {
  return `az ml online-endpoint update --name ${state.endpointName} --traffic "${Object.entries(state.previous.traffic).map(([n, p]) => `${n}=${p}`).join(' ')}"`;
}

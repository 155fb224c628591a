// Long-running ARM writes (PUT of an endpoint or a deployment, DELETE) waited for with @azure/core-lro
// over the session's ARM client: the poller follows Azure-AsyncOperation / Location (docs/rollout.md §1).
// The wait between polls is the service's Retry-After when it sends one; Azure sends none
// (test/fixtures/recorded/ml-online.json), and then the action waits what azure-ai-ml waits: 5 s for a
// deployment, 30 s for an endpoint, the first poll one interval after the write's answer. That is the
// earliest schedule that never sends more status requests than the SDK whatever the operation's
// duration (a poll before the SDK's k-th costs one more when the operation ends just after it), so a
// terminal state is noticed within one interval: 5 s for a deployment, as the SDK. One log line per
// state change, plus a heartbeat each minute; the wait stops at the run's `timeout` budget. A throttled
// or failed poll (after the pipeline's own retries) is not a failed operation: it is retried at the next
// interval. Tests scale the schedule with AZUREML_DEPLOY_TEST_TIME_SCALE (docs/rollout.md §1).
import * as core from '@actions/core';
import { createHttpPoller, type LroResponse, type OperationState } from '@azure/core-lro';
import { retryAfterMsOf, withDeadline } from '../azure/rest.ts';
import { retrying, systemClock, type Clock } from '../azure/retry.ts';
import { ArmError, type ArmClient, type ArmResponse } from '../azure/session.ts';
import type { ServiceError } from './failure-codes.ts';

export interface LroRequest {
  method: 'PUT' | 'DELETE';
  path: string;
  apiVersion: string;
  body?: unknown;
}

export type LroOutcome =
  | { kind: 'succeeded'; resource: Record<string, unknown>; polls: number; elapsedMs: number }
  | { kind: 'failed'; error: ServiceError; polls: number; elapsedMs: number }
  | { kind: 'timeout'; polls: number; elapsedMs: number };

export interface LroOptions {
  /** What the poll lines call the operation, e.g. "deployment green". */
  label: string;
  /** Absolute time (ms since the epoch) by which the run must have its answer. */
  deadline: number;
  /** The wait between polls when the service sends no Retry-After (default: azure-ai-ml's interval for the resource, scaled). */
  intervalMs?: number;
  /** Clock for the waits, elapsed times and the heartbeat (tests). */
  clock?: Clock;
}

/**
 * azure-ai-ml's wait between status polls when the service sends no Retry-After: deployments use
 * `AzureMLPolling(LROConfigurations.POLL_INTERVAL)`, 5 s; endpoints the generated client's default
 * `polling_interval`, 30 s. azure-core's poller waits one interval before its first poll. The
 * azure-cli-extensions cassettes' date headers show exactly that (test/fixtures/recorded/cli-online-*.json
 * `pollGapsS`, checked by test/emulator/recorded.test.ts).
 */
export const SDK_POLL_INTERVAL_MS = { deployment: 5000, endpoint: 30_000 } as const;

/** How often a poll line is printed for an unchanged state. */
export const HEARTBEAT_MS = 60_000;

/** Which of the SDK's intervals applies to a write: deployments (and their operations) or endpoints. */
export function operationKind(path: string): keyof typeof SDK_POLL_INTERVAL_MS {
  return /\/onlineEndpoints\/[^/]+\/deployments\//i.test(path) ? 'deployment' : 'endpoint';
}

/** The environment variable that scales the poll schedule and the heartbeat, for tests against an emulator whose operations are scaled alike. */
export const TIME_SCALE_VARIABLE = 'AZUREML_DEPLOY_TEST_TIME_SCALE';

/**
 * The test-only time scale: a number in (0, 1] from AZUREML_DEPLOY_TEST_TIME_SCALE, else 1. Anything
 * else is ignored (the schedule is never made slower than the SDK's, nor faster without the variable).
 */
export function timeScale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[TIME_SCALE_VARIABLE];
  if (raw === undefined || raw.trim() === '') return 1;
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 && n <= 1 ? n : 1;
}

/** Wait before the next status poll: the service's Retry-After when it sent one, else the interval. */
export function pollWaitMs(retryAfterMs: number | undefined, intervalMs: number): number {
  return retryAfterMs !== undefined && retryAfterMs >= 0 ? retryAfterMs : intervalMs;
}

/** Which poll results deserve a log line: a state change, or a heartbeat after `heartbeatMs` of the same state. */
export class PollLog {
  private last?: string;
  private lastAt = 0;
  private readonly heartbeatMs: number;
  constructor(heartbeatMs = HEARTBEAT_MS) {
    this.heartbeatMs = heartbeatMs;
  }
  shouldLog(state: string, at: number): boolean {
    if (state === this.last && at - this.lastAt < this.heartbeatMs) return false;
    this.last = state;
    this.lastAt = at;
    return true;
  }
}

const TRANSIENT = new Set([0, 408, 429, 500, 502, 503, 504]);

/** Worth asking again: throttling, server errors, resets, and an access token that expired in flight (the next attempt gets a new one). */
export function isTransient(error: unknown): boolean {
  return error instanceof ArmError && (TRANSIENT.has(error.status) || (error.status === 401 && error.code === 'ExpiredAuthenticationToken'));
}

/** core-lro's view of a response, without Retry-After: the waits are this module's (core-lro would read only whole seconds). */
function toLro(res: ArmResponse): LroResponse {
  const headers = Object.fromEntries(Object.entries(res.headers).filter(([k]) => k.toLowerCase() !== 'retry-after'));
  return { flatResponse: res.body, rawResponse: { statusCode: res.status, headers, body: res.body } };
}

function elapsed(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

const TERMINAL = /^(succeeded|failed|canceled|cancelled)$/i;

/** Sleeps `ms` on the clock, or less when `signal` aborts (the deadline). */
async function pause(clock: Clock, ms: number, signal?: { aborted: boolean; addEventListener?: (type: 'abort', listener: () => void, options?: { once: boolean }) => void }): Promise<void> {
  if (signal?.aborted) return;
  await new Promise<void>((resolve) => {
    signal?.addEventListener?.('abort', () => resolve(), { once: true });
    void clock.sleep(ms).then(resolve);
  });
}

/** Sends the write and waits for its outcome; ARM errors on the write itself are thrown (ArmError). */
export async function runLro(arm: ArmClient, request: LroRequest, options: LroOptions): Promise<LroOutcome> {
  const clock = options.clock ?? systemClock;
  const scale = timeScale();
  const started = clock.now();
  let polls = 0;
  let lastBody: Record<string, unknown> | undefined;
  const interval = options.intervalMs ?? SDK_POLL_INTERVAL_MS[operationKind(request.path)] * scale;
  const lines = new PollLog(HEARTBEAT_MS * scale);
  /** The wait before the next request: one interval (or the Retry-After) before each status poll, none before the final GET of the resource. */
  let wait: number | undefined = interval;
  const settle = (headers: Record<string, string>, state: string | undefined): void => {
    wait = state !== undefined && TERMINAL.test(state) ? undefined : pollWaitMs(retryAfterMsOf(headers, clock.now()), interval);
  };

  const poller = await createHttpPoller<unknown, OperationState<unknown>>(
    {
      requestPath: request.path,
      requestMethod: request.method,
      sendInitialRequest: async () => {
        const res = await arm.send({ method: request.method, path: request.path, apiVersion: request.apiVersion, body: request.body });
        settle(res.headers, undefined);
        return toLro(res);
      },
      sendPollRequest: async (path, pollOptions) => {
        if (wait !== undefined) await pause(clock, wait, pollOptions?.abortSignal);
        if (pollOptions?.abortSignal?.aborted) throw new Error(`${options.label}: the budget ended while waiting`);
        polls += 1;
        const absolute = /^https:\/\//i.test(path);
        try {
          const res = await arm.send<Record<string, unknown>>({ method: 'GET', path, apiVersion: absolute ? '' : request.apiVersion });
          lastBody = res.body && typeof res.body === 'object' ? res.body : undefined;
          const status = lastBody?.status ?? (lastBody?.properties as { provisioningState?: unknown } | undefined)?.provisioningState;
          const state = String(status ?? `HTTP ${res.status}`);
          settle(res.headers, status === undefined ? (res.status === 200 || res.status === 204 ? 'Succeeded' : undefined) : state);
          if (lines.shouldLog(state, clock.now())) core.info(`${options.label}: ${state} (${elapsed(clock.now() - started)} elapsed)`);
          return toLro(res);
        } catch (error) {
          if (error instanceof ArmError && !isTransient(error)) {
            // A Location poll answers the failure itself with an error status.
            lastBody = { status: 'Failed', error: { code: error.code, message: error.message } };
            core.info(`${options.label}: Failed (${elapsed(clock.now() - started)} elapsed)`);
            return { flatResponse: lastBody, rawResponse: { statusCode: 200, headers: {}, body: lastBody } };
          }
          if (!isTransient(error)) throw error;
          core.info(`${options.label}: status not readable (${(error as ArmError).code}); asking again (${elapsed(clock.now() - started)} elapsed)`);
          wait = pollWaitMs((error as ArmError).retryAfterMs, interval);
          const body = { status: 'InProgress' };
          return { flatResponse: body, rawResponse: { statusCode: 200, headers: {}, body } };
        }
      },
    },
    // The waits are sendPollRequest's own (core-lro's would read only whole seconds of Retry-After).
    { intervalInMs: 0, resolveOnUnsuccessful: true },
  );

  const remaining = options.deadline - clock.now();
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), Math.max(0, remaining));
  try {
    await poller.pollUntilDone({ abortSignal: abort.signal });
  } catch (error) {
    if (abort.signal.aborted) return { kind: 'timeout', polls, elapsedMs: clock.now() - started };
    throw error;
  } finally {
    clearTimeout(timer);
  }
  if (abort.signal.aborted && !poller.isDone()) return { kind: 'timeout', polls, elapsedMs: clock.now() - started };
  const state = poller.getOperationState();
  const elapsedMs = clock.now() - started;
  if (state.status === 'succeeded') {
    const resource = (state.result && typeof state.result === 'object' ? state.result : {}) as Record<string, unknown>;
    return { kind: 'succeeded', resource, polls, elapsedMs };
  }
  const fromBody = lastBody?.error as Partial<ServiceError> | undefined;
  const error: ServiceError = {
    code: fromBody?.code ?? (state.status === 'canceled' ? 'OperationCanceled' : 'Failed'),
    message: fromBody?.message ?? state.error?.message ?? `the operation ended ${state.status}`,
    details: Array.isArray(fromBody?.details) ? fromBody.details : undefined,
  };
  return { kind: 'failed', error, polls, elapsedMs };
}

/**
 * Runs an ARM call again while it fails with throttling, a 5xx or a reset after the pipeline's own
 * retries (a 429 storm), until the deadline. Only for idempotent calls (GET, PUT). Retry-After is
 * honoured but never past the deadline, and every request inside is aborted at the deadline (a
 * `timeout: 20s` never waits out a `Retry-After: 90`).
 */
export async function retryTransient<T>(what: string, deadline: number, call: () => Promise<T>, options: { clock?: Clock; retryable?: (error: unknown) => boolean } = {}): Promise<T> {
  return retrying(what, { deadline, retryable: options.retryable ?? isTransient, retryAfterMs: (e) => (e instanceof ArmError ? e.retryAfterMs : undefined), log: (line) => core.info(line), clock: options.clock }, () => withDeadline(deadline, call));
}

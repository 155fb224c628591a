// Long-running ARM writes (PUT of an endpoint or a deployment, DELETE) waited for with @azure/core-lro
// over the session's ARM client: the poller follows Azure-AsyncOperation / Location, and the waits
// between its polls are those of the one poll loop (src/azure/retry.ts `polling`, on the run's clock):
// Retry-After honoured but never past the deadline (docs/rollout.md §1). Azure sends none
// (test/fixtures/recorded/ml-online.json), and then the action waits what azure-ai-ml waits: 5 s for a
// deployment, 30 s for an endpoint, the first poll one interval after the write's answer — the
// earliest schedule that never sends more status requests than the SDK, and a terminal state noticed
// within one interval. One log line per state change, plus a heartbeat each minute; the wait stops at
// the run's `timeout` budget. A throttled or failed poll (429, 5xx, a reset, after the pipeline's own
// retries) is not a failed operation: it is asked again one interval later. Tests scale the schedule
// with AZUREML_DEPLOY_TEST_TIME_SCALE (docs/rollout.md §1).
import * as core from '@actions/core';
import { createHttpPoller, type LroResponse, type OperationState } from '@azure/core-lro';
import { retryAfterMsOf, withDeadline } from '../azure/rest.ts';
import { NotYet, polling, retrying, systemClock, type Clock } from '../azure/retry.ts';
import { ArmError, type ArmClient, type ArmResponse } from '../azure/session.ts';
import type { ServiceError } from './failure-codes.ts';

export interface LroRequest {
  method: 'PUT' | 'PATCH' | 'DELETE';
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
  /** The run's clock: the waits between polls, elapsed times and the heartbeat (tests run in fake time). */
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
  constructor(heartbeatMs = 60_000) {
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

function toLro(res: ArmResponse): LroResponse {
  return { flatResponse: res.body, rawResponse: { statusCode: res.status, headers: res.headers, body: res.body } };
}

function elapsed(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}


/** Sends the write and waits for its outcome; ARM errors on the write itself are thrown (ArmError). */
export async function runLro(arm: ArmClient, request: LroRequest, options: LroOptions): Promise<LroOutcome> {
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  let polls = 0;
  let lastBody: Record<string, unknown> | undefined;
  let lastHeaders: Record<string, string> = {};
  let lastState = 'InProgress';
  const scale = timeScale();
  const interval = options.intervalMs ?? SDK_POLL_INTERVAL_MS[operationKind(request.path)] * scale;
  const lines = new PollLog(HEARTBEAT_MS * scale);
  let first = true;

  const poller = await createHttpPoller<unknown, OperationState<unknown>>(
    {
      requestPath: request.path,
      requestMethod: request.method,
      sendInitialRequest: async () => {
        const res = await arm.send({ method: request.method, path: request.path, apiVersion: request.apiVersion, body: request.body });
        lastHeaders = res.headers;
        return toLro(res);
      },
      sendPollRequest: async (path) => {
        polls += 1;
        const absolute = /^https:\/\//i.test(path);
        try {
          const res = await withDeadline(options.deadline, () => arm.send<Record<string, unknown>>({ method: 'GET', path, apiVersion: absolute ? '' : request.apiVersion }));
          lastHeaders = res.headers;
          lastBody = res.body && typeof res.body === 'object' ? res.body : undefined;
          lastState = String(lastBody?.status ?? (lastBody?.properties as { provisioningState?: unknown } | undefined)?.provisioningState ?? `HTTP ${res.status}`);
          if (lines.shouldLog(lastState, clock.now())) core.info(`${options.label}: ${lastState} (${elapsed(clock.now() - started)} elapsed)`);
          return toLro(res);
        } catch (error) {
          if (error instanceof ArmError && !isTransient(error)) {
            // A Location poll answers the failure itself with an error status.
            lastBody = { status: 'Failed', error: { code: error.code, message: error.message } };
            core.info(`${options.label}: Failed (${elapsed(clock.now() - started)} elapsed)`);
            return { flatResponse: lastBody, rawResponse: { statusCode: 200, headers: {}, body: lastBody } };
          }
          // Transient: the poll loop below asks again about one interval later (or after its Retry-After).
          throw error;
        }
      },
    },
    { resolveOnUnsuccessful: true },
  );

  let waited: { done: true } | { done: false };
  try {
    waited = await polling(options.label, {
      deadline: options.deadline,
      clock,
      retryable: isTransient,
      retryAfterMs: (e) => (e instanceof ArmError ? e.retryAfterMs : undefined),
      // A transient poll failure is asked again one interval later (its Retry-After when it sends one).
      delayMs: () => interval,
      log: (line) => core.info(line),
    }, async () => {
      // azure-core's poller, as the SDK runs it, waits one interval before its first poll too.
      if (first && !poller.isDone()) {
        first = false;
        throw new NotYet(lastState, pollWaitMs(retryAfterMsOf(lastHeaders, clock.now()), interval));
      }
      if (!poller.isDone()) await poller.poll();
      if (poller.isDone()) return true;
      throw new NotYet(lastState, pollWaitMs(retryAfterMsOf(lastHeaders, clock.now()), interval));
    });
  } catch (error) {
    // A poll still failing transiently when the budget ends is a timeout, not a failed operation.
    if (isTransient(error)) waited = { done: false };
    else throw error;
  }
  const elapsedMs = clock.now() - started;
  if (!waited.done) return { kind: 'timeout', polls, elapsedMs };
  const state = poller.getOperationState();
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

// Long-running ARM writes (PUT of an endpoint or a deployment) waited for with @azure/core-lro over
// the session's ARM client: the poller follows Azure-AsyncOperation / Location, and the waits
// between its polls are those of the one poll loop (src/azure/retry.ts `polling`, on the run's
// clock): Retry-After honoured but never past the deadline (docs/rollout.md §1). Azure sends none
// (test/fixtures/recorded/ml-online.json), so the action backs off on its own (at once, 1 s, 2 s, 3 s,
// then every 5 s: the SDK's deployment interval; never more often than the SDK once settled, and a
// terminal state noticed within 5 s). One log line per state change, plus a heartbeat each minute;
// the wait stops at the run's `timeout` budget. A throttled or failed poll (429, 5xx, a reset, after
// the pipeline's own retries) is not a failed operation: it is asked again about one interval later.
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
  /** The longest wait between polls when the service sends no Retry-After (default 5 s, azure-ai-ml's deployment interval). */
  intervalMs?: number;
  /** The run's clock: the waits between polls, elapsed times and the heartbeat (tests run in fake time). */
  clock?: Clock;
}

/** Wait before poll `n` (0-based) when the service sends no Retry-After: at once, then 1 s, 2 s, 3 s, then `maxMs`. */
export function pollDelayMs(n: number, maxMs: number): number {
  return Math.min(maxMs, [0, 1000, 2000, 3000][n] ?? maxMs);
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

/** The wait after a poll that failed transiently (no Retry-After): about one interval of the schedule, at least 1 s. */
export function transientPollDelayMs(polls: number, maxMs: number): number {
  return Math.max(1000, pollDelayMs(polls, maxMs));
}

/** Sends the write and waits for its outcome; ARM errors on the write itself are thrown (ArmError). */
export async function runLro(arm: ArmClient, request: LroRequest, options: LroOptions): Promise<LroOutcome> {
  const clock = options.clock ?? systemClock;
  const started = clock.now();
  let polls = 0;
  let lastBody: Record<string, unknown> | undefined;
  let lastHeaders: Record<string, string> = {};
  let lastState = 'InProgress';
  const interval = options.intervalMs ?? 5000;
  const lines = new PollLog();

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
      delayMs: () => transientPollDelayMs(polls, interval),
      log: (line) => core.info(line),
    }, async () => {
      if (!poller.isDone()) await poller.poll();
      if (poller.isDone()) return true;
      // Retry-After when the service sends one, else the back-off schedule.
      throw new NotYet(lastState, retryAfterMsOf(lastHeaders, clock.now()) ?? pollDelayMs(polls, interval));
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

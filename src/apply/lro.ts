// Long-running ARM writes (PUT of an endpoint or a deployment) waited for with @azure/core-lro over
// the session's ARM client: the poller follows Azure-AsyncOperation / Location and honours
// Retry-After (docs/rollout.md §1). Azure sends none (test/fixtures/recorded/ml-online.json), so the
// action backs off on its own (at once, 1 s, 2 s, 3 s, then every 5 s: the SDK's deployment interval; never
// more often than the SDK once settled, and a terminal state noticed within 5 s). One log line per
// state change, plus a heartbeat each minute; the wait stops at the run's `timeout` budget. A throttled or failed poll (after the
// pipeline's own retries) is not a failed operation: it is retried at the next interval.
import * as core from '@actions/core';
import { createHttpPoller, type LroResponse, type OperationState } from '@azure/core-lro';
import { withDeadline } from '../azure/rest.ts';
import { retrying, type Clock } from '../azure/retry.ts';
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
  /** Clock for elapsed times and the heartbeat (tests). */
  now?: () => number;
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

/** Sends the write and waits for its outcome; ARM errors on the write itself are thrown (ArmError). */
export async function runLro(arm: ArmClient, request: LroRequest, options: LroOptions): Promise<LroOutcome> {
  const now = options.now ?? Date.now;
  const started = now();
  let polls = 0;
  let lastBody: Record<string, unknown> | undefined;
  const interval = options.intervalMs ?? 5000;
  const lines = new PollLog();
  /** core-lro honours Retry-After: when the service sends none, the back-off schedule supplies it. */
  const paced = (res: LroResponse): LroResponse => {
    const headers = res.rawResponse.headers as Record<string, string>;
    if (Object.keys(headers).some((k) => k.toLowerCase() === 'retry-after')) return res;
    return { ...res, rawResponse: { ...res.rawResponse, headers: { ...headers, 'retry-after': String(pollDelayMs(polls, interval) / 1000) } } };
  };

  const poller = await createHttpPoller<unknown, OperationState<unknown>>(
    {
      requestPath: request.path,
      requestMethod: request.method,
      sendInitialRequest: async () => paced(toLro(await arm.send({ method: request.method, path: request.path, apiVersion: request.apiVersion, body: request.body }))),
      sendPollRequest: async (path) => {
        polls += 1;
        const absolute = /^https:\/\//i.test(path);
        try {
          const res = await arm.send<Record<string, unknown>>({ method: 'GET', path, apiVersion: absolute ? '' : request.apiVersion });
          lastBody = res.body && typeof res.body === 'object' ? res.body : undefined;
          const state = String(lastBody?.status ?? (lastBody?.properties as { provisioningState?: unknown } | undefined)?.provisioningState ?? `HTTP ${res.status}`);
          if (lines.shouldLog(state, now())) core.info(`${options.label}: ${state} (${elapsed(now() - started)} elapsed)`);
          return paced(toLro(res));
        } catch (error) {
          if (error instanceof ArmError && !isTransient(error)) {
            // A Location poll answers the failure itself with an error status.
            lastBody = { status: 'Failed', error: { code: error.code, message: error.message } };
            core.info(`${options.label}: Failed (${elapsed(now() - started)} elapsed)`);
            return { flatResponse: lastBody, rawResponse: { statusCode: 200, headers: {}, body: lastBody } };
          }
          if (!isTransient(error)) throw error;
          core.info(`${options.label}: status not readable (${(error as ArmError).code}); asking again (${elapsed(now() - started)} elapsed)`);
          const body = { status: 'InProgress' };
          return { flatResponse: body, rawResponse: { statusCode: 200, headers: { 'retry-after': String(Math.ceil(interval / 1000)) }, body } };
        }
      },
    },
    { intervalInMs: interval, resolveOnUnsuccessful: true },
  );

  const remaining = options.deadline - now();
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(), Math.max(0, remaining));
  try {
    await poller.pollUntilDone({ abortSignal: abort.signal });
  } catch (error) {
    if (abort.signal.aborted) return { kind: 'timeout', polls, elapsedMs: now() - started };
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const state = poller.getOperationState();
  const elapsedMs = now() - started;
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

// The one retry and poll loop of the action's own calls (ARM reads and idempotent writes after the
// pipeline's retries, the LRO poller, metrics queries, scoring requests, the GitHub OIDC token
// request): exponential back-off (or the caller's interval), Retry-After honoured, and nothing ever
// waits past the deadline — a Retry-After longer than the budget left ends the loop at once
// (docs/rollout.md §1, docs/sign-in.md). The clock is a parameter so the tests run in fake time.

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};

export interface RetryPolicy {
  /** Absolute time (ms since the epoch, on `clock`) after which no attempt starts and no wait ends. */
  deadline: number;
  /** Which failures are worth another attempt. */
  retryable(error: unknown): boolean;
  /** The wait the service asked for (Retry-After), in ms, when it asked. */
  retryAfterMs?(error: unknown): number | undefined;
  /** The wait before the next attempt when the service asked for none (default: the doubling back-off). */
  delayMs?(error: unknown, attempt: number): number | undefined;
  /** One line per retry, e.g. core.info; `error` lets the caller keep quiet about expected ones. */
  log?(line: string, error: unknown): void;
  /** First back-off (default 1 s), doubled each retry up to `maxDelayMs` (default 15 s). */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** Attempts at most (default: unlimited, the deadline decides). */
  maxAttempts?: number;
  clock?: Clock;
}

/** Runs `call` until it succeeds, fails for good, or the next wait would pass the deadline; then the last error is thrown. */
export async function retrying<T>(what: string, policy: RetryPolicy, call: (attempt: number) => Promise<T>): Promise<T> {
  const clock = policy.clock ?? systemClock;
  let backoff = policy.firstDelayMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      if (!policy.retryable(error) || (policy.maxAttempts !== undefined && attempt >= policy.maxAttempts)) throw error;
      const asked = policy.retryAfterMs?.(error);
      const wait = asked !== undefined ? Math.max(asked, 0) : Math.max(0, policy.delayMs?.(error, attempt) ?? backoff);
      const left = policy.deadline - clock.now();
      if (wait > left) {
        if (asked !== undefined) policy.log?.(`${what}: the service asks to wait ${Math.ceil(asked / 1000)} s, more than the ${Math.max(0, Math.floor(left / 1000))} s left of the budget; giving up.`, error);
        throw error;
      }
      policy.log?.(`${what}: ${describe(error)}; trying again in ${Math.max(1, Math.round(wait / 1000))} s${asked !== undefined ? ' (Retry-After)' : ''}`, error);
      await clock.sleep(wait);
      backoff = Math.min(backoff * 2, policy.maxDelayMs ?? 15_000);
    }
  }
}

/** Thrown by a poll's probe while the awaited state has not come; `retryAfterMs` is the wait before the next look. */
export class NotYet extends Error {
  readonly retryAfterMs?: number;
  readonly state: string;
  constructor(state: string, retryAfterMs?: number) {
    super(`still ${state}`);
    this.name = 'NotYet';
    this.state = state;
    this.retryAfterMs = retryAfterMs;
  }
}

export interface PollPolicy extends Omit<RetryPolicy, 'retryable'> {
  /** Failures of a probe worth another look (default: none, only NotYet). */
  retryable?(error: unknown): boolean;
}

/**
 * Looks again (through `retrying`, the one loop) while `probe` throws NotYet or a retryable failure;
 * undefined when the deadline comes first (the last state is in `onTimeout`). NotYet lines are not
 * logged by the loop: the probe says what it sees, once per change.
 */
export async function polling<T>(what: string, policy: PollPolicy, probe: (attempt: number) => Promise<T>): Promise<{ done: true; value: T } | { done: false; state: string }> {
  try {
    const value = await retrying(what, {
      ...policy,
      retryable: (e) => e instanceof NotYet || (policy.retryable?.(e) ?? false),
      retryAfterMs: (e) => (e instanceof NotYet ? e.retryAfterMs : policy.retryAfterMs?.(e)),
      log: (line, e) => {
        if (!(e instanceof NotYet)) policy.log?.(line, e);
      },
    }, probe);
    return { done: true, value };
  } catch (error) {
    if (error instanceof NotYet) return { done: false, state: error.state };
    throw error;
  }
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') return (error as { code: string }).code;
  return error instanceof Error ? error.message : String(error);
}

// The one retry loop of the action's own calls (ARM reads and idempotent writes after the pipeline's
// retries, the GitHub OIDC token request): exponential back-off, Retry-After honoured, and nothing
// ever waits past the deadline — a Retry-After longer than the budget left ends the loop at once
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
  /** One line per retry, e.g. core.info. */
  log?(line: string): void;
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
      const wait = asked !== undefined ? Math.max(asked, 0) : backoff;
      const left = policy.deadline - clock.now();
      if (wait > left) {
        if (asked !== undefined) policy.log?.(`${what}: the service asks to wait ${Math.ceil(asked / 1000)} s, more than the ${Math.max(0, Math.floor(left / 1000))} s left of the budget; giving up.`);
        throw error;
      }
      policy.log?.(`${what}: ${describe(error)}; trying again in ${Math.max(1, Math.round(wait / 1000))} s${asked !== undefined ? ' (Retry-After)' : ''}`);
      await clock.sleep(wait);
      backoff = Math.min(backoff * 2, policy.maxDelayMs ?? 15_000);
    }
  }
}

function describe(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') return (error as { code: string }).code;
  return error instanceof Error ? error.message : String(error);
}

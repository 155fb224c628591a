// The endpoint lease (docs/rollout.md §6): a deploy run holds the endpoint while it writes, so two
// runs of one endpoint never mix their traffic. The lease is a tag on the endpoint
// (`azureml-online-deploy.lease`: the holder — repository, run, attempt, job and a per-process
// nonce — and an expiry). It is taken right before the run's first write (for an endpoint that does
// not exist yet it travels in the create PUT's tags), checked (and renewed when its expiry moved)
// before every later write, and released at the end (success, failure, rollback, the signal handler,
// the post step). Two runs that both see no lease both write it; each reads it back after a settle
// delay and only the one whose lease Azure holds goes on, the other backs off and waits. A live lease
// of another run is waited for (`lease-wait`), then the run stops before any write; a lease past its
// expiry (a run that died) is taken over with a notice. The tags are written by a PATCH with the
// whole map (Azure replaces the tags of a resource with the PATCH's map; test/emulator/README.md), and
// every endpoint PUT carries the lease it read, so no write drops it. The clock is a parameter.
import { NotYet, polling, systemClock, type Clock } from '../azure/retry.ts';
import { ArmError, type AzureSession } from '../azure/session.ts';
import { isTransient, retryTransient, runLro } from './lro.ts';
import { isBusyConflict } from './writes.ts';

export const LEASE_TAG = 'azureml-online-deploy.lease';
/** An ARM tag value holds at most 256 characters. */
const TAG_VALUE_MAX = 256;
const UNTIL = ' until ';

export interface LeaseValue {
  holder: string;
  /** ms since the epoch. */
  expiresAt: number;
}

export function isLeaseTag(key: string): boolean {
  return key.toLowerCase() === LEASE_TAG;
}

export function formatLease(v: LeaseValue): string {
  const until = `${UNTIL}${new Date(v.expiresAt).toISOString()}`;
  return `${v.holder.slice(0, TAG_VALUE_MAX - until.length)}${until}`;
}

/** Undefined for a missing or unparseable value (a damaged lease is no lease). */
export function parseLease(text: string | undefined): LeaseValue | undefined {
  if (!text) return undefined;
  const i = text.lastIndexOf(UNTIL);
  if (i <= 0) return undefined;
  const expiresAt = Date.parse(text.slice(i + UNTIL.length));
  return Number.isFinite(expiresAt) ? { holder: text.slice(0, i), expiresAt } : undefined;
}

/** The lease on a tag map (the key in any letter case, as ARM keeps tag names case-insensitive). */
export function leaseOf(tags: Record<string, unknown> | undefined): LeaseValue | undefined {
  const key = Object.keys(tags ?? {}).find(isLeaseTag);
  const value = key === undefined ? undefined : tags?.[key];
  return typeof value === 'string' ? parseLease(value) : undefined;
}

/** The tags without the lease. */
export function withoutLease<T>(tags: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(tags).filter(([k]) => !isLeaseTag(k)));
}

/** An endpoint PUT body that carries exactly the given lease tag (none: no lease tag at all). */
export function withLeaseTag<T extends Record<string, unknown>>(body: T, lease: string | undefined): T {
  const tags = withoutLease((body.tags ?? {}) as Record<string, unknown>);
  return { ...body, tags: lease === undefined ? tags : { ...tags, [LEASE_TAG]: lease } };
}

/** An endpoint PUT body that carries the lease the live endpoint holds (so a PUT never drops a holder's lease). */
export function carryLease<T extends Record<string, unknown>>(body: T, liveTags: Record<string, unknown> | undefined): T {
  const key = Object.keys(liveTags ?? {}).find(isLeaseTag);
  const value = key === undefined ? undefined : liveTags?.[key];
  return withLeaseTag(body, typeof value === 'string' ? value : undefined);
}

/** Who holds the lease: repository, run, attempt and job (https://docs.github.com/actions/reference/variables-reference), and a nonce for matrix legs of one job. */
export function leaseHolder(env: Record<string, string | undefined>, nonce: string): string {
  const repo = env.GITHUB_REPOSITORY || 'local';
  const run = env.GITHUB_RUN_ID || `pid-${process.pid}`;
  return `${repo}/runs/${run}/attempts/${env.GITHUB_RUN_ATTEMPT || '1'}/jobs/${env.GITHUB_JOB || 'deploy'}#${nonce}`;
}

export function describeLease(v: LeaseValue, now: number): string {
  const left = Math.round((v.expiresAt - now) / 1000);
  return `${v.holder} until ${new Date(v.expiresAt).toISOString()}${left > 0 ? ` (${left} s from now)` : ' (expired)'}`;
}

/** The endpoint's tags as the lease sees them. */
export interface LeaseStore {
  /** The endpoint's tags; undefined when the endpoint does not exist. */
  readTags(): Promise<Record<string, string> | undefined>;
  /** Replaces the endpoint's tags with `tags` (the whole map). */
  writeTags(tags: Record<string, string>): Promise<void>;
}

export interface LeaseOptions {
  holder: string;
  endpointName: string;
  /** The expiry written when the lease is taken or renewed (ms since the epoch): the end of the run's own budget. */
  expiresAt(): number;
  /** How long a live lease of another run is waited for (`lease-wait`). */
  waitMs: number;
  /** Between two reads of a lease held by another run (default 5 s, never past the wait). */
  pollMs?: number;
  /** Between writing the lease and reading it back, so that a run which wrote at the same moment shows (default 3 s). */
  settleMs?: number;
  clock?: Clock;
  log(line: string): void;
  notice(line: string): void;
  /** Called when the lease is held (state for the post step) and when it is released. */
  onChange?(held: boolean): void;
}

export type LeaseCheck =
  /** This run holds the lease; `taken` on the call that took it (the world may have moved while it waited). */
  | { kind: 'held'; taken: boolean; waitedMs: number }
  /** The endpoint does not exist: the lease travels in the create PUT's tags (`tag()`), then `confirm()`. */
  | { kind: 'create' }
  /** Another run holds a live lease, still after `lease-wait`. */
  | { kind: 'leased'; by: LeaseValue; waitedMs: number }
  /** This run held the lease and another run holds it now (or the endpoint is gone). */
  | { kind: 'lost'; by?: LeaseValue };

export class EndpointLease {
  private state: 'none' | 'create' | 'held' | 'released' = 'none';
  private value: LeaseValue;
  private readonly clock: Clock;
  private readonly store: LeaseStore;
  private readonly options: LeaseOptions;

  constructor(store: LeaseStore, options: LeaseOptions) {
    this.store = store;
    this.options = options;
    this.clock = options.clock ?? systemClock;
    this.value = { holder: options.holder, expiresAt: options.expiresAt() };
  }

  get held(): boolean {
    return this.state === 'held';
  }

  /** The lease tag's value, for an endpoint PUT of this run. */
  tag(): string {
    return formatLease(this.value);
  }

  /** Before a write: takes the lease on the first call (waiting for another run's), then checks it is still this run's and renews it. */
  async ensure(): Promise<LeaseCheck> {
    // Released (the end of the run, or the signal handler's): never taken again by a late write of this run.
    if (this.state === 'released') return { kind: 'lost' };
    if (this.state === 'held') return this.check();
    if (this.state === 'create') return this.confirm();
    return this.acquire();
  }

  private mine(v: LeaseValue | undefined): boolean {
    return v !== undefined && v.holder === this.options.holder;
  }

  private async acquire(): Promise<LeaseCheck> {
    const { clock, options } = this;
    const started = clock.now();
    const name = options.endpointName;
    // The waits are the one poll loop's (src/azure/retry.ts): each look either ends the wait or says how long until the next.
    const looked = await polling(`Lease of endpoint ${name}`, { deadline: Number.POSITIVE_INFINITY, clock }, async (): Promise<LeaseCheck> => {
      const tags = await this.store.readTags();
      if (tags === undefined) {
        this.value = { holder: options.holder, expiresAt: options.expiresAt() };
        this.state = 'create';
        return { kind: 'create' };
      }
      const current = leaseOf(tags);
      const now = clock.now();
      if (current && !this.mine(current) && current.expiresAt > now) {
        const waited = now - started;
        if (waited >= options.waitMs) return { kind: 'leased', by: current, waitedMs: waited };
        options.log(`Endpoint ${name} is leased by ${describeLease(current, now)}; waiting for it (${Math.round(waited / 1000)} s of lease-wait ${Math.round(options.waitMs / 1000)} s).`);
        throw new NotYet('leased', Math.max(1, Math.min(options.pollMs ?? 5000, options.waitMs - waited, current.expiresAt - now)));
      }
      if (current && !this.mine(current)) {
        options.notice(`Endpoint ${name}: taking over the lease of ${current.holder}, which expired at ${new Date(current.expiresAt).toISOString()} (a run that died or was cancelled without releasing it).`);
      }
      this.value = { holder: options.holder, expiresAt: options.expiresAt() };
      await this.store.writeTags({ ...withoutLease(tags), [LEASE_TAG]: formatLease(this.value) });
      // Another run that saw no lease either may have written at the same moment: the last write wins, and shows after the settle delay.
      await clock.sleep(options.settleMs ?? 3000);
      const back = await this.store.readTags();
      if (back === undefined) return { kind: 'lost' };
      const holder = leaseOf(back);
      if (this.mine(holder)) {
        this.state = 'held';
        options.onChange?.(true);
        options.log(`Endpoint ${name}: lease taken (${formatLease(this.value)}).`);
        return { kind: 'held', taken: true, waitedMs: clock.now() - started };
      }
      options.log(`Endpoint ${name}: another run took the lease at the same moment (${holder ? describeLease(holder, clock.now()) : 'no lease read back'}); backing off.`);
      throw new NotYet('contended', 0);
    });
    // The deadline is the probe's own (lease-wait), so the loop ends only through it.
    if (!looked.done) throw new Error(`Lease of endpoint ${name}: the wait ended without an answer`);
    return looked.value;
  }

  /** After the create PUT that carried the lease: read back whose lease the endpoint holds. */
  private async confirm(): Promise<LeaseCheck> {
    const back = await this.store.readTags();
    if (back === undefined) {
      // Still not created (the create PUT was not sent): take the lease the usual way.
      this.state = 'none';
      return this.acquire();
    }
    const holder = leaseOf(back);
    if (this.mine(holder)) {
      this.state = 'held';
      this.options.onChange?.(true);
      return this.check();
    }
    this.state = 'none';
    return { kind: 'lost', by: holder };
  }

  /** Still this run's? Renewed when its expiry moved or a writer dropped the tag; another holder means the lease is lost. */
  private async check(): Promise<LeaseCheck> {
    const tags = await this.store.readTags();
    if (tags === undefined) return { kind: 'lost' };
    const current = leaseOf(tags);
    if (current && !this.mine(current)) {
      this.state = 'none';
      return { kind: 'lost', by: current };
    }
    const want = this.options.expiresAt();
    if (!current || current.expiresAt !== want) {
      if (!current) this.options.log(`Endpoint ${this.options.endpointName}: the lease tag was dropped by another writer; writing it again.`);
      this.value = { holder: this.options.holder, expiresAt: want };
      await this.store.writeTags({ ...withoutLease(tags), [LEASE_TAG]: formatLease(this.value) });
    }
    return { kind: 'held', taken: false, waitedMs: 0 };
  }

  /** At the end of the run: removes the lease when it is still this run's. Never throws; a lease left behind expires, and the post step tries again. */
  async release(): Promise<boolean> {
    if (this.state !== 'held' && this.state !== 'create') return true;
    try {
      const tags = await this.store.readTags();
      if (tags !== undefined && this.mine(leaseOf(tags))) await this.store.writeTags(withoutLease(tags));
      this.state = 'released';
      this.options.onChange?.(false);
      this.options.log(`Endpoint ${this.options.endpointName}: lease released.`);
      return true;
    } catch (error) {
      this.options.log(`Endpoint ${this.options.endpointName}: the lease could not be released (${error instanceof Error ? error.message : String(error)}); it expires at ${new Date(this.value.expiresAt).toISOString()}, and the post step tries again.`);
      return false;
    }
  }
}

/** The lease store of an endpoint in Azure: GET for the tags, PATCH `{tags}` (200, or 202 and an operation) with retries for the write. */
export function armLeaseStore(session: Pick<AzureSession, 'arm'>, path: string, apiVersion: string, deadline: () => number, clock?: Clock): LeaseStore {
  return {
    async readTags() {
      try {
        const res = await retryTransient('GET endpoint tags', deadline(), () => session.arm.send<Record<string, unknown>>({ method: 'GET', path, apiVersion }), { clock });
        const tags = (res.body?.tags ?? {}) as Record<string, unknown>;
        return Object.fromEntries(Object.entries(tags).filter((e): e is [string, string] => typeof e[1] === 'string'));
      } catch (error) {
        if (error instanceof ArmError && error.status === 404) return undefined;
        throw error;
      }
    },
    async writeTags(tags) {
      const outcome = await retryTransient('PATCH endpoint tags', deadline(), () => runLro(session.arm, { method: 'PATCH', path, apiVersion, body: { tags } }, { label: 'Endpoint lease', deadline: deadline() }), {
        clock,
        retryable: (e) => isTransient(e) || isBusyConflict(e),
      });
      if (outcome.kind !== 'succeeded') throw new Error(`the tag update ${outcome.kind === 'failed' ? `failed: ${outcome.error.code}: ${outcome.error.message}` : 'did not finish in time'}`);
    },
  };
}

/** What the main step saves for the post step: the lease to release when the main step could not. */
export interface LeaseState {
  endpointPath: string;
  apiVersion: string;
  endpointName: string;
  holder: string;
}

export function parseLeaseState(text: string): LeaseState | undefined {
  try {
    const s = JSON.parse(text) as Partial<LeaseState>;
    return typeof s.endpointPath === 'string' && typeof s.apiVersion === 'string' && typeof s.endpointName === 'string' && typeof s.holder === 'string' ? (s as LeaseState) : undefined;
  } catch {
    return undefined;
  }
}

/** The post step's release: the lease is removed when Azure still holds this run's. */
export async function releaseSavedLease(session: Pick<AzureSession, 'arm'>, state: LeaseState, options: { budgetMs: number; clock?: Clock }): Promise<'released' | 'not ours' | 'gone'> {
  const clock = options.clock ?? systemClock;
  const end = clock.now() + options.budgetMs;
  const store = armLeaseStore(session, state.endpointPath, state.apiVersion, () => end, clock);
  const tags = await store.readTags();
  if (tags === undefined) return 'gone';
  if (leaseOf(tags)?.holder !== state.holder) return 'not ours';
  await store.writeTags(withoutLease(tags));
  return 'released';
}

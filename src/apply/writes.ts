// The writes of apply and their bookkeeping: findings, timeline rows, and how many writes Azure
// accepted (the report's `written`: nothing | partial | all, never "nothing" after a write).
import type { Clock } from '../azure/retry.ts';
import { ArmError, type AzureSession } from '../azure/session.ts';
import { makeFinding, type Finding, type SourceRange } from '../findings/finding.ts';
import type { RuleId } from '../findings/rules.ts';
import type { TimelineEntry } from '../report/model.ts';
import { isTransient, retryTransient, runLro, type LroOutcome } from './lro.ts';

/** Shared by the apply steps: findings, timeline, and what has been written. */
export class ApplyLog {
  readonly findings: Finding[] = [];
  readonly notes: string[] = [];
  writes = 0;
  failed = false;
  readonly timeline: TimelineEntry[];
  constructor(timeline: TimelineEntry[]) {
    this.timeline = timeline;
  }
  entry(name: string, started: number, verdict: TimelineEntry['verdict'], detail?: string): void {
    this.timeline.push({ name, durationMs: Math.round(Date.now() - started), verdict, ...(detail ? { detail } : {}) });
  }
  fail(rule: RuleId, at: SourceRange, message: string, hint?: string): void {
    this.failed = true;
    this.findings.push(makeFinding(rule, at, message, { severity: 'error', ...(hint ? { hint } : {}) }));
  }
}

/**
 * A 409 because another operation runs on the resource ("Cannot create a deployment in endpoint X
 * because it is in Updating provisioning state"): the write is waited out and sent again, never
 * failed (docs/rollout.md §1 "Busy resources"). Other 409s (a name taken, an immutable field) are final.
 */
export function isBusyConflict(error: unknown): boolean {
  return error instanceof ArmError && error.status === 409 && /provisioning state|current operation|operation is in progress/i.test(error.message);
}

/** A write through an LRO; a refused write (ARM error on the PUT itself) becomes a failed outcome. Throttling, 5xx and a busy resource's 409 are sent again until the deadline. */
export async function writeLro(session: Pick<AzureSession, 'arm'>, log: ApplyLog, req: { method: 'PUT' | 'DELETE'; path: string; apiVersion: string; body?: unknown }, label: string, deadline: number, options: { clock?: Clock } = {}): Promise<LroOutcome> {
  const started = Date.now();
  try {
    return await retryTransient(label, deadline, async () => {
      const outcome = await runLro(session.arm, req, { label, deadline, clock: options.clock });
      log.writes += 1;
      return outcome;
    }, { retryable: (error) => isTransient(error) || isBusyConflict(error), clock: options.clock });
  } catch (error) {
    if (error instanceof ArmError) return { kind: 'failed', error: { code: error.code, message: error.message.replace(/^\w+ \S+: \d+ \w+: /, '') }, polls: 0, elapsedMs: Date.now() - started };
    throw error;
  }
}


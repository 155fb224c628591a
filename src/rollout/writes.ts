// The writes of apply and their bookkeeping: findings, timeline rows, and how many writes Azure
// accepted (the report's `written`: nothing | partial | all, never "nothing" after a write).
import { ArmError, type AzureSession } from '../azure/session.ts';
import { makeFinding, type Finding, type SourceRange } from '../findings/finding.ts';
import type { RuleId } from '../findings/rules.ts';
import type { TimelineEntry } from '../report/model.ts';
import { retryTransient, runLro, type LroOutcome } from './lro.ts';

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

/** A write through an LRO; a refused write (ARM error on the PUT itself) becomes a failed outcome. */
export async function writeLro(session: AzureSession, log: ApplyLog, req: { method: 'PUT'; path: string; apiVersion: string; body: unknown }, label: string, deadline: number): Promise<LroOutcome> {
  const started = Date.now();
  try {
    return await retryTransient(label, deadline, async () => {
      const outcome = await runLro(session.arm, req, { label, deadline });
      log.writes += 1;
      return outcome;
    });
  } catch (error) {
    if (error instanceof ArmError) return { kind: 'failed', error: { code: error.code, message: error.message.replace(/^\w+ \S+: \d+ \w+: /, '') }, polls: 0, elapsedMs: Date.now() - started };
    throw error;
  }
}


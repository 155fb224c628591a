// What a mode is: an entry of the registry (registry.ts) that says which phases of the one
// pipeline (src/pipeline.ts) it runs. Lint runs only the offline analysis; validate adds the
// online checks; deploy adds apply. See docs/architecture.md.
import type { Analysis } from '../analyze.ts';
import type { Finding } from '../findings/finding.ts';
import type { Severity } from '../findings/severity.ts';
import type { Inputs } from '../inputs.ts';
import type { Plan } from '../plan.ts';
import type { DeletedResource, ReadBack, ReferenceRow, TimelineEntry, Written } from '../report/model.ts';
import type { SourceFile } from '../source-files.ts';

/** Opens a phase: its own log group, timed into the summary's timeline. */
export type PhaseRunner = <T>(name: string, work: () => Promise<T>) => Promise<T>;

export interface AnalyzedRun {
  inputs: Inputs;
  files: SourceFile[];
  analysis: Analysis;
  /** Every phase of a mode runs through this, so the log and the timeline show the same phases. */
  phase: PhaseRunner;
  timeline: TimelineEntry[];
}

export interface CheckResult {
  findings: Finding[];
  /** Replaces the offline reference rows: each with pass, fail or unknown. */
  references: ReferenceRow[];
  /** The plan refined against the live workspace (what changes, what already matches). */
  plan?: Plan;
  /** Whether deploy would change anything (the `changes` output); unknown offline. */
  changes?: boolean;
  readBack?: ReadBack;
  notes: string[];
  /** Offline findings an online check re-decided (e.g. traffic to a deployment in no file): dropped from the report. */
  supersedes?: (offline: Finding) => boolean;
}

export interface ApplyResult {
  findings: Finding[];
  written: Written;
  readBack?: ReadBack;
  notes: string[];
  /** What a teardown deleted (read back as gone). */
  deleted?: DeletedResource[];
}

export interface ModeDefinition<Checked extends CheckResult = CheckResult> {
  /** Traffic naming a deployment in no file: a warning offline (it may exist), decided online. */
  unknownTrafficSeverity: Severity;
  /** How offline reference rows read before any online check (lint never runs one). */
  offlineReferenceStatus: string;
  /** Online checks: sign in, read Azure, return findings. Never writes. */
  check?(run: AnalyzedRun): Promise<Checked>;
  /**
   * Writes to Azure. The pipeline calls it only when the checks found nothing that fails the run.
   * A service failure is returned as a finding with what was written so far, never thrown: a
   * throw reaches the failure funnel without a report.
   */
  apply?(run: AnalyzedRun, checked: Checked): Promise<ApplyResult>;
}

// What a run produced, in one plain value: the report layer renders it, tests inspect it.
import { countBySeverity, type Finding } from '../findings/finding.ts';
import type { RuleId } from '../findings/rules.ts';
import type { Plan } from '../plan.ts';

/** What is known of one secret reference: proven to resolve, proven not to, or not known (and why). */
export type ReferenceStatus = { state: 'pass' } | { state: 'fail'; rule: RuleId } | { state: 'unknown'; why: string };

export interface ReferenceRow {
  variable: string;
  file: string;
  line: number;
  store: string;
  target: string;
  status: ReferenceStatus;
}

/** What the run wrote to Azure: the report never claims "nothing was written" after a write. */
export type Written = 'nothing' | 'partial' | 'all';

/** The endpoint as read back from Azure after the run (or as found, in validate). */
export interface ReadBack {
  scoringUri?: string;
  swaggerUri?: string;
  traffic?: Record<string, number>;
  mirrorTraffic?: Record<string, number>;
  /** The endpoint's ARM resource id, as Azure returned it (the `endpoint-id` output). */
  endpointId?: string;
  /** The principal id of the endpoint's identity: the system-assigned one, else its only user-assigned one (the `endpoint-principal-id` output). */
  principalId?: string;
}

/** The ids a later step chains on, from an online endpoint's ARM GET body: `id` and `identity.principalId`. */
export function armIdentifiers(body: Record<string, unknown> | undefined): Pick<ReadBack, 'endpointId' | 'principalId'> {
  const text = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : undefined);
  const identity = body?.identity && typeof body.identity === 'object' ? (body.identity as Record<string, unknown>) : {};
  const ids: Pick<ReadBack, 'endpointId' | 'principalId'> = {};
  const endpointId = text(body?.id);
  // System-assigned: identity.principalId; user-assigned only: the one identity's principalId (with several, none is "the" identity).
  const assigned = identity.userAssignedIdentities && typeof identity.userAssignedIdentities === 'object' ? Object.values(identity.userAssignedIdentities as Record<string, { principalId?: unknown }>) : [];
  const principalId = text(identity.principalId) ?? (assigned.length === 1 ? text(assigned[0]?.principalId) : undefined);
  if (endpointId) ids.endpointId = endpointId;
  if (principalId) ids.principalId = principalId;
  return ids;
}

/** A resource a teardown (mode: delete) deleted and read back as gone (the `deleted` output). */
export interface DeletedResource {
  kind: 'endpoint' | 'deployment';
  name: string;
  /** Its ARM resource id. */
  id: string;
  /** For an endpoint: the deployments Azure deleted with it. */
  deployments?: string[];
}

/** One phase or gate of the run, for the summary's timeline. */
export interface TimelineEntry {
  name: string;
  durationMs: number;
  verdict: 'ok' | 'failed' | 'skipped' | 'rolled back' | 'inconclusive';
  detail?: string;
}

export interface RunReport {
  mode: string;
  failOn: 'error' | 'warning';
  files: string[];
  findings: Finding[];
  references: ReferenceRow[];
  plan: Plan;
  written: Written;
  /** Whether deploy would change (or changed) anything; undefined when not known (lint). */
  changes?: boolean;
  readBack?: ReadBack;
  timeline: TimelineEntry[];
  endpointName?: string;
  deploymentNames: string[];
  /** Extra lines for the summary, e.g. inputs ignored in this mode. */
  notes: string[];
  /** mode: delete: what was deleted and read back as gone. */
  deleted?: DeletedResource[];
}

export function failed(report: Pick<RunReport, 'findings' | 'failOn'>): boolean {
  return report.findings.some((f) => f.severity === 'error' || (report.failOn === 'warning' && f.severity === 'warning'));
}

/** The step's failure line: what failed, where, and what was written. */
export function failureMessage(report: Pick<RunReport, 'findings' | 'failOn' | 'written'>): string {
  const counts = countBySeverity(report.findings);
  const failing = report.findings.filter((f) => f.severity === 'error' || (report.failOn === 'warning' && f.severity === 'warning'));
  const files = [...new Set(failing.map((f) => f.file))].join(', ');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const what = report.failOn === 'warning' ? `${plural(counts.error, 'error')} and ${plural(counts.warning, 'warning')}` : plural(counts.error, 'error');
  return `${what} in ${files}; ${writtenSentence(report.written)} See the annotations and the job summary.`;
}

export function writtenSentence(written: Written): string {
  switch (written) {
    case 'nothing':
      return 'nothing was written to Azure.';
    case 'partial':
      return 'some changes were written to Azure before the run stopped (see the timeline).';
    case 'all':
      return 'every planned change was written to Azure.';
  }
}

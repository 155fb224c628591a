// What a run produced, in one plain value: the report layer renders it, tests inspect it.
import { countBySeverity, type Finding } from '../findings/finding.ts';

/** One REST call the action would send (or sent), with a secret-free body. */
export interface PlannedRequest {
  method: 'PUT' | 'POST' | 'DELETE';
  /** ARM path without host, e.g. /subscriptions/…/onlineEndpoints/my-endpoint */
  path: string;
  apiVersion: string;
  description: string;
  body?: unknown;
}

export interface Plan {
  requests: PlannedRequest[];
  /** Local assets (model folder, code, inline environment) that apply would register first. */
  assets: { kind: string; description: string }[];
}

export interface ReferenceRow {
  variable: string;
  file: string;
  line: number;
  store: string;
  target: string;
  /** What is known of it: 'syntax ok (not checked online in lint mode)', 'resolves', … */
  status: string;
  ok?: boolean;
}

export interface RunReport {
  mode: string;
  failOn: 'error' | 'warning';
  files: string[];
  findings: Finding[];
  references: ReferenceRow[];
  plan: Plan;
  endpointName?: string;
  deploymentNames: string[];
  /** Extra lines for the summary, e.g. inputs ignored in this mode. */
  notes: string[];
}

export function failed(report: Pick<RunReport, 'findings' | 'failOn'>): boolean {
  return report.findings.some((f) => f.severity === 'error' || (report.failOn === 'warning' && f.severity === 'warning'));
}

/** The step's failure line: what failed, where, and that nothing was written. */
export function failureMessage(report: Pick<RunReport, 'findings' | 'failOn'>): string {
  const counts = countBySeverity(report.findings);
  const failing = report.findings.filter((f) => f.severity === 'error' || (report.failOn === 'warning' && f.severity === 'warning'));
  const files = [...new Set(failing.map((f) => f.file))].join(', ');
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const what = report.failOn === 'warning' ? `${plural(counts.error, 'error')} and ${plural(counts.warning, 'warning')}` : plural(counts.error, 'error');
  return `${what} in ${files}; nothing was written to Azure. See the annotations and the job summary.`;
}

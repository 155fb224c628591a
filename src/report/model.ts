// What a run produced, in one plain value: the report layer renders it, tests inspect it.
import type { Finding } from '../findings/finding.ts';

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

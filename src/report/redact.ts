// Values the workflow passed in `secret-set` are secret (`set` values are not: they stay readable).
// The runner masks them in the log (the pipeline registers them with core.setSecret), but not in what the action writes itself:
// the SARIF file (uploaded to code scanning), the plan file, the pull-request comment, the job
// summary and the JSON outputs. So every text of the report is redacted the same way before it is
// rendered. Names (endpoint, deployments, files) stay: outputs pass them to later steps. Pure.
import type { RunReport } from './model.ts';

export const REDACTED = '***';

/** Shorter values would blank out ordinary words and numbers (`instance_count=1`); none is a credential. */
export const MIN_REDACTED_LENGTH = 4;

/** The values worth masking, longest first (a value that contains another is masked whole): the one answer for the log, the plan's diff and the report. */
export function maskable(values: Iterable<string>): string[] {
  return [...new Set([...values].filter((v) => v.length >= MIN_REDACTED_LENGTH))].sort((a, b) => b.length - a.length);
}

export function redactReport(report: RunReport, values: readonly string[]): RunReport {
  const secrets = maskable(values);
  if (secrets.length === 0) return report;
  const { endpointName, deploymentNames, files, ...texts } = report;
  return { ...(redactDeep(texts, secrets) as typeof texts), endpointName, deploymentNames, files };
}

/** Fields whose values are ids from a fixed set (or file paths), never user text: kept so the report stays well-formed. */
const IDENTIFIERS = new Set(['rule', 'severity', 'state', 'verdict', 'method', 'apiVersion', 'file', 'failOn', 'mode', 'written']);

function redactDeep(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return secrets.reduce((text, secret) => text.split(secret).join(REDACTED), value);
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, secrets));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, IDENTIFIERS.has(k) ? v : redactDeep(v, secrets)]));
  }
  return value;
}

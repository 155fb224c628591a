// The one shape every problem takes, from YAML syntax to a failed rollout gate (docs/rules.md).
import { RULES, type RuleId, type RuleSpec } from './rules.ts';
import type { Severity } from './severity.ts';

/** A place in a source file. 1-based, as GitHub annotations want them. */
export interface SourceRange {
  /** Path relative to GITHUB_WORKSPACE (or to the working directory outside Actions). */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
}

export interface Finding extends SourceRange {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** How to fix it: shown in the annotation, the summary and the findings output. */
  hint?: string;
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/** Most important first: severity, then file order, then position. Stable for equal keys. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank[a.severity] - severityRank[b.severity] ||
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column
  );
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, notice: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Build a finding with the catalog's severity (unless overridden) and the rule's fix as hint. */
export function makeFinding(
  rule: RuleId,
  at: SourceRange,
  message: string,
  options: { hint?: string; severity?: Severity } = {},
): Finding {
  const spec: RuleSpec = RULES[rule];
  return {
    rule,
    severity: options.severity ?? spec.severity,
    message,
    ...at,
    hint: options.hint ?? spec.fix,
  };
}

// Findings → GitHub annotations. GitHub shows at most 10 annotations of each severity per step,
// so the most important come first and, when more exist, the tenth slot points at the summary.
// Each message ends with a link to the rule's section of docs/rules.md.
import { compareFindings, type Finding } from '../findings/finding.ts';
import type { Severity } from '../findings/severity.ts';
import { RULES } from '../findings/rules.ts';
import { linksFromEnv, ruleUrl, type ReportLinks } from './links.ts';

export const ANNOTATIONS_PER_SEVERITY = 10;

export interface Annotation {
  severity: Severity;
  message: string;
  title: string;
  file?: string;
  startLine?: number;
  startColumn?: number;
  endLine?: number;
  endColumn?: number;
}

export function findingToAnnotation(f: Finding, links: ReportLinks = linksFromEnv({})): Annotation {
  const message = [f.message, ...(f.hint ? [`Fix: ${f.hint}`] : []), `Rule: ${ruleUrl(links, f.rule)}`].join('\n');
  const annotation: Annotation = {
    severity: f.severity,
    title: `${f.rule}: ${RULES[f.rule].title}`,
    message,
    file: f.file,
    startLine: f.line,
    startColumn: f.column,
  };
  // GitHub ignores columns on multi-line annotations and rejects an end column without one.
  if (f.endLine !== undefined && f.endLine !== f.line) annotation.endLine = f.endLine;
  else if (f.endColumn !== undefined) {
    annotation.endLine = f.line;
    annotation.endColumn = f.endColumn;
  }
  return annotation;
}

export function selectAnnotations(findings: readonly Finding[], links: ReportLinks = linksFromEnv({}), limit = ANNOTATIONS_PER_SEVERITY): Annotation[] {
  const sorted = [...findings].sort(compareFindings);
  const out: Annotation[] = [];
  for (const severity of ['error', 'warning', 'notice'] as const) {
    const ofSeverity = sorted.filter((f) => f.severity === severity);
    if (ofSeverity.length <= limit) {
      out.push(...ofSeverity.map((f) => findingToAnnotation(f, links)));
      continue;
    }
    const shown = ofSeverity.slice(0, limit - 1);
    out.push(...shown.map((f) => findingToAnnotation(f, links)));
    const rest = ofSeverity.length - shown.length;
    out.push({
      severity,
      title: `${rest} more ${severity}${rest === 1 ? '' : 's'}`,
      message: `${rest} more ${severity} finding${rest === 1 ? ' is' : 's are'} not annotated (GitHub shows ${limit} per step): see the job summary for the most important and the SARIF file (the 'sarif-file' output) for the full list.`,
    });
  }
  return out;
}

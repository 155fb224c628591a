// The job summary: every finding, every secret reference, and the plan. Pure: returns Markdown.
import { compareFindings, countBySeverity, type Finding } from '../findings/finding.ts';
import { code, details, escapeCell, fenced, table } from './markdown.ts';
import { timelineSection } from './timeline.ts';
import { failed, writtenSentence, type ReferenceStatus, type RunReport } from './model.ts';

const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const;

export function renderSummary(report: RunReport): string {
  const parts: string[] = [`## azureml-online-deploy · ${report.mode}`, headline(report)];
  if (report.notes.length) parts.push(report.notes.map((n) => `> ${escapeCell(n)}`).join('\n>\n'));
  const timeline = timelineSection(report);
  if (timeline) parts.push('### Timeline', timeline);
  parts.push('### Findings', report.findings.length ? findingsTable(report.findings) : 'No findings.');
  parts.push('### Secret references', report.references.length ? referencesTable(report) : 'No secret-injection references.');
  parts.push('### Plan', planSection(report));
  return parts.join('\n\n') + '\n';
}

function headline(report: RunReport): string {
  const counts = countBySeverity(report.findings);
  const tally = (['error', 'warning', 'notice'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => `${counts[s]} ${s}${counts[s] === 1 ? '' : 's'}`)
    .join(', ');
  const files = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
  if (failed(report)) return `**${ICON.error} Failed:** ${tally} in ${files}. ${capitalize(writtenSentence(report.written))}`;
  return `**✅ Passed:** ${tally || 'no findings'} in ${files}.`;
}

function findingsTable(findings: Finding[]): string {
  const rows = [...findings].sort(compareFindings).map((f) => [
    `${ICON[f.severity]} ${f.severity}`,
    code(f.rule),
    `${code(f.file)} ${f.line}:${f.column}`,
    escapeCell(f.message),
    escapeCell(f.hint ?? ''),
  ]);
  return table(['', 'Rule', 'Where', 'Problem', 'Fix'], rows);
}

function referencesTable(report: RunReport): string {
  const rows = report.references.map((r) => [
    code(r.variable),
    escapeCell(r.store),
    escapeCell(r.target),
    referenceStatusCell(r.status),
    `${code(r.file)} ${r.line}`,
  ]);
  return table(['Variable', 'Store', 'Target', 'Status', 'Where'], rows);
}

function planSection(report: RunReport): string {
  const { requests, assets } = report.plan;
  if (requests.length === 0) return 'Nothing to send.';
  const withheld = failed(report) ? ['Not sent: the errors above must be fixed first. Files with errors are not in the plan.', ''] : [];
  const lines = requests.map((r) => `- \`${r.method}\` ${code(r.path)}: ${escapeCell(r.description)}`);
  if (assets.length) lines.push('', 'Local assets registered first:', ...assets.map((a) => `- ${escapeCell(a.kind)}: ${escapeCell(a.description)}`));
  const bodies = requests
    .filter((r) => r.body !== undefined)
    .map((r) => details(`${r.method} ${r.path.split('/').slice(-2).join('/')} (api-version ${r.apiVersion})`, fenced('json', JSON.stringify(r.body, null, 2))));
  return [...withheld, ...lines, '', ...bodies].join('\n');
}

function referenceStatusCell(status: ReferenceStatus): string {
  switch (status.state) {
    case 'pass':
      return '✅ pass';
    case 'fail':
      return `${ICON.error} fail (${code(status.rule)})`;
    case 'unknown':
      return `· unknown: ${escapeCell(status.why)}`;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

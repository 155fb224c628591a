// The report as Markdown, for the job summary and the pull-request comment: the verdict, every finding
// (its rule linked to docs/rules.md), every secret reference with its status, and the plan. Pure:
// returns Markdown that fits the budget it is given, most important first, with a note for the rest.
import { compareFindings, countBySeverity, type Finding } from '../findings/finding.ts';
import { BUDGETS, renderWithin, utf8Bytes, type Measure, type Section } from './budget.ts';
import { ruleUrl, sourceUrl, linksFromEnv, type ReportLinks } from './links.ts';
import { describeTraffic } from '../apply/traffic-plan.ts';
import { code, details, escapeCell, fenced, table } from './markdown.ts';
import { failed, writtenSentence, type ReferenceStatus, type RunReport, type TimelineEntry } from './model.ts';

const ICON = { error: '❌', warning: '⚠️', notice: 'ℹ️' } as const;

export interface MarkdownOptions {
  links: ReportLinks;
  /** Size limit of the result, in `measure` units. */
  budget: number;
  measure: Measure;
  /** First line(s), e.g. the heading, or the comment's hidden marker and heading. */
  heading: string;
  /** Where the reader finds what a section had to leave out: said in the section's closing note. */
  elsewhere: { findings: string; plan: string };
  /** Request bodies as collapsed JSON blocks (the job summary), or only the request lines (the PR comment). */
  requestBodies: boolean;
  /** Phase durations: in the job summary, not in the PR comment (they would make every run look changed). */
  timings: boolean;
}

export const SUMMARY_ELSEWHERE = {
  findings: 'Every finding is in the SARIF file the step wrote (its path is the `sarif-file` output; upload it with `github/codeql-action/upload-sarif` or `actions/upload-artifact`).',
  plan: 'The whole plan is in the plan file the step wrote (its path is the `plan-file` output; upload it with `actions/upload-artifact`).',
};

export function renderSummary(report: RunReport, options: Partial<MarkdownOptions> = {}): string {
  return renderReport(report, {
    links: linksFromEnv({}),
    budget: BUDGETS.summaryBytes,
    measure: utf8Bytes,
    heading: `## azureml-online-deploy · ${report.mode}`,
    elsewhere: SUMMARY_ELSEWHERE,
    requestBodies: true,
    timings: true,
    ...options,
  });
}

export function renderReport(report: RunReport, options: MarkdownOptions): string {
  // The totals come first, so they are there whatever a section had to leave out to fit.
  const preface = [options.heading, headline(report), totalsLine(report)];
  if (report.notes.length) preface.push(report.notes.map((n) => `> ${escapeCell(n)}`).join('\n>\n'));
  const sections = [
    findingsSection(report, options),
    ...timelineSection(report, options),
    ...endpointSection(report),
    referencesSection(report),
    ...planSections(report, options),
  ];
  return renderWithin(preface.join('\n\n'), sections, options.budget, options.measure);
}

export function headline(report: RunReport): string {
  const tally = tallyOf(report.findings);
  const files = plural(report.files.length, 'file');
  const changes = report.changes === undefined ? '' : report.changes ? ' The plan changes Azure.' : ' The plan changes nothing: Azure already matches the files.';
  if (failed(report)) return `**${ICON.error} Failed:** ${tally} in ${files}. ${capitalize(writtenSentence(report.written))}`;
  const written = report.written === 'nothing' ? '' : ` ${capitalize(writtenSentence(report.written))}`;
  return `**✅ Passed:** ${tally || 'no findings'} in ${files}.${written || changes}`;
}

/** Every count the report stands on, exact: the sections below may show only the most important rows. */
export function totalsLine(report: RunReport): string {
  const findings = report.findings.length;
  const tally = tallyOf(report.findings);
  const requests = report.plan.requests.length + report.plan.assets.length;
  return [
    `**Totals:** ${plural(report.files.length, 'file')}`,
    plural(report.references.length, 'secret reference'),
    `${plural(findings, 'finding')}${findings ? ` (${tally})` : ''}`,
    plural(requests, 'plan entry', 'plan entries'),
  ].join(' · ');
}

const VERDICT_ICON: Record<TimelineEntry['verdict'], string> = { ok: '✅', failed: ICON.error, skipped: '⏭️', 'rolled back': '↩️', inconclusive: '❔' };

/** The phases and gates of an online run (lint has one phase: no timeline). Durations only where they may change every run. */
function timelineSection(report: RunReport, options: MarkdownOptions): Section[] {
  if (report.timeline.length < 2) return [];
  const header = options.timings ? ['Phase', 'Result', 'Time', 'Detail'] : ['Phase', 'Result', 'Detail'];
  return [
    {
      title: '### Timeline',
      opening: table(header, []),
      items: report.timeline.map((t) => {
        const cells = [escapeCell(t.name), `${VERDICT_ICON[t.verdict]} ${t.verdict}`, ...(options.timings ? [duration(t.durationMs)] : []), escapeCell(t.detail ?? '')];
        return `| ${cells.join(' | ')} |`;
      }),
      empty: '',
      more: (omitted) => `**${plural(omitted, 'more phase')}** did not fit here; the run's log has every phase.`,
    },
  ];
}

/** The endpoint as read back from Azure: what the run left behind. */
function endpointSection(report: RunReport): Section[] {
  const live = report.readBack;
  if (!live) return [];
  const percent = (map: Record<string, number>) => Object.entries(map).map(([name, pct]) => `${code(name)} ${pct} %`).join(', ') || 'none';
  const items = [
    ...(live.traffic ? [`- Traffic: ${percent(live.traffic)}`] : []),
    ...(live.mirrorTraffic ? [`- Mirrored traffic: ${percent(live.mirrorTraffic)}`] : []),
    ...(live.scoringUri ? [`- Scoring URI: ${code(live.scoringUri)}`] : []),
    ...(live.swaggerUri ? [`- Swagger URI: ${code(live.swaggerUri)}`] : []),
  ];
  return [{ title: '### Endpoint, as read back from Azure', items, empty: 'Nothing was read back.', more: (omitted) => `${omitted} more lines did not fit here.` }];
}

function duration(ms: number): string {
  if (ms < 1000) return `${ms} ms`;
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function findingsSection(report: RunReport, options: MarkdownOptions): Section {
  const sorted = [...report.findings].sort(compareFindings);
  return {
    title: '### Findings',
    opening: table(['', 'Rule', 'Where', 'Problem', 'Fix'], []),
    items: sorted.map((f) => findingRow(f, options.links)),
    empty: 'No findings.',
    more: (omitted) => `**${plural(omitted, 'more finding')}** (${tallyOf(sorted.slice(sorted.length - omitted))}) did not fit here. ${options.elsewhere.findings}`,
  };
}

export function findingRow(f: Finding, links: ReportLinks): string {
  const where = `${code(f.file)} ${f.line}:${f.column}`;
  const url = sourceUrl(links, f.file, f.line);
  const cells = [
    `${ICON[f.severity]} ${f.severity}`,
    `[${code(f.rule)}](${ruleUrl(links, f.rule)})`,
    url ? `[${where}](${url})` : where,
    escapeCell(f.message),
    escapeCell(f.hint ?? ''),
  ];
  return `| ${cells.join(' | ')} |`;
}

function referencesSection(report: RunReport): Section {
  return {
    title: '### Secret references',
    opening: table(['Variable', 'Store', 'Target', 'Status', 'Where'], []),
    items: report.references.map((r) =>
      `| ${[
        code(r.variable),
        escapeCell(r.store),
        escapeCell(r.target),
        referenceStatusCell(r.status),
        `${code(r.file)} ${r.line}`,
      ].join(' | ')} |`,
    ),
    empty: 'No secret-injection references.',
    more: (omitted) => `**${plural(omitted, 'more reference')}** did not fit here; each one with a problem is a finding above or in the SARIF file.`,
  };
}

function planSections(report: RunReport, options: MarkdownOptions): Section[] {
  const { requests, assets } = report.plan;
  const withheld = !failed(report)
    ? ''
    : report.written === 'nothing'
      ? '\n\nNot sent: the errors above must be fixed first. Files with errors are not in the plan.'
      : report.written === 'partial'
        ? '\n\nSent in part: the run stopped on the errors above (the timeline shows what was written and what was rolled back).'
        : '\n\nSent: every request was written before the errors above.';
  const lines = requests.map((r) => [`- \`${r.method}\` ${code(r.path)}: ${escapeCell(r.description)}`, ...(r.diff ?? []).map((d) => `  - ${code(d)}`)].join('\n'));
  const traffic = report.plan.traffic;
  if (traffic) lines.push(`- traffic: ${escapeCell(describeTraffic(traffic))}`);
  const assetLines = assets.map((a) => `- local asset registered first: ${escapeCell(a.kind)}: ${escapeCell(a.description)}`);
  const sections: Section[] = [
    {
      title: `### Plan${requests.length ? withheld : ''}`,
      items: [...lines, ...assetLines],
      empty: 'Nothing to send.',
      more: (omitted) => `**${plural(omitted, 'more plan entry', 'more plan entries')}** did not fit here. ${options.elsewhere.plan}`,
    },
  ];
  const bodies = requests.filter((r) => r.body !== undefined);
  if (options.requestBodies && bodies.length) {
    sections.push({
      title: '#### Request bodies',
      items: bodies.map((r) => details(`${r.method} ${r.path.split('/').slice(-2).join('/')} (api-version ${r.apiVersion})`, fenced('json', JSON.stringify(r.body, null, 2)))),
      separator: '\n\n',
      empty: '',
      more: (omitted) => `**${plural(omitted, 'more request body', 'more request bodies')}** did not fit here. ${options.elsewhere.plan}`,
    });
  }
  return sections;
}

/** '2 errors, 1 warning': the severities present, most severe first. */
export function tallyOf(findings: readonly Finding[]): string {
  const counts = countBySeverity(findings);
  return (['error', 'warning', 'notice'] as const)
    .filter((s) => counts[s] > 0)
    .map((s) => plural(counts[s], s))
    .join(', ');
}

function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
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

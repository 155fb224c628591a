// The sticky pull-request comment's body, and how a run recognises its own comment from the last
// run: a hidden marker on the first line, then the report (verdict, findings linked to the PR's head
// commit, reference statuses, plan) within GitHub's 65,536 characters, then a footer naming the run.
// The footer and the durations change with every run, so "unchanged" compares the rest. Pure.
import { BUDGETS, characters } from './budget.ts';
import type { ReportLinks } from './links.ts';
import type { RunReport } from './model.ts';
import { renderReport } from './summary.ts';

const MARKER_PREFIX = '<!-- azureml-online-deploy:sticky ';
const FOOTER_MARKER = '<!-- azureml-online-deploy:footer -->';

/** `key` tells apart the comments of several jobs or endpoints on one pull request. */
export function commentMarker(key: string): string {
  return `${MARKER_PREFIX}${key.replace(/-->|[\r\n]/g, ' ')} -->`;
}

export interface CommentOptions {
  key: string;
  links: ReportLinks;
  /** The run that wrote the comment: its job summary and files have everything the comment leaves out. */
  runUrl?: string;
}

export function renderComment(report: RunReport, options: CommentOptions): string {
  const marker = commentMarker(options.key);
  const footer = `${FOOTER_MARKER}\n---\n<sub>${options.runUrl ? `Written by [this run](${options.runUrl}); its` : 'The'} job summary has the request bodies, and the step's \`sarif-file\` and \`plan-file\` outputs have every finding and the whole plan.</sub>\n`;
  // No run link above the footer: the content must stay the same when the results do.
  const elsewhere = 'The job summary and the SARIF file of the run named below have them all.';
  const content = renderReport(report, {
    links: options.links,
    budget: BUDGETS.commentChars - characters(marker) - characters(footer) - 2,
    measure: characters,
    heading: `### azureml-online-deploy · ${report.mode}`,
    elsewhere: { findings: elsewhere, plan: elsewhere },
    requestBodies: false,
    timings: false,
  });
  return `${marker}\n${content}\n${footer}`;
}

/** The comment this run owns, if an earlier run wrote one: the first whose body starts with the marker. */
export function findOwnComment<C extends { body?: string | null }>(comments: Iterable<C>, key: string): C | undefined {
  const marker = commentMarker(key);
  for (const c of comments) if (c.body?.startsWith(marker)) return c;
  return undefined;
}

/** Durations in notes ("13 requests in 522 ms") differ on every run without anything having changed. */
const DURATION = /\b\d[\d.,]*\s?(?:ms|s|min|h)\b/g;

/** True when the bodies differ only in their footers (which name the run) and in durations. */
export function sameContent(existing: string, next: string): boolean {
  const content = (body: string) => body.split(FOOTER_MARKER)[0]?.trimEnd().replace(DURATION, '(time)');
  return content(existing) === content(next);
}

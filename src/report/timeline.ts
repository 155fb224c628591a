// The summary's timeline: each phase and gate of the run with its duration and verdict, and the
// traffic as read back (before → after). Pure: returns Markdown.
import { code, escapeCell, table } from './markdown.ts';
import type { RunReport, TimelineEntry } from './model.ts';

const VERDICT: Record<TimelineEntry['verdict'], string> = { ok: '✅ ok', failed: '❌ failed', skipped: '⏭️ skipped', 'rolled back': '↩️ rolled back', inconclusive: '❔ inconclusive' };

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`;
}

export function timelineSection(report: Pick<RunReport, 'timeline' | 'readBack'>): string | undefined {
  if (report.timeline.length === 0) return undefined;
  const rows = report.timeline.map((t) => [escapeCell(t.name), seconds(t.durationMs), VERDICT[t.verdict], escapeCell(t.detail ?? '')]);
  const parts = [table(['Phase or gate', 'Duration', 'Verdict', 'Detail'], rows)];
  const traffic = report.readBack?.traffic;
  if (traffic) parts.push(`Traffic as read back from Azure: ${code(JSON.stringify(traffic))}`);
  return parts.join('\n\n');
}

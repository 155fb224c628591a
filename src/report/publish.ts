// The adapter between a RunReport and the runner: annotations, summary and outputs through
// @actions/core. Everything above this file is pure and testable without a runner.
import * as core from '@actions/core';
import { selectAnnotations } from './annotations.ts';
import type { RunReport } from './model.ts';
import { buildOutputs } from './outputs.ts';
import { renderSummary } from './summary.ts';

export async function publishReport(report: RunReport): Promise<void> {
  for (const a of selectAnnotations(report.findings)) {
    const { severity, message, ...props } = a;
    core[severity](message, props);
  }
  for (const [name, value] of Object.entries(buildOutputs(report))) core.setOutput(name, value);
  if (process.env.GITHUB_STEP_SUMMARY) {
    await core.summary.addRaw(renderSummary(report), true).write();
  } else {
    core.info(renderSummary(report));
  }
}

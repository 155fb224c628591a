// The adapter between a RunReport and the runner: annotations, the job summary and the outputs
// through @actions/core, the SARIF and plan files, and (with `pr-comment`) the sticky pull-request
// comment. Everything it renders comes from the pure modules beside it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as core from '@actions/core';
import packageJson from '../../package.json' with { type: 'json' };
import { pullRequestOf } from '../github/event.ts';
import { publishPrComment } from '../github/sticky-comment.ts';
import { workspaceRoot } from '../source-files.ts';
import { selectAnnotations } from './annotations.ts';
import { linksFromEnv, type ReportLinks } from './links.ts';
import type { RunReport } from './model.ts';
import { buildOutputs, type ReportFiles } from './outputs.ts';
import { redactReport } from './redact.ts';
import { buildSarif } from './sarif.ts';
import { renderSummary } from './summary.ts';

export interface PublishSettings {
  prComment: boolean;
  githubToken?: string;
  /** Values from the `secret-set` input: masked in the log by the runner, redacted here from everything the action writes. */
  secretValues?: readonly string[];
}

export async function publishReport(unredacted: RunReport, settings: PublishSettings = { prComment: false }, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const report = redactReport(unredacted, settings.secretValues ?? []);
  const pr = pullRequestOf(env);
  const links = linksFromEnv(env, pr?.headSha);
  for (const a of selectAnnotations(report.findings, links)) {
    const { severity, message, ...props } = a;
    core[severity](message, props);
  }
  const files = writeReportFiles(report, links, env);
  for (const [name, value] of Object.entries(buildOutputs(report, files))) core.setOutput(name, value);
  const summary = renderSummary(report, { links });
  if (env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(summary, true).write();
  else core.info(summary);
  if (settings.prComment) await publishPrComment(report, { token: settings.githubToken, pr, links, env });
}

/**
 * Every finding as SARIF and the whole plan as JSON, in a folder of this step under RUNNER_TEMP
 * (outside the checkout, so nothing lands in the repository; GITHUB_ACTION names the step).
 */
function writeReportFiles(report: RunReport, links: ReportLinks, env: NodeJS.ProcessEnv): ReportFiles {
  const dir = join(env.RUNNER_TEMP || tmpdir(), 'azureml-online-deploy', (env.GITHUB_ACTION || 'local').replace(/[^A-Za-z0-9_.-]/g, '_'));
  try {
    mkdirSync(dir, { recursive: true });
    const sarifFile = join(dir, 'findings.sarif');
    const planFile = join(dir, 'plan.json');
    const workspaceUri = `${pathToFileURL(workspaceRoot(env)).href.replace(/\/?$/, '/')}`;
    writeFileSync(sarifFile, JSON.stringify(buildSarif(report.findings, { links, version: packageJson.version, workspaceUri }), null, 2));
    writeFileSync(planFile, JSON.stringify(report.plan, null, 2));
    return { sarifFile, planFile };
  } catch (error) {
    core.warning(`The SARIF and plan files could not be written to ${dir}: ${error instanceof Error ? error.message : String(error)}`);
    return {};
  }
}

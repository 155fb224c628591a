// The one pipeline every mode runs (docs/architecture.md): read inputs → analyze → checks →
// apply → report. A mode (src/modes/) says which of the later phases it has; this file owns the
// order, the log groups, the timeline and the rule that nothing is written once a finding fails
// the run.
import * as core from '@actions/core';
import { analyze } from './analyze.ts';
import type { Inputs } from './inputs.ts';
import type { AnalyzedRun, ModeDefinition, PhaseRunner } from './modes/mode.ts';
import { MODE_REGISTRY } from './modes/registry.ts';
import { failed, type ReferenceRow, type RunReport, type TimelineEntry } from './report/model.ts';
import { maskable, REDACTED } from './report/redact.ts';
import { describeReference } from './secrets/scan.ts';
import { localFileSystem, readSourceFile, workspaceRoot, type SourceFile } from './source-files.ts';

export async function runPipeline(inputs: Inputs): Promise<RunReport> {
  const mode = await MODE_REGISTRY[inputs.mode]();
  const timeline: TimelineEntry[] = [];
  const phase = phaseRunner(timeline);
  const { endpoint, deployments } = readInputFiles(inputs);
  const files = [endpoint, ...deployments].filter((f): f is SourceFile => f !== undefined);

  const analysis = await phase('Analyze: YAML, schema and secret-reference syntax', async () => {
    const result = analyze({
      endpoint,
      deployments,
      overrides: inputs.overrides,
      fs: localFileSystem,
      workspace: { subscriptionId: inputs.subscriptionId, resourceGroup: inputs.resourceGroup, workspaceName: inputs.workspaceName },
      unknownTrafficSeverity: mode.unknownTrafficSeverity,
    });
    // Only `secret-set` values; short ones (`instance_count=1`) would mask every `1` in the log, and the report layer skips them too.
    for (const value of maskable(result.overrideValues)) core.setSecret(value);
    for (const o of inputs.overrides) core.info(`${o.secret ? 'secret-set' : 'set'}: ${o.scope ? `${o.scope}:` : ''}${o.path}=${o.secret ? REDACTED : o.value}`);
    core.info(`${files.length} file(s), ${result.findings.length} finding(s), ${result.references.length} secret reference(s).`);
    return result;
  });

  const run: AnalyzedRun = { inputs, files, analysis, phase, timeline };
  const report: RunReport = {
    mode: inputs.mode,
    failOn: inputs.failOn,
    files: files.map((f) => f.displayPath),
    findings: [...analysis.findings],
    references: offlineReferenceRows(run, mode),
    plan: analysis.plan,
    written: 'nothing',
    timeline,
    endpointName: analysis.endpoint?.name,
    deploymentNames: analysis.deployments.map((d) => d.name),
    notes: inputs.ignored.length ? [`Ignored in ${inputs.mode} mode (they do not apply to this mode): ${inputs.ignored.join(', ')}.`] : [],
  };
  if (!mode.check) return report;

  const checked = await mode.check(run);
  const superseded = checked.supersedes;
  if (superseded) report.findings = report.findings.filter((f) => !superseded(f));
  report.findings.push(...checked.findings);
  report.references = checked.references;
  report.plan = checked.plan ?? report.plan;
  report.changes = checked.changes;
  report.readBack = checked.readBack;
  report.notes.push(...checked.notes);
  if (!mode.apply) return report;

  if (failed(report)) {
    core.info('Nothing is written to Azure: the findings above must be fixed first.');
    timeline.push({ name: 'Apply', durationMs: 0, verdict: 'skipped', detail: 'findings fail the run' });
    return report;
  }
  const applied = await mode.apply(run, checked);
  report.findings.push(...applied.findings);
  report.written = applied.written;
  report.readBack = applied.readBack ?? report.readBack;
  report.notes.push(...applied.notes);
  if (applied.deleted) report.deleted = applied.deleted;
  return report;
}

function readInputFiles(inputs: Inputs): { endpoint?: SourceFile; deployments: SourceFile[] } {
  const workspace = workspaceRoot();
  return {
    endpoint: inputs.endpointFile ? readSourceFile('endpoint-file', inputs.endpointFile, workspace) : undefined,
    deployments: inputs.deploymentFiles.map((f) => readSourceFile('deployment-file', f, workspace)),
  };
}

function offlineReferenceRows(run: AnalyzedRun, mode: ModeDefinition): ReferenceRow[] {
  return run.analysis.references.map((ref) => {
    const { store, target } = describeReference(ref);
    return { variable: ref.variable, file: ref.range.file, line: ref.range.line, store, target, status: { state: 'unknown', why: mode.offlineReferenceStatus } };
  });
}

/** Each phase is one log group and one timeline row; a phase that throws is recorded as failed. */
function phaseRunner(timeline: TimelineEntry[]): PhaseRunner {
  return async (name, work) => {
    const started = performance.now();
    try {
      const value = await core.group(name, work);
      timeline.push({ name, durationMs: Math.round(performance.now() - started), verdict: 'ok' });
      return value;
    } catch (error) {
      timeline.push({ name, durationMs: Math.round(performance.now() - started), verdict: 'failed', detail: error instanceof Error ? error.message : String(error) });
      throw error;
    }
  };
}

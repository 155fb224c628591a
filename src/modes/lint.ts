// mode: lint — offline and credential-free (fork PRs): everything the files alone can prove.
import * as core from '@actions/core';
import { analyze, type Analysis } from '../analyze.ts';
import type { Inputs } from '../inputs.ts';
import type { ReferenceRow, RunReport } from '../report/model.ts';
import { describeReference } from '../secrets/scan.ts';
import { localFileSystem, readSourceFile, workspaceRoot, type SourceFile } from '../source-files.ts';

export async function runLint(inputs: Inputs): Promise<RunReport> {
  const { endpoint, deployments } = readInputFiles(inputs);
  const files = [endpoint, ...deployments].filter((f): f is SourceFile => f !== undefined);
  const analysis = await core.group('Lint: YAML, schema and secret-reference syntax', async () => {
    const result = analyze({
      endpoint,
      deployments,
      overrides: inputs.overrides,
      fs: localFileSystem,
      workspace: { subscriptionId: inputs.subscriptionId, resourceGroup: inputs.resourceGroup, workspaceName: inputs.workspaceName },
      unknownTrafficSeverity: 'warning',
    });
    for (const value of result.overrideValues) core.setSecret(value);
    core.info(`${files.length} file(s), ${result.findings.length} finding(s), ${result.references.length} secret reference(s).`);
    return result;
  });
  return toReport(inputs, analysis, files.map((f) => f.displayPath), 'syntax ok; resolved online in validate/deploy mode');
}

export function readInputFiles(inputs: Inputs): { endpoint?: SourceFile; deployments: SourceFile[] } {
  const workspace = workspaceRoot();
  return {
    endpoint: inputs.endpointFile ? readSourceFile('endpoint-file', inputs.endpointFile, workspace) : undefined,
    deployments: inputs.deploymentFiles.map((f) => readSourceFile('deployment-file', f, workspace)),
  };
}

export function toReport(inputs: Inputs, analysis: Analysis, files: string[], referenceStatus: string): RunReport {
  const references: ReferenceRow[] = analysis.references.map((ref) => {
    const { store, target } = describeReference(ref);
    return { variable: ref.variable, file: ref.range.file, line: ref.range.line, store, target, status: referenceStatus };
  });
  return {
    mode: inputs.mode,
    failOn: inputs.failOn,
    files,
    findings: analysis.findings,
    references,
    plan: analysis.plan,
    endpointName: analysis.endpoint?.name,
    deploymentNames: analysis.deployments.map((d) => d.name),
    notes: inputs.ignored.length ? [`Ignored in ${inputs.mode} mode (they apply to deploy): ${inputs.ignored.join(', ')}.`] : [],
  };
}

// Step outputs (DESIGN §1). Values are strings; JSON ones are compact so `fromJSON()` reads them.
import { countBySeverity } from '../findings/finding.ts';
import type { RunReport } from './model.ts';

export function buildOutputs(report: RunReport): Record<string, string> {
  const counts = countBySeverity(report.findings);
  const outputs: Record<string, string> = {
    findings: JSON.stringify(report.findings),
    errors: String(counts.error),
    warnings: String(counts.warning),
    plan: JSON.stringify(report.plan),
  };
  if (report.endpointName) outputs['endpoint-name'] = report.endpointName;
  if (report.deploymentNames.length) outputs['deployment-name'] = report.deploymentNames.join(',');
  return outputs;
}

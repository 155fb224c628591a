// Step outputs (action.yml lists them). Values are strings; JSON ones are compact so `fromJSON()` reads them.
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
  if (report.changes !== undefined) outputs.changes = String(report.changes);
  const live = report.readBack;
  if (live?.scoringUri) outputs['scoring-uri'] = live.scoringUri;
  if (live?.swaggerUri) outputs['swagger-uri'] = live.swaggerUri;
  if (live?.traffic) outputs.traffic = JSON.stringify(live.traffic);
  return outputs;
}

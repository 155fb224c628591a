// The endpoint exists when only deployment files are given, and neither it nor a deployment this
// run updates is in the middle of another operation (docs/online-checks.md §endpoint-state).
import { makeFinding, type Finding } from '../findings/finding.ts';
import { at, defineCheck, endpointPosition, lookupCI } from './check.ts';

/** Provisioning states in which no operation is running (the EndpointProvisioningState / DeploymentProvisioningState enums' terminal values). */
export const TERMINAL_STATES: ReadonlySet<string> = new Set(['succeeded', 'failed', 'canceled']);

export function isTerminal(state: string): boolean {
  return TERMINAL_STATES.has(state.toLowerCase());
}

export const endpointStateCheck = defineCheck('endpoint-state', ['endpoint-busy', 'endpoint-not-found', 'cannot-verify'], (ctx) => {
  const findings: Finding[] = [];
  const live = ctx.facts.endpoint;
  const verb = ctx.mode === 'deploy' ? 'deploy waits for it to finish before writing' : 'deploy would wait for it to finish';
  if (live.kind === 'missing' && !ctx.endpoint) {
    for (const d of ctx.deployments) {
      findings.push(makeFinding('endpoint-not-found', at(d.file, d.spans.endpointName ?? d.spans.name ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }), `Deployment ${d.name} targets endpoint ${ctx.endpointName}, which does not exist in the workspace, and no endpoint file was given to create it.`));
    }
  }
  if (live.kind === 'unreadable') {
    findings.push(makeFinding('cannot-verify', endpointPosition(ctx, (s) => s.name), `Cannot read endpoint ${ctx.endpointName}: ${live.why}. Whether it exists, its identity and its state are unknown.`, {
      hint: `Give the workflow identity ${live.permission ?? 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read'} on the workspace (AzureML Data Scientist includes it).`,
    }));
  }
  if (live.kind === 'found' && !isTerminal(live.value.provisioningState)) {
    findings.push(makeFinding('endpoint-busy', endpointPosition(ctx, (s) => s.name), `Endpoint ${ctx.endpointName} is ${live.value.provisioningState}: another operation is running on it; ${verb}.`));
  }
  const deployments = ctx.facts.deployments;
  if (deployments.kind === 'found') {
    for (const d of ctx.deployments) {
      const existing = lookupCI(deployments.value, d.name);
      if (existing && !isTerminal(existing.provisioningState)) {
        findings.push(makeFinding('endpoint-busy', at(d.file, d.spans.name ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }), `Deployment ${d.name} is ${existing.provisioningState}: another operation is running on it; ${verb}.`));
      }
    }
  }
  return { findings };
});

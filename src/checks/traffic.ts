// Traffic may name only deployments that exist on the endpoint or that this run deploys
// (docs/online-checks.md §traffic). Offline the same test is a warning (the deployment may exist);
// here it is decided. Reuses the offline arithmetic of src/manifests/traffic.ts.
import { makeFinding, type Finding } from '../findings/finding.ts';
import { checkTraffic } from '../manifests/index.ts';
import { at, defineCheck } from './check.ts';

export const trafficCheck = defineCheck('traffic', ['traffic', 'cannot-verify'], (ctx) => {
  const endpoint = ctx.endpoint;
  if (!endpoint) return {};
  const deploying = ctx.deployments.map((d) => d.name);
  const live = ctx.facts.deployments;
  if (live.kind === 'unreadable') {
    const known = new Set(deploying.map((n) => n.toLowerCase()));
    const findings: Finding[] = [];
    for (const e of [...endpoint.traffic, ...endpoint.mirrorTraffic]) {
      if (e.percent === 0 || known.has(e.name)) continue;
      findings.push(makeFinding('cannot-verify', at(endpoint.file, e.keySpan), `Cannot verify that deployment ${e.key} exists: the endpoint's deployments could not be read (${live.why}).`, {
        hint: `Give the workflow identity ${live.permission ?? 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/read'} on the workspace.`,
      }));
    }
    return { findings };
  }
  const existing = live.kind === 'found' ? Object.values(live.value).map((d) => d.name) : [];
  return { findings: checkTraffic(endpoint, [...deploying, ...existing], endpoint.file, 'error') };
});

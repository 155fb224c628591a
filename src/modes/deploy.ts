// mode: deploy — validate's read-only half (src/modes/validate.ts: sign in, facts, the check
// registry, the refined plan), then, only when nothing fails the run, apply (src/apply/apply.ts):
// endpoint, Key Vault access of a new identity, deployments, traffic under gates with rollback.
import type { ValidateFacts } from '../checks/facts.ts';
import { applyDeploy, type DeployFacts } from '../apply/apply.ts';
import { describeEndpoint, type LiveDeployment } from '../apply/live.ts';
import type { ModeDefinition } from './mode.ts';
import { validateMode, validateOnline, type ValidateChecked } from './validate.ts';

/** What apply needs, from the facts validate read (no second read of the same things). */
export function deployFacts(checked: ValidateChecked): DeployFacts {
  const { facts } = checked;
  const deployments: Record<string, LiveDeployment> = {};
  if (facts.deployments.kind === 'found') {
    for (const d of Object.values(facts.deployments.value)) deployments[d.name.toLowerCase()] = { body: d.body, provisioningState: d.provisioningState };
  }
  return {
    session: checked.session,
    location: facts.workspace.kind === 'found' ? facts.workspace.value.location : '',
    endpoint: facts.endpoint.kind === 'found' ? describeEndpoint(facts.endpoint.value.body) : undefined,
    deployments,
    vaultIds: vaultIds(facts),
    computed: checked.computed,
    assetPlan: checked.assetPlan,
  };
}

function vaultIds(facts: ValidateFacts): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [host, v] of Object.entries(facts.vaults)) if (v.kind === 'found') out[host.toLowerCase()] = v.value.resourceId;
  return out;
}

export const deployMode: ModeDefinition<ValidateChecked> = {
  ...validateMode,
  offlineReferenceStatus: 'not resolved: the online checks did not run',
  check: (run) => validateOnline(run, 'deploy'),
  // Apply opens its own log group per step (groups do not nest) and adds its rows to the timeline.
  apply: (run, checked) => applyDeploy(run, deployFacts(checked)),
};

// The workspace the inputs name (docs/online-checks.md §workspace). When ARM says a part of its
// address does not exist, or refuses it, this is the one finding of the run: every other check
// would only repeat it as false errors ("create the connection", "register the model") about
// things that exist elsewhere, so the registry runs no other check (workspaceGate). A workspace
// that failed for another reason (5xx after retries) is `unreadable`: a `cannot-verify`, never
// "does not exist", and the other checks run on what they could read.
import { makeFinding, type Finding } from '../findings/finding.ts';
import { closest } from '../manifests/edit-distance.ts';
import { defineCheck, endpointPosition, type CheckContext, type CheckOutput } from './check.ts';
import type { WorkspaceAddressFacts } from './facts.ts';

/** How many existing names a message lists before "…and N more". */
const LISTED = 15;

export const workspaceCheck = defineCheck('workspace', ['workspace-not-found', 'workspace-unreadable', 'cannot-verify'], (ctx) => {
  const gate = workspaceGate(ctx);
  if (gate) return gate;
  const ws = ctx.facts.workspace;
  if (ws.kind !== 'unreadable') return {};
  return {
    findings: [
      makeFinding('cannot-verify', endpointPosition(ctx, (s) => s.name), `Cannot read the workspace (${ws.why}): its region, container registry and storage account are unknown, so the checks that need them are skipped.`, {
        hint: 'Run again: a failure after the retries is usually transient. If it persists, check the workspace in the Azure portal.',
      }),
    ],
  };
});

/** The one finding when the workspace inputs name nothing readable; every reference is then unknown. Undefined when the checks may run. */
export function workspaceGate(ctx: CheckContext): CheckOutput | undefined {
  const address = ctx.facts.workspaceAddress;
  if (!address?.problem) return undefined;
  const finding = addressFinding(ctx, address);
  const why = `the workspace could not be read (${finding.rule}): nothing was checked`;
  return { findings: [finding], verdicts: ctx.references.map((reference) => ({ reference, status: { state: 'unknown', why } })), identityPlan: [], grants: [] };
}

function addressFinding(ctx: CheckContext, a: WorkspaceAddressFacts): Finding {
  // The inputs have no line in the files: the finding goes on the endpoint the run targets.
  const where = endpointPosition(ctx, (s) => s.name);
  const answer = a.answer ? ` (${a.answer})` : '';
  switch (a.problem) {
    case 'subscription-not-found':
      return makeFinding('workspace-not-found', where, `Input subscription-id ${a.subscriptionId}: no such subscription${answer}.${existing(a, 'The signed-in identity sees the subscriptions')}`, {
        hint: suggestion(a, a.subscriptionId, 'subscription-id', 'az account list --query "[].{id:id, name:name}" -o table'),
      });
    case 'resource-group-not-found':
      return makeFinding('workspace-not-found', where, `Input resource-group ${a.resourceGroup}: subscription ${a.subscriptionId} has no such resource group${answer}.${existing(a, 'It has')}`, {
        hint: suggestion(a, a.resourceGroup, 'resource-group', `az group list --subscription ${a.subscriptionId} --query "[].name" -o tsv`),
      });
    case 'workspace-not-found':
      return makeFinding('workspace-not-found', where, `Input workspace-name ${a.workspaceName}: resource group ${a.resourceGroup} has no such workspace${answer}.${existing(a, 'It has')}`, {
        hint: suggestion(a, a.workspaceName, 'workspace-name', `az ml workspace list --resource-group ${a.resourceGroup} --subscription ${a.subscriptionId} --query "[].name" -o tsv`),
      });
    default:
      return makeFinding(
        'workspace-unreadable',
        where,
        `Inputs subscription-id, resource-group, workspace-name: workspace ${a.workspaceName} in resource group ${a.resourceGroup} of subscription ${a.subscriptionId} could not be read${answer}. ` +
          'The signed-in identity may not read it, or one of the names is wrong inside a scope it may not see (ARM refuses before it looks a resource up).',
      );
  }
}

/** " It has: a, b." with the names the caller could list, or nothing when it could not list them. */
function existing(a: WorkspaceAddressFacts, lead: string): string {
  if (!a.existing) return '';
  if (a.existing.length === 0) return ` ${lead}: none the signed-in identity may see.`;
  const shown = a.existing.slice(0, LISTED).map((e) => (e.displayName && e.displayName !== e.name ? `${e.name} (${e.displayName})` : e.name));
  const more = a.existing.length > LISTED ? ` and ${a.existing.length - LISTED} more` : '';
  return ` ${lead}: ${shown.join(', ')}${more}.`;
}

function suggestion(a: WorkspaceAddressFacts, given: string, input: string, listCommand: string): string {
  const near = a.existing ? closest(given, a.existing.map((e) => e.name)) : undefined;
  if (near) return `Did you mean ${near}? Set \`${input}: ${near}\` in the workflow step.`;
  return `Correct the \`${input}\` input; \`${listCommand}\` lists what exists.`;
}

// mode: delete, the apply phase (docs/teardown.md): executes the teardown plan (src/modes/teardown-plan.ts)
// as it stands. A forced delete of a serving deployment first moves its share to the deployments
// that stay (one endpoint PUT, read back); then each planned DELETE: right before it the resource is
// read again (gone meanwhile: a notice; being deleted: waited for; serving now although the plan
// found it idle, or an endpoint with a deployment the plan did not list: plan-stale, nothing
// deleted), the DELETE is waited for as the long-running operation Azure answers it with (202 +
// Azure-AsyncOperation/Location, test/fixtures/recorded/ml-online.json), and read back: only a GET
// that answers 404 counts as deleted. A service failure becomes a
// finding with what was written so far, never a throw (src/modes/mode.ts).
import * as core from '@actions/core';
import type { SourceRange } from '../findings/finding.ts';
import { makeFinding } from '../findings/finding.ts';
import { InputError } from '../inputs.ts';
import { ML_API_VERSION, endpointPath, type DeploymentSpec } from '../manifests/index.ts';
import type { TeardownChecked } from '../modes/delete.ts';
import type { AnalyzedRun, ApplyResult } from '../modes/mode.ts';
import type { DeletedResource, ReadBack } from '../report/model.ts';
import { readDeployments } from '../azure/ml.ts';
import { bodyOf, readBackOf, written } from './apply.ts';
import { readDeployment, readEndpoint, waitWhileBusy, type LiveEndpoint } from './live.ts';
import { formatTraffic, normalizeTraffic, sameTraffic, withTraffic } from './traffic-plan.ts';
import { ApplyLog, writeLro } from './writes.ts';

/** Every exit goes through the report: an unexpected error (an unreadable resource after the retries) becomes a finding. */
export async function applyTeardown(run: AnalyzedRun, checked: TeardownChecked): Promise<ApplyResult> {
  const log = new ApplyLog(run.timeline);
  const deleted: DeletedResource[] = [];
  const started = Date.now();
  try {
    return await execute(run, checked, log, deleted);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    // Unreadable is never missing: the teardown stops rather than guess.
    log.fail('resource-unreadable', endpointAt(run), `The teardown stopped: a resource could not be read (${why}); it was not taken for deleted.`, 'Run again once Azure answers: the teardown is idempotent.');
    log.entry('Apply: stopped', started, 'failed', why);
    return { findings: log.findings, notes: log.notes, written: written(log), deleted };
  }
}

function endpointAt(run: AnalyzedRun): SourceRange {
  const s = run.analysis.endpoint ?? run.analysis.deployments[0];
  return { file: s?.file ?? '', line: s?.spans.name?.line ?? 1, column: s?.spans.name?.column ?? 1 };
}

function serves(e: LiveEndpoint, name?: string): boolean {
  const live = normalizeTraffic(e.traffic);
  const mirror = normalizeTraffic(e.mirrorTraffic);
  if (name === undefined) return Object.keys(live).length > 0 || Object.keys(mirror).length > 0;
  return (live[name.toLowerCase()] ?? 0) > 0 || (mirror[name.toLowerCase()] ?? 0) > 0;
}

async function execute(run: AnalyzedRun, checked: TeardownChecked, log: ApplyLog, deleted: DeletedResource[]): Promise<ApplyResult> {
  const { inputs, analysis } = run;
  const { session, teardown, endpointName } = checked;
  const deadline = Date.now() + inputs.timeoutMs;
  const epPath = endpointPath({ subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: '' }, endpointName);
  const epAt = endpointAt(run);
  const result = (readBack?: ReadBack): ApplyResult => ({ findings: log.findings, notes: log.notes, written: written(log), readBack, deleted });
  const stale = (at: SourceRange, what: string, why: string, label: string, started: number): ApplyResult => {
    log.fail('plan-stale', at, `${what} changed since the plan: ${why}. Nothing was deleted over it.`, 'Another writer is at work on it: run the teardown again (validate with teardown: true shows the new plan).');
    log.entry(label, started, 'failed', 'changed since the plan');
    return result();
  };

  // ---- A forced delete of a serving deployment: its share goes to the deployments that stay, first.
  const traffic = teardown.plan.traffic;
  const step = traffic?.steps[0];
  if (traffic && step && teardown.trafficBody) {
    const label = `Apply: traffic ${formatTraffic(step.traffic)} (before the delete)`;
    const started = Date.now();
    const busy = await waitWhileBusy(`Endpoint ${endpointName}`, () => readEndpoint(session, epPath, deadline), await readEndpoint(session, epPath, deadline), deadline);
    if (busy.kind === 'timeout') {
      log.fail('deployment-failed', epAt, `Endpoint ${endpointName} stayed ${busy.state} until the timeout; its traffic was not moved and nothing was deleted.`);
      log.entry(label, started, 'failed', `still ${busy.state}`);
      return result();
    }
    const now = busy.value;
    if (!now) return stale(epAt, `Endpoint ${endpointName}`, 'it was deleted since the plan', label, started);
    if (!sameTraffic(now.traffic, traffic.before) || !sameTraffic(now.mirrorTraffic, traffic.mirrorBefore)) return stale(epAt, `The traffic of endpoint ${endpointName}`, `the plan read ${formatTraffic(traffic.before)}, Azure now holds ${formatTraffic(now.traffic)}`, label, started);
    const outcome = await core.group(label, () => {
      core.info(`Moving the traffic of endpoint ${endpointName}: ${formatTraffic(traffic.before)} → ${formatTraffic(step.traffic)}${Object.keys(traffic.mirrorBefore).length ? ` (mirror ${formatTraffic(traffic.mirrorBefore)} → ${formatTraffic(step.mirrorTraffic)})` : ''}, so that the deployments to delete serve nothing.`);
      return writeLro(session, log, { method: 'PUT', path: epPath, apiVersion: ML_API_VERSION, body: withTraffic(teardown.trafficBody ?? {}, step.traffic, step.mirrorTraffic) }, `Endpoint ${endpointName}`, deadline);
    });
    const back = outcome.kind === 'succeeded' ? await readEndpoint(session, epPath, deadline) : undefined;
    if (outcome.kind !== 'succeeded' || !back || !sameTraffic(back.traffic, step.traffic) || !sameTraffic(back.mirrorTraffic, step.mirrorTraffic)) {
      const why = outcome.kind === 'succeeded' ? `it reads back as ${formatTraffic(back?.traffic)}` : bodyOf(outcome);
      log.fail('deployment-failed', epAt, `Moving the traffic of endpoint ${endpointName} to ${formatTraffic(step.traffic)} failed (${why}); nothing was deleted.`, 'Read the service error above, then run the teardown again.');
      log.entry(label, started, 'failed', why);
      return result();
    }
    log.entry(label, started, 'ok', `${formatTraffic(traffic.before)} → ${formatTraffic(back.traffic)} (read back)`);
  }

  // ---- The planned DELETEs, in order.
  for (const request of teardown.plan.requests.filter((r) => r.change === 'delete')) {
    const kind = request.resource?.kind ?? 'deployment';
    const name = request.resource?.name ?? '';
    const spec = analysis.deployments.find((d) => d.name.toLowerCase() === name.toLowerCase());
    const at = kind === 'endpoint' || !spec ? epAt : locate(spec);
    const withIt = kind === 'endpoint' ? (teardown.withEndpoint ?? []) : [];
    const label = kind === 'endpoint' ? `Apply: delete endpoint ${name}${withIt.length ? ` and its deployment(s) ${withIt.join(', ')}` : ''}` : `Apply: delete deployment ${name}`;
    const what = `${kind === 'endpoint' ? 'Endpoint' : 'Deployment'} ${name}`;
    const started = Date.now();
    const read = (): Promise<{ provisioningState: string } | undefined> => (kind === 'endpoint' ? readEndpoint(session, request.path, deadline) : readDeployment(session, request.path, deadline));

    // Right before the DELETE: still there, settled, and (unless forced) serving nothing.
    const busy = await waitWhileBusy(what, read, await read(), deadline);
    if (busy.kind === 'timeout') {
      log.fail('deployment-failed', at, `${what} stayed ${busy.state} until the timeout; it was not deleted.`, 'Wait for the other operation to finish (or raise timeout), then run the teardown again.');
      log.entry(label, started, 'failed', `still ${busy.state}`);
      return result();
    }
    if (!busy.value) {
      log.findings.push(makeFinding('already-deleted', at, `${what} was deleted since the plan (by another run, or by hand): nothing to delete.`));
      log.entry(label, started, 'ok', 'already gone');
      continue;
    }
    if (kind === 'endpoint') {
      // Deleting the endpoint deletes every deployment it has: one that appeared since the plan would go unreviewed.
      const listed = await readDeployments({ arm: session.arm, subscriptionId: session.subscriptionId, workspacePath: session.workspacePath }, name);
      if (listed.kind === 'unreadable') throw new Error(`the deployments of endpoint ${name}: ${listed.why}`);
      const now = listed.kind === 'found' ? Object.values(listed.value).map((d) => d.name.toLowerCase()).sort() : [];
      const added = now.filter((n) => !withIt.some((w) => w.toLowerCase() === n));
      if (added.length) return stale(at, what, `deployment(s) ${added.join(', ')} appeared since the plan, and deleting the endpoint would delete them too`, label, started);
    }
    if (!inputs.forceDelete) {
      const endpoint = kind === 'endpoint' ? (busy.value as LiveEndpoint) : await readEndpoint(session, epPath, deadline);
      if (endpoint && serves(endpoint, kind === 'endpoint' ? undefined : name)) return stale(at, what, `it serves traffic now (${formatTraffic(endpoint.traffic)}), the plan found it serving none`, label, started);
    }

    const outcome = await core.group(label, () => {
      core.info(kind === 'endpoint' ? `Deleting endpoint ${name}${withIt.length ? `; Azure deletes its deployment(s) ${withIt.join(', ')} with it` : ''}.` : `Deleting deployment ${name} of endpoint ${endpointName}.`);
      return writeLro(session, log, { method: 'DELETE', path: request.path, apiVersion: ML_API_VERSION }, `Delete ${kind} ${name}`, deadline);
    });
    if (outcome.kind !== 'succeeded') {
      // Say what Azure holds now, as read: a failed operation may have deleted nothing, or part.
      const now = await read().catch(() => undefined);
      const detail = outcome.kind === 'failed' ? `${outcome.error.code}: ${outcome.error.message}` : `no answer within the timeout budget (${Math.round(inputs.timeoutMs / 1000)} s)`;
      log.fail('deployment-failed', at, `Deleting ${kind} ${name} failed (${detail}); it ${now ? `still exists (${now.provisioningState})` : 'reads back as gone'}.`, 'Read the service error, then run the teardown again: what is gone is a notice on the next run.');
      log.entry(label, started, 'failed', bodyOf(outcome));
      return result();
    }
    // Read back: deleted means a GET answers 404 (a resource still Deleting is waited for).
    const after = await waitWhileBusy(what, read, await read(), deadline);
    if (after.kind === 'timeout' || after.value) {
      const state = after.kind === 'timeout' ? after.state : after.value?.provisioningState;
      log.fail('deployment-failed', at, `${what} reads back as ${state} after its delete succeeded: it was not deleted.`, 'Look at the resource in the Azure portal, then run the teardown again.');
      log.entry(label, started, 'failed', 'read-back mismatch');
      return result();
    }
    core.info(`${what}: deleted (read back: 404).`);
    deleted.push({ kind, name, id: request.path, ...(kind === 'endpoint' ? { deployments: withIt } : {}) });
    log.entry(label, started, 'ok', 'deleted (read back: 404)');
  }

  const endpointGone = deleted.some((d) => d.kind === 'endpoint');
  // The endpoint is gone: nothing is left to read back (an empty read-back replaces the one read before the delete).
  const readBack = endpointGone ? {} : readBackOf(await readEndpoint(session, epPath, deadline).catch(() => undefined));
  log.notes.push(deleted.length
    ? `Deleted (read back: 404): ${deleted.map((d) => (d.kind === 'endpoint' ? `endpoint ${d.name}${d.deployments?.length ? ` with its deployment(s) ${d.deployments.join(', ')}` : ''}` : `deployment ${d.name}`)).join('; ')}.`
    : 'Nothing was deleted: what the files name is gone already.');
  return result(readBack);
}

function locate(d: DeploymentSpec): SourceRange {
  return { file: d.file, line: d.spans.name?.line ?? 1, column: d.spans.name?.column ?? 1 };
}

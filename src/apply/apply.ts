// mode: deploy, the apply phase (docs/rollout.md): executes the plan validate computed
// (src/modes/validate-plan.ts, docs/architecture.md §5) — endpoint, Key Vault access of a new
// identity, local assets, deployments, then the planned traffic steps under gates with rollback.
// Right before each write the resource is read again and re-diffed with the plan's own diff: a
// resource another writer moved since the plan stops the run (plan-stale); only an update Azure
// already holds is skipped silently. Every change is read back; a service failure becomes a finding
// with what was written so far, never a throw (src/modes/mode.ts).
import { randomBytes } from 'node:crypto';
import * as core from '@actions/core';
import type { LocalAssetPlan } from '../assets/plan.ts';
import { AssetUploadError, uploadLocalAssets } from '../assets/upload.ts';
import type { AzureSession } from '../azure/session.ts';
import { ArmError } from '../azure/session.ts';
import type { SourceRange } from '../findings/finding.ts';
import { InputError, type Inputs } from '../inputs.ts';
import type { AnalyzedRun, ApplyResult } from '../modes/mode.ts';
import { liveDiff, type ComputedPlan } from '../modes/validate-plan.ts';
import type { PlannedRequest } from '../plan.ts';
import { maskable } from '../report/redact.ts';
import { armIdentifiers, type ReadBack, type Written } from '../report/model.ts';
import { parseExactReference } from '../secrets/parse.ts';
import type { KeyVaultRef } from '../secrets/scan.ts';
import { readSourceFile, workspaceRoot } from '../source-files.ts';
import { endpointPath, ML_API_VERSION, type DeploymentSpec, type WorkspaceContext } from '../manifests/index.ts';
import { describeFailure, injectionSuspects, retryAfterGrant, type ReferenceVariable, type ServiceError } from './failure-codes.ts';
import { ensureKeyVaultAccess } from './keyvault-roles.ts';
import { armLeaseStore, describeLease, EndpointLease, leaseHolder, withLeaseTag, type LeaseState } from './lease.ts';
import { redactVariables } from './log-redaction.ts';
import { readDeployment, readEndpoint, waitWhileBusy, type LiveDeployment, type LiveEndpoint } from './live.ts';
import type { LroOutcome } from './lro.ts';
import { ROLLBACK_BUDGET_MS } from './restore.ts';
import { LEASE_STATE_KEY, ROLLOUT_STATE_KEY, serializeState, type RolloutState } from './rollout-state.ts';
import { formatTraffic, sameTraffic, type TrafficPlan } from './traffic-plan.ts';
import { runTraffic, type GateSettings } from './traffic.ts';
import { ApplyLog, writeLro } from './writes.ts';

/** What apply needs from the checks: the session, the live state they read, and the plan. */
export interface DeployFacts {
  session: AzureSession;
  location: string;
  endpoint?: LiveEndpoint;
  /** By lower-cased deployment name. */
  deployments: Record<string, LiveDeployment>;
  /** Vault ARM ids by host, when the checks read them. */
  vaultIds: Record<string, string>;
  /** The plan apply executes as it stands. */
  computed: ComputedPlan;
  /** The local assets validate planned (their ids are in the planned bodies). */
  assetPlan: LocalAssetPlan;
}

export function bodyOf(outcome: LroOutcome): string {
  return outcome.kind === 'failed' ? `${outcome.error.code}: ${outcome.error.message}` : outcome.kind;
}

function readOptionalFile(input: string, path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return readSourceFile(input, path, workspaceRoot()).text;
  } catch (error) {
    throw new InputError([(error as Error).message]);
  }
}

/** Right before a write: does the live resource still stand where the plan found it? */
type Recheck = { kind: 'write' } | { kind: 'already-there' } | { kind: 'moved'; why: string };

function recheck(planned: PlannedRequest, live: Record<string, unknown> | undefined, secretValues: readonly string[]): Recheck {
  const now = liveDiff(planned.body as Record<string, unknown>, live, secretValues);
  if (planned.change === 'create') return now.change === 'create' ? { kind: 'write' } : { kind: 'moved', why: 'it was created by someone else since the plan' };
  if (now.change === 'create') return { kind: 'moved', why: 'it was deleted since the plan' };
  const plannedDiff = planned.diff ?? [];
  // A failed resource the plan writes again to recover it: its fields already match.
  if (plannedDiff.some((l) => l.startsWith('provisioningState:')) && now.change === 'no change') return { kind: 'write' };
  if (now.change === 'no change') return { kind: 'already-there' };
  if (JSON.stringify(now.diff) === JSON.stringify(plannedDiff)) return { kind: 'write' };
  return { kind: 'moved', why: `its fields changed since the plan (now: ${now.diff.slice(0, 3).join('; ')})` };
}

/** Every exit goes through the report: an unexpected error becomes a finding, with what was written so far. */
export async function applyDeploy(run: AnalyzedRun, facts: DeployFacts): Promise<ApplyResult> {
  const log = new ApplyLog(run.timeline);
  const started = Date.now();
  const budget = { deadline: started + run.inputs.timeoutMs };
  const lease = endpointLease(run, facts, budget);
  try {
    return await applyPlan(run, facts, log, lease, budget);
  } catch (error) {
    if (error instanceof InputError) throw error;
    const first = run.analysis.endpoint ?? run.analysis.deployments[0];
    log.fail('deployment-failed', { file: first?.file ?? '', line: first?.spans.name?.line ?? 1, column: first?.spans.name?.column ?? 1 }, `The apply phase stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}.`, 'Read the run log around the last timeline row; the post step restores the traffic a started rollout moved.');
    log.entry('Apply: stopped', started, 'failed', error instanceof Error ? error.message : String(error));
    return { findings: log.findings, notes: log.notes, written: written(log) };
  } finally {
    // Success, failure or rollback: the endpoint is free for the next run (the post step tries again when this fails).
    await lease.release();
  }
}

/** The run's lease on its endpoint (docs/rollout.md §6): it runs until the end of the run's own budget and the rollback's. */
function endpointLease(run: AnalyzedRun, facts: DeployFacts, budget: { deadline: number }): EndpointLease {
  const { session } = facts;
  const ws = { subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: facts.location };
  const endpointName = run.analysis.endpoint?.name ?? run.analysis.deployments[0]?.endpointName ?? '';
  const path = endpointPath(ws, endpointName);
  const holder = leaseHolder(process.env, randomBytes(3).toString('hex'));
  const saved: LeaseState = { endpointPath: path, apiVersion: ML_API_VERSION, endpointName, holder };
  // Reads and writes of the lease keep working while a run waits past its own budget (lease-wait > timeout).
  const store = armLeaseStore(session, path, ML_API_VERSION, () => Math.max(budget.deadline, Date.now() + 60_000));
  return new EndpointLease(store, {
    holder,
    endpointName,
    expiresAt: () => budget.deadline + ROLLBACK_BUDGET_MS,
    waitMs: run.inputs.leaseWaitMs,
    log: (line) => core.info(line),
    notice: (line) => core.notice(line, { title: 'Endpoint lease taken over' }),
    onChange: (held) => core.saveState(LEASE_STATE_KEY, held ? JSON.stringify(saved) : ''),
  });
}

async function applyPlan(run: AnalyzedRun, facts: DeployFacts, log: ApplyLog, lease: EndpointLease, budget: { deadline: number }): Promise<ApplyResult> {
  const { inputs, analysis } = run;
  const { session, computed } = facts;
  let deadline = budget.deadline;
  const ws: WorkspaceContext = { subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: facts.location };
  const spec = analysis.endpoint;
  const endpointName = spec?.name ?? analysis.deployments[0]?.endpointName ?? '';
  const epPath = endpointPath(ws, endpointName);
  const epFile: SourceRange = { file: spec?.file ?? analysis.deployments[0]?.file ?? '', line: spec?.spans.name?.line ?? 1, column: spec?.spans.name?.column ?? 1 };
  const secretValues = maskable(analysis.overrideValues);
  const result = (readBack?: ReadBack): ApplyResult => ({ findings: log.findings, notes: log.notes, written: written(log), readBack });
  const stale = (at: SourceRange, what: string, why: string, label: string, started: number): ApplyResult => {
    log.fail('plan-stale', at, `${what} changed since the plan: ${why}. Nothing was written over it.`, 'Another writer is at work on it: run validate again, review the new plan, and deploy that one.');
    log.entry(label, started, 'failed', 'changed since the plan');
    return result();
  };

  // ---- Before any write: what can still be refused is refused now (the plan's own checks ran in validate).
  const smokeRequest = readOptionalFile('smoke-request-file', inputs.smokeRequestFile);
  const smokeExpected = readOptionalFile('smoke-expected-file', inputs.smokeExpectedFile);
  const traffic = computed.plan.traffic;
  if (!traffic || !computed.trafficBody) {
    log.fail('resource-unreadable', epFile, `The traffic of endpoint ${endpointName} could not be planned; nothing was written.`);
    return result();
  }
  /**
   * Right before a write: this run's lease on the endpoint (taken on the first write, waiting for another run's, then checked and
   * renewed). Taken just now, the world may have moved while it waited: the endpoint's traffic must still be the planned one.
   */
  let leaseLost = false;
  const holdLease = async (at: SourceRange, label: string, started: number): Promise<{ ok: true; taken: boolean; create: boolean } | { ok: false; stop: ApplyResult }> => {
    // Lost once, the endpoint is another run's: said once, and nothing more is written.
    if (leaseLost) return { ok: false, stop: result() };
    const held = await lease.ensure();
    if (held.kind === 'held' || held.kind === 'create') {
      if (held.kind === 'held' && held.taken && held.waitedMs > 0) {
        // The wait is not the run's work: its budget starts again where the wait began (the next check renews the lease's expiry).
        deadline += held.waitedMs;
        budget.deadline = deadline;
      }
      const taken = held.kind === 'held' && held.taken;
      if (taken) {
        const now = await readEndpoint(session, epPath, deadline);
        if (now && !sameTraffic(now.traffic, traffic.before)) return { ok: false, stop: stale(epFile, `The traffic of endpoint ${endpointName}`, `the plan read ${formatTraffic(traffic.before)}, Azure holds ${formatTraffic(now.traffic)} once the lease was taken (another run wrote it)`, label, started) };
      }
      return { ok: true, taken, create: held.kind === 'create' };
    }
    leaseLost = true;
    const now = Date.now();
    const message = held.kind === 'leased'
      ? `Endpoint ${endpointName} is leased by ${describeLease(held.by, now)}: another run is writing it. This run waited ${Math.round(held.waitedMs / 1000)} s (lease-wait) and wrote nothing.`
      : `Endpoint ${endpointName}: ${held.by ? `the lease is held by ${describeLease(held.by, now)} now` : 'the endpoint is gone'}; another run took the endpoint during this run, which stopped before this write and wrote nothing over it.`;
    log.fail('endpoint-leased', at, message, held.kind === 'leased' ? 'Let the other run finish (or raise lease-wait), then run again; a `concurrency:` group per endpoint keeps a second run from starting (README).' : 'Find the other run (the lease tag names it); run again once it is done.');
    log.entry(label, started, 'failed', held.kind === 'leased' ? `leased by ${held.by.holder}` : 'lease lost');
    return { ok: false, stop: result() };
  };
  const guardDelete = async (at: SourceRange, label: string): Promise<boolean> => (await holdLease(at, label, Date.now())).ok;
  const planned = (kind: 'endpoint' | 'deployment', name: string) => computed.plan.requests.find((r) => r.resource?.kind === kind && r.resource.name.toLowerCase() === name.toLowerCase());

  // ---- Endpoint
  let endpoint = facts.endpoint;
  const epLabel = `Apply: endpoint ${endpointName}`;
  const epStarted = Date.now();
  const epRequest = spec ? planned('endpoint', spec.name) : undefined;
  const createdNow = epRequest?.change === 'create';
  if (epRequest && epRequest.change === 'no change') {
    core.info(`Endpoint ${endpointName}: no change (as planned); not written.`);
    log.entry(epLabel, epStarted, 'ok', 'unchanged');
  } else if (epRequest) {
    const busy = await waitWhileBusy(`Endpoint ${endpointName}`, () => readEndpoint(session, epPath, deadline), await readEndpoint(session, epPath, deadline), deadline);
    if (busy.kind === 'timeout') {
      log.fail('deployment-failed', epFile, `Endpoint ${endpointName} stayed ${busy.state} until the timeout; nothing was written over it.`, 'Wait for the other operation to finish (or raise timeout), then run again.');
      log.entry(epLabel, epStarted, 'failed', `still ${busy.state}`);
      return result();
    }
    let current = busy.value;
    let check = recheck(epRequest, current?.body, secretValues);
    if (check.kind === 'moved') return stale(epFile, `Endpoint ${endpointName}`, check.why, epLabel, epStarted);
    if (current && !sameTraffic(current.traffic, traffic.before)) return stale(epFile, `The traffic of endpoint ${endpointName}`, `the plan read ${formatTraffic(traffic.before)}, Azure now holds ${formatTraffic(current.traffic)}`, epLabel, epStarted);
    const held = check.kind === 'write' ? await holdLease(epFile, epLabel, epStarted) : undefined;
    if (held && !held.ok) return held.stop;
    if (held?.ok && held.taken) {
      // Taken just now (perhaps after a wait): the endpoint is checked again against the plan.
      current = await readEndpoint(session, epPath, deadline);
      check = recheck(epRequest, current?.body, secretValues);
      if (check.kind === 'moved') return stale(epFile, `Endpoint ${endpointName}`, check.why, epLabel, epStarted);
    }
    if (check.kind === 'already-there') {
      core.info(`Endpoint ${endpointName}: Azure already holds the planned update; not written.`);
      log.entry(epLabel, epStarted, 'ok', 'unchanged');
      endpoint = current;
    } else {
      // The PUT replaces the tags: it carries this run's lease (for a new endpoint, that is how the lease is taken).
      const body = withLeaseTag(epRequest.body as Record<string, unknown>, lease.tag());
      const outcome = await core.group(epLabel, async () => {
        core.info(createdNow ? `Creating endpoint ${endpointName}.` : `Updating endpoint ${endpointName} (${(epRequest.diff ?? []).slice(0, 5).join('; ')}).`);
        return writeLro(session, log, { method: 'PUT', path: epPath, apiVersion: ML_API_VERSION, body }, `Endpoint ${endpointName}`, deadline);
      });
      if (outcome.kind !== 'succeeded') {
        const error = outcome.kind === 'failed' ? outcome.error : timeoutError(inputs);
        const entry = describeFailure(error.code);
        log.fail('deployment-failed', epFile, `Endpoint ${endpointName}: ${error.code}: ${error.message}`, `${entry.remedy} (${entry.docs})`);
        log.entry(epLabel, epStarted, 'failed', bodyOf(outcome));
        return result();
      }
      const after = await readEndpoint(session, epPath, deadline);
      if (!after || after.provisioningState.toLowerCase() !== 'succeeded') {
        log.fail('deployment-failed', epFile, `Endpoint ${endpointName} reads back as ${after?.provisioningState ?? 'missing'} after its operation succeeded.`);
        log.entry(epLabel, epStarted, 'failed', 'read-back mismatch');
        return result();
      }
      endpoint = after;
      log.entry(epLabel, epStarted, 'ok', createdNow ? 'created' : 'updated');
      if (held?.ok && held.create) {
        // The create PUT carried the lease: another run that created the endpoint at the same moment shows now.
        const confirmed = await holdLease(epFile, `${epLabel}: lease`, Date.now());
        if (!confirmed.ok) return confirmed.stop;
      }
    }
  }
  if (!endpoint) return result();

  // ---- Key Vault access of a new system-assigned identity
  const vaultRefs = analysis.references.filter((r): r is KeyVaultRef => r.kind === 'keyvault');
  let grantedHosts: string[] = [];
  if (createdNow && vaultRefs.length && endpoint.principalId && !endpoint.hasUserAssigned && endpoint.identityType.toLowerCase().includes('systemassigned')) {
    const kvStarted = Date.now();
    const kvLabel = 'Apply: Key Vault access of the new endpoint identity';
    const vaults = [...new Map(vaultRefs.map((r) => [r.vaultHost.toLowerCase(), { host: r.vaultHost.toLowerCase(), name: r.vaultName, resourceId: facts.vaultIds[r.vaultHost.toLowerCase()] }])).values()];
    const access = await core.group(kvLabel, () => ensureKeyVaultAccess(session, endpoint?.principalId ?? '', vaults, inputs.grantMissingRoles, deadline));
    grantedHosts = access.filter((a) => a.state === 'granted').map((a) => a.host);
    if (grantedHosts.length) log.writes += grantedHosts.length;
    for (const a of access.filter((x) => x.state === 'missing' || x.state === 'unknown')) {
      const ref = vaultRefs.find((r) => r.vaultHost.toLowerCase() === a.host) as KeyVaultRef;
      const message = a.state === 'missing'
        ? `The new endpoint identity ${endpoint.principalId} cannot read secrets of Key Vault ${a.name}${a.why ? ` (${a.why})` : ''}; the deployment would fail with SecretsInjectionError, so it was not started.`
        : `Key Vault access of the new endpoint identity could not be checked: ${a.why}.`;
      log.fail('endpoint-identity-cannot-read-keyvault', ref.range, message, a.command ? `Run: ${a.command} — or set grant-missing-roles: true.` : undefined);
    }
    log.entry(kvLabel, kvStarted, log.failed ? 'failed' : 'ok', access.map((a) => `${a.name}: ${a.state}`).join(', '));
    if (log.failed) return result();
  }

  // ---- Local assets (planned by validate): upload what is not there yet and register the versions
  const { assetPlan } = facts;
  if (assetPlan.changes && assetPlan.items.length) {
    const label = 'Apply: upload and register local assets';
    const upStarted = Date.now();
    const held = await holdLease(epFile, label, upStarted);
    if (!held.ok) return held.stop;
    try {
      const up = await core.group(label, () => uploadLocalAssets(session, assetPlan, { log: (line) => core.info(line) }));
      log.writes += up.registered.length;
      log.entry(label, upStarted, 'ok', `${up.registered.length} version(s) registered, ${up.uploadedFiles} file(s) uploaded`);
    } catch (error) {
      const partial = error instanceof AssetUploadError ? error.partial : undefined;
      log.writes += (partial?.registered.length ?? 0) + (partial?.uploadedFiles ? 1 : 0);
      const first = analysis.deployments[0];
      log.fail('deployment-failed', first ? locate(first) : epFile, `Uploading or registering local assets failed: ${(error as Error).message}`, 'Check that the workflow identity may write to the workspace storage (Storage Blob Data Contributor) and create asset versions, then run again: finished uploads are not sent twice.');
      log.entry(label, upStarted, 'failed', (error as Error).message);
      return result(readBackOf(endpoint));
    }
  }

  // ---- Deployments
  const createdHere = analysis.deployments.filter((d) => planned('deployment', d.name)?.change === 'create');
  for (const d of analysis.deployments) {
    const request = planned('deployment', d.name);
    if (!request) continue;
    const outcome = await applyDeployment(session, log, { spec: d, request }, grantedHosts, deadline, inputs, secretValues, (at, label, started) => holdLease(at, label, started));
    if (outcome !== 'ok') {
      // Traffic has not moved yet: a deployment this run created has never served (one it did not write is not its own to delete).
      if (request.change === 'create' && outcome === 'failed') await removeNeverServed(session, log, inputs, [{ name: d.name, path: request.path, at: locate(d) }], guardDelete);
      return result(readBackOf(await readEndpoint(session, epPath, deadline).catch(() => undefined)));
    }
  }

  // ---- Traffic: the planned steps, from the map the plan read; runTraffic guards each write by it (a map another writer moved stops the run).
  const before = await readEndpoint(session, epPath, deadline);
  if (!before) {
    log.fail('deployment-failed', epFile, `Endpoint ${endpointName} disappeared during the run.`);
    return result();
  }
  const trafficPlan: TrafficPlan = { previous: traffic.rollback, steps: traffic.steps, notes: [], problems: [] };
  const gates: GateSettings = {
    smokeRequest,
    smokeExpected,
    comparisonTolerance: inputs.comparisonTolerance,
    metrics: inputs.maxErrorRate !== undefined || inputs.maxLatencyP99Ms !== undefined ? { maxErrorRate: inputs.maxErrorRate, maxLatencyP99Ms: inputs.maxLatencyP99Ms, minRequests: inputs.minRequestCount } : undefined,
    onNoData: inputs.onNoData,
    bakeTimeMs: inputs.bakeTimeMs ?? 0,
    metricsIngestionDelayMs: inputs.metricsIngestionDelayMs,
  };
  const target = analysis.deployments.length === 1 ? analysis.deployments[0]?.name.toLowerCase() : undefined;
  const state: RolloutState = { version: 1, status: 'inProgress', endpointPath: epPath, apiVersion: ML_API_VERSION, endpointName, body: computed.trafficBody, previous: traffic.rollback, startedAt: new Date().toISOString() };
  const targetFile: SourceRange = target ? locate(analysis.deployments[0] as DeploymentSpec) : epFile;
  const after = await runTraffic({ session, log, plan: trafficPlan, state, gates, target, scoring: before, rollbackOnFailure: inputs.rollbackOnFailure, deadline, at: targetFile, saveState: (s) => core.saveState(ROLLOUT_STATE_KEY, serializeState(s)), lease: { ensure: () => holdLease(targetFile, 'Traffic: lease', Date.now()), tag: () => lease.tag(), release: () => lease.release() } });
  if (log.failed && createdHere.length) {
    // Rolled back (or stopped): what this run created and what serves no live or mirrored traffic now never served.
    const live = after ?? (await readEndpoint(session, epPath, deadline).catch(() => undefined));
    const idle = createdHere.filter((d) => live && !(live.traffic[d.name.toLowerCase()] ?? live.traffic[d.name]) && !(live.mirrorTraffic[d.name.toLowerCase()] ?? live.mirrorTraffic[d.name]));
    await removeNeverServed(session, log, inputs, idle.map((d) => ({ name: d.name, path: planned('deployment', d.name)?.path ?? '', at: locate(d) })), guardDelete);
  }
  if (!log.failed) await removeIdle(session, log, computed.plan.requests.filter((r) => r.change === 'delete'), () => readEndpoint(session, epPath, deadline), (label) => guardDelete(epFile, label));
  if (traffic.steps.length === 0 && log.writes === 0) log.notes.push(`Nothing to change: Azure already holds what the files and inputs ask for (traffic ${formatTraffic(before.traffic)}).`);
  else if (!log.failed) log.notes.push(`Traffic: ${formatTraffic(traffic.rollback.traffic)} → ${formatTraffic(after?.traffic)} (read back).`);
  return result(readBackOf(after));
}

/** Cleans up after a failed rollout: the deployments this run created that never served are deleted (rollback-on-failure), unless keep-failed-deployment. */
async function removeNeverServed(session: AzureSession, log: ApplyLog, inputs: Inputs, deployments: Array<{ name: string; path: string; at: SourceRange }>, guard: (at: SourceRange, label: string) => Promise<boolean>): Promise<void> {
  for (const d of deployments) {
    if (!inputs.rollbackOnFailure || inputs.keepFailedDeployment) {
      log.notes.push(`Deployment ${d.name} failed without serving and was kept (${inputs.keepFailedDeployment ? 'keep-failed-deployment: true' : 'rollback-on-failure: false'}); its instances keep running until you delete it: az ml online-deployment delete --name ${d.name} --endpoint-name ${d.path.split('/').at(-3) ?? ''} --yes`);
      continue;
    }
    const label = `Apply: delete deployment ${d.name} (failed, never served)`;
    const started = Date.now();
    if (!(await guard(d.at, label))) continue;
    const outcome = await deleteDeployment(session, log, label, d.name, d.path);
    if (outcome.kind === 'succeeded') {
      log.entry(label, started, 'ok', 'deleted');
      log.notes.push(`Deployment ${d.name} failed without serving and was deleted (keep-failed-deployment: true keeps one for debugging).`);
    } else {
      log.entry(label, started, 'failed', bodyOf(outcome));
      log.fail('deployment-failed', d.at, `Deployment ${d.name} failed without serving, and deleting it failed too (${bodyOf(outcome)}); it keeps its instances.`, `Delete it: az ml online-deployment delete --name ${d.name} --endpoint-name ${d.path.split('/').at(-3) ?? ''} --yes`);
    }
  }
}

const CLEANUP_BUDGET_MS = 5 * 60_000;

/** One clean-up DELETE in its own log group, with a budget of its own: the run's timeout may be spent by the failure that brought us here. */
function deleteDeployment(session: AzureSession, log: ApplyLog, label: string, name: string, path: string): Promise<LroOutcome> {
  return core.group(label, () => writeLro(session, log, { method: 'DELETE', path, apiVersion: ML_API_VERSION }, `Delete ${name}`, Date.now() + CLEANUP_BUDGET_MS));
}

/** keep-deployments: the planned deletions of idle deployments, after the run succeeded; one that serves now (someone moved traffic to it) is never deleted. */
async function removeIdle(session: AzureSession, log: ApplyLog, deletions: PlannedRequest[], read: () => Promise<LiveEndpoint | undefined>, guard: (label: string) => Promise<boolean>): Promise<void> {
  if (!deletions.length) return;
  const live = await read();
  for (const r of deletions) {
    const name = (r.resource?.name ?? '').toLowerCase();
    const label = `Apply: delete idle deployment ${r.resource?.name} (keep-deployments)`;
    const started = Date.now();
    if (!live || (live.traffic[name] ?? 0) > 0 || (live.mirrorTraffic[name] ?? 0) > 0) {
      log.entry(label, started, 'skipped', live ? 'it serves traffic now' : 'the endpoint could not be read');
      continue;
    }
    if (!(await guard(label))) return;
    const outcome = await deleteDeployment(session, log, label, r.resource?.name ?? '', r.path);
    log.entry(label, started, outcome.kind === 'succeeded' ? 'ok' : 'failed', outcome.kind === 'succeeded' ? 'deleted' : bodyOf(outcome));
    if (outcome.kind !== 'succeeded') log.notes.push(`Deleting the idle deployment ${r.resource?.name} failed (${bodyOf(outcome)}); it keeps its instances. The rollout itself succeeded.`);
  }
}

function locate(d: DeploymentSpec): SourceRange {
  return { file: d.file, line: d.spans.name?.line ?? 1, column: d.spans.name?.column ?? 1 };
}

export function readBackOf(e: LiveEndpoint | undefined): ReadBack | undefined {
  if (!e) return undefined;
  return { scoringUri: e.scoringUri, swaggerUri: e.swaggerUri, traffic: e.traffic, mirrorTraffic: e.mirrorTraffic, ...armIdentifiers(e.body) };
}

export function written(log: ApplyLog): Written {
  if (log.writes === 0) return 'nothing';
  return log.failed ? 'partial' : 'all';
}

function timeoutError(inputs: Inputs): ServiceError {
  return { code: 'DeploymentTimeout', message: `no answer within the timeout budget (${Math.round(inputs.timeoutMs / 1000)} s)` };
}

/** Prints the tails of both containers' logs (values of secret-injected variables redacted) in a log group; returns those variables' names. */
async function showLogs(session: AzureSession, path: string, spec: DeploymentSpec): Promise<string[]> {
  const injected = Object.entries(spec.environmentVariables)
    .filter(([, value]) => value !== null && parseExactReference(value) !== undefined)
    .map(([name]) => name);
  const tails = await Promise.all(
    (['StorageInitializer', 'InferenceServer'] as const).map(async (containerType) => {
      try {
        const res = await session.arm.send<{ content?: string }>({ method: 'POST', path: `${path}/getLogs`, apiVersion: ML_API_VERSION, body: { containerType, tail: 50 } });
        return { containerType, text: redactVariables(res.body?.content ?? '', injected) };
      } catch (error) {
        return { containerType, text: `(logs not available: ${error instanceof ArmError ? error.code : String(error)})` };
      }
    }),
  );
  await core.group(`Container logs: ${path.split('/').pop()}`, async () => {
    for (const t of tails) core.info(`── ${t.containerType} (last 50 lines) ──\n${t.text.trimEnd() || '(empty)'}`);
  });
  return injected;
}

async function applyDeployment(
  session: AzureSession,
  log: ApplyLog,
  d: { spec: DeploymentSpec; request: PlannedRequest },
  grantedHosts: string[],
  deadline: number,
  inputs: Inputs,
  secretValues: readonly string[],
  holdLease: (at: SourceRange, label: string, started: number) => Promise<{ ok: true; taken: boolean } | { ok: false }>,
): Promise<'ok' | 'failed' | 'not written'> {
  const label = `Apply: deployment ${d.spec.name}`;
  const started = Date.now();
  const at = locate(d.spec);
  const { request } = d;
  if (request.change === 'no change') {
    core.info(`Deployment ${d.spec.name}: no change (as planned); not written.`);
    log.entry(label, started, 'ok', 'unchanged');
    return 'ok';
  }
  const path = request.path;
  const busy = await waitWhileBusy(`Deployment ${d.spec.name}`, () => readDeployment(session, path, deadline), await readDeployment(session, path, deadline), deadline);
  if (busy.kind === 'timeout') {
    log.fail('deployment-failed', at, `Deployment ${d.spec.name} stayed ${busy.state} until the timeout; nothing was written over it.`);
    log.entry(label, started, 'failed', `still ${busy.state}`);
    return 'not written';
  }
  let live = busy.value;
  const moved = (why: string): 'not written' => {
    log.fail('plan-stale', at, `Deployment ${d.spec.name} changed since the plan: ${why}. Nothing was written over it.`, 'Another writer is at work on it: run validate again, review the new plan, and deploy that one.');
    log.entry(label, started, 'failed', 'changed since the plan');
    return 'not written';
  };
  let check = recheck(request, live?.body, secretValues);
  if (check.kind === 'moved') return moved(check.why);
  if (check.kind === 'write') {
    const held = await holdLease(at, label, started);
    if (!held.ok) return 'not written';
    if (held.taken) {
      // Taken just now (perhaps after a wait): the deployment is checked again against the plan.
      live = await readDeployment(session, path, deadline);
      check = recheck(request, live?.body, secretValues);
      if (check.kind === 'moved') return moved(check.why);
    }
  }
  if (check.kind === 'already-there') {
    core.info(`Deployment ${d.spec.name}: Azure already holds the planned update; not written.`);
    log.entry(label, started, 'ok', 'unchanged');
    return 'ok';
  }
  const put = { method: 'PUT' as const, path, apiVersion: ML_API_VERSION, body: request.body };
  let outcome = await core.group(label, async () => {
    core.info(live ? `Updating deployment ${d.spec.name} (${(request.diff ?? []).slice(0, 5).join('; ')}).` : `Creating deployment ${d.spec.name}.`);
    return writeLro(session, log, put, `Deployment ${d.spec.name}`, deadline);
  });
  // A role granted a moment ago may not have propagated: one retry, after a delay, when every suspect reference is a Key
  // Vault one on a vault the action just granted (decided from what it assigned; the service's text names no cause).
  const references: ReferenceVariable[] = Object.entries(d.spec.environmentVariables).flatMap(([variable, value]) => {
    const t = typeof value === 'string' ? parseExactReference(value) : undefined;
    return t ? [{ variable, vaultHost: t.kind === 'keyvault' ? t.vaultHost : undefined }] : [];
  });
  if (outcome.kind === 'failed' && retryAfterGrant(outcome.error, references, grantedHosts)) {
    const delay = Math.min(60_000, Math.max(1000, Math.floor((deadline - Date.now()) / 4)));
    core.info(`The deployment failed on the Key Vault permission granted a moment ago; role assignments take time to propagate. Retrying once in ${Math.round(delay / 1000)} s.`);
    log.entry(`${label} (first attempt)`, started, 'failed', `${outcome.error.code}: waiting for role propagation`);
    await new Promise((r) => setTimeout(r, delay));
    outcome = await core.group(`${label} (retry)`, () => writeLro(session, log, put, `Deployment ${d.spec.name}`, deadline));
  }
  if (outcome.kind !== 'succeeded') {
    const error = outcome.kind === 'failed' ? outcome.error : timeoutError(inputs);
    // The container logs go to their log group only: a line may hold what the container printed of its secrets.
    const injected = await showLogs(session, path, d.spec);
    const entry = describeFailure(error.code);
    // The variable is named only when the service names it; otherwise every reference is annotated as a possible cause.
    const suspects = error.code === 'SecretsInjectionError' ? injectionSuspects(error, references) : { named: false, variables: [] };
    const variables = suspects.variables;
    const places = variables.flatMap((v) => { const s = d.spec.spans.environmentVariables[v]; return s ? [{ v, s }] : []; });
    const message = (v?: string) => {
      const cause = v === undefined ? '' : suspects.named ? ` (${v})` : ` The service does not say which reference failed: ${v} is a possible cause.`;
      return `Deployment ${d.spec.name}: ${error.code}: ${redactVariables(error.message, injected)}${cause}${variables.length ? '' : ` (container logs: log group "Container logs: ${d.spec.name}")`}`;
    };
    if (places.length) for (const { v, s } of places) log.fail('deployment-failed', { file: d.spec.file, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn }, message(v), `${entry.remedy} (${entry.docs})`);
    else log.fail('deployment-failed', at, message(), `${entry.remedy} (${entry.docs})`);
    log.entry(label, started, 'failed', `${error.code}`);
    return 'failed';
  }
  const after = await readDeployment(session, path, deadline);
  if (!after || after.provisioningState.toLowerCase() !== 'succeeded') {
    log.fail('deployment-failed', at, `Deployment ${d.spec.name} reads back as ${after?.provisioningState ?? 'missing'} after its operation succeeded.`);
    log.entry(label, started, 'failed', 'read-back mismatch');
    return 'failed';
  }
  log.entry(label, started, 'ok', live ? 'updated' : 'created');
  return 'ok';
}

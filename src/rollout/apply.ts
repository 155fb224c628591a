// mode: deploy, the apply phase (docs/rollout.md): endpoint, Key Vault access of a new identity,
// deployments, then traffic under gates with rollback. Every change is read back; a service failure
// becomes a finding with what was written so far, never a throw (src/modes/mode.ts).
import * as core from '@actions/core';
import { planLocalAssets, type LocalAssetPlan } from '../assets/plan.ts';
import { AssetUploadError, uploadLocalAssets, withAssetIds } from '../assets/upload.ts';
import type { AzureSession } from '../azure/session.ts';
import { emptyLocalAssets } from '../checks/local-assets.ts';
import { ArmError } from '../azure/session.ts';
import type { SourceRange } from '../findings/finding.ts';
import { InputError, type Inputs } from '../inputs.ts';
import type { AnalyzedRun, ApplyResult } from '../modes/mode.ts';
import type { ReadBack, Written } from '../report/model.ts';
import { parseExactReference } from '../secrets/parse.ts';
import type { KeyVaultRef } from '../secrets/scan.ts';
import { readSourceFile, workspaceRoot } from '../source-files.ts';
import { deploymentPath, deploymentRestBody, endpointPath, endpointRestBody, ML_API_VERSION, type DeploymentSpec, type WorkspaceContext } from '../spec/index.ts';
import { driftFrom } from './drift.ts';
import { describeFailure, injectionSuspects, retryAfterGrant, type ReferenceVariable, type ServiceError } from './failure-codes.ts';
import { ensureKeyVaultAccess } from './keyvault-roles.ts';
import { redactVariables } from './log-redaction.ts';
import { readDeployment, readEndpoint, waitWhileBusy, type LiveDeployment, type LiveEndpoint } from './live.ts';
import type { LroOutcome } from './lro.ts';
import { ROLLOUT_STATE_KEY, serializeState, type RolloutState } from './rollout-state.ts';
import { traceTags, withTraceTags } from './trace-tags.ts';
import { formatTraffic, planTraffic, withTraffic, type TrafficRequest } from './traffic-plan.ts';
import { runTraffic, type GateSettings } from './traffic.ts';
import { ApplyLog, writeLro } from './writes.ts';

/** What apply needs from the checks: the session and the live state they read. */
export interface DeployFacts {
  session: AzureSession;
  location: string;
  endpoint?: LiveEndpoint;
  /** By lower-cased deployment name. */
  deployments: Record<string, LiveDeployment>;
  /** Vault ARM ids by host, when the checks read them. */
  vaultIds: Record<string, string>;
}

function bodyOf(outcome: LroOutcome): string {
  return outcome.kind === 'failed' ? `${outcome.error.code}: ${outcome.error.message}` : outcome.kind;
}

/** An endpoint PUT body rebuilt from the live GET (runs with deployment files only): the writable fields. */
export function endpointBodyFromLive(live: Record<string, unknown>): Record<string, unknown> {
  const p = (live.properties ?? {}) as Record<string, unknown>;
  const identity = (live.identity ?? {}) as { type?: string; userAssignedIdentities?: Record<string, unknown> };
  const id: Record<string, unknown> = { type: identity.type ?? 'SystemAssigned' };
  if (identity.userAssignedIdentities && Object.keys(identity.userAssignedIdentities).length) {
    id.userAssignedIdentities = Object.fromEntries(Object.keys(identity.userAssignedIdentities).map((k) => [k, {}]));
  }
  const properties: Record<string, unknown> = { authMode: p.authMode, properties: p.properties ?? {}, traffic: p.traffic ?? {}, mirrorTraffic: p.mirrorTraffic ?? {} };
  for (const key of ['description', 'publicNetworkAccess', 'compute']) if (p[key] !== undefined && p[key] !== null) properties[key] = p[key];
  const body: Record<string, unknown> = { location: live.location, identity: id, tags: live.tags ?? {}, properties };
  if (live.kind) body.kind = live.kind;
  return body;
}


function trafficRequest(inputs: Inputs, run: AnalyzedRun): TrafficRequest {
  if (inputs.rolloutSteps) return { kind: 'steps', steps: inputs.rolloutSteps };
  if (inputs.traffic?.kind === 'all') return { kind: 'all' };
  if (inputs.traffic?.kind === 'map') return { kind: 'map', weights: inputs.traffic.weights };
  const ep = run.analysis.endpoint;
  if (ep && (ep.traffic.length || ep.mirrorTraffic.length)) {
    const map = (entries: typeof ep.traffic) => Object.fromEntries(entries.map((e) => [e.name, e.percent]));
    return { kind: 'file', traffic: map(ep.traffic), mirrorTraffic: map(ep.mirrorTraffic) };
  }
  return { kind: 'none' };
}

function readOptionalFile(input: string, path: string | undefined): string | undefined {
  if (!path) return undefined;
  try {
    return readSourceFile(input, path, workspaceRoot()).text;
  } catch (error) {
    throw new InputError([(error as Error).message]);
  }
}

export async function applyDeploy(run: AnalyzedRun, facts: DeployFacts): Promise<ApplyResult> {
  const { inputs, analysis } = run;
  const { session } = facts;
  const deadline = Date.now() + inputs.timeoutMs;
  const log = new ApplyLog(run.timeline);
  const ws: WorkspaceContext = { subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: facts.location };
  const spec = analysis.endpoint;
  const endpointName = spec?.name ?? analysis.deployments[0]?.endpointName ?? '';
  const epPath = endpointPath(ws, endpointName);
  const epFile: SourceRange = { file: spec?.file ?? analysis.deployments[0]?.file ?? '', line: spec?.spans.name?.line ?? 1, column: spec?.spans.name?.column ?? 1 };
  const tags = traceTags(process.env);
  const result = (readBack?: ReadBack): ApplyResult => ({ findings: log.findings, notes: log.notes, written: written(log), readBack });

  // ---- Before any write: everything that can be refused is refused now.
  const smokeRequest = readOptionalFile('smoke-request-file', inputs.smokeRequestFile);
  const smokeExpected = readOptionalFile('smoke-expected-file', inputs.smokeExpectedFile);
  // Local models, code and environments (docs/local-assets.md): planned now (read-only), uploaded
  // and registered just before the deployments; their ids replace the placeholders of the bodies.
  const rests = analysis.deployments.map((d) => ({ spec: d, rest: deploymentRestBody(d, ws) }));
  let assetPlan: LocalAssetPlan | undefined;
  if (rests.some((r) => r.rest.assets.some((a) => a.action === 'register'))) {
    const assetsStarted = Date.now();
    try {
      assetPlan = await core.group('Apply: plan local assets', async () => {
        const p = await planLocalAssets(session, rests.map((r) => r.rest));
        for (const item of p.items) core.info(item.description);
        return p;
      });
      for (const f of emptyLocalAssets(assetPlan.facts)) log.fail(f.rule, f, f.message, f.hint);
      log.entry('Apply: plan local assets', assetsStarted, log.failed ? 'failed' : 'ok', `${assetPlan.items.filter((i) => !i.exists).length} to register, ${assetPlan.items.filter((i) => i.exists).length} unchanged`);
    } catch (error) {
      const first = analysis.deployments[0];
      log.fail('deployment-failed', first ? locate(first) : epFile, `Could not read what the local assets need (${(error as Error).message}); nothing was written.`, 'Give the workflow identity read access to the workspace assets, datastores and storage, then run again.');
      log.entry('Apply: plan local assets', assetsStarted, 'failed', (error as Error).message);
    }
  }
  const deploymentBodies = rests.map(({ spec: d, rest }) => ({ spec: d, path: deploymentPath(ws, endpointName, d.name), body: withTraceTags(assetPlan ? withAssetIds(rest, assetPlan) : rest.body, tags) }));
  for (const d of deploymentBodies) {
    const pending = /\{\{pending:([^}]*)\}\}/.exec(JSON.stringify(d.body));
    if (pending) {
      log.fail('deployment-failed', { file: d.spec.file, line: d.spec.spans.name?.line ?? 1, column: 1 }, `Deployment ${d.spec.name} still holds an unresolved reference (${pending[1] ?? ''}): it names an asset by label or a conda file that could not be read.`, 'Reference the asset as azureml:<name>:<version>, or fix the path of the conda file.');
    }
  }
  const target = analysis.deployments.length === 1 ? analysis.deployments[0]?.name.toLowerCase() : undefined;
  const request = trafficRequest(inputs, run);
  if (analysis.deployments.length > 1 && (request.kind === 'steps' || request.kind === 'all' || inputs.mirrorPercent !== undefined)) {
    log.fail('traffic', epFile, `rollout-steps, traffic: all and mirror-percent move one deployment; this run deploys ${analysis.deployments.length}.`, 'Give one deployment file, or an explicit traffic map.');
  }
  const known = [...new Set([...Object.keys(facts.deployments), ...analysis.deployments.map((d) => d.name.toLowerCase())])];
  const gatesConfigured = Boolean(smokeRequest || inputs.maxErrorRate !== undefined || inputs.maxLatencyP99Ms !== undefined || inputs.bakeTimeMs);
  const prePlan = planTraffic({ live: facts.endpoint?.traffic ?? {}, liveMirror: facts.endpoint?.mirrorTraffic ?? {}, deployment: target, deployments: known, request, mirrorPercent: inputs.mirrorPercent, gatesConfigured });
  for (const p of prePlan.problems) log.fail('traffic', epFile, p);
  if (!spec && !facts.endpoint) log.fail('deployment-failed', epFile, `Endpoint ${endpointName} does not exist and no endpoint-file was given to create it.`, 'Add endpoint-file, or create the endpoint first.');
  if (log.failed) return result();

  // ---- Endpoint
  let endpoint = facts.endpoint;
  const epStarted = Date.now();
  const epLabel = `Apply: endpoint ${endpointName}`;
  const busy = await waitWhileBusy(`Endpoint ${endpointName}`, () => readEndpoint(session, epPath, deadline), endpoint, deadline);
  if (busy.kind === 'timeout') {
    log.fail('deployment-failed', epFile, `Endpoint ${endpointName} stayed ${busy.state} until the timeout; nothing was written over it.`, 'Wait for the other operation to finish (or raise timeout), then run again.');
    log.entry(epLabel, epStarted, 'failed', `still ${busy.state}`);
    return result();
  }
  endpoint = busy.value;
  const createdNow = !endpoint;
  let endpointBody = spec ? withTraceTags(endpointRestBody(spec, ws).body, tags) : endpointBodyFromLive(endpoint?.body ?? {});
  endpointBody = withTraffic(endpointBody, endpoint?.traffic ?? {}, endpoint?.mirrorTraffic ?? {});
  if (spec) {
    const drift = endpoint ? driftFrom(endpointBody, endpoint.body) : ['new'];
    if (endpoint && drift.length === 0 && endpoint.provisioningState.toLowerCase() === 'succeeded') {
      core.info(`Endpoint ${endpointName} already matches the file: not written.`);
      log.entry(epLabel, epStarted, 'ok', 'unchanged');
    } else {
      const outcome = await core.group(epLabel, async () => {
        core.info(endpoint ? `Updating endpoint ${endpointName} (${drift.slice(0, 5).join(', ')}).` : `Creating endpoint ${endpointName}.`);
        return writeLro(session, log, { method: 'PUT', path: epPath, apiVersion: ML_API_VERSION, body: endpointBody }, `Endpoint ${endpointName}`, deadline);
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

  // ---- Local assets: upload what is not there yet and register the versions
  if (assetPlan?.changes) {
    const label = 'Apply: upload and register local assets';
    const upStarted = Date.now();
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
  for (const d of deploymentBodies) {
    const ok = await applyDeployment(session, log, d, facts.deployments[d.spec.name.toLowerCase()], grantedHosts, deadline, inputs);
    if (!ok) return result(readBackOf(await readEndpoint(session, epPath, deadline).catch(() => undefined)));
  }

  // ---- Traffic
  const before = await readEndpoint(session, epPath, deadline);
  if (!before) {
    log.fail('deployment-failed', epFile, `Endpoint ${endpointName} disappeared during the run.`);
    return result();
  }
  const plan = planTraffic({ live: before.traffic, liveMirror: before.mirrorTraffic, deployment: target, deployments: known, request, mirrorPercent: inputs.mirrorPercent, gatesConfigured });
  log.notes.push(...plan.notes);
  for (const p of plan.problems) log.fail('traffic', epFile, p);
  if (log.failed) return result(readBackOf(before));
  const gates: GateSettings = {
    smokeRequest,
    smokeExpected,
    comparisonTolerance: inputs.comparisonTolerance,
    metrics: inputs.maxErrorRate !== undefined || inputs.maxLatencyP99Ms !== undefined ? { maxErrorRate: inputs.maxErrorRate, maxLatencyP99Ms: inputs.maxLatencyP99Ms, minRequests: inputs.minRequestCount } : undefined,
    onNoData: inputs.onNoData,
    bakeTimeMs: inputs.bakeTimeMs ?? 0,
  };
  const state: RolloutState = { version: 1, status: 'inProgress', endpointPath: epPath, apiVersion: ML_API_VERSION, endpointName, body: endpointBody, previous: plan.previous, startedAt: new Date().toISOString() };
  const targetFile: SourceRange = target ? locate(analysis.deployments[0] as DeploymentSpec) : epFile;
  const after = await runTraffic({ session, log, plan, state, gates, target, scoring: before, rollbackOnFailure: inputs.rollbackOnFailure, deadline, at: targetFile, saveState: (s) => core.saveState(ROLLOUT_STATE_KEY, serializeState(s)) });
  if (plan.steps.length === 0 && log.writes === 0) log.notes.push(`Nothing to change: Azure already holds what the files and inputs ask for (traffic ${formatTraffic(before.traffic)}).`);
  else if (!log.failed) log.notes.push(`Traffic: ${formatTraffic(plan.previous.traffic)} → ${formatTraffic(after?.traffic)} (read back).`);
  return result(readBackOf(after));
}

function locate(d: DeploymentSpec): SourceRange {
  return { file: d.file, line: d.spans.name?.line ?? 1, column: d.spans.name?.column ?? 1 };
}

function readBackOf(e: LiveEndpoint | undefined): ReadBack | undefined {
  if (!e) return undefined;
  return { scoringUri: e.scoringUri, swaggerUri: e.swaggerUri, traffic: e.traffic, mirrorTraffic: e.mirrorTraffic };
}

function written(log: ApplyLog): Written {
  if (log.writes === 0) return 'nothing';
  return log.failed ? 'partial' : 'all';
}

function timeoutError(inputs: Inputs): ServiceError {
  return { code: 'DeploymentTimeout', message: `no answer within the timeout budget (${Math.round(inputs.timeoutMs / 1000)} s)` };
}

/** The tails of both containers' logs, with the values of secret-injected variables redacted. */
async function showLogs(session: AzureSession, path: string, spec: DeploymentSpec): Promise<string> {
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
  const server = tails.find((t) => t.containerType === 'InferenceServer')?.text.trim().split('\n').slice(-5).join('\n');
  return server ?? '';
}

async function applyDeployment(
  session: AzureSession,
  log: ApplyLog,
  d: { spec: DeploymentSpec; path: string; body: Record<string, unknown> },
  known: LiveDeployment | undefined,
  grantedHosts: string[],
  deadline: number,
  inputs: Inputs,
): Promise<boolean> {
  const label = `Apply: deployment ${d.spec.name}`;
  const started = Date.now();
  const at = locate(d.spec);
  const busy = await waitWhileBusy(`Deployment ${d.spec.name}`, () => readDeployment(session, d.path, deadline), known, deadline);
  if (busy.kind === 'timeout') {
    log.fail('deployment-failed', at, `Deployment ${d.spec.name} stayed ${busy.state} until the timeout; nothing was written over it.`);
    log.entry(label, started, 'failed', `still ${busy.state}`);
    return false;
  }
  const live = busy.value;
  const drift = live ? driftFrom(d.body, live.body) : ['new'];
  if (live && drift.length === 0 && live.provisioningState.toLowerCase() === 'succeeded') {
    core.info(`Deployment ${d.spec.name} already matches the file: not written.`);
    log.entry(label, started, 'ok', 'unchanged');
    return true;
  }
  const put = { method: 'PUT' as const, path: d.path, apiVersion: ML_API_VERSION, body: d.body };
  let outcome = await core.group(label, async () => {
    core.info(live ? `Updating deployment ${d.spec.name} (${drift.slice(0, 5).join(', ')}).` : `Creating deployment ${d.spec.name}.`);
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
    const tail = await showLogs(session, d.path, d.spec);
    const entry = describeFailure(error.code);
    // The variable is named only when the service names it; otherwise every reference is annotated as a possible cause.
    const suspects = error.code === 'SecretsInjectionError' ? injectionSuspects(error, references) : { named: false, variables: [] };
    const variables = suspects.variables;
    const places = variables.flatMap((v) => { const s = d.spec.spans.environmentVariables[v]; return s ? [{ v, s }] : []; });
    const message = (v?: string) => {
      const cause = v === undefined ? '' : suspects.named ? ` (${v})` : ` The service does not say which reference failed: ${v} is a possible cause.`;
      return `Deployment ${d.spec.name}: ${error.code}: ${error.message}${cause}${tail && !variables.length ? `\nInference server log (tail):\n${tail}` : ''}`;
    };
    if (places.length) for (const { v, s } of places) log.fail('deployment-failed', { file: d.spec.file, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn }, message(v), `${entry.remedy} (${entry.docs})`);
    else log.fail('deployment-failed', at, message(), `${entry.remedy} (${entry.docs})`);
    log.entry(label, started, 'failed', `${error.code}`);
    return false;
  }
  const after = await readDeployment(session, d.path, deadline);
  if (!after || after.provisioningState.toLowerCase() !== 'succeeded') {
    log.fail('deployment-failed', at, `Deployment ${d.spec.name} reads back as ${after?.provisioningState ?? 'missing'} after its operation succeeded.`);
    log.entry(label, started, 'failed', 'read-back mismatch');
    return false;
  }
  log.entry(label, started, 'ok', live ? 'updated' : 'created');
  return true;
}

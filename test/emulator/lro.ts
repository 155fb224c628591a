// Long-running operations as recorded in Azure (test/fixtures/recorded/ml-online.json, from the azure-ai-ml e2e recording):
// PUT → 201 + Azure-AsyncOperation + Location, DELETE → 202 + Azure-AsyncOperation + Location (mfeOperationResults); status
// bodies say `Updating` while running, with percentComplete and a full ARM id; no Retry-After. An operation ends with
// wall-clock time whether or not it is polled; `behaviour.lro.pollsBeforeDone` polls (default profile) hold it back while a
// client polls; `lro.profile: realistic` takes Azure's recorded durations scaled by `lro.realisticScale`. `lro.retryAfterSeconds`
// adds Retry-After, as ARM's async pattern allows (https://learn.microsoft.com/azure/azure-resource-manager/management/async-operations).
import { createHash, randomUUID } from 'node:crypto';
import type { ArmCall } from './arm-common.ts';
import { armError } from './arm-common.ts';
import { json } from './http.ts';
import type { EmuResponse } from './http.ts';
import type { OperationRec, World } from './state.ts';

/**
 * What an operation does, for its duration under the `realistic` profile and its id prefix (`oe:` endpoint, `od:`
 * deployment, as recorded).
 */
export type OperationWhat = 'endpointCreate' | 'endpointUpdate' | 'endpointDelete' | 'deploymentCreate' | 'deploymentUpdate' | 'deploymentScale' | 'deploymentDelete';

/**
 * Durations recorded in Azure (test/fixtures/recorded/*.json `durationMs`, from the status bodies' startTime/endTime):
 * endpoint create 90 s (ml-online, cli-online-deployment; 23 s in cli-online-endpoint), deployment create 582 s (371 s in
 * cli-online-deployment), deployment update 552 s (cli-online-deployment-update), traffic update 20 s (both). Delete and
 * scale are not recorded to the end: assumed like an update (delete) and a create (scale, it provisions instances).
 */
export const RECORDED_DURATION_MS: Record<OperationWhat, number> = {
  endpointCreate: 90_000, endpointUpdate: 20_000, endpointDelete: 20_000,
  deploymentCreate: 582_000, deploymentUpdate: 582_000, deploymentScale: 582_000, deploymentDelete: 20_000,
};

/** Wall-clock time per counted poll after which an unpolled operation completes anyway (an operation never waits for a client). */
const POLL_ALLOWANCE_MS = 2_000;

function durationOf(world: World, what: OperationWhat): number {
  const lro = world.knobs.lro;
  if (lro.profile === 'realistic') return Math.max(lro.durationMs, Math.round(RECORDED_DURATION_MS[what] * lro.realisticScale));
  return Math.max(0, lro.durationMs);
}

/** `oe:`/`od:` + the workspace's GUID + a GUID, as the recorded operation names (the workspace part derived from its id). */
function operationName(world: World, what: OperationWhat): string {
  const h = createHash('sha1').update(world.workspaceId.toLowerCase()).digest('hex');
  const ws = `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  return `${what.startsWith('endpoint') ? 'oe' : 'od'}:${ws}:${randomUUID()}`;
}

export function startOperation(world: World, kind: OperationRec['kind'], resourceId: string, result: OperationRec['result'], onDone: () => void, what: OperationWhat = 'deploymentCreate'): OperationRec {
  const realistic = world.knobs.lro.profile === 'realistic';
  const duration = durationOf(world, what);
  const polls = realistic ? 0 : Math.max(0, world.knobs.lro.pollsBeforeDone);
  const op: OperationRec = { id: operationName(world, what), kind, resourceId, pollsLeft: polls, readyAt: Date.now() + duration, startTime: new Date().toISOString(), result, status: 'InProgress', onDone };
  world.operations.set(op.id.toLowerCase(), op);
  // Azure finishes an operation with time, whether or not anyone polls (an unpolled PUT is not stuck): the counted polls
  // only hold it back while a client is polling, each for at most POLL_ALLOWANCE_MS.
  const timer = setTimeout(() => complete(op), duration + polls * POLL_ALLOWANCE_MS);
  timer.unref();
  return op;
}

function complete(op: OperationRec): void {
  if (op.status !== 'InProgress') return;
  op.status = op.result.status;
  op.endTime = new Date().toISOString();
  op.onDone();
}

/** One poll: counts down, then completes the operation exactly once. */
export function advance(op: OperationRec): void {
  if (op.status !== 'InProgress') return;
  if (op.pollsLeft > 0) {
    op.pollsLeft -= 1;
    return;
  }
  if (Date.now() < op.readyAt) return;
  complete(op);
}

/** Advances every running operation on `resourceId` (a GET of the resource is a poll too). */
export function advanceFor(world: World, resourceId: string): void {
  for (const op of world.operations.values()) if (op.status === 'InProgress' && op.resourceId.toLowerCase() === resourceId.toLowerCase()) advance(op);
}

export function operationUrl(call: ArmCall, op: OperationRec, location: string): string {
  const kind = op.kind === 'AzureAsyncOperation' ? 'mfeOperationsStatus' : 'mfeOperationResults';
  return `${call.base}/subscriptions/${call.ctx.world.scenario.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${location}/${kind}/${op.id}?api-version=${call.apiVersion}`;
}

/**
 * Recorded (test/fixtures/recorded/ml-online.json): a PUT answers 201 with `Azure-AsyncOperation` (mfeOperationsStatus), `Location`
 * (the resource itself) and `x-ms-async-operation-timeout: PT30M`; a DELETE answers 202 with `Azure-AsyncOperation` and `Location`
 * (mfeOperationResults). A scale PATCH (`Location` kind) answers 202 with `Location` only (contract OnlineDeployments_Update).
 */
export function lroHeaders(call: ArmCall, op: OperationRec, location: string, opts: { resourceUrl?: string; both?: boolean } = {}): Record<string, string> {
  const h: Record<string, string> = { 'x-ms-async-operation-timeout': call.ctx.world.knobs.lro.operationTimeout };
  if (op.kind === 'AzureAsyncOperation') {
    h['Azure-AsyncOperation'] = operationUrl(call, op, location);
    if (opts.resourceUrl) h['Location'] = opts.resourceUrl;
  } else {
    h['Location'] = operationUrl(call, op, location);
    if (opts.both) h['Azure-AsyncOperation'] = operationUrl(call, { ...op, kind: 'AzureAsyncOperation' }, location);
  }
  return { ...h, ...retryAfter(call) };
}

function retryAfter(call: ArmCall): Record<string, string> {
  const s = call.ctx.world.knobs.lro.retryAfterSeconds;
  return s === undefined ? {} : { 'Retry-After': String(s) };
}

/** The status vocabulary recorded: `Updating` while running (create, update and delete alike), `percentComplete`, a full ARM `id`. */
function statusBody(call: ArmCall, op: OperationRec, location: string): Record<string, unknown> {
  const running = op.status === 'InProgress';
  const body: Record<string, unknown> = {
    id: `/subscriptions/${call.ctx.world.scenario.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${location}/mfeOperationsStatus/${op.id}`,
    name: op.id, startTime: op.startTime, percentComplete: running ? 0 : 100, status: running ? 'Updating' : op.status,
  };
  if (op.endTime) body['endTime'] = op.endTime;
  if (!running && op.result.status !== 'Succeeded') body['error'] = op.result.error;
  return body;
}

function findOperation(call: ArmCall): OperationRec | undefined {
  const raw = call.params[2] ?? '';
  let id = raw;
  try {
    id = decodeURIComponent(raw);
  } catch {
    // not percent-encoded
  }
  return call.ctx.world.operations.get(id.toLowerCase());
}

/** GET .../locations/{loc}/mfeOperationsStatus/{id} */
export function getOperationStatus(call: ArmCall): EmuResponse {
  const op = findOperation(call);
  if (!op) return armError(404, 'NotFound', `Operation ${call.params[2] ?? ''} was not found.`);
  advance(op);
  return json(200, statusBody(call, op, call.params[1] ?? ''), op.status === 'InProgress' ? retryAfter(call) : {});
}

/** GET .../locations/{loc}/mfeOperationResults/{id}: 202 while running, then 200 (or the failure). */
export function getOperationResult(call: ArmCall): EmuResponse {
  const op = findOperation(call);
  if (!op) return armError(404, 'NotFound', `Operation ${call.params[2] ?? ''} was not found.`);
  advance(op);
  if (op.status === 'InProgress') return { status: 202, headers: { Location: `${call.base}${call.req.path}?api-version=${call.apiVersion}`, ...retryAfter(call) } };
  if (op.result.status !== 'Succeeded') return json(400, { error: op.result.error });
  return { status: 200 };
}

// Long-running operations, per contracts/INDEX.md "Emulator LRO recipe": PUT → 201 + Azure-AsyncOperation,
// DELETE → 202 + Location; status URLs shaped like fixtures/MfeOperationsStatus_examples.json. An operation
// stays InProgress for `behaviour.lro.pollsBeforeDone` polls and at least `lro.durationMs` of wall-clock time, then
// reaches its precomputed outcome (Succeeded, Failed or Canceled). By default no Retry-After is sent (core-lro's first two
// polls are then immediate); `lro.retryAfterSeconds` adds it to 201/202 answers and InProgress polls, as ARM's async
// pattern allows (https://learn.microsoft.com/azure/azure-resource-manager/management/async-operations).
import { randomUUID } from 'node:crypto';
import type { ArmCall } from './arm-common.ts';
import { armError } from './arm-common.ts';
import { json } from './http.ts';
import type { EmuResponse } from './http.ts';
import type { OperationRec, World } from './state.ts';

export function startOperation(world: World, kind: OperationRec['kind'], resourceId: string, result: OperationRec['result'], onDone: () => void): OperationRec {
  const op: OperationRec = { id: randomUUID(), kind, resourceId, pollsLeft: Math.max(0, world.knobs.lro.pollsBeforeDone), readyAt: Date.now() + Math.max(0, world.knobs.lro.durationMs), startTime: new Date().toISOString(), result, status: 'InProgress', onDone };
  world.operations.set(op.id, op);
  return op;
}

/** One poll: counts down, then completes the operation exactly once. */
export function advance(op: OperationRec): void {
  if (op.status !== 'InProgress') return;
  if (op.pollsLeft > 0) {
    op.pollsLeft -= 1;
    return;
  }
  if (Date.now() < op.readyAt) return;
  op.status = op.result.status;
  op.endTime = new Date().toISOString();
  op.onDone();
}

/** Advances every running operation on `resourceId` (a GET of the resource is a poll too). */
export function advanceFor(world: World, resourceId: string): void {
  for (const op of world.operations.values()) if (op.status === 'InProgress' && op.resourceId.toLowerCase() === resourceId.toLowerCase()) advance(op);
}

export function operationUrl(call: ArmCall, op: OperationRec, location: string): string {
  const kind = op.kind === 'AzureAsyncOperation' ? 'mfeOperationsStatus' : 'mfeOperationResults';
  return `${call.base}/subscriptions/${call.ctx.world.scenario.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${location}/${kind}/${op.id}?api-version=${call.apiVersion}`;
}

export function lroHeaders(call: ArmCall, op: OperationRec, location: string): Record<string, string> {
  const h: Record<string, string> = { 'x-ms-async-operation-timeout': call.ctx.world.knobs.lro.operationTimeout };
  if (op.kind === 'AzureAsyncOperation') h['Azure-AsyncOperation'] = operationUrl(call, op, location);
  else h['Location'] = operationUrl(call, op, location);
  return { ...h, ...retryAfter(call) };
}

function retryAfter(call: ArmCall): Record<string, string> {
  const s = call.ctx.world.knobs.lro.retryAfterSeconds;
  return s === undefined ? {} : { 'Retry-After': String(s) };
}

function statusBody(op: OperationRec): Record<string, unknown> {
  const body: Record<string, unknown> = { id: op.id, name: op.id, status: op.status, startTime: op.startTime };
  if (op.endTime) body['endTime'] = op.endTime;
  if (op.status !== 'InProgress' && op.result.status !== 'Succeeded') body['error'] = op.result.error;
  return body;
}

/** GET .../locations/{loc}/mfeOperationsStatus/{id} */
export function getOperationStatus(call: ArmCall): EmuResponse {
  const op = call.ctx.world.operations.get((call.params[2] ?? '').toLowerCase());
  if (!op) return armError(404, 'NotFound', `Operation ${call.params[2] ?? ''} was not found.`);
  advance(op);
  return json(200, statusBody(op), op.status === 'InProgress' ? retryAfter(call) : {});
}

/** GET .../locations/{loc}/mfeOperationResults/{id}: 202 while running, then 200 (or the failure). */
export function getOperationResult(call: ArmCall): EmuResponse {
  const op = call.ctx.world.operations.get((call.params[2] ?? '').toLowerCase());
  if (!op) return armError(404, 'NotFound', `Operation ${call.params[2] ?? ''} was not found.`);
  advance(op);
  if (op.status === 'InProgress') return { status: 202, headers: { Location: `${call.base}${call.req.path}?api-version=${call.apiVersion}`, ...retryAfter(call) } };
  if (op.result.status !== 'Succeeded') return json(400, { error: op.result.error });
  return { status: 200 };
}

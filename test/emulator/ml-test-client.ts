// The real ARM ML client pointed at the emulator, plus raw calls through its pipeline, for the emulator's tests.
import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { createPipelineRequest } from '@azure/core-rest-pipeline';
import { credential, wsPath } from './harness.ts';
import type { Emu } from './harness.ts';

export const API = '2024-10-01';
/** core-lro poll interval for tests (the emulator sends no Retry-After unless a knob asks for it). */
export const FAST = { updateIntervalInMs: 10 };
export type Json = Record<string, unknown>;

export function mlClient(emu: Emu, clientId?: string): AzureMachineLearningWorkspaces {
  return new AzureMachineLearningWorkspaces(credential(emu, clientId), emu.inputs['subscription-id'] ?? '', { apiVersion: API, retryOptions: { maxRetries: 0 } });
}

export async function raw(client: AzureMachineLearningWorkspaces, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<{ status: number; headers: Record<string, string>; body: Json }> {
  const res = await client.sendRequest(createPipelineRequest({ method, url, body: body === undefined ? undefined : JSON.stringify(body) }));
  return { status: res.status, headers: res.headers.toJSON(), body: res.bodyAsText ? (JSON.parse(res.bodyAsText) as Json) : {} };
}

/** PUT, then poll Azure-AsyncOperation the way core-lro does; returns the terminal status body. */
export async function putAndPoll(client: AzureMachineLearningWorkspaces, url: string, body: unknown, pauseMs = 0): Promise<{ put: { status: number; headers: Record<string, string>; body: Json }; final: Json }> {
  const put = await raw(client, 'PUT', url, body);
  const op = put.headers['azure-asyncoperation'];
  if (!op) return { put, final: {} };
  for (let i = 0; i < 10; i++) {
    if (pauseMs) await new Promise((r) => setTimeout(r, pauseMs));
    const s = await raw(client, 'GET', op);
    if (s.body['status'] !== 'Updating') return { put, final: s.body };
  }
  throw new Error('operation did not finish');
}

export const endpointBody = (identity: Json, flag: boolean, authMode = 'Key'): Json => ({
  location: 'eastus', kind: 'Managed', identity,
  properties: { authMode, publicNetworkAccess: 'Enabled', properties: flag ? { enforce_access_to_default_secret_stores: 'enabled' } : {} },
});
export const deploymentBody = (emu: Emu, env: Record<string, string>): Json => ({
  location: 'eastus', kind: 'Managed', sku: { name: 'Default', capacity: 1 },
  properties: {
    endpointComputeType: 'Managed', instanceType: 'Standard_DS3_v2',
    model: `${wsPath(emu).replace('https://management.azure.com', '')}/models/demo-model/versions/1`,
    environmentId: `${wsPath(emu).replace('https://management.azure.com', '')}/environments/demo-env/versions/1`,
    environmentVariables: env, scaleSettings: { scaleType: 'Default' },
  },
});

// Reads of the live endpoint and deployments that apply needs between its writes (read back after
// every change, wait for a non-terminal state), through the session's ARM client.
import * as core from '@actions/core';
import { ArmError, type AzureSession } from '../azure/session.ts';
import { ML_API_VERSION } from '../manifests/rest.ts';
import { NotYet, polling, systemClock, type Clock } from '../azure/retry.ts';
import { retryTransient } from './lro.ts';
import type { TrafficMap } from './traffic-plan.ts';
import { isTerminal } from '../checks/endpoint-state.ts';

export interface LiveEndpoint {
  body: Record<string, unknown>;
  provisioningState: string;
  traffic: TrafficMap;
  mirrorTraffic: TrafficMap;
  scoringUri?: string;
  swaggerUri?: string;
  authMode: string;
  identityType: string;
  principalId?: string;
  hasUserAssigned: boolean;
}

export interface LiveDeployment {
  body: Record<string, unknown>;
  provisioningState: string;
}


type Props = { properties?: Record<string, unknown> };

export function describeEndpoint(body: Record<string, unknown>): LiveEndpoint {
  const p = (body as Props).properties ?? {};
  const identity = (body.identity ?? {}) as { type?: string; principalId?: string; userAssignedIdentities?: Record<string, unknown> };
  return {
    body,
    provisioningState: String(p.provisioningState ?? 'Unknown'),
    traffic: (p.traffic ?? {}) as TrafficMap,
    mirrorTraffic: (p.mirrorTraffic ?? {}) as TrafficMap,
    scoringUri: typeof p.scoringUri === 'string' ? p.scoringUri : undefined,
    swaggerUri: typeof p.swaggerUri === 'string' ? p.swaggerUri : undefined,
    authMode: String(p.authMode ?? 'Key'),
    identityType: String(identity.type ?? 'None'),
    principalId: identity.principalId,
    hasUserAssigned: Object.keys(identity.userAssignedIdentities ?? {}).length > 0,
  };
}

async function getOrMissing(session: AzureSession, path: string, deadline: number): Promise<Record<string, unknown> | undefined> {
  try {
    const res = await retryTransient(`GET ${path.split('/').slice(-2).join('/')}`, deadline, () => session.arm.send<Record<string, unknown>>({ method: 'GET', path, apiVersion: ML_API_VERSION }));
    return res.body;
  } catch (error) {
    if (error instanceof ArmError && error.status === 404) return undefined;
    throw error;
  }
}

export async function readEndpoint(session: AzureSession, path: string, deadline: number): Promise<LiveEndpoint | undefined> {
  const body = await getOrMissing(session, path, deadline);
  return body ? describeEndpoint(body) : undefined;
}

export async function readDeployment(session: AzureSession, path: string, deadline: number): Promise<LiveDeployment | undefined> {
  const body = await getOrMissing(session, path, deadline);
  return body ? { body, provisioningState: String((body as Props).properties?.provisioningState ?? 'Unknown') } : undefined;
}

/**
 * Waits, a line per poll, while a resource is in a non-terminal state (another operation runs on
 * it): it is never written over. Undefined when it disappeared (deleted meanwhile). The waits are the
 * one poll loop's (src/azure/retry.ts), on `clock`.
 */
export async function waitWhileBusy<T extends { provisioningState: string }>(
  label: string,
  read: () => Promise<T | undefined>,
  first: T | undefined,
  deadline: number,
  intervalMs = 5000,
  clock: Clock = systemClock,
): Promise<{ kind: 'ready'; value: T | undefined } | { kind: 'timeout'; state: string }> {
  let current = first;
  const started = clock.now();
  const waited = await polling(label, { deadline, clock }, async (attempt) => {
    if (attempt > 1) current = await read();
    if (current && !isTerminal(current.provisioningState)) {
      core.info(`${label} is ${current.provisioningState} (another operation is running on it); waiting, ${Math.round((clock.now() - started) / 1000)} s so far`);
      throw new NotYet(current.provisioningState, intervalMs);
    }
    return current;
  });
  return waited.done ? { kind: 'ready', value: waited.value } : { kind: 'timeout', state: waited.state };
}

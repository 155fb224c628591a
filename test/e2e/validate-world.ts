// Shared by validate's end-to-end tests, its property test and bench/preflight: the emulator world
// (test/e2e/scenarios/validate.yml), YAML builders whose lines the tests know, and the emulator's
// own ARM API driven directly (as `az ml` would), to create what validate only predicts.
import { fileURLToPath } from 'node:url';
import { admin, credential, spawnEmulator, type Emu } from '../emulator/harness.ts';
import { armClientOver, createResourceClient, type ArmClient } from '../../src/azure/rest.ts';
import { runActionOnEmulator, type ActionRun, type RunOptions } from './harness.ts';

export const VALIDATE_SCENARIO = fileURLToPath(new URL('./scenarios/validate.yml', import.meta.url));
export const SUB = '00000000-1111-2222-3333-444444444444';
export const WS = `/subscriptions/${SUB}/resourceGroups/val-rg/providers/Microsoft.MachineLearningServices/workspaces/val-ws`;
export const EP_SAI_PRINCIPAL = '2f000000-0000-4000-8000-000000000001';
export const OPERATOR_CLIENT_ID = '2a000000-0000-4000-8000-000000000002';
export const UAI = (name: string): string => `/subscriptions/${SUB}/resourceGroups/val-rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/${name}`;
export const KV = (vault: string, secret: string, version: string): string => `\${{keyvault:https://${vault}.vault.azure.net/secrets/${secret}/${version}}}`;
export const CONN = (rest: string): string => `\${{azureml://connections/${rest}}}`;

/** Every secret value the world holds: none may appear in any output. */
export const SEEDED_SECRET_VALUES = [
  'val-secret-aoai-key-71c2',
  'val-secret-openai-key-3d9e',
  'val-secret-speech-key-5a0b',
  'val-secret-only-key-8f14',
  'val-secret-db-disabled-11aa',
  'val-secret-db-expired-22bb',
  'val-secret-db-current-33cc',
  'val-secret-token-old-44dd',
  'val-secret-token-new-55ee',
  'val-secret-legacy-66ff',
];

export function startWorld(args: string[] = []): Promise<Emu> {
  return spawnEmulator(VALIDATE_SCENARIO, args);
}

export interface DeploymentOptions {
  name?: string;
  endpoint: string;
  env?: Record<string, string>;
  model?: string;
  instanceType?: string;
  instanceCount?: number;
}

/** A managed deployment; environment variables one per line, in order, from line 8. */
export function deploymentYaml(o: DeploymentOptions): string {
  const env = Object.entries(o.env ?? {});
  return [
    `name: ${o.name ?? 'green'}`,
    `endpoint_name: ${o.endpoint}`,
    `model: ${o.model ?? 'azureml:val-model:1'}`,
    'environment: azureml:val-env:1',
    `instance_type: ${o.instanceType ?? 'Standard_DS3_v2'}`,
    `instance_count: ${o.instanceCount ?? 1}`,
    ...(env.length ? ['environment_variables:', ...env.map(([k, v]) => `  ${k}: ${v}`)] : []),
    '',
  ].join('\n');
}

export interface EndpointOptions {
  name: string;
  identity?: 'system_assigned' | { uai: string };
  enforceFlag?: boolean;
  traffic?: Record<string, number>;
}

export function endpointYaml(o: EndpointOptions): string {
  const identity =
    o.identity === undefined || o.identity === 'system_assigned'
      ? ['identity:', '  type: system_assigned']
      : ['identity:', '  type: user_assigned', '  user_assigned_identities:', `    - resource_id: ${UAI(o.identity.uai)}`];
  return [
    `name: ${o.name}`,
    'auth_mode: key',
    ...identity,
    ...(o.enforceFlag ? ['properties:', '  enforce_access_to_default_secret_stores: enabled'] : []),
    ...(o.traffic ? ['traffic:', ...Object.entries(o.traffic).map(([k, v]) => `  ${k}: ${v}`)] : []),
    '',
  ].join('\n');
}

/** 1-based line of the first line containing `needle`. */
export function lineOf(text: string, needle: string): number {
  const index = text.split('\n').findIndex((l) => l.includes(needle));
  if (index < 0) throw new Error(`'${needle}' is not in the text`);
  return index + 1;
}

export interface Files {
  endpoint?: string;
  deployment?: string;
}

/** Runs `node dist/index.js` in mode validate on the given files. */
export function runValidate(emu: Emu, files: Files, inputs: Record<string, string> = {}, options: Partial<RunOptions> = {}): Promise<ActionRun> {
  const written: Record<string, string> = {};
  if (files.endpoint !== undefined) written['endpoint.yml'] = files.endpoint;
  if (files.deployment !== undefined) written['deployment.yml'] = files.deployment;
  return runActionOnEmulator(emu, {
    ...options,
    inputs: {
      mode: 'validate',
      ...(files.endpoint !== undefined ? { 'endpoint-file': 'endpoint.yml' } : {}),
      ...(files.deployment !== undefined ? { 'deployment-file': 'deployment.yml' } : {}),
      ...inputs,
    },
    files: written,
  });
}

export async function grant(emu: Emu, principal: string, role: string, scope: string): Promise<void> {
  const res = await admin(emu, 'POST', '/role-assignments', { principal, role, scope });
  if (res.status !== 201) throw new Error(`grant ${role} to ${principal}: ${res.status} ${JSON.stringify(res.body)}`);
}

/** The emulator's ARM, as the test itself (the workflow app), with no retries. */
export function armAs(emu: Emu, clientId?: string): ArmClient {
  return armClientOver(createResourceClient(credential(emu, clientId), 'https://management.azure.com/.default', { maxRetries: 0 }), 'https://management.azure.com');
}

export interface Outcome {
  status: 'Succeeded' | 'Failed' | 'Rejected';
  code?: string;
  message?: string;
}

/** PUT a body and follow its long-running operation to the end, as az ml does. */
export async function putAndWait(arm: ArmClient, path: string, body: unknown, apiVersion = '2026-09-01'): Promise<Outcome> {
  let res;
  try {
    res = await arm.send<{ properties?: { provisioningState?: string } }>({ method: 'PUT', path, apiVersion, body });
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { status: 'Rejected', code: e.code, message: e.message };
  }
  const operation = res.headers['azure-asyncoperation'];
  for (let i = 0; operation && i < 50; i++) {
    const poll = await arm.send<{ status: string; error?: { code?: string; message?: string } }>({ method: 'GET', path: operation, apiVersion });
    if (poll.body.status === 'Succeeded') return { status: 'Succeeded' };
    if (poll.body.status === 'Failed' || poll.body.status === 'Canceled') return { status: 'Failed', code: poll.body.error?.code, message: poll.body.error?.message };
  }
  return operation ? { status: 'Failed', code: 'Timeout' } : { status: 'Succeeded' };
}

export interface PlannedPut {
  method: string;
  path: string;
  apiVersion: string;
  body?: unknown;
}

/** The requests of validate's `plan` output, in order (endpoint first). */
export function plannedPuts(run: ActionRun): PlannedPut[] {
  return (JSON.parse(run.outputs.plan ?? '{"requests":[]}') as { requests: PlannedPut[] }).requests.filter((r) => r.method === 'PUT');
}

/** Logged requests that could change something in Azure (everything but reads and token calls). */
export async function writesLogged(emu: Emu): Promise<string[]> {
  const log = (await admin<{ method: string; host: string; path: string }[]>(emu, 'GET', '/requests')).body;
  return log
    .filter((r) => r.method !== 'GET')
    .filter((r) => !(r.method === 'POST' && /\/listsecrets$/i.test(r.path)))
    .filter((r) => !(r.method === 'POST' && /^login\./.test(r.host) && /\/oauth2\/v2\.0\/token$/.test(r.path)))
    .map((r) => `${r.method} ${r.host}${r.path}`);
}

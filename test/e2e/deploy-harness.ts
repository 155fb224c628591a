// Shared by the deploy end-to-end tests: one emulator per test file (reset between tests) on the
// realistic timing profile (operations last Azure's recorded durations × REALISTIC_SCALE, whether
// or not anyone polls, no Retry-After), the bundled action run against it with its poll schedule
// scaled alike (AZUREML_DEPLOY_TEST_TIME_SCALE, docs/rollout.md §1) and a GITHUB_STATE file (the
// post step reads it), and the emulator's view of endpoints, requests, operations and faults.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach } from 'node:test';
import { admin, scenarioPath, spawnEmulator, type Emu } from '../emulator/harness.ts';
import { parseOutputFile, runAction, type ActionRun } from './harness.ts';

export { admin, type Emu };

/**
 * The factor on Azure's recorded durations (endpoint create 90 s, deployment 582 s, traffic update 20 s) and on
 * the action's poll schedule (azure-ai-ml's 5 s and 30 s): a deploy that creates an endpoint and a deployment
 * lasts about 3.5 s, a deployment 2.9 s, polled every 25 ms, an endpoint every 150 ms.
 */
export const REALISTIC_SCALE = 0.005;

/** The emulator's realistic profile at REALISTIC_SCALE (knobs; a reset restores the scenario's, so apply after each). */
export async function useRealisticProfile(emu: Emu): Promise<void> {
  await admin(emu, 'PATCH', '/knobs', { lro: { profile: 'realistic', realisticScale: REALISTIC_SCALE } });
}

/** One emulator for the test file on the realistic profile, reset before each test; the getter is valid inside tests. */
export function emulatorPerFile(scenario = 'deploy.yml'): () => Emu {
  let emu: Emu | undefined;
  before(async () => {
    emu = await spawnEmulator(scenarioPath(scenario));
  });
  after(() => emu?.stop());
  beforeEach(async () => {
    if (!emu) return;
    await admin(emu, 'POST', '/reset');
    await useRealisticProfile(emu);
  });
  return () => {
    if (!emu) throw new Error('the emulator is not running');
    return emu;
  };
}

export const ENDPOINT = `name: shop-ep
auth_mode: key
identity:
  type: system_assigned
tags:
  team: ml
`;

export const UAI_ENDPOINT = (emu: Emu) => `name: shop-uai-ep
auth_mode: key
identity:
  type: user_assigned
  user_assigned_identities:
    - resource_id: /subscriptions/${emu.inputs['subscription-id']}/resourceGroups/${emu.inputs['resource-group']}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/demo-uai
`;

export function deploymentYaml(_emu: Emu, name: string, endpoint: string, env: Record<string, string> = { LOG_LEVEL: 'info' }): string {
  const vars = Object.entries(env).map(([k, v]) => `  ${k}: "${v}"`).join('\n');
  return `name: ${name}
endpoint_name: ${endpoint}
model: azureml:demo-model:1
environment: azureml:demo-env:1
instance_type: Standard_DS3_v2
instance_count: 1
environment_variables:
${vars}
`;
}

export const KV_REF = '${{keyvault:https://demo-kv.vault.azure.net/secrets/db-password/7d2f9c1e4b5a46c8a3e1f0b9d8c7a6b5}}';
export const SECRET_VALUES = ['emu-secret-db-password-9e3f', 'emu-secret-aoai-key-5f1e', 'emu-secret-openai-key-8c2d'];

export interface DeployRun extends ActionRun {
  state: string;
  post(extraEnv?: Record<string, string>): Promise<ActionRun>;
}

/** Runs `node dist/index.js` in deploy mode against the emulator; `post()` runs the post step with the saved state. */
export async function deploy(emu: Emu, inputs: Record<string, string>, files: Record<string, string>, options: { timeoutMs?: number; onStart?: (pid: number) => void; env?: Record<string, string> } = {}): Promise<DeployRun> {
  const stateFile = join(mkdtempSync(join(tmpdir(), 'aod-state-')), 'state');
  writeFileSync(stateFile, '');
  const env = { ...emu.env, AZUREML_DEPLOY_TEST_TIME_SCALE: String(REALISTIC_SCALE), GITHUB_STATE: stateFile, GITHUB_SHA: '0123abcd', GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '42', GITHUB_WORKFLOW_REF: 'octo-org/octo-repo/.github/workflows/deploy.yml@refs/heads/main', ...options.env };
  const allInputs = { ...emu.inputs, mode: 'deploy', timeout: '60s', ...inputs };
  const run = await runAction({ inputs: allInputs, files, env, timeoutMs: options.timeoutMs ?? 90_000, onStart: options.onStart });
  const state = readFileSync(stateFile, 'utf8');
  return {
    ...run,
    state,
    post: (extraEnv = {}) => runAction({ inputs: allInputs, workspace: run.workspace, env: { ...env, ...stateEnv(state), ...extraEnv }, timeoutMs: 60_000 }),
  };
}

/** GITHUB_STATE (the same heredoc format as GITHUB_OUTPUT) → the STATE_* variables the runner gives the post step. */
export function stateEnv(text: string): Record<string, string> {
  return Object.fromEntries(Object.entries(parseOutputFile(text)).map(([name, value]) => [`STATE_${name}`, value]));
}

interface StateEndpoint {
  name: string;
  properties?: { traffic?: Record<string, number>; mirrorTraffic?: Record<string, number>; provisioningState?: string };
  traffic?: Record<string, number>;
  deployments?: Array<{ name: string; properties?: { provisioningState?: string }; provisioningState?: string }>;
}

/** Every endpoint's traffic and deployments as the emulator holds them. */
export async function world(emu: Emu): Promise<Record<string, { traffic: Record<string, number>; mirror: Record<string, number>; deployments: Record<string, string> }>> {
  const { body } = await admin<{ onlineEndpoints: StateEndpoint[] }>(emu, 'GET', '/state');
  const out: Record<string, { traffic: Record<string, number>; mirror: Record<string, number>; deployments: Record<string, string> }> = {};
  for (const e of body.onlineEndpoints) {
    const nonZero = (m: Record<string, number> = {}) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== 0));
    out[e.name] = {
      traffic: nonZero(e.properties?.traffic ?? e.traffic),
      mirror: nonZero(e.properties?.mirrorTraffic),
      deployments: Object.fromEntries((e.deployments ?? []).map((d) => [d.name, String(d.properties?.provisioningState ?? d.provisioningState)])),
    };
  }
  return out;
}

export interface LoggedRequest {
  method: string;
  host: string;
  path: string;
  status: number;
  /** ISO time the request arrived. */
  time: string;
  durationMs: number;
}

export interface EmulatedOperation {
  id: string;
  resourceId: string;
  status: string;
  startTime: string;
  endTime: string | null;
}

/** The long-running operations the emulator ran, with their start and (when done) end time. */
export async function operations(emu: Emu): Promise<EmulatedOperation[]> {
  return (await admin<{ operations: EmulatedOperation[] }>(emu, 'GET', '/state')).body.operations;
}

export async function requests(emu: Emu): Promise<LoggedRequest[]> {
  const { body } = await admin<LoggedRequest[] | { requests: LoggedRequest[] }>(emu, 'GET', '/requests');
  return Array.isArray(body) ? body : body.requests;
}

/** The writes the action sent to ARM (PUT/PATCH/DELETE, and POSTs that are not reads). */
export async function writes(emu: Emu): Promise<LoggedRequest[]> {
  return (await requests(emu)).filter((r) => r.host.startsWith('management.') && (r.method === 'PUT' || r.method === 'PATCH' || r.method === 'DELETE'));
}

/** Polls until `cond` holds (for changes made while the action runs). */
export async function until(cond: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

// Typed settings built once from the action inputs (actions/checkout style): every input is read
// here, checked with a precise message, and nothing else in the action calls core.getInput.
import { findCloud, type Cloud } from './azure/clouds.ts';
import { ambiguousOverrides, parseScopedOverrides, secretNameOverrides, type ScopedOverride } from './manifests/override-scope.ts';

export const MODES = ['lint', 'validate', 'deploy', 'delete'] as const;
export type Mode = (typeof MODES)[number];

export type TrafficInput = { kind: 'all' } | { kind: 'map'; weights: Record<string, number> };

export interface Inputs {
  mode: Mode;
  endpointFile?: string;
  deploymentFiles: string[];
  subscriptionId?: string;
  resourceGroup?: string;
  workspaceName?: string;
  tenantId?: string;
  clientId?: string;
  cloud: Cloud;
  audience: string;
  /** `set` lines, then `secret-set` lines (marked `secret`), applied in that order. */
  overrides: ScopedOverride[];
  traffic?: TrafficInput;
  rolloutSteps?: number[];
  bakeTimeMs?: number;
  smokeRequestFile?: string;
  /** A file with the answer the smoke request must get (JSON compared by shape and numbers, or text). */
  smokeExpectedFile?: string;
  /** Mirror this share of live traffic to the new deployment for the first bake (1..50). */
  mirrorPercent?: number;
  /** Relative tolerance of the comparison gate; undefined: no comparison. */
  comparisonTolerance?: number;
  /** Metrics gate thresholds (Azure Monitor); the gate runs when either is set. */
  maxErrorRate?: number;
  maxLatencyP99Ms?: number;
  minRequestCount: number;
  onNoData: 'fail' | 'hold' | 'pass';
  /** How long after a minute Azure Monitor has its metrics (docs/rollout.md §3): the metrics gate waits this out before judging. */
  metricsIngestionDelayMs: number;
  rollbackOnFailure: boolean;
  /** Keep a new deployment that failed or was rolled back without ever serving (for debugging); by default it is deleted. */
  keepFailedDeployment: boolean;
  /** After a successful run, how many idle deployments (no live or mirrored traffic, named by no file) to keep, newest first; Infinity for `all`. */
  keepDeployments: number;
  /** How long deploy waits for another run's lease on the endpoint before it stops (docs/rollout.md §6). */
  leaseWaitMs: number;
  grantMissingRoles: boolean;
  /** `skip-default-tags`: deploy sends no trace tags (src/apply/trace-tags.ts). */
  skipDefaultTags: boolean;
  prComment: boolean;
  /** For the PR comment: the job's GITHUB_TOKEN unless the workflow passes another. */
  githubToken?: string;
  failOn: 'error' | 'warning';
  timeoutMs: number;
  /** `force-delete`: mode delete (and validate with teardown) may delete an endpoint or a deployment that serves live or mirrored traffic (docs/teardown.md). */
  forceDelete: boolean;
  /** `teardown`: validate plans the teardown `mode: delete` would run instead of a deploy. */
  teardown: boolean;
  /** A plan file from an approved validate run (its `plan-file`): deploy refuses, before any write, a plan that differs from it. */
  expectedPlanFile?: string;
  /** Inputs that were set but mean nothing in the chosen mode: reported, not fatal. */
  ignored: string[];
}

/** Every problem with the inputs at once, so one run shows them all. */
export class InputError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.length === 1 ? problems[0] : `The inputs have ${problems.length} problems:\n- ${problems.join('\n- ')}`);
    this.name = 'InputError';
    this.problems = problems;
  }
}

export type InputReader = (name: string) => string;

/** Reads `INPUT_<NAME>` the way @actions/core does, without loading it (tests, local runs). */
export function envInputReader(env: NodeJS.ProcessEnv = process.env): InputReader {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

const DEPLOY_ONLY = [
  'keep-failed-deployment', 'keep-deployments', 'traffic', 'rollout-steps', 'bake-time', 'smoke-request-file', 'smoke-expected-file', 'comparison-tolerance', 'mirror-percent', 'max-error-rate', 'max-latency-p99-ms', 'min-request-count', 'on-no-data', 'metrics-ingestion-delay', 'grant-missing-roles', 'skip-default-tags', 'lease-wait',
] as const;
/** Deploy inputs validate reads because they change the plan (docs/architecture.md §5). */
const VALIDATE_READS = ['traffic', 'rollout-steps', 'mirror-percent', 'grant-missing-roles', 'keep-failed-deployment', 'keep-deployments', 'skip-default-tags'] as const;
const ON_NO_DATA = ['fail', 'hold', 'pass'] as const;
/**
 * Azure Monitor's platform metrics of a minute are complete a few minutes after it ("the latency of
 * processing metrics can be within a couple minutes range", Azure Monitor metrics troubleshooting):
 * the metrics gate's default wait before it judges a window (docs/rollout.md §3).
 */
export const METRICS_INGESTION_DELAY_MS = 3 * 60_000;

export function readInputs(read: InputReader, env: NodeJS.ProcessEnv = process.env): Inputs {
  const problems: string[] = [];
  const get = (name: string) => read(name).trim();
  const optional = (name: string) => get(name) || undefined;

  const modeText = get('mode').toLowerCase() || 'deploy';
  const mode = (MODES as readonly string[]).includes(modeText) ? (modeText as Mode) : undefined;
  if (!mode) problems.push(`mode: '${get('mode')}' is not a mode; use one of ${MODES.join(', ')}.`);

  const endpointFile = optional('endpoint-file');
  const deploymentFiles = splitLines(get('deployment-file'));
  if (!endpointFile && deploymentFiles.length === 0) {
    problems.push('endpoint-file / deployment-file: give at least one YAML file (endpoint-file, deployment-file, or both).');
  }
  if (endpointFile && splitLines(endpointFile).length > 1) {
    problems.push('endpoint-file: takes one file; a run deploys into one endpoint (deployment-file takes several).');
  }

  const cloudText = get('environment') || 'AzureCloud';
  const cloud = findCloud(cloudText);
  if (!cloud) problems.push(`environment: '${cloudText}' is not a cloud; use AzureCloud, AzureUSGovernment or AzureChinaCloud.`);

  const plain = parseScopedOverrides(read('set'));
  const secret = parseScopedOverrides(read('secret-set'), { input: 'secret-set' });
  const overrides = [...plain.overrides, ...secret.overrides];
  problems.push(...plain.errors, ...secret.errors, ...secretNameOverrides(overrides), ...ambiguousOverrides(overrides, { endpoint: Boolean(endpointFile), deployment: deploymentFiles.length > 0 }));

  const traffic = parseOrCollect(problems, 'traffic', optional('traffic'), parseTraffic);
  const rolloutSteps = parseOrCollect(problems, 'rollout-steps', optional('rollout-steps'), parseRolloutSteps);
  const bakeTimeMs = parseOrCollect(problems, 'bake-time', optional('bake-time'), parseDuration);
  const timeoutMs = parseOrCollect(problems, 'timeout', get('timeout') || '30m', parseDuration) ?? 30 * 60_000;
  const leaseWaitMs = parseOrCollect(problems, 'lease-wait', get('lease-wait') || '5m', parseDuration) ?? 5 * 60_000;
  if (leaseWaitMs > 6 * 3_600_000) problems.push(`lease-wait: '${get('lease-wait')}' is longer than a job may run (6h); use a few minutes, e.g. 5m.`);
  if (traffic && rolloutSteps) problems.push('traffic and rollout-steps: choose one; rollout-steps already ends at 100 % to the new deployment.');

  const mirrorPercent = parseOrCollect(problems, 'mirror-percent', optional('mirror-percent'), (t) => parseWhole(t, 1, 50));
  const toleranceText = get('comparison-tolerance') || '0.01';
  const comparisonTolerance = toleranceText.toLowerCase() === 'off' ? undefined : parseOrCollect(problems, 'comparison-tolerance', toleranceText, parseRate);
  const maxErrorRate = parseOrCollect(problems, 'max-error-rate', optional('max-error-rate'), parseRate);
  const maxLatencyP99Ms = parseOrCollect(problems, 'max-latency-p99-ms', optional('max-latency-p99-ms'), (t) => parseWhole(t, 1, 3_600_000));
  const minRequestCount = parseOrCollect(problems, 'min-request-count', get('min-request-count') || '10', (t) => parseWhole(t, 1, 1_000_000)) ?? 10;
  const onNoDataText = get('on-no-data').toLowerCase() || 'fail';
  const metricsIngestionDelayMs = parseOrCollect(problems, 'metrics-ingestion-delay', get('metrics-ingestion-delay') || '3m', parseDuration) ?? METRICS_INGESTION_DELAY_MS;
  if (!(ON_NO_DATA as readonly string[]).includes(onNoDataText)) problems.push(`on-no-data: '${get('on-no-data')}' must be fail, hold or pass.`);
  if (mirrorPercent !== undefined && !traffic && !rolloutSteps) problems.push('mirror-percent: mirroring is the first step of a rollout; give rollout-steps or traffic as well.');

  const failOnText = get('fail-on').toLowerCase() || 'error';
  if (failOnText !== 'error' && failOnText !== 'warning') problems.push(`fail-on: '${get('fail-on')}' must be error or warning.`);

  const bool = (name: string, fallback: boolean) => parseOrCollect(problems, name, optional(name), parseBoolean) ?? fallback;
  const rollbackOnFailure = bool('rollback-on-failure', true);
  const keepFailedDeployment = bool('keep-failed-deployment', false);
  const keepText = get('keep-deployments').toLowerCase() || '1';
  const keepDeployments = keepText === 'all' ? Number.POSITIVE_INFINITY : (parseOrCollect(problems, 'keep-deployments', keepText, (t) => parseWhole(t, 0, 1000)) ?? 1);
  const grantMissingRoles = bool('grant-missing-roles', false);
  const skipDefaultTags = bool('skip-default-tags', false);
  const prComment = bool('pr-comment', false);
  const forceDelete = bool('force-delete', false);
  const teardownInput = bool('teardown', false);
  if (teardownInput && mode !== 'validate' && mode !== 'delete') problems.push(`teardown: plans what mode: delete would delete; use it with mode: validate (or run mode: delete), not mode: ${mode ?? get('mode')}.`);
  if ((mode === 'delete' || teardownInput) && (get('traffic') || get('rollout-steps') || get('mirror-percent'))) problems.push('traffic, rollout-steps, mirror-percent: mode: delete moves no traffic of its own; a serving deployment is refused (or, with force-delete: true, its share goes to the deployments that stay).');

  // validate reads grant-missing-roles too: it predicts the deploy that the same inputs would run.
  // validate plans the traffic (and the grants) of the deploy the same inputs would run: it reads those too.
  const ignored: string[] = mode === 'deploy' ? [] : DEPLOY_ONLY.filter((name) => get(name) && !(mode === 'validate' && (VALIDATE_READS as readonly string[]).includes(name)) && !(name === 'grant-missing-roles' && !grantMissingRoles));
  // force-delete means something only to a teardown (mode: delete, or validate planning one).
  if (get('force-delete') && !(mode === 'delete' || (mode === 'validate' && teardownInput))) ignored.push('force-delete');

  if (problems.length > 0 || !mode || !cloud) throw new InputError(problems);
  return {
    mode,
    endpointFile,
    deploymentFiles,
    subscriptionId: optional('subscription-id') ?? env.AZURE_SUBSCRIPTION_ID?.trim() ?? undefined,
    resourceGroup: optional('resource-group'),
    workspaceName: optional('workspace-name'),
    tenantId: optional('tenant-id') ?? (env.AZURE_TENANT_ID?.trim() || undefined),
    clientId: optional('client-id') ?? (env.AZURE_CLIENT_ID?.trim() || undefined),
    cloud,
    audience: optional('audience') ?? cloud.defaultAudience,
    overrides,
    traffic,
    rolloutSteps,
    bakeTimeMs,
    smokeRequestFile: optional('smoke-request-file'),
    smokeExpectedFile: optional('smoke-expected-file'),
    mirrorPercent,
    comparisonTolerance,
    maxErrorRate,
    maxLatencyP99Ms,
    minRequestCount,
    onNoData: onNoDataText as Inputs['onNoData'],
    metricsIngestionDelayMs,
    rollbackOnFailure,
    keepFailedDeployment,
    keepDeployments,
    leaseWaitMs,
    grantMissingRoles,
    skipDefaultTags,
    prComment,
    githubToken: optional('github-token'),
    failOn: failOnText === 'warning' ? 'warning' : 'error',
    timeoutMs,
    expectedPlanFile: optional('expected-plan'),
    forceDelete,
    // mode: delete is a teardown by definition.
    teardown: mode === 'delete' || teardownInput,
    ignored,
  };
}

function parseOrCollect<T>(problems: string[], name: string, text: string | undefined, parse: (t: string) => T): T | undefined {
  if (text === undefined) return undefined;
  try {
    return parse(text);
  } catch (e) {
    problems.push(`${name}: ${(e as Error).message}`);
    return undefined;
  }
}

export function splitLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

/** YAML 1.2 core booleans, as core.getBooleanInput accepts them. */
export function parseBoolean(text: string): boolean {
  if (['true', 'True', 'TRUE'].includes(text)) return true;
  if (['false', 'False', 'FALSE'].includes(text)) return false;
  throw new Error(`'${text}' is not a boolean; use true or false.`);
}

/** `blue=90,green=10` (commas, spaces or newlines between entries) or `all`. */
export function parseTraffic(text: string): TrafficInput {
  if (text.toLowerCase() === 'all') return { kind: 'all' };
  const weights: Record<string, number> = {};
  for (const part of text.split(/[\s,]+/).filter(Boolean)) {
    const match = /^([A-Za-z][-A-Za-z0-9]*)=(\d{1,3})$/.exec(part);
    if (!match) throw new Error(`'${part}' is not name=percent (for example blue=90,green=10), and the whole value is not 'all'.`);
    const [, name, pct] = match as unknown as [string, string, string];
    const key = name.toLowerCase();
    if (key in weights) throw new Error(`deployment '${name}' is given twice.`);
    weights[key] = Number(pct);
  }
  const total = Object.values(weights).reduce((a, b) => a + b, 0);
  if (Object.values(weights).some((w) => w > 100)) throw new Error('a percentage is above 100.');
  if (total !== 100) throw new Error(`the percentages add up to ${total}; they must add up to 100.`);
  return { kind: 'map', weights };
}

/** `10,50,100`: increasing percentages for the new deployment, ending at 100. */
export function parseRolloutSteps(text: string): number[] {
  const steps = text.split(/[\s,]+/).filter(Boolean).map((s) => {
    if (!/^\d{1,3}$/.test(s)) throw new Error(`'${s}' is not a whole percentage.`);
    return Number(s);
  });
  if (steps.length === 0) throw new Error('give at least one step, for example 10,50,100.');
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i] as number;
    if (step < 1 || step > 100) throw new Error(`step ${step} is outside 1..100.`);
    if (i > 0 && step <= (steps[i - 1] as number)) throw new Error(`steps must increase; ${step} follows ${steps[i - 1]}.`);
  }
  if (steps[steps.length - 1] !== 100) throw new Error('the last step must be 100, so the rollout completes.');
  return steps;
}

/** A whole number within bounds. */
export function parseWhole(text: string, min: number, max: number): number {
  if (!/^\d+$/.test(text.trim())) throw new Error(`'${text}' is not a whole number.`);
  const n = Number(text.trim());
  if (n < min || n > max) throw new Error(`${n} is outside ${min}..${max}.`);
  return n;
}

/** `0.05` or `5%`: a share of requests, as a fraction. */
export function parseRate(text: string): number {
  const t = text.trim();
  const m = /^(\d+(?:\.\d+)?)(%?)$/.exec(t);
  if (!m) throw new Error(`'${text}' is not a rate; write for example 0.05 or 5%.`);
  const value = m[2] ? Number(m[1]) / 100 : Number(m[1]);
  if (value > 1) throw new Error(`'${text}' is above 100 %; write a fraction (0.05) or a percentage (5%).`);
  return value;
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `90s`, `5m`, `1h30m`, `250ms`, or a bare number of seconds. */
export function parseDuration(text: string): number {
  const t = text.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  const parts = [...t.matchAll(/(\d+)(ms|s|m|h)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== t) {
    throw new Error(`'${text}' is not a duration; write for example 90s, 5m or 1h30m.`);
  }
  return parts.reduce((sum, p) => sum + Number(p[1]) * (UNIT_MS[p[2] as string] as number), 0);
}

// The spec layer's public API. Pure: the caller loads the YAML (yaml.ts), applies `set` overrides
// (overrides.ts), then analyzes here with an injected file-system view, collects the findings and,
// when there are no errors, builds the REST bodies for the plan.
//
//   const { root, findings } = loadYaml(text, file);
//   const overridden = applyOverrides(root, overrides, file);
//   const ep = analyzeEndpoint({ root: overridden.root, file, dir }, env);
//   if (ep.spec) plan.push(endpointRestBody(ep.spec, ws));
import type { Finding } from '../findings/finding.ts';
import type { Span, YNode } from './tree.ts';
import { Ctx, entry, firstLine, isScalarStr } from './schema.ts';
import { type SpecEnvironment, pyStrNode } from './assets.ts';
import { type EndpointSpec, analyzeEndpointTree } from './endpoint.ts';
import { type DeploymentSpec, analyzeDeploymentTree } from './deployment.ts';

export type { Finding } from '../findings/finding.ts';
export type { SpecEnvironment, AssetRef, AssetType, InlineModel, InlineEnvironment, ModelSpec, EnvironmentSpec, CodeSpec } from './assets.ts';
export type { EndpointSpec, TrafficEntry, AuthMode, IdentityType } from './endpoint.ts';
export type { DeploymentSpec, ProbeSettings, ResourceSettings, ScaleSettingsSpec, DataCollectorSpec, DataCollectionSpec } from './deployment.ts';
export type { WorkspaceContext, RestRequest, AssetToRegister } from './rest.ts';
export { ML_API_VERSION, OFFLINE_WORKSPACE, endpointRestBody, deploymentRestBody, isoDuration, workspacePath, endpointPath, deploymentPath, anonymousEnvironmentVersion } from './rest.ts';
export { checkTraffic, trafficMap } from './traffic.ts';
export { ENFORCE_FLAG } from './endpoint.ts';
export { resolvePath } from './assets.ts';
export { dumpPyYaml } from './pydump.ts';
export { NAME_PATTERN } from './schema.ts';

export interface AnalyzeInput {
  /** The YAML root after `set` overrides; undefined for an empty file. */
  root: YNode | undefined;
  /** Path for findings (relative to GITHUB_WORKSPACE). */
  file: string;
  /** The YAML file's folder (absolute, or as the injected `exists` understands it): relative paths resolve against it. */
  dir: string;
}

export interface AnalyzeResult<S> {
  /** Present only when the file has no error findings. */
  spec?: S;
  findings: Finding[];
}

const DEPLOYMENT_KEYS = [
  'endpoint_name', 'model', 'code_configuration', 'environment', 'environment_variables', 'instance_type', 'instance_count',
  'request_settings', 'liveness_probe', 'readiness_probe', 'scale_settings', 'app_insights_enabled', 'model_mount_path',
  'data_collector', 'egress_public_network_access', 'private_network_connection', 'resources',
];
const ENDPOINT_KEYS = ['auth_mode', 'traffic', 'mirror_traffic', 'identity', 'compute', 'public_network_access', 'deployments', 'target', 'scoring_uri', 'openapi_uri'];

/**
 * Whether a YAML root looks like an online endpoint or an online deployment (by its keys, then by
 * its `$schema`); 'unknown' when nothing tells them apart (e.g. only `name`).
 */
export function detectKind(root: YNode | undefined): 'endpoint' | 'deployment' | 'unknown' {
  if (!root || root.kind !== 'map') return 'unknown';
  const keys = root.entries.map((e) => e.key);
  const dep = keys.filter((k) => DEPLOYMENT_KEYS.includes(k)).length;
  const ep = keys.filter((k) => ENDPOINT_KEYS.includes(k)).length;
  if (dep > ep) return 'deployment';
  if (ep > dep) return 'endpoint';
  const schema = entry(root, '$schema');
  if (schema && isScalarStr(schema.value)) {
    const s = schema.value.value.value.toLowerCase();
    if (s.includes('onlinedeployment')) return 'deployment';
    if (s.includes('onlineendpoint')) return 'endpoint';
  }
  return 'unknown';
}

function mixedUp(ctx: Ctx, root: YNode | undefined, want: 'endpoint' | 'deployment'): boolean {
  const kind = detectKind(root);
  if (kind === 'unknown' || kind === want || !root || root.kind !== 'map') return false;
  const tell = root.entries.find((e) => (kind === 'deployment' ? DEPLOYMENT_KEYS : ENDPOINT_KEYS).includes(e.key));
  const span = tell?.keySpan ?? firstLine();
  ctx.report(
    'schema',
    span,
    `This file looks like an online ${kind} YAML (it has ${tell ? `'${tell.key}'` : `a ${kind} $schema`}), but it was given as the ${want} file.`,
    { hint: `Pass it as ${kind}-file instead of ${want}-file (the action takes endpoint-file and deployment-file separately).` },
  );
  return true;
}

export function analyzeEndpoint(input: AnalyzeInput, _env?: SpecEnvironment): AnalyzeResult<EndpointSpec> {
  const ctx = new Ctx(input.file);
  if (mixedUp(ctx, input.root, 'endpoint')) return { findings: ctx.findings };
  const spec = analyzeEndpointTree(input.root, ctx);
  return spec ? { spec, findings: ctx.findings } : { findings: ctx.findings };
}

export function analyzeDeployment(input: AnalyzeInput, env: SpecEnvironment): AnalyzeResult<DeploymentSpec> {
  const ctx = new Ctx(input.file);
  if (mixedUp(ctx, input.root, 'deployment')) return { findings: ctx.findings };
  const spec = analyzeDeploymentTree(input.root, input.dir, env, ctx);
  return spec ? { spec, findings: ctx.findings } : { findings: ctx.findings };
}

/**
 * The deployment's environment_variables straight from the tree (value str()-ed as sent, and the
 * value's span), whether or not the rest of the file validates: lets the secret-reference checks
 * run on a file that also has schema errors.
 */
export function extractEnvironmentVariables(root: YNode | undefined): Array<{ name: string; value: string | null; span: Span; keySpan: Span }> {
  if (!root || root.kind !== 'map') return [];
  const ev = entry(root, 'environment_variables');
  if (!ev || ev.value.kind !== 'map') return [];
  return ev.value.entries.map((e) => ({ name: e.key, value: pyStrNode(e.value), span: e.value.span, keySpan: e.keySpan }));
}

// Online deployment YAML (ManagedOnlineDeploymentSchema / KubernetesOnlineDeploymentSchema):
// validation with positions, local-path checks through the injected environment, and the typed
// DeploymentSpec the REST translation reads.
import type { Span, YMap, YNode } from './tree.ts';
import {
  type Ctx,
  type Located,
  bool,
  checkName,
  fromSet,
  dict,
  entry,
  enumOf,
  firstLine,
  float,
  int,
  isScalarStr,
  list,
  object,
  parentSpan,
  raw,
  required,
  show,
  str,
} from './schema.ts';
import {
  type CodeSpec,
  type EnvironmentSpec,
  type InlineEnvironment,
  type InlineModel,
  type ModelSpec,
  type Route,
  type SpecEnvironment,
  basenameOf,
  checkLocalPath,
  dirnameOf,
  inlineEnvironmentSchema,
  inlineModelSchema,
  isUrl,
  parseAssetRef,
  pyStrNode,
  resolvePath,
  strDict,
} from './assets.ts';
import { dumpPyYaml, nodeToPy } from './pydump.ts';
import { loadYaml } from './yaml.ts';

export interface ProbeSettings {
  initialDelay?: number;
  period?: number;
  timeout?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

export interface ResourceSettings {
  cpu?: string;
  memory?: string;
  gpu?: string;
}

export interface DataCollectionSpec {
  name: string;
  enabled: 'true' | 'false';
  /** A string reference as written, or an inline data asset. */
  data?: { ref: string } | { name?: string; path?: string; version?: string; dataId?: string };
  clientId?: string;
}

export interface DataCollectorSpec {
  collections: DataCollectionSpec[];
  rollingRate?: 'minute' | 'hour' | 'day';
  samplingRate?: number;
  requestLogging?: { captureHeaders?: string[] };
}

export type ScaleSettingsSpec =
  | { type: 'Default' }
  | { type: 'TargetUtilization'; minInstances?: number; maxInstances?: number; pollingInterval?: number; targetUtilizationPercentage?: number };

export interface DeploymentSpec {
  kind: 'deployment';
  file: string;
  /** Folder of the YAML file: relative local paths were resolved against it. */
  dir: string;
  /** Lower-cased, as the SDK sends it. */
  name: string;
  endpointName: string;
  computeType: 'Managed' | 'Kubernetes';
  description?: string;
  tags: Record<string, string | null>;
  properties: Record<string, string | null>;
  /** Values str()-ed (an empty value stays null); secret-injection references are passed through unchanged. */
  environmentVariables: Record<string, string | null>;
  model?: ModelSpec;
  environment?: EnvironmentSpec;
  code?: CodeSpec;
  scoringScript?: string;
  instanceType?: string;
  instanceCount?: number;
  appInsightsEnabled: boolean;
  modelMountPath?: string;
  scaleSettings?: ScaleSettingsSpec;
  requestSettings?: { requestTimeoutMs?: number; maxConcurrentRequestsPerInstance?: number; maxQueueWaitMs?: number };
  livenessProbe?: ProbeSettings;
  readinessProbe?: ProbeSettings;
  egressPublicNetworkAccess?: 'enabled' | 'disabled';
  privateNetworkConnection?: boolean;
  resources?: { requests?: ResourceSettings; limits?: ResourceSettings };
  dataCollector?: DataCollectorSpec;
  spans: {
    name?: Span;
    endpointName?: Span;
    /** Value spans of instance_type and instance_count (for quota and instance-type findings). */
    instanceType?: Span;
    instanceCount?: Span;
    /** Value span of each environment variable (for secret-reference findings). */
    environmentVariables: Record<string, Span>;
  };
}

// ---------------------------------------------------------------------------------------------
// Schemas

const probe = object({
  initial_delay: int({ min: 0 }),
  period: int({ min: 0 }),
  timeout: int({ min: 0 }),
  success_threshold: int({ min: 0 }),
  failure_threshold: int({ min: 0 }),
});

const requestSettings = object({
  request_timeout_ms: int({ min: 0 }),
  max_concurrent_requests_per_instance: int({ min: 0 }),
  max_queue_wait_ms: int({ min: 0 }),
});

const resourceSettings = object({ cpu: str(), memory: str(), gpu: str(), 'nvidia.com/gpu': str() });
const resources = object({ requests: resourceSettings, limits: resourceSettings });

const codeConfiguration = object({ code: str(), scoring_script: str() });

const common = {
  name: required(str(), 'Add name: <deployment-name> (or pass it with the set input: name=<deployment-name>).'),
  endpoint_name: required(str(), 'Add endpoint_name: <endpoint-name>, or pass it with the set input: endpoint_name=<endpoint-name> (az ml: --endpoint-name).'),
  description: str(),
  id: str(),
  tags: dict(),
  properties: dict(),
  model: raw(),
  code_configuration: raw(),
  environment: raw(),
  environment_variables: dict(),
  app_insights_enabled: bool(),
  scale_settings: raw(),
  request_settings: requestSettings,
  liveness_probe: probe,
  readiness_probe: probe,
  provisioning_state: str(),
  instance_count: int({ min: 0 }),
  type: enumOf(['managed', 'kubernetes'] as const, 'camelToSnake'),
  model_mount_path: str(),
  instance_type: str(),
  data_collector: raw(),
};

const MANAGED_ONLY = 'only valid for managed deployments; this deployment has type: kubernetes.';
const K8S_ONLY = 'only valid for Kubernetes deployments (type: kubernetes); this is a managed deployment';

function managedSchemaFor(why: string) {
  return object(
    {
      ...common,
      instance_type: required(str(), `Managed deployments need a VM size: add instance_type: Standard_DS3_v2 (or another SKU)${why}.`),
      egress_public_network_access: enumOf(['enabled', 'disabled'] as const),
      private_network_connection: bool(),
    },
    { dumpOnly: ['creation_context'], elsewhere: { resources: `resources is ${K8S_ONLY}${why}.` } },
  );
}

const managedSchema = managedSchemaFor('');

const k8sSchema = object({ ...common, resources }, {
  dumpOnly: ['creation_context'],
  elsewhere: {
    egress_public_network_access: `egress_public_network_access is ${MANAGED_ONLY}`,
    private_network_connection: `private_network_connection is ${MANAGED_ONLY}`,
  },
});

/** Every top-level key a deployment file may have, managed or Kubernetes (for routing `set` overrides). */
export const DEPLOYMENT_TOP_LEVEL_KEYS: ReadonlySet<string> = new Set([...managedSchema.acceptedKeys, ...k8sSchema.acceptedKeys]);

// ---------------------------------------------------------------------------------------------
// Legacy (pre-GA 2021) detection

function legacyDeploymentKey(root: YMap): { what: string; span: Span } | undefined {
  const found: Array<{ what: string; span: Span }> = [];
  const model = entry(root, 'model');
  if (model?.value.kind === 'map') {
    const lp = entry(model.value, 'local_path');
    if (lp) found.push({ what: 'model.local_path', span: lp.keySpan });
  }
  const cc = entry(root, 'code_configuration');
  if (cc?.value.kind === 'map') {
    const code = entry(cc.value, 'code');
    if (code?.value.kind === 'map') {
      const lp = entry(code.value, 'local_path');
      found.push({ what: lp ? 'code_configuration.code.local_path' : 'code_configuration.code as a mapping', span: (lp ?? code).keySpan });
    }
  }
  const env = entry(root, 'environment');
  if (env?.value.kind === 'map') {
    const docker = entry(env.value, 'docker');
    if (docker) found.push({ what: 'environment.docker', span: docker.keySpan });
    const conda = entry(env.value, 'conda_file');
    if (conda && isScalarStr(conda.value) && conda.value.value.value.startsWith('file:')) found.push({ what: 'conda_file: file:…', span: conda.value.span });
  }
  const scale = entry(root, 'scale_settings');
  if (scale?.value.kind === 'map') {
    const st = entry(scale.value, 'scale_type');
    if (st) found.push({ what: 'scale_settings.scale_type', span: st.keySpan });
  }
  for (const k of ['deployments', 'target']) {
    const e = entry(root, k);
    if (e) found.push({ what: `${k}:`, span: e.keySpan });
  }
  found.sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column);
  return found[0];
}

// ---------------------------------------------------------------------------------------------

/** Why a `type` that reads as kubernetes still gets the managed schema (for the messages). */
function notKubernetes(text: string, override: string | undefined): string {
  return override !== undefined
    ? ` (type: ${text} comes from the set input, which az ml applies after choosing the schema from the file: write type: kubernetes in the file)`
    : ` (az ml validates this file as a managed deployment: it takes the Kubernetes schema only when type is exactly 'kubernetes', in lower case, not '${text}')`;
}

const TOO_SMALL = new Set(['standard_ds1_v2', 'standard_ds2_v2']);

/**
 * Limits of managed online deployments that only the service enforces (azure-ai-ml's
 * RequestSettingsSchema and deployment schema declare plain `fields.Int()`s), from "Azure Machine
 * Learning online endpoints and batch endpoints" in
 * https://learn.microsoft.com/azure/machine-learning/how-to-manage-quotas (docs/rules.md §service-rejects):
 * a request timeout of at most 180 seconds at endpoint level, and 50 instances per deployment, a
 * default limit that a quota request can raise (so a warning, not an error).
 */
export const MANAGED_LIMITS = { requestTimeoutMs: 180_000, instancesPerDeployment: 50 } as const;

function checkManagedLimits(ctx: Ctx, count: Located<number> | undefined, timeout: Located<number> | undefined): void {
  if (timeout && timeout.value > MANAGED_LIMITS.requestTimeoutMs) {
    ctx.report('service-rejects', timeout.node.span, `request_settings.request_timeout_ms is ${timeout.value}${fromSet(timeout.node)}: managed online endpoints allow at most ${MANAGED_LIMITS.requestTimeoutMs} ms (180 seconds); az ml sends it as written, and the service rejects the deployment.`, {
      hint: `Use at most request_timeout_ms: ${MANAGED_LIMITS.requestTimeoutMs}; for longer work, use a batch endpoint or return early and poll.`,
    });
  }
  if (count && count.value > MANAGED_LIMITS.instancesPerDeployment) {
    ctx.report('service-rejects', count.node.span, `instance_count is ${count.value}${fromSet(count.node)}: a managed online deployment is limited to ${MANAGED_LIMITS.instancesPerDeployment} instances unless the subscription's limit was raised; az ml sends it as written, and the service rejects it otherwise.`, {
      hint: `Use at most instance_count: ${MANAGED_LIMITS.instancesPerDeployment}, split the load over more deployments, or request a higher limit (Azure support: Machine Learning service quota).`,
      severity: 'warning',
    });
  }
}

export function analyzeDeploymentTree(root: YNode | undefined, dir: string, env: SpecEnvironment, ctx: Ctx): DeploymentSpec | undefined {
  if (root === undefined) {
    ctx.report('schema', firstLine(), 'The deployment file is empty.', { hint: 'Write an online deployment YAML: name, endpoint_name, model, environment, instance_type, instance_count.' });
    return undefined;
  }
  if (root.kind === 'map') {
    const legacy = legacyDeploymentKey(root);
    if (legacy) {
      ctx.report('legacy-format', legacy.span, `This deployment file uses the pre-GA (2021) az ml format (${legacy.what}), which az ml online-deployment create no longer accepts.`, {
        hint: 'Convert it: model.local_path → model.path; code_configuration.code.local_path → code_configuration.code: <folder>; environment.docker.image → environment.image; conda_file: file:<path> → conda_file: <path>; scale_settings.scale_type: manual + instance_count → instance_count at the top level; add endpoint_name.',
      });
      return undefined;
    }
  }
  // azure-ai-ml (OnlineDeployment._load) picks the Kubernetes schema only when the file's own
  // `type` is exactly `kubernetes`: any other spelling (`Kubernetes`, `KUBERNETES`) passes the
  // case-insensitive type enum of the managed schema, which then requires instance_type and
  // rejects resources; and a `set` override is applied after the choice (--set type=… cannot switch it).
  const typeEntry = root.kind === 'map' ? entry(root, 'type') : undefined;
  const typeText = typeEntry !== undefined && isScalarStr(typeEntry.value) ? typeEntry.value.value.value : undefined;
  const isK8s = typeText === 'kubernetes' && typeEntry?.value.override === undefined;
  const schema = isK8s ? k8sSchema : typeText?.toLowerCase() === 'kubernetes' ? managedSchemaFor(notKubernetes(typeText, typeEntry?.value.override)) : managedSchema;
  const r = schema.parse(root, '', ctx) as (NonNullable<ReturnType<typeof managedSchema.parse>> & { resources?: Located<NonNullable<ReturnType<typeof resources.parse>>> }) | undefined;
  if (!r) return undefined;

  const name = r.name?.value;
  if (name !== undefined && r.name) checkName(ctx, name, r.name.node.span, 'deployment', fromSet(r.name.node));

  const instanceType = r.instance_type?.value;
  if (instanceType !== undefined && r.instance_type && TOO_SMALL.has(instanceType.toLowerCase())) {
    ctx.report('instance-type-too-small', r.instance_type.node.span, `instance_type ${instanceType} may be too small for an online deployment: az ml warns that DS1/DS2 VMs often fail to start the scoring container.`, {
      hint: 'Use Standard_DS3_v2 or larger.',
    });
  }

  if (!isK8s) checkManagedLimits(ctx, r.instance_count, r.request_settings?.value.request_timeout_ms);

  const model = r.model ? parseModel(r.model.node, r.model.keySpan, dir, env, ctx) : undefined;
  const environment = r.environment ? parseEnvironment(r.environment.node, r.environment.keySpan, dir, env, ctx) : undefined;
  const codeCfg = r.code_configuration ? parseCode(r.code_configuration.node, r.code_configuration.keySpan, dir, env, ctx) : undefined;
  const scale = r.scale_settings ? parseScale(r.scale_settings.node, r.scale_settings.keySpan, isK8s, ctx) : undefined;
  const dc = r.data_collector ? withHolder(ctx, r.data_collector.keySpan, () => parseDataCollector(r.data_collector?.node ?? root, ctx)) : undefined;

  if (isK8s) {
    for (const [what, ref] of [['model', model], ['environment', environment], ['code_configuration.code', codeCfg?.code]] as const) {
      if (ref?.kind === 'ref' && ref.ref.kind === 'registry') {
        ctx.report('schema', ref.span, `Registry reference for ${what} is not supported for Kubernetes deployments (az ml: not supported for K8SDeployment).`, {
          hint: `Register the ${what === 'code_configuration.code' ? 'code' : what} in the workspace and reference it as azureml:<name>:<version>.`,
        });
      }
    }
  }

  const envVars: Record<string, string | null> = {};
  const envSpans: Record<string, Span> = {};
  for (const e of r.environment_variables?.value.entries ?? []) {
    envVars[e.key] = pyStrNode(e.value);
    envSpans[e.key] = e.value.span;
  }

  if (ctx.findings.some((f) => f.severity === 'error') || name === undefined || r.endpoint_name === undefined) return undefined;

  const spec: DeploymentSpec = {
    kind: 'deployment',
    file: ctx.file,
    dir,
    name: name.toLowerCase(),
    endpointName: r.endpoint_name.value,
    computeType: isK8s ? 'Kubernetes' : 'Managed',
    tags: strDict(r.tags?.value),
    properties: strDict(r.properties?.value),
    environmentVariables: envVars,
    appInsightsEnabled: r.app_insights_enabled?.value ?? false,
    spans: { environmentVariables: envSpans },
  };
  if (r.name) spec.spans.name = r.name.node.span;
  spec.spans.endpointName = r.endpoint_name.node.span;
  if (r.instance_type) spec.spans.instanceType = r.instance_type.node.span;
  if (r.instance_count) spec.spans.instanceCount = r.instance_count.node.span;
  if (r.description) spec.description = r.description.value;
  if (model) spec.model = model;
  if (environment) spec.environment = environment;
  if (codeCfg?.code) spec.code = codeCfg.code;
  if (codeCfg?.scoringScript !== undefined) spec.scoringScript = codeCfg.scoringScript;
  if (instanceType !== undefined) spec.instanceType = instanceType;
  if (r.instance_count) spec.instanceCount = r.instance_count.value;
  if (r.model_mount_path) spec.modelMountPath = r.model_mount_path.value;
  if (scale) spec.scaleSettings = scale;
  const rs = r.request_settings?.value;
  if (rs) {
    spec.requestSettings = {};
    if (rs.request_timeout_ms) spec.requestSettings.requestTimeoutMs = rs.request_timeout_ms.value;
    if (rs.max_concurrent_requests_per_instance) spec.requestSettings.maxConcurrentRequestsPerInstance = rs.max_concurrent_requests_per_instance.value;
    if (rs.max_queue_wait_ms) spec.requestSettings.maxQueueWaitMs = rs.max_queue_wait_ms.value;
  }
  if (r.liveness_probe) spec.livenessProbe = probeSpec(r.liveness_probe.value);
  if (r.readiness_probe) spec.readinessProbe = probeSpec(r.readiness_probe.value);
  if (r.egress_public_network_access) spec.egressPublicNetworkAccess = r.egress_public_network_access.value;
  if (r.private_network_connection) spec.privateNetworkConnection = r.private_network_connection.value;
  if (r.resources) {
    const res = r.resources.value;
    spec.resources = {};
    if (res.requests) spec.resources.requests = resourceSpec(res.requests.value);
    if (res.limits) spec.resources.limits = resourceSpec(res.limits.value);
  }
  if (dc) spec.dataCollector = dc;
  return spec;
}

function probeSpec(p: NonNullable<ReturnType<typeof probe.parse>>): ProbeSettings {
  const out: ProbeSettings = {};
  if (p.initial_delay) out.initialDelay = p.initial_delay.value;
  if (p.period) out.period = p.period.value;
  if (p.timeout) out.timeout = p.timeout.value;
  if (p.success_threshold) out.successThreshold = p.success_threshold.value;
  if (p.failure_threshold) out.failureThreshold = p.failure_threshold.value;
  return out;
}

function resourceSpec(r: NonNullable<ReturnType<typeof resourceSettings.parse>>): ResourceSettings {
  const out: ResourceSettings = {};
  if (r.cpu) out.cpu = r.cpu.value;
  if (r.memory) out.memory = r.memory.value;
  const gpu = r.gpu ?? r['nvidia.com/gpu'];
  if (gpu) out.gpu = gpu.value;
  return out;
}

function withHolder<T>(ctx: Ctx, span: Span | undefined, fn: () => T): T {
  const saved = ctx.holder;
  ctx.holder = span;
  try {
    return fn();
  } finally {
    ctx.holder = saved;
  }
}

// ---------------------------------------------------------------------------------------------
// model

const REMOTE_PATH = /^(azureml|https?|wasbs?|abfss?|adl|runs):\/\//i;

function parseModel(node: YNode, keySpan: Span | undefined, dir: string, env: SpecEnvironment, ctx: Ctx): ModelSpec | undefined {
  if (isScalarStr(node)) {
    const ref = parseAssetRef(node.value.value, 'models', 'model', node.span, ctx);
    return ref ? { kind: 'ref', ref, span: node.span } : undefined;
  }
  if (node.kind !== 'map') {
    ctx.report('schema', node.span, `model must be a reference string (azureml:<name>:<version>) or an inline model, not ${show(node)}.`, {
      hint: 'Write model: azureml:<name>:<version>, or model:\n  path: ./model',
    });
    return undefined;
  }
  const m = withHolder(ctx, keySpan, () => inlineModelSchema.parse(node, 'model', ctx));
  if (!m) return undefined;
  const model: InlineModel = {
    type: m.type?.value ?? 'custom_model',
    tags: strDict(m.tags?.value),
    properties: strDict(m.properties?.value),
    span: node.span,
  };
  if (m.name) model.name = m.name.value;
  if (m.version) {
    model.version = m.version.value;
    if (!m.name) {
      ctx.report('schema', m.version.keySpan ?? m.version.node.span, 'model.version is given without model.name: an inline model with a version needs a name.', {
        hint: 'Add name: <model-name>, or remove version to register an anonymous model.',
      });
    }
  }
  if (m.description) model.description = m.description.value;
  if (m.datastore) model.datastore = m.datastore.value;
  if (m.flavors) {
    const flavors: Record<string, { data: Record<string, string | null> }> = {};
    for (const e of m.flavors.value.entries) flavors[e.key] = { data: e.value.kind === 'map' ? strDict(e.value) : {} };
    model.flavors = flavors;
  }
  if (!m.path) {
    ctx.report('model-path', keySpan ?? parentSpan(node), 'The inline model has no path: az ml loads the file, but there are no files to register, so creating the model version fails.', {
      hint: 'Add path: <folder or file> (relative to this file), or reference a registered model: model: azureml:<name>:<version>.',
    });
    return undefined;
  }
  model.path = m.path.value;
  if (modelPathProblem(m.path.value, m.name !== undefined, m.path.node.span, ctx)) return undefined;
  if (!REMOTE_PATH.test(m.path.value)) {
    const found = checkLocalPath(env, ctx, dir, m.path.value, m.path.node, 'model.path', 'any');
    if (found) {
      model.absPath = found.abs;
      model.pathKind = found.kind;
    }
  }
  if (model.type === 'mlflow_model') {
    const last = basenameOf(m.path.value);
    if (model.pathKind === 'file' || (last.includes('.') && last !== '.' && last !== '..')) {
      ctx.report('schema', m.path.node.span, `model.path '${m.path.value}' must be a folder for type mlflow_model (an MLflow model is a folder with an MLmodel file).`, {
        hint: 'Point path at the MLflow model folder.',
      });
    }
  }
  return { kind: 'inline', model };
}

/** A URI of any scheme (`azureml://…`, `https://…`, `wasbs://…`). */
const ANY_URI = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * What az ml does with an inline model's path (azure-ai-ml: an unnamed model is anonymous, and its
 * path is hashed as a local file while the YAML loads; a named model's path is uploaded unless it
 * is a URL): test/fixtures/sdk-vectors cases model-*.
 */
function modelPathProblem(path: string, named: boolean, span: Span, ctx: Ctx): boolean {
  const assetRef = /^azureml:(?!\/\/)/i.test(path);
  if (!named && (ANY_URI.test(path) || assetRef)) {
    ctx.report('model-path', span, `model.path '${path}' is ${assetRef ? 'a model reference' : 'a URI'}, but the model has no name: az ml treats the path of an unnamed model as a local file and fails with "No such file or directory".`, {
      hint: assetRef
        ? `Reference the registered model directly: model: ${path}`
        : 'Register the model and reference it as model: azureml:<name>:<version>, or give the inline model a name (and version) so az ml registers the URI as it is.',
    });
    return true;
  }
  if (named && assetRef) {
    ctx.report('model-path', span, `model.path '${path}' is a model reference, not a path: az ml loads the file, then tries to upload '${path}' as a local folder and fails.`, {
      hint: `Reference the registered model directly (model: ${path}) instead of an inline model.`,
    });
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// environment

function parseEnvironment(node: YNode, keySpan: Span | undefined, dir: string, env: SpecEnvironment, ctx: Ctx): EnvironmentSpec | undefined {
  if (isScalarStr(node)) {
    const ref = parseAssetRef(node.value.value, 'environments', 'environment', node.span, ctx);
    return ref ? { kind: 'ref', ref, span: node.span } : undefined;
  }
  if (node.kind !== 'map') {
    ctx.report('schema', node.span, `environment must be a reference string (azureml:<name>:<version>) or an inline environment, not ${show(node)}.`, {
      hint: 'Write environment: azureml:<name>:<version>, or environment:\n  image: <image>\n  conda_file: ./conda.yaml',
    });
    return undefined;
  }
  const condaKeys = node.entries.filter((e) => e.key === 'channels' || e.key === 'dependencies');
  if (condaKeys[0]) {
    ctx.report('schema', condaKeys[0].keySpan, `environment.${condaKeys[0].key} belongs in a conda file, not in the environment definition.`, {
      hint: 'Move channels/dependencies into a conda.yaml and reference it with environment.conda_file: ./conda.yaml.',
    });
    return undefined;
  }
  const e = withHolder(ctx, keySpan, () => inlineEnvironmentSchema.parse(node, 'environment', ctx));
  if (!e) return undefined;
  const out: InlineEnvironment = { tags: strDict(e.tags?.value), properties: strDict(e.properties?.value), span: node.span };
  if (e.name) {
    out.name = e.name.value;
    if (e.version) out.version = e.version.value;
  }
  if (e.description) out.description = e.description.value;
  if (e.image) out.image = e.image.value;
  if (e.os_type) out.osType = e.os_type.value;
  if (e.datastore) out.datastore = e.datastore.value;
  const hasImage = entry(node, 'image') !== undefined;
  const buildEntry = entry(node, 'build');
  if (!hasImage && !buildEntry) {
    ctx.report('schema', keySpan ?? parentSpan(node), 'environment needs image or build: Docker image or Dockerfile is required.', {
      hint: 'Add image: <registry>/<image>:<tag> (e.g. mcr.microsoft.com/azureml/minimal-py312-inference:latest), or build: {path: <docker context>}.',
    });
  } else if (hasImage && buildEntry) {
    ctx.report('schema', buildEntry.keySpan, 'environment has both image and build: Docker image or Dockerfile should be provided, not both.', { hint: 'Keep either image or build.' });
  }
  if (e.build) {
    const b = e.build.value;
    if (!b.path) {
      ctx.report('schema', e.build.keySpan ?? parentSpan(e.build.node), 'environment.build.path is required (the Docker build context folder or URL).', { hint: 'Add path: <folder>.' });
    } else {
      const p = b.path.value;
      const build: NonNullable<InlineEnvironment['build']> = { path: p, isUrl: isUrl(p) };
      if (b.dockerfile_path) build.dockerfilePath = b.dockerfile_path.value;
      if (!build.isUrl) {
        const found = checkLocalPath(env, ctx, dir, p, b.path.node, 'environment.build.path', 'dir');
        if (found) {
          build.absPath = found.abs;
          const df = build.dockerfilePath ?? 'Dockerfile';
          const dfAbs = resolvePath(found.abs, df);
          if (env.exists(dfAbs) !== 'file') {
            ctx.report('local-path-not-found', (b.dockerfile_path ?? b.path).node.span, `The Dockerfile '${df}' does not exist in the build context '${p}' (${dfAbs}).`, {
              hint: 'dockerfile_path is relative to build.path; it defaults to Dockerfile.',
            });
          }
        }
      }
      out.build = build;
    }
  }
  if (e.inference_config) {
    const ic = e.inference_config.value;
    const route = (l: typeof ic.liveness_route): Route | undefined => (l?.value.port && l.value.path ? { port: l.value.port.value, path: l.value.path.value } : undefined);
    const lr = route(ic.liveness_route);
    const rr = route(ic.readiness_route);
    const sr = route(ic.scoring_route);
    if (lr && rr && sr) out.inferenceConfig = { livenessRoute: lr, readinessRoute: rr, scoringRoute: sr };
  }
  if (e.conda_file) {
    const cn = e.conda_file.node;
    if (isScalarStr(cn)) {
      let p = cn.value.value;
      if (p.startsWith('file:')) p = p.slice('file:'.length);
      out.condaFilePath = p;
      const found = checkLocalPath(env, ctx, dir, p, cn, 'environment.conda_file', 'file');
      if (found) {
        out.condaFileAbsPath = found.abs;
        const text = env.readText?.(found.abs);
        if (text !== undefined) {
          const parsed = (env.parseYaml ?? loadYaml)(text, found.abs);
          const problem = parsed.findings?.[0];
          if (parsed.root !== undefined && parsed.root.kind === 'map') out.condaFile = dumpPyYaml(nodeToPy(parsed.root));
          else {
            ctx.report('schema', cn.span, `environment.conda_file '${p}' is not a valid conda file${problem ? ` (line ${problem.line}: ${problem.message})` : ': it must be a YAML mapping'}.`, {
              hint: 'Fix the conda file: a YAML mapping with name, channels and dependencies.',
            });
          }
        }
      }
    } else if (cn.kind === 'map') {
      out.condaFile = dumpPyYaml(nodeToPy(cn));
    } else {
      ctx.report('schema', cn.span, `environment.conda_file must be a path to a conda YAML file or an inline mapping, not ${show(cn)}.`, { hint: 'Write conda_file: ./conda.yaml' });
    }
  }
  return { kind: 'inline', environment: out };
}

// ---------------------------------------------------------------------------------------------
// code_configuration

function parseCode(node: YNode, keySpan: Span | undefined, dir: string, env: SpecEnvironment, ctx: Ctx): { code?: CodeSpec; scoringScript?: string } | undefined {
  const c = withHolder(ctx, keySpan, () => codeConfiguration.parse(node, 'code_configuration', ctx));
  if (!c) return undefined;
  const out: { code?: CodeSpec; scoringScript?: string } = {};
  if (c.scoring_script) out.scoringScript = c.scoring_script.value;
  if (!c.code) {
    if (!entry(c.$node, 'code')) {
      ctx.report('schema', keySpan ?? parentSpan(node), 'code_configuration.code is required: the folder with the scoring script (or azureml:<code>:<version>).', {
        hint: 'Add code: ./src under code_configuration.',
      });
    }
    return out;
  }
  const text = c.code.value;
  const codeNode = c.code.node;
  if (!c.scoring_script || !c.scoring_script.value) {
    if (!c.scoring_script) {
      ctx.report('schema', keySpan ?? parentSpan(node), "code_configuration.scoring_script is required when code is given (scoring script can't be empty).", {
        hint: 'Add scoring_script: score.py (relative to code).',
      });
    } else {
      ctx.report('schema', c.scoring_script.node.span, "code_configuration.scoring_script can't be empty.", { hint: 'Write scoring_script: score.py' });
    }
  }
  if (text.startsWith('azureml:') || /^\/subscriptions\//i.test(text)) {
    const ref = parseAssetRef(text.startsWith('azureml:') ? text : `azureml:${text}`, 'codes', 'code_configuration.code', codeNode.span, ctx);
    if (ref) out.code = { kind: 'ref', ref, span: codeNode.span };
    return out;
  }
  if (REMOTE_PATH.test(text)) {
    // az ml loads it and registers the URI as the code location without an upload (sdk-vectors
    // mut-deployment-code-remote); the service expects code in workspace storage.
    ctx.report('service-rejects', codeNode.span, `code_configuration.code '${text}' is a URI: az ml registers it as the code location without uploading anything, and the service is not expected to find a scoring script there.`, {
      hint: 'Use a local folder (az ml uploads it) or a registered code asset: azureml:<code>:<version>.',
      severity: 'warning',
    });
    return out;
  }
  const found = checkLocalPath(env, ctx, dir, text, codeNode, 'code_configuration.code', 'any');
  if (!found) return out;
  out.code = { kind: 'local', path: text, absPath: found.abs, pathKind: found.kind, span: codeNode.span };
  if (c.scoring_script && c.scoring_script.value) {
    const base = found.kind === 'dir' ? found.abs : dirnameOf(found.abs);
    const abs = resolvePath(base, c.scoring_script.value);
    const kind = env.exists(abs);
    if (kind !== 'file') {
      ctx.report('local-path-not-found', c.scoring_script.node.span, `The scoring script '${c.scoring_script.value}' ${kind === 'dir' ? 'is a folder, not a file' : 'does not exist'} in code_configuration.code '${text}' (${abs}).`, {
        hint: 'scoring_script is relative to the code folder.',
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// scale_settings

const scaleDefault = object({ type: required(enumOf(['default'] as const, 'camelToSnake')) });
const scaleTarget = object({
  type: required(enumOf(['target_utilization'] as const, 'camelToSnake')),
  polling_interval: int({ min: 0 }),
  target_utilization_percentage: int({ min: 0, max: 100 }),
  min_instances: int({ min: 0 }),
  max_instances: int({ min: 0 }),
});

function parseScale(node: YNode, keySpan: Span | undefined, isK8s: boolean, ctx: Ctx): ScaleSettingsSpec | undefined {
  if (node.kind !== 'map') {
    ctx.report('schema', node.span, `scale_settings must be a mapping with type: default${isK8s ? ' or type: target_utilization' : ''}, not ${show(node)}.`, { hint: 'Write scale_settings:\n  type: default' });
    return undefined;
  }
  const t = entry(node, 'type');
  const type = t ? enumOf(['default', 'target_utilization'] as const, 'camelToSnake').parse(t.value, 'scale_settings.type', ctx) : undefined;
  if (!t) {
    ctx.report('schema', keySpan ?? parentSpan(node), 'scale_settings.type is required.', { hint: `Add type: default${isK8s ? ' (or target_utilization)' : ''}.` });
    return undefined;
  }
  if (!type) return undefined;
  if (type === 'default') {
    const extra = node.entries.find((e) => e.key !== 'type' && e.key !== '$schema');
    if (extra) {
      const targetKeys = ['polling_interval', 'target_utilization_percentage', 'min_instances', 'max_instances'];
      ctx.report('schema', extra.keySpan, `scale_settings.${extra.key} is not allowed with type: default${targetKeys.includes(extra.key) ? ' (it belongs to type: target_utilization)' : ''}.`, {
        hint: targetKeys.includes(extra.key) && isK8s ? 'Set type: target_utilization, or remove the key.' : `Remove ${extra.key}.`,
      });
      return undefined;
    }
    scaleDefault.parse(node, 'scale_settings', ctx);
    return { type: 'Default' };
  }
  if (!isK8s) {
    ctx.report('schema', t.value.span, 'scale_settings.type target_utilization is not supported for managed deployments: ManagedOnlineEndpoint supports DefaultScaleSettings only.', {
      hint: 'Use scale_settings:\n  type: default (and instance_count), or deploy to Kubernetes.',
    });
    return undefined;
  }
  const s = scaleTarget.parse(node, 'scale_settings', ctx);
  if (!s) return undefined;
  const out: ScaleSettingsSpec = { type: 'TargetUtilization' };
  if (s.min_instances) out.minInstances = s.min_instances.value;
  if (s.max_instances) out.maxInstances = s.max_instances.value;
  if (s.polling_interval) out.pollingInterval = s.polling_interval.value;
  if (s.target_utilization_percentage) out.targetUtilizationPercentage = s.target_utilization_percentage.value;
  return out;
}

// ---------------------------------------------------------------------------------------------
// data_collector

const dataAsset = object({ name: str(), path: str(), version: str(), data_id: str() });
const requestLogging = object({ capture_headers: list(str()) });
const dataCollectorSchema = object({
  collections: dict(),
  rolling_rate: enumOf(['minute', 'day', 'hour'] as const),
  sampling_rate: float({ min: 0, max: 1, rangeMessage: 'the sampling rate must be a number in range (0.0-1.0)' }),
  request_logging: requestLogging,
});
const collectionSchema = object({ enabled: required(raw()), data: raw(), client_id: str() });

function parseDataCollector(node: YNode, ctx: Ctx): DataCollectorSpec | undefined {
  const d = dataCollectorSchema.parse(node, 'data_collector', ctx);
  if (!d) return undefined;
  const out: DataCollectorSpec = { collections: [] };
  if (d.rolling_rate) out.rollingRate = d.rolling_rate.value;
  if (d.sampling_rate) out.samplingRate = d.sampling_rate.value;
  if (d.request_logging) {
    const rl = d.request_logging.value;
    out.requestLogging = {};
    if (rl.capture_headers) out.requestLogging.captureHeaders = rl.capture_headers.value.map((h) => h.value);
  }
  for (const e of d.collections?.value.entries ?? []) {
    const path = `data_collector.collections.${e.key}`;
    const c = withHolder(ctx, e.keySpan, () => collectionSchema.parse(e.value, path, ctx));
    if (!c) continue;
    const en = c.enabled?.node;
    let enabled: 'true' | 'false' | undefined;
    if (en) {
      if (isScalarStr(en) && ['true', 'false'].includes(en.value.value.toLowerCase())) {
        enabled = en.value.value.toLowerCase() as 'true' | 'false';
      } else {
        const isBool = en.kind === 'scalar' && en.value.type === 'bool';
        ctx.report('schema', en.span, `${path}.enabled must be the string 'true' or 'false', not ${isBool ? `the boolean ${en.source}` : show(en)}.`, {
          hint: `Quote it: enabled: '${isBool ? (en.kind === 'scalar' && en.value.type === 'bool' && en.value.value ? 'True' : 'False') : 'True'}'.`,
        });
      }
    }
    const col: DataCollectionSpec = { name: e.key, enabled: enabled ?? 'false' };
    if (c.client_id) col.clientId = c.client_id.value;
    if (c.data) {
      const dn = c.data.node;
      if (isScalarStr(dn)) col.data = { ref: dn.value.value };
      else {
        const a = dataAsset.parse(dn, `${path}.data`, ctx);
        if (a) {
          const v: { name?: string; path?: string; version?: string; dataId?: string } = {};
          if (a.name) v.name = a.name.value;
          if (a.path) v.path = a.path.value;
          if (a.version) v.version = a.version.value;
          if (a.data_id) v.dataId = a.data_id.value;
          col.data = v;
        }
      }
    }
    out.collections.push(col);
  }
  return out;
}

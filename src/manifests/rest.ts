// Pure translation of typed specs into the ARM REST bodies azure-ai-ml sends, at one pinned
// api-version, with every default the SDK always sends. Assets that need uploading or a lookup
// (local model/code/environment, `@latest` labels) cannot become ARM ids offline: they are listed
// as AssetToRegister items and a placeholder stands in the body at `pointer`.
import { createHash } from 'node:crypto';
import type { AssetRef, InlineEnvironment, InlineModel, Route } from './assets.ts';
import { dumpPyYaml } from './pydump.ts';
import type { ScalarValue, Span, YMap, YNode, YScalar } from './tree.ts';
import type { EndpointSpec } from './endpoint.ts';
import type { DeploymentSpec, ProbeSettings } from './deployment.ts';
import { trafficMap } from './traffic.ts';

/**
 * The one MLS api-version the action sends. 2026-09-01 is the newest stable version in the spec
 * index and the one whose examples (OnlineEndpoints_CreateOrUpdate/Get, code and model versions)
 * contracts/ holds; the deployment example there is 2026-05-01 with the same body shape.
 */
export const ML_API_VERSION = '2026-09-01';

export interface WorkspaceContext {
  subscriptionId: string;
  resourceGroup: string;
  workspaceName: string;
  /** The workspace location (GET workspace): every endpoint/deployment body carries it. */
  location: string;
}

/** Placeholders for offline lint, recognisable in a printed plan. */
export const OFFLINE_WORKSPACE: WorkspaceContext = {
  subscriptionId: '{subscriptionId}',
  resourceGroup: '{resourceGroup}',
  workspaceName: '{workspaceName}',
  location: '{workspace location}',
};

export interface AssetToRegister {
  kind: 'model' | 'environment' | 'code' | 'data';
  /** register: create the asset version (after upload for local paths); resolve-label: list versions to find @latest. */
  action: 'register' | 'resolve-label';
  /** The value in the body: the ARM id when it is known offline, otherwise a `{{pending:…}}` placeholder. */
  reference: string;
  /** True when `reference` is already the final ARM id (the asset still has to be registered). */
  resolved: boolean;
  /** JSON pointer into the request body where `reference` stands. */
  pointer: string;
  file: string;
  span: Span;
  name?: string;
  version?: string;
  label?: string;
  anonymous?: boolean;
  /** As written in the YAML, and resolved against the YAML folder. */
  localPath?: string;
  absPath?: string;
  pathKind?: 'file' | 'dir';
  /** For local code: the scoring script, relative to the code folder. */
  scoringScript?: string;
  /** For a local build context: what must be uploaded and the Dockerfile path inside it. */
  buildContext?: { localPath: string; absPath?: string; dockerfilePath?: string };
  /** The datastore a local model or build context uploads to (`datastore:`); the workspace blob store when unset. */
  datastore?: string;
  /** Relative ARM path of the version to PUT, when name and version are known. */
  versionPath?: string;
  /** The REST body of the version PUT, as far as it can be computed offline (upload URIs are placeholders). */
  versionBody?: Record<string, unknown>;
}

export interface RestRequest {
  /** Relative ARM id (starts with /subscriptions/). */
  path: string;
  apiVersion: string;
  body: Record<string, unknown>;
  assets: AssetToRegister[];
}

export function workspacePath(ws: WorkspaceContext): string {
  return `/subscriptions/${ws.subscriptionId}/resourceGroups/${ws.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${ws.workspaceName}`;
}

export function endpointPath(ws: WorkspaceContext, endpoint: string): string {
  return `${workspacePath(ws)}/onlineEndpoints/${endpoint}`;
}

export function deploymentPath(ws: WorkspaceContext, endpoint: string, deployment: string): string {
  return `${endpointPath(ws, endpoint)}/deployments/${deployment}`;
}

export function assetVersionPath(ws: WorkspaceContext, type: string, name: string, version: string): string {
  return `${workspacePath(ws)}/${type}/${name}/versions/${version}`;
}

/** isodate.duration_isoformat(timedelta(milliseconds=ms)): 5000 → PT5S, 90000 → PT1M30S, 500 → PT0.5S, 86400000 → P1D. */
export function isoDuration(ms: number): string {
  const totalMs = Math.round(ms);
  const days = Math.floor(totalMs / 86_400_000);
  let rest = totalMs - days * 86_400_000;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  let out = 'P';
  if (days) out += `${days}D`;
  if (hours || minutes || seconds || millis) {
    out += 'T';
    if (hours) out += `${hours}H`;
    if (minutes) out += `${minutes}M`;
    if (seconds || millis) out += millis ? `${seconds}.${String(millis).padStart(3, '0').replace(/0+$/, '')}S` : `${seconds}S`;
  }
  return out === 'P' ? 'P0D' : out;
}

// ---------------------------------------------------------------------------------------------
// Endpoint

export function endpointRestBody(spec: EndpointSpec, ws: WorkspaceContext): RestRequest {
  const identity: Record<string, unknown> = { type: spec.identity?.type ?? 'SystemAssigned' };
  if (spec.identity && spec.identity.userAssignedIdentities.length > 0) {
    identity.userAssignedIdentities = Object.fromEntries(spec.identity.userAssignedIdentities.map((u) => [u.resourceId, {}]));
  }
  const properties: Record<string, unknown> = {
    authMode: spec.authMode,
    properties: { ...spec.properties },
    traffic: trafficMap(spec.traffic),
    mirrorTraffic: trafficMap(spec.mirrorTraffic),
  };
  if (spec.description !== undefined) properties.description = spec.description;
  if (spec.publicNetworkAccess) properties.publicNetworkAccess = spec.publicNetworkAccess;
  if (spec.compute) properties.compute = spec.compute.id ?? `${workspacePath(ws)}/computes/${spec.compute.name ?? ''}`;
  return {
    path: endpointPath(ws, spec.name),
    apiVersion: ML_API_VERSION,
    body: { location: ws.location, identity, tags: { ...spec.tags }, properties },
    assets: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Deployment

function pending(what: string): string {
  return `{{pending:${what}}}`;
}

/** A registered/registry/curated reference: its id, or a resolve-label item. */
function refValue(ref: AssetRef, ws: WorkspaceContext, pointer: string, kind: AssetToRegister['kind'], file: string, span: Span, assets: AssetToRegister[]): string {
  switch (ref.kind) {
    case 'version':
      return assetVersionPath(ws, ref.type, ref.name, ref.version);
    case 'arm':
      return ref.id;
    case 'registry':
      return ref.uri;
    case 'curated':
      return ref.ref;
    case 'label': {
      const reference = pending(`${kind}:${ref.name}@${ref.label}`);
      assets.push({ kind, action: 'resolve-label', reference, resolved: false, pointer, file, span, name: ref.name, label: ref.label });
      return reference;
    }
  }
}

function modelVersionBody(m: InlineModel): Record<string, unknown> {
  const props: Record<string, unknown> = {
    modelUri: pending('model-upload-uri'),
    modelType: m.type,
    isAnonymous: m.name === undefined,
    tags: { ...m.tags },
    properties: { ...m.properties },
  };
  if (m.description !== undefined) props.description = m.description;
  if (m.flavors) props.flavors = m.flavors;
  if (m.path && /^(azureml|https?|wasbs?|abfss?):\/\//i.test(m.path)) props.modelUri = m.path;
  return { properties: props };
}

export const ANONYMOUS_ENV_NAME = 'CliV2AnonymousEnvironment';

function md5(s: string): string {
  return createHash('md5').update(s, 'utf8').digest('hex');
}

/** Python `sep.join(s)`: the characters of s separated by sep. */
function pyJoin(sep: string, s: string): string {
  return [...s].join(sep);
}

/** The module azure-ai-ml's inference_config objects come from (unchanged from 1.4.0 to the current SDK). */
const REST_MODELS = 'azure.ai.ml._restclient.v2022_05_01.models._models_py3';
const NO_SPAN = { line: 0, column: 0, endLine: 0, endColumn: 0 };

function pyMap(entries: Array<[string, YNode]>): YMap {
  return { kind: 'map', entries: entries.map(([key, value]) => ({ key, keySpan: NO_SPAN, value })), span: NO_SPAN };
}

function pyScalar(value: ScalarValue): YScalar {
  return { kind: 'scalar', value, source: '', quoted: false, span: NO_SPAN };
}

/**
 * `yaml.dump(inference_config, sort_keys=True)` as azure-ai-ml computes it: the schema turns the
 * mapping into REST model objects (InferenceContainerProperties of three Routes), so PyYAML writes
 * them as tagged Python objects with their attribute dicts, `additional_properties: {}` included.
 */
export function inferenceConfigDump(ic: NonNullable<InlineEnvironment['inferenceConfig']>): string {
  const route = (r: Route): YMap =>
    pyMap([
      ['additional_properties', pyMap([])],
      ['path', pyScalar({ type: 'str', value: r.path })],
      ['port', pyScalar({ type: 'int', value: BigInt(r.port) })],
    ]);
  const plain = dumpPyYaml(
    pyMap([
      ['additional_properties', pyMap([])],
      ['liveness_route', route(ic.livenessRoute)],
      ['readiness_route', route(ic.readinessRoute)],
      ['scoring_route', route(ic.scoringRoute)],
    ]),
  );
  const tagged = plain.replace(/^(liveness_route|readiness_route|scoring_route):$/gm, `$1: !!python/object:${REST_MODELS}.Route`);
  return `!!python/object:${REST_MODELS}.InferenceContainerProperties\n${tagged}`;
}

/**
 * The anonymous environment version azure-ai-ml computes at load time for an image environment
 * (Environment._generate_anonymous_version; vectors anon-env-* in test/fixtures/sdk-vectors): MD5
 * of the image, joined with the MD5 of the inference_config dump, then of the conda file, each step
 * with Python's str.join. Undefined when it depends on an upload (build context) or on a conda file
 * that could not be read.
 */
export function anonymousEnvironmentVersion(e: InlineEnvironment): string | undefined {
  if (e.build || e.image === undefined) return undefined;
  if (e.condaFilePath !== undefined && e.condaFile === undefined) return undefined;
  let s = md5(e.image);
  if (e.inferenceConfig) s = pyJoin(s, md5(inferenceConfigDump(e.inferenceConfig)));
  if (e.condaFile !== undefined) s = pyJoin(s, md5(e.condaFile));
  return md5(s);
}

function environmentVersionBody(e: InlineEnvironment, anonymous: boolean): Record<string, unknown> {
  const props: Record<string, unknown> = { isAnonymous: anonymous, tags: { ...e.tags }, properties: { ...e.properties } };
  if (e.description !== undefined) props.description = e.description;
  if (e.image !== undefined) props.image = e.image;
  if (e.condaFile !== undefined) props.condaFile = e.condaFile;
  else if (e.condaFilePath !== undefined) props.condaFile = pending(`conda-file:${e.condaFilePath}`);
  if (e.build) {
    const build: Record<string, unknown> = { contextUri: e.build.isUrl ? e.build.path : pending('build-context-uri') };
    if (e.build.dockerfilePath !== undefined) build.dockerfilePath = e.build.dockerfilePath;
    props.build = build;
  }
  if (e.inferenceConfig) props.inferenceConfig = { ...e.inferenceConfig };
  if (e.osType) props.osType = e.osType;
  return { properties: props };
}

function probe(p: ProbeSettings): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (p.failureThreshold !== undefined) out.failureThreshold = p.failureThreshold;
  if (p.successThreshold !== undefined) out.successThreshold = p.successThreshold;
  if (p.timeout) out.timeout = isoDuration(p.timeout * 1000);
  if (p.period) out.period = isoDuration(p.period * 1000);
  if (p.initialDelay) out.initialDelay = isoDuration(p.initialDelay * 1000);
  return out;
}

export function deploymentRestBody(spec: DeploymentSpec, ws: WorkspaceContext): RestRequest {
  const assets: AssetToRegister[] = [];
  const file = spec.file;
  const props: Record<string, unknown> = {
    endpointComputeType: spec.computeType,
    environmentVariables: { ...spec.environmentVariables },
    appInsightsEnabled: spec.appInsightsEnabled,
    properties: { ...spec.properties },
  };
  if (spec.description !== undefined) props.description = spec.description;

  // model
  if (spec.model) {
    const pointer = '/properties/model';
    if (spec.model.kind === 'ref') {
      props.model = refValue(spec.model.ref, ws, pointer, 'model', file, spec.model.span, assets);
    } else {
      const m = spec.model.model;
      const known = m.name !== undefined && m.version !== undefined;
      const reference = known ? assetVersionPath(ws, 'models', m.name ?? '', m.version ?? '') : pending(`model${m.name ? `:${m.name}` : ''}`);
      const item: AssetToRegister = { kind: 'model', action: 'register', reference, resolved: known, pointer, file, span: m.span, anonymous: m.name === undefined, versionBody: modelVersionBody(m) };
      if (m.name !== undefined) item.name = m.name;
      if (m.version !== undefined) item.version = m.version;
      if (known) item.versionPath = reference;
      if (m.path !== undefined) item.localPath = m.path;
      if (m.absPath !== undefined) item.absPath = m.absPath;
      if (m.pathKind !== undefined) item.pathKind = m.pathKind;
      if (m.datastore !== undefined) item.datastore = m.datastore;
      assets.push(item);
      props.model = reference;
    }
  }
  if (spec.modelMountPath !== undefined) props.modelMountPath = spec.modelMountPath;

  // code
  if (spec.code || spec.scoringScript !== undefined) {
    const cc: Record<string, unknown> = {};
    if (spec.code?.kind === 'ref') cc.codeId = refValue(spec.code.ref, ws, '/properties/codeConfiguration/codeId', 'code', file, spec.code.span, assets);
    else if (spec.code?.kind === 'local') {
      const reference = pending('code');
      const item: AssetToRegister = {
        kind: 'code', action: 'register', reference, resolved: false, pointer: '/properties/codeConfiguration/codeId', file, span: spec.code.span,
        anonymous: true, version: '1', localPath: spec.code.path, absPath: spec.code.absPath, pathKind: spec.code.pathKind,
        versionBody: { properties: { codeUri: pending('code-upload-uri'), isAnonymous: true } },
      };
      if (spec.scoringScript !== undefined) item.scoringScript = spec.scoringScript;
      assets.push(item);
      cc.codeId = reference;
    }
    if (spec.scoringScript !== undefined) cc.scoringScript = spec.scoringScript;
    props.codeConfiguration = cc;
  }

  // environment
  if (spec.environment) {
    const pointer = '/properties/environmentId';
    if (spec.environment.kind === 'ref') {
      props.environmentId = refValue(spec.environment.ref, ws, pointer, 'environment', file, spec.environment.span, assets);
    } else {
      const e = spec.environment.environment;
      const anonymous = e.name === undefined;
      const name = e.name ?? ANONYMOUS_ENV_NAME;
      const version = anonymous ? anonymousEnvironmentVersion(e) : e.version;
      const known = version !== undefined;
      const reference = known ? assetVersionPath(ws, 'environments', name, version) : pending(`environment:${name}`);
      const item: AssetToRegister = { kind: 'environment', action: 'register', reference, resolved: known, pointer, file, span: e.span, name, anonymous, versionBody: environmentVersionBody(e, anonymous) };
      if (version !== undefined) item.version = version;
      if (known) item.versionPath = reference;
      if (e.condaFilePath !== undefined) item.localPath = e.condaFilePath;
      if (e.condaFileAbsPath !== undefined) item.absPath = e.condaFileAbsPath;
      if (e.build && !e.build.isUrl) {
        item.buildContext = { localPath: e.build.path };
        if (e.build.absPath !== undefined) item.buildContext.absPath = e.build.absPath;
        if (e.build.dockerfilePath !== undefined) item.buildContext.dockerfilePath = e.build.dockerfilePath;
      }
      if (e.datastore !== undefined) item.datastore = e.datastore;
      assets.push(item);
      props.environmentId = reference;
    }
  }

  if (spec.instanceType !== undefined) props.instanceType = spec.instanceType;
  if (spec.scaleSettings) {
    const s = spec.scaleSettings;
    const out: Record<string, unknown> = { scaleType: s.type };
    if (s.type === 'TargetUtilization') {
      if (s.minInstances !== undefined) out.minInstances = s.minInstances;
      if (s.maxInstances !== undefined) out.maxInstances = s.maxInstances;
      if (s.targetUtilizationPercentage !== undefined) out.targetUtilizationPercentage = s.targetUtilizationPercentage;
      if (s.pollingInterval) out.pollingInterval = isoDuration(s.pollingInterval * 1000);
    }
    props.scaleSettings = out;
  }
  if (spec.requestSettings) {
    const r = spec.requestSettings;
    const out: Record<string, unknown> = {};
    if (r.requestTimeoutMs) out.requestTimeout = isoDuration(r.requestTimeoutMs);
    if (r.maxConcurrentRequestsPerInstance !== undefined) out.maxConcurrentRequestsPerInstance = r.maxConcurrentRequestsPerInstance;
    if (r.maxQueueWaitMs) out.maxQueueWait = isoDuration(r.maxQueueWaitMs);
    props.requestSettings = out;
  }
  if (spec.livenessProbe) props.livenessProbe = probe(spec.livenessProbe);
  if (spec.readinessProbe) props.readinessProbe = probe(spec.readinessProbe);
  if (spec.egressPublicNetworkAccess) props.egressPublicNetworkAccess = spec.egressPublicNetworkAccess;
  if (spec.privateNetworkConnection !== undefined) {
    props.privateNetworkConnection = spec.privateNetworkConnection;
    (props.properties as Record<string, string>)['private-network-connection'] = spec.privateNetworkConnection ? 'True' : 'False';
  }
  if (spec.resources) {
    const rr: Record<string, unknown> = {};
    if (spec.resources.requests) rr.containerResourceRequests = { ...spec.resources.requests };
    if (spec.resources.limits) rr.containerResourceLimits = { ...spec.resources.limits };
    props.containerResourceRequirements = rr;
  }
  if (spec.dataCollector) {
    const dc = spec.dataCollector;
    const collections: Record<string, unknown> = {};
    for (const c of dc.collections) {
      const col: Record<string, unknown> = { dataCollectionMode: c.enabled === 'true' ? 'enabled' : 'disabled' };
      if (c.clientId !== undefined) col.clientId = c.clientId;
      if (dc.samplingRate !== undefined) col.samplingRate = dc.samplingRate;
      const pointer = `/properties/dataCollector/collections/${c.name.replaceAll('~', '~0').replaceAll('/', '~1')}/dataId`;
      if (c.data && 'ref' in c.data) {
        col.dataId = c.data.ref.startsWith('azureml:') ? c.data.ref.slice('azureml:'.length) : c.data.ref;
      } else if (c.data?.dataId !== undefined) {
        col.dataId = c.data.dataId;
      } else if (c.enabled === 'true') {
        const name = c.data?.name ?? `${spec.endpointName}-${spec.name}-${c.name}`;
        const version = c.data?.version ?? '1';
        const path = c.data?.path ?? `azureml://datastores/workspaceblobstore/paths/modelDataCollector/${spec.endpointName}/${spec.name}/${c.name}`;
        const reference = assetVersionPath(ws, 'data', name, version);
        assets.push({
          kind: 'data', action: 'register', reference, resolved: true, pointer, file, span: spec.spans.name ?? { line: 1, column: 1, endLine: 1, endColumn: 1 },
          name, version, anonymous: false, versionPath: reference,
          versionBody: { properties: { dataType: 'uri_folder', dataUri: path, isAnonymous: false } },
        });
        col.dataId = reference;
      }
      collections[c.name] = col;
    }
    const out: Record<string, unknown> = { collections };
    if (dc.rollingRate) out.rollingRate = dc.rollingRate;
    if (dc.requestLogging) out.requestLogging = { ...(dc.requestLogging.captureHeaders ? { captureHeaders: dc.requestLogging.captureHeaders } : {}) };
    props.dataCollector = out;
  }

  const sku: Record<string, unknown> = { name: 'Default' };
  if (spec.instanceCount !== undefined) sku.capacity = spec.instanceCount;
  return {
    path: deploymentPath(ws, spec.endpointName, spec.name),
    apiVersion: ML_API_VERSION,
    body: { location: ws.location, tags: { ...spec.tags }, sku, properties: props },
    assets,
  };
}

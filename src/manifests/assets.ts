// Model, environment and code references: the string forms azure-ai-ml accepts (ArmVersionedStr,
// RegistryStr, curated environments, ARM ids), the inline model/environment objects, and local
// path resolution against the YAML file's folder through an injected file-system view.
import type { Span, YMap, YNode } from './tree.ts';
import {
  type Ctx,
  type Field,
  type Located,
  dict,
  enumOf,
  int,
  joinPath,
  object,
  raw,
  required,
  str,
} from './schema.ts';
import { pythonStr } from './pystr.ts';

/** What the spec layer may know about the file system: injected so the layer stays pure. */
export interface SpecEnvironment {
  /** 'file' or 'dir' when the absolute path exists, otherwise undefined. */
  exists(absPath: string): 'file' | 'dir' | undefined;
  /** The text of a file (for conda files); undefined when it cannot be read. */
  readText?(absPath: string): string | undefined;
  /** Parse YAML text into a positioned tree; defaults to src/manifests/yaml.ts loadYaml (for conda files). */
  parseYaml?(text: string, file: string): { root: YNode | undefined; findings?: ReadonlyArray<{ line: number; message: string }> };
}

export type AssetType = 'models' | 'environments' | 'codes' | 'computes' | 'data';

export type AssetRef =
  /** `azureml:name:version` */
  | { kind: 'version'; type: AssetType; name: string; version: string; text: string }
  /** `azureml:name@latest`: needs a list call to resolve */
  | { kind: 'label'; type: AssetType; name: string; label: string; text: string }
  /** `azureml:/subscriptions/…` (or a bare ARM id where the SDK allows it): sent verbatim */
  | { kind: 'arm'; type: AssetType; id: string; text: string }
  /** `azureml://registries/…`: sent verbatim */
  | { kind: 'registry'; type: AssetType; uri: string; text: string }
  /** `azureml:AzureML-…` curated environment: sent verbatim, prefix included */
  | { kind: 'curated'; type: 'environments'; ref: string; text: string };

const ARM_VERSIONED = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+\/([A-Za-z]+)\/[^/]+\/versions\/[^/]+$/i;
const ARM_COMPUTE = /^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/providers\/Microsoft\.MachineLearningServices\/workspaces\/[^/]+\/computes\/[^/]+$/i;

const SINGULAR: Record<AssetType, string> = { models: 'model', environments: 'environment', codes: 'code', computes: 'compute', data: 'data asset' };

function refHint(type: AssetType): string {
  const s = SINGULAR[type];
  return `Write azureml:<${s}-name>:<version> (or azureml:<${s}-name>@latest), azureml:/subscriptions/…/${type}/<name>/versions/<version>, or azureml://registries/<registry>/${type}/<name>/versions/<version>.`;
}

/**
 * Parse a string reference the way ArmVersionedStr/RegistryStr do, and report what the SDK would
 * reject (missing `azureml:` prefix, no version, labels other than latest, malformed ARM ids).
 */
export function parseAssetRef(text: string, type: AssetType, path: string, span: Span, ctx: Ctx): AssetRef | undefined {
  if (text.startsWith('azureml://registries/')) {
    return { kind: 'registry', type, uri: text, text };
  }
  if (!text.startsWith('azureml:')) {
    const local = type === 'models' || type === 'environments';
    ctx.report('schema', span, `${path} '${text}' is not a valid ${SINGULAR[type]} reference: a registered ${SINGULAR[type]} must be written with the azureml: prefix.`, {
      hint: `${refHint(type)}${local ? ` For a local ${SINGULAR[type]}, define it inline (e.g. ${type === 'models' ? 'model:\\n  path: ./model' : 'environment:\\n  image: …\\n  conda_file: ./conda.yaml'}).` : ''}`,
    });
    return undefined;
  }
  const rest = text.slice('azureml:'.length);
  if (rest.startsWith('//')) {
    ctx.report('schema', span, `${path} '${text}' is not a supported reference: only azureml://registries/… URIs may use the azureml:// form.`, { hint: refHint(type) });
    return undefined;
  }
  if (rest.startsWith('/')) {
    const m = ARM_VERSIONED.exec(rest);
    if (m && m[1]?.toLowerCase() === type) return { kind: 'arm', type, id: rest, text };
    ctx.report('schema', span, `${path}: the ARM id '${rest}' is not a versioned ${SINGULAR[type]} id.`, {
      hint: `Use azureml:/subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.MachineLearningServices/workspaces/<ws>/${type}/<name>/versions/<version>.`,
    });
    return undefined;
  }
  if (type === 'environments' && rest.startsWith('AzureML-')) {
    return { kind: 'curated', type, ref: text, text };
  }
  const at = rest.indexOf('@');
  if (at >= 0) {
    const name = rest.slice(0, at);
    const label = rest.slice(at + 1);
    if (!name || !label) {
      ctx.report('schema', span, `${path} '${text}' is not a valid ${SINGULAR[type]} reference.`, { hint: refHint(type) });
      return undefined;
    }
    if (type === 'codes') {
      ctx.report('schema', span, `${path}: code assets cannot be referenced by label ('@${label}').`, { hint: 'Use azureml:<code-name>:<version>, or a local folder.' });
      return undefined;
    }
    if (label !== 'latest') {
      ctx.report('schema', span, `${path}: '@${label}' is not supported: latest is the only label for workspace ${type}.`, { hint: `Use azureml:${name}@latest or azureml:${name}:<version>.` });
      return undefined;
    }
    return { kind: 'label', type, name, label, text };
  }
  const colon = rest.indexOf(':');
  if (colon < 0 || colon === rest.length - 1 || colon === 0) {
    const name = colon < 0 ? rest : rest.slice(0, colon);
    ctx.report('schema', span, `${path} '${text}' has no version: Version must be provided for a registered ${SINGULAR[type]}.`, {
      hint: `Use azureml:${name || '<name>'}:<version>${type === 'codes' ? '' : ` or azureml:${name || '<name>'}@latest`}.`,
    });
    return undefined;
  }
  return { kind: 'version', type, name: rest.slice(0, colon), version: rest.slice(colon + 1), text };
}

/** `compute: azureml:<name>` or `azureml:<ARM id>` (ArmStr: the prefix is required). */
export function parseComputeRef(text: string, path: string, span: Span, ctx: Ctx): { name?: string; id?: string } | undefined {
  if (!text.startsWith('azureml:')) {
    ctx.report('schema', span, `${path} '${text}' must start with azureml: (a Kubernetes compute attached to the workspace).`, { hint: `Write ${path}: azureml:${text}` });
    return undefined;
  }
  const rest = text.slice('azureml:'.length);
  if (!rest) {
    ctx.report('schema', span, `${path} has no compute name after azureml:.`, { hint: `Write ${path}: azureml:<compute-name>` });
    return undefined;
  }
  if (rest.startsWith('/')) {
    if (!ARM_COMPUTE.test(rest)) {
      ctx.report('service-rejects', span, `${path}: '${rest}' is not a workspace compute ARM id: az ml sends it as the compute id, and the service finds no such compute.`, { hint: `Write ${path}: azureml:<compute-name>` });
      return undefined;
    }
    return { id: rest };
  }
  return { name: rest };
}

// ---------------------------------------------------------------------------------------------
// Paths (posix-style string arithmetic: no fs)

export function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}

/** Resolve `p` against `dir` and normalise `.`/`..` segments, keeping the drive or root. */
export function resolvePath(dir: string, p: string): string {
  const joined = isAbsolutePath(p) ? p : `${dir.replace(/[\\/]+$/, '')}/${p}`;
  const norm = joined.replaceAll('\\', '/');
  const m = /^([A-Za-z]:)?(\/*)/.exec(norm);
  const prefix = `${m?.[1] ?? ''}${m?.[2] ? '/' : ''}`;
  const out: string[] = [];
  for (const seg of norm.slice(m?.[0].length ?? 0).split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length && out[out.length - 1] !== '..') out.pop();
      else if (!prefix) out.push('..');
      continue;
    }
    out.push(seg);
  }
  return prefix + out.join('/') || '.';
}

export function dirnameOf(p: string): string {
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}

export function basenameOf(p: string): string {
  const t = p.replace(/[\\/]+$/, '');
  return t.slice(Math.max(t.lastIndexOf('/'), t.lastIndexOf('\\')) + 1);
}

export function isUrl(p: string): boolean {
  return /^https?:\/\//i.test(p);
}

export function checkLocalPath(
  env: SpecEnvironment,
  ctx: Ctx,
  dir: string,
  path: string,
  node: YNode,
  what: string,
  want: 'file' | 'dir' | 'any',
): { abs: string; kind: 'file' | 'dir' } | undefined {
  const abs = resolvePath(dir, path);
  const kind = env.exists(abs);
  if (!kind) {
    ctx.report('local-path-not-found', node.span, `${what} '${path}' does not exist (looked for ${abs}).`, {
      hint: 'Correct the path, or commit the missing file or folder. Relative paths start at the folder of the YAML file, not at the working directory.',
    });
    return undefined;
  }
  if (want !== 'any' && kind !== want) {
    ctx.report('local-path-not-found', node.span, `${what} '${path}' must be a ${want === 'dir' ? 'folder' : 'file'}, but it is a ${kind === 'dir' ? 'folder' : 'file'}.`);
    return undefined;
  }
  return { abs, kind };
}

// ---------------------------------------------------------------------------------------------
// VersionField: a string, or an int/float that is str()-ed (so 1.10 becomes "1.1").

export function versionField(): Field<string> {
  return {
    expected: 'a version (string or number)',
    parse(node, path, ctx) {
      if (node.kind === 'scalar') {
        const v = node.value;
        if (v.type === 'str') return v.value;
        if (v.type === 'int' || v.type === 'float' || v.type === 'bool') return pythonStr(v);
      }
      ctx.report('schema', node.span, `${path} must be a string or a number.`, { hint: `Quote it: version: "1".` });
      return undefined;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Inline model (AnonymousModelSchema) and environment (EnvironmentSchema / AnonymousEnvironmentSchema)

export const MODEL_TYPES = ['custom_model', 'mlflow_model', 'triton_model'] as const;
export type ModelType = (typeof MODEL_TYPES)[number];

export const inlineModelSchema = object(
  {
    name: str(),
    version: versionField(),
    type: enumOf(MODEL_TYPES),
    path: str(),
    description: str(),
    properties: dict(),
    tags: dict(),
    flavors: dict(),
    datastore: str(),
    stage: str(),
    utc_time_created: raw(),
  },
  { dumpOnly: ['id', 'creation_context', 'job_name', 'latest_version'] },
);

const route = object({ port: required(int()), path: required(str()) });
const inferenceConfig = object({
  liveness_route: required(route),
  readiness_route: required(route),
  scoring_route: required(route),
});

export const inlineEnvironmentSchema = object(
  {
    name: str(),
    version: versionField(),
    description: str(),
    tags: dict(),
    properties: dict(),
    image: str(),
    conda_file: raw(),
    build: object({ path: str(), dockerfile_path: str() }),
    inference_config: inferenceConfig,
    os_type: enumOf(['linux', 'windows'] as const),
    datastore: str(),
  },
  { dumpOnly: ['id', 'creation_context', 'latest_version', 'auto_delete_setting'] },
);

export type InlineModelOut = NonNullable<ReturnType<typeof inlineModelSchema.parse>>;
export type InlineEnvironmentOut = NonNullable<ReturnType<typeof inlineEnvironmentSchema.parse>>;

/** A model defined inline: registered by the apply layer before the deployment PUT. */
export interface InlineModel {
  name?: string;
  version?: string;
  type: ModelType;
  /** As written in the YAML. */
  path?: string;
  /** Resolved against the YAML folder. */
  absPath?: string;
  pathKind?: 'file' | 'dir';
  description?: string;
  tags: Record<string, string | null>;
  properties: Record<string, string | null>;
  flavors?: Record<string, { data: Record<string, string | null> }>;
  datastore?: string;
  span: Span;
}

export interface Route {
  port: number;
  path: string;
}

/** An environment defined inline: registered by the apply layer before the deployment PUT. */
export interface InlineEnvironment {
  name?: string;
  version?: string;
  description?: string;
  tags: Record<string, string | null>;
  properties: Record<string, string | null>;
  image?: string;
  /** The conda file path as written, when conda_file is a path. */
  condaFilePath?: string;
  condaFileAbsPath?: string;
  /** condaFile as the SDK sends it (PyYAML dump, sorted keys); undefined when the file could not be read. */
  condaFile?: string;
  build?: { path: string; absPath?: string; isUrl: boolean; dockerfilePath?: string };
  inferenceConfig?: { livenessRoute: Route; readinessRoute: Route; scoringRoute: Route };
  osType?: 'linux' | 'windows';
  datastore?: string;
  span: Span;
}

export type ModelSpec = { kind: 'ref'; ref: AssetRef; span: Span } | { kind: 'inline'; model: InlineModel };
export type EnvironmentSpec = { kind: 'ref'; ref: AssetRef; span: Span } | { kind: 'inline'; environment: InlineEnvironment };
export type CodeSpec = { kind: 'ref'; ref: AssetRef; span: Span } | { kind: 'local'; path: string; absPath: string; pathKind: 'file' | 'dir'; span: Span };

/**
 * A value of a free dict (tags, properties, environment_variables) as the SDK's REST serializer
 * sends it: Python str() of the value, except that an empty value (YAML null) stays JSON null
 * (`PLAIN:` is sent as null, never as the text "None": test/fixtures/sdk-vectors, null-values-*).
 */
export function pyStrNode(node: YNode): string | null {
  if (node.kind === 'scalar') return node.value.type === 'null' ? null : pythonStr(node.value);
  return pyRepr(node);
}

/** Python str() of a node, null included ("None"): for values that become text, such as dict keys. */
export function pyStrText(node: YNode): string {
  return pyStrNode(node) ?? 'None';
}

function pyStrRepr(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === quote) out += `\\${quote}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (cp < 0x20 || cp === 0x7f) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return quote + out + quote;
}

/** Python repr() of a node (used for str() of dicts/lists, whose items are repr()-ed). */
export function pyRepr(node: YNode): string {
  if (node.kind === 'map') return `{${node.entries.map((e) => `${pyStrRepr(e.key)}: ${pyRepr(e.value)}`).join(', ')}}`;
  if (node.kind === 'seq') return `[${node.items.map(pyRepr).join(', ')}]`;
  const v = node.value;
  if (v.type === 'str') return pyStrRepr(v.value);
  if (v.type === 'timestamp') {
    const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(v.iso);
    if (m) return `datetime.date(${Number(m[1])}, ${Number(m[2])}, ${Number(m[3])})`;
    return `datetime.datetime(${v.iso})`;
  }
  return pythonStr(v);
}

/** A free dict (tags/properties/…) with every value str()-ed (null kept), as the REST models receive it. */
export function strDict(map: YMap | undefined): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (!map) return out;
  for (const e of map.entries) out[e.key] = pyStrNode(e.value);
  return out;
}

export function located<T>(l: Located<T> | undefined): T | undefined {
  return l?.value;
}

export { joinPath };

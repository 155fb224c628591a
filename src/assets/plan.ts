// What a run would do with the deployments' assets (docs/local-assets.md §5): for each model, code
// and environment to register, its final name, version and ARM id, which local files it uploads
// and where, and whether an identical version already exists. Read-only: validate shows it, deploy
// executes it (upload.ts). Local folders are hashed once however many deployments share them.
import { randomUUID } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { LocalAssetFacts } from '../checks/facts.ts';
import type { AssetToRegister, RestRequest } from '../manifests/rest.ts';
import { ANONYMOUS_ENV_NAME } from '../manifests/rest.ts';
import type { Span } from '../manifests/tree.ts';
import { assetRegistry, blobStore, type AssetRegistry, type AssetSession, type AssetType, type BlobFolder, type BlobStore, type Datastore } from '../azure/assets.ts';
import { CONTENT_HASH_VERSION, contentHash, objectHash, readLocalAsset, type LocalAsset } from './local-folder.ts';
import { UPLOAD_CONFIRMATION, WORKSPACE_BLOB_STORE, anonymousModelName, blobNames, buildContextEnvironmentVersion, datastoreUploadPath, longDatastoreUri } from './names.ts';

export type PlannedKind = 'model' | 'code' | 'environment' | 'data';

/** Files of one local path and where they go. */
export interface PlannedUpload {
  local: LocalAsset;
  /** A datastore folder (models, build contexts) or a pending upload the service hands out (code). */
  target: { kind: 'datastore'; datastore: Datastore; path: string; folder: BlobFolder } | { kind: 'pending-upload' };
  /** Blob names relative to the target folder, in upload order; the first is the indicator file. */
  blobs: string[];
  /** The files are already there: the indicator blob carries upload_status=completed. Undefined: not known. */
  alreadyUploaded?: boolean;
}

export interface PlannedAsset {
  kind: PlannedKind;
  /** Every place the asset's id goes: a deployment request and a JSON pointer into its body. */
  targets: Array<{ requestPath: string; pointer: string }>;
  file: string;
  span: Span;
  name: string;
  version: string;
  anonymous: boolean;
  /** The ARM id the deployment body will carry. */
  id: string;
  /** An identical version exists: nothing is uploaded or registered. */
  exists: boolean;
  upload?: PlannedUpload;
  /** The version PUT body; a code version's codeUri is filled in when its pending upload starts. */
  versionBody: Record<string, unknown>;
  /** One line for the plan. */
  description: string;
}

export interface LocalAssetPlan {
  items: PlannedAsset[];
  /** Every local path read, for ValidateFacts.localAssets (the local-assets check decides on them). */
  facts: LocalAssetFacts[];
  /** Whether deploy would upload or register anything. */
  changes: boolean;
}

/** The adapters the planner reads through (src/azure/assets.ts); tests pass fakes. */
export interface AssetIo {
  registry: AssetRegistry;
  blobs: BlobStore;
  workspace: { subscriptionId: string; resourceGroup: string; workspaceName: string; workspacePath: string };
}

export function assetIo(session: AssetSession): AssetIo {
  return { registry: assetRegistry(session), blobs: blobStore({ credential: session.credential }), workspace: session };
}

const TYPE: Record<PlannedKind, AssetType> = { model: 'models', code: 'codes', environment: 'environments', data: 'data' };

/** Plan the registration of every asset the deployment requests name (validate and deploy). */
export function planLocalAssets(session: AssetSession, requests: readonly RestRequest[]): Promise<LocalAssetPlan> {
  return planWith(assetIo(session), requests);
}

export async function planWith(io: AssetIo, requests: readonly RestRequest[]): Promise<LocalAssetPlan> {
  const facts: LocalAssetFacts[] = [];
  const items = new Map<string, Promise<PlannedAsset | undefined>>();
  const locals = new Map<string, Promise<{ asset: LocalAsset; hash: string }>>();
  const datastores = new Map<string, Promise<Datastore>>();
  const ctx: PlanContext = {
    io,
    facts,
    local: (absPath, which) => {
      const key = `${absPath}\0${which}`;
      let p = locals.get(key);
      if (!p) {
        p = (async () => {
          const asset = await readLocalAsset(absPath);
          return { asset, hash: which === 'content' ? await contentHash(asset) : await objectHash(asset) };
        })();
        locals.set(key, p);
      }
      return p;
    },
    datastore: (name) => {
      let p = datastores.get(name);
      if (!p) datastores.set(name, (p = io.registry.getDatastore(name)));
      return p;
    },
  };
  const targets = new Map<string, Array<{ requestPath: string; pointer: string }>>();
  for (const request of requests) {
    for (const a of request.assets) {
      if (a.action !== 'register' || !(a.kind in TYPE)) continue;
      const key = itemKey(a);
      const list = targets.get(key) ?? [];
      list.push({ requestPath: request.path, pointer: a.pointer });
      targets.set(key, list);
      if (!items.has(key)) items.set(key, planItem(ctx, a));
    }
  }
  const planned: PlannedAsset[] = [];
  for (const [key, p] of items) {
    const item = await p;
    if (item) planned.push({ ...item, targets: targets.get(key) ?? [] });
  }
  facts.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  return { items: planned, facts, changes: planned.some((i) => !i.exists) };
}

interface PlanContext {
  io: AssetIo;
  facts: LocalAssetFacts[];
  /** Walk a local path and hash it (once per path and hash kind): the object hash names uploads, the content hash finds code. */
  local(absPath: string, which: 'object' | 'content'): Promise<{ asset: LocalAsset; hash: string }>;
  datastore(name: string): Promise<Datastore>;
}

/** Two deployments naming the same local folder (or the same version) share one item. */
function itemKey(a: AssetToRegister): string {
  const local = a.absPath ?? a.buildContext?.absPath;
  return [a.kind, a.name ?? '', a.version ?? '', local ?? '', local ? '' : JSON.stringify(a.versionBody ?? {})].join('\0');
}

async function planItem(ctx: PlanContext, a: AssetToRegister): Promise<PlannedAsset | undefined> {
  const body = structuredClone(a.versionBody ?? { properties: {} });
  const props = (body.properties ??= {}) as Record<string, unknown>;
  const base = { kind: a.kind as PlannedKind, targets: [], file: a.file, span: a.span };
  switch (a.kind) {
    case 'code':
      return a.absPath ? planCode(ctx, a, a.absPath, body, base) : undefined;
    case 'model':
      return planModel(ctx, a, body, props, base);
    case 'environment':
      return planEnvironment(ctx, a, body, props, base);
    case 'data':
      return planRegistered(ctx, a, body, base, a.name ?? '', a.version ?? '1', `data ${a.name ?? ''}:${a.version ?? '1'}`);
  }
}

type Base = Pick<PlannedAsset, 'kind' | 'targets' | 'file' | 'span'>;

/** Record what the local path holds; true when nothing is left to upload (the check reports it). */
function emptyFolder(ctx: PlanContext, a: AssetToRegister, local: LocalAsset, kind: LocalAssetFacts['kind'], localPath: string): boolean {
  ctx.facts.push({
    kind, file: a.file, line: a.span.line, column: a.span.column, endLine: a.span.endLine, endColumn: a.span.endColumn,
    localPath, files: local.files.length, bytes: local.totalBytes, ...(local.ignore.file ? { ignoreFile: local.ignore.file } : {}),
  });
  return local.files.length === 0;
}

async function planCode(ctx: PlanContext, a: AssetToRegister, absPath: string, body: Record<string, unknown>, base: Base): Promise<PlannedAsset | undefined> {
  const { asset, hash } = await ctx.local(absPath, 'content');
  if (emptyFolder(ctx, a, asset, 'code', a.localPath ?? absPath)) return undefined;
  const props = body.properties as Record<string, unknown>;
  props.properties = { ...(props.properties as Record<string, string> | undefined), hash_sha256: hash, hash_version: CONTENT_HASH_VERSION };
  const existing = await ctx.io.registry.findCodeByHash(hash, CONTENT_HASH_VERSION);
  const from = a.localPath ?? absPath;
  if (existing) {
    return { ...base, name: existing.name, version: existing.version, anonymous: true, id: existing.id, exists: true, versionBody: body, description: `code from ${from}: an identical version already exists (${existing.name}:${existing.version}); nothing to upload` };
  }
  const name = randomUUID();
  const blobs = blobNames(asset.name, asset.kind, asset.files.map((f) => f.relPath));
  return {
    ...base, name, version: '1', anonymous: true, id: `${ctx.io.workspace.workspacePath}/codes/${name}/versions/1`, exists: false, versionBody: body,
    upload: { local: asset, target: { kind: 'pending-upload' }, blobs },
    description: `code from ${from}: would upload ${sizeOf(asset)} and register a new anonymous code version`,
  };
}

async function planModel(ctx: PlanContext, a: AssetToRegister, body: Record<string, unknown>, props: Record<string, unknown>, base: Base): Promise<PlannedAsset | undefined> {
  let upload: PlannedUpload | undefined;
  let name = a.name;
  if (a.absPath) {
    const { asset, hash } = await ctx.local(a.absPath, 'object');
    if (emptyFolder(ctx, a, asset, 'model', a.localPath ?? a.absPath)) return undefined;
    const dsName = datastoreName(a.datastore);
    const path = datastoreUploadPath(hash, asset.name);
    props.modelUri = longDatastoreUri(ctx.io.workspace, dsName, path);
    upload = await datastoreUpload(ctx, asset, dsName, path);
    name ??= anonymousModelName(hash);
  }
  name ??= randomUUID();
  const label = (v: string) => `model ${a.name ?? `${name.slice(0, 12)}… (anonymous)`}:${v}${a.localPath ? ` from ${a.localPath}` : ''}`;
  return planVersioned(ctx, a, body, base, name, a.anonymous ? '1' : a.version, label, upload, (existing) => sameModelUri(existing.properties.modelUri, props.modelUri));
}

/**
 * Asset versions as Azure stores them (recorded, test/fixtures/recorded/ml-assets.json): the `resourcegroups` segment of a
 * model's `azureml://` URI capitalised. The segment names compare without case, as ARM ids do.
 */
export function sameModelUri(stored: unknown, sent: unknown): boolean {
  if (typeof stored !== 'string' || typeof sent !== 'string') return stored === sent;
  const norm = (u: string) => u.replace(/\/resourcegroups\//i, '/resourceGroups/').replace(/^azureml:\/\/subscriptions\//i, 'azureml://subscriptions/');
  return norm(stored) === norm(sent);
}

/** A conda file's content, whatever its text form: Azure stores the YAML sent as JSON text (recorded), so parse both. */
function condaValue(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  try {
    return parseYaml(v) as unknown;
  } catch {
    return v;
  }
}

/**
 * Whether an environment version holds what the file asks for, the way the service normalises it (recorded): `condaFile`
 * compared as parsed content; `osType` defaults to Linux when absent; `image` and `inferenceConfig` as sent.
 */
export function sameEnvironmentFields(stored: Record<string, unknown>, sent: Record<string, unknown>): boolean {
  const eq = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return eq(stored.image, sent.image) && eq(stored.inferenceConfig, sent.inferenceConfig) &&
    eq(condaValue(stored.condaFile), condaValue(sent.condaFile)) && (stored.osType ?? 'Linux') === (sent.osType ?? 'Linux');
}

async function planEnvironment(ctx: PlanContext, a: AssetToRegister, body: Record<string, unknown>, props: Record<string, unknown>, base: Base): Promise<PlannedAsset | undefined> {
  let upload: PlannedUpload | undefined;
  let version = a.version;
  const name = a.name ?? ANONYMOUS_ENV_NAME;
  if (a.buildContext?.absPath) {
    const { asset, hash } = await ctx.local(a.buildContext.absPath, 'object');
    if (emptyFolder(ctx, a, asset, 'environment', a.buildContext.localPath)) return undefined;
    const dsName = datastoreName(a.datastore);
    const path = datastoreUploadPath(hash, asset.name);
    upload = await datastoreUpload(ctx, asset, dsName, path);
    const build = (props.build ??= {}) as Record<string, unknown>;
    build.contextUri = `${upload.target.kind === 'datastore' ? upload.target.folder.url : ''}/`;
    if (a.anonymous) version = buildContextEnvironmentVersion(hash, a.buildContext.dockerfilePath);
  }
  const same = (existing: { properties: Record<string, unknown> }) =>
    sameEnvironmentFields(existing.properties, props) &&
    JSON.stringify((existing.properties.build as { contextUri?: unknown } | undefined)?.contextUri) === JSON.stringify((props.build as { contextUri?: unknown } | undefined)?.contextUri);
  const label = (v: string) => `environment ${name}:${v}${a.buildContext ? ` built from ${a.buildContext.localPath}` : a.localPath ? ` with ${a.localPath}` : ''}`;
  return planVersioned(ctx, a, body, base, name, version, label, upload, same);
}

/** `datastore:` may be a name, `azureml:<name>` or an ARM id (azure-ai-ml `_get_datastore_name`). */
export function datastoreName(value: string | undefined): string {
  if (!value) return WORKSPACE_BLOB_STORE;
  const bare = value.startsWith('azureml:') ? value.slice('azureml:'.length) : value;
  return bare.split('/').filter(Boolean).at(-1) ?? WORKSPACE_BLOB_STORE;
}

async function datastoreUpload(ctx: PlanContext, asset: LocalAsset, dsName: string, path: string): Promise<PlannedUpload> {
  const datastore = await ctx.datastore(dsName);
  const folder: BlobFolder = { url: `${datastore.accountUrl}/${datastore.containerName}/${path.split('/').map(encodeURIComponent).join('/')}`, auth: { kind: 'token' } };
  // Blob names relative to the folder: for a single file, the folder is LocalUpload/<hash> and the blob its name.
  const blobs = asset.kind === 'file' ? [asset.name] : asset.files.map((f) => f.relPath);
  if (asset.kind === 'file') folder.url = folder.url.slice(0, folder.url.lastIndexOf('/'));
  let alreadyUploaded: boolean | undefined;
  try {
    const meta = await ctx.io.blobs.readMetadata(folder, blobs[0] ?? '');
    alreadyUploaded = meta?.upload_status === UPLOAD_CONFIRMATION.upload_status;
  } catch {
    alreadyUploaded = undefined; // no read access to the blob: the upload will tell
  }
  return { local: asset, target: { kind: 'datastore', datastore, path, folder }, blobs, ...(alreadyUploaded === undefined ? {} : { alreadyUploaded }) };
}

/**
 * Name and version known (or the next one of a named asset): an existing version that matches is
 * reused; a named asset without a version reuses its latest version when that one matches, as a
 * re-run should create nothing new, and otherwise takes the container's next version.
 */
async function planVersioned(
  ctx: PlanContext, a: AssetToRegister, body: Record<string, unknown>, base: Base, name: string, version: string | undefined,
  label: (version: string) => string, upload: PlannedUpload | undefined, matches: (existing: { properties: Record<string, unknown> }) => boolean,
): Promise<PlannedAsset> {
  const type = TYPE[base.kind];
  let resolved = version;
  let exists = false;
  if (resolved !== undefined) {
    const existing = await ctx.io.registry.getVersion(type, name, resolved);
    exists = existing !== undefined && matches(existing);
  } else {
    const container = await ctx.io.registry.getContainer(type, name);
    const latest = container?.latestVersion ? await ctx.io.registry.getVersion(type, name, container.latestVersion) : undefined;
    if (latest && matches(latest)) {
      resolved = latest.version || container?.latestVersion;
      exists = true;
    } else resolved = container?.nextVersion ?? '1';
  }
  const v = resolved ?? '1';
  const uploadText = upload && !upload.alreadyUploaded ? `would upload ${sizeOf(upload.local)}, then ` : upload ? 'files already uploaded; ' : '';
  const description = exists ? `${label(v)}: an identical version already exists; nothing to upload or register` : `${label(v)}: ${uploadText}would register it`;
  return { ...base, name, version: v, anonymous: a.anonymous ?? false, id: `${ctx.io.workspace.workspacePath}/${type}/${name}/versions/${v}`, exists, versionBody: body, ...(upload ? { upload } : {}), description };
}

function planRegistered(ctx: PlanContext, a: AssetToRegister, body: Record<string, unknown>, base: Base, name: string, version: string, what: string): Promise<PlannedAsset> {
  const same = (existing: { properties: Record<string, unknown> }) => JSON.stringify(existing.properties.dataUri) === JSON.stringify((body.properties as Record<string, unknown>).dataUri);
  return planVersioned(ctx, a, body, base, name, version, () => what, undefined, same);
}

export function sizeOf(asset: Pick<LocalAsset, 'files' | 'totalBytes'>): string {
  return `${asset.files.length} file${asset.files.length === 1 ? '' : 's'}, ${formatBytes(asset.totalBytes)}`;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}

/** The plan's asset lines, as Plan.assets holds them. */
export function planLines(plan: LocalAssetPlan): { kind: string; description: string }[] {
  return plan.items.map((i) => ({ kind: i.kind, description: `${i.description} (${i.file}:${i.span.line})` }));
}

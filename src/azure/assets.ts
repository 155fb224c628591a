// Adapter for local assets (docs/local-assets.md §4): the workspace asset registry over ARM (code
// versions by content hash, startPendingUpload, datastores, version GET/PUT) and the blob store the
// files go to (@azure/storage-blob: streamed uploads, blocks in parallel, its retry policy).
// The only code here that builds URLs; src/assets/ sees the two small interfaces below.
import type { TokenCredential } from '@azure/core-auth';
import { AnonymousCredential, BlockBlobClient, StorageSharedKeyCredential, newPipeline, type Pipeline, type StoragePipelineOptions } from '@azure/storage-blob';
import { ML_API_VERSION } from '../manifests/rest.ts';
import { holdSecretValues } from './secret-values.ts';

/**
 * The part of Contract 3's AzureSession (src/azure/session.ts) this adapter uses: an AzureSession is
 * one. `arm.send` throws on a non-2xx status with the status on the error.
 */
export interface AssetSession {
  arm: { send<T = unknown>(req: { method: 'GET' | 'PUT' | 'POST'; path: string; apiVersion: string; body?: unknown; query?: Record<string, string> }): Promise<{ status: number; body: T }> };
  credential: TokenCredential;
  subscriptionId: string;
  resourceGroup: string;
  workspaceName: string;
  workspacePath: string;
}

export type AssetType = 'models' | 'environments' | 'codes' | 'data';

export interface AssetVersion {
  id: string;
  name: string;
  version: string;
  properties: Record<string, unknown>;
}

/**
 * Where an upload goes: a folder URL (no query) and how to authorize to it: a SAS, the workflow
 * identity's Entra token, or a datastore's account key (held in memory only, never printed).
 */
export interface BlobFolder {
  url: string;
  auth: { kind: 'sas'; query: string } | { kind: 'token' } | { kind: 'sharedKey'; accountName: string; key: string };
}

export interface Datastore {
  name: string;
  accountName: string;
  containerName: string;
  /** `https://<account>.blob.<endpoint>` */
  accountUrl: string;
  /** `AccountKey` when the datastore holds the account key (listSecrets), `None` for identity-based access. */
  credentialsType?: string;
}

export interface AssetRegistry {
  /** Code versions whose content hash (hash_version 202208) is `hash`, whatever their name. */
  findCodeByHash(hash: string, hashVersion: string): Promise<AssetVersion | undefined>;
  getVersion(type: AssetType, name: string, version: string): Promise<AssetVersion | undefined>;
  /** The container's latest and next version; undefined when no version exists. */
  getContainer(type: AssetType, name: string): Promise<{ latestVersion?: string; nextVersion?: string } | undefined>;
  putVersion(type: AssetType, name: string, version: string, body: unknown): Promise<AssetVersion>;
  /** A temporary blob folder for a code version's files (CodeVersions_CreateOrGetStartPendingUpload). */
  startPendingCodeUpload(name: string, version: string): Promise<{ blobUri: string; folder: BlobFolder }>;
  getDatastore(name: string): Promise<Datastore>;
  /** The account key of an AccountKey datastore (POST …/datastores/{name}/listSecrets), as az ml reads it. */
  datastoreAccountKey(name: string): Promise<string>;
}

export interface UploadProgress {
  /** Bytes of this file sent so far. */
  loadedBytes: number;
}

export interface BlobStore {
  /** The metadata of a blob; undefined when it does not exist. */
  readMetadata(folder: BlobFolder, blobName: string): Promise<Record<string, string> | undefined>;
  /** Stream a local file to `<folder>/<blobName>`, in parallel blocks when it is large. */
  uploadFile(folder: BlobFolder, blobName: string, absPath: string, options: { metadata?: Record<string, string>; onProgress?: (p: UploadProgress) => void }): Promise<void>;
}

/** The HTTP status an ARM or storage error carries, if any. */
export function statusOf(error: unknown): number | undefined {
  const s = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof s === 'number' ? s : undefined;
}

async function orUndefinedOn404<T>(work: Promise<T>): Promise<T | undefined> {
  try {
    return await work;
  } catch (error) {
    if (statusOf(error) === 404) return undefined;
    throw error;
  }
}

/** `…/workspaces/{ws}/{type}/{name}/versions/{version}` → name and version. */
export function parseVersionId(id: string): { name: string; version: string } | undefined {
  const m = /\/([^/]+)\/versions\/([^/]+)$/.exec(id);
  return m ? { name: decodeURIComponent(m[1] ?? ''), version: decodeURIComponent(m[2] ?? '') } : undefined;
}

function toVersion(raw: { id?: string; name?: string; properties?: Record<string, unknown> }): AssetVersion {
  const id = raw.id ?? '';
  const parsed = parseVersionId(id);
  return { id, name: parsed?.name ?? '', version: parsed?.version ?? raw.name ?? '', properties: raw.properties ?? {} };
}

const seg = encodeURIComponent;

export function assetRegistry(session: AssetSession): AssetRegistry {
  const ws = session.workspacePath;
  const send = <T>(method: 'GET' | 'PUT' | 'POST', path: string, body?: unknown, query?: Record<string, string>) =>
    session.arm.send<T>({ method, path, apiVersion: ML_API_VERSION, ...(body === undefined ? {} : { body }), ...(query ? { query } : {}) });
  return {
    async findCodeByHash(hash, hashVersion) {
      // The name in the path does not narrow a hash search ("regardless of name", CodeVersions_List);
      // azure-ai-ml sends the new anonymous code's random name. Any name does.
      const res = await send<{ value?: Array<{ id?: string; name?: string; properties?: Record<string, unknown> }> }>('GET', `${ws}/codes/${seg(crypto.randomUUID())}/versions`, undefined, { hash, hashVersion });
      const first = res.body.value?.[0];
      return first ? toVersion(first) : undefined;
    },
    async getVersion(type, name, version) {
      const res = await orUndefinedOn404(send<{ id?: string; name?: string; properties?: Record<string, unknown> }>('GET', `${ws}/${type}/${seg(name)}/versions/${seg(version)}`));
      return res ? toVersion(res.body) : undefined;
    },
    async getContainer(type, name) {
      const res = await orUndefinedOn404(send<{ properties?: { latestVersion?: string; nextVersion?: string } }>('GET', `${ws}/${type}/${seg(name)}`));
      if (!res) return undefined;
      const p = res.body.properties ?? {};
      return { ...(p.latestVersion ? { latestVersion: String(p.latestVersion) } : {}), ...(p.nextVersion ? { nextVersion: String(p.nextVersion) } : {}) };
    },
    async putVersion(type, name, version, body) {
      const res = await send<{ id?: string; name?: string; properties?: Record<string, unknown> }>('PUT', `${ws}/${type}/${seg(name)}/versions/${seg(version)}`, body);
      const v = toVersion(res.body);
      return v.id ? v : { ...v, id: `${ws}/${type}/${name}/versions/${version}`, name, version };
    },
    async startPendingCodeUpload(name, version) {
      const res = await send<{ blobReferenceForConsumption?: { blobUri?: string; credential?: { sasUri?: string } } }>(
        'POST', `${ws}/codes/${seg(name)}/versions/${seg(version)}/startPendingUpload`, { pendingUploadId: crypto.randomUUID(), pendingUploadType: 'TemporaryBlobReference' },
      );
      const ref = res.body.blobReferenceForConsumption;
      const sasUri = ref?.credential?.sasUri;
      if (!ref?.blobUri || !sasUri) throw new Error(`startPendingUpload for code ${name}:${version} returned no blob reference.`);
      const q = sasUri.indexOf('?');
      return { blobUri: ref.blobUri, folder: { url: (q >= 0 ? sasUri.slice(0, q) : sasUri).replace(/\/+$/, ''), auth: { kind: 'sas', query: q >= 0 ? sasUri.slice(q + 1) : '' } } };
    },
    async getDatastore(name) {
      const res = await send<{ properties?: { datastoreType?: string; accountName?: string; containerName?: string; endpoint?: string; protocol?: string; credentials?: { credentialsType?: string } } }>('GET', `${ws}/datastores/${seg(name)}`);
      const p = res.body.properties ?? {};
      if (p.datastoreType !== 'AzureBlob' || !p.accountName || !p.containerName) {
        throw new Error(`Datastore ${name} is a ${p.datastoreType ?? 'datastore of unknown type'}: local models and build contexts upload to an Azure Blob datastore only (as az ml does).`);
      }
      return {
        name, accountName: p.accountName, containerName: p.containerName, accountUrl: `${p.protocol ?? 'https'}://${p.accountName}.blob.${p.endpoint ?? 'core.windows.net'}`,
        ...(p.credentials?.credentialsType ? { credentialsType: p.credentials.credentialsType } : {}),
      };
    },
    async datastoreAccountKey(name) {
      const res = await send<{ secretsType?: string; key?: string }>('POST', `${ws}/datastores/${seg(name)}/listSecrets`, {});
      holdSecretValues(res.body.key);
      if (res.body.secretsType !== 'AccountKey' || !res.body.key) throw new Error(`Datastore ${name} has no account key to upload with.`);
      return res.body.key;
    },
  };
}

/** Blob names are paths: encode each segment, keep the slashes. */
function blobUrl(folder: BlobFolder, blobName: string): string {
  const path = blobName.split('/').map(encodeURIComponent).join('/');
  return `${folder.url}/${path}${folder.auth.kind === 'sas' && folder.auth.query ? `?${folder.auth.query}` : ''}`;
}

export interface BlobStoreOptions {
  credential: TokenCredential;
  /** Files larger than this go up in blocks, `blockConcurrency` at a time. */
  blockSize?: number;
  blockConcurrency?: number;
  retry?: StoragePipelineOptions['retryOptions'];
}

export const DEFAULT_BLOCK_SIZE = 8 * 1024 * 1024;

export function blobStore(options: BlobStoreOptions): BlobStore {
  const pipelineOptions: StoragePipelineOptions = { retryOptions: options.retry ?? { maxTries: 5, retryDelayInMs: 500, maxRetryDelayInMs: 8000 } };
  // One pipeline (HTTP client, connections, token cache) for every blob, not one per file.
  const sasPipeline = newPipeline(new AnonymousCredential(), pipelineOptions);
  const tokenPipeline = newPipeline(options.credential, pipelineOptions);
  const keyPipelines = new Map<string, Pipeline>();
  const pipelineFor = (auth: BlobFolder['auth']): Pipeline => {
    if (auth.kind === 'sas') return sasPipeline;
    if (auth.kind === 'token') return tokenPipeline;
    let p = keyPipelines.get(auth.accountName);
    if (!p) keyPipelines.set(auth.accountName, (p = newPipeline(new StorageSharedKeyCredential(auth.accountName, auth.key), pipelineOptions)));
    return p;
  };
  const client = (folder: BlobFolder, blobName: string): BlockBlobClient => new BlockBlobClient(blobUrl(folder, blobName), pipelineFor(folder.auth));
  const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
  return {
    async readMetadata(folder, blobName) {
      const props = await orUndefinedOn404(client(folder, blobName).getProperties());
      return props ? { ...(props.metadata ?? {}) } : undefined;
    },
    async uploadFile(folder, blobName, absPath, { metadata, onProgress }) {
      await client(folder, blobName).uploadFile(absPath, {
        blockSize,
        maxSingleShotSize: blockSize,
        concurrency: options.blockConcurrency ?? 4,
        ...(metadata ? { metadata } : {}),
        ...(onProgress ? { onProgress: (e: { loadedBytes: number }) => onProgress({ loadedBytes: e.loadedBytes }) } : {}),
      });
    },
  };
}

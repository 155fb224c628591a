// Deploy's side of the asset plan (docs/local-assets.md §6): upload what is not there yet and
// register each version, then hand back the ids the deployment bodies carry. Files are streamed
// (several at once, large ones in parallel blocks, each request retried by the storage pipeline);
// the indicator file goes last with the completion metadata, so an interrupted upload is never
// taken for a finished one. Progress (files and bytes) is logged as it goes; run it inside the
// deploy phase's log group.
import { statusOf, type AssetSession, type BlobFolder } from '../azure/assets.ts';
import type { RestRequest } from '../manifests/rest.ts';
import { assetIo, formatBytes, type AssetIo, type LocalAssetPlan, type PlannedAsset } from './plan.ts';
import { UPLOAD_CONFIRMATION, pendingUploadCodeUri } from './names.ts';

export interface UploadOptions {
  /** One line at a time; `core.info` in the action. */
  log?: (line: string) => void;
  /** Files in flight at once (each large file also sends its blocks in parallel). */
  fileConcurrency?: number;
  /** Least time between two progress lines. */
  progressEveryMs?: number;
}

export interface UploadResult {
  /** Per asset: its final id (what `withAssetIds` writes into the bodies). */
  items: Array<{ kind: string; id: string; created: boolean }>;
  uploadedFiles: number;
  uploadedBytes: number;
  /** ARM ids of the versions this run created or updated. */
  registered: string[];
}

const TYPE = { model: 'models', code: 'codes', environment: 'environments', data: 'data' } as const;

export function uploadLocalAssets(session: AssetSession, plan: LocalAssetPlan, options: UploadOptions = {}): Promise<UploadResult> {
  return uploadWith(assetIo(session), plan, options);
}

/** An upload or registration failed; `partial` says what had been written before. */
export class AssetUploadError extends Error {
  readonly partial: UploadResult;
  constructor(cause: unknown, partial: UploadResult) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'AssetUploadError';
    this.partial = partial;
  }
}

export async function uploadWith(io: AssetIo, plan: LocalAssetPlan, options: UploadOptions = {}): Promise<UploadResult> {
  const log = options.log ?? (() => undefined);
  const progress = new Progress(plan, log, options.progressEveryMs ?? 2000);
  const limit = limiter(options.fileConcurrency ?? 8);
  const result: UploadResult = { items: [], uploadedFiles: 0, uploadedBytes: 0, registered: [] };
  const settle = (): UploadResult => ({ ...result, uploadedFiles: progress.files, uploadedBytes: progress.bytes });
  // Assets are independent: upload and register them at once, sharing the file limit.
  try {
    await Promise.all(
      plan.items.map(async (item) => {
        if (item.exists) {
          result.items.push({ kind: item.kind, id: item.id, created: false });
          return;
        }
        const body = structuredClone(item.versionBody);
        if (item.upload) await uploadFiles(io, item, body, limit, progress);
        const version = await io.registry.putVersion(TYPE[item.kind], item.name, item.version, body);
        log(`Registered ${item.kind} ${item.name}:${item.version}.`);
        result.items.push({ kind: item.kind, id: version.id || item.id, created: true });
        result.registered.push(version.id || item.id);
      }),
    );
  } catch (error) {
    throw new AssetUploadError(error, settle());
  }
  progress.finish();
  return settle();
}

async function uploadFiles(io: AssetIo, item: PlannedAsset, body: Record<string, unknown>, limit: Limiter, progress: Progress): Promise<void> {
  const upload = item.upload;
  if (!upload) return;
  let folder: BlobFolder;
  if (upload.target.kind === 'pending-upload') {
    const pending = await io.registry.startPendingCodeUpload(item.name, item.version);
    folder = pending.folder;
    (body.properties as Record<string, unknown>).codeUri = pendingUploadCodeUri(pending.blobUri, upload.local.kind, upload.local.name);
  } else {
    folder = upload.target.folder;
    // Another run may have finished the same upload since the plan was made.
    if (upload.alreadyUploaded || (await isComplete(io, folder, upload.blobs[0] ?? ''))) {
      progress.skipped(item, upload.local.files.length, upload.local.totalBytes);
      return;
    }
  }
  try {
    await sendFiles(io, item, folder, limit, progress);
  } catch (error) {
    // az ml uploads with an AccountKey datastore's key; the action prefers the workflow identity's
    // token and falls back to the key, the same way, when storage refuses the token.
    const target = upload.target;
    if (!(target.kind === 'datastore' && folder.auth.kind === 'token' && target.datastore.credentialsType === 'AccountKey' && statusOf(error) === 403)) throw error;
    progress.note(`${item.kind} ${item.name}:${item.version}: the storage refused the workflow identity's token (no Storage Blob Data Contributor); uploading with datastore ${target.datastore.name}'s account key, as az ml does.`);
    const key = await io.registry.datastoreAccountKey(target.datastore.name);
    await sendFiles(io, item, { url: folder.url, auth: { kind: 'sharedKey', accountName: target.datastore.accountName, key } }, limit, progress);
  }
}

async function sendFiles(io: AssetIo, item: PlannedAsset, folder: BlobFolder, limit: Limiter, progress: Progress): Promise<void> {
  const upload = item.upload;
  if (!upload) return;
  const files = upload.local.files.map((f, i) => ({ file: f, blob: upload.blobs[i] ?? f.relPath }));
  const [indicator, ...rest] = files;
  const send = (f: (typeof files)[number], metadata?: Record<string, string>) =>
    limit(async () => {
      let sent = 0;
      await io.blobs.uploadFile(folder, f.blob, f.file.absPath, {
        ...(metadata ? { metadata } : {}),
        onProgress: (p) => {
          progress.bytesSent(p.loadedBytes - sent);
          sent = p.loadedBytes;
        },
      });
      progress.bytesSent(f.file.size - sent);
      progress.fileDone();
    });
  // A few workers pull files in turn (no promise per file of a large folder); the limiter caps the
  // files in flight across every asset.
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < rest.length) {
      const f = rest[next++];
      if (f) await send(f);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit.size, rest.length) }, worker));
  if (indicator) await send(indicator, { ...UPLOAD_CONFIRMATION, name: item.name, version: item.version });
}

async function isComplete(io: AssetIo, folder: BlobFolder, blob: string): Promise<boolean> {
  const meta = await io.blobs.readMetadata(folder, blob).catch(() => undefined);
  return meta?.upload_status === UPLOAD_CONFIRMATION.upload_status;
}

interface Limiter {
  <T>(work: () => Promise<T>): Promise<T>;
  /** How many tasks run at once. */
  size: number;
}

/** At most `n` tasks at once, started in the order they were asked for. */
export function limiter(n: number): Limiter {
  let active = 0;
  const queue: Array<() => void> = [];
  const next = (): void => {
    if (active >= n) return;
    const start = queue.shift();
    if (start) {
      active++;
      start();
    }
  };
  const run = <T>(work: () => Promise<T>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        work().then(resolve, reject).finally(() => {
          active--;
          next();
        });
      });
      next();
    });
  return Object.assign(run, { size: n });
}

/** Files and bytes sent so far against the plan's totals, logged at most every `everyMs`. */
class Progress {
  files = 0;
  bytes = 0;
  private readonly totalFiles: number;
  private readonly totalBytes: number;
  private last = 0;
  private readonly log: (line: string) => void;
  private readonly everyMs: number;
  constructor(plan: LocalAssetPlan, log: (line: string) => void, everyMs: number) {
    this.log = log;
    this.everyMs = everyMs;
    const uploads = plan.items.filter((i) => !i.exists && i.upload && !i.upload.alreadyUploaded).map((i) => i.upload?.local);
    this.totalFiles = uploads.reduce((n, l) => n + (l?.files.length ?? 0), 0);
    this.totalBytes = uploads.reduce((n, l) => n + (l?.totalBytes ?? 0), 0);
    if (this.totalFiles > 0) log(`Uploading ${this.totalFiles} file(s), ${formatBytes(this.totalBytes)}.`);
  }
  note(line: string): void {
    this.log(line);
  }
  skipped(item: PlannedAsset, files: number, bytes: number): void {
    this.log(`${item.kind} ${item.name}:${item.version}: the files are already uploaded (${files} file(s), ${formatBytes(bytes)}); nothing sent.`);
  }
  bytesSent(n: number): void {
    this.bytes += n;
    this.tick();
  }
  fileDone(): void {
    this.files++;
    this.tick();
  }
  private tick(): void {
    const now = Date.now();
    if (now - this.last < this.everyMs) return;
    this.last = now;
    this.log(`  ${this.files}/${this.totalFiles} files, ${formatBytes(this.bytes)} of ${formatBytes(this.totalBytes)}`);
  }
  finish(): void {
    if (this.totalFiles > 0) this.log(`Uploaded ${this.files} file(s), ${formatBytes(this.bytes)}.`);
  }
}

/**
 * The deployment body with every planned asset's id at its pointer (the offline body holds
 * `{{pending:…}}` placeholders or the id already). Label references (`@latest`) are not touched.
 */
export function withAssetIds(request: RestRequest, plan: LocalAssetPlan): Record<string, unknown> {
  const body = structuredClone(request.body);
  for (const item of plan.items) {
    for (const t of item.targets) if (t.requestPath === request.path) setPointer(body, t.pointer, item.id);
  }
  return body;
}

/** Set the value at a JSON pointer (RFC 6901), creating objects on the way. */
export function setPointer(doc: Record<string, unknown>, pointer: string, value: unknown): void {
  const keys = pointer.split('/').slice(1).map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
  let node: Record<string, unknown> = doc;
  for (const key of keys.slice(0, -1)) {
    const child = node[key];
    if (typeof child !== 'object' || child === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys.at(-1);
  if (last !== undefined) node[last] = value;
}

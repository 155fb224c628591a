// The names, versions and storage paths azure-ai-ml gives local assets (docs/local-assets.md §3).
// Pure string arithmetic on hashes; no I/O.
import { createHash } from 'node:crypto';

export const ARTIFACT_ORIGIN = 'LocalUpload';
/** The datastore azure-ai-ml uploads models and build contexts to unless `datastore:` names one. */
export const WORKSPACE_BLOB_STORE = 'workspaceblobstore';
/** Blob metadata that marks a finished upload (azure-ai-ml `UPLOAD_CONFIRMATION`). */
export const UPLOAD_CONFIRMATION = { upload_status: 'completed' } as const;

const md5 = (s: string): string => createHash('md5').update(s, 'utf8').digest('hex');
const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

/** Python `sep.join(s)`: the characters of s separated by sep. */
export function pyJoin(sep: string, s: string): string {
  return [...s].join(sep);
}

/** An anonymous model's name: SHA-256 of the object hash (current azure-ai-ml; 1.4.0 used MD5). */
export function anonymousModelName(objectHash: string): string {
  return sha256(objectHash);
}

/** The anonymous environment version of a build context: md5(hash), joined with md5(dockerfile path). */
export function buildContextEnvironmentVersion(objectHash: string, dockerfilePath?: string): string {
  let s = md5(objectHash);
  if (dockerfilePath) s = pyJoin(s, md5(dockerfilePath));
  return md5(s);
}

/** The datastore folder of an upload: `LocalUpload/<object hash>/<name>` (blob storage client `upload`). */
export function datastoreUploadPath(objectHash: string, name: string): string {
  return `${ARTIFACT_ORIGIN}/${objectHash}/${name}`;
}

/** Blob names of the files, under `prefix` (a folder's files go under `<prefix>/<rel>`; a file is the prefix itself). */
export function blobNames(prefix: string, kind: 'file' | 'dir', relPaths: readonly string[]): string[] {
  return kind === 'file' ? [prefix] : relPaths.map((r) => `${prefix}/${r}`);
}

/** `azureml://subscriptions/…/datastores/<ds>/paths/<path>` (azure-ai-ml LONG_URI_FORMAT). */
export function longDatastoreUri(ws: { subscriptionId: string; resourceGroup: string; workspaceName: string }, datastore: string, path: string): string {
  return `azureml://subscriptions/${ws.subscriptionId}/resourcegroups/${ws.resourceGroup}/workspaces/${ws.workspaceName}/datastores/${datastore}/paths/${path}`;
}

/**
 * The codeUri of code uploaded through startPendingUpload: the blob URI of the pending upload joined
 * with the folder name (a single file: the folder that holds it, with a trailing slash), as
 * `urljoin(blobUri, "<container>/<name>")` resolves it in azure-ai-ml.
 */
export function pendingUploadCodeUri(blobUri: string, kind: 'file' | 'dir', name: string): string {
  const base = blobUri.replace(/\/+$/, '');
  return kind === 'dir' ? `${base}/${name}` : `${base}/`;
}

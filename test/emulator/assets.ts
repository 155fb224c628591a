// Workspace assets (models, environments, codes: containers and versions), code and model startPendingUpload
// (contracts/machinelearningservices/2026-09-01/CodeVersions_CreateOrGetStartPendingUpload.json, the model form has the
// same shape) and the blob store uploads target (*.blob.core.windows.net: SAS, Shared Key or Entra token, storage-auth.ts).
import { createHash, randomUUID } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import type { ArmCall } from './arm-common.ts';
import { armError, parseArmBody } from './arm-common.ts';
import type { Ctx } from './context.ts';
import { header, json, queryGet } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';
import { assetVersionProperties } from './service-defaults.ts';
import type { AssetRec, World } from './state.ts';
import { authorizeBlob, storageError } from './storage-auth.ts';

type Kind = AssetRec['kind'];
const TYPE: Record<Kind, string> = { models: 'models', environments: 'environments', codes: 'codes' };

function assetKind(s: string | undefined): Kind | undefined {
  const l = (s ?? '').toLowerCase();
  return l === 'models' || l === 'environments' || l === 'codes' ? l : undefined;
}

function versionResource(a: AssetRec): Record<string, unknown> {
  return { id: a.id, name: a.version, type: `Microsoft.MachineLearningServices/workspaces/${TYPE[a.kind]}/versions`, properties: { ...assetVersionProperties(a.kind, a.properties), provisioningState: 'Succeeded' }, systemData: a.systemData };
}

function assetNotFound(kind: string, name: string, version?: string): EmuResponse {
  return armError(404, 'UserError', version ? `Could not find asset with ID: ${kind}/${name}/versions/${version}` : `Could not find asset with ID: ${kind}/${name}`, { details: [], innerError: { code: 'NotFoundError' } });
}

/** params: [sub, rg, ws, kind, name, version?] */
export function getAssetVersion(call: ArmCall): EmuResponse {
  const kind = assetKind(call.params[3]);
  const [, , , , name = '', version = ''] = call.params;
  const a = kind && call.ctx.world.assets.get(`${kind}/${name}/${version}`.toLowerCase());
  return a ? json(200, versionResource(a)) : assetNotFound(call.params[3] ?? '', name, version);
}

export function listAssetVersions(call: ArmCall): EmuResponse {
  const kind = assetKind(call.params[3]);
  const name = (call.params[4] ?? '').toLowerCase();
  // Code versions by content hash: "return CodeVersion assets with specified content hash value,
  // regardless of name" (CodeVersions_List `hash`/`hashVersion`, azure-rest-api-specs); azure-ai-ml
  // asks under the new code's random name and reuses what comes back.
  const hash = kind === 'codes' ? queryGet(call.req, 'hash') : undefined;
  const hashVersion = queryGet(call.req, 'hashVersion');
  const props = (a: AssetRec) => (a.properties['properties'] ?? {}) as Record<string, unknown>;
  const list = [...call.ctx.world.assets.values()].filter((a) =>
    a.kind === kind && (hash ? props(a)['hash_sha256'] === hash && (!hashVersion || String(props(a)['hash_version']) === hashVersion) : a.name.toLowerCase() === name),
  );
  return json(200, { value: list.map(versionResource) });
}

export function putAssetVersion(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const kind = assetKind(call.params[3]);
  if (!kind) return armError(404, 'InvalidResourceType', `Unknown asset type ${call.params[3] ?? ''}`);
  const [, , , , name = '', version = ''] = call.params;
  const parsed = parseArmBody(call.req);
  if (!parsed.ok) return parsed.res;
  const props = (parsed.body['properties'] ?? {}) as Record<string, unknown>;
  const key = `${kind}/${name}/${version}`.toLowerCase();
  const existing = w.assets.get(key);
  const stored = normaliseAssetVersion(kind, props);
  if (!stored.ok) return armError(400, 'UserError', stored.message, { details: [], innerError: { code: 'BadArgument' } });
  const rec: AssetRec = { kind, name, version, id: `${w.workspaceId}/${kind}/${name}/versions/${version}`, properties: stored.properties, systemData: existing?.systemData ?? w.systemData(call.principal.objectId) };
  w.assets.set(key, rec);
  // Recorded: a new version answers 201 with Location (the version itself), an existing one 200.
  return existing ? json(200, versionResource(rec)) : json(201, versionResource(rec), { Location: `${call.base}${call.req.path}?api-version=${call.apiVersion}` });
}

/**
 * What the service stores, as recorded (test/fixtures/recorded/ml-assets.json): a model's `modelUri` with the
 * `resourceGroups` segment capitalised; an environment's `condaFile` re-serialised as JSON text (two-space indent) and
 * `osType: Linux` added when absent.
 */
export function normaliseAssetVersion(kind: Kind, props: Record<string, unknown>): { ok: true; properties: Record<string, unknown> } | { ok: false; message: string } {
  const out = { ...props };
  if (kind === 'models' && typeof out['modelUri'] === 'string') out['modelUri'] = out['modelUri'].replace(/\/resourcegroups\//i, '/resourceGroups/');
  if (kind === 'environments') {
    if (typeof out['condaFile'] === 'string') {
      let conda: unknown;
      try {
        conda = parseYaml(out['condaFile']);
      } catch (e) {
        return { ok: false, message: `condaFile is not valid YAML: ${(e as Error).message}` };
      }
      out['condaFile'] = JSON.stringify(conda, null, 2);
    }
    out['osType'] ??= 'Linux';
  }
  return { ok: true, properties: out };
}

export function getAssetContainer(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const kind = assetKind(call.params[3]);
  const name = call.params[4] ?? '';
  const versions = [...w.assets.values()].filter((a) => a.kind === kind && a.name.toLowerCase() === name.toLowerCase());
  if (!kind || versions.length === 0) return assetNotFound(call.params[3] ?? '', name);
  return json(200, { id: `${w.workspaceId}/${kind}/${name}`, name, type: `Microsoft.MachineLearningServices/workspaces/${kind}`, properties: { isArchived: false, latestVersion: versions.at(-1)?.version, nextVersion: String(versions.length + 1) }, systemData: versions[0]?.systemData });
}

export function putAssetContainer(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const kind = assetKind(call.params[3]);
  const name = call.params[4] ?? '';
  return json(200, { id: `${w.workspaceId}/${kind ?? ''}/${name}`, name, type: `Microsoft.MachineLearningServices/workspaces/${kind ?? ''}`, properties: { isArchived: false }, systemData: w.systemData(call.principal.objectId) });
}

export function storageAccountName(w: World): string {
  return w.scenario.workspace.storageAccount.split('/').filter(Boolean).at(-1) ?? 'storage';
}

export function blobContainerName(w: World): string {
  return `azureml-blobstore-${createHash('sha1').update(w.workspaceId.toLowerCase()).digest('hex').slice(0, 32).replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5')}`;
}

/** POST .../{codes|models}/{name}/versions/{version}/startPendingUpload */
export function startPendingUpload(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const parsed = parseArmBody(call.req);
  if (!parsed.ok) return parsed.res;
  const uploadId = typeof parsed.body['pendingUploadId'] === 'string' ? parsed.body['pendingUploadId'] : randomUUID();
  const account = storageAccountName(w);
  const container = blobContainerName(w);
  const prefix = `LocalUpload/${uploadId}`;
  const expires = Math.floor(Date.now() / 1000) + 3600;
  const sig = createHash('sha256').update(`${account}/${container}/${prefix}/${expires}/${randomUUID()}`).digest('base64');
  w.sasGrants.push({ account, container, prefix, sig, expires });
  const blobUri = `https://${account}.blob.core.windows.net/${container}/${prefix}`;
  const se = new Date(expires * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return json(200, {
    blobReferenceForConsumption: {
      blobUri, storageAccountArmId: w.dependencyId(w.scenario.workspace.storageAccount, 'Microsoft.Storage/storageAccounts'),
      credential: { credentialType: 'SAS', sasUri: `${blobUri}?sv=2021-08-06&st=${encodeURIComponent(new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'))}&se=${encodeURIComponent(se)}&sr=c&sp=racwl&sig=${encodeURIComponent(sig)}` },
    },
    pendingUploadId: uploadId, pendingUploadType: 'TemporaryBlobReference',
  });
}

// ---- blob data plane ------------------------------------------------------------------------
/** User metadata of a Put Blob / Set Blob Metadata request (x-ms-meta-NAME headers). */
function metadataOf(req: EmuRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of Object.keys(req.headers)) if (k.toLowerCase().startsWith('x-ms-meta-')) out[k.toLowerCase().slice('x-ms-meta-'.length)] = header(req, k) ?? '';
  return out;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function handleBlob(ctx: Ctx, req: EmuRequest): EmuResponse {
  const w = ctx.world;
  const account = req.host.split('.')[0] ?? '';
  const segs = req.path.split('/').filter(Boolean);
  const container = segs[0] ?? '';
  const blobPath = segs.slice(1).join('/');
  const access = authorizeBlob(ctx, req, { account, container, blobPath, ownAccount: account === storageAccountName(w) });
  if (!access.ok) return access.res;
  if (container !== blobContainerName(w)) return storageError(404, 'ContainerNotFound', 'The specified container does not exist.');
  const key = `${account}/${container}/${blobPath}`;
  const comp = queryGet(req, 'comp');
  const ok = (status: number, extra: Record<string, string> = {}): EmuResponse => ({ status, headers: { 'x-ms-version': '2021-08-06', 'x-ms-request-server-encrypted': 'true', ...extra }, raw: '' });
  if (req.method === 'PUT' && comp === 'block') {
    const existing = w.blobs.get(key) ?? { data: Buffer.alloc(0), contentType: 'application/octet-stream', lastModified: new Date().toUTCString(), etag: '"0x0"', blocks: new Map<string, Buffer>() };
    existing.blocks ??= new Map();
    existing.blocks.set(queryGet(req, 'blockid') ?? '', req.body);
    if (!w.blobs.has(key)) existing.data = Buffer.alloc(0);
    w.blobs.set(key, existing);
    return ok(201);
  }
  if (req.method === 'PUT' && comp === 'blocklist') {
    const rec = w.blobs.get(key);
    const ids = [...req.body.toString('utf8').matchAll(/<(?:Latest|Committed|Uncommitted)>([^<]*)<\//g)].map((m) => m[1] ?? '');
    const parts = ids.map((id) => rec?.blocks?.get(id));
    if (parts.some((p) => !p)) return storageError(400, 'InvalidBlockList', 'The specified block list is invalid.');
    const etag = `"0x${Date.now().toString(16).toUpperCase()}"`;
    w.blobs.set(key, { data: Buffer.concat(parts as Buffer[]), contentType: header(req, 'x-ms-blob-content-type') ?? 'application/octet-stream', lastModified: new Date().toUTCString(), etag, metadata: metadataOf(req) });
    return ok(201, { ETag: etag, 'Last-Modified': new Date().toUTCString() });
  }
  if (req.method === 'PUT' && comp === 'metadata') {
    const rec = w.blobs.get(key);
    if (!rec) return storageError(404, 'BlobNotFound', 'The specified blob does not exist.');
    rec.metadata = metadataOf(req);
    rec.etag = `"0x${Date.now().toString(16).toUpperCase()}"`;
    return ok(200, { ETag: rec.etag, 'Last-Modified': rec.lastModified });
  }
  if (req.method === 'PUT') {
    if (header(req, 'x-ms-blob-type') !== 'BlockBlob') return storageError(400, 'MissingRequiredHeader', 'An HTTP header that\'s mandatory for this request is not specified.');
    const etag = `"0x${Date.now().toString(16).toUpperCase()}"`;
    w.blobs.set(key, { data: req.body, contentType: header(req, 'x-ms-blob-content-type') ?? header(req, 'content-type') ?? 'application/octet-stream', lastModified: new Date().toUTCString(), etag, metadata: metadataOf(req) });
    return ok(201, { ETag: etag, 'Last-Modified': new Date().toUTCString(), 'Content-MD5': createHash('md5').update(req.body).digest('base64') });
  }
  if (req.method === 'GET' && queryGet(req, 'restype') === 'container' && comp === 'list') {
    const prefix = queryGet(req, 'prefix') ?? '';
    const delimiter = queryGet(req, 'delimiter');
    const withMetadata = (queryGet(req, 'include') ?? '').split(',').includes('metadata');
    const names = [...w.blobs.keys()].filter((k) => k.startsWith(`${account}/${container}/${prefix}`)).map((k) => k.slice(account.length + container.length + 2)).sort();
    const prefixes = new Set<string>();
    const items: string[] = [];
    for (const n of names) {
      const cut = delimiter ? n.indexOf(delimiter, prefix.length) : -1;
      if (delimiter && cut >= 0) {
        prefixes.add(n.slice(0, cut + delimiter.length));
        continue;
      }
      const b = w.blobs.get(`${account}/${container}/${n}`);
      const meta = withMetadata ? `<Metadata>${Object.entries(b?.metadata ?? {}).map(([k, v]) => `<${k}>${xmlEscape(v)}</${k}>`).join('')}</Metadata>` : '';
      items.push(`<Blob><Name>${xmlEscape(n)}</Name><Properties><Last-Modified>${b?.lastModified ?? ''}</Last-Modified><Etag>${b?.etag ?? ''}</Etag><Content-Length>${b?.data.length ?? 0}</Content-Length><Content-Type>${b?.contentType ?? ''}</Content-Type><BlobType>BlockBlob</BlobType></Properties>${meta}</Blob>`);
    }
    for (const p of prefixes) items.push(`<BlobPrefix><Name>${xmlEscape(p)}</Name></BlobPrefix>`);
    const xml = `\uFEFF<?xml version="1.0" encoding="utf-8"?><EnumerationResults ServiceEndpoint="https://${req.host}/" ContainerName="${container}"><Prefix>${xmlEscape(prefix)}</Prefix>${delimiter ? `<Delimiter>${xmlEscape(delimiter)}</Delimiter>` : ''}<Blobs>${items.join('')}</Blobs><NextMarker /></EnumerationResults>`;
    return { status: 200, headers: { 'Content-Type': 'application/xml', 'x-ms-version': '2021-08-06' }, raw: xml };
  }
  if (req.method === 'GET' || req.method === 'HEAD') {
    const rec = w.blobs.get(key);
    if (!rec) return req.method === 'HEAD' ? { status: 404, headers: { 'x-ms-error-code': 'BlobNotFound' }, raw: '' } : storageError(404, 'BlobNotFound', 'The specified blob does not exist.');
    const h: Record<string, string> = { 'Content-Type': rec.contentType, 'Content-Length': String(rec.data.length), ETag: rec.etag, 'Last-Modified': rec.lastModified, 'x-ms-blob-type': 'BlockBlob', 'x-ms-version': '2021-08-06', 'x-ms-creation-time': rec.lastModified };
    for (const [k, v] of Object.entries(rec.metadata ?? {})) h[`x-ms-meta-${k}`] = v;
    return { status: 200, headers: h, raw: req.method === 'HEAD' ? '' : rec.data };
  }
  return storageError(405, 'UnsupportedHttpVerb', 'The resource doesn\'t support specified Http Verb.');
}

// Who may touch the workspace blob store: a SAS the emulator issued (startPendingUpload), a Shared Key signature with
// the account key (datastores listSecrets; https://learn.microsoft.com/rest/api/storageservices/authorize-with-shared-key),
// or an Entra token for storage checked against the blob data actions of the caller's role assignments
// (https://learn.microsoft.com/rest/api/storageservices/authorize-with-azure-active-directory: Storage Blob Data Reader /
// Contributor; 403 AuthorizationPermissionMismatch otherwise).
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { decide } from './arm-common.ts';
import type { Ctx } from './context.ts';
import { checkAccessToken } from './entra.ts';
import { header, queryGet, safeDecode } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';

export function storageError(status: number, code: string, message: string): EmuResponse {
  return {
    status, headers: { 'Content-Type': 'application/xml', 'x-ms-error-code': code, 'x-ms-version': '2021-08-06' },
    raw: `\uFEFF<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${message}\nRequestId:${randomUUID()}\nTime:${new Date().toISOString()}</Message></Error>`,
  };
}

const SIGNED_HEADERS = ['content-encoding', 'content-language', 'content-length', 'content-md5', 'content-type', 'date', 'if-modified-since', 'if-match', 'if-none-match', 'if-unmodified-since', 'range'];

/** The Shared Key string-to-sign of the Blob service (version 2009-09-19 and later). */
export function sharedKeyStringToSign(req: EmuRequest, account: string): string {
  const h = (name: string): string => {
    const v = header(req, name) ?? '';
    return name === 'content-length' && v === '0' ? '' : v;
  };
  const msHeaders = Object.keys(req.headers).map((k) => k.toLowerCase()).filter((k) => k.startsWith('x-ms-')).sort()
    .map((k) => `${k}:${(header(req, k) ?? '').replace(/\s+/g, ' ').trim()}\n`).join('');
  const params = new Map<string, string[]>();
  for (const part of req.rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = safeDecode(eq >= 0 ? part.slice(0, eq) : part).toLowerCase();
    params.set(k, [...(params.get(k) ?? []), safeDecode(eq >= 0 ? part.slice(eq + 1) : '')]);
  }
  const query = [...params.keys()].sort().map((k) => `\n${k}:${(params.get(k) ?? []).sort().join(',')}`).join('');
  return `${req.method}\n${SIGNED_HEADERS.map((n) => `${h(n)}\n`).join('')}${msHeaders}/${account}${req.rawPath ?? req.path}${query}`;
}

function sharedKeyValid(req: EmuRequest, account: string, key: string, signature: string): boolean {
  const expected = createHmac('sha256', Buffer.from(key, 'base64')).update(sharedKeyStringToSign(req, account), 'utf8').digest();
  const got = Buffer.from(signature, 'base64');
  return got.length === expected.length && timingSafeEqual(got, expected);
}

const BLOBS = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs';

/** The blob data action a request needs (list = read). */
function dataAction(req: EmuRequest): string {
  if (req.method === 'GET' || req.method === 'HEAD') return `${BLOBS}/read`;
  if (req.method === 'DELETE') return `${BLOBS}/delete`;
  return `${BLOBS}/write`;
}

export type BlobAccess = { ok: true; via: 'sas' | 'sharedKey' | 'bearer' } | { ok: false; res: EmuResponse };

const AUTH_FAILED = 'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.';

/** Authorizes a request on `account/container/blobPath` (blobPath '' = the container); `ownAccount`: the workspace storage. */
export function authorizeBlob(ctx: Ctx, req: EmuRequest, target: { account: string; container: string; blobPath: string; ownAccount: boolean }): BlobAccess {
  const w = ctx.world;
  const { account, container, blobPath, ownAccount } = target;
  const sig = queryGet(req, 'sig');
  if (sig !== undefined) {
    const grant = w.sasGrants.find((g) => g.sig === sig && g.account === account && g.container === container && (blobPath === '' || blobPath.startsWith(g.prefix)));
    if (!grant) return { ok: false, res: storageError(403, 'AuthenticationFailed', AUTH_FAILED) };
    if (grant.expires < Math.floor(Date.now() / 1000)) return { ok: false, res: storageError(403, 'AuthenticationFailed', 'Signed expiry time must be after signed start time') };
    return { ok: true, via: 'sas' };
  }
  const auth = header(req, 'authorization') ?? '';
  const sk = /^SharedKey\s+([^:]+):(.+)$/i.exec(auth.trim());
  if (sk) {
    if (!w.knobs.storage.allowSharedKeyAccess) return { ok: false, res: storageError(403, 'KeyBasedAuthenticationNotPermitted', 'Key based authentication is not permitted on this storage account.') };
    if (!ownAccount || sk[1] !== account || !sharedKeyValid(req, account, w.storageAccountKey, sk[2] ?? '')) {
      return { ok: false, res: storageError(403, 'AuthenticationFailed', `${AUTH_FAILED}\nThe MAC signature found in the HTTP request '${sk[2] ?? ''}' is not the same as any computed signature.`) };
    }
    return { ok: true, via: 'sharedKey' };
  }
  const bearer = /^Bearer\s+(.+)$/i.exec(auth.trim());
  if (bearer) {
    const check = checkAccessToken(ctx, bearer[1] ?? '', ['https://storage.azure.com', `https://${account}.blob.core.windows.net`]);
    if (!check.ok) return { ok: false, res: storageError(401, 'InvalidAuthenticationInfo', 'Server failed to authenticate the request. Please refer to the information in the www-authenticate header.') };
    const scope = `${w.dependencyId(w.scenario.workspace.storageAccount, 'Microsoft.Storage/storageAccounts')}/blobServices/default/containers/${container}`;
    if (!ownAccount || !decide(ctx, check.principal.objectId, dataAction(req), scope, true).allowed) {
      return { ok: false, res: storageError(403, 'AuthorizationPermissionMismatch', 'This request is not authorized to perform this operation using this permission.') };
    }
    return { ok: true, via: 'bearer' };
  }
  // Anonymous access is disallowed on workspace storage (assumed); such an account refuses anonymous requests with 409
  // (https://learn.microsoft.com/azure/storage/blobs/anonymous-read-access-prevent).
  return { ok: false, res: storageError(409, 'PublicAccessNotPermitted', 'Public access is not permitted on this storage account.') };
}

// Key Vault: ARM vault GET (contracts/keyvault-arm/2025-05-01/Vaults_Get.json) and the secrets data
// plane (contracts/keyvault-dataplane/*): challenge auth, GetSecret, GetSecretVersions with paging,
// RBAC (ForbiddenByRbac) and access-policy (AccessDenied) authorization, disabled versions.
import type { ArmCall } from './arm-common.ts';
import { cloudOfArmBase } from './clouds.ts';
import type { Cloud } from './clouds.ts';
import { decide, notFound } from './arm-common.ts';
import type { Ctx } from './context.ts';
import { checkAccessToken } from './entra.ts';
import { bearerToken, json, nowSeconds, queryGet } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';
import type { ScenarioSecretVersion, ScenarioVault } from './scenario.ts';
import type { PrincipalRec } from './state.ts';

export const VAULT_SUFFIXES: { suffix: string; resource: string; login: string }[] = [
  { suffix: '.vault.azure.net', resource: 'https://vault.azure.net', login: 'https://login.windows.net' },
  { suffix: '.vault.usgovcloudapi.net', resource: 'https://vault.usgovcloudapi.net', login: 'https://login.microsoftonline.us' },
  { suffix: '.vault.azure.cn', resource: 'https://vault.azure.cn', login: 'https://login.chinacloudapi.cn' },
];

export function vaultHostInfo(host: string): { vaultName: string; resource: string; login: string } | undefined {
  for (const s of VAULT_SUFFIXES) if (host.endsWith(s.suffix)) return { vaultName: host.slice(0, -s.suffix.length), resource: s.resource, login: s.login };
  return undefined;
}

/** The vault's data-plane URI in the cloud whose ARM host was asked (trailing slash as the service writes it). */
export function vaultUri(v: ScenarioVault, cloud: Cloud): string {
  return `https://${v.name}${cloud.vaultSuffix}/`;
}

// ---- ARM ------------------------------------------------------------------------------------
export function getVault(call: ArmCall): EmuResponse {
  const w = call.ctx.world;
  const [, rg = '', name = ''] = call.params;
  const v = w.vaults.get(name.toLowerCase());
  if (!v || v.resourceGroup.toLowerCase() !== rg.toLowerCase()) return notFound('Microsoft.KeyVault/vaults', name, rg);
  const rbac = v.permissionModel === 'rbac';
  return json(200, {
    id: w.vaultId(v), name: v.name, type: 'Microsoft.KeyVault/vaults', location: v.location, tags: {},
    systemData: { createdBy: 'admin@contoso.com', createdByType: 'User', createdAt: '2026-01-01T00:00:00.0000000Z', lastModifiedBy: 'admin@contoso.com', lastModifiedByType: 'User', lastModifiedAt: '2026-01-01T00:00:00.0000000Z' },
    properties: {
      sku: { family: 'A', name: 'standard' }, tenantId: w.scenario.tenantId,
      accessPolicies: rbac ? [] : v.accessPolicies.map((p) => ({
        tenantId: w.scenario.tenantId, objectId: w.findPrincipal(p.principal)?.objectId ?? p.principal,
        permissions: { keys: [], secrets: p.secrets, certificates: [] },
      })),
      enabledForDeployment: false, enabledForDiskEncryption: false, enabledForTemplateDeployment: false,
      enableSoftDelete: true, softDeleteRetentionInDays: 90, enableRbacAuthorization: rbac,
      vaultUri: vaultUri(v, cloudOfArmBase(call.base)), provisioningState: 'Succeeded', publicNetworkAccess: 'Enabled',
    },
  });
}

// ---- data plane -----------------------------------------------------------------------------
function kvError(status: number, code: string, message: string, inner?: string, headers: Record<string, string> = {}): EmuResponse {
  return json(status, { error: inner ? { code, message, innererror: { code: inner } } : { code, message } }, headers);
}

export type SecretRead =
  | { ok: true; version: ScenarioSecretVersion; secretName: string; vault: ScenarioVault }
  | { ok: false; status: number; code: string; inner?: string; message: string };

/** The authorization a data-plane read needs, checked the way the vault's permission model does. */
export function authorizeSecretOp(ctx: Ctx, principal: PrincipalRec, vault: ScenarioVault, secretName: string, op: 'get' | 'list'): SecretRead | undefined {
  const w = ctx.world;
  if (vault.permissionModel === 'rbac') {
    const action = op === 'get' ? 'Microsoft.KeyVault/vaults/secrets/getSecret/action' : 'Microsoft.KeyVault/vaults/secrets/readMetadata/action';
    const resource = `${w.vaultId(vault)}/secrets/${secretName}`;
    if (decide(ctx, principal.objectId, action, resource, true).allowed) return undefined;
    const tid = w.scenario.tenantId;
    return {
      ok: false, status: 403, code: 'Forbidden', inner: 'ForbiddenByRbac',
      message: `Caller is not authorized to perform action on resource.\r\nIf role assignments, deny assignments or role definitions were changed recently, please observe propagation time.\r\nCaller: appid=${principal.clientId ?? ''};oid=${principal.objectId};iss=https://sts.windows.net/${tid}/\r\nAction: '${action}'\r\nResource: '${resource.toLowerCase()}'\r\nAssignment: (not found)\r\nDenyAssignmentId: null\r\nDecisionReason: 'DeniedWithNoValidRBAC' \r\nVault: ${vault.name};location=${vault.location}\r\n`,
    };
  }
  const ids = new Set(w.principalAndGroups(principal.objectId));
  const allowed = vault.accessPolicies.some((p) => {
    const pid = w.findPrincipal(p.principal)?.objectId ?? p.principal.toLowerCase();
    return ids.has(pid) && (p.secrets.includes(op) || p.secrets.includes('all'));
  });
  if (allowed) return undefined;
  return {
    ok: false, status: 403, code: 'Forbidden', inner: 'AccessDenied',
    message: `The user, group or application 'appid=${principal.clientId ?? ''};oid=${principal.objectId};iss=https://sts.windows.net/${w.scenario.tenantId}/' does not have secrets ${op} permission on key vault '${vault.name};location=${vault.location}'. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125287`,
  };
}

/** GET secret as `principal` — shared by the data plane and the secret-injection resolver. */
export function readSecret(ctx: Ctx, principal: PrincipalRec, vault: ScenarioVault, secretName: string, version: string | undefined): SecretRead {
  const denied = authorizeSecretOp(ctx, principal, vault, secretName, 'get');
  if (denied) return denied;
  const secret = vault.secrets.find((s) => s.name.toLowerCase() === secretName.toLowerCase());
  const ver = version ? secret?.versions.find((v) => v.version.toLowerCase() === version.toLowerCase()) : secret?.versions.at(-1);
  if (!secret || !ver) {
    const id = version ? `${secretName}/${version}` : secretName;
    return { ok: false, status: 404, code: 'SecretNotFound', message: `A secret with (name/id) ${id} was not found in this key vault. If you recently deleted this secret you may be able to recover it using the correct recovery command. For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182` };
  }
  // Real shape: Azure/azure-sdk-for-js#24756 ("Operation get is not allowed on a disabled secret.", innerError SecretDisabled).
  if (!ver.enabled) return { ok: false, status: 403, code: 'Forbidden', inner: 'SecretDisabled', message: 'Operation get is not allowed on a disabled secret.' };
  // exp/nbf are informational on the real service (Azure/AzureKeyVault#19: an expired secret still returns 200);
  // the knob keyVault.enforceValidityPeriod makes the emulator strict for tests that want it.
  if (ctx.world.knobs.keyVault.enforceValidityPeriod) {
    const now = nowSeconds();
    if (ver.exp !== undefined && now >= ver.exp) return { ok: false, status: 403, code: 'Forbidden', inner: 'SecretExpired', message: 'Operation get is not allowed on an expired secret.' };
    if (ver.nbf !== undefined && now < ver.nbf) return { ok: false, status: 403, code: 'Forbidden', inner: 'SecretNotYetValid', message: 'Operation get is not allowed on a secret that is not yet valid.' };
  }
  return { ok: true, version: ver, secretName: secret.name, vault };
}

function attributes(v: ScenarioSecretVersion): Record<string, unknown> {
  const a: Record<string, unknown> = { enabled: v.enabled };
  if (v.nbf !== undefined) a['nbf'] = v.nbf;
  if (v.exp !== undefined) a['exp'] = v.exp;
  a['created'] = v.created;
  a['updated'] = v.created;
  a['recoveryLevel'] = 'Recoverable+Purgeable';
  a['recoverableDays'] = 90;
  return a;
}

const API_VERSION = /^(\d+\.\d+(-preview(\.\d+)?)?|\d{4}-\d{2}-\d{2}(-preview)?)$/;

export function handleKeyVault(ctx: Ctx, req: EmuRequest): EmuResponse {
  const info = vaultHostInfo(req.host);
  const w = ctx.world;
  if (!info) return kvError(404, 'NotFound', 'Unknown host');
  const vault = w.vaults.get(info.vaultName);
  const challenge = { 'WWW-Authenticate': `Bearer authorization="${info.login}/${w.scenario.tenantId}", resource="${info.resource}"` };
  const apiVersion = queryGet(req, 'api-version');
  if (!apiVersion) return kvError(400, 'BadParameter', 'The api-version query parameter is missing.');
  if (!API_VERSION.test(apiVersion)) return kvError(400, 'BadParameter', `The specified version (${apiVersion}) is not recognized. Consider using the latest supported version (2025-07-01).`);
  const token = bearerToken(req);
  if (!token) return kvError(401, 'Unauthorized', 'AKV10000: Request is missing a Bearer or PoP token.', undefined, challenge);
  const check = checkAccessToken(ctx, token, [info.resource]);
  if (!check.ok) {
    const msg = check.reason === 'expired' ? 'AKV10032: Token expired.' : check.reason === 'audience' ? `AKV10022: Invalid audience. Expected ${info.resource}, found: ${check.detail}.` : 'AKV10017: The token is invalid.';
    return kvError(401, 'Unauthorized', msg, undefined, challenge);
  }
  if (!vault) return kvError(404, 'VaultNotFound', `Vault ${info.vaultName} not found.`);
  const segs = req.path.split('/').filter(Boolean);
  if (segs[0]?.toLowerCase() !== 'secrets' || req.method !== 'GET') return kvError(405, 'BadParameter', `The operation ${req.method} ${req.path} is not supported by the emulator.`);
  const base = `https://${req.host}`;
  if (segs.length === 1) {
    const denied = authorizeSecretOp(ctx, check.principal, vault, '', 'list');
    if (denied && !denied.ok) return kvError(denied.status, denied.code, denied.message, denied.inner);
    return json(200, { value: vault.secrets.map((s) => { const cur = s.versions.at(-1); return { id: `${base}/secrets/${s.name}`, attributes: cur ? attributes(cur) : {}, ...(cur?.contentType ? { contentType: cur.contentType } : {}) }; }), nextLink: null });
  }
  const name = segs[1] ?? '';
  if (segs.length === 3 && segs[2]?.toLowerCase() === 'versions') {
    const denied = authorizeSecretOp(ctx, check.principal, vault, name, 'list');
    if (denied && !denied.ok) return kvError(denied.status, denied.code, denied.message, denied.inner);
    const secret = vault.secrets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    // Recorded (azure-sdk-for-js keyvault-secrets "can list secret versions (non existing)"): a secret that does not
    // exist has an empty version list, 200 {"value":[],"nextLink":null}, not a 404.
    if (!secret) return json(200, { value: [], nextLink: null });
    const max = Math.max(1, Math.min(25, Number(queryGet(req, 'maxresults') ?? w.knobs.keyVault.pageSize) || 25));
    const skip = Number(Buffer.from(queryGet(req, '$skiptoken') ?? '', 'base64url').toString('utf8') || '0') || 0;
    const page = secret.versions.slice(skip, skip + max);
    const next = skip + max < secret.versions.length
      ? `${base}:443/secrets/${secret.name}/versions?api-version=${apiVersion}&$skiptoken=${Buffer.from(String(skip + max)).toString('base64url')}&maxresults=${max}`
      : null;
    return json(200, { value: page.map((v) => ({ id: `${base}/secrets/${secret.name}/${v.version}`, attributes: attributes(v), ...(v.contentType ? { contentType: v.contentType } : {}), tags: {} })), nextLink: next });
  }
  if (segs.length === 2 || segs.length === 3) {
    const r = readSecret(ctx, check.principal, vault, name, segs[2]);
    if (!r.ok) return kvError(r.status, r.code, r.message, r.inner);
    return json(200, { value: r.version.value, id: `${base}/secrets/${r.secretName}/${r.version.version}`, ...(r.version.contentType ? { contentType: r.version.contentType } : {}), attributes: attributes(r.version), tags: {} });
  }
  return kvError(400, 'BadParameter', `Unsupported path ${req.path}`);
}

// Entra ID (login.microsoftonline.com and the sovereign equivalents): client credentials with a
// federated client assertion. Error bodies: contracts/entra-id/fixtures/Token_v2.0_*.json.
import { randomUUID } from 'node:crypto';
import type { Ctx } from './context.ts';
import { json, nowSeconds } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';
import { decodeJwt, jwks, signJwt, verifyJwtSignature } from './jwt.ts';
import type { PrincipalRec } from './state.ts';

export const LOGIN_HOSTS = ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net', 'login.microsoftonline.us', 'login.chinacloudapi.cn', 'login.partner.microsoftonline.cn'];

/** Resources tokens can be issued for (scope = resource + "/.default"). */
const KNOWN_RESOURCES = [
  'https://management.azure.com', 'https://management.core.windows.net', 'https://management.usgovcloudapi.net', 'https://management.core.usgovcloudapi.net',
  'https://management.chinacloudapi.cn', 'https://management.core.chinacloudapi.cn', 'https://vault.azure.net', 'https://vault.usgovcloudapi.net', 'https://vault.azure.cn',
  'https://ml.azure.com', 'https://storage.azure.com', 'https://graph.microsoft.com',
];

function aadError(status: number, error: string, code: number, description: string): EmuResponse {
  const ts = new Date().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const trace = randomUUID();
  const corr = randomUUID();
  return json(status, {
    error,
    error_description: `AADSTS${code}: ${description} Trace ID: ${trace} Correlation ID: ${corr} Timestamp: ${ts}`,
    error_codes: [code], timestamp: ts, trace_id: trace, correlation_id: corr, error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });
}

const isoTicks = (s: number): string => new Date(s * 1000).toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');

function noMatchingFic(ctx: Ctx, which: 'issuer' | 'subject' | 'audience', iss: string, sub: string, aud: string): EmuResponse {
  if (ctx.world.knobs.entra.legacyNoMatchingFicError) {
    return aadError(400, 'invalid_request', 70021, `No matching federated identity record found for presented assertion. Assertion Issuer: '${iss}'. Assertion Subject: '${sub}'. Assertion Audience: '${aud}'. https://docs.microsoft.com/en-us/azure/active-directory/develop/workload-identity-federation`);
  }
  const code = which === 'issuer' ? 700211 : which === 'audience' ? 700212 : 700213;
  const presented = which === 'issuer' ? iss : which === 'audience' ? aud : sub;
  return aadError(401, 'invalid_client', code, `No matching federated identity record found for presented assertion ${which} '${presented}'. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. https://learn.microsoft.com/entra/workload-id/workload-identity-federation`);
}

function tokenRequest(ctx: Ctx, tenant: string, form: URLSearchParams): EmuResponse {
  const world = ctx.world;
  if (tenant.toLowerCase() !== world.scenario.tenantId) {
    return aadError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`);
  }
  const grant = form.get('grant_type');
  if (grant !== 'client_credentials') return aadError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant ?? ''}'.`);
  const clientId = (form.get('client_id') ?? '').toLowerCase();
  const app = world.principalByClientId(clientId);
  if (!app || world.principals.get(app.objectId)?.origin !== 'scenario') {
    return aadError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`);
  }
  const scope = form.get('scope') ?? '';
  const resource = scope.split(' ').find((s) => s.endsWith('/.default'))?.replace(/\/\.default$/, '').replace(/\/+$/, '');
  if (!resource) return aadError(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`);
  if (!KNOWN_RESOURCES.includes(resource.toLowerCase())) {
    return aadError(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`);
  }
  if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer' || !form.get('client_assertion')) {
    return aadError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }
  const decoded = decodeJwt(form.get('client_assertion') ?? '');
  if (!decoded) return aadError(401, 'invalid_client', 50027, 'JWT token is invalid or malformed.');
  const iss = String(decoded.claims['iss'] ?? '');
  const sub = String(decoded.claims['sub'] ?? '');
  const audClaim = decoded.claims['aud'];
  const auds = Array.isArray(audClaim) ? audClaim.map(String) : [String(audClaim ?? '')];
  const fics = app.federatedCredentials;
  // Entra looks the FIC up by issuer first, then compares subject (exact, case-sensitive), then audience.
  const byIssuer = fics.filter((f) => f.issuer === iss);
  if (byIssuer.length === 0) return noMatchingFic(ctx, 'issuer', iss, sub, auds.join(','));
  // The only issuer we can fetch keys for is our own GitHub OIDC; anything it did not sign is rejected.
  if (!verifyJwtSignature(decoded, [ctx.githubKey])) return aadError(401, 'invalid_client', 50013, 'Assertion failed signature validation.');
  const now = nowSeconds();
  const skew = ctx.world.knobs.entra.clockSkewSeconds;
  const nbf = Number(decoded.claims['nbf'] ?? decoded.claims['iat'] ?? 0);
  const exp = Number(decoded.claims['exp'] ?? 0);
  if (now + skew < nbf || now - skew >= exp) {
    return aadError(401, 'invalid_client', 700024, `Client assertion is not within its valid time range. Current time: ${isoTicks(now)}, assertion valid from ${isoTicks(nbf)}, expiry time of assertion ${isoTicks(exp)}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`);
  }
  const bySubject = byIssuer.filter((f) => f.subject === sub);
  if (bySubject.length === 0 && !ctx.world.knobs.entra.legacyNoMatchingFicError && byIssuer.some((f) => f.subject.toLowerCase() === sub.toLowerCase())) {
    // Case-sensitive matching since 2024 (Azure/login#515, #517: the error text as Entra sends it).
    return aadError(401, 'invalid_client', 7002138, `No matching federated identity record found for presented assertion subject '${sub}'. The subject matches with case-insensitive comparison, but not with case-sensitive comparison. Check your federated identity credential Subject, Audience and Issuer against the presented assertion. See documentation at: https://learn.microsoft.com/entra/workload-id/workload-identity-federation. See breaking change notification and remediation at: https://learn.microsoft.com/en-us/entra/identity-platform/reference-breaking-changes#august-2024.`);
  }
  if (bySubject.length === 0) return noMatchingFic(ctx, 'subject', iss, sub, auds.join(','));
  if (!bySubject.some((f) => f.audiences.some((a) => auds.includes(a)))) return noMatchingFic(ctx, 'audience', iss, sub, auds.join(','));
  const lifetime = world.knobs.tokens.accessTokenLifetimeSeconds;
  return json(200, { token_type: 'Bearer', expires_in: lifetime, ext_expires_in: lifetime, access_token: issueAccessToken(ctx, app, resource, lifetime) });
}

export function issueAccessToken(ctx: Ctx, principal: PrincipalRec, resource: string, lifetime: number): string {
  const now = nowSeconds();
  const tid = ctx.world.scenario.tenantId;
  return signJwt(ctx.entraKey, {
    aud: resource, iss: `https://sts.windows.net/${tid}/`, iat: now, nbf: now, exp: now + lifetime,
    aio: randomUUID(), appid: principal.clientId, appidacr: '2', idp: `https://sts.windows.net/${tid}/`, idtyp: 'app',
    oid: principal.objectId, rh: '0.emulator', sub: principal.objectId, tid, uti: randomUUID().replace(/-/g, ''), ver: '1.0', xms_tcdt: 1600000000,
  });
}

export type TokenCheck =
  | { ok: true; principal: PrincipalRec; claims: Record<string, unknown> }
  | { ok: false; reason: 'missing' | 'invalid' | 'expired' | 'audience'; detail: string };

/** Validates a bearer access token we issued, for one of the allowed resources. */
export function checkAccessToken(ctx: Ctx, token: string | undefined, allowedResources: string[]): TokenCheck {
  if (!token) return { ok: false, reason: 'missing', detail: '' };
  const decoded = decodeJwt(token);
  if (!decoded || !verifyJwtSignature(decoded, [ctx.entraKey])) return { ok: false, reason: 'invalid', detail: 'signature' };
  const c = decoded.claims;
  const exp = Number(c['exp'] ?? 0);
  if (nowSeconds() >= exp) return { ok: false, reason: 'expired', detail: new Date(exp * 1000).toISOString() };
  const aud = String(c['aud'] ?? '').replace(/\/+$/, '').toLowerCase();
  if (!allowedResources.some((r) => r.toLowerCase() === aud)) return { ok: false, reason: 'audience', detail: String(c['aud'] ?? '') };
  const principal = ctx.world.principals.get(String(c['oid'] ?? '').toLowerCase());
  if (!principal || c['tid'] !== ctx.world.scenario.tenantId) return { ok: false, reason: 'invalid', detail: 'principal' };
  return { ok: true, principal, claims: c };
}

export async function handleEntra(ctx: Ctx, req: EmuRequest): Promise<EmuResponse> {
  const host = req.host;
  const segs = req.path.split('/').filter(Boolean);
  const tenant = segs[0] ?? '';
  if (req.method === 'POST' && segs.length === 4 && segs[1] === 'oauth2' && segs[2] === 'v2.0' && segs[3] === 'token') {
    return tokenRequest(ctx, tenant, new URLSearchParams(req.body.toString('utf8')));
  }
  if (req.method === 'GET' && segs[0] === 'common' && segs[1] === 'discovery' && segs[2] === 'instance') {
    // MSAL instance discovery (sent only when authority metadata is not hard-coded).
    return json(200, {
      tenant_discovery_endpoint: `https://${host}/common/v2.0/.well-known/openid-configuration`, 'api-version': '1.1',
      metadata: [
        { preferred_network: 'login.microsoftonline.com', preferred_cache: 'login.windows.net', aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'] },
        { preferred_network: 'login.microsoftonline.us', preferred_cache: 'login.microsoftonline.us', aliases: ['login.microsoftonline.us', 'login.usgovcloudapi.net'] },
        { preferred_network: 'login.chinacloudapi.cn', preferred_cache: 'login.partner.microsoftonline.cn', aliases: ['login.partner.microsoftonline.cn', 'login.chinacloudapi.cn'] },
      ],
    });
  }
  if (req.method === 'GET' && segs[1] === 'v2.0' && segs[2] === '.well-known' && segs[3] === 'openid-configuration') {
    // contracts/entra-id/fixtures/OpenIdConfiguration_v2.0.json with host and tenant substituted
    const base = `https://${host}/${tenant}`;
    return json(200, {
      token_endpoint: `${base}/oauth2/v2.0/token`, authorization_endpoint: `${base}/oauth2/v2.0/authorize`, end_session_endpoint: `${base}/oauth2/v2.0/logout`,
      issuer: `https://${host}/${tenant}/v2.0`, jwks_uri: `${base}/discovery/v2.0/keys`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'], scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    });
  }
  if (req.method === 'GET' && segs[1] === 'discovery' && segs.at(-1) === 'keys') return json(200, jwks([ctx.entraKey]));
  return aadError(404, 'invalid_request', 900561, `The endpoint only accepts POST requests. Received a ${req.method} request.`);
}

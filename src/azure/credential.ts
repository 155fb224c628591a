// Sign-in: which credential the action uses, and failures explained so a user can fix them
// (docs/sign-in.md). With GitHub OIDC, a client-assertion credential presents a GitHub ID token
// each time Entra exchanges one: the GitHub token lives minutes, a deployment may take longer, and
// a token kept too long would meet AADSTS700024 half-way through — so a token is reused only while
// enough of its lifetime is left (MSAL asks for the assertion several times per exchange), and a
// new one is asked for otherwise. GitHub's throttling, 5xx and resets are retried with back-off
// (Retry-After honoured), and every failure says what actually happened.
import * as core from '@actions/core';
import { HttpClient } from '@actions/http-client';
import { BearerCredentialHandler } from '@actions/http-client/lib/auth';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { AzureCliCredential, ChainedTokenCredential, ClientAssertionCredential, EnvironmentCredential } from '@azure/identity';
import type { Cloud } from './clouds.ts';
import { retrying, systemClock, type Clock } from './retry.ts';

export type SignInMethod = 'github-oidc' | 'environment-or-cli';

export interface ChosenCredential {
  method: SignInMethod;
  credential: TokenCredential;
  /** Claims of the GitHub ID token (never the token), for the log and for error messages. */
  idTokenClaims?: IdTokenClaims;
}

export interface IdTokenClaims {
  iss?: string;
  sub?: string;
  aud?: string | string[];
}

export interface SignInSettings {
  tenantId?: string;
  clientId?: string;
  cloud: Cloud;
  audience: string;
}

/** A sign-in that cannot go on, with what to change. Thrown to the failure funnel. */
export class SignInError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignInError';
  }
}

/** Why the job has no OIDC token, naming the variable(s) that are actually missing. */
export function noOidcReason(env: NodeJS.ProcessEnv): string {
  const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter((name) => !env[name]);
  return (
    `GitHub gave this job no OIDC token (${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set). Add \`permissions: id-token: write\` to the job ` +
    '(and keep `contents: read`). Pull requests from forks never get an OIDC token: run `mode: lint` there, which needs no Azure access.'
  );
}

export function oidcAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}

/** A failed GitHub ID-token request: the HTTP status (0 for a network error) and the Retry-After it sent. */
export class GithubOidcError extends Error {
  readonly status: number;
  readonly retryAfterMs?: number;
  constructor(message: string, status: number, retryAfterMs?: number) {
    super(message);
    this.name = 'GithubOidcError';
    this.status = status;
    this.retryAfterMs = retryAfterMs;
  }
}

/** Throttling, a server error, a timeout or a dropped connection: asked again. A 401/403/404 is final. */
function oidcRetryable(error: unknown): boolean {
  return error instanceof GithubOidcError && (error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500);
}

/** How long sign-in keeps asking GitHub for a token while it throttles or fails. */
export const OIDC_RETRY_BUDGET_MS = 60_000;

export interface IdTokenSourceOptions {
  clock?: Clock;
  budgetMs?: number;
  /** One GET of the token URL (tests); the default sends it through @actions/http-client (proxy aware). */
  get?: (url: string, bearer: string) => Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>;
  log?: (line: string) => void;
}

async function httpGet(url: string, bearer: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const client = new HttpClient('azureml-online-deploy', [new BearerCredentialHandler(bearer)], { allowRetries: false, socketTimeout: 30_000 });
  const res = await client.get(url, { accept: 'application/json' });
  return { status: res.message.statusCode ?? 0, headers: res.message.headers, body: await res.readBody() };
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | undefined {
  const v = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/**
 * GitHub ID tokens for one audience, as Entra asks for assertions: reused while more than a minute
 * of the token's lifetime is left (half of it, for a token that lives less than two minutes),
 * measured on this machine's clock from when it arrived (never against `exp`, so a skewed runner
 * clock does not matter).
 */
export function idTokenSource(audience: string, env: NodeJS.ProcessEnv = process.env, options: IdTokenSourceOptions = {}): () => Promise<string> {
  const clock = options.clock ?? systemClock;
  const get = options.get ?? httpGet;
  let cached: { token: string; fetchedAt: number; lifetimeMs: number } | undefined;
  let pending: Promise<string> | undefined;
  const fetchOne = async (): Promise<string> => {
    const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''}&audience=${encodeURIComponent(audience)}`;
    const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
    const attempts = { n: 0 };
    const token = await retrying('GitHub OIDC token request', { deadline: clock.now() + (options.budgetMs ?? OIDC_RETRY_BUDGET_MS), retryable: oidcRetryable, retryAfterMs: (e) => (e as GithubOidcError).retryAfterMs, log: options.log ?? ((l) => core.info(l)), maxAttempts: 8, clock }, async () => {
      attempts.n += 1;
      let res;
      try {
        res = await get(url, bearer);
      } catch (error) {
        const code = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
        throw new GithubOidcError(`the connection to GitHub's OIDC token endpoint failed (${code})`, 0);
      }
      if (res.status < 200 || res.status > 299) {
        const ra = header(res.headers, 'retry-after');
        const seconds = ra !== undefined ? Number(ra) : NaN;
        const retryAfterMs = Number.isFinite(seconds) ? seconds * 1000 : ra && Number.isFinite(Date.parse(ra)) ? Math.max(0, Date.parse(ra) - Date.now()) : undefined;
        throw new GithubOidcError(`GitHub's OIDC token endpoint answered HTTP ${res.status}${res.body ? `: ${firstLine(res.body).slice(0, 200)}` : ''}`, res.status, retryAfterMs);
      }
      let value: unknown;
      try {
        value = (JSON.parse(res.body) as { value?: unknown }).value;
      } catch {
        value = undefined;
      }
      if (typeof value !== 'string' || !value) throw new GithubOidcError("GitHub's OIDC token endpoint answered without a token (no `value` in its JSON)", res.status);
      return value;
    }).catch((error: unknown) => {
      if (error instanceof GithubOidcError) {
        const tries = attempts.n > 1 ? ` (after ${attempts.n} attempts)` : '';
        const why = error.status === 401 || error.status === 403
          ? ' The job\'s ACTIONS_ID_TOKEN_REQUEST_TOKEN was not accepted: it belongs to another job or has expired; do not pass it between jobs.'
          : oidcRetryable(error) ? ' GitHub throttled or failed the request; run the job again later.' : '';
        throw new SignInError(`Could not get a GitHub OIDC token for audience '${audience}': ${error.message}${tries}.${why}`);
      }
      throw error;
    });
    core.setSecret(token);
    const claims = decodeJwtClaims(token) as { iat?: unknown; exp?: unknown } | undefined;
    const lifetimeMs = typeof claims?.exp === 'number' && typeof claims.iat === 'number' ? Math.max(0, (claims.exp - claims.iat) * 1000) : 0;
    cached = { token, fetchedAt: clock.now(), lifetimeMs };
    return token;
  };
  return async () => {
    if (cached) {
      const left = cached.lifetimeMs - (clock.now() - cached.fetchedAt);
      if (left >= Math.min(60_000, cached.lifetimeMs / 2)) return cached.token;
    }
    // Concurrent asks (two scopes at once) share one request.
    pending ??= fetchOne().finally(() => (pending = undefined));
    return pending;
  };
}

/** GitHub OIDC when the job has it and the app is named; the environment / Azure CLI chain otherwise. */
export async function chooseCredential(settings: SignInSettings, env: NodeJS.ProcessEnv = process.env, options: IdTokenSourceOptions = {}): Promise<ChosenCredential> {
  const { tenantId, clientId, cloud, audience } = settings;
  if (tenantId && clientId && oidcAvailable(env)) {
    const idToken = idTokenSource(audience, env, options);
    const idTokenClaims = decodeJwtClaims(await idToken()) as IdTokenClaims | undefined;
    // The source reuses a token only while enough of its lifetime is left (see idTokenSource).
    const credential = new ClientAssertionCredential(tenantId, clientId, idToken, { authorityHost: cloud.authorityHost });
    return { method: 'github-oidc', credential, idTokenClaims };
  }
  const chain = new ChainedTokenCredential(new EnvironmentCredential({ authorityHost: cloud.authorityHost }), new AzureCliCredential(tenantId ? { tenantId } : {}));
  return { method: 'environment-or-cli', credential: chain };
}

/** The HTTP status behind a credential error (MSAL keeps Entra's answer in `cause`), when there is one. */
export function entraStatus(error: unknown): number | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const o = e as { status?: unknown; statusCode?: unknown };
    const status = typeof o.status === 'number' ? o.status : typeof o.statusCode === 'number' ? o.statusCode : undefined;
    if (status !== undefined && status > 0) return status;
  }
  return undefined;
}

function entraTransient(error: unknown): boolean {
  const status = entraStatus(error);
  return status === 408 || status === 429 || (status !== undefined && status >= 500) || /ECONNRESET|ETIMEDOUT|socket hang up|network/i.test(messageOf(error));
}

/** Asks for the first token (Entra's 429/5xx and resets asked again with back-off), turning Entra's refusals into what to change. */
export async function firstToken(chosen: ChosenCredential, scope: string, settings: SignInSettings, env: NodeJS.ProcessEnv = process.env, options: { clock?: Clock; budgetMs?: number } = {}): Promise<AccessToken> {
  const clock = options.clock ?? systemClock;
  let attempts = 0;
  try {
    return await retrying('Entra token request', { deadline: clock.now() + (options.budgetMs ?? OIDC_RETRY_BUDGET_MS), retryable: entraTransient, log: (l) => core.info(l), maxAttempts: 4, firstDelayMs: 2000, clock }, async () => {
      attempts += 1;
      // enableCae as the pipeline's bearer policy asks, so its first request reuses this token from the cache.
      const token = await chosen.credential.getToken(scope, { enableCae: true });
      if (!token) throw new Error('the credential returned no token');
      return token;
    });
  } catch (error) {
    if (error instanceof SignInError) throw error;
    const status = entraStatus(error);
    if (entraTransient(error)) {
      throw new SignInError(`Sign-in failed: Entra ID (${settings.cloud.authorityHost}) answered ${status !== undefined ? `HTTP ${status}` : 'with a network error'} to every token request (${attempts} attempt(s), each with the library's own retries): the service is unavailable or throttling, not a problem of the configuration. Run the job again later.`);
    }
    throw new SignInError(explainSignInFailure(messageOf(error), chosen, settings, env));
  }
}

/** Pure: an Entra / credential error message → a sentence a user can act on. Exported for tests. */
export function explainSignInFailure(message: string, chosen: Pick<ChosenCredential, 'method' | 'idTokenClaims'>, settings: SignInSettings, env: NodeJS.ProcessEnv = {}): string {
  const code = /AADSTS(\d+)/.exec(message)?.[1];
  const claims = chosen.idTokenClaims;
  const subject = claims?.sub ?? '(unknown)';
  const presented = `The GitHub token presented issuer '${claims?.iss ?? '?'}', subject '${subject}', audience '${formatAudience(claims?.aud)}'.`;
  const app = `app (client id ${settings.clientId ?? '?'}) in tenant ${settings.tenantId ?? '?'}`;
  if (chosen.method === 'github-oidc') {
    switch (code) {
      case '7002138':
        return (
          `Sign-in refused (AADSTS7002138): the federated credential's subject differs from '${subject}' only in letter case, and Entra compares subjects case-sensitively. ` +
          `Edit the subject of the federated credential on the ${app} to exactly '${subject}'.`
        );
      case '700213':
      case '70021':
        return (
          `Sign-in refused (AADSTS${code}): no federated credential of the ${app} matches the GitHub token. ${presented} ` +
          `Add a federated credential with exactly this subject (Entra compares it case-sensitively: check the letter case of the organization, repository, branch and environment), ` +
          `issuer https://token.actions.githubusercontent.com and audience ${settings.audience}. ` +
          `The subject names the environment when the job uses one (repo:OWNER/REPO:environment:NAME), otherwise the branch, tag or pull_request.`
        );
      case '700211':
        return `Sign-in refused (AADSTS700211): no federated credential of the ${app} has the issuer of the GitHub token. ${presented} The issuer must be exactly https://token.actions.githubusercontent.com (no trailing slash).`;
      case '700212':
        return (
          `Sign-in refused (AADSTS700212): the federated credential's audience differs from the token's. ${presented} ` +
          `Use audience ${settings.cloud.defaultAudience} on the federated credential (the default for ${settings.cloud.name}), or set the action's \`audience\` input to the credential's audience.`
        );
      case '700024':
        return (
          `Sign-in refused (AADSTS700024): the GitHub token was outside its valid time range when Entra checked it (expired or not yet valid). ` +
          `The action asks GitHub for a fresh token each time; check the runner's clock, and that no earlier step replaces ACTIONS_ID_TOKEN_REQUEST_URL.`
        );
      case '700016':
        return `Sign-in refused (AADSTS700016): no application with client id ${settings.clientId ?? '?'} exists in tenant ${settings.tenantId ?? '?'}. Check the client-id and tenant-id inputs (the app registration's Application (client) ID and Directory (tenant) ID).`;
      case '90002':
        return `Sign-in refused (AADSTS90002): tenant ${settings.tenantId ?? '?'} does not exist in ${settings.cloud.name}. Check the tenant-id and environment inputs.`;
    }
    return `Sign-in with GitHub OIDC failed for the ${app}: ${firstLine(message)} ${presented}`;
  }
  const named = settings.tenantId && settings.clientId;
  const why = named
    ? `client-id and tenant-id are set, but ${lowerFirst(noOidcReason(env))}`
    : oidcAvailable(env)
      ? 'GitHub OIDC is available, but client-id and tenant-id are not set (inputs, or AZURE_CLIENT_ID / AZURE_TENANT_ID).'
      : `Set client-id and tenant-id to sign in with GitHub OIDC (${noOidcReason(env)})`;
  return `No Azure credential: ${why} Without OIDC the action uses the environment (AZURE_CLIENT_ID, AZURE_TENANT_ID, AZURE_CLIENT_SECRET) or the Azure CLI (after azure/login), and neither signed in: ${firstLine(message)}`;
}

/** The payload of a JWT as an object; undefined when it is not one. Never prints the token. */
export function decodeJwtClaims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export function formatAudience(aud: string | string[] | undefined): string {
  return Array.isArray(aud) ? aud.join(', ') : (aud ?? '?');
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/** A readable message of anything thrown: an Error's message, an Entra error body's description, never "[object Object]". */
export function messageOf(error: unknown): string {
  if (error instanceof Error && error.message && !error.message.includes('[object Object]')) return error.message;
  if (error instanceof Error && error.cause !== undefined && error.cause !== error) {
    const inner = messageOf(error.cause);
    if (inner && !inner.startsWith('{')) return inner;
  }
  if (error instanceof Error && error.message) return error.message.replace(/\[object Object\]:?\s*/g, '').trim() || error.name;
  if (error && typeof error === 'object') {
    const o = error as Record<string, unknown>;
    for (const key of ['errorMessage', 'error_description', 'message', 'errorCode', 'error']) {
      const v = o[key];
      if (typeof v === 'string' && v && v !== '[object Object]') return v;
    }
    if (o.cause !== undefined && o.cause !== error) return messageOf(o.cause);
    const status = o.statusCode ?? o.status;
    if (typeof status === 'number') return `HTTP ${status}`;
    try {
      return JSON.stringify(error).slice(0, 300);
    } catch {
      return 'an unreadable error';
    }
  }
  return String(error);
}

function firstLine(text: string): string {
  // Entra's descriptions end with trace/correlation ids and timestamps: noise for a user.
  return (text.split('\n').find((l) => l.trim()) ?? text).replace(/\s*Trace ID:.*$/, '').trim();
}

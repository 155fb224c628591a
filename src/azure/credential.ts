// Sign-in: which credential the action uses, and failures explained so a user can fix them
// (docs/sign-in.md). With GitHub OIDC, a client-assertion credential asks GitHub for a fresh ID
// token every time Entra needs one: the GitHub token lives minutes, a deployment may take longer,
// and a cached one would meet AADSTS700024 half-way through.
import * as core from '@actions/core';
import type { AccessToken, TokenCredential } from '@azure/core-auth';
import { AzureCliCredential, ChainedTokenCredential, ClientAssertionCredential, EnvironmentCredential } from '@azure/identity';
import type { Cloud } from './clouds.ts';

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

const NO_OIDC =
  'GitHub gave this job no OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set). Add `permissions: id-token: write` to the job ' +
  '(and keep `contents: read`). Pull requests from forks never get an OIDC token: run `mode: lint` there, which needs no Azure access.';

export function oidcAvailable(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}

/** GitHub OIDC when the job has it and the app is named; the environment / Azure CLI chain otherwise. */
export async function chooseCredential(settings: SignInSettings, env: NodeJS.ProcessEnv = process.env): Promise<ChosenCredential> {
  const { tenantId, clientId, cloud, audience } = settings;
  if (tenantId && clientId && oidcAvailable(env)) {
    let first: string;
    try {
      first = await core.getIDToken(audience);
    } catch (error) {
      throw new SignInError(`Could not get a GitHub OIDC token for audience '${audience}': ${messageOf(error)}. ${NO_OIDC}`);
    }
    const idTokenClaims = decodeJwtClaims(first) as IdTokenClaims | undefined;
    // Never cache the GitHub token: Entra calls this each time it needs a new assertion.
    const credential = new ClientAssertionCredential(tenantId, clientId, () => core.getIDToken(audience), { authorityHost: cloud.authorityHost });
    return { method: 'github-oidc', credential, idTokenClaims };
  }
  const chain = new ChainedTokenCredential(new EnvironmentCredential({ authorityHost: cloud.authorityHost }), new AzureCliCredential(tenantId ? { tenantId } : {}));
  return { method: 'environment-or-cli', credential: chain };
}

/** Asks for the first token, turning Entra's refusals into what to change. */
export async function firstToken(chosen: ChosenCredential, scope: string, settings: SignInSettings, env: NodeJS.ProcessEnv = process.env): Promise<AccessToken> {
  try {
    // enableCae as the pipeline's bearer policy asks, so its first request reuses this token from the cache.
    const token = await chosen.credential.getToken(scope, { enableCae: true });
    if (!token) throw new Error('the credential returned no token');
    return token;
  } catch (error) {
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
    ? `client-id and tenant-id are set, but ${NO_OIDC.charAt(0).toLowerCase()}${NO_OIDC.slice(1)}`
    : oidcAvailable(env)
      ? 'GitHub OIDC is available, but client-id and tenant-id are not set (inputs, or AZURE_CLIENT_ID / AZURE_TENANT_ID).'
      : `Set client-id and tenant-id to sign in with GitHub OIDC (${NO_OIDC})`;
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

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function firstLine(text: string): string {
  // Entra's descriptions end with trace/correlation ids and timestamps: noise for a user.
  return (text.split('\n').find((l) => l.trim()) ?? text).replace(/\s*Trace ID:.*$/, '').trim();
}

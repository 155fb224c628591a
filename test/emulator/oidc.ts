// GitHub Actions OIDC: the ID-token request endpoint (loopback), JWKS and discovery document.
// Claim shapes: contracts/github-oidc/fixtures/IdTokenClaims_examples.json; request shape: IdTokenRequest.json.
import { randomUUID, createHash } from 'node:crypto';
import type { Ctx } from './context.ts';
import { bearerToken, json, nowSeconds, queryGet } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';
import { jwks, signJwt } from './jwt.ts';

export const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
export const OIDC_REQUEST_PATH = '/_github/oidc/token';

let runNumber = 0;

export function githubSubject(ctx: Ctx): string {
  const gh = ctx.world.scenario.github;
  if (ctx.world.knobs.github.subject) return ctx.world.knobs.github.subject;
  // An environment wins over everything else; ':' inside values is encoded as %3A (contracts/INDEX.md §5).
  const enc = (s: string): string => s.replace(/:/g, '%3A');
  if (gh.environment) return `repo:${gh.repository}:environment:${enc(gh.environment)}`;
  if (gh.eventName === 'pull_request') return `repo:${gh.repository}:pull_request`;
  return `repo:${gh.repository}:ref:${enc(gh.ref)}`;
}

export function issueIdToken(ctx: Ctx, audience: string): string {
  const gh = ctx.world.scenario.github;
  const [owner] = gh.repository.split('/');
  const t = ctx.world.knobs.tokens;
  const iat = nowSeconds() + t.idTokenIssuedAtOffsetSeconds;
  const sha = createHash('sha1').update(gh.repository + gh.ref).digest('hex');
  const workflowRef = `${gh.repository}/${gh.workflow}@${gh.ref}`;
  runNumber += 1;
  const claims: Record<string, unknown> = {
    jti: randomUUID(), sub: githubSubject(ctx), aud: ctx.world.knobs.github.audienceOverride ?? audience,
    ref: gh.ref, sha, repository: gh.repository, repository_owner: owner, repository_owner_id: '1000001', repository_id: '2000002',
    repository_visibility: 'private', run_id: String(9000000 + runNumber), run_number: String(runNumber), run_attempt: '1',
    actor: gh.actor, actor_id: '3000003', workflow: 'deploy', event_name: gh.eventName,
    ref_type: gh.ref.startsWith('refs/tags/') ? 'tag' : 'branch', head_ref: '', base_ref: '',
    workflow_ref: workflowRef, workflow_sha: sha, job_workflow_ref: workflowRef, job_workflow_sha: sha,
    runner_environment: 'github-hosted', iss: GITHUB_ISSUER, nbf: iat, iat, exp: iat + t.idTokenLifetimeSeconds,
  };
  if (gh.environment) claims['environment'] = gh.environment;
  return signJwt(ctx.githubKey, claims);
}

/** GET ${ACTIONS_ID_TOKEN_REQUEST_URL}&audience=... with `Authorization: Bearer ${ACTIONS_ID_TOKEN_REQUEST_TOKEN}`. */
export function handleIdTokenRequest(ctx: Ctx, req: EmuRequest): EmuResponse {
  if (req.method !== 'GET') return json(405, { message: 'Method not allowed' });
  const token = bearerToken(req);
  if (token !== ctx.world.scenario.github.requestToken) {
    return json(401, { message: 'Unauthorized: the bearer token is not the ACTIONS_ID_TOKEN_REQUEST_TOKEN of this job' });
  }
  const owner = ctx.world.scenario.github.repository.split('/')[0] ?? '';
  const audience = queryGet(req, 'audience') || `https://github.com/${owner}`;
  return json(200, { count: 1, value: issueIdToken(ctx, audience) });
}

/** https://token.actions.githubusercontent.com/.well-known/{openid-configuration,jwks} (through the proxy). */
export function handleGithubOidcHost(ctx: Ctx, req: EmuRequest): EmuResponse {
  const p = req.path.replace(/\/$/, '');
  if (p === '/.well-known/openid-configuration') {
    return json(200, {
      issuer: GITHUB_ISSUER, jwks_uri: `${GITHUB_ISSUER}/.well-known/jwks`, subject_types_supported: ['public', 'pairwise'],
      response_types_supported: ['id_token'], claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'repository', 'environment', 'job_workflow_ref'],
      id_token_signing_alg_values_supported: ['RS256'], scopes_supported: ['openid'],
    });
  }
  if (p === '/.well-known/jwks') return json(200, jwks([ctx.githubKey]));
  if (p === OIDC_REQUEST_PATH) return handleIdTokenRequest(ctx, req);
  return json(404, { message: 'Not Found' });
}

// Sign-in in fake time: GitHub's OIDC token endpoint throttling, failing or dropping the connection
// is asked again (Retry-After honoured) and explained by what happened; MSAL's several asks per
// exchange share one GitHub token; a persistent Entra 503 is named, never "[object Object]".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TokenCredential } from '@azure/core-auth';
import { fakeClock } from '../../test/fixtures/fake-endpoint.ts';
import { CLOUDS } from './clouds.ts';
import { firstToken, idTokenSource, SignInError } from './credential.ts';

const env = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/_github/oidc/token?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'req-token' };
const jwt = (iat: number, lifetime: number) => `h.${Buffer.from(JSON.stringify({ iat, exp: iat + lifetime, sub: 's' })).toString('base64url')}.sig`;
type Answer = { status: number; headers?: Record<string, string>; body?: string } | 'reset';

function scripted(answers: Answer[], lifetime = 300) {
  const urls: string[] = [];
  const get = async (url: string, bearer: string) => {
    assert.equal(bearer, 'req-token');
    urls.push(url);
    const a = answers.shift() ?? { status: 200 };
    if (a === 'reset') throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    return { status: a.status, headers: a.headers ?? {}, body: a.body ?? JSON.stringify({ value: jwt(Math.floor(Date.now() / 1000), lifetime) }) };
  };
  return { get, urls };
}

describe('GitHub OIDC token requests', () => {
  const cases: Array<[string, Answer[], { ok: boolean; requests: number; sleeps?: number[]; message?: RegExp; notMessage?: RegExp }]> = [
    ['two 429s with Retry-After, then a token', [{ status: 429, headers: { 'retry-after': '3' } }, { status: 429, headers: { 'retry-after': '5' } }], { ok: true, requests: 3, sleeps: [3000, 5000] }],
    ['a connection reset, then a token', ['reset'], { ok: true, requests: 2, sleeps: [1000] }],
    ['a 503, then a token', [{ status: 503 }], { ok: true, requests: 2 }],
    ['throttled for good: says so, never that the variable is unset', Array(20).fill({ status: 429, headers: { 'retry-after': '1' } }), { ok: false, requests: 8, message: /answered HTTP 429.*after 8 attempts.*throttled/, notMessage: /is not set/ }],
    ['a 403 is final and names the request token', [{ status: 403, body: 'forbidden' }], { ok: false, requests: 1, message: /HTTP 403.*ACTIONS_ID_TOKEN_REQUEST_TOKEN was not accepted/ }],
    ['an answer without a token', [{ status: 200, body: '{}' }], { ok: false, requests: 1, message: /without a token/ }],
  ];
  for (const [name, answers, expected] of cases) {
    it(name, async () => {
      const clock = fakeClock();
      const { get, urls } = scripted([...answers]);
      const source = idTokenSource('api://AzureADTokenExchange', env, { clock, get, log: () => undefined });
      if (expected.ok) assert.match(await source(), /^h\./);
      else {
        const error = await source().then(() => undefined, (e: unknown) => e);
        assert.ok(error instanceof SignInError);
        if (expected.message) assert.match(error.message, expected.message);
        if (expected.notMessage) assert.doesNotMatch(error.message, expected.notMessage);
      }
      assert.equal(urls.length, expected.requests);
      if (expected.sleeps) assert.deepEqual(clock.sleeps, expected.sleeps);
      assert.match(urls[0] ?? '', /&audience=api%3A%2F%2FAzureADTokenExchange$/);
    });
  }

  it('one GitHub token serves the several asks of one exchange; a new one when less than a minute of it is left', async () => {
    const clock = fakeClock();
    const { get, urls } = scripted([], 300);
    const source = idTokenSource('aud', env, { clock, get });
    await Promise.all([source(), source()]);
    await source();
    assert.equal(urls.length, 1);
    await clock.sleep(239_000);
    await source();
    assert.equal(urls.length, 1, '61 s left: still good for an exchange');
    await clock.sleep(2000);
    await source();
    assert.equal(urls.length, 2);
  });

  it('a 2-second token is never reused once a second has passed', async () => {
    const clock = fakeClock();
    const { get, urls } = scripted([], 2);
    const source = idTokenSource('aud', env, { clock, get });
    await source();
    await clock.sleep(1500);
    await source();
    assert.equal(urls.length, 2);
  });
});

describe('the first Entra token', () => {
  const settings = { tenantId: 't', clientId: 'c', cloud: CLOUDS.AzureCloud, audience: 'api://AzureADTokenExchange' };
  // What MSAL throws for a 503 without an Entra error body: the message starts "[object Object]".
  const msal503 = () => Object.assign(new Error('[object Object]: Error(s): Not Available - Timestamp: Not Available'), { name: 'AuthenticationRequiredError', cause: { errorCode: '', errorMessage: '', status: 503 } });

  it('a persistent 503 is retried, then named: HTTP 503, never [object Object]', async () => {
    let calls = 0;
    const credential: TokenCredential = { getToken: async () => { calls += 1; throw msal503(); } };
    const error = await firstToken({ method: 'github-oidc', credential }, 'scope', settings, {}, { clock: fakeClock() }).then(() => undefined, (e: unknown) => e);
    assert.ok(error instanceof SignInError);
    assert.equal(calls, 4);
    assert.match(error.message, /answered HTTP 503/);
    assert.doesNotMatch(error.message, /object Object/);
  });

  it('a 503 that passes ends signed in', async () => {
    let calls = 0;
    const credential: TokenCredential = { getToken: async () => { calls += 1; if (calls < 3) throw msal503(); return { token: 'a.b.c', expiresOnTimestamp: Date.now() + 3600_000 }; } };
    const token = await firstToken({ method: 'github-oidc', credential }, 'scope', settings, {}, { clock: fakeClock() });
    assert.equal(token.token, 'a.b.c');
  });

  it('a refusal (AADSTS70021) is explained at once, not retried', async () => {
    let calls = 0;
    const credential: TokenCredential = { getToken: async () => { calls += 1; throw Object.assign(new Error('AADSTS70021: No matching federated identity record found'), { cause: { status: 400 } }); } };
    const error = await firstToken({ method: 'github-oidc', credential, idTokenClaims: { sub: 'repo:o/r:ref:refs/heads/main' } }, 'scope', settings, {}, { clock: fakeClock() }).then(() => undefined, (e: unknown) => e);
    assert.equal(calls, 1);
    assert.match((error as Error).message, /no federated credential .* matches/);
  });
});

export const id = 287;
export const ids = [287];
export const modules = {

/***/ 4131:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NE: () => (/* binding */ withDeadline),
/* harmony export */   dW: () => (/* binding */ ArmError),
/* harmony export */   ih: () => (/* binding */ createResourceClient),
/* harmony export */   kd: () => (/* binding */ armClientOver)
/* harmony export */ });
/* unused harmony exports retryAfterMsOf, armUrl */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6698);
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9301);
// The one HTTP path to Azure: an @azure/core-rest-pipeline pipeline (proxy from HTTPS_PROXY /
// NO_PROXY, retries of throttling and 5xx honouring Retry-After, the credential's bearer token for
// one resource) and the error type every adapter sees. docs/architecture.md §3: bodies are sent as
// JSON verbatim, never through generated SDK models.


/** A non-2xx answer (or a request that failed after the pipeline's retries; then status is 0). */
class ArmError extends Error {
    status;
    /** ARM or data-plane error code, e.g. `AuthorizationFailed`, `ResourceNotFound`, `SecretNotFound`. */
    code;
    /** The inner code: Key Vault's `innererror.code` (e.g. `ForbiddenByRbac`) or the ML service's `innerError.code` (recorded spelling). */
    innerCode;
    method;
    /** The URL path (no host, no query): safe to print. */
    path;
    /** The answer's Retry-After (seconds or HTTP date; `retry-after-ms` too), in milliseconds, when it sent one. */
    retryAfterMs;
    constructor(init) {
        super(init.message);
        this.name = 'ArmError';
        this.status = init.status;
        this.code = init.code;
        this.innerCode = init.innerCode;
        this.method = init.method;
        this.path = init.path;
        this.retryAfterMs = init.retryAfterMs;
    }
}
/**
 * The deadline of the calls made inside `withDeadline`: each request is aborted when it passes (or
 * after LAST_REQUEST_GRACE_MS, for one sent at the very end), so that neither the pipeline's retries
 * nor a long Retry-After (which the pipeline honours in full) outlive the `timeout` budget
 * (docs/rollout.md §1). Propagates through awaits and timers.
 */
const deadlineScope = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
/** The least time a request inside a deadline is given, however little of the budget is left. */
const LAST_REQUEST_GRACE_MS = 5000;
function withDeadline(deadline, call) {
    return deadlineScope.run(deadline, call);
}
/** Retry-After of an answer in ms: `retry-after-ms`, `x-ms-retry-after-ms`, or Retry-After as seconds or an HTTP date. */
function retryAfterMsOf(headers, now = Date.now()) {
    for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
        const ms = Number(headers[name]);
        if (headers[name] !== undefined && Number.isFinite(ms) && ms >= 0)
            return ms;
    }
    const value = headers['retry-after'];
    if (value === undefined || value.trim() === '')
        return undefined;
    const seconds = Number(value);
    if (Number.isFinite(seconds))
        return Math.max(0, seconds * 1000);
    const date = Date.parse(value);
    return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
const USER_AGENT = 'azureml-online-deploy';
/** A pipeline that signs every request with a token for `scope` (e.g. `https://management.azure.com/.default`). */
function createResourceClient(credential, scope, settings = {}) {
    const pipeline = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__/* .createPipelineFromOptions */ .Fp)({
        retryOptions: { maxRetries: settings.maxRetries ?? 3, retryDelayInMs: settings.retryDelayInMs ?? 800 },
        userAgentOptions: { userAgentPrefix: USER_AGENT },
    });
    // The Sign phase runs inside the retry policy: each attempt carries a current token.
    pipeline.addPolicy((0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__/* .bearerTokenAuthenticationPolicy */ .N$)({ credential, scopes: scope }), { phase: 'Sign' });
    const httpClient = settings.httpClient ?? (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__/* .createDefaultHttpClient */ .fl)();
    return {
        async sendUrl(method, url, body) {
            const request = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__/* .createPipelineRequest */ .G6)({ url, method });
            request.headers.set('accept', 'application/json');
            if (body !== undefined) {
                request.headers.set('content-type', 'application/json');
                request.body = JSON.stringify(body);
            }
            const path = urlPath(url);
            const deadline = deadlineScope.getStore();
            // A read sent at or just past the deadline (the report's last read-back) still gets a few seconds.
            if (deadline !== undefined)
                request.abortSignal = AbortSignal.timeout(Math.max(LAST_REQUEST_GRACE_MS, deadline - Date.now()));
            if (settings.stats)
                settings.stats.requests++;
            let response;
            try {
                response = await pipeline.sendRequest(httpClient, request);
            }
            catch (error) {
                if (request.abortSignal?.aborted) {
                    throw new ArmError({ status: 0, code: 'DeadlineExceeded', message: `${method} ${path}: no answer within the timeout budget`, method, path });
                }
                if ((0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__/* .isRestError */ .T0)(error) && error.statusCode === undefined) {
                    throw new ArmError({ status: 0, code: error.code ?? 'RequestFailed', message: `${method} ${path} failed: ${error.message}`, method, path });
                }
                throw error;
            }
            const headers = response.headers.toJSON({ preserveCase: false });
            const parsed = parseJson(response.bodyAsText ?? undefined);
            if (response.status < 200 || response.status > 299)
                throw armError(response.status, parsed, method, path, retryAfterMsOf(headers));
            return { status: response.status, headers, body: parsed };
        },
    };
}
/** ARM on top of a resource client: `path` + `api-version` + query → URL. */
function armClientOver(client, resourceManager) {
    return {
        send(req) {
            return client.sendUrl(req.method, armUrl(resourceManager, req), req.body);
        },
    };
}
function armUrl(resourceManager, req) {
    if (/^https:\/\//i.test(req.path))
        return req.path; // nextLink / operation URL: used verbatim
    const query = new URLSearchParams({ 'api-version': req.apiVersion, ...(req.query ?? {}) });
    // ARM paths never need `+` for spaces; keep %20 so $filter reads as the service documents it.
    return `${resourceManager}${req.path.startsWith('/') ? '' : '/'}${req.path}?${query.toString().replace(/\+/g, '%20')}`;
}
function urlPath(url) {
    const withoutQuery = url.split('?')[0] ?? url;
    return withoutQuery.replace(/^https:\/\/[^/]+/i, '') || '/';
}
function parseJson(text) {
    if (!text)
        return undefined;
    try {
        return JSON.parse(text);
    }
    catch {
        return text;
    }
}
function armError(status, body, method, path, retryAfterMs) {
    const error = typeof body === 'object' && body !== null ? body.error : undefined;
    const code = error?.code ?? `Http${status}`;
    const message = error?.message ?? (typeof body === 'string' && body ? body.slice(0, 300) : `HTTP ${status}`);
    return new ArmError({ status, code, message: `${method} ${path}: ${status} ${code}: ${message}`, innerCode: error?.innerError?.code ?? error?.innererror?.code, method, path, retryAfterMs });
}


/***/ }),

/***/ 4211:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R: () => (/* binding */ retrying),
/* harmony export */   m: () => (/* binding */ systemClock)
/* harmony export */ });
// The one retry loop of the action's own calls (ARM reads and idempotent writes after the pipeline's
// retries, the GitHub OIDC token request): exponential back-off, Retry-After honoured, and nothing
// ever waits past the deadline — a Retry-After longer than the budget left ends the loop at once
// (docs/rollout.md §1, docs/sign-in.md). The clock is a parameter so the tests run in fake time.
const systemClock = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
/** Runs `call` until it succeeds, fails for good, or the next wait would pass the deadline; then the last error is thrown. */
async function retrying(what, policy, call) {
    const clock = policy.clock ?? systemClock;
    let backoff = policy.firstDelayMs ?? 1000;
    for (let attempt = 1;; attempt++) {
        try {
            return await call(attempt);
        }
        catch (error) {
            if (!policy.retryable(error) || (policy.maxAttempts !== undefined && attempt >= policy.maxAttempts))
                throw error;
            const asked = policy.retryAfterMs?.(error);
            const wait = asked !== undefined ? Math.max(asked, 0) : backoff;
            const left = policy.deadline - clock.now();
            if (wait > left) {
                if (asked !== undefined)
                    policy.log?.(`${what}: the service asks to wait ${Math.ceil(asked / 1000)} s, more than the ${Math.max(0, Math.floor(left / 1000))} s left of the budget; giving up.`);
                throw error;
            }
            policy.log?.(`${what}: ${describe(error)}; trying again in ${Math.max(1, Math.round(wait / 1000))} s${asked !== undefined ? ' (Retry-After)' : ''}`);
            await clock.sleep(wait);
            backoff = Math.min(backoff * 2, policy.maxDelayMs ?? 15_000);
        }
    }
}
function describe(error) {
    if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
        return error.code;
    return error instanceof Error ? error.message : String(error);
}


/***/ }),

/***/ 7574:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dW: () => (/* reexport */ rest/* ArmError */.dW),
  Jv: () => (/* binding */ signIn)
});

// UNUSED EXPORTS: SignInError

// EXTERNAL MODULE: ../main/node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(9846);
// EXTERNAL MODULE: ../main/node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(5326);
// EXTERNAL MODULE: ../main/node_modules/@actions/http-client/lib/auth.js
var auth = __webpack_require__(3873);
// EXTERNAL MODULE: ../main/node_modules/@azure/identity/dist/esm/index.js + 167 modules
var esm = __webpack_require__(4547);
// EXTERNAL MODULE: ./lib/azure/retry.js
var retry = __webpack_require__(4211);
;// CONCATENATED MODULE: ./lib/azure/credential.js
// Sign-in: which credential the action uses, and failures explained so a user can fix them
// (docs/sign-in.md). With GitHub OIDC, a client-assertion credential presents a GitHub ID token
// each time Entra exchanges one: the GitHub token lives minutes, a deployment may take longer, and
// a token kept too long would meet AADSTS700024 half-way through — so a token is reused only while
// enough of its lifetime is left (MSAL asks for the assertion several times per exchange), and a
// new one is asked for otherwise. GitHub's throttling, 5xx and resets are retried with back-off
// (Retry-After honoured), and every failure says what actually happened.





/** A sign-in that cannot go on, with what to change. Thrown to the failure funnel. */
class SignInError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SignInError';
    }
}
/** Why the job has no OIDC token, naming the variable(s) that are actually missing. */
function noOidcReason(env) {
    const missing = ['ACTIONS_ID_TOKEN_REQUEST_URL', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN'].filter((name) => !env[name]);
    return (`GitHub gave this job no OIDC token (${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set). Add \`permissions: id-token: write\` to the job ` +
        '(and keep `contents: read`). Pull requests from forks never get an OIDC token: run `mode: lint` there, which needs no Azure access.');
}
function oidcAvailable(env = process.env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
/** A failed GitHub ID-token request: the HTTP status (0 for a network error) and the Retry-After it sent. */
class GithubOidcError extends Error {
    status;
    retryAfterMs;
    constructor(message, status, retryAfterMs) {
        super(message);
        this.name = 'GithubOidcError';
        this.status = status;
        this.retryAfterMs = retryAfterMs;
    }
}
/** Throttling, a server error, a timeout or a dropped connection: asked again. A 401/403/404 is final. */
function oidcRetryable(error) {
    return error instanceof GithubOidcError && (error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500);
}
/** How long sign-in keeps asking GitHub for a token while it throttles or fails. */
const OIDC_RETRY_BUDGET_MS = 60_000;
async function httpGet(url, bearer) {
    const client = new lib/* HttpClient */.Qq('azureml-online-deploy', [new auth/* BearerCredentialHandler */.tZ(bearer)], { allowRetries: false, socketTimeout: 30_000 });
    const res = await client.get(url, { accept: 'application/json' });
    return { status: res.message.statusCode ?? 0, headers: res.message.headers, body: await res.readBody() };
}
function header(headers, name) {
    const v = headers[name] ?? headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
}
/**
 * GitHub ID tokens for one audience, as Entra asks for assertions: reused while more than a minute
 * of the token's lifetime is left (half of it, for a token that lives less than two minutes),
 * measured on this machine's clock from when it arrived (never against `exp`, so a skewed runner
 * clock does not matter).
 */
function idTokenSource(audience, env = process.env, options = {}) {
    const clock = options.clock ?? retry/* systemClock */.m;
    const get = options.get ?? httpGet;
    let cached;
    let pending;
    const fetchOne = async () => {
        const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''}&audience=${encodeURIComponent(audience)}`;
        const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
        const attempts = { n: 0 };
        const token = await (0,retry/* retrying */.R)('GitHub OIDC token request', { deadline: clock.now() + (options.budgetMs ?? OIDC_RETRY_BUDGET_MS), retryable: oidcRetryable, retryAfterMs: (e) => e.retryAfterMs, log: options.log ?? ((l) => core.info(l)), maxAttempts: 8, clock }, async () => {
            attempts.n += 1;
            let res;
            try {
                res = await get(url, bearer);
            }
            catch (error) {
                const code = error.code ?? (error instanceof Error ? error.message : String(error));
                throw new GithubOidcError(`the connection to GitHub's OIDC token endpoint failed (${code})`, 0);
            }
            if (res.status < 200 || res.status > 299) {
                const ra = header(res.headers, 'retry-after');
                const seconds = ra !== undefined ? Number(ra) : NaN;
                const retryAfterMs = Number.isFinite(seconds) ? seconds * 1000 : ra && Number.isFinite(Date.parse(ra)) ? Math.max(0, Date.parse(ra) - Date.now()) : undefined;
                throw new GithubOidcError(`GitHub's OIDC token endpoint answered HTTP ${res.status}${res.body ? `: ${firstLine(res.body).slice(0, 200)}` : ''}`, res.status, retryAfterMs);
            }
            let value;
            try {
                value = JSON.parse(res.body).value;
            }
            catch {
                value = undefined;
            }
            if (typeof value !== 'string' || !value)
                throw new GithubOidcError("GitHub's OIDC token endpoint answered without a token (no `value` in its JSON)", res.status);
            return value;
        }).catch((error) => {
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
        const claims = decodeJwtClaims(token);
        const lifetimeMs = typeof claims?.exp === 'number' && typeof claims.iat === 'number' ? Math.max(0, (claims.exp - claims.iat) * 1000) : 0;
        cached = { token, fetchedAt: clock.now(), lifetimeMs };
        return token;
    };
    return async () => {
        if (cached) {
            const left = cached.lifetimeMs - (clock.now() - cached.fetchedAt);
            if (left >= Math.min(60_000, cached.lifetimeMs / 2))
                return cached.token;
        }
        // Concurrent asks (two scopes at once) share one request.
        pending ??= fetchOne().finally(() => (pending = undefined));
        return pending;
    };
}
/** GitHub OIDC when the job has it and the app is named; the environment / Azure CLI chain otherwise. */
async function chooseCredential(settings, env = process.env, options = {}) {
    const { tenantId, clientId, cloud, audience } = settings;
    if (tenantId && clientId && oidcAvailable(env)) {
        const idToken = idTokenSource(audience, env, options);
        const idTokenClaims = decodeJwtClaims(await idToken());
        // The source reuses a token only while enough of its lifetime is left (see idTokenSource).
        const credential = new esm/* ClientAssertionCredential */.XI(tenantId, clientId, idToken, { authorityHost: cloud.authorityHost });
        return { method: 'github-oidc', credential, idTokenClaims };
    }
    const chain = new esm/* ChainedTokenCredential */.Rk(new esm/* EnvironmentCredential */.lp({ authorityHost: cloud.authorityHost }), new esm/* AzureCliCredential */.nG(tenantId ? { tenantId } : {}));
    return { method: 'environment-or-cli', credential: chain };
}
/** The HTTP status behind a credential error (MSAL keeps Entra's answer in `cause`), when there is one. */
function entraStatus(error) {
    for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; e = e.cause, depth++) {
        const o = e;
        const status = typeof o.status === 'number' ? o.status : typeof o.statusCode === 'number' ? o.statusCode : undefined;
        if (status !== undefined && status > 0)
            return status;
    }
    return undefined;
}
function entraTransient(error) {
    const status = entraStatus(error);
    return status === 408 || status === 429 || (status !== undefined && status >= 500) || /ECONNRESET|ETIMEDOUT|socket hang up|network/i.test(messageOf(error));
}
/** Asks for the first token (Entra's 429/5xx and resets asked again with back-off), turning Entra's refusals into what to change. */
async function firstToken(chosen, scope, settings, env = process.env, options = {}) {
    const clock = options.clock ?? retry/* systemClock */.m;
    let attempts = 0;
    try {
        return await (0,retry/* retrying */.R)('Entra token request', { deadline: clock.now() + (options.budgetMs ?? OIDC_RETRY_BUDGET_MS), retryable: entraTransient, log: (l) => core.info(l), maxAttempts: 4, firstDelayMs: 2000, clock }, async () => {
            attempts += 1;
            // enableCae as the pipeline's bearer policy asks, so its first request reuses this token from the cache.
            const token = await chosen.credential.getToken(scope, { enableCae: true });
            if (!token)
                throw new Error('the credential returned no token');
            return token;
        });
    }
    catch (error) {
        if (error instanceof SignInError)
            throw error;
        const status = entraStatus(error);
        if (entraTransient(error)) {
            throw new SignInError(`Sign-in failed: Entra ID (${settings.cloud.authorityHost}) answered ${status !== undefined ? `HTTP ${status}` : 'with a network error'} to every token request (${attempts} attempt(s), each with the library's own retries): the service is unavailable or throttling, not a problem of the configuration. Run the job again later.`);
        }
        throw new SignInError(explainSignInFailure(messageOf(error), chosen, settings, env));
    }
}
/** Pure: an Entra / credential error message → a sentence a user can act on. Exported for tests. */
function explainSignInFailure(message, chosen, settings, env = {}) {
    const code = /AADSTS(\d+)/.exec(message)?.[1];
    const claims = chosen.idTokenClaims;
    const subject = claims?.sub ?? '(unknown)';
    const presented = `The GitHub token presented issuer '${claims?.iss ?? '?'}', subject '${subject}', audience '${formatAudience(claims?.aud)}'.`;
    const app = `app (client id ${settings.clientId ?? '?'}) in tenant ${settings.tenantId ?? '?'}`;
    if (chosen.method === 'github-oidc') {
        switch (code) {
            case '7002138':
                return (`Sign-in refused (AADSTS7002138): the federated credential's subject differs from '${subject}' only in letter case, and Entra compares subjects case-sensitively. ` +
                    `Edit the subject of the federated credential on the ${app} to exactly '${subject}'.`);
            case '700213':
            case '70021':
                return (`Sign-in refused (AADSTS${code}): no federated credential of the ${app} matches the GitHub token. ${presented} ` +
                    `Add a federated credential with exactly this subject (Entra compares it case-sensitively: check the letter case of the organization, repository, branch and environment), ` +
                    `issuer https://token.actions.githubusercontent.com and audience ${settings.audience}. ` +
                    `The subject names the environment when the job uses one (repo:OWNER/REPO:environment:NAME), otherwise the branch, tag or pull_request.`);
            case '700211':
                return `Sign-in refused (AADSTS700211): no federated credential of the ${app} has the issuer of the GitHub token. ${presented} The issuer must be exactly https://token.actions.githubusercontent.com (no trailing slash).`;
            case '700212':
                return (`Sign-in refused (AADSTS700212): the federated credential's audience differs from the token's. ${presented} ` +
                    `Use audience ${settings.cloud.defaultAudience} on the federated credential (the default for ${settings.cloud.name}), or set the action's \`audience\` input to the credential's audience.`);
            case '700024':
                return (`Sign-in refused (AADSTS700024): the GitHub token was outside its valid time range when Entra checked it (expired or not yet valid). ` +
                    `The action asks GitHub for a fresh token each time; check the runner's clock, and that no earlier step replaces ACTIONS_ID_TOKEN_REQUEST_URL.`);
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
function decodeJwtClaims(token) {
    const payload = token.split('.')[1];
    if (!payload)
        return undefined;
    try {
        const value = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
        return typeof value === 'object' && value !== null ? value : undefined;
    }
    catch {
        return undefined;
    }
}
function formatAudience(aud) {
    return Array.isArray(aud) ? aud.join(', ') : (aud ?? '?');
}
function lowerFirst(text) {
    return text.charAt(0).toLowerCase() + text.slice(1);
}
/** A readable message of anything thrown: an Error's message, an Entra error body's description, never "[object Object]". */
function messageOf(error) {
    if (error instanceof Error && error.message && !error.message.includes('[object Object]'))
        return error.message;
    if (error instanceof Error && error.cause !== undefined && error.cause !== error) {
        const inner = messageOf(error.cause);
        if (inner && !inner.startsWith('{'))
            return inner;
    }
    if (error instanceof Error && error.message)
        return error.message.replace(/\[object Object\]:?\s*/g, '').trim() || error.name;
    if (error && typeof error === 'object') {
        const o = error;
        for (const key of ['errorMessage', 'error_description', 'message', 'errorCode', 'error']) {
            const v = o[key];
            if (typeof v === 'string' && v && v !== '[object Object]')
                return v;
        }
        if (o.cause !== undefined && o.cause !== error)
            return messageOf(o.cause);
        const status = o.statusCode ?? o.status;
        if (typeof status === 'number')
            return `HTTP ${status}`;
        try {
            return JSON.stringify(error).slice(0, 300);
        }
        catch {
            return 'an unreadable error';
        }
    }
    return String(error);
}
function firstLine(text) {
    // Entra's descriptions end with trace/correlation ids and timestamps: noise for a user.
    return (text.split('\n').find((l) => l.trim()) ?? text).replace(/\s*Trace ID:.*$/, '').trim();
}

// EXTERNAL MODULE: ./lib/azure/rest.js
var rest = __webpack_require__(4131);
;// CONCATENATED MODULE: ./lib/azure/session.js
// The Azure session every online mode starts with: sign in once (src/azure/credential.ts), then
// one ARM client over the Azure SDK pipeline (auth, retries honouring Retry-After, proxy) and the
// workspace it targets. Adapters (src/azure/*.ts) take a session; nothing else builds URLs.





async function signIn(inputs, settings = {}) {
    const missing = ['subscription-id', 'resource-group', 'workspace-name'].filter((name) => !workspaceInput(inputs, name));
    if (missing.length > 0) {
        throw new SignInError(`${missing.join(', ')}: required to read the workspace (validate and deploy); lint needs none of them.`);
    }
    const signInSettings = { tenantId: inputs.tenantId, clientId: inputs.clientId, cloud: inputs.cloud, audience: inputs.audience };
    const chosen = await chooseCredential(signInSettings);
    if (chosen.idTokenClaims) {
        const c = chosen.idTokenClaims;
        core.info(`GitHub OIDC token: issuer ${c.iss ?? '?'}, subject ${c.sub ?? '?'}, audience ${formatAudience(c.aud)}`);
    }
    const armScope = `${inputs.cloud.resourceManager}/.default`;
    const token = await firstToken(chosen, armScope, signInSettings);
    const claims = decodeJwtClaims(token.token) ?? {};
    const tenantId = stringClaim(claims.tid) ?? inputs.tenantId ?? '';
    const caller = { objectId: stringClaim(claims.oid), tenantId, clientId: stringClaim(claims.appid) ?? stringClaim(claims.azp) ?? inputs.clientId };
    core.info(`Signed in to ${inputs.cloud.name} with ${chosen.method === 'github-oidc' ? 'GitHub OIDC' : 'the environment / Azure CLI credential'}` +
        `${caller.objectId ? ` as object id ${caller.objectId}` : ''} in tenant ${tenantId || '?'}.`);
    const stats = settings.stats ?? { requests: 0 };
    const pipeline = { ...settings, stats };
    const subscriptionId = inputs.subscriptionId;
    const resourceGroup = inputs.resourceGroup;
    const workspaceName = inputs.workspaceName;
    return {
        cloud: inputs.cloud,
        credential: chosen.credential,
        arm: (0,rest/* armClientOver */.kd)((0,rest/* createResourceClient */.ih)(chosen.credential, armScope, pipeline), inputs.cloud.resourceManager),
        keyVault: (0,rest/* createResourceClient */.ih)(chosen.credential, `${inputs.cloud.keyVaultResource}/.default`, pipeline),
        subscriptionId,
        resourceGroup,
        workspaceName,
        workspacePath: `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${workspaceName}`,
        caller,
        method: chosen.method,
        stats,
    };
}
function workspaceInput(inputs, name) {
    return name === 'subscription-id' ? inputs.subscriptionId : name === 'resource-group' ? inputs.resourceGroup : inputs.workspaceName;
}
function stringClaim(value) {
    return typeof value === 'string' && value ? value : undefined;
}


/***/ }),

/***/ 3155:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   FT: () => (/* binding */ endpointPosition),
/* harmony export */   at: () => (/* binding */ at),
/* harmony export */   d5: () => (/* binding */ lookupCI),
/* harmony export */   qH: () => (/* binding */ defineCheck),
/* harmony export */   uT: () => (/* binding */ firstPerFile)
/* harmony export */ });
/** A check from its evaluation: `run` is the findings of `evaluate`. */
function defineCheck(name, rules, evaluate) {
    const full = (ctx) => ({ findings: [], verdicts: [], identityPlan: [], grants: [], ...evaluate(ctx) });
    return { name, rules, run: (ctx) => full(ctx).findings, evaluate: full };
}
/** A finding position from a spec span. */
function at(file, span) {
    return { file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
}
/** Where an endpoint-level finding goes: the span asked for, else the endpoint's name, else the first deployment's endpoint_name. */
function endpointPosition(ctx, pick) {
    if (ctx.endpoint) {
        const span = pick(ctx.endpoint.spans) ?? ctx.endpoint.spans.name;
        if (span)
            return at(ctx.endpoint.file, span);
        return { file: ctx.endpoint.file, line: 1, column: 1 };
    }
    const d = ctx.deployments[0];
    if (d)
        return at(d.file, d.spans.endpointName ?? d.spans.name ?? { line: 1, column: 1, endLine: 1, endColumn: 1 });
    return { file: '', line: 1, column: 1 };
}
/** Case-insensitive lookup in a record keyed by names, hosts or ARM ids. */
function lookupCI(record, key) {
    if (key in record)
        return record[key];
    const low = key.toLowerCase();
    for (const [k, v] of Object.entries(record))
        if (k.toLowerCase() === low)
            return v;
    return undefined;
}
/** The references, one per (file, store) pair: findings about a store go on its first reference in each file. */
function firstPerFile(refs, storeOf) {
    const seen = new Set();
    return refs.filter((r) => {
        const key = `${r.range.file}\u0000${storeOf(r).toLowerCase()}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}


/***/ }),

/***/ 126:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   Lw: () => (/* binding */ endpointStateCheck)
/* harmony export */ });
/* unused harmony export TERMINAL_STATES */
/* harmony import */ var _findings_finding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(65);
/* harmony import */ var _check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3155);
// The endpoint exists when only deployment files are given, and neither it nor a deployment this
// run updates is in the middle of another operation (docs/online-checks.md §endpoint-state).


/** Provisioning states in which no operation is running (the EndpointProvisioningState / DeploymentProvisioningState enums' terminal values). */
const TERMINAL_STATES = new Set(['succeeded', 'failed', 'canceled']);
function isTerminal(state) {
    return TERMINAL_STATES.has(state.toLowerCase());
}
const endpointStateCheck = (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheck */ .qH)('endpoint-state', ['endpoint-busy', 'endpoint-not-found', 'cannot-verify'], (ctx) => {
    const findings = [];
    const live = ctx.facts.endpoint;
    const verb = ctx.mode === 'deploy' ? 'deploy waits for it to finish before writing' : 'deploy would wait for it to finish';
    if (live.kind === 'missing' && !ctx.endpoint) {
        for (const d of ctx.deployments) {
            findings.push((0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('endpoint-not-found', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__.at)(d.file, d.spans.endpointName ?? d.spans.name ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }), `Deployment ${d.name} targets endpoint ${ctx.endpointName}, which does not exist in the workspace, and no endpoint file was given to create it.`));
        }
    }
    if (live.kind === 'unreadable') {
        findings.push((0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('cannot-verify', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .endpointPosition */ .FT)(ctx, (s) => s.name), `Cannot read endpoint ${ctx.endpointName}: ${live.why}. Whether it exists, its identity and its state are unknown.`, {
            hint: `Give the workflow identity ${live.permission ?? 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read'} on the workspace (AzureML Data Scientist includes it).`,
        }));
    }
    if (live.kind === 'found' && !isTerminal(live.value.provisioningState)) {
        findings.push((0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('endpoint-busy', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .endpointPosition */ .FT)(ctx, (s) => s.name), `Endpoint ${ctx.endpointName} is ${live.value.provisioningState}: another operation is running on it; ${verb}.`));
    }
    const deployments = ctx.facts.deployments;
    if (deployments.kind === 'found') {
        for (const d of ctx.deployments) {
            const existing = (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .lookupCI */ .d5)(deployments.value, d.name);
            if (existing && !isTerminal(existing.provisioningState)) {
                findings.push((0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('endpoint-busy', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__.at)(d.file, d.spans.name ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }), `Deployment ${d.name} is ${existing.provisioningState}: another operation is running on it; ${verb}.`));
            }
        }
    }
    return { findings };
});


/***/ })

};

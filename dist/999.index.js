export const id = 999;
export const ids = [999];
export const modules = {

/***/ 9649:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dW: () => (/* binding */ ArmError),
/* harmony export */   ih: () => (/* binding */ createResourceClient),
/* harmony export */   kd: () => (/* binding */ armClientOver)
/* harmony export */ });
/* unused harmony export armUrl */
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(373);

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
    constructor(init) {
        super(init.message);
        this.name = 'ArmError';
        this.status = init.status;
        this.code = init.code;
        this.innerCode = init.innerCode;
        this.method = init.method;
        this.path = init.path;
    }
}
const USER_AGENT = 'azureml-online-deploy';
/** A pipeline that signs every request with a token for `scope` (e.g. `https://management.azure.com/.default`). */
function createResourceClient(credential, scope, settings = {}) {
    const pipeline = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .createPipelineFromOptions */ .Fp)({
        retryOptions: { maxRetries: settings.maxRetries ?? 3, retryDelayInMs: settings.retryDelayInMs ?? 800 },
        userAgentOptions: { userAgentPrefix: USER_AGENT },
    });
    // The Sign phase runs inside the retry policy: each attempt carries a current token.
    pipeline.addPolicy((0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .bearerTokenAuthenticationPolicy */ .N$)({ credential, scopes: scope }), { phase: 'Sign' });
    const httpClient = settings.httpClient ?? (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .createDefaultHttpClient */ .fl)();
    return {
        async sendUrl(method, url, body) {
            const request = (0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .createPipelineRequest */ .G6)({ url, method });
            request.headers.set('accept', 'application/json');
            if (body !== undefined) {
                request.headers.set('content-type', 'application/json');
                request.body = JSON.stringify(body);
            }
            const path = urlPath(url);
            if (settings.stats)
                settings.stats.requests++;
            let response;
            try {
                response = await pipeline.sendRequest(httpClient, request);
            }
            catch (error) {
                if ((0,_azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_0__/* .isRestError */ .T0)(error) && error.statusCode === undefined) {
                    throw new ArmError({ status: 0, code: error.code ?? 'RequestFailed', message: `${method} ${path} failed: ${error.message}`, method, path });
                }
                throw error;
            }
            const headers = response.headers.toJSON({ preserveCase: false });
            const parsed = parseJson(response.bodyAsText ?? undefined);
            if (response.status < 200 || response.status > 299)
                throw armError(response.status, parsed, method, path);
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
function armError(status, body, method, path) {
    const error = typeof body === 'object' && body !== null ? body.error : undefined;
    const code = error?.code ?? `Http${status}`;
    const message = error?.message ?? (typeof body === 'string' && body ? body.slice(0, 300) : `HTTP ${status}`);
    return new ArmError({ status, code, message: `${method} ${path}: ${status} ${code}: ${message}`, innerCode: error?.innerError?.code ?? error?.innererror?.code, method, path });
}


/***/ }),

/***/ 7076:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  dW: () => (/* reexport */ rest/* ArmError */.dW),
  Jv: () => (/* binding */ signIn)
});

// UNUSED EXPORTS: SignInError

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 167 modules
var esm = __webpack_require__(483);
;// CONCATENATED MODULE: ./lib/azure/credential.js
// Sign-in: which credential the action uses, and failures explained so a user can fix them
// (docs/sign-in.md). With GitHub OIDC, a client-assertion credential asks GitHub for a fresh ID
// token every time Entra needs one: the GitHub token lives minutes, a deployment may take longer,
// and a cached one would meet AADSTS700024 half-way through.


/** A sign-in that cannot go on, with what to change. Thrown to the failure funnel. */
class SignInError extends Error {
    constructor(message) {
        super(message);
        this.name = 'SignInError';
    }
}
const NO_OIDC = 'GitHub gave this job no OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set). Add `permissions: id-token: write` to the job ' +
    '(and keep `contents: read`). Pull requests from forks never get an OIDC token: run `mode: lint` there, which needs no Azure access.';
function oidcAvailable(env = process.env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
/** GitHub OIDC when the job has it and the app is named; the environment / Azure CLI chain otherwise. */
async function chooseCredential(settings, env = process.env) {
    const { tenantId, clientId, cloud, audience } = settings;
    if (tenantId && clientId && oidcAvailable(env)) {
        let first;
        try {
            first = await core.getIDToken(audience);
        }
        catch (error) {
            throw new SignInError(`Could not get a GitHub OIDC token for audience '${audience}': ${messageOf(error)}. ${NO_OIDC}`);
        }
        const idTokenClaims = decodeJwtClaims(first);
        // Never cache the GitHub token: Entra calls this each time it needs a new assertion.
        const credential = new esm/* ClientAssertionCredential */.XI(tenantId, clientId, () => core.getIDToken(audience), { authorityHost: cloud.authorityHost });
        return { method: 'github-oidc', credential, idTokenClaims };
    }
    const chain = new esm/* ChainedTokenCredential */.Rk(new esm/* EnvironmentCredential */.lp({ authorityHost: cloud.authorityHost }), new esm/* AzureCliCredential */.nG(tenantId ? { tenantId } : {}));
    return { method: 'environment-or-cli', credential: chain };
}
/** Asks for the first token, turning Entra's refusals into what to change. */
async function firstToken(chosen, scope, settings, env = process.env) {
    try {
        // enableCae as the pipeline's bearer policy asks, so its first request reuses this token from the cache.
        const token = await chosen.credential.getToken(scope, { enableCae: true });
        if (!token)
            throw new Error('the credential returned no token');
        return token;
    }
    catch (error) {
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
        ? `client-id and tenant-id are set, but ${NO_OIDC.charAt(0).toLowerCase()}${NO_OIDC.slice(1)}`
        : oidcAvailable(env)
            ? 'GitHub OIDC is available, but client-id and tenant-id are not set (inputs, or AZURE_CLIENT_ID / AZURE_TENANT_ID).'
            : `Set client-id and tenant-id to sign in with GitHub OIDC (${NO_OIDC})`;
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
function messageOf(error) {
    return error instanceof Error ? error.message : String(error);
}
function firstLine(text) {
    // Entra's descriptions end with trace/correlation ids and timestamps: noise for a user.
    return (text.split('\n').find((l) => l.trim()) ?? text).replace(/\s*Trace ID:.*$/, '').trim();
}

// EXTERNAL MODULE: ./lib/azure/rest.js
var rest = __webpack_require__(9649);
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

/***/ 5229:
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

/***/ 3776:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Hd: () => (/* binding */ isTerminal),
/* harmony export */   Lw: () => (/* binding */ endpointStateCheck)
/* harmony export */ });
/* unused harmony export TERMINAL_STATES */
/* harmony import */ var _findings_finding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6939);
/* harmony import */ var _check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5229);
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


/***/ }),

/***/ 5747:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KW: () => (/* binding */ readEndpoint),
/* harmony export */   N2: () => (/* binding */ describeEndpoint),
/* harmony export */   iJ: () => (/* binding */ readDeployment),
/* harmony export */   uI: () => (/* binding */ waitWhileBusy)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7076);
/* harmony import */ var _spec_rest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9933);
/* harmony import */ var _lro_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5570);
/* harmony import */ var _checks_endpoint_state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3776);
// Reads of the live endpoint and deployments that apply needs between its writes (read back after
// every change, wait for a non-terminal state), through the session's ARM client.





function describeEndpoint(body) {
    const p = body.properties ?? {};
    const identity = (body.identity ?? {});
    return {
        body,
        provisioningState: String(p.provisioningState ?? 'Unknown'),
        traffic: (p.traffic ?? {}),
        mirrorTraffic: (p.mirrorTraffic ?? {}),
        scoringUri: typeof p.scoringUri === 'string' ? p.scoringUri : undefined,
        swaggerUri: typeof p.swaggerUri === 'string' ? p.swaggerUri : undefined,
        authMode: String(p.authMode ?? 'Key'),
        identityType: String(identity.type ?? 'None'),
        principalId: identity.principalId,
        hasUserAssigned: Object.keys(identity.userAssignedIdentities ?? {}).length > 0,
    };
}
async function getOrMissing(session, path, deadline) {
    try {
        const res = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_3__/* .retryTransient */ .jh)(`GET ${path.split('/').slice(-2).join('/')}`, deadline, () => session.arm.send({ method: 'GET', path, apiVersion: _spec_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .ML_API_VERSION */ .W8 }));
        return res.body;
    }
    catch (error) {
        if (error instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_1__/* .ArmError */ .dW && error.status === 404)
            return undefined;
        throw error;
    }
}
async function readEndpoint(session, path, deadline) {
    const body = await getOrMissing(session, path, deadline);
    return body ? describeEndpoint(body) : undefined;
}
async function readDeployment(session, path, deadline) {
    const body = await getOrMissing(session, path, deadline);
    return body ? { body, provisioningState: String(body.properties?.provisioningState ?? 'Unknown') } : undefined;
}
/**
 * Waits, a line per poll, while a resource is in a non-terminal state (another operation runs on
 * it): it is never written over. Undefined when it disappeared (deleted meanwhile).
 */
async function waitWhileBusy(label, read, first, deadline, intervalMs = 5000) {
    let current = first;
    const started = Date.now();
    while (current && !(0,_checks_endpoint_state_js__WEBPACK_IMPORTED_MODULE_4__/* .isTerminal */ .Hd)(current.provisioningState)) {
        if (Date.now() + intervalMs > deadline)
            return { kind: 'timeout', state: current.provisioningState };
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`${label} is ${current.provisioningState} (another operation is running on it); waiting, ${Math.round((Date.now() - started) / 1000)} s so far`);
        await new Promise((r) => setTimeout(r, intervalMs));
        current = await read();
    }
    return { kind: 'ready', value: current };
}


/***/ }),

/***/ 5570:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jh: () => (/* binding */ retryTransient),
/* harmony export */   z9: () => (/* binding */ runLro)
/* harmony export */ });
/* unused harmony exports pollDelayMs, PollLog, isTransient */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _azure_core_lro__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7352);
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7076);
// Long-running ARM writes (PUT of an endpoint or a deployment) waited for with @azure/core-lro over
// the session's ARM client: the poller follows Azure-AsyncOperation / Location and honours
// Retry-After (docs/rollout.md §1). Azure sends none (test/fixtures/recorded/ml-online.json), so the
// action backs off on its own (at once, 1 s, 2 s, 3 s, then every 5 s: the SDK's deployment interval; never
// more often than the SDK once settled, and a terminal state noticed within 5 s). One log line per
// state change, plus a heartbeat each minute; the wait stops at the run's `timeout` budget. A throttled or failed poll (after the
// pipeline's own retries) is not a failed operation: it is retried at the next interval.



/** Wait before poll `n` (0-based) when the service sends no Retry-After: at once, then 1 s, 2 s, 3 s, then `maxMs`. */
function pollDelayMs(n, maxMs) {
    return Math.min(maxMs, [0, 1000, 2000, 3000][n] ?? maxMs);
}
/** Which poll results deserve a log line: a state change, or a heartbeat after `heartbeatMs` of the same state. */
class PollLog {
    last;
    lastAt = 0;
    heartbeatMs;
    constructor(heartbeatMs = 60_000) {
        this.heartbeatMs = heartbeatMs;
    }
    shouldLog(state, at) {
        if (state === this.last && at - this.lastAt < this.heartbeatMs)
            return false;
        this.last = state;
        this.lastAt = at;
        return true;
    }
}
const TRANSIENT = new Set([0, 408, 429, 500, 502, 503, 504]);
/** Worth asking again: throttling, server errors, resets, and an access token that expired in flight (the next attempt gets a new one). */
function isTransient(error) {
    return error instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_2__/* .ArmError */ .dW && (TRANSIENT.has(error.status) || (error.status === 401 && error.code === 'ExpiredAuthenticationToken'));
}
function toLro(res) {
    return { flatResponse: res.body, rawResponse: { statusCode: res.status, headers: res.headers, body: res.body } };
}
function elapsed(ms) {
    const s = Math.round(ms / 1000);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}
/** Sends the write and waits for its outcome; ARM errors on the write itself are thrown (ArmError). */
async function runLro(arm, request, options) {
    const now = options.now ?? Date.now;
    const started = now();
    let polls = 0;
    let lastBody;
    const interval = options.intervalMs ?? 5000;
    const lines = new PollLog();
    /** core-lro honours Retry-After: when the service sends none, the back-off schedule supplies it. */
    const paced = (res) => {
        const headers = res.rawResponse.headers;
        if (Object.keys(headers).some((k) => k.toLowerCase() === 'retry-after'))
            return res;
        return { ...res, rawResponse: { ...res.rawResponse, headers: { ...headers, 'retry-after': String(pollDelayMs(polls, interval) / 1000) } } };
    };
    const poller = await (0,_azure_core_lro__WEBPACK_IMPORTED_MODULE_1__/* .createHttpPoller */ .Vj)({
        requestPath: request.path,
        requestMethod: request.method,
        sendInitialRequest: async () => paced(toLro(await arm.send({ method: request.method, path: request.path, apiVersion: request.apiVersion, body: request.body }))),
        sendPollRequest: async (path) => {
            polls += 1;
            const absolute = /^https:\/\//i.test(path);
            try {
                const res = await arm.send({ method: 'GET', path, apiVersion: absolute ? '' : request.apiVersion });
                lastBody = res.body && typeof res.body === 'object' ? res.body : undefined;
                const state = String(lastBody?.status ?? lastBody?.properties?.provisioningState ?? `HTTP ${res.status}`);
                if (lines.shouldLog(state, now()))
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`${options.label}: ${state} (${elapsed(now() - started)} elapsed)`);
                return paced(toLro(res));
            }
            catch (error) {
                if (error instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_2__/* .ArmError */ .dW && !isTransient(error)) {
                    // A Location poll answers the failure itself with an error status.
                    lastBody = { status: 'Failed', error: { code: error.code, message: error.message } };
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`${options.label}: Failed (${elapsed(now() - started)} elapsed)`);
                    return { flatResponse: lastBody, rawResponse: { statusCode: 200, headers: {}, body: lastBody } };
                }
                if (!isTransient(error))
                    throw error;
                _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`${options.label}: status not readable (${error.code}); asking again (${elapsed(now() - started)} elapsed)`);
                const body = { status: 'InProgress' };
                return { flatResponse: body, rawResponse: { statusCode: 200, headers: { 'retry-after': String(Math.ceil(interval / 1000)) }, body } };
            }
        },
    }, { intervalInMs: interval, resolveOnUnsuccessful: true });
    const remaining = options.deadline - now();
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), Math.max(0, remaining));
    try {
        await poller.pollUntilDone({ abortSignal: abort.signal });
    }
    catch (error) {
        if (abort.signal.aborted)
            return { kind: 'timeout', polls, elapsedMs: now() - started };
        throw error;
    }
    finally {
        clearTimeout(timer);
    }
    const state = poller.getOperationState();
    const elapsedMs = now() - started;
    if (state.status === 'succeeded') {
        const resource = (state.result && typeof state.result === 'object' ? state.result : {});
        return { kind: 'succeeded', resource, polls, elapsedMs };
    }
    const fromBody = lastBody?.error;
    const error = {
        code: fromBody?.code ?? (state.status === 'canceled' ? 'OperationCanceled' : 'Failed'),
        message: fromBody?.message ?? state.error?.message ?? `the operation ended ${state.status}`,
        details: Array.isArray(fromBody?.details) ? fromBody.details : undefined,
    };
    return { kind: 'failed', error, polls, elapsedMs };
}
/**
 * Runs an ARM call again while it fails with throttling, a 5xx or a reset after the pipeline's own
 * retries (a 429 storm), until the deadline. Only for idempotent calls (GET, PUT).
 */
async function retryTransient(what, deadline, call) {
    let wait = 1000;
    for (;;) {
        try {
            return await call();
        }
        catch (error) {
            if (!isTransient(error) || Date.now() + wait > deadline)
                throw error;
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`${what}: ${error.code}; trying again in ${Math.round(wait / 1000)} s`);
            await new Promise((r) => setTimeout(r, wait));
            wait = Math.min(wait * 2, 15_000);
        }
    }
}


/***/ }),

/***/ 6999:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7076);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(646);
/* harmony import */ var _live_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5747);
/* harmony import */ var _lro_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5570);
/* harmony import */ var _rollout_state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5012);
/* harmony import */ var _traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8154);
// The post step (action.yml `runs.post`, which the runner starts even when the job was cancelled):
// when the main step died mid-rollout, its saved state still says `inProgress`; this finishes the
// restore of the traffic it started from and reads it back (docs/rollout.md §5).







async function runPost(stateText) {
    const state = (0,_rollout_state_js__WEBPACK_IMPORTED_MODULE_5__/* .parseState */ .Bu)(stateText);
    if (!state || state.status !== 'inProgress')
        return;
    try {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`The main step stopped during the rollout of ${state.endpointName}: restoring traffic ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .formatTraffic */ .zM)(state.previous.traffic)}.`);
        const inputs = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputs */ .Ko)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .envInputReader */ .tT)());
        const session = await (0,_azure_session_js__WEBPACK_IMPORTED_MODULE_1__/* .signIn */ .Jv)(inputs);
        const deadline = Date.now() + Math.min(inputs.timeoutMs, 10 * 60_000);
        const first = await (0,_live_js__WEBPACK_IMPORTED_MODULE_3__/* .readEndpoint */ .KW)(session, state.endpointPath, deadline);
        const ready = await (0,_live_js__WEBPACK_IMPORTED_MODULE_3__/* .waitWhileBusy */ .uI)(`Endpoint ${state.endpointName}`, () => (0,_live_js__WEBPACK_IMPORTED_MODULE_3__/* .readEndpoint */ .KW)(session, state.endpointPath, deadline), first, deadline);
        if (ready.kind === 'timeout' || !ready.value)
            throw new Error(ready.kind === 'timeout' ? `the endpoint stayed ${ready.state}` : 'the endpoint is gone');
        const { previous } = state;
        if (!(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .sameTraffic */ .UN)(ready.value.traffic, previous.traffic) || !(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .sameTraffic */ .UN)(ready.value.mirrorTraffic, previous.mirrorTraffic)) {
            const body = (0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .withTraffic */ .oO)(state.body, previous.traffic, previous.mirrorTraffic);
            const outcome = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_4__/* .runLro */ .z9)(session.arm, { method: 'PUT', path: state.endpointPath, apiVersion: state.apiVersion, body }, { label: 'Restore', deadline });
            if (outcome.kind !== 'succeeded')
                throw new Error(outcome.kind === 'failed' ? `${outcome.error.code}: ${outcome.error.message}` : 'no answer within the wait budget');
        }
        const after = await (0,_live_js__WEBPACK_IMPORTED_MODULE_3__/* .readEndpoint */ .KW)(session, state.endpointPath, deadline);
        if (!after || !(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .sameTraffic */ .UN)(after.traffic, previous.traffic) || !(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .sameTraffic */ .UN)(after.mirrorTraffic, previous.mirrorTraffic)) {
            throw new Error(`Azure holds traffic ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .formatTraffic */ .zM)(after?.traffic)} after restoring ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .formatTraffic */ .zM)(previous.traffic)}`);
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(_rollout_state_js__WEBPACK_IMPORTED_MODULE_5__/* .ROLLOUT_STATE_KEY */ .UH, (0,_rollout_state_js__WEBPACK_IMPORTED_MODULE_5__/* .serializeState */ .sU)({ ...state, status: 'finished' }));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.notice(`Traffic of ${state.endpointName} is ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .formatTraffic */ .zM)(after.traffic)} again, as it was before the rollout (read back from Azure).`, { title: 'Rollout restored by the post step' });
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`The post step could not restore the traffic of ${state.endpointName} to ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .formatTraffic */ .zM)(state.previous.traffic)}: ${error instanceof Error ? error.message : String(error)}. Restore it by hand: az ml online-endpoint update --name ${state.endpointName} --traffic "${Object.entries(state.previous.traffic).map(([n, p]) => `${n}=${p}`).join(' ')}"`);
    }
}


/***/ }),

/***/ 8154:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H6: () => (/* binding */ planTraffic),
/* harmony export */   UN: () => (/* binding */ sameTraffic),
/* harmony export */   oO: () => (/* binding */ withTraffic),
/* harmony export */   zM: () => (/* binding */ formatTraffic)
/* harmony export */ });
/* unused harmony exports normalizeTraffic, shareWith */
// Pure: the traffic steps of a rollout (docs/rollout.md §2). From the traffic the endpoint serves
// now and what the inputs ask for (an explicit map, `all`, gated `rollout-steps`, the endpoint
// file's own traffic, and an optional mirror share), the ordered list of traffic maps to PUT.
// The restore target of every rollback is `previous`, the map as read before the first change.
/** Lower-cased names, zero entries dropped: the form in which two maps are compared. */
function normalizeTraffic(map) {
    const out = {};
    for (const [name, percent] of Object.entries(map ?? {})) {
        if (percent !== 0)
            out[name.toLowerCase()] = (out[name.toLowerCase()] ?? 0) + percent;
    }
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
function sameTraffic(a, b) {
    return JSON.stringify(normalizeTraffic(a)) === JSON.stringify(normalizeTraffic(b));
}
function formatTraffic(map) {
    const entries = Object.entries(normalizeTraffic(map));
    return entries.length ? entries.map(([n, p]) => `${n}=${p}`).join(',') : '(none)';
}
/**
 * The others keep their proportions while `name` takes `share` percent: the remaining percentage
 * is split by the largest-remainder method, so the map always totals exactly 100.
 */
function shareWith(live, name, share) {
    const key = name.toLowerCase();
    const others = Object.entries(normalizeTraffic(live)).filter(([n]) => n !== key);
    const othersTotal = others.reduce((s, [, p]) => s + p, 0);
    const rest = 100 - share;
    if (others.length === 0 || othersTotal === 0 || rest === 0)
        return { [key]: 100 };
    const exact = others.map(([n, p]) => ({ n, exact: (p * rest) / othersTotal }));
    const floor = exact.map((e) => ({ n: e.n, p: Math.floor(e.exact), frac: e.exact - Math.floor(e.exact) }));
    let missing = rest - floor.reduce((s, e) => s + e.p, 0);
    for (const e of [...floor].sort((a, b) => b.frac - a.frac || a.n.localeCompare(b.n))) {
        if (missing <= 0)
            break;
        e.p += 1;
        missing -= 1;
    }
    return normalizeTraffic({ [key]: share, ...Object.fromEntries(floor.map((e) => [e.n, e.p])) });
}
/** An endpoint PUT body with another traffic and mirror map (everything else as it was). */
function withTraffic(body, traffic, mirrorTraffic) {
    return { ...body, properties: { ...body.properties, traffic, mirrorTraffic } };
}
function planTraffic(input) {
    const previous = { traffic: normalizeTraffic(input.live), mirrorTraffic: normalizeTraffic(input.liveMirror) };
    const plan = { previous, steps: [], notes: [], problems: [] };
    const known = new Set(input.deployments.map((d) => d.toLowerCase()));
    const target = input.deployment?.toLowerCase();
    const gated = input.gatesConfigured;
    const liveStep = (label, traffic, isGated) => ({ label, traffic: normalizeTraffic(traffic), mirrorTraffic: {}, gated: isGated });
    if (input.mirrorPercent !== undefined) {
        if (input.mirrorPercent < 1 || input.mirrorPercent > 50)
            plan.problems.push(`mirror-percent: ${input.mirrorPercent} is outside 1..50; the service mirrors at most 50 % of the traffic.`);
        else if (!target)
            plan.problems.push('mirror-percent: needs a deployment file; it mirrors traffic to the deployment this run deploys.');
        else if ((previous.traffic[target] ?? 0) > 0)
            plan.problems.push(`mirror-percent: deployment '${target}' already serves ${previous.traffic[target]} % of live traffic; the service mirrors only to a deployment without live traffic.`);
        else if (Object.keys(previous.traffic).length === 0)
            plan.problems.push('mirror-percent: the endpoint serves no live traffic yet, so there is nothing to mirror.');
        else if (input.request.kind === 'none')
            plan.problems.push('mirror-percent: mirroring is the first step of a rollout; give rollout-steps or traffic as well.');
        else
            plan.steps.push({ label: `mirror ${input.mirrorPercent} % to ${target}`, traffic: previous.traffic, mirrorTraffic: { [target]: input.mirrorPercent }, gated: true });
    }
    const request = input.request;
    switch (request.kind) {
        case 'none':
            break;
        case 'all':
            if (!target)
                plan.problems.push('traffic: all needs a deployment file (it sends 100 % to the deployment this run deploys).');
            else
                plan.steps.push(liveStep(`${target} 100 %`, { [target]: 100 }, gated));
            break;
        case 'map':
        case 'file': {
            const weights = normalizeTraffic(request.kind === 'map' ? request.weights : request.traffic);
            const unknown = Object.keys(weights).filter((n) => !known.has(n));
            if (unknown.length) {
                plan.problems.push(`traffic: ${unknown.map((n) => `'${n}'`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} neither deployed by this run nor on the endpoint (known: ${[...known].join(', ') || 'none'}).`);
                break;
            }
            if (request.kind === 'file' && Object.keys(weights).length === 0 && Object.keys(normalizeTraffic(request.mirrorTraffic)).length === 0)
                break;
            const step = liveStep(`traffic ${formatTraffic(weights)}`, weights, gated);
            if (request.kind === 'file')
                step.mirrorTraffic = normalizeTraffic(request.mirrorTraffic);
            plan.steps.push(step);
            break;
        }
        case 'steps': {
            if (!target) {
                plan.problems.push('rollout-steps: needs a deployment file; the steps move the deployment this run deploys up.');
                break;
            }
            const others = Object.entries(previous.traffic).filter(([n, p]) => n !== target && p > 0);
            if (others.length === 0) {
                plan.notes.push(`No other deployment serves traffic, so ${target} goes to 100 % in one step (rollout-steps needs traffic to shift away from).`);
                plan.steps.push(liveStep(`${target} 100 %`, { [target]: 100 }, gated));
                break;
            }
            const current = previous.traffic[target] ?? 0;
            const steps = request.steps.filter((s) => s > current);
            if (steps.length < request.steps.length)
                plan.notes.push(`${target} already serves ${current} %: steps at or below it are skipped.`);
            for (const s of steps)
                plan.steps.push(liveStep(`${target} ${s} %`, shareWith(previous.traffic, target, s), gated));
            break;
        }
    }
    // A step that changes nothing is dropped (a re-run of a finished rollout is a no-op).
    let last = previous;
    plan.steps = plan.steps.filter((s) => {
        const same = sameTraffic(s.traffic, last.traffic) && sameTraffic(s.mirrorTraffic, last.mirrorTraffic);
        last = { traffic: s.traffic, mirrorTraffic: s.mirrorTraffic };
        return !same;
    });
    return plan;
}


/***/ })

};

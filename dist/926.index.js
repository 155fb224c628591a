export const id = 926;
export const ids = [926];
export const modules = {

/***/ 2798:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fp: () => (/* binding */ leaseHolder),
/* harmony export */   QY: () => (/* binding */ armLeaseStore),
/* harmony export */   VE: () => (/* binding */ releaseSavedLease),
/* harmony export */   W1: () => (/* binding */ EndpointLease),
/* harmony export */   ZN: () => (/* binding */ isLeaseTag),
/* harmony export */   j8: () => (/* binding */ withLeaseTag),
/* harmony export */   m8: () => (/* binding */ leaseOf),
/* harmony export */   n4: () => (/* binding */ parseLeaseState),
/* harmony export */   qh: () => (/* binding */ carryLease),
/* harmony export */   un: () => (/* binding */ describeLease),
/* harmony export */   zI: () => (/* binding */ withoutLease)
/* harmony export */ });
/* unused harmony exports LEASE_TAG, formatLease, parseLease */
/* harmony import */ var _azure_retry_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7573);
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7076);
/* harmony import */ var _lro_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1599);
/* harmony import */ var _writes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3306);
// The endpoint lease (docs/rollout.md §6): a deploy run holds the endpoint while it writes, so two
// runs of one endpoint never mix their traffic. The lease is a tag on the endpoint
// (`azureml-online-deploy.lease`: the holder — repository, run, attempt, job and a per-process
// nonce — and an expiry). It is taken right before the run's first write (for an endpoint that does
// not exist yet it travels in the create PUT's tags), checked (and renewed when its expiry moved)
// before every later write, and released at the end (success, failure, rollback, the signal handler,
// the post step). Two runs that both see no lease both write it; each reads it back after a settle
// delay and only the one whose lease Azure holds goes on, the other backs off and waits. A live lease
// of another run is waited for (`lease-wait`), then the run stops before any write; a lease past its
// expiry (a run that died) is taken over with a notice. The tags are written by a PATCH with the
// whole map (Azure replaces the tags of a resource with the PATCH's map; test/emulator/README.md), and
// every endpoint PUT carries the lease it read, so no write drops it. The clock is a parameter.




const LEASE_TAG = 'azureml-online-deploy.lease';
/** An ARM tag value holds at most 256 characters. */
const TAG_VALUE_MAX = 256;
const UNTIL = ' until ';
function isLeaseTag(key) {
    return key.toLowerCase() === LEASE_TAG;
}
function formatLease(v) {
    const until = `${UNTIL}${new Date(v.expiresAt).toISOString()}`;
    return `${v.holder.slice(0, TAG_VALUE_MAX - until.length)}${until}`;
}
/** Undefined for a missing or unparseable value (a damaged lease is no lease). */
function parseLease(text) {
    if (!text)
        return undefined;
    const i = text.lastIndexOf(UNTIL);
    if (i <= 0)
        return undefined;
    const expiresAt = Date.parse(text.slice(i + UNTIL.length));
    return Number.isFinite(expiresAt) ? { holder: text.slice(0, i), expiresAt } : undefined;
}
/** The lease on a tag map (the key in any letter case, as ARM keeps tag names case-insensitive). */
function leaseOf(tags) {
    const key = Object.keys(tags ?? {}).find(isLeaseTag);
    const value = key === undefined ? undefined : tags?.[key];
    return typeof value === 'string' ? parseLease(value) : undefined;
}
/** The tags without the lease. */
function withoutLease(tags) {
    return Object.fromEntries(Object.entries(tags).filter(([k]) => !isLeaseTag(k)));
}
/** An endpoint PUT body that carries exactly the given lease tag (none: no lease tag at all). */
function withLeaseTag(body, lease) {
    const tags = withoutLease((body.tags ?? {}));
    return { ...body, tags: lease === undefined ? tags : { ...tags, [LEASE_TAG]: lease } };
}
/** An endpoint PUT body that carries the lease the live endpoint holds (so a PUT never drops a holder's lease). */
function carryLease(body, liveTags) {
    const key = Object.keys(liveTags ?? {}).find(isLeaseTag);
    const value = key === undefined ? undefined : liveTags?.[key];
    return withLeaseTag(body, typeof value === 'string' ? value : undefined);
}
/** Who holds the lease: repository, run, attempt and job (https://docs.github.com/actions/reference/variables-reference), and a nonce for matrix legs of one job. */
function leaseHolder(env, nonce) {
    const repo = env.GITHUB_REPOSITORY || 'local';
    const run = env.GITHUB_RUN_ID || `pid-${process.pid}`;
    return `${repo}/runs/${run}/attempts/${env.GITHUB_RUN_ATTEMPT || '1'}/jobs/${env.GITHUB_JOB || 'deploy'}#${nonce}`;
}
function describeLease(v, now) {
    const left = Math.round((v.expiresAt - now) / 1000);
    return `${v.holder} until ${new Date(v.expiresAt).toISOString()}${left > 0 ? ` (${left} s from now)` : ' (expired)'}`;
}
class EndpointLease {
    state = 'none';
    value;
    clock;
    store;
    options;
    constructor(store, options) {
        this.store = store;
        this.options = options;
        this.clock = options.clock ?? _azure_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml;
        this.value = { holder: options.holder, expiresAt: options.expiresAt() };
    }
    get held() {
        return this.state === 'held';
    }
    /** The lease tag's value, for an endpoint PUT of this run. */
    tag() {
        return formatLease(this.value);
    }
    /** Before a write: takes the lease on the first call (waiting for another run's), then checks it is still this run's and renews it. */
    async ensure() {
        // Released (the end of the run, or the signal handler's): never taken again by a late write of this run.
        if (this.state === 'released')
            return { kind: 'lost' };
        if (this.state === 'held')
            return this.check();
        if (this.state === 'create')
            return this.confirm();
        return this.acquire();
    }
    mine(v) {
        return v !== undefined && v.holder === this.options.holder;
    }
    async acquire() {
        const { clock, options } = this;
        const started = clock.now();
        const name = options.endpointName;
        // The waits are the one poll loop's (src/azure/retry.ts): each look either ends the wait or says how long until the next.
        const looked = await (0,_azure_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .polling */ .CM)(`Lease of endpoint ${name}`, { deadline: Number.POSITIVE_INFINITY, clock }, async () => {
            const tags = await this.store.readTags();
            if (tags === undefined) {
                this.value = { holder: options.holder, expiresAt: options.expiresAt() };
                this.state = 'create';
                return { kind: 'create' };
            }
            const current = leaseOf(tags);
            const now = clock.now();
            if (current && !this.mine(current) && current.expiresAt > now) {
                const waited = now - started;
                if (waited >= options.waitMs)
                    return { kind: 'leased', by: current, waitedMs: waited };
                options.log(`Endpoint ${name} is leased by ${describeLease(current, now)}; waiting for it (${Math.round(waited / 1000)} s of lease-wait ${Math.round(options.waitMs / 1000)} s).`);
                throw new _azure_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .NotYet */ .QH('leased', Math.max(1, Math.min(options.pollMs ?? 5000, options.waitMs - waited, current.expiresAt - now)));
            }
            if (current && !this.mine(current)) {
                options.notice(`Endpoint ${name}: taking over the lease of ${current.holder}, which expired at ${new Date(current.expiresAt).toISOString()} (a run that died or was cancelled without releasing it).`);
            }
            this.value = { holder: options.holder, expiresAt: options.expiresAt() };
            await this.store.writeTags({ ...withoutLease(tags), [LEASE_TAG]: formatLease(this.value) });
            // Another run that saw no lease either may have written at the same moment: the last write wins, and shows after the settle delay.
            await clock.sleep(options.settleMs ?? 3000);
            const back = await this.store.readTags();
            if (back === undefined)
                return { kind: 'lost' };
            const holder = leaseOf(back);
            if (this.mine(holder)) {
                this.state = 'held';
                options.onChange?.(true);
                options.log(`Endpoint ${name}: lease taken (${formatLease(this.value)}).`);
                return { kind: 'held', taken: true, waitedMs: clock.now() - started };
            }
            options.log(`Endpoint ${name}: another run took the lease at the same moment (${holder ? describeLease(holder, clock.now()) : 'no lease read back'}); backing off.`);
            throw new _azure_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .NotYet */ .QH('contended', 0);
        });
        // The deadline is the probe's own (lease-wait), so the loop ends only through it.
        if (!looked.done)
            throw new Error(`Lease of endpoint ${name}: the wait ended without an answer`);
        return looked.value;
    }
    /** After the create PUT that carried the lease: read back whose lease the endpoint holds. */
    async confirm() {
        const back = await this.store.readTags();
        if (back === undefined) {
            // Still not created (the create PUT was not sent): take the lease the usual way.
            this.state = 'none';
            return this.acquire();
        }
        const holder = leaseOf(back);
        if (this.mine(holder)) {
            this.state = 'held';
            this.options.onChange?.(true);
            return this.check();
        }
        this.state = 'none';
        return { kind: 'lost', by: holder };
    }
    /** Still this run's? Renewed when its expiry moved or a writer dropped the tag; another holder means the lease is lost. */
    async check() {
        const tags = await this.store.readTags();
        if (tags === undefined)
            return { kind: 'lost' };
        const current = leaseOf(tags);
        if (current && !this.mine(current)) {
            this.state = 'none';
            return { kind: 'lost', by: current };
        }
        const want = this.options.expiresAt();
        if (!current || current.expiresAt !== want) {
            if (!current)
                this.options.log(`Endpoint ${this.options.endpointName}: the lease tag was dropped by another writer; writing it again.`);
            this.value = { holder: this.options.holder, expiresAt: want };
            await this.store.writeTags({ ...withoutLease(tags), [LEASE_TAG]: formatLease(this.value) });
        }
        return { kind: 'held', taken: false, waitedMs: 0 };
    }
    /** At the end of the run: removes the lease when it is still this run's. Never throws; a lease left behind expires, and the post step tries again. */
    async release() {
        if (this.state !== 'held' && this.state !== 'create')
            return true;
        try {
            const tags = await this.store.readTags();
            if (tags !== undefined && this.mine(leaseOf(tags)))
                await this.store.writeTags(withoutLease(tags));
            this.state = 'released';
            this.options.onChange?.(false);
            this.options.log(`Endpoint ${this.options.endpointName}: lease released.`);
            return true;
        }
        catch (error) {
            this.options.log(`Endpoint ${this.options.endpointName}: the lease could not be released (${error instanceof Error ? error.message : String(error)}); it expires at ${new Date(this.value.expiresAt).toISOString()}, and the post step tries again.`);
            return false;
        }
    }
}
/** The lease store of an endpoint in Azure: GET for the tags, PATCH `{tags}` (200, or 202 and an operation) with retries for the write. */
function armLeaseStore(session, path, apiVersion, deadline, clock) {
    return {
        async readTags() {
            try {
                const res = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_2__/* .retryTransient */ .jh)('GET endpoint tags', deadline(), () => session.arm.send({ method: 'GET', path, apiVersion }), { clock });
                const tags = (res.body?.tags ?? {});
                return Object.fromEntries(Object.entries(tags).filter((e) => typeof e[1] === 'string'));
            }
            catch (error) {
                if (error instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_1__/* .ArmError */ .dW && error.status === 404)
                    return undefined;
                throw error;
            }
        },
        async writeTags(tags) {
            const outcome = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_2__/* .retryTransient */ .jh)('PATCH endpoint tags', deadline(), () => (0,_lro_js__WEBPACK_IMPORTED_MODULE_2__/* .runLro */ .z9)(session.arm, { method: 'PATCH', path, apiVersion, body: { tags } }, { label: 'Endpoint lease', deadline: deadline() }), {
                clock,
                retryable: (e) => (0,_lro_js__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg)(e) || (0,_writes_js__WEBPACK_IMPORTED_MODULE_3__/* .isBusyConflict */ .I2)(e),
            });
            if (outcome.kind !== 'succeeded')
                throw new Error(`the tag update ${outcome.kind === 'failed' ? `failed: ${outcome.error.code}: ${outcome.error.message}` : 'did not finish in time'}`);
        },
    };
}
function parseLeaseState(text) {
    try {
        const s = JSON.parse(text);
        return typeof s.endpointPath === 'string' && typeof s.apiVersion === 'string' && typeof s.endpointName === 'string' && typeof s.holder === 'string' ? s : undefined;
    }
    catch {
        return undefined;
    }
}
/** The post step's release: the lease is removed when Azure still holds this run's. */
async function releaseSavedLease(session, state, options) {
    const clock = options.clock ?? _azure_retry_js__WEBPACK_IMPORTED_MODULE_0__/* .systemClock */ .ml;
    const end = clock.now() + options.budgetMs;
    const store = armLeaseStore(session, state.endpointPath, state.apiVersion, () => end, clock);
    const tags = await store.readTags();
    if (tags === undefined)
        return 'gone';
    if (leaseOf(tags)?.holder !== state.holder)
        return 'not ours';
    await store.writeTags(withoutLease(tags));
    return 'released';
}


/***/ }),

/***/ 2056:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KW: () => (/* binding */ readEndpoint),
/* harmony export */   N2: () => (/* binding */ describeEndpoint),
/* harmony export */   iJ: () => (/* binding */ readDeployment),
/* harmony export */   uI: () => (/* binding */ waitWhileBusy)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7094);
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7076);
/* harmony import */ var _manifests_rest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4138);
/* harmony import */ var _azure_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7573);
/* harmony import */ var _lro_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1599);
/* harmony import */ var _checks_endpoint_state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3776);
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
        const res = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_4__/* .retryTransient */ .jh)(`GET ${path.split('/').slice(-2).join('/')}`, deadline, () => session.arm.send({ method: 'GET', path, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .ML_API_VERSION */ .W8 }));
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
 * it): it is never written over. Undefined when it disappeared (deleted meanwhile). The waits are the
 * one poll loop's (src/azure/retry.ts), on `clock`.
 */
async function waitWhileBusy(label, read, first, deadline, intervalMs = 5000, clock = _azure_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .ml) {
    let current = first;
    const started = clock.now();
    const waited = await (0,_azure_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .polling */ .CM)(label, { deadline, clock }, async (attempt) => {
        if (attempt > 1)
            current = await read();
        if (current && !(0,_checks_endpoint_state_js__WEBPACK_IMPORTED_MODULE_5__/* .isTerminal */ .Hd)(current.provisioningState)) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`${label} is ${current.provisioningState} (another operation is running on it); waiting, ${Math.round((clock.now() - started) / 1000)} s so far`);
            throw new _azure_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .NotYet */ .QH(current.provisioningState, intervalMs);
        }
        return current;
    });
    return waited.done ? { kind: 'ready', value: waited.value } : { kind: 'timeout', state: waited.state };
}


/***/ }),

/***/ 1599:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   jh: () => (/* binding */ retryTransient),
/* harmony export */   z9: () => (/* binding */ runLro)
/* harmony export */ });
/* unused harmony exports SDK_POLL_INTERVAL_MS, HEARTBEAT_MS, operationKind, TIME_SCALE_VARIABLE, timeScale, pollWaitMs, PollLog */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7094);
/* harmony import */ var _azure_core_lro__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7352);
/* harmony import */ var _azure_rest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9649);
/* harmony import */ var _azure_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7573);
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7076);
// Long-running ARM writes (PUT of an endpoint or a deployment, DELETE) waited for with @azure/core-lro
// over the session's ARM client: the poller follows Azure-AsyncOperation / Location, and the waits
// between its polls are those of the one poll loop (src/azure/retry.ts `polling`, on the run's clock):
// Retry-After honoured but never past the deadline (docs/rollout.md §1). Azure sends none
// (test/fixtures/recorded/ml-online.json), and then the action waits what azure-ai-ml waits: 5 s for a
// deployment, 30 s for an endpoint, the first poll one interval after the write's answer — the
// earliest schedule that never sends more status requests than the SDK, and a terminal state noticed
// within one interval. One log line per state change, plus a heartbeat each minute; the wait stops at
// the run's `timeout` budget. A throttled or failed poll (429, 5xx, a reset, after the pipeline's own
// retries) is not a failed operation: it is asked again one interval later. Tests scale the schedule
// with AZUREML_DEPLOY_TEST_TIME_SCALE (docs/rollout.md §1).





/**
 * azure-ai-ml's wait between status polls when the service sends no Retry-After: deployments use
 * `AzureMLPolling(LROConfigurations.POLL_INTERVAL)`, 5 s; endpoints the generated client's default
 * `polling_interval`, 30 s. azure-core's poller waits one interval before its first poll. The
 * azure-cli-extensions cassettes' date headers show exactly that (test/fixtures/recorded/cli-online-*.json
 * `pollGapsS`, checked by test/emulator/recorded.test.ts).
 */
const SDK_POLL_INTERVAL_MS = { deployment: 5000, endpoint: 30_000 };
/** How often a poll line is printed for an unchanged state. */
const HEARTBEAT_MS = 60_000;
/** Which of the SDK's intervals applies to a write: deployments (and their operations) or endpoints. */
function operationKind(path) {
    return /\/onlineEndpoints\/[^/]+\/deployments\//i.test(path) ? 'deployment' : 'endpoint';
}
/** The environment variable that scales the poll schedule and the heartbeat, for tests against an emulator whose operations are scaled alike. */
const TIME_SCALE_VARIABLE = 'AZUREML_DEPLOY_TEST_TIME_SCALE';
/**
 * The test-only time scale: a number in (0, 1] from AZUREML_DEPLOY_TEST_TIME_SCALE, else 1. Anything
 * else is ignored (the schedule is never made slower than the SDK's, nor faster without the variable).
 */
function timeScale(env = process.env) {
    const raw = env[TIME_SCALE_VARIABLE];
    if (raw === undefined || raw.trim() === '')
        return 1;
    const n = Number(raw);
    return Number.isFinite(n) && n > 0 && n <= 1 ? n : 1;
}
/** Wait before the next status poll: the service's Retry-After when it sent one, else the interval. */
function pollWaitMs(retryAfterMs, intervalMs) {
    return retryAfterMs !== undefined && retryAfterMs >= 0 ? retryAfterMs : intervalMs;
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
    return error instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_4__/* .ArmError */ .dW && (TRANSIENT.has(error.status) || (error.status === 401 && error.code === 'ExpiredAuthenticationToken'));
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
    const clock = options.clock ?? _azure_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .systemClock */ .ml;
    const started = clock.now();
    let polls = 0;
    let lastBody;
    let lastHeaders = {};
    let lastState = 'InProgress';
    const scale = timeScale();
    const interval = options.intervalMs ?? SDK_POLL_INTERVAL_MS[operationKind(request.path)] * scale;
    const lines = new PollLog(HEARTBEAT_MS * scale);
    let first = true;
    const poller = await (0,_azure_core_lro__WEBPACK_IMPORTED_MODULE_1__/* .createHttpPoller */ .Vj)({
        requestPath: request.path,
        requestMethod: request.method,
        sendInitialRequest: async () => {
            const res = await arm.send({ method: request.method, path: request.path, apiVersion: request.apiVersion, body: request.body });
            lastHeaders = res.headers;
            return toLro(res);
        },
        sendPollRequest: async (path) => {
            polls += 1;
            const absolute = /^https:\/\//i.test(path);
            try {
                const res = await (0,_azure_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .withDeadline */ .NE)(options.deadline, () => arm.send({ method: 'GET', path, apiVersion: absolute ? '' : request.apiVersion }));
                lastHeaders = res.headers;
                lastBody = res.body && typeof res.body === 'object' ? res.body : undefined;
                lastState = String(lastBody?.status ?? lastBody?.properties?.provisioningState ?? `HTTP ${res.status}`);
                if (lines.shouldLog(lastState, clock.now()))
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`${options.label}: ${lastState} (${elapsed(clock.now() - started)} elapsed)`);
                return toLro(res);
            }
            catch (error) {
                if (error instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_4__/* .ArmError */ .dW && !isTransient(error)) {
                    // A Location poll answers the failure itself with an error status.
                    lastBody = { status: 'Failed', error: { code: error.code, message: error.message } };
                    _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`${options.label}: Failed (${elapsed(clock.now() - started)} elapsed)`);
                    return { flatResponse: lastBody, rawResponse: { statusCode: 200, headers: {}, body: lastBody } };
                }
                // Transient: the poll loop below asks again about one interval later (or after its Retry-After).
                throw error;
            }
        },
    }, { resolveOnUnsuccessful: true });
    let waited;
    try {
        waited = await (0,_azure_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .polling */ .CM)(options.label, {
            deadline: options.deadline,
            clock,
            retryable: isTransient,
            retryAfterMs: (e) => (e instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_4__/* .ArmError */ .dW ? e.retryAfterMs : undefined),
            // A transient poll failure is asked again one interval later (its Retry-After when it sends one).
            delayMs: () => interval,
            log: (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(line),
        }, async () => {
            // azure-core's poller, as the SDK runs it, waits one interval before its first poll too.
            if (first && !poller.isDone()) {
                first = false;
                throw new _azure_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .NotYet */ .QH(lastState, pollWaitMs((0,_azure_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .retryAfterMsOf */ .mK)(lastHeaders, clock.now()), interval));
            }
            if (!poller.isDone())
                await poller.poll();
            if (poller.isDone())
                return true;
            throw new _azure_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .NotYet */ .QH(lastState, pollWaitMs((0,_azure_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .retryAfterMsOf */ .mK)(lastHeaders, clock.now()), interval));
        });
    }
    catch (error) {
        // A poll still failing transiently when the budget ends is a timeout, not a failed operation.
        if (isTransient(error))
            waited = { done: false };
        else
            throw error;
    }
    const elapsedMs = clock.now() - started;
    if (!waited.done)
        return { kind: 'timeout', polls, elapsedMs };
    const state = poller.getOperationState();
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
 * retries (a 429 storm), until the deadline. Only for idempotent calls (GET, PUT). Retry-After is
 * honoured but never past the deadline, and every request inside is aborted at the deadline (a
 * `timeout: 20s` never waits out a `Retry-After: 90`).
 */
async function retryTransient(what, deadline, call, options = {}) {
    return (0,_azure_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retrying */ .R$)(what, { deadline, retryable: options.retryable ?? isTransient, retryAfterMs: (e) => (e instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_4__/* .ArmError */ .dW ? e.retryAfterMs : undefined), log: (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(line), clock: options.clock }, () => (0,_azure_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .withDeadline */ .NE)(deadline, call));
}


/***/ }),

/***/ 3926:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BV: () => (/* binding */ describeMaps),
/* harmony export */   Yr: () => (/* binding */ sameMaps),
/* harmony export */   Yw: () => (/* binding */ restoreTraffic),
/* harmony export */   ui: () => (/* binding */ ROLLBACK_BUDGET_MS)
/* harmony export */ });
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7076);
/* harmony import */ var _azure_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7573);
/* harmony import */ var _live_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2056);
/* harmony import */ var _lease_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2798);
/* harmony import */ var _lro_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1599);
/* harmony import */ var _writes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3306);
/* harmony import */ var _traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8274);







/** The restore's own budget: long enough for a busy endpoint's update and a few throttled answers. */
const ROLLBACK_BUDGET_MS = 3 * 60_000;
function describeMaps(m) {
    return `${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .formatTraffic */ .zM)(m.traffic)}${Object.keys(m.mirrorTraffic).length ? ` (mirror ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .formatTraffic */ .zM)(m.mirrorTraffic)})` : ''}`;
}
function sameMaps(live, want) {
    return (0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .sameTraffic */ .UN)(live.traffic, want.traffic) && (0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .sameTraffic */ .UN)(live.mirrorTraffic, want.mirrorTraffic);
}
const TERMINAL = /^(succeeded|failed|canceled)$/i;
async function restoreTraffic(session, state, options) {
    const clock = options.clock ?? _azure_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .ml;
    const deadline = clock.now() + (options.budgetMs ?? ROLLBACK_BUDGET_MS);
    const previous = state.previous;
    const mine = [previous, ...options.ours];
    const read = async (until) => {
        const res = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_4__/* .retryTransient */ .jh)(`GET endpoint ${state.endpointName}`, until, () => session.arm.send({ method: 'GET', path: state.endpointPath, apiVersion: state.apiVersion }), { clock });
        return (0,_live_js__WEBPACK_IMPORTED_MODULE_2__/* .describeEndpoint */ .N2)(res.body ?? {});
    };
    const tryRead = async (until) => {
        try {
            return { live: await read(until) };
        }
        catch (error) {
            return { why: error instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_0__/* .ArmError */ .dW && error.status === 404 ? 'the endpoint is gone' : `the endpoint could not be read (${error instanceof Error ? error.message : String(error)})` };
        }
    };
    if (options.inFlight) {
        options.log('Waiting for the traffic update already sent before restoring.');
        await Promise.race([options.inFlight.catch(() => undefined), clock.sleep(Math.max(0, (deadline - clock.now()) / 3))]);
    }
    for (let sends = 0;;) {
        // The guard read: short, and only a guard — when it fails, the restore is sent anyway.
        const guard = await tryRead(Math.min(deadline, clock.now() + 15_000));
        if (guard.live) {
            if (sameMaps(guard.live, previous)) {
                if (TERMINAL.test(guard.live.provisioningState))
                    return { kind: 'restored', live: guard.live, sent: sends > 0 };
                // An operation is still running on the endpoint: wait for it (the one poll loop) before judging what it leaves.
                const settled = await (0,_live_js__WEBPACK_IMPORTED_MODULE_2__/* .waitWhileBusy */ .uI)(`Endpoint ${state.endpointName}`, async () => (await tryRead(Math.min(deadline, clock.now() + 15_000))).live, guard.live, deadline, 2000, clock);
                if (settled.kind === 'ready')
                    continue;
            }
            if (!mine.some((m) => sameMaps(guard.live, m)))
                return { kind: 'changed-elsewhere', live: guard.live };
        }
        else if (Object.keys(previous.traffic).length === 0) {
            return { kind: 'failed', why: `the previous map is empty and ${guard.why ?? 'the endpoint could not be read'}: an empty map is never sent without reading the endpoint first` };
        }
        if (sends >= 3)
            return { kind: 'failed', why: `Azure still holds ${guard.live ? describeMaps(guard.live) : 'an unreadable map'} after ${sends} restores`, live: guard.live };
        if (clock.now() >= deadline)
            return { kind: 'failed', why: 'the rollback budget ended before the restore was confirmed', live: guard.live };
        sends += 1;
        options.log(`Sending the restore of traffic ${describeMaps(previous)}${guard.live ? '' : ` (${guard.why}; sent without it)`}.`);
        // The PUT replaces the tags: it carries the lease the guard read found (docs/rollout.md §6).
        const body = (0,_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .carryLease */ .qh)((0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .withTraffic */ .oO)(state.body, previous.traffic, previous.mirrorTraffic), guard.live?.body.tags);
        try {
            const outcome = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_4__/* .retryTransient */ .jh)('Restore', deadline, () => (0,_lro_js__WEBPACK_IMPORTED_MODULE_4__/* .runLro */ .z9)(session.arm, { method: 'PUT', path: state.endpointPath, apiVersion: state.apiVersion, body }, { label: 'Restore', deadline, clock }), { clock, retryable: (e) => (0,_lro_js__WEBPACK_IMPORTED_MODULE_4__/* .isTransient */ .dg)(e) || (0,_writes_js__WEBPACK_IMPORTED_MODULE_5__/* .isBusyConflict */ .I2)(e) });
            if (outcome.kind === 'failed')
                return { kind: 'failed', why: `the restore failed: ${outcome.error.code}: ${outcome.error.message}`, live: guard.live };
            if (outcome.kind === 'timeout')
                return { kind: 'failed', why: 'the restore did not finish within the rollback budget', live: guard.live };
        }
        catch (error) {
            return { kind: 'failed', why: `the restore was not accepted: ${error instanceof Error ? error.message : String(error)}`, live: guard.live };
        }
        // Read back (with the rest of the budget); a late write of this run that landed after the
        // restore shows as one of its own maps, and the loop sends the restore again.
        const back = await tryRead(deadline);
        if (!back.live)
            return { kind: 'failed', why: `the restore was accepted but ${back.why ?? 'the endpoint could not be read back'}` };
        if (sameMaps(back.live, previous))
            return { kind: 'restored', live: back.live, sent: true };
        options.log(`Read back ${describeMaps(back.live)} after the restore: a write of this run may have landed after it.`);
    }
}


/***/ }),

/***/ 3306:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I2: () => (/* binding */ isBusyConflict),
/* harmony export */   f6: () => (/* binding */ ApplyLog),
/* harmony export */   zC: () => (/* binding */ writeLro)
/* harmony export */ });
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7076);
/* harmony import */ var _findings_finding_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6939);
/* harmony import */ var _lro_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1599);



/** Shared by the apply steps: findings, timeline, and what has been written. */
class ApplyLog {
    findings = [];
    notes = [];
    writes = 0;
    failed = false;
    timeline;
    constructor(timeline) {
        this.timeline = timeline;
    }
    entry(name, started, verdict, detail) {
        this.timeline.push({ name, durationMs: Math.round(Date.now() - started), verdict, ...(detail ? { detail } : {}) });
    }
    fail(rule, at, message, hint) {
        this.failed = true;
        this.findings.push((0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_1__/* .makeFinding */ .MH)(rule, at, message, { severity: 'error', ...(hint ? { hint } : {}) }));
    }
}
/**
 * A 409 because another operation runs on the resource ("Cannot create a deployment in endpoint X
 * because it is in Updating provisioning state"): the write is waited out and sent again, never
 * failed (docs/rollout.md §1 "Busy resources"). Other 409s (a name taken, an immutable field) are final.
 */
function isBusyConflict(error) {
    return error instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_0__/* .ArmError */ .dW && error.status === 409 && /provisioning state|current operation|operation is in progress/i.test(error.message);
}
/** A write through an LRO; a refused write (ARM error on the PUT itself) becomes a failed outcome. Throttling, 5xx and a busy resource's 409 are sent again until the deadline. */
async function writeLro(session, log, req, label, deadline, options = {}) {
    const started = Date.now();
    try {
        return await (0,_lro_js__WEBPACK_IMPORTED_MODULE_2__/* .retryTransient */ .jh)(label, deadline, async () => {
            const outcome = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_2__/* .runLro */ .z9)(session.arm, req, { label, deadline, clock: options.clock });
            log.writes += 1;
            return outcome;
        }, { retryable: (error) => (0,_lro_js__WEBPACK_IMPORTED_MODULE_2__/* .isTransient */ .dg)(error) || isBusyConflict(error), clock: options.clock });
    }
    catch (error) {
        if (error instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_0__/* .ArmError */ .dW)
            return { kind: 'failed', error: { code: error.code, message: error.message.replace(/^\w+ \S+: \d+ \w+: /, '') }, polls: 0, elapsedMs: Date.now() - started };
        throw error;
    }
}


/***/ }),

/***/ 9649:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NE: () => (/* binding */ withDeadline),
/* harmony export */   dW: () => (/* binding */ ArmError),
/* harmony export */   ih: () => (/* binding */ createResourceClient),
/* harmony export */   kd: () => (/* binding */ armClientOver),
/* harmony export */   mK: () => (/* binding */ retryAfterMsOf)
/* harmony export */ });
/* unused harmony export armUrl */
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6698);
/* harmony import */ var _azure_core_rest_pipeline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(373);
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

/***/ 7573:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ polling),
/* harmony export */   QH: () => (/* binding */ NotYet),
/* harmony export */   R$: () => (/* binding */ retrying),
/* harmony export */   ml: () => (/* binding */ systemClock)
/* harmony export */ });
// The one retry and poll loop of the action's own calls (ARM reads and idempotent writes after the
// pipeline's retries, the LRO poller, metrics queries, scoring requests, the GitHub OIDC token
// request): exponential back-off (or the caller's interval), Retry-After honoured, and nothing ever
// waits past the deadline — a Retry-After longer than the budget left ends the loop at once
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
            const wait = asked !== undefined ? Math.max(asked, 0) : Math.max(0, policy.delayMs?.(error, attempt) ?? backoff);
            const left = policy.deadline - clock.now();
            if (wait > left) {
                if (asked !== undefined)
                    policy.log?.(`${what}: the service asks to wait ${Math.ceil(asked / 1000)} s, more than the ${Math.max(0, Math.floor(left / 1000))} s left of the budget; giving up.`, error);
                throw error;
            }
            policy.log?.(`${what}: ${describe(error)}; trying again in ${Math.max(1, Math.round(wait / 1000))} s${asked !== undefined ? ' (Retry-After)' : ''}`, error);
            await clock.sleep(wait);
            backoff = Math.min(backoff * 2, policy.maxDelayMs ?? 15_000);
        }
    }
}
/** Thrown by a poll's probe while the awaited state has not come; `retryAfterMs` is the wait before the next look. */
class NotYet extends Error {
    retryAfterMs;
    state;
    constructor(state, retryAfterMs) {
        super(`still ${state}`);
        this.name = 'NotYet';
        this.state = state;
        this.retryAfterMs = retryAfterMs;
    }
}
/**
 * Looks again (through `retrying`, the one loop) while `probe` throws NotYet or a retryable failure;
 * undefined when the deadline comes first (the last state is in `onTimeout`). NotYet lines are not
 * logged by the loop: the probe says what it sees, once per change.
 */
async function polling(what, policy, probe) {
    try {
        const value = await retrying(what, {
            ...policy,
            retryable: (e) => e instanceof NotYet || (policy.retryable?.(e) ?? false),
            retryAfterMs: (e) => (e instanceof NotYet ? e.retryAfterMs : policy.retryAfterMs?.(e)),
            log: (line, e) => {
                if (!(e instanceof NotYet))
                    policy.log?.(line, e);
            },
        }, probe);
        return { done: true, value };
    }
    catch (error) {
        if (error instanceof NotYet)
            return { done: false, state: error.state };
        throw error;
    }
}
function describe(error) {
    if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
        return error.code;
    return error instanceof Error ? error.message : String(error);
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

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(7094);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/auth.js
var auth = __webpack_require__(2145);
// EXTERNAL MODULE: ./node_modules/@azure/identity/dist/esm/index.js + 167 modules
var esm = __webpack_require__(483);
// EXTERNAL MODULE: ./lib/azure/retry.js
var retry = __webpack_require__(7573);
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
    const clock = options.clock ?? retry/* systemClock */.ml;
    const get = options.get ?? httpGet;
    let cached;
    let pending;
    const fetchOne = async () => {
        const url = `${env.ACTIONS_ID_TOKEN_REQUEST_URL ?? ''}&audience=${encodeURIComponent(audience)}`;
        const bearer = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN ?? '';
        const attempts = { n: 0 };
        const token = await (0,retry/* retrying */.R$)('GitHub OIDC token request', { deadline: clock.now() + (options.budgetMs ?? OIDC_RETRY_BUDGET_MS), retryable: oidcRetryable, retryAfterMs: (e) => e.retryAfterMs, log: options.log ?? ((l) => core.info(l)), maxAttempts: 8, clock }, async () => {
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
    const clock = options.clock ?? retry/* systemClock */.ml;
    let attempts = 0;
    try {
        return await (0,retry/* retrying */.R$)('Entra token request', { deadline: clock.now() + (options.budgetMs ?? OIDC_RETRY_BUDGET_MS), retryable: entraTransient, log: (l) => core.info(l), maxAttempts: 4, firstDelayMs: 2000, clock }, async () => {
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


/***/ })

};

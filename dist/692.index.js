export const id = 692;
export const ids = [692];
export const modules = {

/***/ 870:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KW: () => (/* binding */ readEndpoint),
/* harmony export */   N2: () => (/* binding */ describeEndpoint),
/* harmony export */   iJ: () => (/* binding */ readDeployment),
/* harmony export */   uI: () => (/* binding */ waitWhileBusy)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9846);
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7574);
/* harmony import */ var _manifests_rest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2324);
/* harmony import */ var _lro_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8349);
/* harmony import */ var _checks_endpoint_state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(126);
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
        const res = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_3__/* .retryTransient */ .jh)(`GET ${path.split('/').slice(-2).join('/')}`, deadline, () => session.arm.send({ method: 'GET', path, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .ML_API_VERSION */ .W8 }));
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

/***/ 8349:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dg: () => (/* binding */ isTransient),
/* harmony export */   jh: () => (/* binding */ retryTransient),
/* harmony export */   z9: () => (/* binding */ runLro)
/* harmony export */ });
/* unused harmony exports pollDelayMs, PollLog */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9846);
/* harmony import */ var _azure_core_lro__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9384);
/* harmony import */ var _azure_rest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4131);
/* harmony import */ var _azure_retry_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4211);
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7574);
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
                if (error instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_4__/* .ArmError */ .dW && !isTransient(error)) {
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
 * retries (a 429 storm), until the deadline. Only for idempotent calls (GET, PUT). Retry-After is
 * honoured but never past the deadline, and every request inside is aborted at the deadline (a
 * `timeout: 20s` never waits out a `Retry-After: 90`).
 */
async function retryTransient(what, deadline, call, options = {}) {
    return (0,_azure_retry_js__WEBPACK_IMPORTED_MODULE_3__/* .retrying */ .R)(what, { deadline, retryable: options.retryable ?? isTransient, retryAfterMs: (e) => (e instanceof _azure_session_js__WEBPACK_IMPORTED_MODULE_4__/* .ArmError */ .dW ? e.retryAfterMs : undefined), log: (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(line), clock: options.clock }, () => (0,_azure_rest_js__WEBPACK_IMPORTED_MODULE_2__/* .withDeadline */ .NE)(deadline, call));
}


/***/ }),

/***/ 5444:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BV: () => (/* binding */ describeMaps),
/* harmony export */   Yr: () => (/* binding */ sameMaps),
/* harmony export */   Yw: () => (/* binding */ restoreTraffic),
/* harmony export */   ui: () => (/* binding */ ROLLBACK_BUDGET_MS)
/* harmony export */ });
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7574);
/* harmony import */ var _azure_retry_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4211);
/* harmony import */ var _live_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(870);
/* harmony import */ var _lro_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(8349);
/* harmony import */ var _writes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7544);
/* harmony import */ var _traffic_plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1131);






/** The restore's own budget: long enough for a busy endpoint's update and a few throttled answers. */
const ROLLBACK_BUDGET_MS = 3 * 60_000;
function describeMaps(m) {
    return `${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .formatTraffic */ .zM)(m.traffic)}${Object.keys(m.mirrorTraffic).length ? ` (mirror ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .formatTraffic */ .zM)(m.mirrorTraffic)})` : ''}`;
}
function sameMaps(live, want) {
    return (0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .sameTraffic */ .UN)(live.traffic, want.traffic) && (0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .sameTraffic */ .UN)(live.mirrorTraffic, want.mirrorTraffic);
}
const TERMINAL = /^(succeeded|failed|canceled)$/i;
async function restoreTraffic(session, state, options) {
    const clock = options.clock ?? _azure_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m;
    const deadline = clock.now() + (options.budgetMs ?? ROLLBACK_BUDGET_MS);
    const previous = state.previous;
    const mine = [previous, ...options.ours];
    const read = async (until) => {
        const res = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_3__/* .retryTransient */ .jh)(`GET endpoint ${state.endpointName}`, until, () => session.arm.send({ method: 'GET', path: state.endpointPath, apiVersion: state.apiVersion }), { clock });
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
                // An operation is still running on the endpoint: wait for it before judging what it leaves.
                if (clock.now() + 2000 < deadline) {
                    await clock.sleep(2000);
                    continue;
                }
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
        const body = (0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .withTraffic */ .oO)(state.body, previous.traffic, previous.mirrorTraffic);
        try {
            const outcome = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_3__/* .retryTransient */ .jh)('Restore', deadline, () => (0,_lro_js__WEBPACK_IMPORTED_MODULE_3__/* .runLro */ .z9)(session.arm, { method: 'PUT', path: state.endpointPath, apiVersion: state.apiVersion, body }, { label: 'Restore', deadline }), { clock, retryable: (e) => (0,_lro_js__WEBPACK_IMPORTED_MODULE_3__/* .isTransient */ .dg)(e) || (0,_writes_js__WEBPACK_IMPORTED_MODULE_4__/* .isBusyConflict */ .I2)(e) });
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

/***/ 7544:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I2: () => (/* binding */ isBusyConflict),
/* harmony export */   f6: () => (/* binding */ ApplyLog),
/* harmony export */   zC: () => (/* binding */ writeLro)
/* harmony export */ });
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7574);
/* harmony import */ var _findings_finding_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(65);
/* harmony import */ var _lro_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8349);



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
            const outcome = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_2__/* .runLro */ .z9)(session.arm, req, { label, deadline });
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

/***/ 4692:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployFacts: () => (/* binding */ deployFacts),
  deployMode: () => (/* binding */ deployMode)
});

// EXTERNAL MODULE: ../main/node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(9846);
// EXTERNAL MODULE: ./lib/assets/upload.js
var upload = __webpack_require__(6658);
// EXTERNAL MODULE: ./lib/azure/session.js + 1 modules
var azure_session = __webpack_require__(7574);
// EXTERNAL MODULE: ./lib/inputs.js
var inputs = __webpack_require__(8252);
// EXTERNAL MODULE: ./lib/modes/validate-plan.js + 1 modules
var validate_plan = __webpack_require__(9939);
// EXTERNAL MODULE: ./lib/report/redact.js
var redact = __webpack_require__(4684);
// EXTERNAL MODULE: ./lib/report/model.js
var model = __webpack_require__(7053);
// EXTERNAL MODULE: ./lib/secrets/parse.js
var parse = __webpack_require__(6352);
// EXTERNAL MODULE: ./lib/source-files.js
var source_files = __webpack_require__(2082);
// EXTERNAL MODULE: ./lib/manifests/index.js
var manifests = __webpack_require__(6144);
;// CONCATENATED MODULE: ./lib/apply/failure-codes.js
// Pure: the documented online-deployment failure codes with a remedy each, after
// "Troubleshooting online endpoints deployment and scoring"
// (https://learn.microsoft.com/azure/machine-learning/how-to-troubleshoot-online-endpoints#common-deployment-errors).
// A `deployment-failed` finding carries the service's code and this remedy.
const TSG = 'https://learn.microsoft.com/azure/machine-learning/how-to-troubleshoot-online-endpoints';
const CODES = [
    {
        code: 'SecretsInjectionError',
        meaning: 'a secret reference in environment_variables could not be resolved with the endpoint identity',
        remedy: 'Give the endpoint identity the role the reference needs (Key Vault Secrets User on the vault; Azure Machine Learning Workspace Connection Secrets Reader on the workspace for connections), check that the connection, key or secret version exists, and allow a few minutes for a new role assignment to propagate.',
    },
    {
        code: 'ImageBuildFailure',
        meaning: 'the environment image could not be built',
        remedy: 'Open the image build log linked in the message; fix the conda file or Dockerfile (a package that does not resolve is the usual cause) and check that the workspace can reach its container registry.',
    },
    {
        code: 'OutOfQuota',
        meaning: 'not enough quota for the instance type (cores, or role assignments, endpoints, disk, memory)',
        remedy: 'Lower instance_count or use another instance type, delete unused deployments, or request more quota for the VM family in this region. Managed deployments keep 20 % extra cores for upgrades.',
    },
    {
        code: 'BadArgument',
        meaning: 'the request names something the service cannot use (model, environment, code, identity, or a setting)',
        remedy: 'Check that the model, environment and code versions exist in this workspace, that the endpoint identity may read the workspace storage and registry, and that the scoring script path is right.',
    },
    {
        code: 'ResourceNotReady',
        meaning: 'the container did not become ready: it failed to start, crashed, or its liveness probe failed',
        remedy: 'Read the inference-server log tail below: an exception in init() of the scoring script, a missing package, or a model path that does not exist are the usual causes. A user-assigned identity also needs AcrPull on the registry and Storage Blob Data Reader on the storage.',
    },
    {
        code: 'ResourceNotFound',
        meaning: 'a resource the deployment needs does not exist, or the environment image never became available',
        remedy: 'Check that every asset and identity named in the files exists; for "Environment Image" timeouts, open the image build log of the environment version in the message.',
    },
    {
        code: 'OperationCanceled',
        meaning: 'the operation was cancelled, usually by a newer operation on the same endpoint or deployment',
        remedy: 'Make sure no other run or person updates the same endpoint at the same time (use a GitHub concurrency group), then run again.',
    },
    {
        code: 'WorkspaceManagedNetworkNotReady',
        meaning: 'the workspace managed network is not provisioned yet',
        remedy: 'Provision the managed network (az ml workspace provision-network) and run again.',
    },
    {
        code: 'InternalServerError',
        meaning: 'the service failed on its side',
        remedy: 'Run again; if it repeats, open a support request with the correlation id from the log.',
    },
    {
        code: 'AuthorizationFailed',
        meaning: 'the signed-in identity may not perform the operation',
        remedy: 'Grant the workflow identity a role with the action in the message (for example AzureML Data Scientist on the workspace).',
    },
    {
        code: 'UserError',
        meaning: 'the service rejected the request or the deployment setup',
        remedy: 'Read the service message above; it names the setting to fix.',
    },
    {
        code: 'DeploymentTimeout',
        meaning: 'the operation did not finish within the wait budget',
        remedy: 'Raise the timeout input, or check the container logs for a slow start (a large model or image pull).',
    },
];
const BY_CODE = new Map(CODES.map((c) => [c.code.toLowerCase(), c]));
const FAILURE_CODES = (/* unused pure expression or super */ null && (CODES));
/** The catalog entry for a service error code; unknown codes get the general advice and the guide. */
function describeFailure(code) {
    const entry = BY_CODE.get(code.toLowerCase());
    const docs = `${TSG}#error-${code.toLowerCase()}`;
    if (entry)
        return { ...entry, docs };
    return { code, meaning: 'the service failed the operation', remedy: `Read the service message and the container logs; see ${TSG}.`, docs: TSG };
}
/**
 * The environment variables a SecretsInjectionError names: `details[].target` when the service gives them, else the
 * known variable names its message spells out. The contract's text names none ("The endpoint identity could not read one
 * or more referenced secrets …", contracts MfeOperationsStatus_examples.json), so this is often empty.
 */
function failingVariables(error, known) {
    const fromDetails = (error.details ?? []).map((d) => d.target).filter((t) => typeof t === 'string' && t.length > 0);
    if (fromDetails.length)
        return [...new Set(fromDetails)];
    return known.filter((name) => new RegExp(`(^|[^A-Za-z0-9_])${name}([^A-Za-z0-9_]|$)`).test(error.message));
}
/**
 * Where to point a SecretsInjectionError: the variables the service names (`named: true`), or, when it names none,
 * every secret reference of the deployment as a possible cause (`named: false`).
 */
function injectionSuspects(error, references) {
    const named = failingVariables(error, references.map((r) => r.variable));
    if (named.length)
        return { named: true, variables: named };
    return { named: false, variables: references.map((r) => r.variable) };
}
/**
 * Whether one retry after a propagation delay can help, decided from what the action itself just assigned, not from the
 * message's wording (which the contract does not give): a SecretsInjectionError on a deployment whose suspect references
 * are all Key Vault references to vaults the action granted a role on a moment ago.
 */
function retryAfterGrant(error, references, grantedVaultHosts) {
    if (error.code !== 'SecretsInjectionError' || grantedVaultHosts.length === 0)
        return false;
    const granted = new Set(grantedVaultHosts.map((h) => h.toLowerCase()));
    const suspects = new Set(injectionSuspects(error, references).variables);
    const involved = references.filter((r) => suspects.has(r.variable));
    return involved.length > 0 && involved.every((r) => r.vaultHost !== undefined && granted.has(r.vaultHost.toLowerCase()));
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./lib/checks/rbac.js
var rbac = __webpack_require__(4191);
// EXTERNAL MODULE: ./lib/checks/roles.js
var roles = __webpack_require__(1966);
// EXTERNAL MODULE: ./lib/apply/lro.js
var lro = __webpack_require__(8349);
;// CONCATENATED MODULE: ./lib/apply/keyvault-roles.js
// Key Vault access of a new system-assigned endpoint identity (docs/secret-injection.md): it is
// never granted automatically and cannot be granted before the endpoint exists. Between endpoint
// and deployment creation this module checks each referenced vault, assigns Key Vault Secrets User
// with `grant-missing-roles` (principalType set: the principal is brand new, and role assignment
// without it fails while the principal replicates), and waits until the assignment is visible.






const AUTHZ_API = '2022-04-01';
const VAULT_API = '2023-07-01';
/** Whether a role definition allows getSecret, by the same matching the online checks use. */
function grantsGetSecret(def) {
    const blocks = (def.properties?.permissions ?? []).map((p) => ({ actions: [], notActions: [], dataActions: p.dataActions ?? [], notDataActions: p.notDataActions ?? [] }));
    return (0,rbac/* blocksAllow */.GQ)(blocks, roles/* KEY_VAULT_SECRETS_USER */.Rg.permission);
}
async function vaultId(session, name, known, deadline) {
    if (known)
        return known;
    // Without validate's vault facts: the workspace's resource group, where most vaults live.
    const path = `/subscriptions/${session.subscriptionId}/resourceGroups/${session.resourceGroup}/providers/Microsoft.KeyVault/vaults/${name}`;
    try {
        const res = await (0,lro/* retryTransient */.jh)(`GET vault ${name}`, deadline, () => session.arm.send({ method: 'GET', path, apiVersion: VAULT_API }));
        return res.body?.id ?? path;
    }
    catch (error) {
        if (error instanceof azure_session/* ArmError */.dW && (error.status === 404 || error.status === 403))
            return undefined;
        throw error;
    }
}
async function hasAccess(session, principalId, scope, deadline) {
    const res = await (0,lro/* retryTransient */.jh)('list role assignments', deadline, () => session.arm.send({ method: 'GET', path: `${scope}/providers/Microsoft.Authorization/roleAssignments`, apiVersion: AUTHZ_API, query: { $filter: `assignedTo('${principalId}')` } }));
    const roleIds = [...new Set((res.body?.value ?? []).map((a) => a.properties?.roleDefinitionId).filter((id) => Boolean(id)))];
    const defs = await Promise.all(roleIds.map((id) => (0,lro/* retryTransient */.jh)('read role definition', deadline, () => session.arm.send({ method: 'GET', path: id, apiVersion: AUTHZ_API }))));
    return defs.some((d) => grantsGetSecret(d.body));
}
/** Checks every vault; grants the role where it is missing when `grant` is set, then waits until each grant is visible. */
async function ensureKeyVaultAccess(session, principalId, vaults, grant, deadline) {
    return Promise.all(vaults.map(async (v) => {
        const id = await vaultId(session, v.name, v.resourceId, deadline);
        if (!id)
            return { ...v, state: 'unknown', why: `vault ${v.name} was not found in resource group ${session.resourceGroup} (or may not be read)` };
        if (await hasAccess(session, principalId, id, deadline))
            return { ...v, resourceId: id, state: 'has-access' };
        const command = (0,roles/* roleAssignmentCommand */.bP)(roles/* KEY_VAULT_SECRETS_USER */.Rg, id, principalId);
        if (!grant)
            return { ...v, resourceId: id, state: 'missing', command };
        const roleDefinitionId = `/subscriptions/${session.subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roles/* KEY_VAULT_SECRETS_USER */.Rg.roleDefinitionId}`;
        const body = { properties: { roleDefinitionId, principalId, principalType: 'ServicePrincipal' } };
        const path = `${id}/providers/Microsoft.Authorization/roleAssignments/${(0,external_node_crypto_.randomUUID)()}`;
        // A brand-new principal may not have replicated yet (PrincipalNotFound): ask again until the deadline.
        let wait = 2000;
        for (;;) {
            try {
                await (0,lro/* retryTransient */.jh)('assign Key Vault Secrets User', deadline, () => session.arm.send({ method: 'PUT', path, apiVersion: AUTHZ_API, body }));
                break;
            }
            catch (error) {
                if (error instanceof azure_session/* ArmError */.dW && error.code === 'RoleAssignmentExists')
                    break;
                if (error instanceof azure_session/* ArmError */.dW && error.code === 'PrincipalNotFound' && Date.now() + wait < deadline) {
                    core.info(`The new identity ${principalId} is not replicated yet; assigning again in ${wait / 1000} s`);
                    await new Promise((r) => setTimeout(r, wait));
                    wait = Math.min(wait * 2, 15_000);
                    continue;
                }
                if (error instanceof azure_session/* ArmError */.dW)
                    return { ...v, resourceId: id, state: 'missing', why: `the role assignment was refused: ${error.code}`, command };
                throw error;
            }
        }
        core.info(`Assigned Key Vault Secrets User on ${v.name} to the endpoint identity ${principalId}.`);
        // Visible through the Authorization API before the deployment relies on it.
        for (let wait2 = 1000; !(await hasAccess(session, principalId, id, deadline)); wait2 = Math.min(wait2 * 2, 10_000)) {
            if (Date.now() + wait2 > deadline)
                return { ...v, resourceId: id, state: 'granted', why: 'assigned, not yet visible' };
            await new Promise((r) => setTimeout(r, wait2));
        }
        return { ...v, resourceId: id, state: 'granted' };
    }));
}

;// CONCATENATED MODULE: ./lib/apply/log-redaction.js
// Container logs are the user's own output, and a scoring script that prints its environment
// (`printenv`, `declare -x`, `print(os.environ)`, a JSON dump, a Kubernetes-style listing, a
// traceback) would put injected secret values into the run log. The action never holds the Key
// Vault values (docs/architecture.md §4), so it redacts by name: wherever a log line gives a value
// to a variable whose YAML value is a secret reference, the value is replaced; the values the run
// does hold (listsecrets answers) are masked by value besides (src/azure/secret-values.ts). The
// same redaction runs over service error messages before they become findings. PURE.
const REDACTED = '***';
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/** `key=value;` pairs of a connection string whose value is a credential, and `scheme://user:password@`. */
const CONNECTION_SECRET = /(\b(?:password|pwd|accountkey|sharedaccesskey|accesskey|secret|token|apikey|api_key|key)\s*=\s*)([^;\s"']+)/gi;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]+)(@)/gi;
/** A separator between a name and its value: `=`, `:`, `->`, `=>`. */
const SEP = String.raw `\s*(?:=>|->|[:=])\s*`;
/** Lines after one naming a variable in which a Python KeyError may print its value. */
const TRACE_WINDOW = 6;
/**
 * Replaces the values of the named variables in the forms environments are usually printed in:
 * `NAME=value` (printenv, `env`), `declare -x NAME="value"`, `export 'NAME=value'`, `NAME: value`
 * (YAML, logging), `NAME -> value`, `"NAME": "value"` (JSON), `'NAME': 'value'` (a Python dict),
 * `name: NAME` followed by `value: …` (a Kubernetes-style listing), a credential inside a connection
 * string or URL on a line that names the variable, and the argument of a Python `KeyError` shortly
 * after a line that names it.
 */
function redactVariables(text, variables) {
    if (variables.length === 0)
        return text;
    const names = variables.map(escapeRegExp);
    const any = new RegExp(`(^|[^\\w])(?:${names.join('|')})(?![\\w])`);
    const lines = text.split('\n');
    let sinceMention = Infinity;
    let nameLine = false;
    const out = lines.map((line) => {
        let l = line;
        const mentions = any.test(l);
        if (nameLine && /^\s*-?\s*value\s*[:=]/i.test(l))
            l = l.replace(/^(\s*-?\s*value\s*[:=]\s*)(.+)$/i, (_m, head) => `${head}${REDACTED}`);
        nameLine = false;
        for (const n of names) {
            // Quoted key and quoted value: JSON and Python reprs ("K": "v", 'K': 'v'), escapes included.
            l = l.replace(new RegExp(`(["'])(${n})\\1(${SEP})(["'])((?:\\\\.|(?!\\4).)*)\\4`, 'g'), (_m, q, key, sep, vq) => `${q}${key}${q}${sep}${vq}${REDACTED}${vq}`);
            // A quoted assignment: export 'K=v', "K=v".
            l = l.replace(new RegExp(`(["'])(${n})=((?:\\\\.|(?!\\1).)*)\\1`, 'g'), (_m, q, key) => `${q}${key}=${REDACTED}${q}`);
            // Bare key: K=v, K="v" (declare -x), K: v, K -> v, up to the end of the line (values may hold spaces).
            l = l.replace(new RegExp(`(^|[^\\w"'])(${n})(${SEP})(?!\\*\\*\\*)(?!["']?\\*\\*\\*)([^\\r\\n]+)`, 'gm'), (_m, before, key, sep) => `${before}${key}${sep}${REDACTED}`);
            // name: K (or - name: "K"), the value on the next line.
            if (new RegExp(`^\\s*-?\\s*["']?name["']?\\s*[:=]\\s*["']?${n}["']?\\s*,?\\s*$`, 'i').test(l))
                nameLine = true;
        }
        if (mentions) {
            l = l.replace(CONNECTION_SECRET, (_m, head) => `${head}${REDACTED}`).replace(URL_PASSWORD, (_m, head, _p, at) => `${head}${REDACTED}${at}`);
            sinceMention = 0;
        }
        else
            sinceMention += 1;
        // A KeyError that prints a value a few lines after the code that named the variable: KeyError: 'v'.
        if (sinceMention <= TRACE_WINDOW) {
            l = l.replace(/^(\s*(?:\w+\.)*KeyError\s*:\s*)(.+)$/, (m, head, arg) => {
                const bare = arg.replace(/^["']|["']$/g, '');
                return variables.includes(bare) ? m : `${head}${REDACTED}`;
            });
        }
        return l;
    });
    return out.join('\n');
}

// EXTERNAL MODULE: ./lib/apply/live.js
var apply_live = __webpack_require__(870);
// EXTERNAL MODULE: ./lib/apply/rollout-state.js
var rollout_state = __webpack_require__(963);
// EXTERNAL MODULE: ./lib/apply/traffic-plan.js
var traffic_plan = __webpack_require__(1131);
// EXTERNAL MODULE: ./lib/apply/writes.js
var writes = __webpack_require__(7544);
;// CONCATENATED MODULE: ./lib/apply/gates.js
// Pure: the verdicts of the rollout gates (docs/rollout.md §3). Smoke: the new deployment answers
// 2xx (and, when given, the expected answer). Comparison: old and new answer with the same JSON
// shape and numbers within a tolerance, so a model that answers 200 with garbage fails. Metrics:
// error rate and P99 latency from Azure Monitor against thresholds, with a minimum request count;
// too little data is "inconclusive", never a pass, and `on-no-data` says what that means.
const MAX_SHOWN = 200;
function shorten(text) {
    const flat = text.replace(/\s+/g, ' ').trim();
    return flat.length > MAX_SHOWN ? `${flat.slice(0, MAX_SHOWN)}…` : flat;
}
function parseJson(text) {
    try {
        return { ok: true, value: JSON.parse(text) };
    }
    catch {
        return { ok: false };
    }
}
/** 2xx, and, with an expected answer, the same JSON shape with numbers within `tolerance`. */
function smokeVerdict(answer, expected, tolerance) {
    if (answer.status === 0)
        return { gate: 'smoke', verdict: 'fail', detail: `no answer: ${answer.error ?? 'the request failed'}` };
    if (answer.status < 200 || answer.status > 299)
        return { gate: 'smoke', verdict: 'fail', detail: `HTTP ${answer.status}: ${shorten(answer.body) || '(empty body)'}` };
    if (expected === undefined)
        return { gate: 'smoke', verdict: 'pass', detail: `HTTP ${answer.status}` };
    const want = parseJson(expected);
    const got = parseJson(answer.body);
    if (!want.ok) {
        return answer.body.trim() === expected.trim()
            ? { gate: 'smoke', verdict: 'pass', detail: `HTTP ${answer.status}, the expected answer` }
            : { gate: 'smoke', verdict: 'fail', detail: `HTTP ${answer.status}, but the answer is not the expected text: ${shorten(answer.body)}` };
    }
    if (!got.ok)
        return { gate: 'smoke', verdict: 'fail', detail: `HTTP ${answer.status}, but the answer is not JSON: ${shorten(answer.body)}` };
    const diffs = compareJson(want.value, got.value, tolerance, { compareStrings: true });
    return diffs.length === 0
        ? { gate: 'smoke', verdict: 'pass', detail: `HTTP ${answer.status}, the expected answer` }
        : { gate: 'smoke', verdict: 'fail', detail: `HTTP ${answer.status}, but not the expected answer: ${diffs.slice(0, 3).join('; ')}` };
}
/**
 * The differences between two JSON values: types, object keys and array lengths must match and
 * numbers may differ by `tolerance` (relative to the larger magnitude, or absolute below 1).
 * Strings are compared only when asked: two deployments may label their answers differently.
 */
function compareJson(a, b, tolerance, options = { compareStrings: false }, path = '$') {
    const kind = (v) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
    if (kind(a) !== kind(b))
        return [`${path}: ${kind(a)} vs ${kind(b)}`];
    if (typeof a === 'number' && typeof b === 'number') {
        const scale = Math.max(1, Math.abs(a), Math.abs(b));
        return Math.abs(a - b) <= tolerance * scale ? [] : [`${path}: ${a} vs ${b} (tolerance ${tolerance})`];
    }
    if (typeof a === 'string')
        return options.compareStrings && a !== b ? [`${path}: ${JSON.stringify(shorten(a))} vs ${JSON.stringify(shorten(b))}`] : [];
    if (typeof a === 'boolean')
        return a === b ? [] : [`${path}: ${a} vs ${b}`];
    if (Array.isArray(a) && Array.isArray(b)) {
        if (a.length !== b.length)
            return [`${path}: ${a.length} items vs ${b.length}`];
        return a.flatMap((x, i) => compareJson(x, b[i], tolerance, options, `${path}[${i}]`));
    }
    if (kind(a) === 'object') {
        const ao = a;
        const bo = b;
        const missing = Object.keys(ao).filter((k) => !(k in bo)).map((k) => `${path}.${k}: missing in the new answer`);
        const extra = Object.keys(bo).filter((k) => !(k in ao)).map((k) => `${path}.${k}: not in the old answer`);
        return [...missing, ...extra, ...Object.keys(ao).filter((k) => k in bo).flatMap((k) => compareJson(ao[k], bo[k], tolerance, options, `${path}.${k}`))];
    }
    return [];
}
/** The same request to the serving (old) and the new deployment: both 2xx, same shape, numbers close. */
function comparisonVerdict(baseline, candidate, tolerance) {
    const ok = (s) => s >= 200 && s <= 299;
    if (!ok(baseline.answer.status)) {
        return { gate: 'comparison', verdict: 'inconclusive', detail: `the serving deployment ${baseline.name} answered HTTP ${baseline.answer.status}: nothing to compare with` };
    }
    if (!ok(candidate.answer.status))
        return { gate: 'comparison', verdict: 'fail', detail: `${candidate.name} answered HTTP ${candidate.answer.status} where ${baseline.name} answered ${baseline.answer.status}` };
    const a = parseJson(baseline.answer.body);
    const b = parseJson(candidate.answer.body);
    if (!a.ok)
        return { gate: 'comparison', verdict: 'inconclusive', detail: `${baseline.name} does not answer JSON: nothing to compare with` };
    if (!b.ok)
        return { gate: 'comparison', verdict: 'fail', detail: `${candidate.name} does not answer JSON: ${shorten(candidate.answer.body)}` };
    const diffs = compareJson(a.value, b.value, tolerance);
    return diffs.length === 0
        ? { gate: 'comparison', verdict: 'pass', detail: `${candidate.name} answers like ${baseline.name} (same shape, numbers within ${tolerance})` }
        : { gate: 'comparison', verdict: 'fail', detail: `${candidate.name} answers unlike ${baseline.name}: ${diffs.slice(0, 3).join('; ')}${diffs.length > 3 ? ` (+${diffs.length - 3} more)` : ''}` };
}
/** The raw verdict: inconclusive below the minimum request count, whatever the numbers say. */
function metricsVerdict(sample, t) {
    const minimum = Math.max(1, t.minRequests);
    if (sample.requests < minimum) {
        return { gate: 'metrics', verdict: 'inconclusive', detail: `no data: ${sample.requests} request(s) in the window, at least ${minimum} needed` };
    }
    const rate = sample.errors / sample.requests;
    const problems = [];
    if (t.maxErrorRate !== undefined && rate > t.maxErrorRate)
        problems.push(`error rate ${formatRate(rate)} > ${formatRate(t.maxErrorRate)}`);
    if (t.maxLatencyP99Ms !== undefined) {
        if (sample.p99Ms === undefined)
            return { gate: 'metrics', verdict: 'inconclusive', detail: `no P99 latency in the window (${sample.requests} requests)` };
        if (sample.p99Ms > t.maxLatencyP99Ms)
            problems.push(`P99 latency ${Math.round(sample.p99Ms)} ms > ${t.maxLatencyP99Ms} ms`);
    }
    const seen = `${sample.requests} requests, error rate ${formatRate(rate)}${sample.p99Ms !== undefined ? `, P99 ${Math.round(sample.p99Ms)} ms` : ''}`;
    return problems.length ? { gate: 'metrics', verdict: 'fail', detail: `${problems.join(', ')} (${seen})` } : { gate: 'metrics', verdict: 'pass', detail: seen };
}
/**
 * What an inconclusive gate means under `on-no-data` once waiting is over: `fail` (default) and
 * `hold` (which waited as long as the budget allowed) fail the step; `pass` lets it through but
 * the timeline keeps the verdict `inconclusive`.
 */
function blocksRollout(result, onNoData) {
    if (result.verdict === 'fail')
        return true;
    if (result.verdict === 'inconclusive')
        return onNoData !== 'pass';
    return false;
}
function formatRate(rate) {
    return `${Math.round(rate * 10000) / 100} %`;
}
/** HTTP statuses that count as errors of the deployment: server errors, model errors (424), timeouts (408), throttling (429). */
function isErrorStatus(status) {
    return status >= 500 || status === 408 || status === 424 || status === 429;
}
/**
 * Azure Monitor's answer (https://learn.microsoft.com/rest/api/monitor/metrics/list) for
 * `RequestsPerMinute` split by `statusCode` (aggregation Total) and `RequestLatency_P99`
 * (aggregation Maximum), filtered to one deployment. Missing data points are absent, never zero.
 */
function parseMetrics(body) {
    const value = body?.value ?? [];
    let requests = 0;
    let errors = 0;
    let p99;
    for (const metric of value) {
        const name = metric.name?.value?.toLowerCase();
        for (const series of metric.timeseries ?? []) {
            const statusText = series.metadatavalues?.find((m) => m.name?.value?.toLowerCase() === 'statuscode')?.value;
            for (const point of series.data ?? []) {
                if (name === 'requestsperminute') {
                    const total = typeof point.total === 'number' ? point.total : 0;
                    requests += total;
                    if (statusText !== undefined && isErrorStatus(Number(statusText)))
                        errors += total;
                }
                else if (name === 'requestlatency_p99') {
                    const v = typeof point.maximum === 'number' ? point.maximum : typeof point.average === 'number' ? point.average : undefined;
                    if (v !== undefined)
                        p99 = Math.max(p99 ?? 0, v);
                }
            }
        }
    }
    return p99 === undefined ? { requests, errors } : { requests, errors, p99Ms: p99 };
}

;// CONCATENATED MODULE: ./lib/apply/metrics.js
// Azure Monitor metrics of the new deployment for the metrics gate
// (https://learn.microsoft.com/rest/api/monitor/metrics/list): `RequestsPerMinute` split by status
// code and `RequestLatency_P99`, filtered to the deployment, over the bake window. A metrics read
// that fails is no data (inconclusive), never a pass.


const MONITOR_API = '2023-10-01';
function iso(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
async function readDeploymentMetrics(session, endpointPath, deployment, window) {
    // Azure Monitor's grain is one minute: widen the window to whole minutes.
    const start = Math.floor(window.start / 60_000) * 60_000;
    const end = Math.max(Math.ceil(window.end / 60_000) * 60_000, start + 60_000);
    const common = { timespan: `${iso(start)}/${iso(end)}`, interval: 'PT1M', metricnamespace: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints' };
    const path = `${endpointPath}/providers/Microsoft.Insights/metrics`;
    try {
        const [requests, latency] = await Promise.all([
            session.arm.send({ method: 'GET', path, apiVersion: MONITOR_API, query: { ...common, metricnames: 'RequestsPerMinute', aggregation: 'Total', $filter: `deployment eq '${deployment}' and statusCode eq '*'` } }),
            session.arm.send({ method: 'GET', path, apiVersion: MONITOR_API, query: { ...common, metricnames: 'RequestLatency_P99', aggregation: 'Maximum', $filter: `deployment eq '${deployment}'` } }),
        ]);
        const a = parseMetrics(requests.body);
        const b = parseMetrics(latency.body);
        return { ok: true, sample: b.p99Ms === undefined ? a : { ...a, p99Ms: b.p99Ms } };
    }
    catch (error) {
        if (error instanceof azure_session/* ArmError */.dW)
            return { ok: false, why: `Azure Monitor answered ${error.status || 'nothing'} ${error.code}` };
        throw error;
    }
}

// EXTERNAL MODULE: ./lib/azure/retry.js
var retry = __webpack_require__(4211);
// EXTERNAL MODULE: ./lib/apply/restore.js
var restore = __webpack_require__(5444);
// EXTERNAL MODULE: ../main/node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 87 modules
var esm = __webpack_require__(9301);
// EXTERNAL MODULE: ./lib/manifests/rest.js
var rest = __webpack_require__(2324);
;// CONCATENATED MODULE: ./lib/apply/scoring.js
// Scoring calls for the smoke and comparison gates: the endpoint's scoring URI, pinned to one
// deployment with the `azureml-model-deployment` header, signed per the endpoint's auth mode with
// a key (listKeys), an AML token (token) or an Entra token for https://ml.azure.com. Sent through
// the Azure SDK pipeline (proxy, retries of throttling). The key or token never reaches the log.



async function scoringCredential(session, target) {
    const mode = target.authMode.toLowerCase();
    if (mode === 'key') {
        const res = await session.arm.send({ method: 'POST', path: `${target.endpointPath}/listKeys`, apiVersion: rest/* ML_API_VERSION */.W8 });
        if (!res.body?.primaryKey)
            throw new Error('listKeys returned no key for the endpoint.');
        return res.body.primaryKey;
    }
    if (mode === 'amltoken') {
        const res = await session.arm.send({ method: 'POST', path: `${target.endpointPath}/token`, apiVersion: rest/* ML_API_VERSION */.W8 });
        if (!res.body?.accessToken)
            throw new Error('The endpoint token request returned no token.');
        return res.body.accessToken;
    }
    const token = await session.credential.getToken('https://ml.azure.com/.default');
    if (!token)
        throw new Error('No Entra token for https://ml.azure.com.');
    return token.token;
}
async function createScorer(session, target) {
    const secret = await scoringCredential(session, target);
    core.setSecret(secret);
    const pipeline = (0,esm/* createPipelineFromOptions */.Fp)({ retryOptions: { maxRetries: 2, retryDelayInMs: 500 }, userAgentOptions: { userAgentPrefix: 'azureml-online-deploy' } });
    const client = (0,esm/* createDefaultHttpClient */.fl)();
    return {
        async score(deployment, body) {
            const request = (0,esm/* createPipelineRequest */.G6)({
                url: target.scoringUri,
                method: 'POST',
                body,
                timeout: 90_000,
                headers: (0,esm/* createHttpHeaders */.Nc)({ authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'azureml-model-deployment': deployment }),
            });
            const started = performance.now();
            try {
                const res = await pipeline.sendRequest(client, request);
                return { status: res.status, body: res.bodyAsText ?? '', latencyMs: Math.round(performance.now() - started) };
            }
            catch (error) {
                return { status: 0, body: '', error: error instanceof Error ? error.message : String(error) };
            }
        },
    };
}

;// CONCATENATED MODULE: ./lib/apply/traffic.js
// Traffic steps under gates, with rollback (docs/rollout.md §2–§5). Each step is a PUT of the
// endpoint with the step's traffic, read back (a platform that silently reverted fails the run),
// then held for bake-time while the gates run. A failed gate, read-back or write restores the
// previous traffic map exactly, with no gates on the way back, and reads it back too. The state
// saved before the first change lets the post step finish a restore if this process dies, and
// SIGINT/SIGTERM (a cancelled run) send the restore before exit.










const progressOf = new WeakMap();
function progress(run) {
    let p = progressOf.get(run);
    if (!p) {
        p = { confirmed: run.plan.previous, asked: run.plan.previous, written: [] };
        progressOf.set(run, p);
    }
    return p;
}
function clockOf(run) {
    return run.clock ?? retry/* systemClock */.m;
}
/**
 * Applies one traffic map and reads it back; no problem when the write and read-back agree. The
 * guard first: the endpoint must still hold what this run last left on it, or someone else changed it.
 */
async function applyMap(run, traffic, mirrorTraffic, label) {
    const { session, log, state } = run;
    const p = progress(run);
    // Never written over a running operation (an update that outlived an earlier wait, say).
    const ready = await (0,apply_live/* waitWhileBusy */.uI)(`Endpoint ${state.endpointName}`, () => (0,apply_live/* readEndpoint */.KW)(session, state.endpointPath, run.deadline), await (0,apply_live/* readEndpoint */.KW)(session, state.endpointPath, run.deadline), run.deadline, 1000);
    if (ready.kind === 'timeout')
        return { problem: `the endpoint stayed ${ready.state} until the timeout` };
    if (!ready.value)
        return { problem: 'the endpoint is gone' };
    if (!(0,restore/* sameMaps */.Yr)(ready.value, p.confirmed)) {
        return { live: ready.value, changedElsewhere: true, problem: `Azure holds traffic ${(0,restore/* describeMaps */.BV)(ready.value)} where this run left ${(0,restore/* describeMaps */.BV)(p.confirmed)}: someone else (a person or another run) changed it` };
    }
    // After SIGINT/SIGTERM the signal's restore owns the endpoint; the process exits once it is sent.
    if (p.stopping)
        await new Promise(() => undefined);
    const asked = { traffic, mirrorTraffic };
    p.asked = asked;
    p.written.push(asked);
    run.saveState({ ...state, written: [...p.written] });
    const write = (0,writes/* writeLro */.zC)(session, log, { method: 'PUT', path: state.endpointPath, apiVersion: state.apiVersion, body: (0,traffic_plan/* withTraffic */.oO)(state.body, traffic, mirrorTraffic) }, label, run.deadline, { clock: run.clock });
    p.inFlight = write;
    const outcome = await write.finally(() => {
        if (p.inFlight === write)
            p.inFlight = undefined;
    });
    if (outcome.kind === 'failed')
        return { problem: `the traffic update failed: ${outcome.error.code}: ${outcome.error.message}` };
    if (outcome.kind === 'timeout')
        return { problem: 'the traffic update did not finish within the timeout budget' };
    const live = await (0,apply_live/* readEndpoint */.KW)(session, state.endpointPath, run.deadline);
    if (!live)
        return { problem: 'the endpoint is gone' };
    if (!(0,restore/* sameMaps */.Yr)(live, asked)) {
        return { live, problem: `Azure holds traffic ${(0,traffic_plan/* formatTraffic */.zM)(live.traffic)} (mirror ${(0,traffic_plan/* formatTraffic */.zM)(live.mirrorTraffic)}) after asking for ${(0,traffic_plan/* formatTraffic */.zM)(traffic)} (mirror ${(0,traffic_plan/* formatTraffic */.zM)(mirrorTraffic)})` };
    }
    p.confirmed = asked;
    core.info(`Read back: traffic ${(0,traffic_plan/* formatTraffic */.zM)(live.traffic)}${Object.keys(live.mirrorTraffic).length ? `, mirror ${(0,traffic_plan/* formatTraffic */.zM)(live.mirrorTraffic)}` : ''}.`);
    return { live };
}
/** Someone else's change stops the run: nothing more is written, and the post step must not restore over it either. */
function stopForeignChange(run, where, live, started) {
    const p = progress(run);
    const held = live ? (0,restore/* describeMaps */.BV)(live) : '(unknown)';
    run.log.fail('traffic-changed-elsewhere', run.at, `${where}: Azure holds traffic ${held}, not ${(0,restore/* describeMaps */.BV)(p.confirmed)} as this run left it: someone else (a person or another run) changed the endpoint during the rollout. The rollout stopped and wrote nothing more; it did not roll back over that change.`, `Find out who changed it (the endpoint's activity log); the current map is ${held}. Run again once it is settled.`);
    run.log.entry(where, started, 'failed', `changed elsewhere: ${held}`);
    run.saveState({ ...run.state, status: 'finished', written: [...p.written] });
    return live;
}
/** The serving deployment to compare with: the one with the largest previous share other than the target. */
function baselineOf(previous, target) {
    return Object.entries(previous).filter(([n, p]) => n !== target && p > 0).sort((a, b) => b[1] - a[1])[0]?.[0];
}
async function scoreGates(run, scorer, step) {
    const { gates, target } = run;
    if (!gates.smokeRequest || !target || !scorer)
        return [];
    const tolerance = gates.comparisonTolerance ?? 0.01;
    const baseline = baselineOf(run.plan.previous.traffic, target);
    const compare = gates.comparisonTolerance !== undefined && baseline !== undefined;
    const [answer, old] = await Promise.all([scorer.score(target, gates.smokeRequest), compare ? scorer.score(baseline, gates.smokeRequest) : undefined]);
    const results = [smokeVerdict(answer, gates.smokeExpected, tolerance)];
    if (old && baseline)
        results.push(comparisonVerdict({ name: baseline, answer: old }, { name: target, answer }, tolerance));
    core.info(`${step.label}: ${results.map((r) => `${r.gate} ${r.verdict} (${r.detail})`).join('; ')}`);
    return results;
}
/** Holds the step for bake-time, then reads the metrics of the window; `hold` keeps asking while no data and budget remain. */
async function bakeAndMeasure(run, step, since) {
    const { gates } = run;
    const bakeUntil = Math.min(since + gates.bakeTimeMs, run.deadline);
    if (gates.bakeTimeMs > 0) {
        core.info(`${step.label}: baking for ${Math.round(gates.bakeTimeMs / 1000)} s`);
        await clockOf(run).sleep(bakeUntil - clockOf(run).now());
    }
    if (!gates.metrics || !run.target)
        return undefined;
    for (;;) {
        const read = await readDeploymentMetrics(run.session, run.state.endpointPath, run.target, { start: since, end: clockOf(run).now() });
        const result = read.ok ? metricsVerdict(read.sample, gates.metrics) : { gate: 'metrics', verdict: 'inconclusive', detail: `no data: ${read.why}` };
        core.info(`${step.label}: metrics ${result.verdict} (${result.detail})`);
        const wait = Math.max(30_000, gates.bakeTimeMs);
        if (result.verdict !== 'inconclusive' || gates.onNoData !== 'hold' || clockOf(run).now() + wait > run.deadline)
            return result;
        core.info(`${step.label}: on-no-data: hold, so the step is held and the metrics read again in ${Math.round(wait / 1000)} s.`);
        await clockOf(run).sleep(wait);
    }
}
/** Restores the previous map (no gates) and reads it back, within the rollback's own budget. */
async function traffic_restore(run, reason) {
    const clock = clockOf(run);
    const started = clock.now();
    const { previous } = run.plan;
    const p = progress(run);
    const outcome = await core.group(`Rollback: restore traffic ${(0,traffic_plan/* formatTraffic */.zM)(previous.traffic)}`, async () => {
        core.info(`Rolling back: ${reason}`);
        return (0,restore/* restoreTraffic */.Yw)(run.session, { ...run.state, written: p.written }, { ours: [p.confirmed, p.asked], inFlight: p.inFlight, budgetMs: run.rollbackBudgetMs, clock, log: (line) => core.info(line) });
    });
    if (outcome.kind === 'changed-elsewhere')
        return stopForeignChange(run, 'Rollback', outcome.live, started);
    if (outcome.kind === 'failed') {
        run.log.fail('deployment-failed', run.at, `The rollback did not restore traffic ${(0,traffic_plan/* formatTraffic */.zM)(previous.traffic)}: ${outcome.why}.`, `Restore the traffic by hand: ${(0,rollout_state/* manualRestoreCommand */.sT)(run.state)} — and check the endpoint.`);
        run.log.entry('Rollback', started, 'failed', outcome.why);
        return outcome.live;
    }
    run.log.entry('Rollback', started, 'rolled back', `traffic ${(0,traffic_plan/* formatTraffic */.zM)(previous.traffic)} restored and read back`);
    run.log.notes.push(`Rolled back: ${reason}. Traffic is ${(0,traffic_plan/* formatTraffic */.zM)(previous.traffic)} again, as read back from Azure.`);
    run.saveState({ ...run.state, status: 'finished', written: [...p.written] });
    return outcome.live;
}
/** The runner's cancellation: SIGINT, SIGTERM 7.5 s later, SIGKILL 2.5 s after that. The restore must be done before the kill. */
const SIGNAL_RESTORE_BUDGET_MS = 9000;
let signalRestore;
/** SIGINT/SIGTERM while traffic is moving: await the write on the wire, send the restore, then exit; the post step verifies it. */
function armSignals(run) {
    let sent = false;
    signalRestore = (signal) => {
        if (sent)
            return;
        sent = true;
        const p = progress(run);
        p.stopping = true;
        core.warning(`Received ${signal} mid-rollout: sending the restore of traffic ${(0,traffic_plan/* formatTraffic */.zM)(run.plan.previous.traffic)} before exit; the post step verifies it.`);
        setTimeout(() => process.exit(1), SIGNAL_RESTORE_BUDGET_MS + 500).unref();
        (0,restore/* restoreTraffic */.Yw)(run.session, { ...run.state, written: p.written }, { ours: [p.confirmed, p.asked], inFlight: p.inFlight, budgetMs: SIGNAL_RESTORE_BUDGET_MS, log: (line) => core.info(line) })
            .then((outcome) => {
            // Restored: the state stays in progress, so the post step verifies it once more.
            if (outcome.kind === 'restored')
                core.info(`Restore read back: traffic ${(0,traffic_plan/* formatTraffic */.zM)(outcome.live.traffic)}.`);
            else if (outcome.kind === 'changed-elsewhere') {
                core.warning(`Not restored: Azure holds traffic ${(0,restore/* describeMaps */.BV)(outcome.live)}, which this run never asked for (someone else changed it).`);
                run.saveState({ ...run.state, status: 'finished', written: [...p.written] });
            }
            else
                core.warning(`The restore is not confirmed: ${outcome.why}; the post step tries again.`);
        }, (error) => core.warning(`The restore could not be sent: ${error instanceof Error ? error.message : String(error)}`))
            .finally(() => process.exit(1));
    };
    const onSigint = () => signalRestore?.('SIGINT');
    const onSigterm = () => signalRestore?.('SIGTERM');
    process.on('SIGINT', onSigint);
    process.on('SIGTERM', onSigterm);
    return () => {
        process.off('SIGINT', onSigint);
        process.off('SIGTERM', onSigterm);
        signalRestore = undefined;
    };
}
/** Runs the plan's steps; returns the endpoint as finally read back. */
async function runTraffic(run) {
    const { plan, log, gates } = run;
    if (plan.steps.length === 0)
        return (0,apply_live/* readEndpoint */.KW)(run.session, run.state.endpointPath, run.deadline);
    run.saveState(run.state);
    const disarm = armSignals(run);
    let scorer;
    let last;
    try {
        if (gates.smokeRequest && run.target && run.scoring.scoringUri) {
            scorer = await createScorer(run.session, { endpointPath: run.state.endpointPath, scoringUri: run.scoring.scoringUri, authMode: run.scoring.authMode });
        }
        // Before any traffic moves: the new deployment answers the smoke request at 0 %, pinned by the
        // azureml-model-deployment header (docs/rollout.md §3), and like the serving one.
        if (scorer && run.target && (plan.previous.traffic[run.target] ?? 0) === 0) {
            const label = `${run.target} 0 % (before any traffic)`;
            const gateStarted = clockOf(run).now();
            const results = await core.group(`Gates: ${label}`, () => scoreGates(run, scorer, { label, traffic: plan.previous.traffic, mirrorTraffic: plan.previous.mirrorTraffic, gated: true }));
            for (const r of results)
                log.entry(`Gate ${r.gate}: ${label}`, gateStarted, r.verdict === 'pass' ? 'ok' : r.verdict === 'fail' ? 'failed' : 'inconclusive', r.detail);
            const blocking = results.find((r) => blocksRollout(r, gates.onNoData));
            if (blocking) {
                log.fail('rollout-gate-failed', run.at, `Rollout stopped before any traffic moved: ${blocking.gate} gate failed at ${label}: ${blocking.detail}.`, `Traffic stays ${(0,traffic_plan/* formatTraffic */.zM)(plan.previous.traffic)}. Check the answers of the new deployment and its logs.`);
                run.saveState({ ...run.state, status: 'finished', written: [...progress(run).written] });
                return (0,apply_live/* readEndpoint */.KW)(run.session, run.state.endpointPath, run.deadline);
            }
        }
        for (const step of plan.steps) {
            const started = clockOf(run).now();
            const name = `Traffic: ${step.label}`;
            const applied = await core.group(name, () => applyMap(run, step.traffic, step.mirrorTraffic, name));
            if (applied.changedElsewhere)
                return stopForeignChange(run, name, applied.live, started);
            if (applied.problem) {
                log.entry(name, started, 'failed', applied.problem);
                log.fail('deployment-failed', run.at, `Traffic step "${step.label}": ${applied.problem}.`, 'Nothing reports success until Azure holds the traffic asked for; check who else changes this endpoint.');
                return run.rollbackOnFailure ? await traffic_restore(run, `step "${step.label}": ${applied.problem}`) : applied.live;
            }
            last = applied.live;
            log.entry(name, started, 'ok', `read back ${(0,traffic_plan/* formatTraffic */.zM)(last?.traffic)}`);
            if (!step.gated)
                continue;
            const gateStarted = clockOf(run).now();
            // The step is held for bake-time first; then the new deployment must answer well and its metrics must hold.
            const results = await core.group(`Gates: ${step.label}`, async () => {
                const metrics = await bakeAndMeasure(run, step, gateStarted);
                const scored = await scoreGates(run, scorer, step);
                return metrics ? [...scored, metrics] : scored;
            });
            for (const r of results)
                log.entry(`Gate ${r.gate}: ${step.label}`, gateStarted, r.verdict === 'pass' ? 'ok' : r.verdict === 'fail' ? 'failed' : 'inconclusive', r.detail);
            const blocking = results.find((r) => blocksRollout(r, gates.onNoData));
            if (blocking) {
                const why = `${blocking.gate} gate ${blocking.verdict === 'inconclusive' ? `inconclusive (on-no-data: ${gates.onNoData})` : 'failed'} at ${step.label}: ${blocking.detail}`;
                log.fail('rollout-gate-failed', run.at, `Rollout stopped: ${why}.`, run.rollbackOnFailure ? `Traffic was restored to ${(0,traffic_plan/* formatTraffic */.zM)(plan.previous.traffic)}. ${blocking.gate === 'metrics' ? 'Send traffic during bake-time or lower min-request-count; on-no-data: hold waits for data.' : 'Check the answers of the new deployment and its logs.'}` : 'rollback-on-failure is false: traffic was left where the failed step put it.');
                if (run.rollbackOnFailure)
                    return await traffic_restore(run, why);
                run.saveState({ ...run.state, status: 'finished', written: [...progress(run).written] });
                return last;
            }
        }
        run.saveState({ ...run.state, status: 'finished', written: [...progress(run).written] });
        return last;
    }
    catch (error) {
        // An unexpected failure mid-rollout still restores the traffic before it is reported.
        if (run.rollbackOnFailure)
            await traffic_restore(run, `unexpected error: ${error instanceof Error ? error.message : String(error)}`).catch(() => undefined);
        throw error;
    }
    finally {
        disarm();
    }
}

;// CONCATENATED MODULE: ./lib/apply/apply.js
// mode: deploy, the apply phase (docs/rollout.md): executes the plan validate computed
// (src/modes/validate-plan.ts, docs/architecture.md §5) — endpoint, Key Vault access of a new
// identity, local assets, deployments, then the planned traffic steps under gates with rollback.
// Right before each write the resource is read again and re-diffed with the plan's own diff: a
// resource another writer moved since the plan stops the run (plan-stale); only an update Azure
// already holds is skipped silently. Every change is read back; a service failure becomes a finding
// with what was written so far, never a throw (src/modes/mode.ts).


















function bodyOf(outcome) {
    return outcome.kind === 'failed' ? `${outcome.error.code}: ${outcome.error.message}` : outcome.kind;
}
function readOptionalFile(input, path) {
    if (!path)
        return undefined;
    try {
        return (0,source_files/* readSourceFile */.uj)(input, path, (0,source_files/* workspaceRoot */.oS)()).text;
    }
    catch (error) {
        throw new inputs/* InputError */.dz([error.message]);
    }
}
function recheck(planned, live, secretValues) {
    const now = (0,validate_plan/* liveDiff */.QR)(planned.body, live, secretValues);
    if (planned.change === 'create')
        return now.change === 'create' ? { kind: 'write' } : { kind: 'moved', why: 'it was created by someone else since the plan' };
    if (now.change === 'create')
        return { kind: 'moved', why: 'it was deleted since the plan' };
    const plannedDiff = planned.diff ?? [];
    // A failed resource the plan writes again to recover it: its fields already match.
    if (plannedDiff.some((l) => l.startsWith('provisioningState:')) && now.change === 'no change')
        return { kind: 'write' };
    if (now.change === 'no change')
        return { kind: 'already-there' };
    if (JSON.stringify(now.diff) === JSON.stringify(plannedDiff))
        return { kind: 'write' };
    return { kind: 'moved', why: `its fields changed since the plan (now: ${now.diff.slice(0, 3).join('; ')})` };
}
/** Every exit goes through the report: an unexpected error becomes a finding, with what was written so far. */
async function applyDeploy(run, facts) {
    const log = new writes/* ApplyLog */.f6(run.timeline);
    const started = Date.now();
    try {
        return await applyPlan(run, facts, log);
    }
    catch (error) {
        if (error instanceof inputs/* InputError */.dz)
            throw error;
        const first = run.analysis.endpoint ?? run.analysis.deployments[0];
        log.fail('deployment-failed', { file: first?.file ?? '', line: first?.spans.name?.line ?? 1, column: first?.spans.name?.column ?? 1 }, `The apply phase stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}.`, 'Read the run log around the last timeline row; the post step restores the traffic a started rollout moved.');
        log.entry('Apply: stopped', started, 'failed', error instanceof Error ? error.message : String(error));
        return { findings: log.findings, notes: log.notes, written: written(log) };
    }
}
async function applyPlan(run, facts, log) {
    const { inputs, analysis } = run;
    const { session, computed } = facts;
    const deadline = Date.now() + inputs.timeoutMs;
    const ws = { subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: facts.location };
    const spec = analysis.endpoint;
    const endpointName = spec?.name ?? analysis.deployments[0]?.endpointName ?? '';
    const epPath = (0,manifests/* endpointPath */.nM)(ws, endpointName);
    const epFile = { file: spec?.file ?? analysis.deployments[0]?.file ?? '', line: spec?.spans.name?.line ?? 1, column: spec?.spans.name?.column ?? 1 };
    const secretValues = (0,redact/* maskable */.dm)(analysis.overrideValues);
    const result = (readBack) => ({ findings: log.findings, notes: log.notes, written: written(log), readBack });
    const stale = (at, what, why, label, started) => {
        log.fail('plan-stale', at, `${what} changed since the plan: ${why}. Nothing was written over it.`, 'Another writer is at work on it: run validate again, review the new plan, and deploy that one.');
        log.entry(label, started, 'failed', 'changed since the plan');
        return result();
    };
    // ---- Before any write: what can still be refused is refused now (the plan's own checks ran in validate).
    const smokeRequest = readOptionalFile('smoke-request-file', inputs.smokeRequestFile);
    const smokeExpected = readOptionalFile('smoke-expected-file', inputs.smokeExpectedFile);
    const traffic = computed.plan.traffic;
    if (!traffic || !computed.trafficBody) {
        log.fail('resource-unreadable', epFile, `The traffic of endpoint ${endpointName} could not be planned; nothing was written.`);
        return result();
    }
    const planned = (kind, name) => computed.plan.requests.find((r) => r.resource?.kind === kind && r.resource.name.toLowerCase() === name.toLowerCase());
    // ---- Endpoint
    let endpoint = facts.endpoint;
    const epLabel = `Apply: endpoint ${endpointName}`;
    const epStarted = Date.now();
    const epRequest = spec ? planned('endpoint', spec.name) : undefined;
    const createdNow = epRequest?.change === 'create';
    if (epRequest && epRequest.change === 'no change') {
        core.info(`Endpoint ${endpointName}: no change (as planned); not written.`);
        log.entry(epLabel, epStarted, 'ok', 'unchanged');
    }
    else if (epRequest) {
        const busy = await (0,apply_live/* waitWhileBusy */.uI)(`Endpoint ${endpointName}`, () => (0,apply_live/* readEndpoint */.KW)(session, epPath, deadline), await (0,apply_live/* readEndpoint */.KW)(session, epPath, deadline), deadline);
        if (busy.kind === 'timeout') {
            log.fail('deployment-failed', epFile, `Endpoint ${endpointName} stayed ${busy.state} until the timeout; nothing was written over it.`, 'Wait for the other operation to finish (or raise timeout), then run again.');
            log.entry(epLabel, epStarted, 'failed', `still ${busy.state}`);
            return result();
        }
        const check = recheck(epRequest, busy.value?.body, secretValues);
        if (check.kind === 'moved')
            return stale(epFile, `Endpoint ${endpointName}`, check.why, epLabel, epStarted);
        if (busy.value && !(0,traffic_plan/* sameTraffic */.UN)(busy.value.traffic, traffic.before))
            return stale(epFile, `The traffic of endpoint ${endpointName}`, `the plan read ${(0,traffic_plan/* formatTraffic */.zM)(traffic.before)}, Azure now holds ${(0,traffic_plan/* formatTraffic */.zM)(busy.value.traffic)}`, epLabel, epStarted);
        if (check.kind === 'already-there') {
            core.info(`Endpoint ${endpointName}: Azure already holds the planned update; not written.`);
            log.entry(epLabel, epStarted, 'ok', 'unchanged');
            endpoint = busy.value;
        }
        else {
            const outcome = await core.group(epLabel, async () => {
                core.info(createdNow ? `Creating endpoint ${endpointName}.` : `Updating endpoint ${endpointName} (${(epRequest.diff ?? []).slice(0, 5).join('; ')}).`);
                return (0,writes/* writeLro */.zC)(session, log, { method: 'PUT', path: epPath, apiVersion: manifests/* ML_API_VERSION */.W8, body: epRequest.body }, `Endpoint ${endpointName}`, deadline);
            });
            if (outcome.kind !== 'succeeded') {
                const error = outcome.kind === 'failed' ? outcome.error : timeoutError(inputs);
                const entry = describeFailure(error.code);
                log.fail('deployment-failed', epFile, `Endpoint ${endpointName}: ${error.code}: ${error.message}`, `${entry.remedy} (${entry.docs})`);
                log.entry(epLabel, epStarted, 'failed', bodyOf(outcome));
                return result();
            }
            const after = await (0,apply_live/* readEndpoint */.KW)(session, epPath, deadline);
            if (!after || after.provisioningState.toLowerCase() !== 'succeeded') {
                log.fail('deployment-failed', epFile, `Endpoint ${endpointName} reads back as ${after?.provisioningState ?? 'missing'} after its operation succeeded.`);
                log.entry(epLabel, epStarted, 'failed', 'read-back mismatch');
                return result();
            }
            endpoint = after;
            log.entry(epLabel, epStarted, 'ok', createdNow ? 'created' : 'updated');
        }
    }
    if (!endpoint)
        return result();
    // ---- Key Vault access of a new system-assigned identity
    const vaultRefs = analysis.references.filter((r) => r.kind === 'keyvault');
    let grantedHosts = [];
    if (createdNow && vaultRefs.length && endpoint.principalId && !endpoint.hasUserAssigned && endpoint.identityType.toLowerCase().includes('systemassigned')) {
        const kvStarted = Date.now();
        const kvLabel = 'Apply: Key Vault access of the new endpoint identity';
        const vaults = [...new Map(vaultRefs.map((r) => [r.vaultHost.toLowerCase(), { host: r.vaultHost.toLowerCase(), name: r.vaultName, resourceId: facts.vaultIds[r.vaultHost.toLowerCase()] }])).values()];
        const access = await core.group(kvLabel, () => ensureKeyVaultAccess(session, endpoint?.principalId ?? '', vaults, inputs.grantMissingRoles, deadline));
        grantedHosts = access.filter((a) => a.state === 'granted').map((a) => a.host);
        if (grantedHosts.length)
            log.writes += grantedHosts.length;
        for (const a of access.filter((x) => x.state === 'missing' || x.state === 'unknown')) {
            const ref = vaultRefs.find((r) => r.vaultHost.toLowerCase() === a.host);
            const message = a.state === 'missing'
                ? `The new endpoint identity ${endpoint.principalId} cannot read secrets of Key Vault ${a.name}${a.why ? ` (${a.why})` : ''}; the deployment would fail with SecretsInjectionError, so it was not started.`
                : `Key Vault access of the new endpoint identity could not be checked: ${a.why}.`;
            log.fail('endpoint-identity-cannot-read-keyvault', ref.range, message, a.command ? `Run: ${a.command} — or set grant-missing-roles: true.` : undefined);
        }
        log.entry(kvLabel, kvStarted, log.failed ? 'failed' : 'ok', access.map((a) => `${a.name}: ${a.state}`).join(', '));
        if (log.failed)
            return result();
    }
    // ---- Local assets (planned by validate): upload what is not there yet and register the versions
    const { assetPlan } = facts;
    if (assetPlan.changes && assetPlan.items.length) {
        const label = 'Apply: upload and register local assets';
        const upStarted = Date.now();
        try {
            const up = await core.group(label, () => (0,upload/* uploadLocalAssets */.YO)(session, assetPlan, { log: (line) => core.info(line) }));
            log.writes += up.registered.length;
            log.entry(label, upStarted, 'ok', `${up.registered.length} version(s) registered, ${up.uploadedFiles} file(s) uploaded`);
        }
        catch (error) {
            const partial = error instanceof upload/* AssetUploadError */.cr ? error.partial : undefined;
            log.writes += (partial?.registered.length ?? 0) + (partial?.uploadedFiles ? 1 : 0);
            const first = analysis.deployments[0];
            log.fail('deployment-failed', first ? locate(first) : epFile, `Uploading or registering local assets failed: ${error.message}`, 'Check that the workflow identity may write to the workspace storage (Storage Blob Data Contributor) and create asset versions, then run again: finished uploads are not sent twice.');
            log.entry(label, upStarted, 'failed', error.message);
            return result(readBackOf(endpoint));
        }
    }
    // ---- Deployments
    const createdHere = analysis.deployments.filter((d) => planned('deployment', d.name)?.change === 'create');
    for (const d of analysis.deployments) {
        const request = planned('deployment', d.name);
        if (!request)
            continue;
        const ok = await applyDeployment(session, log, { spec: d, request }, grantedHosts, deadline, inputs, secretValues);
        if (!ok) {
            // Traffic has not moved yet: a deployment this run created has never served.
            if (request.change === 'create')
                await removeNeverServed(session, log, inputs, [{ name: d.name, path: request.path, at: locate(d) }]);
            return result(readBackOf(await (0,apply_live/* readEndpoint */.KW)(session, epPath, deadline).catch(() => undefined)));
        }
    }
    // ---- Traffic: the planned steps, from the map the plan read; runTraffic guards each write by it (a map another writer moved stops the run).
    const before = await (0,apply_live/* readEndpoint */.KW)(session, epPath, deadline);
    if (!before) {
        log.fail('deployment-failed', epFile, `Endpoint ${endpointName} disappeared during the run.`);
        return result();
    }
    const trafficPlan = { previous: traffic.rollback, steps: traffic.steps, notes: [], problems: [] };
    const gates = {
        smokeRequest,
        smokeExpected,
        comparisonTolerance: inputs.comparisonTolerance,
        metrics: inputs.maxErrorRate !== undefined || inputs.maxLatencyP99Ms !== undefined ? { maxErrorRate: inputs.maxErrorRate, maxLatencyP99Ms: inputs.maxLatencyP99Ms, minRequests: inputs.minRequestCount } : undefined,
        onNoData: inputs.onNoData,
        bakeTimeMs: inputs.bakeTimeMs ?? 0,
    };
    const target = analysis.deployments.length === 1 ? analysis.deployments[0]?.name.toLowerCase() : undefined;
    const state = { version: 1, status: 'inProgress', endpointPath: epPath, apiVersion: manifests/* ML_API_VERSION */.W8, endpointName, body: computed.trafficBody, previous: traffic.rollback, startedAt: new Date().toISOString() };
    const targetFile = target ? locate(analysis.deployments[0]) : epFile;
    const after = await runTraffic({ session, log, plan: trafficPlan, state, gates, target, scoring: before, rollbackOnFailure: inputs.rollbackOnFailure, deadline, at: targetFile, saveState: (s) => core.saveState(rollout_state/* ROLLOUT_STATE_KEY */.UH, (0,rollout_state/* serializeState */.sU)(s)) });
    if (log.failed && createdHere.length) {
        // Rolled back (or stopped): what this run created and what serves no live or mirrored traffic now never served.
        const live = after ?? (await (0,apply_live/* readEndpoint */.KW)(session, epPath, deadline).catch(() => undefined));
        const idle = createdHere.filter((d) => live && !(live.traffic[d.name.toLowerCase()] ?? live.traffic[d.name]) && !(live.mirrorTraffic[d.name.toLowerCase()] ?? live.mirrorTraffic[d.name]));
        await removeNeverServed(session, log, inputs, idle.map((d) => ({ name: d.name, path: planned('deployment', d.name)?.path ?? '', at: locate(d) })));
    }
    if (!log.failed)
        await removeIdle(session, log, computed.plan.requests.filter((r) => r.change === 'delete'), () => (0,apply_live/* readEndpoint */.KW)(session, epPath, deadline));
    if (traffic.steps.length === 0 && log.writes === 0)
        log.notes.push(`Nothing to change: Azure already holds what the files and inputs ask for (traffic ${(0,traffic_plan/* formatTraffic */.zM)(before.traffic)}).`);
    else if (!log.failed)
        log.notes.push(`Traffic: ${(0,traffic_plan/* formatTraffic */.zM)(traffic.rollback.traffic)} → ${(0,traffic_plan/* formatTraffic */.zM)(after?.traffic)} (read back).`);
    return result(readBackOf(after));
}
/** Cleans up after a failed rollout: the deployments this run created that never served are deleted (rollback-on-failure), unless keep-failed-deployment. */
async function removeNeverServed(session, log, inputs, deployments) {
    for (const d of deployments) {
        if (!inputs.rollbackOnFailure || inputs.keepFailedDeployment) {
            log.notes.push(`Deployment ${d.name} failed without serving and was kept (${inputs.keepFailedDeployment ? 'keep-failed-deployment: true' : 'rollback-on-failure: false'}); its instances keep running until you delete it: az ml online-deployment delete --name ${d.name} --endpoint-name ${d.path.split('/').at(-3) ?? ''} --yes`);
            continue;
        }
        const label = `Apply: delete deployment ${d.name} (failed, never served)`;
        const started = Date.now();
        const outcome = await deleteDeployment(session, log, label, d.name, d.path);
        if (outcome.kind === 'succeeded') {
            log.entry(label, started, 'ok', 'deleted');
            log.notes.push(`Deployment ${d.name} failed without serving and was deleted (keep-failed-deployment: true keeps one for debugging).`);
        }
        else {
            log.entry(label, started, 'failed', bodyOf(outcome));
            log.fail('deployment-failed', d.at, `Deployment ${d.name} failed without serving, and deleting it failed too (${bodyOf(outcome)}); it keeps its instances.`, `Delete it: az ml online-deployment delete --name ${d.name} --endpoint-name ${d.path.split('/').at(-3) ?? ''} --yes`);
        }
    }
}
const CLEANUP_BUDGET_MS = 5 * 60_000;
/** One clean-up DELETE in its own log group, with a budget of its own: the run's timeout may be spent by the failure that brought us here. */
function deleteDeployment(session, log, label, name, path) {
    return core.group(label, () => (0,writes/* writeLro */.zC)(session, log, { method: 'DELETE', path, apiVersion: manifests/* ML_API_VERSION */.W8 }, `Delete ${name}`, Date.now() + CLEANUP_BUDGET_MS));
}
/** keep-deployments: the planned deletions of idle deployments, after the run succeeded; one that serves now (someone moved traffic to it) is never deleted. */
async function removeIdle(session, log, deletions, read) {
    if (!deletions.length)
        return;
    const live = await read();
    for (const r of deletions) {
        const name = (r.resource?.name ?? '').toLowerCase();
        const label = `Apply: delete idle deployment ${r.resource?.name} (keep-deployments)`;
        const started = Date.now();
        if (!live || (live.traffic[name] ?? 0) > 0 || (live.mirrorTraffic[name] ?? 0) > 0) {
            log.entry(label, started, 'skipped', live ? 'it serves traffic now' : 'the endpoint could not be read');
            continue;
        }
        const outcome = await deleteDeployment(session, log, label, r.resource?.name ?? '', r.path);
        log.entry(label, started, outcome.kind === 'succeeded' ? 'ok' : 'failed', outcome.kind === 'succeeded' ? 'deleted' : bodyOf(outcome));
        if (outcome.kind !== 'succeeded')
            log.notes.push(`Deleting the idle deployment ${r.resource?.name} failed (${bodyOf(outcome)}); it keeps its instances. The rollout itself succeeded.`);
    }
}
function locate(d) {
    return { file: d.file, line: d.spans.name?.line ?? 1, column: d.spans.name?.column ?? 1 };
}
function readBackOf(e) {
    if (!e)
        return undefined;
    return { scoringUri: e.scoringUri, swaggerUri: e.swaggerUri, traffic: e.traffic, mirrorTraffic: e.mirrorTraffic, ...(0,model/* armIdentifiers */.rg)(e.body) };
}
function written(log) {
    if (log.writes === 0)
        return 'nothing';
    return log.failed ? 'partial' : 'all';
}
function timeoutError(inputs) {
    return { code: 'DeploymentTimeout', message: `no answer within the timeout budget (${Math.round(inputs.timeoutMs / 1000)} s)` };
}
/** Prints the tails of both containers' logs (values of secret-injected variables redacted) in a log group; returns those variables' names. */
async function showLogs(session, path, spec) {
    const injected = Object.entries(spec.environmentVariables)
        .filter(([, value]) => value !== null && (0,parse/* parseExactReference */.ik)(value) !== undefined)
        .map(([name]) => name);
    const tails = await Promise.all(['StorageInitializer', 'InferenceServer'].map(async (containerType) => {
        try {
            const res = await session.arm.send({ method: 'POST', path: `${path}/getLogs`, apiVersion: manifests/* ML_API_VERSION */.W8, body: { containerType, tail: 50 } });
            return { containerType, text: redactVariables(res.body?.content ?? '', injected) };
        }
        catch (error) {
            return { containerType, text: `(logs not available: ${error instanceof azure_session/* ArmError */.dW ? error.code : String(error)})` };
        }
    }));
    await core.group(`Container logs: ${path.split('/').pop()}`, async () => {
        for (const t of tails)
            core.info(`── ${t.containerType} (last 50 lines) ──\n${t.text.trimEnd() || '(empty)'}`);
    });
    return injected;
}
async function applyDeployment(session, log, d, grantedHosts, deadline, inputs, secretValues) {
    const label = `Apply: deployment ${d.spec.name}`;
    const started = Date.now();
    const at = locate(d.spec);
    const { request } = d;
    if (request.change === 'no change') {
        core.info(`Deployment ${d.spec.name}: no change (as planned); not written.`);
        log.entry(label, started, 'ok', 'unchanged');
        return true;
    }
    const path = request.path;
    const busy = await (0,apply_live/* waitWhileBusy */.uI)(`Deployment ${d.spec.name}`, () => (0,apply_live/* readDeployment */.iJ)(session, path, deadline), await (0,apply_live/* readDeployment */.iJ)(session, path, deadline), deadline);
    if (busy.kind === 'timeout') {
        log.fail('deployment-failed', at, `Deployment ${d.spec.name} stayed ${busy.state} until the timeout; nothing was written over it.`);
        log.entry(label, started, 'failed', `still ${busy.state}`);
        return false;
    }
    const live = busy.value;
    const check = recheck(request, live?.body, secretValues);
    if (check.kind === 'moved') {
        log.fail('plan-stale', at, `Deployment ${d.spec.name} changed since the plan: ${check.why}. Nothing was written over it.`, 'Another writer is at work on it: run validate again, review the new plan, and deploy that one.');
        log.entry(label, started, 'failed', 'changed since the plan');
        return false;
    }
    if (check.kind === 'already-there') {
        core.info(`Deployment ${d.spec.name}: Azure already holds the planned update; not written.`);
        log.entry(label, started, 'ok', 'unchanged');
        return true;
    }
    const put = { method: 'PUT', path, apiVersion: manifests/* ML_API_VERSION */.W8, body: request.body };
    let outcome = await core.group(label, async () => {
        core.info(live ? `Updating deployment ${d.spec.name} (${(request.diff ?? []).slice(0, 5).join('; ')}).` : `Creating deployment ${d.spec.name}.`);
        return (0,writes/* writeLro */.zC)(session, log, put, `Deployment ${d.spec.name}`, deadline);
    });
    // A role granted a moment ago may not have propagated: one retry, after a delay, when every suspect reference is a Key
    // Vault one on a vault the action just granted (decided from what it assigned; the service's text names no cause).
    const references = Object.entries(d.spec.environmentVariables).flatMap(([variable, value]) => {
        const t = typeof value === 'string' ? (0,parse/* parseExactReference */.ik)(value) : undefined;
        return t ? [{ variable, vaultHost: t.kind === 'keyvault' ? t.vaultHost : undefined }] : [];
    });
    if (outcome.kind === 'failed' && retryAfterGrant(outcome.error, references, grantedHosts)) {
        const delay = Math.min(60_000, Math.max(1000, Math.floor((deadline - Date.now()) / 4)));
        core.info(`The deployment failed on the Key Vault permission granted a moment ago; role assignments take time to propagate. Retrying once in ${Math.round(delay / 1000)} s.`);
        log.entry(`${label} (first attempt)`, started, 'failed', `${outcome.error.code}: waiting for role propagation`);
        await new Promise((r) => setTimeout(r, delay));
        outcome = await core.group(`${label} (retry)`, () => (0,writes/* writeLro */.zC)(session, log, put, `Deployment ${d.spec.name}`, deadline));
    }
    if (outcome.kind !== 'succeeded') {
        const error = outcome.kind === 'failed' ? outcome.error : timeoutError(inputs);
        // The container logs go to their log group only: a line may hold what the container printed of its secrets.
        const injected = await showLogs(session, path, d.spec);
        const entry = describeFailure(error.code);
        // The variable is named only when the service names it; otherwise every reference is annotated as a possible cause.
        const suspects = error.code === 'SecretsInjectionError' ? injectionSuspects(error, references) : { named: false, variables: [] };
        const variables = suspects.variables;
        const places = variables.flatMap((v) => { const s = d.spec.spans.environmentVariables[v]; return s ? [{ v, s }] : []; });
        const message = (v) => {
            const cause = v === undefined ? '' : suspects.named ? ` (${v})` : ` The service does not say which reference failed: ${v} is a possible cause.`;
            return `Deployment ${d.spec.name}: ${error.code}: ${redactVariables(error.message, injected)}${cause}${variables.length ? '' : ` (container logs: log group "Container logs: ${d.spec.name}")`}`;
        };
        if (places.length)
            for (const { v, s } of places)
                log.fail('deployment-failed', { file: d.spec.file, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn }, message(v), `${entry.remedy} (${entry.docs})`);
        else
            log.fail('deployment-failed', at, message(), `${entry.remedy} (${entry.docs})`);
        log.entry(label, started, 'failed', `${error.code}`);
        return false;
    }
    const after = await (0,apply_live/* readDeployment */.iJ)(session, path, deadline);
    if (!after || after.provisioningState.toLowerCase() !== 'succeeded') {
        log.fail('deployment-failed', at, `Deployment ${d.spec.name} reads back as ${after?.provisioningState ?? 'missing'} after its operation succeeded.`);
        log.entry(label, started, 'failed', 'read-back mismatch');
        return false;
    }
    log.entry(label, started, 'ok', live ? 'updated' : 'created');
    return true;
}

// EXTERNAL MODULE: ./lib/modes/validate.js + 24 modules
var validate = __webpack_require__(4609);
;// CONCATENATED MODULE: ./lib/modes/deploy.js



/** What apply needs, from the facts validate read (no second read of the same things). */
function deployFacts(checked) {
    const { facts } = checked;
    const deployments = {};
    if (facts.deployments.kind === 'found') {
        for (const d of Object.values(facts.deployments.value))
            deployments[d.name.toLowerCase()] = { body: d.body, provisioningState: d.provisioningState };
    }
    return {
        session: checked.session,
        location: facts.workspace.kind === 'found' ? facts.workspace.value.location : '',
        endpoint: facts.endpoint.kind === 'found' ? (0,apply_live/* describeEndpoint */.N2)(facts.endpoint.value.body) : undefined,
        deployments,
        vaultIds: vaultIds(facts),
        computed: checked.computed,
        assetPlan: checked.assetPlan,
    };
}
function vaultIds(facts) {
    const out = {};
    for (const [host, v] of Object.entries(facts.vaults))
        if (v.kind === 'found')
            out[host.toLowerCase()] = v.value.resourceId;
    return out;
}
const deployMode = {
    ...validate.validateMode,
    offlineReferenceStatus: 'not resolved: the online checks did not run',
    check: (run) => (0,validate.validateOnline)(run, 'deploy'),
    // Apply opens its own log group per step (groups do not nest) and adds its rows to the timeline.
    apply: (run, checked) => applyDeploy(run, deployFacts(checked)),
};


/***/ })

};

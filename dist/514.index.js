export const id = 514;
export const ids = [514];
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

/***/ 514:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9846);
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7574);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8252);
/* harmony import */ var _restore_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5444);
/* harmony import */ var _rollout_state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(963);
/* harmony import */ var _traffic_plan_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1131);
// The post step (action.yml `runs.post`, which the runner starts even when the job was cancelled):
// when the main step died mid-rollout, its saved state still says `inProgress`; this finishes the
// restore of the traffic it started from and reads it back (docs/rollout.md §5). The restore does
// not depend on a read (src/apply/restore.ts), never writes over a map the main step never asked
// for, and is skipped with `rollback-on-failure: false`.






async function runPost(stateText, deps = {}) {
    const state = (0,_rollout_state_js__WEBPACK_IMPORTED_MODULE_4__/* .parseState */ .Bu)(stateText);
    if (!state || state.status !== 'inProgress')
        return;
    try {
        const inputs = deps.inputs ?? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputs */ .Ko)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .envInputReader */ .tT)());
        if (!inputs.rollbackOnFailure) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`The main step stopped during the rollout of ${state.endpointName}; rollback-on-failure is false, so the post step leaves the traffic as it is (it was ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .formatTraffic */ .zM)(state.previous.traffic)} before the rollout).`);
            return;
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`The main step stopped during the rollout of ${state.endpointName}: restoring traffic ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .formatTraffic */ .zM)(state.previous.traffic)}.`);
        const session = deps.signIn ? await deps.signIn() : await (0,_azure_session_js__WEBPACK_IMPORTED_MODULE_1__/* .signIn */ .Jv)(inputs);
        const outcome = await (0,_restore_js__WEBPACK_IMPORTED_MODULE_3__/* .restoreTraffic */ .Yw)(session, state, { ours: state.written ?? [], budgetMs: deps.budgetMs ?? _restore_js__WEBPACK_IMPORTED_MODULE_3__/* .ROLLBACK_BUDGET_MS */ .ui, clock: deps.clock, log: (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(line) });
        if (outcome.kind === 'changed-elsewhere') {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(_rollout_state_js__WEBPACK_IMPORTED_MODULE_4__/* .ROLLOUT_STATE_KEY */ .UH, (0,_rollout_state_js__WEBPACK_IMPORTED_MODULE_4__/* .serializeState */ .sU)({ ...state, status: 'finished' }));
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`The post step did not restore the traffic of ${state.endpointName}: Azure holds ${(0,_restore_js__WEBPACK_IMPORTED_MODULE_3__/* .describeMaps */ .BV)(outcome.live)}, a map the main step never asked for, so someone else (a person or another run) changed it; it was left as it is. Before the rollout it was ${(0,_restore_js__WEBPACK_IMPORTED_MODULE_3__/* .describeMaps */ .BV)(state.previous)}.`);
            return;
        }
        if (outcome.kind === 'failed')
            throw new Error(outcome.why);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(_rollout_state_js__WEBPACK_IMPORTED_MODULE_4__/* .ROLLOUT_STATE_KEY */ .UH, (0,_rollout_state_js__WEBPACK_IMPORTED_MODULE_4__/* .serializeState */ .sU)({ ...state, status: 'finished' }));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.notice(`Traffic of ${state.endpointName} is ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .formatTraffic */ .zM)(outcome.live.traffic)} again, as it was before the rollout (read back from Azure).`, { title: 'Rollout restored by the post step' });
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`The post step could not restore the traffic of ${state.endpointName} to ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_5__/* .formatTraffic */ .zM)(state.previous.traffic)}: ${error instanceof Error ? error.message : String(error)}. Restore it by hand: ${(0,_rollout_state_js__WEBPACK_IMPORTED_MODULE_4__/* .manualRestoreCommand */ .sT)(state)}`);
    }
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


/***/ })

};

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

/***/ 514:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9846);
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7574);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8252);
/* harmony import */ var _lease_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7552);
/* harmony import */ var _restore_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5444);
/* harmony import */ var _rollout_state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(963);
/* harmony import */ var _traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1131);
// The post step (action.yml `runs.post`, which the runner starts even when the job was cancelled):
// when the main step died mid-rollout, its saved state still says `inProgress`; this finishes the
// restore of the traffic it started from and reads it back (docs/rollout.md §5). The restore does
// not depend on a read (src/apply/restore.ts), never writes over a map the main step never asked
// for, and is skipped with `rollback-on-failure: false`. Then it releases the main step's lease on
// the endpoint when the main step could not (docs/rollout.md §6).







async function runPost(stateText, deps = {}, leaseText = '') {
    const state = (0,_rollout_state_js__WEBPACK_IMPORTED_MODULE_5__/* .parseState */ .Bu)(stateText);
    const lease = leaseText ? (0,_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .parseLeaseState */ .n4)(leaseText) : undefined;
    let session;
    const signedIn = async (inputs) => (session ??= deps.signIn ? await deps.signIn() : await (0,_azure_session_js__WEBPACK_IMPORTED_MODULE_1__/* .signIn */ .Jv)(inputs));
    if (state?.status === 'inProgress')
        await restore(state, deps, signedIn);
    if (lease)
        await release(lease, deps, signedIn);
}
/** The main step ended without releasing its lease on the endpoint (killed, cancelled, or the release failed): released here. */
async function release(lease, deps, signedIn) {
    try {
        const session = await signedIn(deps.inputs ?? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputs */ .Ko)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .envInputReader */ .tT)()));
        const outcome = await (0,_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseSavedLease */ .VE)(session, lease, { budgetMs: deps.budgetMs ?? _restore_js__WEBPACK_IMPORTED_MODULE_4__/* .ROLLBACK_BUDGET_MS */ .ui, clock: deps.clock });
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(_rollout_state_js__WEBPACK_IMPORTED_MODULE_5__/* .LEASE_STATE_KEY */ .b_, '');
        if (outcome === 'released')
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`The post step released the lease of this run on endpoint ${lease.endpointName}.`);
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`The post step could not release the lease of this run on endpoint ${lease.endpointName} (${error instanceof Error ? error.message : String(error)}); it expires by itself, and a later run takes it over then.`);
    }
}
async function restore(state, deps, signedIn) {
    try {
        const inputs = deps.inputs ?? (0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .readInputs */ .Ko)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_2__/* .envInputReader */ .tT)());
        if (!inputs.rollbackOnFailure) {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.warning(`The main step stopped during the rollout of ${state.endpointName}; rollback-on-failure is false, so the post step leaves the traffic as it is (it was ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .formatTraffic */ .zM)(state.previous.traffic)} before the rollout).`);
            return;
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(`The main step stopped during the rollout of ${state.endpointName}: restoring traffic ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .formatTraffic */ .zM)(state.previous.traffic)}.`);
        const session = await signedIn(inputs);
        const outcome = await (0,_restore_js__WEBPACK_IMPORTED_MODULE_4__/* .restoreTraffic */ .Yw)(session, state, { ours: state.written ?? [], budgetMs: deps.budgetMs ?? _restore_js__WEBPACK_IMPORTED_MODULE_4__/* .ROLLBACK_BUDGET_MS */ .ui, clock: deps.clock, log: (line) => _actions_core__WEBPACK_IMPORTED_MODULE_0__.info(line) });
        if (outcome.kind === 'changed-elsewhere') {
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(_rollout_state_js__WEBPACK_IMPORTED_MODULE_5__/* .ROLLOUT_STATE_KEY */ .UH, (0,_rollout_state_js__WEBPACK_IMPORTED_MODULE_5__/* .serializeState */ .sU)({ ...state, status: 'finished' }));
            _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`The post step did not restore the traffic of ${state.endpointName}: Azure holds ${(0,_restore_js__WEBPACK_IMPORTED_MODULE_4__/* .describeMaps */ .BV)(outcome.live)}, a map the main step never asked for, so someone else (a person or another run) changed it; it was left as it is. Before the rollout it was ${(0,_restore_js__WEBPACK_IMPORTED_MODULE_4__/* .describeMaps */ .BV)(state.previous)}.`);
            return;
        }
        if (outcome.kind === 'failed')
            throw new Error(outcome.why);
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.saveState(_rollout_state_js__WEBPACK_IMPORTED_MODULE_5__/* .ROLLOUT_STATE_KEY */ .UH, (0,_rollout_state_js__WEBPACK_IMPORTED_MODULE_5__/* .serializeState */ .sU)({ ...state, status: 'finished' }));
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.notice(`Traffic of ${state.endpointName} is ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .formatTraffic */ .zM)(outcome.live.traffic)} again, as it was before the rollout (read back from Azure).`, { title: 'Rollout restored by the post step' });
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__.setFailed(`The post step could not restore the traffic of ${state.endpointName} to ${(0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .formatTraffic */ .zM)(state.previous.traffic)}: ${error instanceof Error ? error.message : String(error)}. Restore it by hand: ${(0,_rollout_state_js__WEBPACK_IMPORTED_MODULE_5__/* .manualRestoreCommand */ .sT)(state)}`);
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
/* harmony import */ var _lease_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7552);
/* harmony import */ var _lro_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8349);
/* harmony import */ var _writes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7544);
/* harmony import */ var _traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(1131);







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
    const clock = options.clock ?? _azure_retry_js__WEBPACK_IMPORTED_MODULE_1__/* .systemClock */ .m;
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
        // The PUT replaces the tags: it carries the lease the guard read found (docs/rollout.md §6).
        const body = (0,_lease_js__WEBPACK_IMPORTED_MODULE_3__/* .carryLease */ .qh)((0,_traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__/* .withTraffic */ .oO)(state.body, previous.traffic, previous.mirrorTraffic), guard.live?.body.tags);
        try {
            const outcome = await (0,_lro_js__WEBPACK_IMPORTED_MODULE_4__/* .retryTransient */ .jh)('Restore', deadline, () => (0,_lro_js__WEBPACK_IMPORTED_MODULE_4__/* .runLro */ .z9)(session.arm, { method: 'PUT', path: state.endpointPath, apiVersion: state.apiVersion, body }, { label: 'Restore', deadline }), { clock, retryable: (e) => (0,_lro_js__WEBPACK_IMPORTED_MODULE_4__/* .isTransient */ .dg)(e) || (0,_writes_js__WEBPACK_IMPORTED_MODULE_5__/* .isBusyConflict */ .I2)(e) });
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


/***/ })

};

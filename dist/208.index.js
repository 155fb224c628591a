export const id = 208;
export const ids = [208];
export const modules = {

/***/ 208:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPost: () => (/* binding */ runPost)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7094);
/* harmony import */ var _azure_session_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7076);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(646);
/* harmony import */ var _lease_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2798);
/* harmony import */ var _restore_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3926);
/* harmony import */ var _rollout_state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(1445);
/* harmony import */ var _traffic_plan_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(8274);
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


/***/ })

};

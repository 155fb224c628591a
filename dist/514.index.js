export const id = 514;
export const ids = [514];
export const modules = {

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


/***/ })

};

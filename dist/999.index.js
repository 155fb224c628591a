export const id = 999;
export const ids = [999];
export const modules = {

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
            const body = { ...state.body, properties: { ...state.body.properties, traffic: previous.traffic, mirrorTraffic: previous.mirrorTraffic } };
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


/***/ })

};

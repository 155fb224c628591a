export const id = 897;
export const ids = [897];
export const modules = {

/***/ 3278:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   deployFacts: () => (/* binding */ deployFacts),
/* harmony export */   deployMode: () => (/* binding */ deployMode)
/* harmony export */ });
/* harmony import */ var _apply_apply_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(510);
/* harmony import */ var _apply_live_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2056);
/* harmony import */ var _validate_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6064);



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
        endpoint: facts.endpoint.kind === 'found' ? (0,_apply_live_js__WEBPACK_IMPORTED_MODULE_1__/* .describeEndpoint */ .N2)(facts.endpoint.value.body) : undefined,
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
    ..._validate_js__WEBPACK_IMPORTED_MODULE_2__.validateMode,
    offlineReferenceStatus: 'not resolved: the online checks did not run',
    check: (run) => (0,_validate_js__WEBPACK_IMPORTED_MODULE_2__.validateOnline)(run, 'deploy'),
    // Apply opens its own log group per step (groups do not nest) and adds its rows to the timeline.
    apply: (run, checked) => (0,_apply_apply_js__WEBPACK_IMPORTED_MODULE_0__/* .applyDeploy */ .UR)(run, deployFacts(checked)),
};


/***/ })

};

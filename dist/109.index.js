export const id = 109;
export const ids = [109];
export const modules = {

/***/ 510:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  UR: () => (/* binding */ applyDeploy),
  EN: () => (/* binding */ bodyOf),
  Bv: () => (/* binding */ readBackOf),
  Mp: () => (/* binding */ written)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(7094);
// EXTERNAL MODULE: ./lib/assets/upload.js
var upload = __webpack_require__(3884);
// EXTERNAL MODULE: ./lib/azure/session.js + 1 modules
var azure_session = __webpack_require__(7076);
// EXTERNAL MODULE: ./lib/inputs.js
var inputs = __webpack_require__(646);
// EXTERNAL MODULE: ./lib/modes/validate-plan.js + 1 modules
var validate_plan = __webpack_require__(8542);
// EXTERNAL MODULE: ./lib/report/redact.js
var redact = __webpack_require__(6749);
// EXTERNAL MODULE: ./lib/report/model.js
var model = __webpack_require__(5747);
// EXTERNAL MODULE: ./lib/secrets/parse.js
var parse = __webpack_require__(8586);
// EXTERNAL MODULE: ./lib/source-files.js
var source_files = __webpack_require__(308);
// EXTERNAL MODULE: ./lib/manifests/index.js
var manifests = __webpack_require__(9878);
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

// EXTERNAL MODULE: ./lib/checks/rbac.js
var rbac = __webpack_require__(6381);
// EXTERNAL MODULE: ./lib/checks/roles.js
var roles = __webpack_require__(176);
// EXTERNAL MODULE: ./lib/azure/retry.js
var retry = __webpack_require__(7573);
// EXTERNAL MODULE: ./lib/apply/lro.js
var lro = __webpack_require__(1599);
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
        // A brand-new principal may not have replicated yet (PrincipalNotFound): ask again until the deadline (the one retry loop).
        try {
            await (0,retry/* retrying */.R$)('Assigning Key Vault Secrets User', {
                deadline,
                retryable: (e) => e instanceof azure_session/* ArmError */.dW && e.code === 'PrincipalNotFound',
                firstDelayMs: 2000,
                log: () => core.info(`The new identity ${principalId} is not replicated yet; assigning again.`),
            }, () => (0,lro/* retryTransient */.jh)('assign Key Vault Secrets User', deadline, () => session.arm.send({ method: 'PUT', path, apiVersion: AUTHZ_API, body })));
        }
        catch (error) {
            if (!(error instanceof azure_session/* ArmError */.dW))
                throw error;
            if (error.code !== 'RoleAssignmentExists')
                return { ...v, resourceId: id, state: 'missing', why: `the role assignment was refused: ${error.code}`, command };
        }
        core.info(`Assigned Key Vault Secrets User on ${v.name} to the endpoint identity ${principalId}.`);
        // Visible through the Authorization API before the deployment relies on it.
        const visible = await (0,retry/* polling */.CM)('Key Vault Secrets User visible', { deadline, maxDelayMs: 10_000 }, async () => {
            if (await hasAccess(session, principalId, id, deadline))
                return true;
            throw new retry/* NotYet */.QH('not yet visible');
        });
        if (!visible.done)
            return { ...v, resourceId: id, state: 'granted', why: 'assigned, not yet visible' };
        return { ...v, resourceId: id, state: 'granted' };
    }));
}

// EXTERNAL MODULE: ./lib/apply/lease.js
var apply_lease = __webpack_require__(2798);
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
var apply_live = __webpack_require__(2056);
// EXTERNAL MODULE: ./lib/apply/restore.js
var restore = __webpack_require__(3926);
// EXTERNAL MODULE: ./lib/apply/rollout-state.js
var rollout_state = __webpack_require__(1445);
// EXTERNAL MODULE: ./lib/apply/traffic-plan.js
var traffic_plan = __webpack_require__(8274);
// EXTERNAL MODULE: ./lib/apply/writes.js
var writes = __webpack_require__(3306);
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
// code and `RequestLatency_P99`, filtered to the deployment, over the bake window. Platform metrics
// arrive per minute after an ingestion delay, partial for the latest minutes ("the latency of
// processing metrics can be within a couple minutes range … displaying data as soon as receiving it
// … even when the data is partial": Azure Monitor metrics troubleshooting, "Chart shows unexpected
// drop in values"), so the gate waits `metrics-ingestion-delay` after the window before it judges
// it, and never judges a window whose data cannot have arrived (docs/rollout.md §3). A metrics read
// that fails (after the one retry loop's attempts) is no data (inconclusive), never a pass.




const MONITOR_API = '2023-10-01';
function iso(ms) {
    return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
async function readDeploymentMetrics(session, endpointPath, deployment, window, options) {
    // Azure Monitor's grain is one minute: widen the window to whole minutes.
    const start = Math.floor(window.start / 60_000) * 60_000;
    const end = Math.max(Math.ceil(window.end / 60_000) * 60_000, start + 60_000);
    const common = { timespan: `${iso(start)}/${iso(end)}`, interval: 'PT1M', metricnamespace: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints' };
    const path = `${endpointPath}/providers/Microsoft.Insights/metrics`;
    // Throttling, 5xx and resets are asked again (the one retry loop) within the run's budget.
    const get = (what, query) => (0,lro/* retryTransient */.jh)(`Azure Monitor ${what}`, options.deadline, () => session.arm.send({ method: 'GET', path, apiVersion: MONITOR_API, query }), { clock: options.clock });
    try {
        const [requests, latency] = await Promise.all([
            get('RequestsPerMinute', { ...common, metricnames: 'RequestsPerMinute', aggregation: 'Total', $filter: `deployment eq '${deployment}' and statusCode eq '*'` }),
            get('RequestLatency_P99', { ...common, metricnames: 'RequestLatency_P99', aggregation: 'Maximum', $filter: `deployment eq '${deployment}'` }),
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
function clockTime(ms) {
    return new Date(ms).toISOString().slice(11, 19);
}
/**
 * The metrics gate of one step: waits until the window's data can have reached Azure Monitor
 * (window end + ingestion delay, said in the log with the time), then judges it. `hold` reads again
 * while there is no data, each time over the window whose data has arrived by then, until the budget
 * ends. A window whose data cannot arrive before the deadline is not judged: inconclusive, and why.
 */
async function judgeMetricsWindow(run) {
    const { clock } = run;
    const arrived = run.window.end + run.ingestionDelayMs;
    if (arrived > run.deadline) {
        return { gate: 'metrics', verdict: 'inconclusive', detail: `no data: the window's metrics reach Azure Monitor about ${Math.round(run.ingestionDelayMs / 1000)} s after it ends (${clockTime(arrived)} UTC), after the timeout budget ends (${clockTime(run.deadline)} UTC)` };
    }
    const wait = arrived - clock.now();
    if (wait > 0) {
        run.log(`${run.label}: waiting ${Math.ceil(wait / 1000)} s for Azure Monitor to ingest the window's metrics (metrics-ingestion-delay ${Math.round(run.ingestionDelayMs / 1000)} s); judging at ${clockTime(arrived)} UTC.`);
        await clock.sleep(wait);
    }
    let window = run.window;
    let result;
    await (0,retry/* polling */.CM)(`${run.label}: metrics`, { deadline: run.deadline, clock }, async () => {
        const read = await run.read(window);
        result = read.ok ? metricsVerdict(read.sample, run.thresholds) : { gate: 'metrics', verdict: 'inconclusive', detail: `no data: ${read.why}` };
        run.log(`${run.label}: metrics ${result.verdict} (${result.detail})`);
        if (result.verdict !== 'inconclusive' || run.onNoData !== 'hold')
            return result;
        if (clock.now() + run.holdEveryMs <= run.deadline)
            run.log(`${run.label}: on-no-data: hold, so the step is held and the metrics read again in ${Math.round(run.holdEveryMs / 1000)} s.`);
        // The next read covers what has arrived by then: up to `ingestionDelayMs` before it.
        window = { start: run.window.start, end: Math.max(run.window.end, clock.now() + run.holdEveryMs - run.ingestionDelayMs) };
        throw new retry/* NotYet */.QH('inconclusive', run.holdEveryMs);
    });
    return result;
}

// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 87 modules
var esm = __webpack_require__(373);
// EXTERNAL MODULE: ./lib/manifests/rest.js
var rest = __webpack_require__(4138);
;// CONCATENATED MODULE: ./lib/apply/scoring.js
// Scoring calls for the smoke and comparison gates: the endpoint's scoring URI, pinned to one
// deployment with the `azureml-model-deployment` header, signed per the endpoint's auth mode with
// a key (listKeys), an AML token (token) or an Entra token for https://ml.azure.com. Sent through
// the Azure SDK pipeline (proxy) with its status retries off: every HTTP answer, 5xx and 429
// included, is what the deployment's users get and is judged by the gate, never retried away. Only
// a request that got no answer at all (a reset, a refused or timed-out connection) is sent again,
// through the one retry loop, inside the gate's budget (docs/rollout.md §3). The key or token never
// reaches the log.




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
/** How long a gate keeps sending a scoring request that got no answer (capped by the run's deadline). */
const SCORING_RETRY_BUDGET_MS = 60_000;
/** A scoring request that got no HTTP answer: the only kind that is sent again. */
class NoAnswer extends Error {
    constructor(message) {
        super(message);
        this.name = 'NoAnswer';
    }
}
/**
 * One gate request: `send` answers (any HTTP status: an observation) or throws NoAnswer, which is
 * sent again with back-off inside SCORING_RETRY_BUDGET_MS and the deadline; still no answer → status 0.
 */
async function scoreWithin(what, budget, send) {
    const clock = budget.clock ?? retry/* systemClock */.ml;
    try {
        return await (0,retry/* retrying */.R$)(what, { deadline: Math.min(budget.deadline, clock.now() + SCORING_RETRY_BUDGET_MS), retryable: (e) => e instanceof NoAnswer, log: budget.log, clock }, send);
    }
    catch (error) {
        return { status: 0, body: '', error: error instanceof Error ? error.message : String(error) };
    }
}
async function createScorer(session, target, budget) {
    const secret = await scoringCredential(session, target);
    core.setSecret(secret);
    // No status retries in the pipeline: a 5xx, 424 or 429 is the gate's observation (see the header).
    const pipeline = (0,esm/* createPipelineFromOptions */.Fp)({ retryOptions: { maxRetries: 0 }, userAgentOptions: { userAgentPrefix: 'azureml-online-deploy' } });
    const client = (0,esm/* createDefaultHttpClient */.fl)();
    return {
        score(deployment, body) {
            return scoreWithin(`Scoring request to ${deployment}`, { log: (line) => core.info(line), ...budget }, async () => {
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
                    // A RestError with a status is an answer; one without is a transport failure.
                    const status = error.statusCode;
                    if (typeof status === 'number')
                        return { status, body: '' };
                    throw new NoAnswer(error instanceof Error ? error.message : String(error));
                }
            });
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
    return run.clock ?? retry/* systemClock */.ml;
}
/**
 * Applies one traffic map and reads it back; no problem when the write and read-back agree. The
 * guard first: the endpoint must still hold what this run last left on it, or someone else changed it.
 */
async function applyMap(run, traffic, mirrorTraffic, label) {
    const { session, log, state } = run;
    const p = progress(run);
    // After SIGINT/SIGTERM the signal's restore owns the endpoint (and releases the lease): no lease check may write it again.
    if (p.stopping)
        await new Promise(() => undefined);
    // Another run holds the endpoint now: nothing more is written, and nothing rolled back over it.
    if (run.lease && !(await run.lease.ensure()).ok)
        return { leaseLost: true, problem: 'another run holds the endpoint' };
    // Never written over a running operation (an update that outlived an earlier wait, say).
    const ready = await (0,apply_live/* waitWhileBusy */.uI)(`Endpoint ${state.endpointName}`, () => (0,apply_live/* readEndpoint */.KW)(session, state.endpointPath, run.deadline), await (0,apply_live/* readEndpoint */.KW)(session, state.endpointPath, run.deadline), run.deadline, 1000, clockOf(run));
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
    const write = (0,writes/* writeLro */.zC)(session, log, { method: 'PUT', path: state.endpointPath, apiVersion: state.apiVersion, body: run.lease ? (0,apply_lease/* withLeaseTag */.j8)((0,traffic_plan/* withTraffic */.oO)(state.body, traffic, mirrorTraffic), run.lease.tag()) : (0,traffic_plan/* withTraffic */.oO)(state.body, traffic, mirrorTraffic) }, label, run.deadline, { clock: run.clock });
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
/** Holds the step for bake-time, then judges the metrics of the window once Azure Monitor can have them (src/apply/metrics.ts). */
async function bakeAndMeasure(run, step, since) {
    const { gates } = run;
    const clock = clockOf(run);
    const bakeUntil = Math.min(since + gates.bakeTimeMs, run.deadline);
    if (gates.bakeTimeMs > 0) {
        core.info(`${step.label}: baking for ${Math.round(gates.bakeTimeMs / 1000)} s`);
        await clock.sleep(bakeUntil - clock.now());
    }
    const { metrics } = gates;
    const target = run.target;
    if (!metrics || !target)
        return undefined;
    return judgeMetricsWindow({
        label: step.label,
        thresholds: metrics,
        onNoData: gates.onNoData,
        window: { start: since, end: clock.now() },
        ingestionDelayMs: gates.metricsIngestionDelayMs ?? inputs/* METRICS_INGESTION_DELAY_MS */.gN,
        holdEveryMs: Math.max(30_000, gates.bakeTimeMs),
        deadline: run.deadline,
        clock,
        log: (line) => core.info(line),
        read: (window) => readDeploymentMetrics(run.session, run.state.endpointPath, target, window, { deadline: run.deadline, clock }),
    });
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
            // The endpoint is free for the next run once the restore is sent (the post step releases it when this does not finish).
            .finally(() => (run.lease?.release() ?? Promise.resolve(true)).finally(() => process.exit(1)));
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
            scorer = await createScorer(run.session, { endpointPath: run.state.endpointPath, scoringUri: run.scoring.scoringUri, authMode: run.scoring.authMode }, { deadline: run.deadline, clock: run.clock });
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
            if (applied.leaseLost) {
                // The finding is the lease's (endpoint-leased); the post step must not restore over the other run either.
                run.saveState({ ...run.state, status: 'finished', written: [...progress(run).written] });
                return undefined;
            }
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
    const budget = { deadline: started + run.inputs.timeoutMs };
    const lease = endpointLease(run, facts, budget);
    try {
        return await applyPlan(run, facts, log, lease, budget);
    }
    catch (error) {
        if (error instanceof inputs/* InputError */.dz)
            throw error;
        const first = run.analysis.endpoint ?? run.analysis.deployments[0];
        log.fail('deployment-failed', { file: first?.file ?? '', line: first?.spans.name?.line ?? 1, column: first?.spans.name?.column ?? 1 }, `The apply phase stopped on an unexpected error: ${error instanceof Error ? error.message : String(error)}.`, 'Read the run log around the last timeline row; the post step restores the traffic a started rollout moved.');
        log.entry('Apply: stopped', started, 'failed', error instanceof Error ? error.message : String(error));
        return { findings: log.findings, notes: log.notes, written: written(log) };
    }
    finally {
        // Success, failure or rollback: the endpoint is free for the next run (the post step tries again when this fails).
        await lease.release();
    }
}
/** The run's lease on its endpoint (docs/rollout.md §6): it runs until the end of the run's own budget and the rollback's. */
function endpointLease(run, facts, budget) {
    const { session } = facts;
    const ws = { subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: facts.location };
    const endpointName = run.analysis.endpoint?.name ?? run.analysis.deployments[0]?.endpointName ?? '';
    const path = (0,manifests/* endpointPath */.nM)(ws, endpointName);
    const holder = (0,apply_lease/* leaseHolder */.Fp)(process.env, (0,external_node_crypto_.randomBytes)(3).toString('hex'));
    const saved = { endpointPath: path, apiVersion: manifests/* ML_API_VERSION */.W8, endpointName, holder };
    // Reads and writes of the lease keep working while a run waits past its own budget (lease-wait > timeout).
    const store = (0,apply_lease/* armLeaseStore */.QY)(session, path, manifests/* ML_API_VERSION */.W8, () => Math.max(budget.deadline, Date.now() + 60_000));
    return new apply_lease/* EndpointLease */.W1(store, {
        holder,
        endpointName,
        expiresAt: () => budget.deadline + restore/* ROLLBACK_BUDGET_MS */.ui,
        waitMs: run.inputs.leaseWaitMs,
        log: (line) => core.info(line),
        notice: (line) => core.notice(line, { title: 'Endpoint lease taken over' }),
        onChange: (held) => core.saveState(rollout_state/* LEASE_STATE_KEY */.b_, held ? JSON.stringify(saved) : ''),
    });
}
async function applyPlan(run, facts, log, lease, budget) {
    const { inputs, analysis } = run;
    const { session, computed } = facts;
    let deadline = budget.deadline;
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
    /**
     * Right before a write: this run's lease on the endpoint (taken on the first write, waiting for another run's, then checked and
     * renewed). Taken just now, the world may have moved while it waited: the endpoint's traffic must still be the planned one.
     */
    let leaseLost = false;
    const holdLease = async (at, label, started) => {
        // Lost once, the endpoint is another run's: said once, and nothing more is written.
        if (leaseLost)
            return { ok: false, stop: result() };
        const held = await lease.ensure();
        if (held.kind === 'held' || held.kind === 'create') {
            if (held.kind === 'held' && held.taken && held.waitedMs > 0) {
                // The wait is not the run's work: its budget starts again where the wait began (the next check renews the lease's expiry).
                deadline += held.waitedMs;
                budget.deadline = deadline;
            }
            const taken = held.kind === 'held' && held.taken;
            if (taken) {
                const now = await (0,apply_live/* readEndpoint */.KW)(session, epPath, deadline);
                if (now && !(0,traffic_plan/* sameTraffic */.UN)(now.traffic, traffic.before))
                    return { ok: false, stop: stale(epFile, `The traffic of endpoint ${endpointName}`, `the plan read ${(0,traffic_plan/* formatTraffic */.zM)(traffic.before)}, Azure holds ${(0,traffic_plan/* formatTraffic */.zM)(now.traffic)} once the lease was taken (another run wrote it)`, label, started) };
            }
            return { ok: true, taken, create: held.kind === 'create' };
        }
        leaseLost = true;
        const now = Date.now();
        const message = held.kind === 'leased'
            ? `Endpoint ${endpointName} is leased by ${(0,apply_lease/* describeLease */.un)(held.by, now)}: another run is writing it. This run waited ${Math.round(held.waitedMs / 1000)} s (lease-wait) and wrote nothing.`
            : `Endpoint ${endpointName}: ${held.by ? `the lease is held by ${(0,apply_lease/* describeLease */.un)(held.by, now)} now` : 'the endpoint is gone'}; another run took the endpoint during this run, which stopped before this write and wrote nothing over it.`;
        log.fail('endpoint-leased', at, message, held.kind === 'leased' ? 'Let the other run finish (or raise lease-wait), then run again; a `concurrency:` group per endpoint keeps a second run from starting (README).' : 'Find the other run (the lease tag names it); run again once it is done.');
        log.entry(label, started, 'failed', held.kind === 'leased' ? `leased by ${held.by.holder}` : 'lease lost');
        return { ok: false, stop: result() };
    };
    const guardDelete = async (at, label) => (await holdLease(at, label, Date.now())).ok;
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
        let current = busy.value;
        let check = recheck(epRequest, current?.body, secretValues);
        if (check.kind === 'moved')
            return stale(epFile, `Endpoint ${endpointName}`, check.why, epLabel, epStarted);
        if (current && !(0,traffic_plan/* sameTraffic */.UN)(current.traffic, traffic.before))
            return stale(epFile, `The traffic of endpoint ${endpointName}`, `the plan read ${(0,traffic_plan/* formatTraffic */.zM)(traffic.before)}, Azure now holds ${(0,traffic_plan/* formatTraffic */.zM)(current.traffic)}`, epLabel, epStarted);
        const held = check.kind === 'write' ? await holdLease(epFile, epLabel, epStarted) : undefined;
        if (held && !held.ok)
            return held.stop;
        if (held?.ok && held.taken) {
            // Taken just now (perhaps after a wait): the endpoint is checked again against the plan.
            current = await (0,apply_live/* readEndpoint */.KW)(session, epPath, deadline);
            check = recheck(epRequest, current?.body, secretValues);
            if (check.kind === 'moved')
                return stale(epFile, `Endpoint ${endpointName}`, check.why, epLabel, epStarted);
        }
        if (check.kind === 'already-there') {
            core.info(`Endpoint ${endpointName}: Azure already holds the planned update; not written.`);
            log.entry(epLabel, epStarted, 'ok', 'unchanged');
            endpoint = current;
        }
        else {
            // The PUT replaces the tags: it carries this run's lease (for a new endpoint, that is how the lease is taken).
            const body = (0,apply_lease/* withLeaseTag */.j8)(epRequest.body, lease.tag());
            const outcome = await core.group(epLabel, async () => {
                core.info(createdNow ? `Creating endpoint ${endpointName}.` : `Updating endpoint ${endpointName} (${(epRequest.diff ?? []).slice(0, 5).join('; ')}).`);
                return (0,writes/* writeLro */.zC)(session, log, { method: 'PUT', path: epPath, apiVersion: manifests/* ML_API_VERSION */.W8, body }, `Endpoint ${endpointName}`, deadline);
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
            if (held?.ok && held.create) {
                // The create PUT carried the lease: another run that created the endpoint at the same moment shows now.
                const confirmed = await holdLease(epFile, `${epLabel}: lease`, Date.now());
                if (!confirmed.ok)
                    return confirmed.stop;
            }
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
        const held = await holdLease(epFile, label, upStarted);
        if (!held.ok)
            return held.stop;
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
        const outcome = await applyDeployment(session, log, { spec: d, request }, grantedHosts, deadline, inputs, secretValues, (at, label, started) => holdLease(at, label, started));
        if (outcome !== 'ok') {
            // Traffic has not moved yet: a deployment this run created has never served (one it did not write is not its own to delete).
            if (request.change === 'create' && outcome === 'failed')
                await removeNeverServed(session, log, inputs, [{ name: d.name, path: request.path, at: locate(d) }], guardDelete);
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
        metricsIngestionDelayMs: inputs.metricsIngestionDelayMs,
    };
    const target = analysis.deployments.length === 1 ? analysis.deployments[0]?.name.toLowerCase() : undefined;
    const state = { version: 1, status: 'inProgress', endpointPath: epPath, apiVersion: manifests/* ML_API_VERSION */.W8, endpointName, body: computed.trafficBody, previous: traffic.rollback, startedAt: new Date().toISOString() };
    const targetFile = target ? locate(analysis.deployments[0]) : epFile;
    const after = await runTraffic({ session, log, plan: trafficPlan, state, gates, target, scoring: before, rollbackOnFailure: inputs.rollbackOnFailure, deadline, at: targetFile, saveState: (s) => core.saveState(rollout_state/* ROLLOUT_STATE_KEY */.UH, (0,rollout_state/* serializeState */.sU)(s)), lease: { ensure: () => holdLease(targetFile, 'Traffic: lease', Date.now()), tag: () => lease.tag(), release: () => lease.release() } });
    if (log.failed && createdHere.length) {
        // Rolled back (or stopped): what this run created and what serves no live or mirrored traffic now never served.
        const live = after ?? (await (0,apply_live/* readEndpoint */.KW)(session, epPath, deadline).catch(() => undefined));
        const idle = createdHere.filter((d) => live && !(live.traffic[d.name.toLowerCase()] ?? live.traffic[d.name]) && !(live.mirrorTraffic[d.name.toLowerCase()] ?? live.mirrorTraffic[d.name]));
        await removeNeverServed(session, log, inputs, idle.map((d) => ({ name: d.name, path: planned('deployment', d.name)?.path ?? '', at: locate(d) })), guardDelete);
    }
    if (!log.failed)
        await removeIdle(session, log, computed.plan.requests.filter((r) => r.change === 'delete'), () => (0,apply_live/* readEndpoint */.KW)(session, epPath, deadline), (label) => guardDelete(epFile, label));
    if (traffic.steps.length === 0 && log.writes === 0)
        log.notes.push(`Nothing to change: Azure already holds what the files and inputs ask for (traffic ${(0,traffic_plan/* formatTraffic */.zM)(before.traffic)}).`);
    else if (!log.failed)
        log.notes.push(`Traffic: ${(0,traffic_plan/* formatTraffic */.zM)(traffic.rollback.traffic)} → ${(0,traffic_plan/* formatTraffic */.zM)(after?.traffic)} (read back).`);
    return result(readBackOf(after));
}
/** Cleans up after a failed rollout: the deployments this run created that never served are deleted (rollback-on-failure), unless keep-failed-deployment. */
async function removeNeverServed(session, log, inputs, deployments, guard) {
    for (const d of deployments) {
        if (!inputs.rollbackOnFailure || inputs.keepFailedDeployment) {
            log.notes.push(`Deployment ${d.name} failed without serving and was kept (${inputs.keepFailedDeployment ? 'keep-failed-deployment: true' : 'rollback-on-failure: false'}); its instances keep running until you delete it: az ml online-deployment delete --name ${d.name} --endpoint-name ${d.path.split('/').at(-3) ?? ''} --yes`);
            continue;
        }
        const label = `Apply: delete deployment ${d.name} (failed, never served)`;
        const started = Date.now();
        if (!(await guard(d.at, label)))
            continue;
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
async function removeIdle(session, log, deletions, read, guard) {
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
        if (!(await guard(label)))
            return;
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
async function applyDeployment(session, log, d, grantedHosts, deadline, inputs, secretValues, holdLease) {
    const label = `Apply: deployment ${d.spec.name}`;
    const started = Date.now();
    const at = locate(d.spec);
    const { request } = d;
    if (request.change === 'no change') {
        core.info(`Deployment ${d.spec.name}: no change (as planned); not written.`);
        log.entry(label, started, 'ok', 'unchanged');
        return 'ok';
    }
    const path = request.path;
    const busy = await (0,apply_live/* waitWhileBusy */.uI)(`Deployment ${d.spec.name}`, () => (0,apply_live/* readDeployment */.iJ)(session, path, deadline), await (0,apply_live/* readDeployment */.iJ)(session, path, deadline), deadline);
    if (busy.kind === 'timeout') {
        log.fail('deployment-failed', at, `Deployment ${d.spec.name} stayed ${busy.state} until the timeout; nothing was written over it.`);
        log.entry(label, started, 'failed', `still ${busy.state}`);
        return 'not written';
    }
    let live = busy.value;
    const moved = (why) => {
        log.fail('plan-stale', at, `Deployment ${d.spec.name} changed since the plan: ${why}. Nothing was written over it.`, 'Another writer is at work on it: run validate again, review the new plan, and deploy that one.');
        log.entry(label, started, 'failed', 'changed since the plan');
        return 'not written';
    };
    let check = recheck(request, live?.body, secretValues);
    if (check.kind === 'moved')
        return moved(check.why);
    if (check.kind === 'write') {
        const held = await holdLease(at, label, started);
        if (!held.ok)
            return 'not written';
        if (held.taken) {
            // Taken just now (perhaps after a wait): the deployment is checked again against the plan.
            live = await (0,apply_live/* readDeployment */.iJ)(session, path, deadline);
            check = recheck(request, live?.body, secretValues);
            if (check.kind === 'moved')
                return moved(check.why);
        }
    }
    if (check.kind === 'already-there') {
        core.info(`Deployment ${d.spec.name}: Azure already holds the planned update; not written.`);
        log.entry(label, started, 'ok', 'unchanged');
        return 'ok';
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
        return 'failed';
    }
    const after = await (0,apply_live/* readDeployment */.iJ)(session, path, deadline);
    if (!after || after.provisioningState.toLowerCase() !== 'succeeded') {
        log.fail('deployment-failed', at, `Deployment ${d.spec.name} reads back as ${after?.provisioningState ?? 'missing'} after its operation succeeded.`);
        log.entry(label, started, 'failed', 'read-back mismatch');
        return 'failed';
    }
    log.entry(label, started, 'ok', live ? 'updated' : 'created');
    return 'ok';
}


/***/ }),

/***/ 9415:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   TS: () => (/* binding */ traceTags),
/* harmony export */   a$: () => (/* binding */ isTraceTag),
/* harmony export */   bK: () => (/* binding */ withTraceTags)
/* harmony export */ });
/* unused harmony export TRACE_TAG_PREFIX */
// Pure: traceability tags on the endpoint and the deployment (docs/rollout.md §1), so that anyone
// looking at them in Azure finds the repository, commit, workflow and run that deployed them.
// They are ignored when deciding whether anything changed: a re-run of the same inputs stays a
// no-op, and the tags keep naming the run that made the change. `skip-default-tags: true` turns them
// off (the file's own `tags:` are still sent), like deploy-cloudrun's `skip_default_labels`.
const TRACE_TAG_PREFIX = 'github.';
/** From the runner's default variables (https://docs.github.com/actions/reference/variables-reference). */
function traceTags(env, options = {}) {
    if (options.skip)
        return {};
    const tags = { 'deployed-by': 'azureml-online-deploy' };
    const set = (key, value) => {
        if (value)
            tags[`${TRACE_TAG_PREFIX}${key}`] = value.slice(0, 256);
    };
    set('repository', env.GITHUB_REPOSITORY);
    set('commit', env.GITHUB_SHA);
    set('workflow', env.GITHUB_WORKFLOW_REF ?? env.GITHUB_WORKFLOW);
    if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
        set('run', `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`);
    }
    return tags;
}
function isTraceTag(key) {
    return key === 'deployed-by' || key.startsWith(TRACE_TAG_PREFIX);
}
/** The body with the trace tags added to its `tags` (the file's own tags win on a clash); no tags: the body as it is. */
function withTraceTags(body, tags) {
    if (Object.keys(tags).length === 0)
        return body;
    const own = (body.tags ?? {});
    return { ...body, tags: { ...tags, ...own } };
}


/***/ }),

/***/ 7617:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ie: () => (/* binding */ longDatastoreUri),
/* harmony export */   MQ: () => (/* binding */ blobNames),
/* harmony export */   TT: () => (/* binding */ buildContextEnvironmentVersion),
/* harmony export */   Wi: () => (/* binding */ UPLOAD_CONFIRMATION),
/* harmony export */   Wt: () => (/* binding */ pendingUploadCodeUri),
/* harmony export */   Yp: () => (/* binding */ datastoreUploadPath),
/* harmony export */   _Q: () => (/* binding */ anonymousModelName),
/* harmony export */   wK: () => (/* binding */ WORKSPACE_BLOB_STORE)
/* harmony export */ });
/* unused harmony exports ARTIFACT_ORIGIN, pyJoin */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
// The names, versions and storage paths azure-ai-ml gives local assets (docs/local-assets.md §3).
// Pure string arithmetic on hashes; no I/O.

const ARTIFACT_ORIGIN = 'LocalUpload';
/** The datastore azure-ai-ml uploads models and build contexts to unless `datastore:` names one. */
const WORKSPACE_BLOB_STORE = 'workspaceblobstore';
/** Blob metadata that marks a finished upload (azure-ai-ml `UPLOAD_CONFIRMATION`). */
const UPLOAD_CONFIRMATION = { upload_status: 'completed' };
const md5 = (s) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('md5').update(s, 'utf8').digest('hex');
const sha256 = (s) => (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(s, 'utf8').digest('hex');
/** Python `sep.join(s)`: the characters of s separated by sep. */
function pyJoin(sep, s) {
    return [...s].join(sep);
}
/** An anonymous model's name: SHA-256 of the object hash (current azure-ai-ml; 1.4.0 used MD5). */
function anonymousModelName(objectHash) {
    return sha256(objectHash);
}
/** The anonymous environment version of a build context: md5(hash), joined with md5(dockerfile path). */
function buildContextEnvironmentVersion(objectHash, dockerfilePath) {
    let s = md5(objectHash);
    if (dockerfilePath)
        s = pyJoin(s, md5(dockerfilePath));
    return md5(s);
}
/** The datastore folder of an upload: `LocalUpload/<object hash>/<name>` (blob storage client `upload`). */
function datastoreUploadPath(objectHash, name) {
    return `${ARTIFACT_ORIGIN}/${objectHash}/${name}`;
}
/** Blob names of the files, under `prefix` (a folder's files go under `<prefix>/<rel>`; a file is the prefix itself). */
function blobNames(prefix, kind, relPaths) {
    return kind === 'file' ? [prefix] : relPaths.map((r) => `${prefix}/${r}`);
}
/** `azureml://subscriptions/…/datastores/<ds>/paths/<path>` (azure-ai-ml LONG_URI_FORMAT). */
function longDatastoreUri(ws, datastore, path) {
    return `azureml://subscriptions/${ws.subscriptionId}/resourcegroups/${ws.resourceGroup}/workspaces/${ws.workspaceName}/datastores/${datastore}/paths/${path}`;
}
/**
 * The codeUri of code uploaded through startPendingUpload: the blob URI of the pending upload joined
 * with the folder name (a single file: the folder that holds it, with a trailing slash), as
 * `urljoin(blobUri, "<container>/<name>")` resolves it in azure-ai-ml.
 */
function pendingUploadCodeUri(blobUri, kind, name) {
    const base = blobUri.replace(/\/+$/, '');
    return kind === 'dir' ? `${base}/${name}` : `${base}/`;
}


/***/ }),

/***/ 7275:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Do: () => (/* binding */ assetIo),
  z3: () => (/* binding */ formatBytes),
  HN: () => (/* binding */ planLines),
  wT: () => (/* binding */ planLocalAssets)
});

// UNUSED EXPORTS: datastoreName, planWith, sameEnvironmentFields, sameModelUri, sizeOf

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./lib/manifests/rest.js
var rest = __webpack_require__(4138);
// EXTERNAL MODULE: ./lib/azure/assets.js
var assets = __webpack_require__(9597);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./lib/assets/ignore.js
// Which files of a local asset folder azure-ai-ml leaves out: the root folder's `.amlignore`, or
// else its `.gitignore` (never both, never a nested one), read with the gitwildmatch rules of the
// `pathspec` package that azure-ai-ml vendors (azure/ai/ml/_utils/_pathspec.py). Pure: the caller
// reads the file. See docs/local-assets.md §2.
const IGNORE_FILE_NAMES = ['.amlignore', '.gitignore'];
const NO_IGNORE_RULES = { patterns: [] };
/** Rules from the text of an ignore file: one pattern a line, blank lines and `#` comments skipped. */
function parseIgnoreFile(text, file) {
    const patterns = [];
    for (const line of text.split(/\r\n|\r|\n/)) {
        const compiled = compileGitWildMatch(line);
        if (compiled)
            patterns.push(compiled);
    }
    return file ? { file, patterns } : { patterns };
}
/**
 * Whether a path (relative to the folder, `/`-separated) is excluded. Every pattern is tried and
 * the last one that matches decides, as in the current azure-ai-ml (`IgnoreFile.is_file_excluded`);
 * 1.4.0 stopped at the first match of an unordered set, which only differs with `!` patterns.
 */
function isExcluded(rules, relPath) {
    let excluded = false;
    for (const p of rules.patterns)
        if (p.regex.test(relPath))
            excluded = p.excludes;
    return excluded;
}
const REGEX_SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);
function escapeChar(ch) {
    return REGEX_SYNTAX.has(ch) ? `\\${ch}` : ch;
}
/** GitWildMatchPattern.pattern_to_regex: undefined for blank lines, comments and a lone `/`. */
function compileGitWildMatch(line) {
    let pattern = line.trim();
    if (!pattern || pattern.startsWith('#') || pattern === '/')
        return undefined;
    let excludes = true;
    if (pattern.startsWith('!')) {
        excludes = false;
        pattern = pattern.slice(1);
    }
    const segs = pattern.split('/');
    // Collapse runs of `**` segments.
    for (let i = segs.length - 1; i > 0; i--)
        if (segs[i - 1] === '**' && segs[i] === '**')
            segs.splice(i, 1);
    let override;
    if (segs.length === 2 && segs[0] === '**' && !segs[1])
        override = '^.+(?<ps_d>/).*$';
    if (!segs[0])
        segs.shift();
    else if (segs.length === 1 || (segs.length === 2 && !segs[1])) {
        if (segs[0] !== '**')
            segs.unshift('**');
    }
    if (segs.length === 0)
        return undefined; // pathspec raises GitWildMatchPatternError; azure-ai-ml would fail the upload
    if (!segs[segs.length - 1] && segs.length > 1)
        segs[segs.length - 1] = '**';
    let source = override;
    if (source === undefined) {
        const out = ['^'];
        let needSlash = false;
        const end = segs.length - 1;
        for (let i = 0; i < segs.length; i++) {
            const seg = segs[i] ?? '';
            if (seg === '**') {
                if (i === 0 && i === end)
                    out.push('.+');
                else if (i === 0) {
                    out.push('(?:.+/)?');
                    needSlash = false;
                }
                else if (i === end)
                    out.push('(?<ps_d>/).*');
                else {
                    out.push('(?:/.+)?');
                    needSlash = true;
                }
            }
            else {
                if (needSlash)
                    out.push('/');
                if (seg === '*')
                    out.push('[^/]+');
                else {
                    const glob = translateSegmentGlob(seg);
                    if (glob === undefined)
                        return undefined;
                    out.push(glob);
                }
                if (i === end)
                    out.push('(?:(?<ps_d>/).*)?');
                needSlash = true;
            }
        }
        out.push('$');
        source = out.join('');
    }
    try {
        return { excludes, regex: new RegExp(source, 'u') };
    }
    catch {
        return undefined;
    }
}
/** GitWildMatchPattern._translate_segment_glob (fnmatch with FNM_PATHNAME). */
function translateSegmentGlob(pattern) {
    const chars = [...pattern];
    let regex = '';
    let escape = false;
    let i = 0;
    const end = chars.length;
    while (i < end) {
        const ch = chars[i] ?? '';
        i++;
        if (escape) {
            escape = false;
            regex += escapeChar(ch);
        }
        else if (ch === '\\')
            escape = true;
        else if (ch === '*')
            regex += '[^/]*';
        else if (ch === '?')
            regex += '[^/]';
        else if (ch === '[') {
            let j = i;
            if (j < end && chars[j] === '!')
                j++;
            if (j < end && chars[j] === ']')
                j++;
            while (j < end && chars[j] !== ']')
                j++;
            if (j < end) {
                j++;
                let expr = '[';
                if (chars[i] === '!') {
                    expr += '^';
                    i++;
                }
                else if (chars[i] === '^') {
                    expr += '\\^';
                    i++;
                }
                // The bracket body is copied as-is by pathspec (backslashes doubled); escape what a
                // JavaScript class would read differently.
                for (const c of chars.slice(i, j - 1))
                    expr += c === '\\' ? '\\\\' : c === '[' || c === ']' ? `\\${c}` : c;
                regex += `${expr}]`;
                i = j;
            }
            else
                regex += '\\[';
        }
        else
            regex += escapeChar(ch);
    }
    return escape ? undefined : regex;
}

;// CONCATENATED MODULE: ./lib/assets/local-folder.js
// A local asset path (model file or folder, code folder, environment build context) as azure-ai-ml
// sees it: which files it holds after the ignore file, and its two hashes (docs/local-assets.md §2):
//   - the object hash (MD5, seeded): names the upload folder LocalUpload/<hash>/ and anonymous models;
//   - the content hash (SHA-256, hash_version 202208): finds an existing code version.
// Files are read one at a time through one buffer, so memory stays flat whatever the folder's size.




const OBJECT_HASH_SEED = 'Initialize for october 2021 AML CLI version';
const CONTENT_HASH_VERSION = '202208';
/** Python's default string order (code points), not JavaScript's UTF-16 units. */
function compareCodePoints(a, b) {
    const ia = a[Symbol.iterator]();
    const ib = b[Symbol.iterator]();
    for (;;) {
        const x = ia.next();
        const y = ib.next();
        if (x.done || y.done)
            return x.done === y.done ? 0 : x.done ? -1 : 1;
        const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
        if (d !== 0)
            return d;
    }
}
function byLowerCase(key) {
    return (a, b) => compareCodePoints(key(a).toLowerCase(), key(b).toLowerCase());
}
/** The root's `.amlignore`, else its `.gitignore` (azure-ai-ml `get_ignore_file`). */
async function readIgnoreRules(dir) {
    for (const file of IGNORE_FILE_NAMES) {
        const text = await (0,promises_.readFile)((0,external_node_path_.join)(dir, file), 'utf8').catch(() => undefined);
        if (text !== undefined)
            return parseIgnoreFile(text, file);
    }
    return NO_IGNORE_RULES;
}
async function kindOf(absPath) {
    const s = await (0,promises_.stat)(absPath).catch(() => undefined); // follows symlinks, as azure-ai-ml does
    return s?.isDirectory() ? 'dir' : s?.isFile() ? 'file' : undefined;
}
/** Walk a file or folder: the files azure-ai-ml uploads (os.walk + traverse_directory), sizes included. */
async function readLocalAsset(absPath) {
    const kind = await kindOf(absPath);
    if (!kind)
        throw new Error(`${absPath} is neither a file nor a folder.`);
    const name = (0,external_node_path_.basename)(absPath);
    if (kind === 'file') {
        const { size } = await (0,promises_.stat)(absPath);
        return { absPath, kind, name, ignore: NO_IGNORE_RULES, files: [{ absPath, relPath: name, size }], totalBytes: size };
    }
    const ignore = await readIgnoreRules(absPath);
    const files = [];
    const walk = async (dir, rel) => {
        for (const entry of await (0,promises_.readdir)(dir)) {
            const abs = (0,external_node_path_.join)(dir, entry);
            const relPath = rel ? `${rel}/${entry}` : entry;
            const k = await kindOf(abs);
            if (k === 'dir')
                await walk(abs, relPath); // folders are never pruned: each file is matched on its own
            else if (k === 'file' && !isExcluded(ignore, relPath))
                files.push({ absPath: abs, relPath, size: (await (0,promises_.stat)(abs)).size });
        }
    };
    await walk(absPath, '');
    files.sort((a, b) => compareCodePoints(a.absPath, b.absPath));
    return { absPath, kind, name, ignore, files, totalBytes: files.reduce((n, f) => n + f.size, 0) };
}
/** Feed a file to the hash through one reused buffer: memory stays the same whatever the sizes. */
async function feedFile(hash, absPath, buffer) {
    const file = await (0,promises_.open)(absPath, 'r');
    try {
        for (;;) {
            const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
            if (bytesRead === 0)
                break;
            hash.update(buffer.subarray(0, bytesRead));
        }
    }
    finally {
        await file.close();
    }
}
const READ_BUFFER_BYTES = 1 << 20;
/**
 * azure-ai-ml `get_object_hash`: MD5 seeded with a fixed phrase; for a file its content; for a
 * folder, depth first with entries sorted case-insensitively, each entry's name and, for files, the
 * content. Ignored entries (folders too) are skipped; empty folders still count by name.
 */
async function objectHash(asset) {
    const hash = (0,external_node_crypto_.createHash)('md5').update(OBJECT_HASH_SEED, 'utf8');
    const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    if (asset.kind === 'file') {
        await feedFile(hash, asset.absPath, buffer);
        return hash.digest('hex');
    }
    const walk = async (dir, rel) => {
        const entries = (await (0,promises_.readdir)(dir)).sort(byLowerCase((e) => e));
        for (const entry of entries) {
            const relPath = rel ? `${rel}/${entry}` : entry;
            if (isExcluded(asset.ignore, relPath))
                continue;
            hash.update(entry, 'utf8');
            const abs = (0,external_node_path_.join)(dir, entry);
            const k = await kindOf(abs);
            if (k === 'file')
                await feedFile(hash, abs, buffer);
            else if (k === 'dir')
                await walk(abs, relPath);
        }
    };
    await walk(asset.absPath, '');
    return hash.digest('hex');
}
/**
 * azure-ai-ml `get_content_hash` (hash_version 202208): SHA-256 of the file count, then `#<path>#`
 * and the size of each file (sorted by lower-cased relative path), then every file's content in the
 * same order.
 */
async function contentHash(asset) {
    const hash = (0,external_node_crypto_.createHash)('sha256').update(String(asset.files.length), 'utf8');
    const ordered = [...asset.files].sort(byLowerCase((f) => f.relPath));
    for (const f of ordered)
        hash.update(`#${f.relPath}#`, 'utf8').update(String(f.size), 'utf8');
    const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
    for (const f of ordered)
        await feedFile(hash, f.absPath, buffer);
    return hash.digest('hex');
}

// EXTERNAL MODULE: ./lib/assets/names.js
var names = __webpack_require__(7617);
;// CONCATENATED MODULE: ./lib/assets/plan.js
// What a run would do with the deployments' assets (docs/local-assets.md §5): for each model, code
// and environment to register, its final name, version and ARM id, which local files it uploads
// and where, and whether an identical version already exists. Read-only: validate shows it, deploy
// executes it (upload.ts). Local folders are hashed once however many deployments share them.






function assetIo(session) {
    return { registry: (0,assets/* assetRegistry */.yc)(session), blobs: (0,assets/* blobStore */.Rb)({ credential: session.credential }), workspace: session };
}
const TYPE = { model: 'models', code: 'codes', environment: 'environments', data: 'data' };
/** Plan the registration of every asset the deployment requests name (validate and deploy). */
function planLocalAssets(session, requests) {
    return planWith(assetIo(session), requests);
}
async function planWith(io, requests) {
    const facts = [];
    const items = new Map();
    const locals = new Map();
    const datastores = new Map();
    const ctx = {
        io,
        facts,
        local: (absPath, which) => {
            const key = `${absPath}\0${which}`;
            let p = locals.get(key);
            if (!p) {
                p = (async () => {
                    const asset = await readLocalAsset(absPath);
                    return { asset, hash: which === 'content' ? await contentHash(asset) : await objectHash(asset) };
                })();
                locals.set(key, p);
            }
            return p;
        },
        datastore: (name) => {
            let p = datastores.get(name);
            if (!p)
                datastores.set(name, (p = io.registry.getDatastore(name)));
            return p;
        },
    };
    const targets = new Map();
    for (const request of requests) {
        for (const a of request.assets) {
            if (a.action !== 'register' || !(a.kind in TYPE))
                continue;
            const key = itemKey(a);
            const list = targets.get(key) ?? [];
            list.push({ requestPath: request.path, pointer: a.pointer });
            targets.set(key, list);
            if (!items.has(key))
                items.set(key, planItem(ctx, a));
        }
    }
    const planned = [];
    for (const [key, p] of items) {
        const item = await p;
        if (item)
            planned.push({ ...item, targets: targets.get(key) ?? [] });
    }
    facts.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    return { items: planned, facts, changes: planned.some((i) => !i.exists) };
}
/** Two deployments naming the same local folder (or the same version) share one item. */
function itemKey(a) {
    const local = a.absPath ?? a.buildContext?.absPath;
    return [a.kind, a.name ?? '', a.version ?? '', local ?? '', local ? '' : JSON.stringify(a.versionBody ?? {})].join('\0');
}
async function planItem(ctx, a) {
    const body = structuredClone(a.versionBody ?? { properties: {} });
    const props = (body.properties ??= {});
    const base = { kind: a.kind, targets: [], file: a.file, span: a.span };
    switch (a.kind) {
        case 'code':
            return a.absPath ? planCode(ctx, a, a.absPath, body, base) : undefined;
        case 'model':
            return planModel(ctx, a, body, props, base);
        case 'environment':
            return planEnvironment(ctx, a, body, props, base);
        case 'data':
            return planRegistered(ctx, a, body, base, a.name ?? '', a.version ?? '1', `data ${a.name ?? ''}:${a.version ?? '1'}`);
    }
}
/** Record what the local path holds; true when nothing is left to upload (the check reports it). */
function emptyFolder(ctx, a, local, kind, localPath) {
    ctx.facts.push({
        kind, file: a.file, line: a.span.line, column: a.span.column, endLine: a.span.endLine, endColumn: a.span.endColumn,
        localPath, files: local.files.length, bytes: local.totalBytes, ...(local.ignore.file ? { ignoreFile: local.ignore.file } : {}),
    });
    return local.files.length === 0;
}
async function planCode(ctx, a, absPath, body, base) {
    const { asset, hash } = await ctx.local(absPath, 'content');
    if (emptyFolder(ctx, a, asset, 'code', a.localPath ?? absPath))
        return undefined;
    const props = body.properties;
    props.properties = { ...props.properties, hash_sha256: hash, hash_version: CONTENT_HASH_VERSION };
    const existing = await ctx.io.registry.findCodeByHash(hash, CONTENT_HASH_VERSION);
    const from = a.localPath ?? absPath;
    if (existing) {
        return { ...base, name: existing.name, version: existing.version, anonymous: true, id: existing.id, exists: true, versionBody: body, description: `code from ${from}: an identical version already exists (${existing.name}:${existing.version}); nothing to upload` };
    }
    const name = (0,external_node_crypto_.randomUUID)();
    const blobs = (0,names/* blobNames */.MQ)(asset.name, asset.kind, asset.files.map((f) => f.relPath));
    return {
        ...base, name, version: '1', anonymous: true, id: `${ctx.io.workspace.workspacePath}/codes/${name}/versions/1`, exists: false, versionBody: body,
        upload: { local: asset, target: { kind: 'pending-upload' }, blobs },
        description: `code from ${from}: would upload ${sizeOf(asset)} and register a new anonymous code version`,
    };
}
async function planModel(ctx, a, body, props, base) {
    let upload;
    let name = a.name;
    if (a.absPath) {
        const { asset, hash } = await ctx.local(a.absPath, 'object');
        if (emptyFolder(ctx, a, asset, 'model', a.localPath ?? a.absPath))
            return undefined;
        const dsName = datastoreName(a.datastore);
        const path = (0,names/* datastoreUploadPath */.Yp)(hash, asset.name);
        props.modelUri = (0,names/* longDatastoreUri */.Ie)(ctx.io.workspace, dsName, path);
        upload = await datastoreUpload(ctx, asset, dsName, path);
        name ??= (0,names/* anonymousModelName */._Q)(hash);
    }
    name ??= (0,external_node_crypto_.randomUUID)();
    const label = (v) => `model ${a.name ?? `${name.slice(0, 12)}… (anonymous)`}:${v}${a.localPath ? ` from ${a.localPath}` : ''}`;
    return planVersioned(ctx, a, body, base, name, a.anonymous ? '1' : a.version, label, upload, (existing) => sameModelUri(existing.properties.modelUri, props.modelUri));
}
/**
 * Asset versions as Azure stores them (recorded, test/fixtures/recorded/ml-assets.json): the `resourcegroups` segment of a
 * model's `azureml://` URI capitalised. The segment names compare without case, as ARM ids do.
 */
function sameModelUri(stored, sent) {
    if (typeof stored !== 'string' || typeof sent !== 'string')
        return stored === sent;
    const norm = (u) => u.replace(/\/resourcegroups\//i, '/resourceGroups/').replace(/^azureml:\/\/subscriptions\//i, 'azureml://subscriptions/');
    return norm(stored) === norm(sent);
}
/** A conda file's content, whatever its text form: Azure stores the YAML sent as JSON text (recorded), so parse both. */
function condaValue(v) {
    if (typeof v !== 'string')
        return v;
    try {
        return (0,dist/* parse */.qg)(v);
    }
    catch {
        return v;
    }
}
/**
 * Whether an environment version holds what the file asks for, the way the service normalises it (recorded): `condaFile`
 * compared as parsed content; `osType` defaults to Linux when absent; `image` and `inferenceConfig` as sent.
 */
function sameEnvironmentFields(stored, sent) {
    const eq = (a, b) => JSON.stringify(a) === JSON.stringify(b);
    return eq(stored.image, sent.image) && eq(stored.inferenceConfig, sent.inferenceConfig) &&
        eq(condaValue(stored.condaFile), condaValue(sent.condaFile)) && (stored.osType ?? 'Linux') === (sent.osType ?? 'Linux');
}
async function planEnvironment(ctx, a, body, props, base) {
    let upload;
    let version = a.version;
    const name = a.name ?? rest/* ANONYMOUS_ENV_NAME */.UJ;
    if (a.buildContext?.absPath) {
        const { asset, hash } = await ctx.local(a.buildContext.absPath, 'object');
        if (emptyFolder(ctx, a, asset, 'environment', a.buildContext.localPath))
            return undefined;
        const dsName = datastoreName(a.datastore);
        const path = (0,names/* datastoreUploadPath */.Yp)(hash, asset.name);
        upload = await datastoreUpload(ctx, asset, dsName, path);
        const build = (props.build ??= {});
        build.contextUri = `${upload.target.kind === 'datastore' ? upload.target.folder.url : ''}/`;
        if (a.anonymous)
            version = (0,names/* buildContextEnvironmentVersion */.TT)(hash, a.buildContext.dockerfilePath);
    }
    const same = (existing) => sameEnvironmentFields(existing.properties, props) &&
        JSON.stringify(existing.properties.build?.contextUri) === JSON.stringify(props.build?.contextUri);
    const label = (v) => `environment ${name}:${v}${a.buildContext ? ` built from ${a.buildContext.localPath}` : a.localPath ? ` with ${a.localPath}` : ''}`;
    return planVersioned(ctx, a, body, base, name, version, label, upload, same);
}
/** `datastore:` may be a name, `azureml:<name>` or an ARM id (azure-ai-ml `_get_datastore_name`). */
function datastoreName(value) {
    if (!value)
        return names/* WORKSPACE_BLOB_STORE */.wK;
    const bare = value.startsWith('azureml:') ? value.slice('azureml:'.length) : value;
    return bare.split('/').filter(Boolean).at(-1) ?? names/* WORKSPACE_BLOB_STORE */.wK;
}
async function datastoreUpload(ctx, asset, dsName, path) {
    const datastore = await ctx.datastore(dsName);
    const folder = { url: `${datastore.accountUrl}/${datastore.containerName}/${path.split('/').map(encodeURIComponent).join('/')}`, auth: { kind: 'token' } };
    // Blob names relative to the folder: for a single file, the folder is LocalUpload/<hash> and the blob its name.
    const blobs = asset.kind === 'file' ? [asset.name] : asset.files.map((f) => f.relPath);
    if (asset.kind === 'file')
        folder.url = folder.url.slice(0, folder.url.lastIndexOf('/'));
    let alreadyUploaded;
    try {
        const meta = await ctx.io.blobs.readMetadata(folder, blobs[0] ?? '');
        alreadyUploaded = meta?.upload_status === names/* UPLOAD_CONFIRMATION */.Wi.upload_status;
    }
    catch {
        alreadyUploaded = undefined; // no read access to the blob: the upload will tell
    }
    return { local: asset, target: { kind: 'datastore', datastore, path, folder }, blobs, ...(alreadyUploaded === undefined ? {} : { alreadyUploaded }) };
}
/**
 * Name and version known (or the next one of a named asset): an existing version that matches is
 * reused; a named asset without a version reuses its latest version when that one matches, as a
 * re-run should create nothing new, and otherwise takes the container's next version.
 */
async function planVersioned(ctx, a, body, base, name, version, label, upload, matches) {
    const type = TYPE[base.kind];
    let resolved = version;
    let exists = false;
    if (resolved !== undefined) {
        const existing = await ctx.io.registry.getVersion(type, name, resolved);
        exists = existing !== undefined && matches(existing);
    }
    else {
        const container = await ctx.io.registry.getContainer(type, name);
        const latest = container?.latestVersion ? await ctx.io.registry.getVersion(type, name, container.latestVersion) : undefined;
        if (latest && matches(latest)) {
            resolved = latest.version || container?.latestVersion;
            exists = true;
        }
        else
            resolved = container?.nextVersion ?? '1';
    }
    const v = resolved ?? '1';
    const uploadText = upload && !upload.alreadyUploaded ? `would upload ${sizeOf(upload.local)}, then ` : upload ? 'files already uploaded; ' : '';
    const description = exists ? `${label(v)}: an identical version already exists; nothing to upload or register` : `${label(v)}: ${uploadText}would register it`;
    return { ...base, name, version: v, anonymous: a.anonymous ?? false, id: `${ctx.io.workspace.workspacePath}/${type}/${name}/versions/${v}`, exists, versionBody: body, ...(upload ? { upload } : {}), description };
}
function planRegistered(ctx, a, body, base, name, version, what) {
    const same = (existing) => JSON.stringify(existing.properties.dataUri) === JSON.stringify(body.properties.dataUri);
    return planVersioned(ctx, a, body, base, name, version, () => what, undefined, same);
}
function sizeOf(asset) {
    return `${asset.files.length} file${asset.files.length === 1 ? '' : 's'}, ${formatBytes(asset.totalBytes)}`;
}
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let v = n / 1024;
    let i = 0;
    while (v >= 1024 && i < units.length - 1) {
        v /= 1024;
        i++;
    }
    return `${v.toFixed(v < 10 ? 1 : 0)} ${units[i]}`;
}
/** The plan's asset lines, as Plan.assets holds them. */
function planLines(plan) {
    return plan.items.map((i) => ({ kind: i.kind, description: `${i.description} (${i.file}:${i.span.line})` }));
}


/***/ }),

/***/ 3884:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   OW: () => (/* binding */ setPointer),
/* harmony export */   YO: () => (/* binding */ uploadLocalAssets),
/* harmony export */   cr: () => (/* binding */ AssetUploadError),
/* harmony export */   vc: () => (/* binding */ withAssetIds)
/* harmony export */ });
/* unused harmony exports uploadWith, limiter */
/* harmony import */ var _azure_assets_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9597);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7275);
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7617);
// Deploy's side of the asset plan (docs/local-assets.md §6): upload what is not there yet and
// register each version, then hand back the ids the deployment bodies carry. Files are streamed
// (several at once, large ones in parallel blocks, each request retried by the storage pipeline);
// the indicator file goes last with the completion metadata, so an interrupted upload is never
// taken for a finished one. Progress (files and bytes) is logged as it goes; run it inside the
// deploy phase's log group.



const TYPE = { model: 'models', code: 'codes', environment: 'environments', data: 'data' };
function uploadLocalAssets(session, plan, options = {}) {
    return uploadWith((0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .assetIo */ .Do)(session), plan, options);
}
/** An upload or registration failed; `partial` says what had been written before. */
class AssetUploadError extends Error {
    partial;
    constructor(cause, partial) {
        super(cause instanceof Error ? cause.message : String(cause), { cause });
        this.name = 'AssetUploadError';
        this.partial = partial;
    }
}
async function uploadWith(io, plan, options = {}) {
    const log = options.log ?? (() => undefined);
    const progress = new Progress(plan, log, options.progressEveryMs ?? 2000);
    const limit = limiter(options.fileConcurrency ?? 8);
    const result = { items: [], uploadedFiles: 0, uploadedBytes: 0, registered: [] };
    const settle = () => ({ ...result, uploadedFiles: progress.files, uploadedBytes: progress.bytes });
    // Assets are independent: upload and register them at once, sharing the file limit.
    try {
        await Promise.all(plan.items.map(async (item) => {
            if (item.exists) {
                result.items.push({ kind: item.kind, id: item.id, created: false });
                return;
            }
            const body = structuredClone(item.versionBody);
            if (item.upload)
                await uploadFiles(io, item, body, limit, progress);
            const version = await io.registry.putVersion(TYPE[item.kind], item.name, item.version, body);
            log(`Registered ${item.kind} ${item.name}:${item.version}.`);
            result.items.push({ kind: item.kind, id: version.id || item.id, created: true });
            result.registered.push(version.id || item.id);
        }));
    }
    catch (error) {
        throw new AssetUploadError(error, settle());
    }
    progress.finish();
    return settle();
}
async function uploadFiles(io, item, body, limit, progress) {
    const upload = item.upload;
    if (!upload)
        return;
    let folder;
    if (upload.target.kind === 'pending-upload') {
        const pending = await io.registry.startPendingCodeUpload(item.name, item.version);
        folder = pending.folder;
        body.properties.codeUri = (0,_names_js__WEBPACK_IMPORTED_MODULE_2__/* .pendingUploadCodeUri */ .Wt)(pending.blobUri, upload.local.kind, upload.local.name);
    }
    else {
        folder = upload.target.folder;
        // Another run may have finished the same upload since the plan was made.
        if (upload.alreadyUploaded || (await isComplete(io, folder, upload.blobs[0] ?? ''))) {
            progress.skipped(item, upload.local.files.length, upload.local.totalBytes);
            return;
        }
    }
    try {
        await sendFiles(io, item, folder, limit, progress);
    }
    catch (error) {
        // az ml uploads with an AccountKey datastore's key; the action prefers the workflow identity's
        // token and falls back to the key, the same way, when storage refuses the token.
        const target = upload.target;
        if (!(target.kind === 'datastore' && folder.auth.kind === 'token' && target.datastore.credentialsType === 'AccountKey' && (0,_azure_assets_js__WEBPACK_IMPORTED_MODULE_0__/* .statusOf */ .c2)(error) === 403))
            throw error;
        progress.note(`${item.kind} ${item.name}:${item.version}: the storage refused the workflow identity's token (no Storage Blob Data Contributor); uploading with datastore ${target.datastore.name}'s account key, as az ml does.`);
        const key = await io.registry.datastoreAccountKey(target.datastore.name);
        await sendFiles(io, item, { url: folder.url, auth: { kind: 'sharedKey', accountName: target.datastore.accountName, key } }, limit, progress);
    }
}
async function sendFiles(io, item, folder, limit, progress) {
    const upload = item.upload;
    if (!upload)
        return;
    const files = upload.local.files.map((f, i) => ({ file: f, blob: upload.blobs[i] ?? f.relPath }));
    const [indicator, ...rest] = files;
    const send = (f, metadata) => limit(async () => {
        let sent = 0;
        await io.blobs.uploadFile(folder, f.blob, f.file.absPath, {
            ...(metadata ? { metadata } : {}),
            onProgress: (p) => {
                progress.bytesSent(p.loadedBytes - sent);
                sent = p.loadedBytes;
            },
        });
        progress.bytesSent(f.file.size - sent);
        progress.fileDone();
    });
    // A few workers pull files in turn (no promise per file of a large folder); the limiter caps the
    // files in flight across every asset.
    let next = 0;
    const worker = async () => {
        while (next < rest.length) {
            const f = rest[next++];
            if (f)
                await send(f);
        }
    };
    await Promise.all(Array.from({ length: Math.min(limit.size, rest.length) }, worker));
    if (indicator)
        await send(indicator, { ..._names_js__WEBPACK_IMPORTED_MODULE_2__/* .UPLOAD_CONFIRMATION */ .Wi, name: item.name, version: item.version });
}
async function isComplete(io, folder, blob) {
    const meta = await io.blobs.readMetadata(folder, blob).catch(() => undefined);
    return meta?.upload_status === _names_js__WEBPACK_IMPORTED_MODULE_2__/* .UPLOAD_CONFIRMATION */ .Wi.upload_status;
}
/** At most `n` tasks at once, started in the order they were asked for. */
function limiter(n) {
    let active = 0;
    const queue = [];
    const next = () => {
        if (active >= n)
            return;
        const start = queue.shift();
        if (start) {
            active++;
            start();
        }
    };
    const run = (work) => new Promise((resolve, reject) => {
        queue.push(() => {
            work().then(resolve, reject).finally(() => {
                active--;
                next();
            });
        });
        next();
    });
    return Object.assign(run, { size: n });
}
/** Files and bytes sent so far against the plan's totals, logged at most every `everyMs`. */
class Progress {
    files = 0;
    bytes = 0;
    totalFiles;
    totalBytes;
    last = 0;
    log;
    everyMs;
    constructor(plan, log, everyMs) {
        this.log = log;
        this.everyMs = everyMs;
        const uploads = plan.items.filter((i) => !i.exists && i.upload && !i.upload.alreadyUploaded).map((i) => i.upload?.local);
        this.totalFiles = uploads.reduce((n, l) => n + (l?.files.length ?? 0), 0);
        this.totalBytes = uploads.reduce((n, l) => n + (l?.totalBytes ?? 0), 0);
        if (this.totalFiles > 0)
            log(`Uploading ${this.totalFiles} file(s), ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(this.totalBytes)}.`);
    }
    note(line) {
        this.log(line);
    }
    skipped(item, files, bytes) {
        this.log(`${item.kind} ${item.name}:${item.version}: the files are already uploaded (${files} file(s), ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(bytes)}); nothing sent.`);
    }
    bytesSent(n) {
        this.bytes += n;
        this.tick();
    }
    fileDone() {
        this.files++;
        this.tick();
    }
    tick() {
        const now = Date.now();
        if (now - this.last < this.everyMs)
            return;
        this.last = now;
        this.log(`  ${this.files}/${this.totalFiles} files, ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(this.bytes)} of ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(this.totalBytes)}`);
    }
    finish() {
        if (this.totalFiles > 0)
            this.log(`Uploaded ${this.files} file(s), ${(0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .formatBytes */ .z3)(this.bytes)}.`);
    }
}
/**
 * The deployment body with every planned asset's id at its pointer (the offline body holds
 * `{{pending:…}}` placeholders or the id already). Label references (`@latest`) are not touched.
 */
function withAssetIds(request, plan) {
    const body = structuredClone(request.body);
    for (const item of plan.items) {
        for (const t of item.targets)
            if (t.requestPath === request.path)
                setPointer(body, t.pointer, item.id);
    }
    return body;
}
/** Set the value at a JSON pointer (RFC 6901), creating objects on the way. */
function setPointer(doc, pointer, value) {
    const keys = pointer.split('/').slice(1).map((k) => k.replaceAll('~1', '/').replaceAll('~0', '~'));
    let node = doc;
    for (const key of keys.slice(0, -1)) {
        const child = node[key];
        if (typeof child !== 'object' || child === null)
            node[key] = {};
        node = node[key];
    }
    const last = keys.at(-1);
    if (last !== undefined)
        node[last] = value;
}


/***/ }),

/***/ 9597:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rb: () => (/* binding */ blobStore),
/* harmony export */   c2: () => (/* binding */ statusOf),
/* harmony export */   yc: () => (/* binding */ assetRegistry)
/* harmony export */ });
/* unused harmony exports parseVersionId, DEFAULT_BLOCK_SIZE */
/* harmony import */ var _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4326);
/* harmony import */ var _manifests_rest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4138);
/* harmony import */ var _secret_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7266);



/** The HTTP status an ARM or storage error carries, if any. */
function statusOf(error) {
    const s = error?.status ?? error?.statusCode;
    return typeof s === 'number' ? s : undefined;
}
async function orUndefinedOn404(work) {
    try {
        return await work;
    }
    catch (error) {
        if (statusOf(error) === 404)
            return undefined;
        throw error;
    }
}
/** `…/workspaces/{ws}/{type}/{name}/versions/{version}` → name and version. */
function parseVersionId(id) {
    const m = /\/([^/]+)\/versions\/([^/]+)$/.exec(id);
    return m ? { name: decodeURIComponent(m[1] ?? ''), version: decodeURIComponent(m[2] ?? '') } : undefined;
}
function toVersion(raw) {
    const id = raw.id ?? '';
    const parsed = parseVersionId(id);
    return { id, name: parsed?.name ?? '', version: parsed?.version ?? raw.name ?? '', properties: raw.properties ?? {} };
}
const seg = encodeURIComponent;
function assetRegistry(session) {
    const ws = session.workspacePath;
    const send = (method, path, body, query) => session.arm.send({ method, path, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_1__/* .ML_API_VERSION */ .W8, ...(body === undefined ? {} : { body }), ...(query ? { query } : {}) });
    return {
        async findCodeByHash(hash, hashVersion) {
            // The name in the path does not narrow a hash search ("regardless of name", CodeVersions_List);
            // azure-ai-ml sends the new anonymous code's random name. Any name does.
            const res = await send('GET', `${ws}/codes/${seg(crypto.randomUUID())}/versions`, undefined, { hash, hashVersion });
            const first = res.body.value?.[0];
            return first ? toVersion(first) : undefined;
        },
        async getVersion(type, name, version) {
            const res = await orUndefinedOn404(send('GET', `${ws}/${type}/${seg(name)}/versions/${seg(version)}`));
            return res ? toVersion(res.body) : undefined;
        },
        async getContainer(type, name) {
            const res = await orUndefinedOn404(send('GET', `${ws}/${type}/${seg(name)}`));
            if (!res)
                return undefined;
            const p = res.body.properties ?? {};
            return { ...(p.latestVersion ? { latestVersion: String(p.latestVersion) } : {}), ...(p.nextVersion ? { nextVersion: String(p.nextVersion) } : {}) };
        },
        async putVersion(type, name, version, body) {
            const res = await send('PUT', `${ws}/${type}/${seg(name)}/versions/${seg(version)}`, body);
            const v = toVersion(res.body);
            return v.id ? v : { ...v, id: `${ws}/${type}/${name}/versions/${version}`, name, version };
        },
        async startPendingCodeUpload(name, version) {
            const res = await send('POST', `${ws}/codes/${seg(name)}/versions/${seg(version)}/startPendingUpload`, { pendingUploadId: crypto.randomUUID(), pendingUploadType: 'TemporaryBlobReference' });
            const ref = res.body.blobReferenceForConsumption;
            const sasUri = ref?.credential?.sasUri;
            if (!ref?.blobUri || !sasUri)
                throw new Error(`startPendingUpload for code ${name}:${version} returned no blob reference.`);
            const q = sasUri.indexOf('?');
            return { blobUri: ref.blobUri, folder: { url: (q >= 0 ? sasUri.slice(0, q) : sasUri).replace(/\/+$/, ''), auth: { kind: 'sas', query: q >= 0 ? sasUri.slice(q + 1) : '' } } };
        },
        async getDatastore(name) {
            const res = await send('GET', `${ws}/datastores/${seg(name)}`);
            const p = res.body.properties ?? {};
            if (p.datastoreType !== 'AzureBlob' || !p.accountName || !p.containerName) {
                throw new Error(`Datastore ${name} is a ${p.datastoreType ?? 'datastore of unknown type'}: local models and build contexts upload to an Azure Blob datastore only (as az ml does).`);
            }
            return {
                name, accountName: p.accountName, containerName: p.containerName, accountUrl: `${p.protocol ?? 'https'}://${p.accountName}.blob.${p.endpoint ?? 'core.windows.net'}`,
                ...(p.credentials?.credentialsType ? { credentialsType: p.credentials.credentialsType } : {}),
            };
        },
        async datastoreAccountKey(name) {
            const res = await send('POST', `${ws}/datastores/${seg(name)}/listSecrets`, {});
            (0,_secret_values_js__WEBPACK_IMPORTED_MODULE_2__/* .holdSecretValues */ .c)(res.body.key);
            if (res.body.secretsType !== 'AccountKey' || !res.body.key)
                throw new Error(`Datastore ${name} has no account key to upload with.`);
            return res.body.key;
        },
    };
}
/** Blob names are paths: encode each segment, keep the slashes. */
function blobUrl(folder, blobName) {
    const path = blobName.split('/').map(encodeURIComponent).join('/');
    return `${folder.url}/${path}${folder.auth.kind === 'sas' && folder.auth.query ? `?${folder.auth.query}` : ''}`;
}
const DEFAULT_BLOCK_SIZE = 8 * 1024 * 1024;
function blobStore(options) {
    const pipelineOptions = { retryOptions: options.retry ?? { maxTries: 5, retryDelayInMs: 500, maxRetryDelayInMs: 8000 } };
    // One pipeline (HTTP client, connections, token cache) for every blob, not one per file.
    const sasPipeline = (0,_azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .newPipeline */ .vC)(new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .AnonymousCredential */ .tv(), pipelineOptions);
    const tokenPipeline = (0,_azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .newPipeline */ .vC)(options.credential, pipelineOptions);
    const keyPipelines = new Map();
    const pipelineFor = (auth) => {
        if (auth.kind === 'sas')
            return sasPipeline;
        if (auth.kind === 'token')
            return tokenPipeline;
        let p = keyPipelines.get(auth.accountName);
        if (!p)
            keyPipelines.set(auth.accountName, (p = (0,_azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .newPipeline */ .vC)(new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .StorageSharedKeyCredential */ .Z3(auth.accountName, auth.key), pipelineOptions)));
        return p;
    };
    const client = (folder, blobName) => new _azure_storage_blob__WEBPACK_IMPORTED_MODULE_0__/* .BlockBlobClient */ .wG(blobUrl(folder, blobName), pipelineFor(folder.auth));
    const blockSize = options.blockSize ?? DEFAULT_BLOCK_SIZE;
    return {
        async readMetadata(folder, blobName) {
            const props = await orUndefinedOn404(client(folder, blobName).getProperties());
            return props ? { ...(props.metadata ?? {}) } : undefined;
        },
        async uploadFile(folder, blobName, absPath, { metadata, onProgress }) {
            await client(folder, blobName).uploadFile(absPath, {
                blockSize,
                maxSingleShotSize: blockSize,
                concurrency: options.blockConcurrency ?? 4,
                ...(metadata ? { metadata } : {}),
                ...(onProgress ? { onProgress: (e) => onProgress({ loadedBytes: e.loadedBytes }) } : {}),
            });
        },
    };
}


/***/ }),

/***/ 2765:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P$: () => (/* binding */ strings),
/* harmony export */   WL: () => (/* binding */ obj),
/* harmony export */   gx: () => (/* binding */ str)
/* harmony export */ });
const obj = (v) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? v : {});
const str = (v) => (typeof v === 'string' && v ? v : undefined);
const strings = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : []);


/***/ }),

/***/ 8229:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fz: () => (/* binding */ readDeployments),
/* harmony export */   KW: () => (/* binding */ readEndpoint),
/* harmony export */   Vs: () => (/* binding */ parseWorkspace),
/* harmony export */   dC: () => (/* binding */ readConnection),
/* harmony export */   fs: () => (/* binding */ readAsset),
/* harmony export */   r7: () => (/* binding */ readUsages),
/* harmony export */   t5: () => (/* binding */ readConnectionNames),
/* harmony export */   wq: () => (/* binding */ readVmSizes)
/* harmony export */ });
/* unused harmony exports LIST_SECRETS_PERMISSION, readWorkspace, parseEndpoint, parseIdentity, parseDeployment, connectionFacts, assetPath, newestVersion */
/* harmony import */ var _manifests_rest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4138);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6915);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2765);
/* harmony import */ var _secret_values_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7266);




const LIST_SECRETS_PERMISSION = 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action';
const stringDict = (v) => Object.fromEntries(Object.entries((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(v)).filter(([, x]) => x !== null && x !== undefined).map(([k, x]) => [k, String(x)]));
const numberDict = (v) => Object.fromEntries(Object.entries((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(v)).filter(([, x]) => typeof x === 'number'));
function readWorkspace(s) {
    return lookup(async () => parseWorkspace((await s.arm.send({ method: 'GET', path: s.workspacePath, apiVersion: ML_API_VERSION })).body), 'Microsoft.MachineLearningServices/workspaces/read');
}
function parseWorkspace(body) {
    const b = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(body);
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(b.properties);
    return {
        id: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(b.id) ?? '',
        location: ((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(b.location) ?? '').toLowerCase().replace(/\s+/g, ''),
        storageAccountId: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.storageAccount),
        containerRegistryId: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.containerRegistry),
        keyVaultId: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.keyVault),
    };
}
function readEndpoint(s, name) {
    return (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .lookup */ .$I)(async () => parseEndpoint((await s.arm.send({ method: 'GET', path: `${s.workspacePath}/onlineEndpoints/${name}`, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .ML_API_VERSION */ .W8 })).body), 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/read');
}
function parseEndpoint(body) {
    const b = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(body);
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(b.properties);
    return {
        name: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(b.name) ?? '',
        provisioningState: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.provisioningState) ?? 'Unknown',
        identity: parseIdentity(b.identity),
        authMode: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.authMode),
        traffic: numberDict(p.traffic),
        mirrorTraffic: numberDict(p.mirrorTraffic),
        scoringUri: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.scoringUri),
        swaggerUri: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.swaggerUri),
        ...((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.compute) ? { compute: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.compute) } : {}),
        properties: stringDict(p.properties),
        body: b,
    };
}
const IDENTITY_TYPES = ['SystemAssigned', 'UserAssigned', 'SystemAssigned,UserAssigned', 'None'];
function parseIdentity(value) {
    const i = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(value);
    const typeText = ((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(i.type) ?? 'None').replace(/\s+/g, '').toLowerCase();
    const type = IDENTITY_TYPES.find((t) => t.toLowerCase() === typeText) ?? 'None';
    const userAssigned = {};
    for (const [id, v] of Object.entries((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(i.userAssignedIdentities))) {
        userAssigned[id.toLowerCase()] = { principalId: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(v).principalId), clientId: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(v).clientId) };
    }
    return { type, principalId: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(i.principalId), userAssigned };
}
/** The endpoint's deployments by name; an endpoint that does not exist has none (missing). */
function readDeployments(s, endpointName) {
    return (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .lookup */ .$I)(async () => {
        const items = await (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .listAll */ ._w)(s.arm, { method: 'GET', path: `${s.workspacePath}/onlineEndpoints/${endpointName}/deployments`, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .ML_API_VERSION */ .W8 });
        return Object.fromEntries(items.map(parseDeployment).map((d) => [d.name.toLowerCase(), d]));
    }, 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/read');
}
function parseDeployment(body) {
    const b = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(body);
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(b.properties);
    const capacity = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(b.sku).capacity;
    return {
        name: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(b.name) ?? '',
        provisioningState: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.provisioningState) ?? 'Unknown',
        instanceType: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.instanceType),
        instanceCount: typeof capacity === 'number' ? capacity : undefined,
        body: b,
    };
}
/**
 * One `listsecrets` per connection. The answer carries credential values: they stay inside this
 * function, which keeps only the key names (docs/architecture.md §4).
 */
function readConnection(s, name) {
    return (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .lookup */ .$I)(async () => {
        const body = (await s.arm.send({ method: 'POST', path: `${s.workspacePath}/connections/${name}/listsecrets`, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .ML_API_VERSION */ .W8 })).body;
        // The values are masks before anything can print them.
        (0,_secret_values_js__WEBPACK_IMPORTED_MODULE_2__/* .holdSecretValues */ .c)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(body).properties).credentials);
        return connectionFacts(name, body);
    }, LIST_SECRETS_PERMISSION);
}
/** Key names of a `listsecrets` answer; never a value. CustomKeys keep theirs under `credentials.keys`. */
function connectionFacts(name, body) {
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(body).properties);
    const authType = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.authType);
    const credentials = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(p.credentials);
    const credentialSource = authType?.toLowerCase() === 'customkeys' ? (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(credentials.keys) : credentials;
    return {
        name: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(body).name) ?? name,
        authType,
        target: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(p.target) !== undefined,
        credentialKeys: Object.keys(credentialSource).filter((k) => credentialSource[k] !== null && credentialSource[k] !== undefined),
        metadataKeys: Object.keys((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(p.metadata)),
    };
}
/** Names of every connection in the workspace (no secrets): read only when a referenced one is missing, to suggest the closest. */
async function readConnectionNames(s) {
    const l = await (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .lookup */ .$I)(async () => (await (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .listAll */ ._w)(s.arm, { method: 'GET', path: `${s.workspacePath}/connections`, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .ML_API_VERSION */ .W8 })).map((c) => (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(c.name) ?? ''));
    return l.kind === 'found' ? l.value.filter(Boolean) : undefined;
}
/** The ARM path of a registered asset reference, or undefined when it cannot be read here (registry, curated). */
function assetPath(s, ref) {
    switch (ref.kind) {
        case 'version':
            return { path: `${s.workspacePath}/${ref.type}/${ref.name}/versions/${ref.version}`, latest: false };
        case 'label':
            return ref.label === 'latest' ? { path: `${s.workspacePath}/${ref.type}/${ref.name}/versions`, latest: true } : undefined;
        case 'arm':
            return { path: ref.id, latest: false };
        default:
            return undefined;
    }
}
/** One GET per distinct asset version; `@latest` lists the versions newest first and takes one. */
function readAsset(s, ref) {
    const target = assetPath(s, ref);
    if (!target)
        return undefined;
    return (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .lookup */ .$I)(async () => {
        if (!target.latest)
            return { id: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)((await s.arm.send({ method: 'GET', path: target.path, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .ML_API_VERSION */ .W8 })).body).id) ?? target.path };
        const res = await s.arm.send({ method: 'GET', path: target.path, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .ML_API_VERSION */ .W8, query: { $orderBy: 'createdtime desc', $top: '1' } });
        const newest = newestVersion(res.body?.value ?? []);
        if (!newest)
            throw new NoVersions();
        return { id: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(newest.id) ?? target.path };
    }, `Microsoft.MachineLearningServices/workspaces/${ref.type}/versions/read`).then((l) => (l.kind === 'unreadable' && l.why === NoVersions.WHY ? { kind: 'missing' } : l));
}
/** The service orders by `$orderBy`; picking by creation time as well keeps a server that ignores it honest. */
function newestVersion(items) {
    const created = (v) => Date.parse((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(v.systemData).createdAt) ?? '') || 0;
    return items.reduce((best, v) => (best === undefined || created(v) > created(best) ? v : best), undefined);
}
class NoVersions extends Error {
    static WHY = 'the asset has no versions';
    constructor() {
        super(NoVersions.WHY);
    }
}
function readVmSizes(s, location) {
    return (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .lookup */ .$I)(async () => {
        const res = await s.arm.send({ method: 'GET', path: `/subscriptions/${s.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${location}/vmSizes`, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .ML_API_VERSION */ .W8 });
        return (res.body?.value ?? []).map((v) => {
            const size = { name: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.name) ?? '', family: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(v.family) ?? '', vCPUs: typeof v.vCPUs === 'number' ? v.vCPUs : 0 };
            if (Array.isArray(v.supportedComputeTypes))
                size.supportedComputeTypes = v.supportedComputeTypes.filter((t) => typeof t === 'string');
            return size;
        });
    }).then(notServedIsUnreadable);
}
function readUsages(s, location) {
    return (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .lookup */ .$I)(async () => {
        const items = await (0,_read_js__WEBPACK_IMPORTED_MODULE_1__/* .listAll */ ._w)(s.arm, { method: 'GET', path: `/subscriptions/${s.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/${location}/usages`, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .ML_API_VERSION */ .W8 });
        return items.map((u) => {
            const row = { id: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(u.id) ?? '', type: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)(u.type) ?? '', name: (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(u.name).value) ?? '', current: Number(u.currentValue ?? 0), limit: Number(u.limit ?? 0) };
            const localized = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .obj */ .WL)(u.name).localizedValue);
            if (localized)
                row.localizedName = localized;
            return row;
        });
    }).then(notServedIsUnreadable);
}
/** A list that answers 404 is not "no VM sizes": the region or the API is not available to read. */
function notServedIsUnreadable(l) {
    return l.kind === 'missing' ? { kind: 'unreadable', why: 'the region does not answer this list' } : l;
}


/***/ }),

/***/ 5147:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E5: () => (/* binding */ readRoleDefinition),
/* harmony export */   FI: () => (/* binding */ readAssignments),
/* harmony export */   UK: () => (/* binding */ readCallerPermissions)
/* harmony export */ });
/* unused harmony exports AUTHORIZATION_API_VERSION, ROLE_ASSIGNMENTS_READ, parsePermission, parseAssignment, parseRoleDefinition */
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6915);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2765);


const AUTHORIZATION_API_VERSION = '2022-04-01';
const ROLE_ASSIGNMENTS_READ = 'Microsoft.Authorization/roleAssignments/read';
/** The signed-in identity's permissions at `scope` (an ARM resource or resource-group id). */
function readCallerPermissions(arm, scope) {
    return (0,_read_js__WEBPACK_IMPORTED_MODULE_0__/* .lookup */ .$I)(async () => (await (0,_read_js__WEBPACK_IMPORTED_MODULE_0__/* .listAll */ ._w)(arm, { method: 'GET', path: `${trimSlash(scope)}/providers/Microsoft.Authorization/permissions`, apiVersion: AUTHORIZATION_API_VERSION })).map(parsePermission));
}
function parsePermission(value) {
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(value);
    return { actions: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .strings */ .P$)(p.actions), notActions: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .strings */ .P$)(p.notActions), dataActions: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .strings */ .P$)(p.dataActions), notDataActions: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .strings */ .P$)(p.notDataActions) };
}
/** Assignments that apply to `principalId` (or a group it is in) at `scope`, inherited ones included. */
function readAssignments(arm, principalId, scope) {
    return (0,_read_js__WEBPACK_IMPORTED_MODULE_0__/* .lookup */ .$I)(async () => (await (0,_read_js__WEBPACK_IMPORTED_MODULE_0__/* .listAll */ ._w)(arm, {
        method: 'GET',
        path: `${trimSlash(scope)}/providers/Microsoft.Authorization/roleAssignments`,
        apiVersion: AUTHORIZATION_API_VERSION,
        query: { $filter: `assignedTo('${principalId}')` },
    })).map(parseAssignment), ROLE_ASSIGNMENTS_READ);
}
function parseAssignment(value) {
    const a = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(value);
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(a.properties);
    return {
        id: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(a.id) ?? '',
        principalId: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(p.principalId) ?? '',
        roleDefinitionId: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(p.roleDefinitionId) ?? '',
        scope: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(p.scope) ?? '',
        condition: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(p.condition),
        createdOn: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(p.createdOn),
    };
}
/** A role definition by its full id (`/subscriptions/…/roleDefinitions/{guid}`, as assignments name it). */
function readRoleDefinition(arm, roleDefinitionId) {
    return (0,_read_js__WEBPACK_IMPORTED_MODULE_0__/* .lookup */ .$I)(async () => parseRoleDefinition((await arm.send({ method: 'GET', path: roleDefinitionId, apiVersion: AUTHORIZATION_API_VERSION })).body));
}
function parseRoleDefinition(value) {
    const d = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(value);
    const p = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .obj */ .WL)(d.properties);
    return { id: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(d.id) ?? '', roleName: (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(p.roleName) ?? '', permissions: (Array.isArray(p.permissions) ? p.permissions : []).map(parsePermission) };
}
function trimSlash(scope) {
    return scope.replace(/\/+$/, '');
}


/***/ }),

/***/ 6915:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $I: () => (/* binding */ lookup),
/* harmony export */   _w: () => (/* binding */ listAll),
/* harmony export */   a6: () => (/* binding */ Once),
/* harmony export */   fX: () => (/* binding */ listAllUrl),
/* harmony export */   kU: () => (/* binding */ failedLookup)
/* harmony export */ });
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9649);

async function lookup(read, permission) {
    try {
        return { kind: 'found', value: await read() };
    }
    catch (error) {
        return failedLookup(error, permission);
    }
}
function failedLookup(error, permission) {
    if (error instanceof _rest_js__WEBPACK_IMPORTED_MODULE_0__/* .ArmError */ .dW) {
        if (error.status === 404)
            return { kind: 'missing' };
        if (error.status === 403 || error.status === 401) {
            return { kind: 'unreadable', permission, why: `${error.status} ${error.code}${error.innerCode ? ` (${error.innerCode})` : ''} on ${error.method} ${error.path}` };
        }
        return { kind: 'unreadable', why: `${error.method} ${error.path} failed: ${error.status || 'no answer'} ${error.code}` };
    }
    return { kind: 'unreadable', why: error instanceof Error ? error.message : String(error) };
}
/** Every item of an ARM list, following `nextLink` (absolute URLs, used verbatim). */
async function listAll(arm, req) {
    const items = [];
    let next = req;
    for (let page = 0; next && page < 100; page++) {
        const res = await arm.send(next);
        items.push(...(res.body?.value ?? []));
        next = res.body?.nextLink ? { method: 'GET', path: res.body.nextLink, apiVersion: req.apiVersion } : undefined;
    }
    return items;
}
/** The same over an absolute-URL client (Key Vault data plane). */
async function listAllUrl(client, url) {
    const items = [];
    let next = url;
    for (let page = 0; next && page < 100; page++) {
        const res = await client.sendUrl('GET', next);
        items.push(...(res.body?.value ?? []));
        next = res.body?.nextLink ?? undefined;
    }
    return items;
}
/** Runs `work` once per distinct key, however many callers ask for it. */
class Once {
    started = new Map();
    get(key, work) {
        let p = this.started.get(key);
        if (!p) {
            p = work();
            this.started.set(key, p);
        }
        return p;
    }
    get size() {
        return this.started.size;
    }
}


/***/ }),

/***/ 9334:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ye: () => (/* binding */ readWorkspaceAddress)
/* harmony export */ });
/* unused harmony exports RESOURCES_API_VERSION, WORKSPACE_READ_PERMISSION, classify */
/* harmony import */ var _manifests_rest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4138);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2765);
/* harmony import */ var _ml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8229);
/* harmony import */ var _read_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6915);
/* harmony import */ var _rest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9649);





/** Microsoft.Resources api-version for the subscription and resource-group lists (in the Resources REST spec). */
const RESOURCES_API_VERSION = '2022-12-01';
const WORKSPACE_READ_PERMISSION = 'Microsoft.MachineLearningServices/workspaces/read';
/** One GET of the workspace; on a 404 or 403, one list at the level ARM names as wrong. */
async function readWorkspaceAddress(s) {
    const address = { subscriptionId: s.subscriptionId, resourceGroup: s.resourceGroup, workspaceName: s.workspaceName };
    try {
        const res = await s.arm.send({ method: 'GET', path: s.workspacePath, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .ML_API_VERSION */ .W8 });
        return { workspace: { kind: 'found', value: (0,_ml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseWorkspace */ .Vs)(res.body) }, address };
    }
    catch (error) {
        const workspace = (0,_read_js__WEBPACK_IMPORTED_MODULE_2__/* .failedLookup */ .kU)(error, WORKSPACE_READ_PERMISSION);
        if (!(error instanceof _rest_js__WEBPACK_IMPORTED_MODULE_3__/* .ArmError */ .dW))
            return { workspace, address };
        const problem = classify(error);
        if (!problem)
            return { workspace, address };
        address.problem = problem;
        address.answer = `${error.status} ${error.code} on ${error.method} ${error.path}`;
        const existing = await listLevel(s, problem);
        if (existing)
            address.existing = existing;
        // A 404 at any level is `missing`; a refusal stays `unreadable`.
        return { workspace: problem === 'refused' ? workspace : { kind: 'missing' }, address };
    }
}
/** The part of the address ARM's answer names; undefined for a failure that says nothing about it (5xx, network). */
function classify(error) {
    if (error.status === 401 || error.status === 403)
        return 'refused';
    if (error.status !== 404)
        return undefined;
    if (error.code === 'SubscriptionNotFound')
        return 'subscription-not-found';
    if (error.code === 'ResourceGroupNotFound')
        return 'resource-group-not-found';
    return 'workspace-not-found';
}
/** Names one level above the wrong part; undefined when the list is refused or fails (never a guess). */
async function listLevel(s, problem) {
    try {
        if (problem === 'subscription-not-found') {
            const items = await (0,_read_js__WEBPACK_IMPORTED_MODULE_2__/* .listAll */ ._w)(s.arm, { method: 'GET', path: '/subscriptions', apiVersion: RESOURCES_API_VERSION });
            return items.map((i) => ({ name: (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(i.subscriptionId) ?? '', displayName: (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(i.displayName) })).filter((i) => i.name);
        }
        if (problem === 'resource-group-not-found') {
            const items = await (0,_read_js__WEBPACK_IMPORTED_MODULE_2__/* .listAll */ ._w)(s.arm, { method: 'GET', path: `/subscriptions/${s.subscriptionId}/resourcegroups`, apiVersion: RESOURCES_API_VERSION });
            return items.map((i) => ({ name: (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(i.name) ?? '' })).filter((i) => i.name);
        }
        if (problem === 'workspace-not-found') {
            const path = `/subscriptions/${s.subscriptionId}/resourceGroups/${s.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces`;
            const items = await (0,_read_js__WEBPACK_IMPORTED_MODULE_2__/* .listAll */ ._w)(s.arm, { method: 'GET', path, apiVersion: _manifests_rest_js__WEBPACK_IMPORTED_MODULE_0__/* .ML_API_VERSION */ .W8 });
            // Hubs and projects are workspaces too (`kind`); all of them can hold endpoints.
            return items.map((i) => ({ name: (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)(i.name) ?? '', displayName: (0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .str */ .gx)((0,_json_js__WEBPACK_IMPORTED_MODULE_4__/* .obj */ .WL)(i.properties).friendlyName) })).filter((i) => i.name);
        }
        return undefined;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 1700:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NE: () => (/* binding */ assetReferences),
/* harmony export */   cv: () => (/* binding */ assetsCheck),
/* harmony export */   zq: () => (/* binding */ parseRegistryUri)
/* harmony export */ });
/* harmony import */ var _findings_finding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6939);
/* harmony import */ var _check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5229);
// Registered assets the deployment names exist: model, environment and code versions (by version,
// `@latest`, ARM id or registry URI, `labels/latest` included), as the adapters looked them up by
// the reference text (docs/online-checks.md §assets); for a registry asset that does not exist, what
// is missing and its latest version. Curated `azureml:AzureML-…` names: an honest cannot-verify. Local assets are registered by deploy and not checked here.


/** The registered assets a deployment names, with where. */
function assetReferences(d) {
    const out = [];
    if (d.model?.kind === 'ref')
        out.push({ field: 'model', ref: d.model.ref, span: d.model.span });
    if (d.environment?.kind === 'ref')
        out.push({ field: 'environment', ref: d.environment.ref, span: d.environment.span });
    if (d.code?.kind === 'ref')
        out.push({ field: 'code_configuration.code', ref: d.code.ref, span: d.code.span });
    return out;
}
const assetsCheck = (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheck */ .qH)('assets', ['asset-not-found', 'cannot-verify'], (ctx) => {
    const out = { findings: [] };
    for (const d of ctx.deployments) {
        for (const { field, ref, span } of assetReferences(d)) {
            const lookup = (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .lookupCI */ .d5)(ctx.facts.assets, ref.text);
            if (!lookup && (ref.kind === 'registry' || ref.kind === 'curated')) {
                out.findings.push(notRead(d.file, span, field, ref));
                continue;
            }
            if (!lookup || lookup.kind === 'found')
                continue;
            if (lookup.kind === 'unreadable') {
                const registry = ref.kind === 'registry' ? parseRegistryUri(ref.uri)?.registry : undefined;
                out.findings.push((0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('cannot-verify', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__.at)(d.file, span), `Cannot verify that ${field} ${ref.text} exists: ${lookup.why}.`, {
                    hint: lookup.permission
                        ? `Give the workflow identity ${lookup.permission} ${registry ? `on registry ${registry} (the Reader role on the registry grants it)` : 'where the asset lives'}.`
                        : 'Give the workflow identity read access to the workspace or registry that holds the asset.',
                }));
                continue;
            }
            const miss = ref.kind === 'registry' ? (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .lookupCI */ .d5)(ctx.facts.registryMisses ?? {}, ref.text) : undefined;
            if (ref.kind === 'registry' && miss) {
                out.findings.push((0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('asset-not-found', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__.at)(d.file, span), `${field} ${ref.text}: ${registryMissing(ref, miss)}.`, { hint: registryFix(field, ref, miss) }));
                continue;
            }
            out.findings.push((0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('asset-not-found', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__.at)(d.file, span), `${field} ${ref.text}: ${missingWhat(ref)}.`, { hint: fixFor(ref) }));
        }
    }
    return out;
});
/**
 * An asset reference that was not read: a curated environment (`azureml:AzureML-…`, which the service
 * resolves from the `azureml` registry under a name this action does not map), or a registry URI
 * that is not shaped as an asset. Honest `cannot-verify` with the command that shows the asset,
 * never a silent pass. Registry URIs are read (src/azure/registry.ts) and judged above.
 */
function notRead(file, span, field, ref) {
    const cli = ref.type === 'models' ? 'model' : ref.type === 'environments' ? 'environment' : 'code';
    const parts = ref.kind === 'registry' ? parseRegistryUri(ref.uri) : curatedParts(ref.ref);
    const show = parts
        ? `az ml ${cli} show --registry-name ${parts.registry} --name ${parts.name} ${parts.version ? `--version ${parts.version}` : `--label ${parts.label ?? 'latest'}`}`
        : `az ml ${cli} list --registry-name <registry>`;
    const why = ref.kind === 'curated'
        ? 'it is a curated environment of registry azureml, which the service resolves by its curated name when the deployment is created; this action does not read curated names'
        : parts ? `registry ${parts.registry} was not read` : `${ref.uri} is not shaped as azureml://registries/<registry>/<type>/<name>/versions/<version> (or …/labels/latest), so it was not read`;
    return (0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('cannot-verify', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__.at)(file, span), `Cannot verify that ${field} ${ref.text} exists: ${why}.`, {
        hint: `Check it exists and that the endpoint identity may read it: ${show}.`,
    });
}
/** `azureml://registries/<reg>/<type>/<name>/versions/<v>` or `…/labels/<label>`; undefined when shaped otherwise. */
function parseRegistryUri(uri) {
    const m = /^azureml:\/\/registries\/([^/]+)\/([^/]+)\/([^/]+)(?:\/(versions|labels)\/([^/]+))?$/i.exec(uri);
    if (!m || !m[1] || !m[2] || !m[3])
        return undefined;
    return { registry: m[1], type: m[2], name: m[3], ...(m[4]?.toLowerCase() === 'versions' ? { version: m[5] } : { label: m[5] ?? 'latest' }) };
}
/** `azureml:AzureML-<name>:<version>` / `@latest`: a curated environment of the `azureml` registry. */
function curatedParts(text) {
    const rest = text.replace(/^azureml:/, '');
    const atSign = rest.indexOf('@');
    if (atSign >= 0)
        return { registry: 'azureml', name: rest.slice(0, atSign), label: rest.slice(atSign + 1) };
    const colon = rest.lastIndexOf(':');
    return colon > 0 ? { registry: 'azureml', name: rest.slice(0, colon), version: rest.slice(colon + 1) } : { registry: 'azureml', name: rest, label: 'latest' };
}
function cliOf(type) {
    return type === 'models' ? 'model' : type === 'environments' ? 'environment' : type === 'codes' ? 'code' : type.replace(/s$/, '');
}
/** What a registry read found missing (src/checks/facts.ts RegistryMissFacts). */
function registryMissing(ref, miss) {
    const parts = parseRegistryUri(ref.uri);
    const kind = cliOf(parts?.type ?? ref.type);
    switch (miss.missing) {
        case 'registry':
            return `no registry named ${miss.registry} exists (registry discovery answered 404)`;
        case 'name':
            return `registry ${miss.registry} has no ${kind} named ${parts?.name ?? ''} (names are case-sensitive)${parts?.label ? `, so labels/${parts.label} resolves to nothing` : ''}`;
        case 'version':
            return `registry ${miss.registry} has no version ${parts?.version ?? ''} of ${kind} ${parts?.name ?? ''}${miss.latestVersion ? `; its latest version is ${miss.latestVersion}` : ''}`;
    }
}
function registryFix(field, ref, miss) {
    const parts = parseRegistryUri(ref.uri);
    const cli = cliOf(parts?.type ?? ref.type);
    if (miss.missing === 'registry')
        return `Check the registry name (az ml registry list --query "[].name" lists those of a subscription); registry names are those of azureml://registries/<registry>/….`;
    if (miss.missing === 'name')
        return `See what exists: az ml ${cli} list --registry-name ${miss.registry} --query "[].name".`;
    const latest = miss.latestVersion;
    return latest && parts
        ? `Did you mean version ${latest}? ${field}: azureml://registries/${parts.registry}/${parts.type}/${parts.name}/versions/${latest} (or …/labels/latest). See every version: az ml ${cli} list --registry-name ${miss.registry} --name ${parts.name} --query "[].version".`
        : `See what exists: az ml ${cli} list --registry-name ${miss.registry} --name ${parts?.name ?? '<name>'} --query "[].version".`;
}
function missingWhat(ref) {
    const kind = ref.type === 'codes' ? 'code' : ref.type.replace(/s$/, '');
    switch (ref.kind) {
        case 'version':
            return `the workspace has no ${kind} ${ref.name} with version ${ref.version}`;
        case 'label':
            return `the workspace has no ${kind} ${ref.name}, so @${ref.label} resolves to nothing`;
        case 'arm':
            return `no ${kind} version exists at ${ref.id}`;
        case 'registry':
            return `the registry has no such ${kind} version (or it is not visible to the signed-in identity)`;
        case 'curated':
            return `no curated environment ${ref.ref} exists`;
    }
}
function fixFor(ref) {
    const cli = ref.type === 'models' ? 'model' : ref.type === 'environments' ? 'environment' : 'code';
    if (ref.kind === 'version' || ref.kind === 'label')
        return `See what exists: az ml ${cli} list --name ${ref.name} --query "[].version". Register it first, or reference an existing version.`;
    return `Register the ${cli} first, or reference an existing version.`;
}


/***/ }),

/***/ 6381:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BP: () => (/* binding */ roleDefinitionKey),
/* harmony export */   GQ: () => (/* binding */ blocksAllow),
/* harmony export */   HK: () => (/* binding */ describeAge),
/* harmony export */   R6: () => (/* binding */ evaluatePermission),
/* harmony export */   pp: () => (/* binding */ scopeCovers)
/* harmony export */ });
/* unused harmony exports PROPAGATION_DELAY_MS, normalizeScope, permissionMatches, principalClosure */
/** The usual delay before a new role assignment takes effect (Azure RBAC troubleshooting: "up to 10 minutes"). */
const PROPAGATION_DELAY_MS = 10 * 60 * 1000;
/** Lower-case, no trailing slash: ARM ids compare case-insensitively. */
function normalizeScope(scope) {
    const s = scope.trim().toLowerCase().replace(/\/+$/, '');
    return s === '' ? '/' : s;
}
/** The last segment of a role definition id, lower-cased (what `roleDefinitions` is keyed by). */
function roleDefinitionKey(id) {
    return (id.split('/').filter(Boolean).pop() ?? id).toLowerCase();
}
const MG = /^\/providers\/microsoft\.management\/managementgroups\/([^/]+)$/;
/**
 * Whether an assignment at `assignmentScope` applies at `target`: the same scope or one above it
 * (root `/`, management group, subscription, resource group, resource, child resource). A
 * management-group scope is `unknown` unless the caller says which groups hold the subscription.
 */
function scopeCovers(assignmentScope, target, managementGroups) {
    const a = normalizeScope(assignmentScope);
    const t = normalizeScope(target);
    if (a === '/' || a === t || t.startsWith(`${a}/`))
        return true;
    const mg = MG.exec(a);
    if (!mg)
        return false;
    if (!t.startsWith('/subscriptions/'))
        return false;
    if (managementGroups === undefined)
        return 'unknown';
    const names = managementGroups.map((g) => (MG.exec(normalizeScope(g))?.[1] ?? g.toLowerCase()));
    return names.includes(mg[1] ?? '');
}
const patternCache = new Map();
function escapeRegExp(text) {
    return text.replace(/[.+?^$(){}|[\]\\]/g, (c) => '\\' + c);
}
// ARM operation matching: case-insensitive, `*` matches any run of characters (`*`, `*/read`, `…/secrets/*`).
function permissionMatches(pattern, operation) {
    let re = patternCache.get(pattern);
    if (!re) {
        const body = pattern.split('*').map(escapeRegExp).join('.*');
        re = new RegExp('^' + body + '$', 'i');
        patternCache.set(pattern, re);
    }
    return re.test(operation);
}
/**
 * Whether permission blocks allow an operation. A block allows it when one of its actions (data
 * actions) matches and none of the same block's notActions (notDataActions) does: a notAction
 * subtracts within its block only, and another block (another role) may still grant it.
 * `actions: ['*']` never covers data actions.
 */
function blocksAllow(blocks, want) {
    return blocks.some((b) => blockAllows(b, want));
}
function blockAllows(block, want) {
    const [allow, deny, op] = 'action' in want ? [block.actions, block.notActions, want.action] : [block.dataActions, block.notDataActions, want.dataAction];
    return (allow ?? []).some((p) => permissionMatches(p, op)) && !(deny ?? []).some((p) => permissionMatches(p, op));
}
/** The principal and every group it is in, transitively (cycles tolerated). */
function principalClosure(principalId, memberOf) {
    const index = new Map(Object.entries(memberOf).map(([k, v]) => [k.toLowerCase(), v]));
    const seen = new Set();
    const queue = [principalId.toLowerCase()];
    while (queue.length) {
        const id = queue.pop() ?? '';
        if (seen.has(id))
            continue;
        seen.add(id);
        for (const g of index.get(id) ?? [])
            queue.push(g.toLowerCase());
    }
    return seen;
}
function evaluatePermission(world, query) {
    const now = Date.parse(world.now);
    const delay = world.propagationDelayMs ?? PROPAGATION_DELAY_MS;
    const members = world.memberOf ? principalClosure(query.principalId, world.memberOf) : undefined;
    const definitions = new Map(Object.entries(world.roleDefinitions).map(([k, v]) => [k.toLowerCase(), v]));
    const grants = [];
    const uncertainties = [];
    for (const a of world.assignments) {
        if (members && !members.has(a.principalId.toLowerCase()))
            continue;
        const covers = scopeCovers(a.scope, query.scope, query.managementGroups);
        const below = covers === false && query.partsCount === true && scopeCovers(query.scope, a.scope) === true;
        if (covers === false && !below)
            continue;
        const definition = definitions.get(roleDefinitionKey(a.roleDefinitionId));
        if (!definition) {
            uncertainties.push(`role definition ${roleDefinitionKey(a.roleDefinitionId)} (assigned at ${a.scope}) could not be read`);
            continue;
        }
        if (!blocksAllow(definition.permissions, query.permission))
            continue;
        const grant = { assignmentId: a.id, principalId: a.principalId, roleName: definition.roleName, roleDefinitionId: a.roleDefinitionId, scope: a.scope };
        if (a.createdOn) {
            grant.createdOn = a.createdOn;
            const created = Date.parse(a.createdOn);
            if (!Number.isNaN(created) && !Number.isNaN(now))
                grant.ageMs = now - created;
        }
        if (below) {
            uncertainties.push(`${definition.roleName} is assigned on ${a.scope}, a part of ${query.scope}: whether the part the service reads is covered is not known`);
        }
        else if (covers === 'unknown') {
            uncertainties.push(`${definition.roleName} is assigned at management group scope ${a.scope}, and whether it holds this subscription is not known`);
        }
        else if (a.condition) {
            uncertainties.push(`${definition.roleName} at ${a.scope} is assigned with a condition, which the action cannot evaluate (${a.condition})`);
        }
        else {
            grants.push(grant);
        }
    }
    if (grants.length > 0) {
        // Effective once any granting assignment is old enough (or of unknown age: assume it is).
        const notYetEffective = grants.every((g) => g.ageMs !== undefined && g.ageMs < delay);
        return { holds: true, grants, notYetEffective, uncertainties: [] };
    }
    if (uncertainties.length > 0)
        return { holds: 'uncertain', grants, notYetEffective: false, uncertainties };
    return { holds: false, grants, notYetEffective: false, uncertainties: [] };
}
/** "3 minutes", "2 hours", "5 days": an age for messages. */
function describeAge(ms) {
    const minutes = Math.floor(ms / 60_000);
    if (minutes < 1)
        return 'less than a minute';
    if (minutes < 120)
        return `${minutes} minute${minutes === 1 ? '' : 's'}`;
    const hours = Math.floor(minutes / 60);
    if (hours < 48)
        return `${hours} hours`;
    return `${Math.floor(hours / 24)} days`;
}


/***/ }),

/***/ 176:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Iy: () => (/* binding */ resourceName),
/* harmony export */   Rg: () => (/* binding */ KEY_VAULT_SECRETS_USER),
/* harmony export */   ZA: () => (/* binding */ STORAGE_BLOB_DATA_READER),
/* harmony export */   bP: () => (/* binding */ roleAssignmentCommand),
/* harmony export */   nB: () => (/* binding */ ACR_PULL),
/* harmony export */   r6: () => (/* binding */ ROLE_ASSIGNMENT_WRITE),
/* harmony export */   sx: () => (/* binding */ endpointPrincipalExpression),
/* harmony export */   vC: () => (/* binding */ CONNECTION_SECRETS_READER),
/* harmony export */   zI: () => (/* binding */ operationOf)
/* harmony export */ });
const KEY_VAULT_SECRETS_USER = {
    roleName: 'Key Vault Secrets User',
    roleDefinitionId: '4633458b-17de-408a-b874-0445c86b69e6',
    permission: { dataAction: 'Microsoft.KeyVault/vaults/secrets/getSecret/action' },
    purpose: 'read Key Vault secret values',
};
const CONNECTION_SECRETS_READER = {
    roleName: 'Azure Machine Learning Workspace Connection Secrets Reader',
    roleDefinitionId: 'ea01e6af-a1c1-4350-9563-ad00f8c72ec5',
    permission: { action: 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action' },
    purpose: 'read workspace connection secrets',
};
const ACR_PULL = {
    roleName: 'AcrPull',
    roleDefinitionId: '7f951dda-4ed3-4680-a7ca-43fe172d538d',
    permission: { action: 'Microsoft.ContainerRegistry/registries/pull/read' },
    purpose: 'pull the image from the workspace container registry',
};
const STORAGE_BLOB_DATA_READER = {
    roleName: 'Storage Blob Data Reader',
    roleDefinitionId: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1',
    permission: { dataAction: 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/read' },
    purpose: 'read the model and code from the workspace storage',
};
/** What the caller needs to assign a role (grant-missing-roles). */
const ROLE_ASSIGNMENT_WRITE = { action: 'Microsoft.Authorization/roleAssignments/write' };
function operationOf(p) {
    return 'action' in p ? p.action : p.dataAction;
}
/** The last segment of an ARM id: `kv1` of …/vaults/kv1. */
function resourceName(id) {
    return id.split('/').filter(Boolean).pop() ?? id;
}
/** `az role assignment create …` for a principal (or a shell expression that yields its object id). */
function roleAssignmentCommand(role, scope, assigneeObjectId) {
    return `az role assignment create --assignee-object-id ${assigneeObjectId} --assignee-principal-type ServicePrincipal --role "${role.roleName}" --scope ${scope}`;
}
/** The shell expression for a new endpoint's system identity, once the endpoint exists. */
function endpointPrincipalExpression(endpointName, workspaceId) {
    const m = /\/resourceGroups\/([^/]+)\/providers\/Microsoft\.MachineLearningServices\/workspaces\/([^/]+)/i.exec(workspaceId ?? '');
    const where = m ? ` --resource-group ${m[1]} --workspace-name ${m[2]}` : '';
    return `$(az ml online-endpoint show --name ${endpointName}${where} --query identity.principal_id --output tsv)`;
}


/***/ }),

/***/ 304:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ workspaceCheck),
/* harmony export */   b: () => (/* binding */ workspaceGate)
/* harmony export */ });
/* harmony import */ var _findings_finding_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6939);
/* harmony import */ var _manifests_edit_distance_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4018);
/* harmony import */ var _check_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5229);
// The workspace the inputs name (docs/online-checks.md §workspace). When ARM says a part of its
// address does not exist, or refuses it, this is the one finding of the run: every other check
// would only repeat it as false errors ("create the connection", "register the model") about
// things that exist elsewhere, so the registry runs no other check (workspaceGate). A workspace
// that failed for another reason (5xx after retries) is `unreadable`: a `cannot-verify`, never
// "does not exist", and the other checks run on what they could read.



/** How many existing names a message lists before "…and N more". */
const LISTED = 15;
const workspaceCheck = (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .defineCheck */ .qH)('workspace', ['workspace-not-found', 'workspace-unreadable', 'cannot-verify'], (ctx) => {
    const gate = workspaceGate(ctx);
    if (gate)
        return gate;
    const ws = ctx.facts.workspace;
    if (ws.kind !== 'unreadable')
        return {};
    return {
        findings: [
            (0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('cannot-verify', (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .endpointPosition */ .FT)(ctx, (s) => s.name), `Cannot read the workspace (${ws.why}): its region, container registry and storage account are unknown, so the checks that need them are skipped.`, {
                hint: 'Run again: a failure after the retries is usually transient. If it persists, check the workspace in the Azure portal.',
            }),
        ],
    };
});
/** The one finding when the workspace inputs name nothing readable; every reference is then unknown. Undefined when the checks may run. */
function workspaceGate(ctx) {
    const address = ctx.facts.workspaceAddress;
    if (!address?.problem)
        return undefined;
    const finding = addressFinding(ctx, address);
    const why = `the workspace could not be read (${finding.rule}): nothing was checked`;
    return { findings: [finding], verdicts: ctx.references.map((reference) => ({ reference, status: { state: 'unknown', why } })), identityPlan: [], grants: [] };
}
function addressFinding(ctx, a) {
    // The inputs have no line in the files: the finding goes on the endpoint the run targets.
    const where = (0,_check_js__WEBPACK_IMPORTED_MODULE_1__/* .endpointPosition */ .FT)(ctx, (s) => s.name);
    const answer = a.answer ? ` (${a.answer})` : '';
    switch (a.problem) {
        case 'subscription-not-found':
            return (0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('workspace-not-found', where, `Input subscription-id ${a.subscriptionId}: no such subscription${answer}.${existing(a, 'The signed-in identity sees the subscriptions')}`, {
                hint: suggestion(a, a.subscriptionId, 'subscription-id', 'az account list --query "[].{id:id, name:name}" -o table'),
            });
        case 'resource-group-not-found':
            return (0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('workspace-not-found', where, `Input resource-group ${a.resourceGroup}: subscription ${a.subscriptionId} has no such resource group${answer}.${existing(a, 'It has')}`, {
                hint: suggestion(a, a.resourceGroup, 'resource-group', `az group list --subscription ${a.subscriptionId} --query "[].name" -o tsv`),
            });
        case 'workspace-not-found':
            return (0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('workspace-not-found', where, `Input workspace-name ${a.workspaceName}: resource group ${a.resourceGroup} has no such workspace${answer}.${existing(a, 'It has')}`, {
                hint: suggestion(a, a.workspaceName, 'workspace-name', `az ml workspace list --resource-group ${a.resourceGroup} --subscription ${a.subscriptionId} --query "[].name" -o tsv`),
            });
        default:
            return (0,_findings_finding_js__WEBPACK_IMPORTED_MODULE_0__/* .makeFinding */ .MH)('workspace-unreadable', where, `Inputs subscription-id, resource-group, workspace-name: workspace ${a.workspaceName} in resource group ${a.resourceGroup} of subscription ${a.subscriptionId} could not be read${answer}. ` +
                'The signed-in identity may not read it, or one of the names is wrong inside a scope it may not see (ARM refuses before it looks a resource up).');
    }
}
/** " It has: a, b." with the names the caller could list, or nothing when it could not list them. */
function existing(a, lead) {
    if (!a.existing)
        return '';
    if (a.existing.length === 0)
        return ` ${lead}: none the signed-in identity may see.`;
    const shown = a.existing.slice(0, LISTED).map((e) => (e.displayName && e.displayName !== e.name ? `${e.name} (${e.displayName})` : e.name));
    const more = a.existing.length > LISTED ? ` and ${a.existing.length - LISTED} more` : '';
    return ` ${lead}: ${shown.join(', ')}${more}.`;
}
function suggestion(a, given, input, listCommand) {
    const near = a.existing ? (0,_manifests_edit_distance_js__WEBPACK_IMPORTED_MODULE_2__/* .closest */ .k)(given, a.existing.map((e) => e.name)) : undefined;
    if (near)
        return `Did you mean ${near}? Set \`${input}: ${near}\` in the workflow step.`;
    return `Correct the \`${input}\` input; \`${listCommand}\` lists what exists.`;
}


/***/ }),

/***/ 8109:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deleteMode: () => (/* binding */ deleteMode),
  teardownOnline: () => (/* binding */ teardownOnline)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(7094);
// EXTERNAL MODULE: ./lib/azure/ml.js
var azure_ml = __webpack_require__(8229);
// EXTERNAL MODULE: ./lib/azure/session.js + 1 modules
var azure_session = __webpack_require__(7076);
// EXTERNAL MODULE: ./lib/azure/workspace.js
var azure_workspace = __webpack_require__(9334);
// EXTERNAL MODULE: ./lib/azure/rbac.js
var rbac = __webpack_require__(5147);
// EXTERNAL MODULE: ./lib/checks/workspace.js
var workspace = __webpack_require__(304);
// EXTERNAL MODULE: ./lib/findings/finding.js
var finding = __webpack_require__(6939);
// EXTERNAL MODULE: ./lib/inputs.js
var inputs = __webpack_require__(646);
// EXTERNAL MODULE: ./lib/manifests/index.js
var manifests = __webpack_require__(9878);
// EXTERNAL MODULE: ./lib/apply/apply.js + 7 modules
var apply = __webpack_require__(510);
// EXTERNAL MODULE: ./lib/apply/live.js
var live = __webpack_require__(2056);
// EXTERNAL MODULE: ./lib/apply/traffic-plan.js
var traffic_plan = __webpack_require__(8274);
// EXTERNAL MODULE: ./lib/apply/writes.js
var writes = __webpack_require__(3306);
;// CONCATENATED MODULE: ./lib/apply/teardown.js
// mode: delete, the apply phase (docs/teardown.md): executes the teardown plan (src/modes/teardown-plan.ts)
// as it stands. A forced delete of a serving deployment first moves its share to the deployments
// that stay (one endpoint PUT, read back); then each planned DELETE: right before it the resource is
// read again (gone meanwhile: a notice; being deleted: waited for; serving now although the plan
// found it idle, or an endpoint with a deployment the plan did not list: plan-stale, nothing
// deleted), the DELETE is waited for as the long-running operation Azure answers it with (202 +
// Azure-AsyncOperation/Location, test/fixtures/recorded/ml-online.json), and read back: only a GET
// that answers 404 counts as deleted. A service failure becomes a
// finding with what was written so far, never a throw (src/modes/mode.ts).









/** Every exit goes through the report: an unexpected error (an unreadable resource after the retries) becomes a finding. */
async function applyTeardown(run, checked) {
    const log = new writes/* ApplyLog */.f6(run.timeline);
    const deleted = [];
    const started = Date.now();
    try {
        return await execute(run, checked, log, deleted);
    }
    catch (error) {
        if (error instanceof inputs/* InputError */.dz)
            throw error;
        const why = error instanceof Error ? error.message : String(error);
        // Unreadable is never missing: the teardown stops rather than guess.
        log.fail('resource-unreadable', endpointAt(run), `The teardown stopped: a resource could not be read (${why}); it was not taken for deleted.`, 'Run again once Azure answers: the teardown is idempotent.');
        log.entry('Apply: stopped', started, 'failed', why);
        return { findings: log.findings, notes: log.notes, written: (0,apply/* written */.Mp)(log), deleted };
    }
}
function endpointAt(run) {
    const s = run.analysis.endpoint ?? run.analysis.deployments[0];
    return { file: s?.file ?? '', line: s?.spans.name?.line ?? 1, column: s?.spans.name?.column ?? 1 };
}
function serves(e, name) {
    const live = (0,traffic_plan/* normalizeTraffic */.dY)(e.traffic);
    const mirror = (0,traffic_plan/* normalizeTraffic */.dY)(e.mirrorTraffic);
    if (name === undefined)
        return Object.keys(live).length > 0 || Object.keys(mirror).length > 0;
    return (live[name.toLowerCase()] ?? 0) > 0 || (mirror[name.toLowerCase()] ?? 0) > 0;
}
async function execute(run, checked, log, deleted) {
    const { inputs, analysis } = run;
    const { session, teardown, endpointName } = checked;
    const deadline = Date.now() + inputs.timeoutMs;
    const epPath = (0,manifests/* endpointPath */.nM)({ subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: '' }, endpointName);
    const epAt = endpointAt(run);
    const result = (readBack) => ({ findings: log.findings, notes: log.notes, written: (0,apply/* written */.Mp)(log), readBack, deleted });
    const stale = (at, what, why, label, started) => {
        log.fail('plan-stale', at, `${what} changed since the plan: ${why}. Nothing was deleted over it.`, 'Another writer is at work on it: run the teardown again (validate with teardown: true shows the new plan).');
        log.entry(label, started, 'failed', 'changed since the plan');
        return result();
    };
    // ---- A forced delete of a serving deployment: its share goes to the deployments that stay, first.
    const traffic = teardown.plan.traffic;
    const step = traffic?.steps[0];
    if (traffic && step && teardown.trafficBody) {
        const label = `Apply: traffic ${(0,traffic_plan/* formatTraffic */.zM)(step.traffic)} (before the delete)`;
        const started = Date.now();
        const busy = await (0,live/* waitWhileBusy */.uI)(`Endpoint ${endpointName}`, () => (0,live/* readEndpoint */.KW)(session, epPath, deadline), await (0,live/* readEndpoint */.KW)(session, epPath, deadline), deadline);
        if (busy.kind === 'timeout') {
            log.fail('deployment-failed', epAt, `Endpoint ${endpointName} stayed ${busy.state} until the timeout; its traffic was not moved and nothing was deleted.`);
            log.entry(label, started, 'failed', `still ${busy.state}`);
            return result();
        }
        const now = busy.value;
        if (!now)
            return stale(epAt, `Endpoint ${endpointName}`, 'it was deleted since the plan', label, started);
        if (!(0,traffic_plan/* sameTraffic */.UN)(now.traffic, traffic.before) || !(0,traffic_plan/* sameTraffic */.UN)(now.mirrorTraffic, traffic.mirrorBefore))
            return stale(epAt, `The traffic of endpoint ${endpointName}`, `the plan read ${(0,traffic_plan/* formatTraffic */.zM)(traffic.before)}, Azure now holds ${(0,traffic_plan/* formatTraffic */.zM)(now.traffic)}`, label, started);
        const outcome = await core.group(label, () => {
            core.info(`Moving the traffic of endpoint ${endpointName}: ${(0,traffic_plan/* formatTraffic */.zM)(traffic.before)} → ${(0,traffic_plan/* formatTraffic */.zM)(step.traffic)}${Object.keys(traffic.mirrorBefore).length ? ` (mirror ${(0,traffic_plan/* formatTraffic */.zM)(traffic.mirrorBefore)} → ${(0,traffic_plan/* formatTraffic */.zM)(step.mirrorTraffic)})` : ''}, so that the deployments to delete serve nothing.`);
            return (0,writes/* writeLro */.zC)(session, log, { method: 'PUT', path: epPath, apiVersion: manifests/* ML_API_VERSION */.W8, body: (0,traffic_plan/* withTraffic */.oO)(teardown.trafficBody ?? {}, step.traffic, step.mirrorTraffic) }, `Endpoint ${endpointName}`, deadline);
        });
        const back = outcome.kind === 'succeeded' ? await (0,live/* readEndpoint */.KW)(session, epPath, deadline) : undefined;
        if (outcome.kind !== 'succeeded' || !back || !(0,traffic_plan/* sameTraffic */.UN)(back.traffic, step.traffic) || !(0,traffic_plan/* sameTraffic */.UN)(back.mirrorTraffic, step.mirrorTraffic)) {
            const why = outcome.kind === 'succeeded' ? `it reads back as ${(0,traffic_plan/* formatTraffic */.zM)(back?.traffic)}` : (0,apply/* bodyOf */.EN)(outcome);
            log.fail('deployment-failed', epAt, `Moving the traffic of endpoint ${endpointName} to ${(0,traffic_plan/* formatTraffic */.zM)(step.traffic)} failed (${why}); nothing was deleted.`, 'Read the service error above, then run the teardown again.');
            log.entry(label, started, 'failed', why);
            return result();
        }
        log.entry(label, started, 'ok', `${(0,traffic_plan/* formatTraffic */.zM)(traffic.before)} → ${(0,traffic_plan/* formatTraffic */.zM)(back.traffic)} (read back)`);
    }
    // ---- The planned DELETEs, in order.
    for (const request of teardown.plan.requests.filter((r) => r.change === 'delete')) {
        const kind = request.resource?.kind ?? 'deployment';
        const name = request.resource?.name ?? '';
        const spec = analysis.deployments.find((d) => d.name.toLowerCase() === name.toLowerCase());
        const at = kind === 'endpoint' || !spec ? epAt : locate(spec);
        const withIt = kind === 'endpoint' ? (teardown.withEndpoint ?? []) : [];
        const label = kind === 'endpoint' ? `Apply: delete endpoint ${name}${withIt.length ? ` and its deployment(s) ${withIt.join(', ')}` : ''}` : `Apply: delete deployment ${name}`;
        const what = `${kind === 'endpoint' ? 'Endpoint' : 'Deployment'} ${name}`;
        const started = Date.now();
        const read = () => (kind === 'endpoint' ? (0,live/* readEndpoint */.KW)(session, request.path, deadline) : (0,live/* readDeployment */.iJ)(session, request.path, deadline));
        // Right before the DELETE: still there, settled, and (unless forced) serving nothing.
        const busy = await (0,live/* waitWhileBusy */.uI)(what, read, await read(), deadline);
        if (busy.kind === 'timeout') {
            log.fail('deployment-failed', at, `${what} stayed ${busy.state} until the timeout; it was not deleted.`, 'Wait for the other operation to finish (or raise timeout), then run the teardown again.');
            log.entry(label, started, 'failed', `still ${busy.state}`);
            return result();
        }
        if (!busy.value) {
            log.findings.push((0,finding/* makeFinding */.MH)('already-deleted', at, `${what} was deleted since the plan (by another run, or by hand): nothing to delete.`));
            log.entry(label, started, 'ok', 'already gone');
            continue;
        }
        if (kind === 'endpoint') {
            // Deleting the endpoint deletes every deployment it has: one that appeared since the plan would go unreviewed.
            const listed = await (0,azure_ml/* readDeployments */.Fz)({ arm: session.arm, subscriptionId: session.subscriptionId, workspacePath: session.workspacePath }, name);
            if (listed.kind === 'unreadable')
                throw new Error(`the deployments of endpoint ${name}: ${listed.why}`);
            const now = listed.kind === 'found' ? Object.values(listed.value).map((d) => d.name.toLowerCase()).sort() : [];
            const added = now.filter((n) => !withIt.some((w) => w.toLowerCase() === n));
            if (added.length)
                return stale(at, what, `deployment(s) ${added.join(', ')} appeared since the plan, and deleting the endpoint would delete them too`, label, started);
        }
        if (!inputs.forceDelete) {
            const endpoint = kind === 'endpoint' ? busy.value : await (0,live/* readEndpoint */.KW)(session, epPath, deadline);
            if (endpoint && serves(endpoint, kind === 'endpoint' ? undefined : name))
                return stale(at, what, `it serves traffic now (${(0,traffic_plan/* formatTraffic */.zM)(endpoint.traffic)}), the plan found it serving none`, label, started);
        }
        const outcome = await core.group(label, () => {
            core.info(kind === 'endpoint' ? `Deleting endpoint ${name}${withIt.length ? `; Azure deletes its deployment(s) ${withIt.join(', ')} with it` : ''}.` : `Deleting deployment ${name} of endpoint ${endpointName}.`);
            return (0,writes/* writeLro */.zC)(session, log, { method: 'DELETE', path: request.path, apiVersion: manifests/* ML_API_VERSION */.W8 }, `Delete ${kind} ${name}`, deadline);
        });
        if (outcome.kind !== 'succeeded') {
            // Say what Azure holds now, as read: a failed operation may have deleted nothing, or part.
            const now = await read().catch(() => undefined);
            const detail = outcome.kind === 'failed' ? `${outcome.error.code}: ${outcome.error.message}` : `no answer within the timeout budget (${Math.round(inputs.timeoutMs / 1000)} s)`;
            log.fail('deployment-failed', at, `Deleting ${kind} ${name} failed (${detail}); it ${now ? `still exists (${now.provisioningState})` : 'reads back as gone'}.`, 'Read the service error, then run the teardown again: what is gone is a notice on the next run.');
            log.entry(label, started, 'failed', (0,apply/* bodyOf */.EN)(outcome));
            return result();
        }
        // Read back: deleted means a GET answers 404 (a resource still Deleting is waited for).
        const after = await (0,live/* waitWhileBusy */.uI)(what, read, await read(), deadline);
        if (after.kind === 'timeout' || after.value) {
            const state = after.kind === 'timeout' ? after.state : after.value?.provisioningState;
            log.fail('deployment-failed', at, `${what} reads back as ${state} after its delete succeeded: it was not deleted.`, 'Look at the resource in the Azure portal, then run the teardown again.');
            log.entry(label, started, 'failed', 'read-back mismatch');
            return result();
        }
        core.info(`${what}: deleted (read back: 404).`);
        deleted.push({ kind, name, id: request.path, ...(kind === 'endpoint' ? { deployments: withIt } : {}) });
        log.entry(label, started, 'ok', 'deleted (read back: 404)');
    }
    const endpointGone = deleted.some((d) => d.kind === 'endpoint');
    // The endpoint is gone: nothing is left to read back (an empty read-back replaces the one read before the delete).
    const readBack = endpointGone ? {} : (0,apply/* readBackOf */.Bv)(await (0,live/* readEndpoint */.KW)(session, epPath, deadline).catch(() => undefined));
    log.notes.push(deleted.length
        ? `Deleted (read back: 404): ${deleted.map((d) => (d.kind === 'endpoint' ? `endpoint ${d.name}${d.deployments?.length ? ` with its deployment(s) ${d.deployments.join(', ')}` : ''}` : `deployment ${d.name}`)).join('; ')}.`
        : 'Nothing was deleted: what the files name is gone already.');
    return result(readBack);
}
function locate(d) {
    return { file: d.file, line: d.spans.name?.line ?? 1, column: d.spans.name?.column ?? 1 };
}

// EXTERNAL MODULE: ./lib/report/model.js
var model = __webpack_require__(5747);
// EXTERNAL MODULE: ./lib/checks/check.js
var check = __webpack_require__(5229);
// EXTERNAL MODULE: ./lib/checks/rbac.js
var checks_rbac = __webpack_require__(6381);
// EXTERNAL MODULE: ./lib/modes/validate-plan.js + 1 modules
var validate_plan = __webpack_require__(8542);
;// CONCATENATED MODULE: ./lib/modes/teardown-plan.js
// The teardown plan (docs/teardown.md): what `mode: delete` deletes, computed once from the files and
// the live endpoint, shown by validate (`teardown: true`) and executed as it stands by apply
// (src/apply/teardown.ts). With an endpoint file: one DELETE of the endpoint, which takes its
// deployments with it (Azure deletes an endpoint's deployments with it: "it deletes the endpoint and
// all the underlying deployments", https://learn.microsoft.com/azure/machine-learning/how-to-deploy-online-endpoints#delete-the-endpoint-and-the-deployment).
// With deployment files only: one DELETE per deployment. What serves live or mirrored traffic is
// refused (`delete-serving`) unless `force-delete: true`; a forced deployment first gives its share
// to the deployments that stay (one planned traffic step). What is already gone is a notice
// (`already-deleted`); what could not be read is never missing (`resource-unreadable`). Pure.






/** The rules the teardown plan reports (besides resource-unreadable and plan-stale, which are the plan's): the catalog's `teardown: true` rules. */
const TEARDOWN_RULES = (/* unused pure expression or super */ null && (['delete-serving', 'caller-cannot-delete', 'already-deleted']));
/** A map without `name`: the others keep their proportions of 100 (largest remainder); none left, nothing is served. */
function withoutDeployment(map, name) {
    const key = name.toLowerCase();
    const others = Object.entries((0,traffic_plan/* normalizeTraffic */.dY)(map)).filter(([n, p]) => n !== key && p > 0);
    if (others.length === 0)
        return {};
    const rest = (0,traffic_plan/* shareWith */.gx)(map, key, 0);
    delete rest[key];
    return rest;
}
function planTeardown(input) {
    const { facts, endpointName: name } = input;
    const findings = [];
    const requests = [];
    const notes = [];
    const spec = input.endpoint;
    const epAt = spec ? teardown_plan_locate(spec) : teardown_plan_locate(input.deployments[0]);
    const epPath = (0,manifests/* endpointPath */.nM)(input.workspace, name);
    let withEndpoint;
    const done = (traffic, trafficBody) => {
        findings.push(...callerFindings(input, requests, (traffic?.steps.length ?? 0) > 0, epAt));
        const changes = requests.some((r) => r.change === 'delete') || (traffic?.steps.length ?? 0) > 0;
        notes.unshift(`Plan: ${requests.map((r) => `${r.change} ${r.resource?.kind} ${r.resource?.name}`).join('; ') || 'nothing to delete'}.`);
        if (traffic?.steps.length)
            notes.push(`Traffic before the delete: ${(0,traffic_plan/* formatTraffic */.zM)(traffic.before)} → ${(0,traffic_plan/* formatTraffic */.zM)(traffic.after)}${Object.keys(traffic.mirrorBefore).length ? ` (mirror ${(0,traffic_plan/* formatTraffic */.zM)(traffic.mirrorBefore)} → ${(0,traffic_plan/* formatTraffic */.zM)(traffic.mirrorAfter)})` : ''}.`);
        return { plan: { requests, assets: [], ...(traffic ? { traffic } : {}), quota: [], identity: [] }, changes, findings, notes, ...(trafficBody ? { trafficBody } : {}), ...(withEndpoint ? { withEndpoint } : {}) };
    };
    const unreadable = (where, what, why) => (0,finding/* makeFinding */.MH)('resource-unreadable', where, `The ${what} could not be read (${why}): a teardown does not take what it could not read for missing, and deletes nothing.`, {
        severity: input.mode === 'delete' ? 'error' : 'warning',
        hint: 'Run again once Azure answers; if it keeps failing, give the workflow identity read access to the workspace (Reader or AzureML Data Scientist).',
    });
    const unknownRequest = (kind, target, path, why) => ({ method: 'DELETE', path, apiVersion: manifests/* ML_API_VERSION */.W8, change: 'unknown', resource: { kind, name: target }, description: `${kind} ${target}: could not be read (${why})` });
    const targets = () => spec ? [{ kind: 'endpoint', name, path: epPath, at: epAt }] : input.deployments.map((d) => ({ kind: 'deployment', name: d.name, path: (0,manifests/* deploymentPath */.nR)(input.workspace, name, d.name), at: teardown_plan_locate(d) }));
    if (!name)
        return done();
    if (facts.endpoint.kind === 'unreadable' || (facts.endpoint.kind === 'found' && facts.deployments.kind === 'unreadable')) {
        const why = facts.endpoint.kind === 'unreadable' ? facts.endpoint.why : facts.deployments.kind === 'unreadable' ? facts.deployments.why : '';
        findings.push(unreadable(epAt, facts.endpoint.kind === 'unreadable' ? `endpoint ${name}` : `deployments of endpoint ${name}`, why));
        for (const t of targets())
            requests.push(unknownRequest(t.kind, t.name, t.path, why));
        return done();
    }
    if (facts.endpoint.kind === 'missing') {
        for (const t of targets()) {
            const message = t.kind === 'endpoint'
                ? `Endpoint ${name} does not exist (already deleted, and its deployments with it): nothing to delete.`
                : `Deployment ${t.name}: its endpoint ${name} does not exist (already deleted, with its deployments): nothing to delete.`;
            findings.push((0,finding/* makeFinding */.MH)('already-deleted', t.at, message));
        }
        return done();
    }
    const live = facts.endpoint.value;
    const liveDeployments = facts.deployments.kind === 'found' ? Object.values(facts.deployments.value) : [];
    const traffic = (0,traffic_plan/* normalizeTraffic */.dY)(live.traffic);
    const mirror = (0,traffic_plan/* normalizeTraffic */.dY)(live.mirrorTraffic);
    const share = (n) => {
        const key = n.toLowerCase();
        return [traffic[key] ? `${traffic[key]} % of live traffic` : '', mirror[key] ? `${mirror[key]} % mirrored` : ''].filter(Boolean).join(' and ');
    };
    const forced = input.forceDelete;
    const busy = live.provisioningState.toLowerCase() === 'deleting';
    // ---- The whole endpoint: one DELETE, its deployments go with it.
    if (spec) {
        const names = liveDeployments.map((d) => d.name);
        withEndpoint = names;
        requests.push({
            method: 'DELETE',
            path: epPath,
            apiVersion: manifests/* ML_API_VERSION */.W8,
            change: 'delete',
            resource: { kind: 'endpoint', name },
            description: `delete endpoint ${name}${names.length ? ` and its deployment(s) ${names.join(', ')} with it` : ' (it has no deployment)'}`,
            diff: names.map((n) => `deployment ${n}: deleted with the endpoint${share(n) ? ` (serves ${share(n)})` : ''}`),
        });
        if (busy)
            notes.push(`Endpoint ${name} is being deleted already (provisioningState Deleting); the run waits for it and reads it back.`);
        const serving = Object.keys(traffic).length > 0 || Object.keys(mirror).length > 0;
        if (serving) {
            const what = `Endpoint ${name} serves traffic (${(0,traffic_plan/* formatTraffic */.zM)(traffic)}${Object.keys(mirror).length ? `; mirror ${(0,traffic_plan/* formatTraffic */.zM)(mirror)}` : ''}): deleting it takes its scoring URI down`;
            findings.push(forced
                ? (0,finding/* makeFinding */.MH)('delete-serving', epAt, `${what}; force-delete: true, so it is deleted.`, { severity: 'notice', hint: 'Nothing to do: force-delete: true confirmed this teardown.' })
                : (0,finding/* makeFinding */.MH)('delete-serving', epAt, `${what}. Nothing is deleted.`, { severity: 'error', hint: 'If this endpoint is meant to go (a pull-request preview endpoint), set force-delete: true; otherwise delete only the deployments that serve nothing (deployment-file without endpoint-file).' }));
        }
        return done();
    }
    // ---- Deployments only: one DELETE each; a serving one gives its share to the others first (force-delete).
    let after = { ...traffic };
    let mirrorAfter = { ...mirror };
    for (const d of input.deployments) {
        const found = (0,check/* lookupCI */.d5)(Object.fromEntries(liveDeployments.map((l) => [l.name, l])), d.name);
        if (!found) {
            findings.push((0,finding/* makeFinding */.MH)('already-deleted', teardown_plan_locate(d), `Deployment ${d.name} does not exist on endpoint ${name} (already deleted): nothing to delete.`));
            continue;
        }
        const serves = share(d.name);
        const key = d.name.toLowerCase();
        if (serves && !forced) {
            findings.push((0,finding/* makeFinding */.MH)('delete-serving', teardown_plan_locate(d), `Deployment ${d.name} serves ${serves} of endpoint ${name}, which stays: deleting it would take that traffic away. Nothing is deleted.`, {
                severity: 'error',
                hint: `Move its traffic first (mode: deploy with a traffic map that leaves ${d.name} out), or set force-delete: true to give its share to the other deployments (in proportion) before the DELETE.`,
            }));
        }
        else if (serves) {
            after = withoutDeployment(after, key);
            delete mirrorAfter[key];
            findings.push((0,finding/* makeFinding */.MH)('delete-serving', teardown_plan_locate(d), `Deployment ${d.name} serves ${serves} of endpoint ${name}; force-delete: true, so its share goes first (traffic ${(0,traffic_plan/* formatTraffic */.zM)(after)}), then it is deleted.`, { severity: 'notice', hint: 'Nothing to do: force-delete: true confirmed this delete.' }));
        }
        requests.push({
            method: 'DELETE',
            path: (0,manifests/* deploymentPath */.nR)(input.workspace, name, found.name),
            apiVersion: manifests/* ML_API_VERSION */.W8,
            change: 'delete',
            resource: { kind: 'deployment', name: found.name },
            description: `delete deployment ${found.name} of endpoint ${name}${serves ? ` (it serves ${serves}${forced ? ': its share goes first' : ''})` : ' (it serves no traffic)'}`,
            diff: serves ? [`traffic: ${serves} → 0`] : [],
        });
    }
    // Mirroring needs live traffic, and never goes to a deployment that now serves live traffic.
    mirrorAfter = Object.keys(after).length ? Object.fromEntries(Object.entries(mirrorAfter).filter(([n]) => !(after[n] ?? 0))) : {};
    const moved = !(0,traffic_plan/* sameTraffic */.UN)(after, traffic) || !(0,traffic_plan/* sameTraffic */.UN)(mirrorAfter, mirror);
    const planned = {
        before: traffic,
        after: moved ? after : traffic,
        mirrorBefore: mirror,
        mirrorAfter: moved ? mirrorAfter : mirror,
        steps: moved ? [{ label: `traffic ${(0,traffic_plan/* formatTraffic */.zM)(after)} before the delete`, traffic: after, mirrorTraffic: mirrorAfter, gated: false }] : [],
        rollback: { traffic, mirrorTraffic: mirror },
    };
    if (moved && !Object.keys(after).length)
        notes.push(`After the delete, endpoint ${name} serves no traffic: no deployment that stays served any.`);
    return done(planned, moved ? (0,validate_plan/* endpointBodyFromLive */.Ic)(live.body) : undefined);
}
const ML = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints';
/** Whether the caller may send what the plan sends: the DELETEs and the traffic step of a forced delete (checked before any write). */
function callerFindings(input, requests, trafficStep, where) {
    const perms = input.callerPermissions;
    const wanted = [...new Set([...(trafficStep ? [`${ML}/write`] : []), ...requests.filter((r) => r.change === 'delete').map((r) => (r.resource?.kind === 'endpoint' ? `${ML}/delete` : `${ML}/deployments/delete`))])];
    if (!perms || !wanted.length)
        return [];
    if (perms.kind !== 'found') {
        const why = perms.kind === 'unreadable' ? perms.why : 'not found';
        return [(0,finding/* makeFinding */.MH)('cannot-verify', where, `Cannot verify that the signed-in identity may ${wanted.map((w) => w.split('/').slice(-2).join('/')).join(', ')} (its permissions could not be read: ${why}).`, { hint: 'Make sure the workflow identity may delete online endpoints and deployments on the workspace.' })];
    }
    const missing = wanted.filter((action) => !(0,checks_rbac/* blocksAllow */.GQ)(perms.value, { action }));
    if (!missing.length)
        return [];
    return [(0,finding/* makeFinding */.MH)('caller-cannot-delete', where, `The signed-in identity lacks ${missing.join(', ')} on the workspace: the teardown would be refused (403) ${trafficStep ? 'after moving the traffic' : 'at its first DELETE'}. Nothing is deleted.`, {
            severity: 'error',
            hint: 'Assign the workflow identity a role that may delete online endpoints and deployments on the workspace (AzureML Data Scientist, or Contributor).',
        })];
}
function teardown_plan_locate(s) {
    if (!s)
        return { file: '', line: 1, column: 1 };
    return s.spans.name ? (0,check.at)(s.file, s.spans.name) : { file: s.file, line: 1, column: 1 };
}

// EXTERNAL MODULE: ./lib/modes/expected-plan.js + 1 modules
var expected_plan = __webpack_require__(2065);
;// CONCATENATED MODULE: ./lib/modes/delete.js
// mode: delete — the teardown of what the files name (docs/teardown.md), through the same pipeline as
// every write: sign in, read the workspace, the endpoint and its deployments (read-only), plan the
// teardown (src/modes/teardown-plan.ts: each DELETE as change `delete`, serving resources refused
// unless force-delete, what is gone a notice), compare with an approved plan (`expected-plan`), then,
// only when nothing fails the run, apply (src/apply/teardown.ts). validate with `teardown: true`
// runs the same read-only half and shows the same plan. A teardown resolves no secret reference:
// the secrets a deployment reads may be gone already when its pull request closes.










/** The read-only half of a teardown, shared by mode: delete and validate with teardown: true. */
async function teardownOnline(run, mode) {
    const { inputs, analysis } = run;
    const endpointName = analysis.endpoint?.name ?? analysis.deployments[0]?.endpointName ?? '';
    const session = await run.phase('Sign in to Azure', () => (0,azure_session/* signIn */.Jv)(inputs));
    const requestsAtSignIn = session.stats.requests;
    const read = await run.phase('Read Azure (read-only)', async () => {
        const ml = { arm: session.arm, subscriptionId: session.subscriptionId, workspacePath: session.workspacePath };
        const unnamed = { kind: 'unreadable', why: 'the files name no endpoint (see the findings above)' };
        const [workspace, endpoint, deployments, callerPermissions] = await Promise.all([
            (0,azure_workspace/* readWorkspaceAddress */.Ye)({ ...ml, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName }),
            endpointName ? (0,azure_ml/* readEndpoint */.KW)(ml, endpointName) : Promise.resolve(unnamed),
            endpointName ? (0,azure_ml/* readDeployments */.Fz)(ml, endpointName) : Promise.resolve(unnamed),
            (0,rbac/* readCallerPermissions */.UK)(session.arm, session.workspacePath),
        ]);
        const line = `Read (nothing written): the workspace, the signed-in identity's permissions on it, endpoint ${endpointName} (${endpoint.kind}) and its deployments (${deployments.kind === 'found' ? Object.keys(deployments.value).join(', ') || 'none' : deployments.kind}); ${session.stats.requests - requestsAtSignIn} request(s).`;
        core.info(line);
        return { workspace, endpoint, deployments, callerPermissions, line };
    });
    // A workspace that is not there makes a 404 of the endpoint meaningless: its one finding, and no plan (never "already deleted").
    // workspaceGate reads only the address facts, the files and the references.
    const gate = (0,workspace/* workspaceGate */.b)({ endpoint: analysis.endpoint, endpointName, deployments: analysis.deployments, references: [], facts: { workspaceAddress: read.workspace.address }, grantMissingRoles: false, mode: 'validate' });
    const ws = { subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: read.workspace.workspace.kind === 'found' ? read.workspace.workspace.value.location : '' };
    const teardown = await run.phase('Plan the teardown', async () => {
        const t = gate
            ? { plan: { requests: [], assets: [] }, changes: false, findings: gate.findings, notes: [] }
            : planTeardown({ endpoint: analysis.endpoint, endpointName, deployments: analysis.deployments, facts: { endpoint: read.endpoint, deployments: read.deployments }, workspace: ws, forceDelete: inputs.forceDelete, callerPermissions: read.callerPermissions, mode });
        for (const line of t.notes)
            core.info(line);
        for (const r of t.plan.requests)
            core.info(`Planned: ${r.description}`);
        if (inputs.expectedPlanFile && !gate)
            t.findings.push(...(0,expected_plan/* approvedPlanFindings */.n)(inputs.expectedPlanFile, t.plan, analysis));
        return t;
    });
    const live = read.endpoint.kind === 'found' ? read.endpoint.value : undefined;
    return {
        findings: teardown.findings,
        // A teardown resolves no secret reference.
        references: [],
        plan: teardown.plan,
        changes: gate ? undefined : teardown.changes,
        readBack: live ? { scoringUri: live.scoringUri, swaggerUri: live.swaggerUri, traffic: live.traffic, mirrorTraffic: live.mirrorTraffic, ...(0,model/* armIdentifiers */.rg)(live.body) } : undefined,
        notes: [read.line, ...teardown.notes],
        supersedes: (f) => f.rule === 'traffic' && f.severity === 'notice',
        session,
        teardown,
        endpointName,
    };
}
const deleteMode = {
    // Traffic naming a deployment in no file is not this run's business: the teardown reads the live map.
    unknownTrafficSeverity: 'notice',
    offlineReferenceStatus: 'not resolved: a teardown resolves no secret reference',
    check: (run) => teardownOnline(run, 'delete'),
    apply: (run, checked) => applyTeardown(run, checked),
};


/***/ }),

/***/ 2065:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  n: () => (/* binding */ approvedPlanFindings)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(7094);
// EXTERNAL MODULE: ./lib/findings/finding.js
var finding = __webpack_require__(6939);
// EXTERNAL MODULE: ./lib/source-files.js
var source_files = __webpack_require__(308);
// EXTERNAL MODULE: ./lib/apply/trace-tags.js
var trace_tags = __webpack_require__(9415);
// EXTERNAL MODULE: ./lib/apply/traffic-plan.js
var traffic_plan = __webpack_require__(8274);
;// CONCATENATED MODULE: ./lib/modes/approved-plan.js


/** The part of a plan that says what happens to Azure, in a canonical form. */
function planDigest(plan) {
    return {
        requests: (plan.requests ?? []).map((r) => ({
            method: r.method,
            path: r.path.toLowerCase(),
            change: r.change ?? null,
            diff: r.diff ?? [],
            body: canonical(withoutTraceTags(r.body)),
        })),
        assets: (plan.assets ?? []).map((a) => `${a.kind}: ${a.description}`),
        traffic: plan.traffic
            ? { before: (0,traffic_plan/* normalizeTraffic */.dY)(plan.traffic.before), steps: (plan.traffic.steps ?? []).map((s) => ({ traffic: (0,traffic_plan/* normalizeTraffic */.dY)(s.traffic), mirrorTraffic: (0,traffic_plan/* normalizeTraffic */.dY)(s.mirrorTraffic) })) }
            : null,
    };
}
/** Empty when the current plan does exactly what the approved one said. */
function comparePlans(approved, current) {
    if (!isPlanLike(approved))
        return ['the expected plan is not a plan file of this action (no "requests" list)'];
    const a = planDigest(approved);
    const c = planDigest(current);
    const out = [];
    const ar = a.requests;
    const cr = c.requests;
    const key = (r) => `${String(r.method)} ${String(r.path)}`;
    for (const r of ar) {
        const now = cr.find((x) => key(x) === key(r));
        const name = String(r.path).split('/').slice(-1)[0];
        if (!now)
            out.push(`${name}: approved ${String(r.change)}, not in the plan now`);
        else if (now.change !== r.change)
            out.push(`${name}: approved ${String(r.change)}, now ${String(now.change)}`);
        else if (JSON.stringify(now.diff) !== JSON.stringify(r.diff))
            out.push(`${name}: the field changes differ (approved ${r.diff.length}, now ${now.diff.length}: ${now.diff.slice(0, 3).join('; ') || 'none'})`);
        else if (JSON.stringify(now.body) !== JSON.stringify(r.body))
            out.push(`${name}: the request body differs from the approved one`);
    }
    for (const r of cr)
        if (!ar.some((x) => key(x) === key(r)))
            out.push(`${String(r.path).split('/').slice(-1)[0]}: ${String(r.change)} now, not in the approved plan`);
    if (JSON.stringify(a.assets) !== JSON.stringify(c.assets))
        out.push('the local assets to register differ');
    if (JSON.stringify(a.traffic) !== JSON.stringify(c.traffic))
        out.push(`the traffic differs (approved ${describe(a.traffic)}, now ${describe(c.traffic)})`);
    return out;
}
function describe(t) {
    if (!t || typeof t !== 'object')
        return 'unknown';
    const { before, steps } = t;
    const map = (m) => Object.entries(m).map(([n, p]) => `${n}=${p}`).join(',') || '(none)';
    return [map(before), ...steps.map((s) => map(s.traffic))].join(' → ');
}
function isPlanLike(v) {
    return typeof v === 'object' && v !== null && Array.isArray(v.requests);
}
function withoutTraceTags(body) {
    if (!body || typeof body !== 'object' || Array.isArray(body))
        return body ?? null;
    const b = body;
    if (!b.tags || typeof b.tags !== 'object')
        return b;
    return { ...b, tags: Object.fromEntries(Object.entries(b.tags).filter(([k]) => !(0,trace_tags/* isTraceTag */.a$)(k))) };
}
/** Keys sorted at every level, so two plans written by different runs compare as text. */
function canonical(v) {
    if (Array.isArray(v))
        return v.map(canonical);
    if (v && typeof v === 'object')
        return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
    return v;
}

;// CONCATENATED MODULE: ./lib/modes/expected-plan.js
// `expected-plan` (docs/architecture.md §5): the approved plan file of a reviewed validate run, read
// from the workspace and compared (src/modes/approved-plan.ts) with the plan just computed; any
// difference is a `plan-stale` error that stops deploy (or delete) before any write.




/** The plan just computed against the approved one (`expected-plan`): any difference stops deploy (or delete) before any write. */
function approvedPlanFindings(path, plan, analysis) {
    const spec = analysis.endpoint;
    const first = analysis.deployments[0];
    const where = spec ? { file: spec.file, line: spec.spans.name?.line ?? 1, column: spec.spans.name?.column ?? 1 } : { file: first?.file ?? '', line: first?.spans.name?.line ?? 1, column: first?.spans.name?.column ?? 1 };
    let approved;
    try {
        approved = JSON.parse((0,source_files/* readSourceFile */.uj)('expected-plan', path, (0,source_files/* workspaceRoot */.oS)()).text);
    }
    catch (error) {
        return [(0,finding/* makeFinding */.MH)('plan-stale', where, `expected-plan: ${path} cannot be read as a plan file (${error instanceof Error ? error.message : String(error)}); nothing is written.`, { hint: 'Give the plan-file output of the approved validate run (for example downloaded with actions/download-artifact).' })];
    }
    const differences = comparePlans(approved, plan);
    if (!differences.length) {
        core.info(`The plan matches the approved plan in ${path}.`);
        return [];
    }
    return [(0,finding/* makeFinding */.MH)('plan-stale', where, `The plan differs from the approved one (${path}): ${differences.join('; ')}. Nothing is written.`, { hint: 'Azure or the files changed since the approval: run validate again, review the new plan, and approve that one.' })];
}


/***/ }),

/***/ 8542:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ru: () => (/* binding */ computePlan),
  Ic: () => (/* binding */ endpointBodyFromLive),
  QR: () => (/* binding */ liveDiff)
});

// UNUSED EXPORTS: PLAN_RULES, trafficRequest

// EXTERNAL MODULE: ./lib/assets/plan.js + 2 modules
var assets_plan = __webpack_require__(7275);
// EXTERNAL MODULE: ./lib/assets/upload.js
var upload = __webpack_require__(3884);
// EXTERNAL MODULE: ./lib/azure/json.js
var json = __webpack_require__(2765);
// EXTERNAL MODULE: ./lib/checks/assets.js
var assets = __webpack_require__(1700);
// EXTERNAL MODULE: ./lib/checks/check.js
var check = __webpack_require__(5229);
// EXTERNAL MODULE: ./lib/secrets/parse.js
var parse = __webpack_require__(8586);
;// CONCATENATED MODULE: ./lib/checks/diff.js
// The plan's field-level diff: the REST body the translator would send (src/manifests/rest.ts) against
// the live GET body, ignoring what the service fills in, so that an unchanged file reads "no
// change" (docs/online-checks.md §plan-diff). Pure; secret-free output.
//
//   diffResource(desired, live, options?): ResourceDiff     create | update (changed paths, before → after) | no-change
//   diffTraffic(before, after): TrafficDiff                 per deployment, before → after
//   describeChange(change): string                          "properties.instanceType: Standard_DS3_v2 → Standard_F4s_v2"
//
// What the service fills in (from the GET examples of the ML REST API and the defaults of the
// managed online deployment YAML reference,
// https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-managed-online):
// read-only fields (id, name, type, systemData, provisioningState, scoringUri, swaggerUri, the
// identity's principal and tenant ids), and defaults for what the body leaves out (scale settings
// `Default`, request settings, probes, public network access `Enabled`, description null).
// A field only the live body has is a change only where the body owns the whole map (tags,
// properties, environment variables: a PUT replaces them) or where a known default says what
// leaving it out means; anything else the service adds is ignored, never shown as noise.

/** A secret-injection reference names a secret, it is not one: shown as written (one answer, src/secrets/parse.ts). */
const isReference = (v) => (0,parse/* parseExactReference */.ik)(v) !== undefined;
const isObj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const PROBE_DEFAULT = { initialDelay: 'PT10S', period: 'PT10S', timeout: 'PT2S', successThreshold: 1, failureThreshold: 30 };
/** Defaults by path (`*` matches one key): what a body that leaves the field out gets. */
const DEFAULTS = {
    'properties.description': null,
    'properties.publicNetworkAccess': 'Enabled',
    'properties.egressPublicNetworkAccess': 'Enabled',
    'properties.appInsightsEnabled': false,
    'properties.scaleSettings': { scaleType: 'Default' },
    'properties.requestSettings': { requestTimeout: 'PT5S', maxConcurrentRequestsPerInstance: 1, maxQueueWait: 'PT0.5S' },
    'properties.livenessProbe': PROBE_DEFAULT,
    'properties.readinessProbe': PROBE_DEFAULT,
    'properties.mirrorTraffic': {},
    'properties.traffic': {},
};
/** Read-only or service-assigned: never compared. */
const IGNORED = [
    /^(id|name|type|etag|kind|systemData)$/,
    /^properties\.(provisioningState|scoringUri|swaggerUri|openApiUri)$/,
    /^identity\.(principalId|tenantId)$/,
    /^identity\.userAssignedIdentities\..+\.(principalId|clientId)$/,
    /^sku\.(tier|size|family)$/,
    // Bookkeeping the service writes into the endpoint's properties bag.
    /^properties\.properties\.(azureml\..*|AzureAsyncOperationUri|createdBy)$/i,
    // Traffic moves through its own step (diffTraffic), not through the resource body.
    /^properties\.(traffic|mirrorTraffic)(\..*)?$/,
];
/** Maps the body owns entirely: a key only live has is removed by the PUT. */
const OWNED_MAPS = [/^tags$/, /^properties\.properties$/, /^properties\.environmentVariables$/, /^identity\.userAssignedIdentities$/];
/** Enumerations the service may return in another case than the SDK sends. */
const CASE_INSENSITIVE = new Set(['type', 'authMode', 'publicNetworkAccess', 'egressPublicNetworkAccess', 'endpointComputeType', 'scaleType', 'dataCollectionMode', 'rollingRate', 'instanceType', 'name']);
const PENDING = /^\{\{pending:[^}]*\}\}$/;
const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const SECRET_NAME = /secret|password|passwd|token|credential|api[_-]?key|access[_-]?key|connection[_-]?string|^key$|_key$/i;
function pathOf(parent, key) {
    const k = /^[A-Za-z0-9_-]+$/.test(key) ? key : `[${JSON.stringify(key)}]`;
    return parent === '' ? k : k.startsWith('[') ? `${parent}${k}` : `${parent}.${k}`;
}
function ignored(path) {
    return IGNORED.some((re) => re.test(path.replace(/\["([^"]*)"\]/g, '.$1')));
}
function defaultAt(path) {
    if (Object.hasOwn(DEFAULTS, path))
        return { known: true, value: DEFAULTS[path] };
    const dot = path.lastIndexOf('.');
    if (dot > 0) {
        const parent = DEFAULTS[path.slice(0, dot)];
        if (isObj(parent) && Object.hasOwn(parent, path.slice(dot + 1)))
            return { known: true, value: parent[path.slice(dot + 1)] };
    }
    return { known: false };
}
function durationMs(s) {
    const m = ISO_DURATION.exec(s);
    if (!m || s === 'P' || s === 'PT')
        return undefined;
    const [, d = '0', h = '0', min = '0', sec = '0'] = m;
    return ((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60_000 + Number(sec) * 1000;
}
function sameScalar(key, a, b) {
    if (a === b)
        return true;
    if (typeof a === 'string' && typeof b === 'string') {
        if (a.startsWith('/subscriptions/') || CASE_INSENSITIVE.has(key))
            return a.toLowerCase() === b.toLowerCase();
        if (key === 'location')
            return a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
        const da = durationMs(a);
        const db = durationMs(b);
        if (da !== undefined && db !== undefined)
            return da === db;
    }
    return false;
}
function same(key, a, b) {
    if (isObj(a) && isObj(b)) {
        const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
        return [...keys].every((k) => same(k, a[k] ?? null, b[k] ?? null));
    }
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((x, i) => same(key, x, b[i]));
    return sameScalar(key, a, b);
}
const isEmpty = (v) => v === null || v === undefined || (isObj(v) && Object.keys(v).length === 0) || (Array.isArray(v) && v.length === 0);
/** Case-insensitive key lookup, for maps keyed by ARM ids. */
function liveKey(live, key, insensitive) {
    if (Object.hasOwn(live, key))
        return key;
    if (!insensitive)
        return undefined;
    return Object.keys(live).find((k) => k.toLowerCase() === key.toLowerCase());
}
function walk(desired, live, parent, out, w) {
    const { render } = w;
    const skip = (key) => parent === 'tags' && w.ignoredTag(key);
    const insensitive = parent === 'identity.userAssignedIdentities';
    const owned = OWNED_MAPS.some((re) => re.test(parent));
    const seen = new Set();
    for (const [key, want] of Object.entries(desired)) {
        const path = pathOf(parent, key);
        const lk = liveKey(live, key, insensitive);
        if (lk !== undefined)
            seen.add(lk);
        if (ignored(path) || skip(key))
            continue;
        const has = lk === undefined ? undefined : live[lk];
        if (typeof want === 'string' && PENDING.test(want)) {
            out.push({ path, kind: has === undefined ? 'added' : 'changed', ...(has === undefined ? {} : { before: render(path, has) }), after: 'decided at deploy (asset to register or label to resolve)', pending: true });
            continue;
        }
        if (insensitive) {
            // A user-assigned identity: its presence is what counts, its value is the service's.
            if (lk === undefined)
                out.push({ path, kind: 'added', after: 'assigned' });
            continue;
        }
        if (isObj(want) && (isObj(has) || has === undefined)) {
            const base = defaultAt(path);
            const liveObj = isObj(has) ? has : {};
            if (has === undefined && !Object.keys(want).length)
                continue;
            if (has === undefined && !base.known && !OWNED_MAPS.some((re) => re.test(path))) {
                out.push({ path, kind: 'added', after: render(path, want) });
                continue;
            }
            walk(want, liveObj, path, out, w);
            continue;
        }
        if (has === undefined) {
            if (isEmpty(want))
                continue;
            const base = defaultAt(path);
            if (base.known && same(key, want, base.value))
                continue;
            out.push({ path, kind: 'added', after: render(path, want) });
            continue;
        }
        // Values of owned maps (variables, tags) are the user's text: a change of letter case is a change.
        const differs = owned ? JSON.stringify(want) !== JSON.stringify(has) : !same(key, want, has);
        if (differs)
            out.push({ path, kind: 'changed', before: render(path, has), after: render(path, want) });
    }
    for (const [key, has] of Object.entries(live)) {
        if (seen.has(key))
            continue;
        const path = pathOf(parent, key);
        // The service answers '' for a description never set; in a map the body owns, '' is a value.
        if (ignored(path) || skip(key) || isEmpty(has) || (!owned && has === ''))
            continue;
        const base = defaultAt(path);
        if (owned) {
            out.push({ path, kind: 'removed', before: insensitive ? 'assigned' : render(path, has) });
        }
        else if (base.known && isObj(has) && isObj(base.value)) {
            walk({}, has, path, out, w); // field by field against the default object
        }
        else if (base.known && !same(key, has, base.value)) {
            out.push({ path, kind: 'changed', before: render(path, has), after: `${render(path, base.value)} (the default)` });
        }
    }
}
/** A rendering that never shows a secret: known secret values and secret-looking environment variables become `***`. */
function renderer(options) {
    const secrets = (options.secretValues ?? []).filter((s) => s.length > 0);
    const mask = (text) => secrets.reduce((t, s) => t.split(s).join('***'), text);
    return (path, v) => {
        const envName = /^properties\.environmentVariables(?:\.|\[")([^"]+?)(?:"\])?$/.exec(path)?.[1];
        if (envName && typeof v === 'string' && SECRET_NAME.test(envName) && !isReference(v))
            return '***';
        if (path === 'properties.environmentVariables' && isObj(v)) {
            return mask(JSON.stringify(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && SECRET_NAME.test(k) && !isReference(x) ? '***' : x]))));
        }
        return mask(typeof v === 'string' ? v : JSON.stringify(v));
    };
}
function diffResource(desired, live, options = {}) {
    if (live === undefined)
        return { action: 'create' };
    const changes = [];
    walk(desired, live, '', changes, { render: renderer(options), ignoredTag: options.ignoredTag ?? (() => false) });
    changes.sort((a, b) => a.path.localeCompare(b.path));
    return changes.length ? { action: 'update', changes } : { action: 'no-change' };
}
function describeChange(c) {
    if (c.kind === 'added')
        return `${c.path}: + ${c.after}`;
    if (c.kind === 'removed')
        return `${c.path}: − ${c.before}`;
    return `${c.path}: ${c.before} → ${c.after}`;
}
/** Traffic before → after; names compared case-insensitively (the service lower-cases them). */
function diffTraffic(before, after) {
    const lower = (m) => new Map(Object.entries(m).map(([k, v]) => [k.toLowerCase(), v]));
    const b = lower(before);
    const a = lower(after);
    const names = [...new Set([...b.keys(), ...a.keys()])].sort();
    const rows = names.map((deployment) => ({ deployment, before: b.get(deployment) ?? 0, after: a.get(deployment) ?? 0 })).filter((r) => r.before !== 0 || r.after !== 0);
    return { changed: rows.some((r) => r.before !== r.after), rows };
}

// EXTERNAL MODULE: ./lib/findings/finding.js
var finding = __webpack_require__(6939);
// EXTERNAL MODULE: ./lib/apply/lease.js
var lease = __webpack_require__(2798);
// EXTERNAL MODULE: ./lib/apply/trace-tags.js
var trace_tags = __webpack_require__(9415);
// EXTERNAL MODULE: ./lib/apply/traffic-plan.js
var traffic_plan = __webpack_require__(8274);
// EXTERNAL MODULE: ./lib/manifests/index.js
var manifests = __webpack_require__(9878);
;// CONCATENATED MODULE: ./lib/modes/validate-plan.js
// The plan, computed once (docs/architecture.md §5): for the endpoint and each deployment, the
// exact body deploy will send (the file's fields with the workspace's region, the action's trace
// tags, the live traffic, resolved labels and local asset ids), what it does to the live resource
// (create | update | no change | unknown) and the field diff, from one diff function
// (src/checks/diff.ts); the traffic steps from the inputs, the files and the live endpoint; and
// the findings of everything the inputs ask of Azure that cannot be done. validate shows it; apply
// executes it as it stands and re-diffs with `liveDiff` right before each write. Pure.











/** The one diff between a planned body and a live resource: trace tags and service-filled fields ignored. */
function liveDiff(body, live, secretValues) {
    // The run's lease (docs/rollout.md §6) is bookkeeping, like the trace tags: never a change.
    const d = diffResource(body, live, { secretValues, ignoredTag: (key) => (0,trace_tags/* isTraceTag */.a$)(key) || (0,lease/* isLeaseTag */.ZN)(key) });
    if (d.action === 'create')
        return { change: 'create', diff: [] };
    if (d.action === 'no-change')
        return { change: 'no change', diff: [] };
    return { change: 'update', diff: d.changes.map(describeChange) };
}
/** An endpoint PUT body rebuilt from the live GET (runs with deployment files only): the writable fields. */
function endpointBodyFromLive(live) {
    const p = (0,json/* obj */.WL)(live.properties);
    const identity = (live.identity ?? {});
    const id = { type: identity.type ?? 'SystemAssigned' };
    if (identity.userAssignedIdentities && Object.keys(identity.userAssignedIdentities).length) {
        id.userAssignedIdentities = Object.fromEntries(Object.keys(identity.userAssignedIdentities).map((k) => [k, {}]));
    }
    const properties = { authMode: p.authMode, properties: p.properties ?? {}, traffic: p.traffic ?? {}, mirrorTraffic: p.mirrorTraffic ?? {} };
    for (const key of ['description', 'publicNetworkAccess', 'compute'])
        if (p[key] !== undefined && p[key] !== null)
            properties[key] = p[key];
    // Without the lease tag: each write carries the lease of the moment (src/apply/lease.ts).
    const body = { location: live.location, identity: id, tags: (0,lease/* withoutLease */.zI)((live.tags ?? {})), properties };
    if (live.kind)
        body.kind = live.kind;
    return body;
}
/** What the traffic inputs (or, without them, the endpoint file) ask for. */
function trafficRequest(inputs, endpoint) {
    if (inputs.rolloutSteps)
        return { kind: 'steps', steps: inputs.rolloutSteps };
    if (inputs.traffic?.kind === 'all')
        return { kind: 'all' };
    if (inputs.traffic?.kind === 'map')
        return { kind: 'map', weights: inputs.traffic.weights };
    if (endpoint && (endpoint.traffic.length || endpoint.mirrorTraffic.length)) {
        const map = (entries) => Object.fromEntries(entries.map((e) => [e.name, e.percent]));
        return { kind: 'file', traffic: map(endpoint.traffic), mirrorTraffic: map(endpoint.mirrorTraffic) };
    }
    return { kind: 'none' };
}
/** The rules the plan itself reports (the check registry owns the others). */
const PLAN_RULES = (/* unused pure expression or super */ null && (['resource-unreadable', 'asset-not-found', 'traffic', 'deployment-failed']));
const validate_plan_PENDING = /\{\{pending:([^}]*)\}\}/;
const FAILED_STATES = new Set(['failed', 'canceled']);
function computePlan(input) {
    const { facts, workspace: ws } = input;
    const findings = [];
    const spec = input.endpoint;
    const epAt = spec ? (spec.spans.name ? (0,check.at)(spec.file, spec.spans.name) : { file: spec.file, line: 1, column: 1 }) : locate(input.deployments[0]);
    const liveEndpoint = facts.endpoint.kind === 'found' ? facts.endpoint.value : undefined;
    const endpointUnknown = facts.endpoint.kind === 'unreadable';
    const liveDeployments = facts.deployments.kind === 'found' ? facts.deployments.value : {};
    const deploymentsUnknown = facts.deployments.kind === 'unreadable';
    const liveTraffic = liveEndpoint?.traffic ?? {};
    const liveMirror = liveEndpoint?.mirrorTraffic ?? {};
    const requests = [];
    const unreadable = (where, what, why) => unreadableFinding(input.mode, where, what, why);
    const unknownWhy = (l) => (l.kind === 'unreadable' ? l.why : '');
    // ---- Endpoint
    let trafficBody;
    if (spec) {
        const body = (0,traffic_plan/* withTraffic */.oO)((0,trace_tags/* withTraceTags */.bK)((0,manifests/* endpointRestBody */.S9)(spec, ws).body, input.tags), liveTraffic, liveMirror);
        trafficBody = body;
        const path = (0,manifests/* endpointPath */.nM)(ws, spec.name);
        const base = { method: 'PUT', path, apiVersion: manifests/* ML_API_VERSION */.W8, body, resource: { kind: 'endpoint', name: spec.name } };
        if (endpointUnknown) {
            requests.push({ ...base, change: 'unknown', description: `endpoint ${spec.name}: could not be read (${unknownWhy(facts.endpoint)})` });
            findings.push(unreadable(epAt, `endpoint ${spec.name}`, unknownWhy(facts.endpoint)));
        }
        else {
            const d = liveDiff(body, liveEndpoint?.body, input.secretValues);
            const recover = d.change === 'no change' && FAILED_STATES.has((liveEndpoint?.provisioningState ?? '').toLowerCase());
            const change = recover ? 'update' : d.change;
            const diff = recover ? [`provisioningState: ${liveEndpoint?.provisioningState} → Succeeded (written again)`] : d.diff;
            requests.push({ ...base, change, diff, description: `${verb(change)} endpoint ${spec.name}` });
        }
    }
    else if (liveEndpoint) {
        trafficBody = endpointBodyFromLive(liveEndpoint.body);
    }
    else if (!endpointUnknown && input.endpointName) {
        findings.push((0,finding/* makeFinding */.MH)('deployment-failed', epAt, `Endpoint ${input.endpointName} does not exist and no endpoint-file was given to create it.`, { severity: 'error', hint: 'Add endpoint-file, or create the endpoint first.' }));
    }
    else if (endpointUnknown) {
        findings.push(unreadable(epAt, `endpoint ${input.endpointName}`, unknownWhy(facts.endpoint)));
    }
    // ---- Deployments
    for (const d of input.deployments) {
        const rest = (0,manifests/* deploymentRestBody */.KE)(d, ws);
        const labels = resolveLabels((0,upload/* withAssetIds */.vc)(rest, input.localAssets), d, rest, facts);
        findings.push(...labels.findings.map((f) => (f.rule === 'resource-unreadable' ? unreadable(f, f.message, 'its versions could not be listed') : f)));
        const body = (0,trace_tags/* withTraceTags */.bK)(labels.body, input.tags);
        const pending = validate_plan_PENDING.exec(JSON.stringify(body));
        if (pending && !labels.explained && input.localAssetsRead) {
            findings.push((0,finding/* makeFinding */.MH)('asset-not-found', locate(d), `Deployment ${d.name} names ${pending[1] ?? 'an asset'}, which the action cannot resolve to a version.`, { severity: 'error', hint: 'Reference the asset as azureml:<name>:<version> or azureml:<name>@latest, or fix the path of the conda file.' }));
        }
        const base = { method: 'PUT', path: rest.path, apiVersion: rest.apiVersion, body, resource: { kind: 'deployment', name: d.name } };
        const live = Object.entries(liveDeployments).find(([name]) => name.toLowerCase() === d.name.toLowerCase())?.[1];
        if (deploymentsUnknown || endpointUnknown) {
            const why = unknownWhy(facts.deployments) || unknownWhy(facts.endpoint);
            requests.push({ ...base, change: 'unknown', description: `deployment ${d.name}: could not be read (${why})` });
            if (!endpointUnknown)
                findings.push(unreadable(locate(d), `deployment ${d.name}`, why));
            continue;
        }
        const diff = liveDiff(body, live?.body, input.secretValues);
        const recover = diff.change === 'no change' && FAILED_STATES.has((live?.provisioningState ?? '').toLowerCase());
        const change = recover ? 'update' : diff.change;
        requests.push({ ...base, change, diff: recover ? [`provisioningState: ${live?.provisioningState} → Succeeded (written again)`] : diff.diff, description: `${verb(change)} deployment ${d.name} on endpoint ${d.endpointName}` });
    }
    // ---- Traffic: planned from the live map, so the plan says what Azure will hold.
    let traffic;
    let trafficNotes = [];
    if (!endpointUnknown) {
        const target = input.deployments.length === 1 ? input.deployments[0]?.name.toLowerCase() : undefined;
        const request = trafficRequest(input.inputs, spec);
        if (input.deployments.length > 1 && (request.kind === 'steps' || request.kind === 'all' || input.inputs.mirrorPercent !== undefined)) {
            findings.push((0,finding/* makeFinding */.MH)('traffic', epAt, `rollout-steps, traffic: all and mirror-percent move one deployment; this run deploys ${input.deployments.length}.`, { severity: 'error', hint: 'Give one deployment file, or an explicit traffic map.' }));
        }
        const known = [...new Set([...Object.keys(liveDeployments), ...input.deployments.map((d) => d.name)].map((n) => n.toLowerCase()))];
        const i = input.inputs;
        const gatesConfigured = Boolean(i.smokeRequestFile || i.maxErrorRate !== undefined || i.maxLatencyP99Ms !== undefined || i.bakeTimeMs);
        const tp = (0,traffic_plan/* planTraffic */.H6)({ live: liveTraffic, liveMirror, deployment: target, deployments: known, request, mirrorPercent: i.mirrorPercent, gatesConfigured });
        for (const p of tp.problems)
            findings.push((0,finding/* makeFinding */.MH)('traffic', epAt, p, { severity: 'error' }));
        const last = tp.steps.at(-1);
        traffic = {
            before: tp.previous.traffic,
            after: last?.traffic ?? tp.previous.traffic,
            mirrorBefore: tp.previous.mirrorTraffic,
            mirrorAfter: last?.mirrorTraffic ?? tp.previous.mirrorTraffic,
            steps: tp.steps,
            rollback: tp.previous,
        };
        trafficNotes = tp.notes;
    }
    // ---- Retention: idle deployments beyond keep-deployments are deleted after a successful run.
    if (traffic && liveEndpoint)
        requests.push(...retention(input, liveDeployments, traffic));
    const assets = [...(0,assets_plan/* planLines */.HN)(input.localAssets), ...input.offlineAssets];
    const changes = requests.some((r) => r.change !== 'no change') || (traffic?.steps.length ?? 0) > 0 || input.localAssets.changes;
    const notes = [
        `Plan: ${requests.map((r) => `${r.change} ${r.resource?.kind} ${r.resource?.name}`).join('; ') || 'nothing to send'}.`,
        traffic ? `Traffic: ${(0,traffic_plan/* describeTraffic */.hA)(traffic)}.` : 'Traffic: unknown (the endpoint could not be read).',
        ...trafficNotes,
        ...requests.filter((r) => r.resource?.kind === 'deployment' && r.change === 'create').map((r) => input.inputs.rollbackOnFailure && !input.inputs.keepFailedDeployment
            ? `On failure: deployment ${r.resource?.name} is new, so if it fails or is rolled back without serving it is deleted (keep-failed-deployment: true keeps it).`
            : `On failure: deployment ${r.resource?.name} is kept even if it never serves (${input.inputs.keepFailedDeployment ? 'keep-failed-deployment' : 'rollback-on-failure: false'}).`),
        ...input.outcome.quota.map((q) => `Quota: ${q}`),
        ...input.outcome.identityPlan.map((line) => `Roles: ${line}`),
    ];
    const plan = { requests, assets, ...(traffic ? { traffic } : {}), quota: input.outcome.quota, identity: input.outcome.identityPlan };
    return { plan, changes, notes, findings, ...(trafficBody ? { trafficBody } : {}) };
}
/** The deployments no file names that serve no live or mirrored traffic once the run is done, beyond the newest keep-deployments. */
function retention(input, live, traffic) {
    const named = new Set(input.deployments.map((d) => d.name.toLowerCase()));
    const serves = (name) => (traffic.after[name] ?? 0) > 0 || (traffic.mirrorAfter[name] ?? 0) > 0;
    const createdAt = (d) => Date.parse(String((0,json/* obj */.WL)(d.body.systemData).createdAt ?? '')) || 0;
    const idle = Object.values(live).filter((d) => !named.has(d.name.toLowerCase()) && !serves(d.name.toLowerCase())).sort((a, b) => createdAt(b) - createdAt(a));
    const keep = input.inputs.keepDeployments;
    return idle.slice(keep).map((d) => ({
        method: 'DELETE',
        path: (0,manifests/* deploymentPath */.nR)(input.workspace, input.endpointName, d.name),
        apiVersion: manifests/* ML_API_VERSION */.W8,
        description: `delete deployment ${d.name} after a successful run: it serves no traffic and is not among the ${keep} newest idle deployment(s) (keep-deployments)`,
        change: 'delete',
        resource: { kind: 'deployment', name: d.name },
    }));
}
function verb(change) {
    return change === 'no change' ? 'no change to' : change ?? 'create or update';
}
function locate(d) {
    if (!d)
        return { file: '', line: 1, column: 1 };
    return d.spans.name ? (0,check.at)(d.file, d.spans.name) : { file: d.file, line: 1, column: 1 };
}
function unreadableFinding(mode, where, what, why) {
    return (0,finding/* makeFinding */.MH)('resource-unreadable', where, `The ${what} could not be read (${why}): deploy does not write what it could not compare, and does not treat it as missing.`, {
        severity: mode === 'deploy' ? 'error' : 'warning',
        hint: 'Run again once Azure answers; if it keeps failing, give the workflow identity read access to the workspace (Reader or AzureML Data Scientist).',
    });
}
/** `azureml:name@latest` and other labels, replaced by the version validate read (one request per asset). */
function resolveLabels(body, d, rest, facts) {
    const out = structuredClone(body);
    const findings = [];
    let explained = false;
    for (const item of rest.assets.filter((a) => a.action === 'resolve-label')) {
        const ref = (0,assets/* assetReferences */.NE)(d).find((r) => r.span.line === item.span.line && r.span.column === item.span.column);
        const lookup = ref ? (0,check/* lookupCI */.d5)(facts.assets, ref.ref.text) : undefined;
        if (lookup?.kind === 'found') {
            (0,upload/* setPointer */.OW)(out, item.pointer, lookup.value.id);
            continue;
        }
        // A missing asset is the assets check's finding (asset-not-found); an unreadable one stops deploy.
        explained = true;
        if (ref && lookup?.kind === 'unreadable')
            findings.push((0,finding/* makeFinding */.MH)('resource-unreadable', (0,check.at)(d.file, ref.span), `${ref.field} ${ref.ref.text}`));
        else if (ref && lookup === undefined) {
            findings.push((0,finding/* makeFinding */.MH)('asset-not-found', (0,check.at)(d.file, ref.span), `${ref.field} ${ref.ref.text}: the action resolves only @latest; the label ${item.label ?? ''} cannot be resolved before the deployment is written.`, { severity: 'error', hint: `Reference the version the label points at: azureml:${item.name ?? '<name>'}:<version>, or use @latest.` }));
        }
    }
    return { body: out, findings, explained };
}


/***/ })

};

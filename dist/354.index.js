export const id = 682;
export const ids = [682];
export const modules = {

/***/ 4682:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deployFacts: () => (/* binding */ deployFacts),
  deployMode: () => (/* binding */ deployMode)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./lib/assets/plan.js + 2 modules
var assets_plan = __webpack_require__(7275);
// EXTERNAL MODULE: ./lib/azure/assets.js
var assets = __webpack_require__(9597);
// EXTERNAL MODULE: ./lib/assets/names.js
var names = __webpack_require__(7617);
;// CONCATENATED MODULE: ./lib/assets/upload.js
// Deploy's side of the asset plan (docs/local-assets.md §6): upload what is not there yet and
// register each version, then hand back the ids the deployment bodies carry. Files are streamed
// (several at once, large ones in parallel blocks, each request retried by the storage pipeline);
// the indicator file goes last with the completion metadata, so an interrupted upload is never
// taken for a finished one. Progress (files and bytes) is logged as it goes; run it inside the
// deploy phase's log group.



const TYPE = { model: 'models', code: 'codes', environment: 'environments', data: 'data' };
function uploadLocalAssets(session, plan, options = {}) {
    return uploadWith((0,assets_plan/* assetIo */.Do)(session), plan, options);
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
        body.properties.codeUri = (0,names/* pendingUploadCodeUri */.Wt)(pending.blobUri, upload.local.kind, upload.local.name);
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
        if (!(target.kind === 'datastore' && folder.auth.kind === 'token' && target.datastore.credentialsType === 'AccountKey' && (0,assets/* statusOf */.c2)(error) === 403))
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
        await send(indicator, { ...names/* UPLOAD_CONFIRMATION */.Wi, name: item.name, version: item.version });
}
async function isComplete(io, folder, blob) {
    const meta = await io.blobs.readMetadata(folder, blob).catch(() => undefined);
    return meta?.upload_status === names/* UPLOAD_CONFIRMATION */.Wi.upload_status;
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
            log(`Uploading ${this.totalFiles} file(s), ${(0,assets_plan/* formatBytes */.z3)(this.totalBytes)}.`);
    }
    note(line) {
        this.log(line);
    }
    skipped(item, files, bytes) {
        this.log(`${item.kind} ${item.name}:${item.version}: the files are already uploaded (${files} file(s), ${(0,assets_plan/* formatBytes */.z3)(bytes)}); nothing sent.`);
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
        this.log(`  ${this.files}/${this.totalFiles} files, ${(0,assets_plan/* formatBytes */.z3)(this.bytes)} of ${(0,assets_plan/* formatBytes */.z3)(this.totalBytes)}`);
    }
    finish() {
        if (this.totalFiles > 0)
            this.log(`Uploaded ${this.files} file(s), ${(0,assets_plan/* formatBytes */.z3)(this.bytes)}.`);
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

// EXTERNAL MODULE: ./lib/checks/local-assets.js
var local_assets = __webpack_require__(7998);
// EXTERNAL MODULE: ./lib/azure/session.js + 1 modules
var azure_session = __webpack_require__(7076);
// EXTERNAL MODULE: ./lib/inputs.js
var inputs = __webpack_require__(646);
// EXTERNAL MODULE: ./lib/secrets/parse.js
var parse = __webpack_require__(8586);
// EXTERNAL MODULE: ./lib/source-files.js
var source_files = __webpack_require__(308);
// EXTERNAL MODULE: ./lib/spec/index.js
var lib_spec = __webpack_require__(4199);
;// CONCATENATED MODULE: ./lib/rollout/trace-tags.js
// Pure: traceability tags on the endpoint and the deployment (docs/rollout.md §1), so that anyone
// looking at them in Azure finds the repository, commit, workflow and run that deployed them.
// They are ignored when deciding whether anything changed: a re-run of the same inputs stays a
// no-op, and the tags keep naming the run that made the change.
const TRACE_TAG_PREFIX = 'github.';
/** From the runner's default variables (https://docs.github.com/actions/reference/variables-reference). */
function traceTags(env) {
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
/** The body with the trace tags added to its `tags` (the file's own tags win on a clash). */
function withTraceTags(body, tags) {
    const own = (body.tags ?? {});
    return { ...body, tags: { ...tags, ...own } };
}

;// CONCATENATED MODULE: ./lib/rollout/drift.js
// Pure: does Azure already hold what the run would send? A body is unchanged when every field it
// sets is present with the same value in the live GET body (the service adds read-only fields and
// its own `properties.properties` keys, "add-only": contracts of docs/secret-injection.md). Traffic
// is decided by the traffic plan, and the trace tags never count as a change (trace-tags.ts).

const IGNORED_PATHS = new Set(['$.properties.traffic', '$.properties.mirrorTraffic']);
/** Paths where the desired body differs from the live one; empty when a PUT would change nothing. */
function driftFrom(desired, live, path = '$') {
    if (IGNORED_PATHS.has(path))
        return [];
    if (desired === null || typeof desired !== 'object') {
        if (typeof desired === 'string' && typeof live === 'string')
            return desired.toLowerCase() === live.toLowerCase() ? [] : [path];
        return desired === live ? [] : [path];
    }
    if (Array.isArray(desired)) {
        if (!Array.isArray(live) || live.length !== desired.length)
            return [path];
        return desired.flatMap((d, i) => driftFrom(d, live[i], `${path}[${i}]`));
    }
    if (live === null || typeof live !== 'object' || Array.isArray(live))
        return Object.keys(desired).length === 0 && live === undefined ? [] : [path];
    const liveEntries = Object.entries(live);
    const out = [];
    for (const [key, value] of Object.entries(desired)) {
        if (path === '$.tags' && isTraceTag(key))
            continue;
        // ARM ids and dictionary keys come back in another case at times.
        const match = liveEntries.find(([k]) => k === key) ?? liveEntries.find(([k]) => k.toLowerCase() === key.toLowerCase());
        if (!match) {
            if (value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0))
                continue;
            out.push(`${path}.${key}`);
            continue;
        }
        out.push(...driftFrom(value, match[1], `${path}.${key}`));
    }
    return out;
}

;// CONCATENATED MODULE: ./lib/rollout/failure-codes.js
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
var rbac = __webpack_require__(6381);
// EXTERNAL MODULE: ./lib/checks/roles.js
var roles = __webpack_require__(7795);
// EXTERNAL MODULE: ./lib/rollout/lro.js
var lro = __webpack_require__(5570);
;// CONCATENATED MODULE: ./lib/rollout/keyvault-roles.js
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

;// CONCATENATED MODULE: ./lib/rollout/log-redaction.js
// Container logs are the user's own output, and a scoring script that prints its environment
// (`printenv`, `print(os.environ)`, a JSON dump) would put injected secret values into the run
// log. The action never holds those values (docs/architecture.md §4), so it redacts by name:
// wherever a log line assigns a value to a variable whose YAML value is a secret reference, the
// value is replaced. PURE.
const REDACTED = '***';
function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
/**
 * Replaces the values of the named variables in the forms environments are usually printed in:
 * `NAME=value` (printenv, `env`), `NAME: value` (YAML, logging), `"NAME": "value"` (JSON) and
 * `'NAME': 'value'` (a Python dict).
 */
function redactVariables(text, variables) {
    let out = text;
    for (const name of variables) {
        const n = escapeRegExp(name);
        // Quoted key and quoted value: JSON and Python reprs ("K": "v", 'K': 'v'), escapes included.
        out = out.replace(new RegExp(`(["'])(${n})\\1(\\s*[:=]\\s*)(["'])((?:\\\\.|(?!\\4).)*)\\4`, 'g'), (_m, q, key, sep, vq) => `${q}${key}${q}${sep}${vq}${REDACTED}${vq}`);
        // Bare key: NAME=value or NAME: value up to the end of the line (values may hold spaces).
        out = out.replace(new RegExp(`(^|[^\\w"'])(${n})(\\s*[:=]\\s*)(?!["'])(?!\\*\\*\\*)([^\\r\\n]+)`, 'gm'), (_m, before, key, sep) => `${before}${key}${sep}${REDACTED}`);
    }
    return out;
}

// EXTERNAL MODULE: ./lib/rollout/live.js
var rollout_live = __webpack_require__(5747);
// EXTERNAL MODULE: ./lib/rollout/rollout-state.js
var rollout_state = __webpack_require__(5012);
// EXTERNAL MODULE: ./lib/rollout/traffic-plan.js
var traffic_plan = __webpack_require__(8154);
// EXTERNAL MODULE: ./lib/findings/finding.js
var finding = __webpack_require__(6939);
;// CONCATENATED MODULE: ./lib/rollout/writes.js
// The writes of apply and their bookkeeping: findings, timeline rows, and how many writes Azure
// accepted (the report's `written`: nothing | partial | all, never "nothing" after a write).



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
        this.findings.push((0,finding/* makeFinding */.MH)(rule, at, message, { severity: 'error', ...(hint ? { hint } : {}) }));
    }
}
/** A write through an LRO; a refused write (ARM error on the PUT itself) becomes a failed outcome. */
async function writeLro(session, log, req, label, deadline) {
    const started = Date.now();
    try {
        return await (0,lro/* retryTransient */.jh)(label, deadline, async () => {
            const outcome = await (0,lro/* runLro */.z9)(session.arm, req, { label, deadline });
            log.writes += 1;
            return outcome;
        });
    }
    catch (error) {
        if (error instanceof azure_session/* ArmError */.dW)
            return { kind: 'failed', error: { code: error.code, message: error.message.replace(/^\w+ \S+: \d+ \w+: /, '') }, polls: 0, elapsedMs: Date.now() - started };
        throw error;
    }
}

;// CONCATENATED MODULE: ./lib/rollout/gates.js
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

;// CONCATENATED MODULE: ./lib/rollout/metrics.js
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

// EXTERNAL MODULE: ./node_modules/@azure/core-rest-pipeline/dist/esm/index.js + 87 modules
var esm = __webpack_require__(373);
// EXTERNAL MODULE: ./lib/spec/rest.js
var rest = __webpack_require__(9933);
;// CONCATENATED MODULE: ./lib/rollout/scoring.js
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

;// CONCATENATED MODULE: ./lib/rollout/traffic.js
// Traffic steps under gates, with rollback (docs/rollout.md §2–§5). Each step is a PUT of the
// endpoint with the step's traffic, read back (a platform that silently reverted fails the run),
// then held for bake-time while the gates run. A failed gate, read-back or write restores the
// previous traffic map exactly, with no gates on the way back, and reads it back too. The state
// saved before the first change lets the post step finish a restore if this process dies, and
// SIGINT/SIGTERM (a cancelled run) send the restore before exit.







const sleep = (ms) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
/** Applies one traffic map and reads it back; undefined when the write and read-back agree. */
async function applyMap(run, traffic, mirrorTraffic, label) {
    const { session, log, state } = run;
    // Never written over a running operation (an update that outlived an earlier wait, say).
    const ready = await (0,rollout_live/* waitWhileBusy */.uI)(`Endpoint ${state.endpointName}`, () => (0,rollout_live/* readEndpoint */.KW)(session, state.endpointPath, run.deadline), await (0,rollout_live/* readEndpoint */.KW)(session, state.endpointPath, run.deadline), run.deadline, 1000);
    if (ready.kind === 'timeout')
        return { problem: `the endpoint stayed ${ready.state} until the timeout` };
    const outcome = await writeLro(session, log, { method: 'PUT', path: state.endpointPath, apiVersion: state.apiVersion, body: (0,traffic_plan/* withTraffic */.oO)(state.body, traffic, mirrorTraffic) }, label, run.deadline);
    if (outcome.kind === 'failed')
        return { problem: `the traffic update failed: ${outcome.error.code}: ${outcome.error.message}` };
    if (outcome.kind === 'timeout')
        return { problem: 'the traffic update did not finish within the timeout budget' };
    const live = await (0,rollout_live/* readEndpoint */.KW)(session, state.endpointPath, run.deadline);
    if (!live)
        return { problem: 'the endpoint is gone' };
    if (!(0,traffic_plan/* sameTraffic */.UN)(live.traffic, traffic) || !(0,traffic_plan/* sameTraffic */.UN)(live.mirrorTraffic, mirrorTraffic)) {
        return { live, problem: `Azure holds traffic ${(0,traffic_plan/* formatTraffic */.zM)(live.traffic)} (mirror ${(0,traffic_plan/* formatTraffic */.zM)(live.mirrorTraffic)}) after asking for ${(0,traffic_plan/* formatTraffic */.zM)(traffic)} (mirror ${(0,traffic_plan/* formatTraffic */.zM)(mirrorTraffic)})` };
    }
    core.info(`Read back: traffic ${(0,traffic_plan/* formatTraffic */.zM)(live.traffic)}${Object.keys(live.mirrorTraffic).length ? `, mirror ${(0,traffic_plan/* formatTraffic */.zM)(live.mirrorTraffic)}` : ''}.`);
    return { live };
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
        await sleep(bakeUntil - Date.now());
    }
    if (!gates.metrics || !run.target)
        return undefined;
    for (;;) {
        const read = await readDeploymentMetrics(run.session, run.state.endpointPath, run.target, { start: since, end: Date.now() });
        const result = read.ok ? metricsVerdict(read.sample, gates.metrics) : { gate: 'metrics', verdict: 'inconclusive', detail: `no data: ${read.why}` };
        core.info(`${step.label}: metrics ${result.verdict} (${result.detail})`);
        const wait = Math.max(30_000, gates.bakeTimeMs);
        if (result.verdict !== 'inconclusive' || gates.onNoData !== 'hold' || Date.now() + wait > run.deadline)
            return result;
        core.info(`${step.label}: on-no-data: hold, so the step is held and the metrics read again in ${Math.round(wait / 1000)} s.`);
        await sleep(wait);
    }
}
/** Restores the previous map (no gates) and reads it back. */
async function restore(run, reason) {
    const started = Date.now();
    const { previous } = run.plan;
    const result = await core.group(`Rollback: restore traffic ${(0,traffic_plan/* formatTraffic */.zM)(previous.traffic)}`, async () => {
        core.info(`Rolling back: ${reason}`);
        return applyMap(run, previous.traffic, previous.mirrorTraffic, 'Rollback');
    });
    if (result.problem) {
        run.log.fail('deployment-failed', run.at, `The rollback did not restore traffic ${(0,traffic_plan/* formatTraffic */.zM)(previous.traffic)}: ${result.problem}.`, 'Restore the traffic by hand (az ml online-endpoint update --traffic) and check the endpoint.');
        run.log.entry('Rollback', started, 'failed', result.problem);
        return result.live;
    }
    run.log.entry('Rollback', started, 'rolled back', `traffic ${(0,traffic_plan/* formatTraffic */.zM)(previous.traffic)} restored and read back`);
    run.log.notes.push(`Rolled back: ${reason}. Traffic is ${(0,traffic_plan/* formatTraffic */.zM)(previous.traffic)} again, as read back from Azure.`);
    run.saveState({ ...run.state, status: 'finished' });
    return result.live;
}
let signalRestore;
/** SIGINT/SIGTERM while traffic is moving: send the restore, then exit; the post step verifies it. */
function armSignals(run) {
    let sent = false;
    signalRestore = (signal) => {
        if (sent)
            return;
        sent = true;
        core.warning(`Received ${signal} mid-rollout: sending the restore of traffic ${(0,traffic_plan/* formatTraffic */.zM)(run.plan.previous.traffic)} before exit; the post step verifies it.`);
        const { previous } = run.plan;
        const body = (0,traffic_plan/* withTraffic */.oO)(run.state.body, previous.traffic, previous.mirrorTraffic);
        setTimeout(() => process.exit(1), 6000).unref();
        run.session.arm
            .send({ method: 'PUT', path: run.state.endpointPath, apiVersion: run.state.apiVersion, body })
            .then(() => core.info('Restore sent.'), (error) => core.warning(`The restore could not be sent: ${error instanceof Error ? error.message : String(error)}`))
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
        return (0,rollout_live/* readEndpoint */.KW)(run.session, run.state.endpointPath, run.deadline);
    run.saveState(run.state);
    const disarm = armSignals(run);
    let scorer;
    let last;
    try {
        if (gates.smokeRequest && run.target && run.scoring.scoringUri) {
            scorer = await createScorer(run.session, { endpointPath: run.state.endpointPath, scoringUri: run.scoring.scoringUri, authMode: run.scoring.authMode });
        }
        for (const step of plan.steps) {
            const started = Date.now();
            const name = `Traffic: ${step.label}`;
            const applied = await core.group(name, () => applyMap(run, step.traffic, step.mirrorTraffic, name));
            if (applied.problem) {
                log.entry(name, started, 'failed', applied.problem);
                log.fail('deployment-failed', run.at, `Traffic step "${step.label}": ${applied.problem}.`, 'Nothing reports success until Azure holds the traffic asked for; check who else changes this endpoint.');
                return run.rollbackOnFailure ? await restore(run, `step "${step.label}": ${applied.problem}`) : applied.live;
            }
            last = applied.live;
            log.entry(name, started, 'ok', `read back ${(0,traffic_plan/* formatTraffic */.zM)(last?.traffic)}`);
            if (!step.gated)
                continue;
            const gateStarted = Date.now();
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
                    return await restore(run, why);
                run.saveState({ ...run.state, status: 'finished' });
                return last;
            }
        }
        run.saveState({ ...run.state, status: 'finished' });
        return last;
    }
    catch (error) {
        // An unexpected failure mid-rollout still restores the traffic before it is reported.
        if (run.rollbackOnFailure)
            await restore(run, `unexpected error: ${error instanceof Error ? error.message : String(error)}`).catch(() => undefined);
        throw error;
    }
    finally {
        disarm();
    }
}

;// CONCATENATED MODULE: ./lib/rollout/apply.js
// mode: deploy, the apply phase (docs/rollout.md): endpoint, Key Vault access of a new identity,
// deployments, then traffic under gates with rollback. Every change is read back; a service failure
// becomes a finding with what was written so far, never a throw (src/modes/mode.ts).



















function bodyOf(outcome) {
    return outcome.kind === 'failed' ? `${outcome.error.code}: ${outcome.error.message}` : outcome.kind;
}
/** An endpoint PUT body rebuilt from the live GET (runs with deployment files only): the writable fields. */
function endpointBodyFromLive(live) {
    const p = (live.properties ?? {});
    const identity = (live.identity ?? {});
    const id = { type: identity.type ?? 'SystemAssigned' };
    if (identity.userAssignedIdentities && Object.keys(identity.userAssignedIdentities).length) {
        id.userAssignedIdentities = Object.fromEntries(Object.keys(identity.userAssignedIdentities).map((k) => [k, {}]));
    }
    const properties = { authMode: p.authMode, properties: p.properties ?? {}, traffic: p.traffic ?? {}, mirrorTraffic: p.mirrorTraffic ?? {} };
    for (const key of ['description', 'publicNetworkAccess', 'compute'])
        if (p[key] !== undefined && p[key] !== null)
            properties[key] = p[key];
    const body = { location: live.location, identity: id, tags: live.tags ?? {}, properties };
    if (live.kind)
        body.kind = live.kind;
    return body;
}
function trafficRequest(inputs, run) {
    if (inputs.rolloutSteps)
        return { kind: 'steps', steps: inputs.rolloutSteps };
    if (inputs.traffic?.kind === 'all')
        return { kind: 'all' };
    if (inputs.traffic?.kind === 'map')
        return { kind: 'map', weights: inputs.traffic.weights };
    const ep = run.analysis.endpoint;
    if (ep && (ep.traffic.length || ep.mirrorTraffic.length)) {
        const map = (entries) => Object.fromEntries(entries.map((e) => [e.name, e.percent]));
        return { kind: 'file', traffic: map(ep.traffic), mirrorTraffic: map(ep.mirrorTraffic) };
    }
    return { kind: 'none' };
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
async function applyDeploy(run, facts) {
    const { inputs, analysis } = run;
    const { session } = facts;
    const deadline = Date.now() + inputs.timeoutMs;
    const log = new ApplyLog(run.timeline);
    const ws = { subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: facts.location };
    const spec = analysis.endpoint;
    const endpointName = spec?.name ?? analysis.deployments[0]?.endpointName ?? '';
    const epPath = (0,lib_spec/* endpointPath */.nM)(ws, endpointName);
    const epFile = { file: spec?.file ?? analysis.deployments[0]?.file ?? '', line: spec?.spans.name?.line ?? 1, column: spec?.spans.name?.column ?? 1 };
    const tags = traceTags(process.env);
    const result = (readBack) => ({ findings: log.findings, notes: log.notes, written: written(log), readBack });
    // ---- Before any write: everything that can be refused is refused now.
    const smokeRequest = readOptionalFile('smoke-request-file', inputs.smokeRequestFile);
    const smokeExpected = readOptionalFile('smoke-expected-file', inputs.smokeExpectedFile);
    // Local models, code and environments (docs/local-assets.md): planned now (read-only), uploaded
    // and registered just before the deployments; their ids replace the placeholders of the bodies.
    const rests = analysis.deployments.map((d) => ({ spec: d, rest: (0,lib_spec/* deploymentRestBody */.KE)(d, ws) }));
    let assetPlan;
    if (rests.some((r) => r.rest.assets.some((a) => a.action === 'register'))) {
        const assetsStarted = Date.now();
        try {
            assetPlan = await core.group('Apply: plan local assets', async () => {
                const p = await (0,assets_plan/* planLocalAssets */.wT)(session, rests.map((r) => r.rest));
                for (const item of p.items)
                    core.info(item.description);
                return p;
            });
            for (const f of (0,local_assets/* emptyLocalAssets */.C)(assetPlan.facts))
                log.fail(f.rule, f, f.message, f.hint);
            log.entry('Apply: plan local assets', assetsStarted, log.failed ? 'failed' : 'ok', `${assetPlan.items.filter((i) => !i.exists).length} to register, ${assetPlan.items.filter((i) => i.exists).length} unchanged`);
        }
        catch (error) {
            const first = analysis.deployments[0];
            log.fail('deployment-failed', first ? locate(first) : epFile, `Could not read what the local assets need (${error.message}); nothing was written.`, 'Give the workflow identity read access to the workspace assets, datastores and storage, then run again.');
            log.entry('Apply: plan local assets', assetsStarted, 'failed', error.message);
        }
    }
    const deploymentBodies = rests.map(({ spec: d, rest }) => ({ spec: d, path: (0,lib_spec/* deploymentPath */.nR)(ws, endpointName, d.name), body: withTraceTags(assetPlan ? withAssetIds(rest, assetPlan) : rest.body, tags) }));
    for (const d of deploymentBodies) {
        const pending = /\{\{pending:([^}]*)\}\}/.exec(JSON.stringify(d.body));
        if (pending) {
            log.fail('deployment-failed', { file: d.spec.file, line: d.spec.spans.name?.line ?? 1, column: 1 }, `Deployment ${d.spec.name} still holds an unresolved reference (${pending[1] ?? ''}): it names an asset by label or a conda file that could not be read.`, 'Reference the asset as azureml:<name>:<version>, or fix the path of the conda file.');
        }
    }
    const target = analysis.deployments.length === 1 ? analysis.deployments[0]?.name.toLowerCase() : undefined;
    const request = trafficRequest(inputs, run);
    if (analysis.deployments.length > 1 && (request.kind === 'steps' || request.kind === 'all' || inputs.mirrorPercent !== undefined)) {
        log.fail('traffic', epFile, `rollout-steps, traffic: all and mirror-percent move one deployment; this run deploys ${analysis.deployments.length}.`, 'Give one deployment file, or an explicit traffic map.');
    }
    const known = [...new Set([...Object.keys(facts.deployments), ...analysis.deployments.map((d) => d.name.toLowerCase())])];
    const gatesConfigured = Boolean(smokeRequest || inputs.maxErrorRate !== undefined || inputs.maxLatencyP99Ms !== undefined || inputs.bakeTimeMs);
    const prePlan = (0,traffic_plan/* planTraffic */.H6)({ live: facts.endpoint?.traffic ?? {}, liveMirror: facts.endpoint?.mirrorTraffic ?? {}, deployment: target, deployments: known, request, mirrorPercent: inputs.mirrorPercent, gatesConfigured });
    for (const p of prePlan.problems)
        log.fail('traffic', epFile, p);
    if (!spec && !facts.endpoint)
        log.fail('deployment-failed', epFile, `Endpoint ${endpointName} does not exist and no endpoint-file was given to create it.`, 'Add endpoint-file, or create the endpoint first.');
    if (log.failed)
        return result();
    // ---- Endpoint
    let endpoint = facts.endpoint;
    const epStarted = Date.now();
    const epLabel = `Apply: endpoint ${endpointName}`;
    const busy = await (0,rollout_live/* waitWhileBusy */.uI)(`Endpoint ${endpointName}`, () => (0,rollout_live/* readEndpoint */.KW)(session, epPath, deadline), endpoint, deadline);
    if (busy.kind === 'timeout') {
        log.fail('deployment-failed', epFile, `Endpoint ${endpointName} stayed ${busy.state} until the timeout; nothing was written over it.`, 'Wait for the other operation to finish (or raise timeout), then run again.');
        log.entry(epLabel, epStarted, 'failed', `still ${busy.state}`);
        return result();
    }
    endpoint = busy.value;
    const createdNow = !endpoint;
    let endpointBody = spec ? withTraceTags((0,lib_spec/* endpointRestBody */.S9)(spec, ws).body, tags) : endpointBodyFromLive(endpoint?.body ?? {});
    endpointBody = (0,traffic_plan/* withTraffic */.oO)(endpointBody, endpoint?.traffic ?? {}, endpoint?.mirrorTraffic ?? {});
    if (spec) {
        const drift = endpoint ? driftFrom(endpointBody, endpoint.body) : ['new'];
        if (endpoint && drift.length === 0 && endpoint.provisioningState.toLowerCase() === 'succeeded') {
            core.info(`Endpoint ${endpointName} already matches the file: not written.`);
            log.entry(epLabel, epStarted, 'ok', 'unchanged');
        }
        else {
            const outcome = await core.group(epLabel, async () => {
                core.info(endpoint ? `Updating endpoint ${endpointName} (${drift.slice(0, 5).join(', ')}).` : `Creating endpoint ${endpointName}.`);
                return writeLro(session, log, { method: 'PUT', path: epPath, apiVersion: lib_spec/* ML_API_VERSION */.W8, body: endpointBody }, `Endpoint ${endpointName}`, deadline);
            });
            if (outcome.kind !== 'succeeded') {
                const error = outcome.kind === 'failed' ? outcome.error : timeoutError(inputs);
                const entry = describeFailure(error.code);
                log.fail('deployment-failed', epFile, `Endpoint ${endpointName}: ${error.code}: ${error.message}`, `${entry.remedy} (${entry.docs})`);
                log.entry(epLabel, epStarted, 'failed', bodyOf(outcome));
                return result();
            }
            const after = await (0,rollout_live/* readEndpoint */.KW)(session, epPath, deadline);
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
    // ---- Local assets: upload what is not there yet and register the versions
    if (assetPlan?.changes) {
        const label = 'Apply: upload and register local assets';
        const upStarted = Date.now();
        try {
            const up = await core.group(label, () => uploadLocalAssets(session, assetPlan, { log: (line) => core.info(line) }));
            log.writes += up.registered.length;
            log.entry(label, upStarted, 'ok', `${up.registered.length} version(s) registered, ${up.uploadedFiles} file(s) uploaded`);
        }
        catch (error) {
            const partial = error instanceof AssetUploadError ? error.partial : undefined;
            log.writes += (partial?.registered.length ?? 0) + (partial?.uploadedFiles ? 1 : 0);
            const first = analysis.deployments[0];
            log.fail('deployment-failed', first ? locate(first) : epFile, `Uploading or registering local assets failed: ${error.message}`, 'Check that the workflow identity may write to the workspace storage (Storage Blob Data Contributor) and create asset versions, then run again: finished uploads are not sent twice.');
            log.entry(label, upStarted, 'failed', error.message);
            return result(readBackOf(endpoint));
        }
    }
    // ---- Deployments
    for (const d of deploymentBodies) {
        const ok = await applyDeployment(session, log, d, facts.deployments[d.spec.name.toLowerCase()], grantedHosts, deadline, inputs);
        if (!ok)
            return result(readBackOf(await (0,rollout_live/* readEndpoint */.KW)(session, epPath, deadline).catch(() => undefined)));
    }
    // ---- Traffic
    const before = await (0,rollout_live/* readEndpoint */.KW)(session, epPath, deadline);
    if (!before) {
        log.fail('deployment-failed', epFile, `Endpoint ${endpointName} disappeared during the run.`);
        return result();
    }
    const plan = (0,traffic_plan/* planTraffic */.H6)({ live: before.traffic, liveMirror: before.mirrorTraffic, deployment: target, deployments: known, request, mirrorPercent: inputs.mirrorPercent, gatesConfigured });
    log.notes.push(...plan.notes);
    for (const p of plan.problems)
        log.fail('traffic', epFile, p);
    if (log.failed)
        return result(readBackOf(before));
    const gates = {
        smokeRequest,
        smokeExpected,
        comparisonTolerance: inputs.comparisonTolerance,
        metrics: inputs.maxErrorRate !== undefined || inputs.maxLatencyP99Ms !== undefined ? { maxErrorRate: inputs.maxErrorRate, maxLatencyP99Ms: inputs.maxLatencyP99Ms, minRequests: inputs.minRequestCount } : undefined,
        onNoData: inputs.onNoData,
        bakeTimeMs: inputs.bakeTimeMs ?? 0,
    };
    const state = { version: 1, status: 'inProgress', endpointPath: epPath, apiVersion: lib_spec/* ML_API_VERSION */.W8, endpointName, body: endpointBody, previous: plan.previous, startedAt: new Date().toISOString() };
    const targetFile = target ? locate(analysis.deployments[0]) : epFile;
    const after = await runTraffic({ session, log, plan, state, gates, target, scoring: before, rollbackOnFailure: inputs.rollbackOnFailure, deadline, at: targetFile, saveState: (s) => core.saveState(rollout_state/* ROLLOUT_STATE_KEY */.UH, (0,rollout_state/* serializeState */.sU)(s)) });
    if (plan.steps.length === 0 && log.writes === 0)
        log.notes.push(`Nothing to change: Azure already holds what the files and inputs ask for (traffic ${(0,traffic_plan/* formatTraffic */.zM)(before.traffic)}).`);
    else if (!log.failed)
        log.notes.push(`Traffic: ${(0,traffic_plan/* formatTraffic */.zM)(plan.previous.traffic)} → ${(0,traffic_plan/* formatTraffic */.zM)(after?.traffic)} (read back).`);
    return result(readBackOf(after));
}
function locate(d) {
    return { file: d.file, line: d.spans.name?.line ?? 1, column: d.spans.name?.column ?? 1 };
}
function readBackOf(e) {
    if (!e)
        return undefined;
    return { scoringUri: e.scoringUri, swaggerUri: e.swaggerUri, traffic: e.traffic, mirrorTraffic: e.mirrorTraffic };
}
function written(log) {
    if (log.writes === 0)
        return 'nothing';
    return log.failed ? 'partial' : 'all';
}
function timeoutError(inputs) {
    return { code: 'DeploymentTimeout', message: `no answer within the timeout budget (${Math.round(inputs.timeoutMs / 1000)} s)` };
}
/** The tails of both containers' logs, with the values of secret-injected variables redacted. */
async function showLogs(session, path, spec) {
    const injected = Object.entries(spec.environmentVariables)
        .filter(([, value]) => value !== null && (0,parse/* parseExactReference */.ik)(value) !== undefined)
        .map(([name]) => name);
    const tails = await Promise.all(['StorageInitializer', 'InferenceServer'].map(async (containerType) => {
        try {
            const res = await session.arm.send({ method: 'POST', path: `${path}/getLogs`, apiVersion: lib_spec/* ML_API_VERSION */.W8, body: { containerType, tail: 50 } });
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
    const server = tails.find((t) => t.containerType === 'InferenceServer')?.text.trim().split('\n').slice(-5).join('\n');
    return server ?? '';
}
async function applyDeployment(session, log, d, known, grantedHosts, deadline, inputs) {
    const label = `Apply: deployment ${d.spec.name}`;
    const started = Date.now();
    const at = locate(d.spec);
    const busy = await (0,rollout_live/* waitWhileBusy */.uI)(`Deployment ${d.spec.name}`, () => (0,rollout_live/* readDeployment */.iJ)(session, d.path, deadline), known, deadline);
    if (busy.kind === 'timeout') {
        log.fail('deployment-failed', at, `Deployment ${d.spec.name} stayed ${busy.state} until the timeout; nothing was written over it.`);
        log.entry(label, started, 'failed', `still ${busy.state}`);
        return false;
    }
    const live = busy.value;
    const drift = live ? driftFrom(d.body, live.body) : ['new'];
    if (live && drift.length === 0 && live.provisioningState.toLowerCase() === 'succeeded') {
        core.info(`Deployment ${d.spec.name} already matches the file: not written.`);
        log.entry(label, started, 'ok', 'unchanged');
        return true;
    }
    const put = { method: 'PUT', path: d.path, apiVersion: lib_spec/* ML_API_VERSION */.W8, body: d.body };
    let outcome = await core.group(label, async () => {
        core.info(live ? `Updating deployment ${d.spec.name} (${drift.slice(0, 5).join(', ')}).` : `Creating deployment ${d.spec.name}.`);
        return writeLro(session, log, put, `Deployment ${d.spec.name}`, deadline);
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
        outcome = await core.group(`${label} (retry)`, () => writeLro(session, log, put, `Deployment ${d.spec.name}`, deadline));
    }
    if (outcome.kind !== 'succeeded') {
        const error = outcome.kind === 'failed' ? outcome.error : timeoutError(inputs);
        const tail = await showLogs(session, d.path, d.spec);
        const entry = describeFailure(error.code);
        // The variable is named only when the service names it; otherwise every reference is annotated as a possible cause.
        const suspects = error.code === 'SecretsInjectionError' ? injectionSuspects(error, references) : { named: false, variables: [] };
        const variables = suspects.variables;
        const places = variables.flatMap((v) => { const s = d.spec.spans.environmentVariables[v]; return s ? [{ v, s }] : []; });
        const message = (v) => {
            const cause = v === undefined ? '' : suspects.named ? ` (${v})` : ` The service does not say which reference failed: ${v} is a possible cause.`;
            return `Deployment ${d.spec.name}: ${error.code}: ${error.message}${cause}${tail && !variables.length ? `\nInference server log (tail):\n${tail}` : ''}`;
        };
        if (places.length)
            for (const { v, s } of places)
                log.fail('deployment-failed', { file: d.spec.file, line: s.line, column: s.column, endLine: s.endLine, endColumn: s.endColumn }, message(v), `${entry.remedy} (${entry.docs})`);
        else
            log.fail('deployment-failed', at, message(), `${entry.remedy} (${entry.docs})`);
        log.entry(label, started, 'failed', `${error.code}`);
        return false;
    }
    const after = await (0,rollout_live/* readDeployment */.iJ)(session, d.path, deadline);
    if (!after || after.provisioningState.toLowerCase() !== 'succeeded') {
        log.fail('deployment-failed', at, `Deployment ${d.spec.name} reads back as ${after?.provisioningState ?? 'missing'} after its operation succeeded.`);
        log.entry(label, started, 'failed', 'read-back mismatch');
        return false;
    }
    log.entry(label, started, 'ok', live ? 'updated' : 'created');
    return true;
}

// EXTERNAL MODULE: ./lib/modes/validate.js + 21 modules
var validate = __webpack_require__(4116);
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
        endpoint: facts.endpoint.kind === 'found' ? (0,rollout_live/* describeEndpoint */.N2)(facts.endpoint.value.body) : undefined,
        deployments,
        vaultIds: vaultIds(facts),
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

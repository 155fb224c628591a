export const id = 683;
export const ids = [683];
export const modules = {

/***/ 6064:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  describeReads: () => (/* binding */ describeReads),
  validateMode: () => (/* binding */ validateMode),
  validateOnline: () => (/* binding */ validateOnline)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 13 modules
var core = __webpack_require__(7094);
// EXTERNAL MODULE: ./lib/assets/plan.js + 2 modules
var plan = __webpack_require__(7275);
// EXTERNAL MODULE: ./lib/azure/read.js
var read = __webpack_require__(6915);
;// CONCATENATED MODULE: ./lib/azure/identity.js

const MSI_API_VERSION = '2023-01-31';
function readUserAssignedIdentity(arm, resourceId) {
    return (0,read/* lookup */.$I)(async () => {
        const body = (await arm.send({ method: 'GET', path: resourceId, apiVersion: MSI_API_VERSION })).body;
        return { resourceId: body?.id ?? resourceId, principalId: body?.properties?.principalId ?? '', clientId: body?.properties?.clientId };
    }, 'Microsoft.ManagedIdentity/userAssignedIdentities/read');
}

// EXTERNAL MODULE: ./lib/azure/rest.js
var rest = __webpack_require__(9649);
// EXTERNAL MODULE: ./lib/azure/json.js
var json = __webpack_require__(2765);
;// CONCATENATED MODULE: ./lib/azure/keyvault.js



/** Key Vault ARM api-version whose GET states `enableRbacAuthorization` (absent or null: access policies). */
const KEYVAULT_ARM_API_VERSION = '2024-11-01';
/** Data-plane api-version (the newest in the REST spec index). */
const KEYVAULT_DATA_API_VERSION = '7.6';
const READ_METADATA_PERMISSION = 'Microsoft.KeyVault/vaults/secrets/readMetadata/action';
function vaultArmId(subscriptionId, resourceGroup, vaultName) {
    return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.KeyVault/vaults/${vaultName}`;
}
function readVault(arm, host, resourceId) {
    return (0,read/* lookup */.$I)(async () => parseVault(host, (await arm.send({ method: 'GET', path: resourceId, apiVersion: KEYVAULT_ARM_API_VERSION })).body), 'Microsoft.KeyVault/vaults/read');
}
function parseVault(host, body) {
    const b = (0,json/* obj */.WL)(body);
    return { host, resourceId: (0,json/* str */.gx)(b.id) ?? '', rbacAuthorization: (0,json/* obj */.WL)(b.properties).enableRbacAuthorization === true };
}
/**
 * The names of every secret in a vault (Get Secrets: ids and attributes, never a value; the
 * adapter keeps only the names). Read only when a referenced secret does not exist, for the
 * "did you mean"; refused or failed → unreadable, and no suggestion is made.
 */
async function readSecretNames(keyVault, vaultUrl) {
    const url = `${vaultUrl.replace(/\/+$/, '')}/secrets?api-version=${KEYVAULT_DATA_API_VERSION}&maxresults=25`;
    return (0,read/* lookup */.$I)(async () => (await (0,read/* listAllUrl */.fX)(keyVault, url)).map((v) => ((0,json/* str */.gx)((0,json/* obj */.WL)(v).id) ?? '').split('/').filter(Boolean).pop() ?? '').filter(Boolean), READ_METADATA_PERMISSION);
}
/**
 * All versions of one secret; `missing` when the secret (or the vault host) does not exist. A secret
 * always has a version, and Azure answers the versions of a secret that does not exist with 200
 * `{"value":[]}` (recorded: test/fixtures/recorded/keyvault-secrets.json), so an empty list is missing.
 */
async function readSecretVersions(keyVault, vaultUrl, secretName) {
    const url = `${vaultUrl.replace(/\/+$/, '')}/secrets/${encodeURIComponent(secretName)}/versions?api-version=${KEYVAULT_DATA_API_VERSION}&maxresults=25`;
    try {
        const versions = (await (0,read/* listAllUrl */.fX)(keyVault, url)).map(parseVersionItem);
        return versions.length ? { kind: 'found', value: versions } : { kind: 'missing' };
    }
    catch (error) {
        if (vaultHostUnknown(error))
            return { kind: 'missing' };
        return (0,read/* failedLookup */.kU)(error, READ_METADATA_PERMISSION);
    }
}
/**
 * A vault name that does not exist has no DNS entry: the request fails before any HTTP answer
 * (ENOTFOUND), or a proxy answers the tunnel with 502.
 */
function vaultHostUnknown(error) {
    if (!(error instanceof rest/* ArmError */.dW))
        return false;
    if (error.status === 0)
        return /ENOTFOUND|EAI_AGAIN/i.test(`${error.code} ${error.message}`);
    // A proxy's own 502 carries no Key Vault error body (a vault's answers always do).
    return error.status === 502 && error.code === 'Http502';
}
function parseVersionItem(value) {
    const v = (0,json/* obj */.WL)(value);
    const a = (0,json/* obj */.WL)(v.attributes);
    const iso = (x) => (typeof x === 'number' ? new Date(x * 1000).toISOString() : undefined);
    return {
        version: ((0,json/* str */.gx)(v.id) ?? '').split('/').filter(Boolean).pop() ?? '',
        enabled: a.enabled !== false,
        createdOn: iso(a.created),
        expiresOn: iso(a.exp),
        notBefore: iso(a.nbf),
    };
}
/** The pinned version's metadata, and the newest enabled version when it is another, newer one. */
function secretVersionFacts(vaultHost, name, pinned, versions) {
    const own = versions.find((v) => v.version.toLowerCase() === pinned.toLowerCase());
    if (!own)
        return { kind: 'missing' };
    const created = (v) => Date.parse(v.createdOn ?? '') || 0;
    const newest = versions.filter((v) => v.enabled && v !== own && created(v) > created(own)).sort((a, b) => created(b) - created(a))[0];
    return {
        kind: 'found',
        value: {
            vaultHost,
            name,
            version: own.version,
            enabled: own.enabled,
            createdOn: own.createdOn,
            expiresOn: own.expiresOn,
            notBefore: own.notBefore,
            newerEnabled: newest ? { version: newest.version, createdOn: newest.createdOn } : undefined,
        },
    };
}

// EXTERNAL MODULE: ./lib/azure/ml.js
var azure_ml = __webpack_require__(8229);
// EXTERNAL MODULE: ./lib/azure/workspace.js
var azure_workspace = __webpack_require__(9334);
// EXTERNAL MODULE: ./lib/manifests/rest.js
var manifests_rest = __webpack_require__(4138);
;// CONCATENATED MODULE: ./lib/azure/compute.js



const COMPUTE_READ_PERMISSION = 'Microsoft.MachineLearningServices/workspaces/computes/read';
/** `name` in the workspace, or a compute ARM id (possibly of another workspace) used as the path. */
function readCompute(s, nameOrId) {
    const path = nameOrId.startsWith('/') ? nameOrId : `${s.workspacePath}/computes/${encodeURIComponent(nameOrId)}`;
    return (0,read/* lookup */.$I)(async () => parseCompute((await s.arm.send({ method: 'GET', path, apiVersion: manifests_rest/* ML_API_VERSION */.W8 })).body), COMPUTE_READ_PERMISSION);
}
function parseCompute(body) {
    const b = (0,json/* obj */.WL)(body);
    const p = (0,json/* obj */.WL)(b.properties);
    const k8s = (0,json/* obj */.WL)(p.properties);
    const defaultInstanceType = (0,json/* str */.gx)(k8s.defaultInstanceType);
    return { name: (0,json/* str */.gx)(b.name) ?? '', computeType: (0,json/* str */.gx)(p.computeType) ?? '', instanceTypes: Object.keys((0,json/* obj */.WL)(k8s.instanceTypes)), ...(defaultInstanceType ? { defaultInstanceType } : {}) };
}

// EXTERNAL MODULE: ./lib/checks/assets.js
var assets = __webpack_require__(1700);
;// CONCATENATED MODULE: ./lib/azure/registry.js
// Registry assets a deployment names (`azureml://registries/<reg>/<type>/<name>/versions/<v>` or
// `…/labels/latest`), read the way azure-ai-ml reads them (`_utils/_registry_utils.py`
// RegistryDiscovery / get_registry_client; `_utils/_asset_utils.py` _get_latest_version_from_container):
//  1. one discovery GET per registry on the cloud's discovery host (src/azure/clouds.ts), no
//     api-version, which names the registry's subscription, resource group and primary-region
//     resource-provider host (`primaryRegionResourceProviderUri`);
//  2. on that host under `mferp/managementfrontend`, api-version 2021-10-01-dataplanepreview: the
//     version, or for `labels/latest` the container's `latestVersion`.
// Both carry the ARM token (the SDK builds both clients with the ARM credential scopes), and only to
// an Azure ML host of the session's cloud. A version that does not exist costs one container GET
// more, for its latest version (did you mean). Read-only. docs/online-checks.md §assets.



/** The api-version of azure-ai-ml's registry client (`_restclient/v2021_10_01_dataplanepreview`). */
const REGISTRY_API_VERSION = '2021-10-01-dataplanepreview';
/** What reading a registry asset needs (the Reader role grants it; docs: "Manage Azure Machine Learning registries", RBAC). */
const REGISTRY_ASSET_READ_PERMISSION = 'Microsoft.MachineLearningServices/registries/assets/read';
/**
 * A reader shared by every reference of a run: one discovery per registry and one read per distinct
 * asset, however many deployments name them. Undefined for a URI that is not shaped as an asset.
 */
function registryReader(s) {
    const discoveries = new read/* Once */.a6();
    const reads = new read/* Once */.a6();
    return (ref) => {
        const parts = (0,assets/* parseRegistryUri */.zq)(ref.uri);
        if (!parts)
            return undefined;
        const key = [parts.registry.toLowerCase(), parts.type.toLowerCase(), parts.name, parts.version ? `versions/${parts.version}` : `labels/${parts.label ?? ''}`].join('/');
        return reads.get(key, () => readAsset(s, parts, (host) => discoveries.get(parts.registry.toLowerCase(), () => discover(s, host, parts.registry))));
    };
}
const enc = encodeURIComponent;
async function readAsset(s, parts, discovery) {
    const host = s.cloud.registryDiscovery;
    if (!host)
        return { asset: { kind: 'unreadable', why: `this action does not know where ${s.cloud.name} discovers Azure ML registries` } };
    if (!parts.version && parts.label?.toLowerCase() !== 'latest')
        return { asset: { kind: 'unreadable', why: `only labels/latest is resolved before the deployment; label ${parts.label ?? ''} is resolved by the service` } };
    const found = await discovery(host);
    const registry = parts.registry;
    if (found.kind === 'missing')
        return { asset: { kind: 'missing' }, miss: { registry, missing: 'registry' } };
    if (found.kind === 'unreadable')
        return { asset: found };
    const d = found.value;
    const assetUrl = `${d.base}/subscriptions/${enc(d.subscriptionId)}/resourceGroups/${enc(d.resourceGroup)}/providers/Microsoft.MachineLearningServices/registries/${enc(registry)}/${enc(parts.type)}/${enc(parts.name)}`;
    const get = async (url) => (0,json/* obj */.WL)((await s.arm.send({ method: 'GET', path: `${url}?api-version=${REGISTRY_API_VERSION}`, apiVersion: REGISTRY_API_VERSION })).body);
    const latest = () => (0,read/* lookup */.$I)(async () => (0,json/* str */.gx)((0,json/* obj */.WL)((await get(assetUrl)).properties).latestVersion), REGISTRY_ASSET_READ_PERMISSION);
    const uri = (version) => `azureml://registries/${registry}/${parts.type}/${parts.name}/versions/${version}`;
    if (!parts.version) {
        const container = await latest();
        if (container.kind === 'unreadable')
            return { asset: container };
        if (container.kind === 'found' && container.value)
            return { asset: { kind: 'found', value: { id: uri(container.value) } } };
        return { asset: { kind: 'missing' }, miss: { registry, missing: 'name' } };
    }
    const version = parts.version;
    const asset = await (0,read/* lookup */.$I)(async () => {
        await get(`${assetUrl}/versions/${enc(version)}`);
        return { id: uri(version) };
    }, REGISTRY_ASSET_READ_PERMISSION);
    if (asset.kind !== 'missing')
        return { asset };
    const container = await latest();
    if (container.kind === 'missing')
        return { asset, miss: { registry, missing: 'name' } };
    return { asset, miss: { registry, missing: 'version', ...(container.kind === 'found' && container.value ? { latestVersion: container.value } : {}) } };
}
/** The discovery GET: where the registry lives. A host outside the cloud's Azure ML hosts is refused (the ARM token is not sent there). */
function discover(s, host, registry) {
    return (0,read/* lookup */.$I)(async () => {
        const body = (0,json/* obj */.WL)((await s.arm.send({ method: 'GET', path: `${host}/registrymanagement/v1.0/registries/${enc(registry)}/discovery`, apiVersion: '' })).body);
        const provider = (0,json/* str */.gx)(body.primaryRegionResourceProviderUri);
        const subscriptionId = (0,json/* str */.gx)(body.subscriptionId);
        const resourceGroup = (0,json/* str */.gx)(body.resourceGroup);
        if (!provider || !subscriptionId || !resourceGroup)
            throw new Error(`the discovery of registry ${registry} named no resource-provider host, subscription or resource group`);
        const providerHost = /^https:\/\/([^/:]+)(?::443)?(?:\/|$)/i.exec(provider)?.[1]?.toLowerCase();
        if (!providerHost || !s.cloud.registryHostSuffixes.some((suffix) => providerHost.endsWith(suffix))) {
            throw new Error(`the discovery of registry ${registry} named ${providerHost ?? 'a host'}, which is not an Azure ML host of ${s.cloud.name}, so the token is not sent there`);
        }
        return { base: `${provider.replace(/\/+$/, '')}/mferp/managementfrontend`, subscriptionId, resourceGroup };
    });
}

// EXTERNAL MODULE: ./lib/findings/finding.js
var finding = __webpack_require__(6939);
// EXTERNAL MODULE: ./lib/manifests/edit-distance.js
var edit_distance = __webpack_require__(4018);
// EXTERNAL MODULE: ./lib/checks/check.js
var check = __webpack_require__(5229);
;// CONCATENATED MODULE: ./lib/checks/kubernetes-compute.js
// A Kubernetes endpoint's `compute:` (docs/online-checks.md §kubernetes-compute), from the endpoint
// file or, with deployment files only, the live endpoint's `properties.compute`: the attached
// compute exists in the workspace, is a Kubernetes compute, and defines the `instance_type` each
// of its deployments asks for (the cluster's instance types, `properties.properties.instanceTypes`).



/**
 * A cluster whose extension defines no instance types serves only the one it creates,
 * `defaultinstancetype` (assumed from the Azure ML extension docs, "Create and select Kubernetes
 * instance types": "If you don't specify an instance type, the default one is used").
 */
const BUILT_IN_INSTANCE_TYPE = 'defaultinstancetype';
/** The key a compute is read and looked up by: its name (the last segment of an ARM id), lower-cased. */
function computeKey(ref) {
    const text = ref.name ?? ref.id?.split('/').filter(Boolean).pop();
    return text?.toLowerCase();
}
/**
 * The compute the deployments run on: the endpoint file's `compute:`, or, when only deployment
 * files were given, the live endpoint's `properties.compute` (an ARM id).
 */
function endpointCompute(ctx) {
    if (ctx.endpoint)
        return ctx.endpoint.compute ? { ref: ctx.endpoint.compute, live: false } : undefined;
    const live = ctx.facts.endpoint.kind === 'found' ? ctx.facts.endpoint.value.compute : undefined;
    return live && ctx.deployments.length > 0 ? { ref: { id: live }, live: true } : undefined;
}
const kubernetesComputeCheck = (0,check/* defineCheck */.qH)('kubernetes-compute', ['compute-not-found', 'instance-type-unavailable', 'cannot-verify'], (ctx) => {
    const compute = endpointCompute(ctx);
    const key = compute ? computeKey(compute.ref) : undefined;
    if (!compute || !key)
        return {};
    const name = compute.ref.name ?? compute.ref.id?.split('/').filter(Boolean).pop() ?? key;
    const shown = compute.live ? `${name} (properties.compute of the live endpoint ${ctx.endpointName}; no endpoint file was given)` : name;
    const target = compute.live ? `deployments of endpoint ${ctx.endpointName} cannot run on it` : 'the Kubernetes endpoint cannot be created on it';
    const where = (0,check/* endpointPosition */.FT)(ctx, (s) => s.compute);
    const read = (0,check/* lookupCI */.d5)(ctx.facts.computes ?? {}, key);
    if (!read)
        return {};
    if (read.kind === 'unreadable') {
        return { findings: [(0,finding/* makeFinding */.MH)('cannot-verify', where, `Cannot verify that compute ${shown} exists and is Kubernetes: ${read.why}.`, { hint: `Give the workflow identity ${read.permission ?? 'Microsoft.MachineLearningServices/workspaces/computes/read'} on the workspace.` })] };
    }
    if (read.kind === 'missing') {
        return {
            findings: [
                (0,finding/* makeFinding */.MH)('compute-not-found', where, `compute ${shown}: the workspace has no compute of that name, so ${target}.`, compute.live ? {
                    hint: `The endpoint's cluster was detached or deleted: attach it again (az ml compute attach --type Kubernetes --name ${name} …), or recreate the endpoint from an endpoint file whose compute: names an attached cluster.`,
                } : {}),
            ],
        };
    }
    if (read.value.computeType.toLowerCase() !== 'kubernetes') {
        return {
            findings: [
                (0,finding/* makeFinding */.MH)('compute-not-found', where, `compute ${shown} is a ${read.value.computeType || 'compute of unknown type'}, not an attached Kubernetes cluster: online endpoints run on managed compute (drop compute:) or on Kubernetes.`, {
                    hint: 'Attach a Kubernetes cluster (az ml compute attach --type Kubernetes …) and name it here, or remove compute: for a managed endpoint.',
                }),
            ],
        };
    }
    return { findings: ctx.deployments.flatMap((d) => instanceTypeProblem(ctx, d, read.value)) };
});
function instanceTypeProblem(ctx, d, compute) {
    if (d.computeType !== 'Kubernetes' || !d.instanceType)
        return [];
    const offered = compute.instanceTypes.length ? compute.instanceTypes : [BUILT_IN_INSTANCE_TYPE];
    if (offered.includes(d.instanceType))
        return [];
    const span = d.spans.instanceType ?? d.spans.name;
    const position = span ? (0,check.at)(d.file, span) : (0,check/* endpointPosition */.FT)(ctx, (s) => s.compute);
    const caseOnly = offered.find((t) => t.toLowerCase() === d.instanceType?.toLowerCase());
    const near = caseOnly ?? (0,edit_distance/* closest */.k)(d.instanceType, offered);
    return [
        (0,finding/* makeFinding */.MH)('instance-type-unavailable', position, `instance_type ${d.instanceType}: Kubernetes compute ${compute.name} defines no such instance type${caseOnly ? ' (names are case-sensitive)' : ''}. It defines: ${offered.join(', ')}${compute.defaultInstanceType ? ` (default ${compute.defaultInstanceType})` : ''}.`, {
            hint: near ? `Did you mean ${near}? instance_type: ${near}` : `Use one of the cluster's instance types, or create ${d.instanceType} on the cluster (an InstanceType resource of the Azure ML extension).`,
        }),
    ];
}

// EXTERNAL MODULE: ./lib/checks/rbac.js
var rbac = __webpack_require__(6381);
// EXTERNAL MODULE: ./lib/azure/rbac.js
var azure_rbac = __webpack_require__(5147);
;// CONCATENATED MODULE: ./lib/azure/gather.js










async function gatherFacts(session, input, clock = () => new Date()) {
    const started = performance.now();
    const { arm } = session;
    const ml = { arm, subscriptionId: session.subscriptionId, workspacePath: session.workspacePath };
    const kvRefs = input.references.filter((r) => r.kind === 'keyvault');
    const referencedConnections = unique(input.references.flatMap((r) => (r.kind === 'keyvault' ? [] : [r.connection])));
    // Round 1: everything whose address the files alone give.
    const workspaceRead = (0,azure_workspace/* readWorkspaceAddress */.Ye)({ ...ml, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName });
    const workspace = workspaceRead.then((r) => r.workspace);
    // Files that did not parse name no endpoint: there is nothing of it to read (their findings say why).
    const unnamed = Promise.resolve({ kind: 'unreadable', why: 'the files name no endpoint (see the findings above)' });
    const endpoint = input.endpointName ? (0,azure_ml/* readEndpoint */.KW)(ml, input.endpointName) : unnamed;
    const deployments = input.endpointName ? (0,azure_ml/* readDeployments */.Fz)(ml, input.endpointName) : unnamed;
    const connections = Object.fromEntries(referencedConnections.map((name) => [name, (0,azure_ml/* readConnection */.dC)(ml, name)]));
    const versionLists = new read/* Once */.a6();
    const versionListOf = new Map();
    const secretVersions = {};
    for (const ref of kvRefs) {
        const list = versionLists.get(`${ref.vaultHost.toLowerCase()}/${ref.secretName.toLowerCase()}`, () => readSecretVersions(session.keyVault, ref.vaultUrl, ref.secretName));
        versionListOf.set(ref, list);
        secretVersions[ref.secretId] ??= list.then((l) => (l.kind === 'found' ? secretVersionFacts(ref.vaultHost, ref.secretName, ref.version, l.value) : l));
    }
    const vaults = new read/* Once */.a6();
    const vaultByHost = {};
    for (const ref of kvRefs) {
        vaultByHost[ref.vaultHost] ??= vaults.get(ref.vaultHost.toLowerCase(), () => findVault(session, ref, workspace));
    }
    const uaiIds = unique((input.endpoint?.identity?.userAssignedIdentities ?? []).map((u) => u.resourceId));
    const userAssigned = Object.fromEntries(uaiIds.map((id) => [id.toLowerCase(), readUserAssignedIdentity(arm, id)]));
    const { assets, misses: registryMisses } = readAssets(ml, registryReader({ arm, cloud: session.cloud }), input.deployments);
    // A Kubernetes endpoint's compute: one GET (type and instance types), as soon as its name is known.
    const computes = readEndpointCompute(ml, input, endpoint);
    const callerPermissions = {
        [session.workspacePath]: (0,azure_rbac/* readCallerPermissions */.UK)(arm, session.workspacePath),
    };
    // Round 2: what needs round 1 (vault ids, principals, the region).
    const vaultIds = Promise.all(Object.values(vaultByHost)).then((ls) => unique(ls.flatMap((l) => (l.kind === 'found' && l.value.resourceId ? [l.value.resourceId] : []))));
    const { address: workspaceAddress } = await workspaceRead;
    // A workspace that is not there (or refused) makes every other answer meaningless: no round 2
    // (the workspace check reports the one finding; docs/online-checks.md §workspace).
    const blocked = workspaceAddress.problem !== undefined;
    const callerAtVaults = vaultIds.then((ids) => (blocked ? [] : Promise.all(ids.map(async (id) => [id, await (0,azure_rbac/* readCallerPermissions */.UK)(arm, id)]))));
    const principals = blocked ? [] : endpointPrincipals(await endpoint, await Promise.all(Object.values(userAssigned)));
    const ws = await workspace;
    const scopesFor = async (p) => {
        const scopes = [session.workspacePath, ...(await vaultIds)];
        if (!p.systemAssigned && ws.kind === 'found')
            scopes.push(...[ws.value.containerRegistryId, ws.value.storageAccountId].filter((s) => Boolean(s)));
        return unique(scopes);
    };
    const assignmentReads = new read/* Once */.a6();
    const principalFacts = Promise.all(principals.map(async (p) => {
        const scopes = await scopesFor(p);
        const reads = await Promise.all(scopes.map((scope) => assignmentReads.get(`${p.objectId}|${scope.toLowerCase()}`, () => (0,azure_rbac/* readAssignments */.FI)(arm, p.objectId, scope))));
        return [p.objectId, { objectId: p.objectId, assignments: mergeAssignments(reads) }];
    }));
    // A referenced secret that does not exist: one names listing per such vault, for the closest name.
    const secretNames = Promise.all([...versionListOf].map(async ([ref, list]) => [ref, await list])).then(async (lists) => {
        const missingByVault = new Map();
        for (const [ref, l] of lists) {
            if (l.kind !== 'missing')
                continue;
            const entry = missingByVault.get(ref.vaultHost.toLowerCase()) ?? { url: ref.vaultUrl, missing: [] };
            if (!entry.missing.includes(ref.secretName))
                entry.missing.push(ref.secretName);
            missingByVault.set(ref.vaultHost.toLowerCase(), entry);
        }
        const vaultsNow = await Promise.all(Object.values(vaultByHost));
        const missingVault = (host) => vaultsNow.some((v, i) => v.kind === 'missing' && Object.keys(vaultByHost)[i]?.toLowerCase() === host);
        const entries = await Promise.all([...missingByVault].filter(([host]) => !blocked && !missingVault(host)).map(async ([host, e]) => [host, { missing: e.missing, names: await readSecretNames(session.keyVault, e.url) }]));
        return entries.length ? Object.fromEntries(entries) : undefined;
    });
    const workspaceConnections = Promise.all(Object.values(connections)).then((ls) => (!blocked && ls.some((l) => l.kind === 'missing') ? (0,azure_ml/* readConnectionNames */.t5)(ml) : undefined));
    const location = ws.kind === 'found' ? ws.value.location : undefined;
    const needsQuota = input.deployments.some((d) => d.computeType === 'Managed' && d.instanceType);
    const unreadableRegion = Promise.resolve({ kind: 'unreadable', why: 'the workspace (and so its region) could not be read' });
    const vmSizes = location && needsQuota ? (0,azure_ml/* readVmSizes */.wq)(ml, location) : unreadableRegion;
    const usages = location && needsQuota ? (0,azure_ml/* readUsages */.r7)(ml, location) : unreadableRegion;
    // Round 3: the role definitions the assignments name.
    const principalEntries = await principalFacts;
    const definitionIds = unique(principalEntries.flatMap(([, p]) => (p.assignments.kind === 'found' ? p.assignments.value.map((a) => a.roleDefinitionId) : [])));
    const definitionsByKey = new Map();
    for (const id of definitionIds)
        if (!definitionsByKey.has((0,rbac/* roleDefinitionKey */.BP)(id)))
            definitionsByKey.set((0,rbac/* roleDefinitionKey */.BP)(id), id);
    const definitions = await Promise.all([...definitionsByKey].map(async ([key, id]) => [key, await (0,azure_rbac/* readRoleDefinition */.E5)(arm, id)]));
    const roleDefinitions = {};
    for (const [key, def] of definitions)
        if (def.kind === 'found')
            roleDefinitions[key] = def.value;
    const caller = { objectId: session.caller.objectId, permissions: {} };
    for (const [scope, p] of Object.entries(callerPermissions))
        caller.permissions[scope] = await p;
    for (const [scope, p] of await callerAtVaults)
        caller.permissions[scope] = p;
    const facts = {
        now: clock().toISOString(),
        workspace: ws,
        workspaceAddress,
        endpoint: await endpoint,
        deployments: await deployments,
        connections: await settle(connections),
        connectionNames: await workspaceConnections,
        vaults: await settle(vaultByHost),
        secretVersions: await settle(secretVersions),
        secretNames: await secretNames,
        caller,
        principals: Object.fromEntries(principalEntries),
        userAssignedIdentities: await settle(userAssigned),
        roleDefinitions,
        assets: await settle(assets),
        registryMisses: await registryMisses,
        computes: await computes,
        vmSizes: await vmSizes,
        usages: await usages,
    };
    return {
        facts,
        reads: {
            connections: referencedConnections.length,
            secrets: versionLists.size,
            vaults: vaults.size,
            principalScopes: assignmentReads.size,
            roleDefinitions: definitionsByKey.size,
            assets: Object.keys(assets).length,
            registryAssets: Object.keys(assets).filter((text) => text.startsWith('azureml://registries/')).length,
            computes: Object.keys(facts.computes ?? {}).length,
            secretNameLists: Object.keys(facts.secretNames ?? {}).length,
            addressLists: workspaceAddress.problem && workspaceAddress.problem !== 'refused' ? 1 : 0,
            durationMs: Math.round(performance.now() - started),
        },
    };
}
/**
 * A reference names the vault by host only; its ARM id needs the resource group. The vault is
 * looked for in the workspace's resource group, then (when the names match) where the workspace's
 * own vault lives. Not found in either: `unreadable` (the vault may live elsewhere), never `missing`.
 */
async function findVault(session, ref, workspace) {
    const inWorkspaceGroup = await readVault(session.arm, ref.vaultHost, vaultArmId(session.subscriptionId, session.resourceGroup, ref.vaultName));
    if (inWorkspaceGroup.kind !== 'missing')
        return inWorkspaceGroup;
    const ws = await workspace;
    const own = ws.kind === 'found' ? ws.value.keyVaultId : undefined;
    const ownGroup = own ? /\/resourceGroups\/([^/]+)\//i.exec(own)?.[1] : undefined;
    if (own && own.split('/').pop()?.toLowerCase() === ref.vaultName.toLowerCase() && ownGroup?.toLowerCase() !== session.resourceGroup.toLowerCase()) {
        const found = await readVault(session.arm, ref.vaultHost, own);
        if (found.kind !== 'missing')
            return found;
    }
    return { kind: 'unreadable', permission: 'Microsoft.KeyVault/vaults/read', why: `vault ${ref.vaultName} is not in resource group ${session.resourceGroup}; its permission model and role assignments cannot be read from here` };
}
/** The identities that will resolve references: the existing endpoint's system identity and every user-assigned one. */
function endpointPrincipals(endpoint, uais) {
    const found = [];
    if (endpoint.kind === 'found') {
        const id = endpoint.value.identity;
        if (id.principalId && id.type.includes('SystemAssigned'))
            found.push({ objectId: id.principalId, systemAssigned: true });
        for (const u of Object.values(id.userAssigned))
            if (u.principalId)
                found.push({ objectId: u.principalId, systemAssigned: false });
    }
    for (const u of uais)
        if (u.kind === 'found' && u.value.principalId)
            found.push({ objectId: u.value.principalId, systemAssigned: false });
    const seen = new Set();
    return found.filter((p) => !seen.has(p.objectId.toLowerCase()) && seen.add(p.objectId.toLowerCase()));
}
/** Assignments over all scopes of one principal; one unreadable scope makes the whole unreadable (it may hide the grant). */
function mergeAssignments(reads) {
    const bad = reads.find((r) => r.kind === 'unreadable');
    if (bad)
        return bad;
    const byId = new Map();
    for (const r of reads)
        if (r.kind === 'found')
            for (const a of r.value)
                byId.set(a.id.toLowerCase(), a);
    return { kind: 'found', value: [...byId.values()] };
}
/**
 * The compute a Kubernetes endpoint runs on: named by the endpoint file, or, when only deployment
 * files were given, by the live endpoint's `properties.compute` (read as soon as the endpoint GET
 * answers). No endpoint either: nothing to read (endpoint-not-found says why). docs/online-checks.md §kubernetes-compute.
 */
async function readEndpointCompute(ml, input, endpoint) {
    let named = input.endpoint?.compute;
    if (!input.endpoint && input.deployments.length > 0) {
        const live = await endpoint;
        if (live.kind === 'found' && live.value.compute)
            named = { id: live.value.compute };
    }
    const key = named ? computeKey(named) : undefined;
    if (!named || !key)
        return {};
    return { [key]: await readCompute(ml, named.id ?? named.name ?? key) };
}
/**
 * One read per distinct asset reference: workspace assets through ARM (src/azure/ml.ts), registry
 * assets through registry discovery and the registry's own host (src/azure/registry.ts), with, for
 * a registry asset that does not exist, what is missing.
 */
function readAssets(ml, registry, deployments) {
    const out = {};
    const misses = [];
    const refs = deployments.flatMap((d) => [d.model, d.environment, d.code].flatMap((a) => (a?.kind === 'ref' ? [a.ref] : [])));
    for (const ref of refs) {
        if (ref.text in out)
            continue;
        if (ref.kind === 'registry') {
            const read = registry(ref);
            if (!read)
                continue;
            out[ref.text] = read.then((r) => r.asset);
            misses.push(read.then((r) => [ref.text, r.miss]));
            continue;
        }
        const read = (0,azure_ml/* readAsset */.fs)(ml, ref);
        if (read)
            out[ref.text] = read;
    }
    const settled = Promise.all(misses).then((entries) => entries.filter((e) => e[1] !== undefined));
    return { assets: out, misses: settled.then((entries) => (entries.length ? Object.fromEntries(entries) : undefined)) };
}
async function settle(record) {
    const entries = await Promise.all(Object.entries(record).map(async ([k, p]) => [k, await p]));
    return Object.fromEntries(entries);
}
function unique(values) {
    const seen = new Set();
    return values.filter((v) => !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
}

// EXTERNAL MODULE: ./lib/azure/session.js + 1 modules
var azure_session = __webpack_require__(7076);
// EXTERNAL MODULE: ./lib/secrets/scan.js + 1 modules
var scan = __webpack_require__(4799);
;// CONCATENATED MODULE: ./lib/checks/identity.js


/** The identity type the file asks for, as the SDK sends it (no identity block: SystemAssigned). */
function requestedIdentityType(ctx) {
    if (!ctx.endpoint)
        return undefined;
    return ctx.endpoint.identity?.type ?? 'SystemAssigned';
}
function endpointIdentity(ctx) {
    const live = ctx.facts.endpoint;
    if (live.kind === 'found')
        return fromLive(ctx, live.value.identity);
    if (live.kind === 'unreadable')
        return { kind: 'unknown', why: `the endpoint could not be read (${live.why})`, ...(live.permission ? { permission: live.permission } : {}) };
    const type = requestedIdentityType(ctx);
    if (type === undefined)
        return { kind: 'unknown', why: `endpoint ${ctx.endpointName} does not exist and no endpoint file was given` };
    if (type === 'None')
        return { kind: 'none' };
    if (type === 'SystemAssigned')
        return { kind: 'new-system' };
    const resourceId = ctx.endpoint?.identity?.userAssignedIdentities[0]?.resourceId ?? '';
    return userAssigned(ctx, resourceId, undefined);
}
function fromLive(ctx, identity) {
    if (identity.type === 'None')
        return { kind: 'none' };
    // With both, the user-assigned identity resolves the references (assumed, as the emulator does:
    // the docs do not say; the YAML cannot ask for both). docs/online-checks.md §endpoint-identity.
    const [resourceId, entry] = Object.entries(identity.userAssigned)[0] ?? [];
    if (resourceId !== undefined)
        return userAssigned(ctx, resourceId, entry?.principalId);
    if (identity.principalId)
        return { kind: 'existing', type: 'system', principalId: identity.principalId, label: `the system-assigned identity of endpoint ${ctx.endpointName} (${identity.principalId})` };
    return { kind: 'unknown', why: 'the endpoint has a system-assigned identity whose principal id was not returned' };
}
function userAssigned(ctx, resourceId, principalId) {
    const name = resourceId.split('/').pop() ?? resourceId;
    if (principalId)
        return { kind: 'existing', type: 'user', principalId, resourceId, label: `user-assigned identity ${name} (${principalId})` };
    const read = (0,check/* lookupCI */.d5)(ctx.facts.userAssignedIdentities, resourceId);
    if (!read)
        return { kind: 'unknown', why: `user-assigned identity ${name} was not read` };
    if (read.kind === 'missing')
        return { kind: 'unknown', why: `user-assigned identity ${resourceId} does not exist` };
    if (read.kind === 'unreadable')
        return { kind: 'unknown', why: `user-assigned identity ${name} could not be read (${read.why})`, permission: read.permission ?? 'Microsoft.ManagedIdentity/userAssignedIdentities/read' };
    return { kind: 'existing', type: 'user', principalId: read.value.principalId, resourceId, label: `user-assigned identity ${name} (${read.value.principalId})` };
}
/** The principal's role assignments as the adapters read them. */
function principalFacts(ctx, principalId) {
    return (0,check/* lookupCI */.d5)(ctx.facts.principals, principalId);
}
/**
 * Whether the endpoint will carry the enforce flag: the file's value when it sets one, otherwise the
 * live endpoint's (the service keeps keys of the properties bag that a PUT leaves out).
 */
function enforceFlagEnabled(ctx) {
    const fromFile = ctx.endpoint?.enforceAccessToDefaultSecretStores;
    if (fromFile)
        return fromFile === 'enabled';
    const live = ctx.facts.endpoint;
    if (live.kind !== 'found')
        return false;
    const value = Object.entries(live.value.properties).find(([k]) => k.toLowerCase() === 'enforce_access_to_default_secret_stores')?.[1];
    return value?.toLowerCase() === 'enabled';
}
function principalHolds(ctx, principalId, role, scope, partsCount = false) {
    const facts = principalFacts(ctx, principalId);
    if (!facts)
        return { state: 'unknown', why: `the role assignments of ${principalId} were not read`, permission: 'Microsoft.Authorization/roleAssignments/read' };
    if (facts.assignments.kind === 'unreadable') {
        return { state: 'unknown', why: `the role assignments of ${principalId} could not be read (${facts.assignments.why})`, permission: facts.assignments.permission ?? 'Microsoft.Authorization/roleAssignments/read' };
    }
    const assignments = facts.assignments.kind === 'found' ? facts.assignments.value : [];
    const verdict = (0,rbac/* evaluatePermission */.R6)({ assignments, roleDefinitions: ctx.facts.roleDefinitions, now: ctx.facts.now }, { principalId, permission: role.permission, scope, partsCount });
    if (verdict.holds === true)
        return { state: 'holds', notYetEffective: verdict.notYetEffective, grants: verdict.grants };
    if (verdict.holds === 'uncertain')
        return { state: 'unknown', why: verdict.uncertainties.join('; ') };
    return { state: 'missing' };
}
/** Whether the signed-in identity holds an operation at a scope, from its effective permissions. */
function callerHolds(ctx, scope, permission) {
    const exact = (0,check/* lookupCI */.d5)(ctx.facts.caller.permissions, scope);
    const candidates = exact ? [[scope, exact]] : Object.entries(ctx.facts.caller.permissions).filter(([s]) => (0,rbac/* scopeCovers */.pp)(s, scope) === true);
    let why;
    for (const [, lookup] of candidates) {
        if (lookup.kind === 'found' && (0,rbac/* blocksAllow */.GQ)(lookup.value, permission))
            return { state: 'holds' };
        if (lookup.kind === 'unreadable')
            why = lookup.why;
    }
    if (exact?.kind === 'found')
        return { state: 'missing' };
    return { state: 'unknown', why: why ?? `the signed-in identity's permissions on ${scope} were not read`, permission: 'Microsoft.Authorization/permissions/read' };
}

// EXTERNAL MODULE: ./lib/checks/roles.js
var roles = __webpack_require__(176);
;// CONCATENATED MODULE: ./lib/checks/caller-permissions.js
// With the enforce flag, the service checks at endpoint and at every deployment creation that the
// identity creating them may read connection secrets, and fails the creation without it
// (docs/online-checks.md §caller-permissions; docs/secret-injection.md §2). The caller's own
// permissions come from the Authorization `permissions` API (facts.caller).




const callerPermissionsCheck = (0,check/* defineCheck */.qH)('caller-permissions', ['caller-cannot-read-connections', 'cannot-verify'], (ctx) => {
    if (!enforceFlagEnabled(ctx))
        return {};
    const ws = ctx.facts.workspace;
    if (ws.kind !== 'found')
        return {};
    const where = (0,check/* endpointPosition */.FT)(ctx, (s) => s.enforceFlag);
    const operation = (0,roles/* operationOf */.zI)(roles/* CONNECTION_SECRETS_READER */.vC.permission);
    const caller = callerHolds(ctx, ws.value.id, roles/* CONNECTION_SECRETS_READER */.vC.permission);
    const who = ctx.facts.caller.objectId ? `The signed-in identity (${ctx.facts.caller.objectId})` : 'The signed-in identity';
    if (caller.state === 'missing') {
        return {
            findings: [
                (0,finding/* makeFinding */.MH)('caller-cannot-read-connections', where, `${who} lacks ${operation} on workspace ${(0,roles/* resourceName */.Iy)(ws.value.id)}; with enforce_access_to_default_secret_stores: enabled the service checks it when creating the endpoint and each deployment, and fails the creation.`, {
                    hint: `Assign "${roles/* CONNECTION_SECRETS_READER */.vC.roleName}" on the workspace to the workflow identity${ctx.facts.caller.objectId ? `: az role assignment create --assignee-object-id ${ctx.facts.caller.objectId} --assignee-principal-type ServicePrincipal --role "${roles/* CONNECTION_SECRETS_READER */.vC.roleName}" --scope ${ws.value.id}` : ''}`,
                }),
            ],
        };
    }
    if (caller.state === 'unknown') {
        return {
            findings: [
                (0,finding/* makeFinding */.MH)('cannot-verify', where, `Cannot verify that the signed-in identity may read connection secrets (${operation}), which the enforce flag requires: ${caller.why}.`, {
                    hint: `Make sure the workflow identity holds ${operation} on the workspace.`,
                }),
            ],
        };
    }
    return {};
});

;// CONCATENATED MODULE: ./lib/checks/connections.js
// Connection references: the connection exists, and so does the credential key, metadata key or
// target the reference names (docs/online-checks.md §connections; docs/secret-injection.md §1).
// Key names come from `listsecrets`; its values never reach this layer (src/checks/facts.ts).



const LIST_SECRETS = 'Microsoft.MachineLearningServices/workspaces/connections/listsecrets/action';
const connectionsCheck = (0,check/* defineCheck */.qH)('connections', ['connection-not-found', 'connection-key-not-found', 'cannot-verify'], (ctx) => {
    const out = { findings: [], verdicts: [] };
    for (const ref of ctx.references) {
        if (ref.kind === 'keyvault')
            continue;
        const lookup = (0,check/* lookupCI */.d5)(ctx.facts.connections, ref.connection);
        if (!lookup) {
            out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `connection ${ref.connection} was not read` } });
            continue;
        }
        if (lookup.kind === 'unreadable') {
            const permission = lookup.permission ?? LIST_SECRETS;
            out.findings.push((0,finding/* makeFinding */.MH)('cannot-verify', ref.range, `Cannot verify ${ref.variable}: connection ${ref.connection} could not be read (${lookup.why}); the signed-in identity needs ${permission} on the workspace.`, {
                hint: `Grant the workflow identity a role with ${permission} on the workspace (for example "Azure Machine Learning Workspace Connection Secrets Reader"), or accept that this reference is checked only when the deployment is created.`,
            }));
            out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `connection ${ref.connection} could not be read: ${permission} needed` } });
            continue;
        }
        if (lookup.kind === 'missing') {
            const names = ctx.facts.connectionNames ?? [];
            const near = (0,edit_distance/* closest */.k)(ref.connection, names);
            const known = names.length ? ` The workspace has: ${names.join(', ')}.` : '';
            out.findings.push((0,finding/* makeFinding */.MH)('connection-not-found', ref.range, `${ref.variable}: the workspace has no connection named ${ref.connection}.${known}`, {
                hint: near ? `Did you mean ${near}? ${ref.raw.replace(ref.connection, near)}` : 'Create the connection in the workspace (az ml connection create) or correct its name.',
            }));
            out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'connection-not-found' } });
            continue;
        }
        const problem = keyProblem(ref, lookup.value);
        if (problem) {
            out.findings.push((0,finding/* makeFinding */.MH)('connection-key-not-found', ref.range, `${ref.variable}: ${problem.message}`, { hint: problem.hint }));
            out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'connection-key-not-found' } });
        }
        else {
            out.verdicts.push({ reference: ref, status: { state: 'pass' } });
        }
    }
    return out;
});
/** What is wrong with the key a reference names, with the keys that exist (names only) and the closest one. */
function keyProblem(ref, connection) {
    const kind = ref.kind;
    if (kind === 'connection')
        return undefined;
    if (kind === 'connection-target') {
        if (connection.target)
            return undefined;
        return {
            message: `connection ${ref.connection} has no target, so …/target resolves to nothing.`,
            hint: 'Reference a credential or metadata key instead, or set a target on the connection.',
        };
    }
    const key = ref.key ?? '';
    const [what, keys] = kind === 'connection-credential' ? ['credential', connection.credentialKeys] : ['metadata key', connection.metadataKeys];
    if (keys.includes(key))
        return undefined;
    // The key exists on the other side: a credential named as metadata, or the reverse.
    const [otherSegment, otherKeys] = kind === 'connection-credential' ? ['metadata', connection.metadataKeys] : ['credentials', connection.credentialKeys];
    const sameSideCase = keys.some((k) => k.toLowerCase() === key.toLowerCase());
    const other = sameSideCase ? undefined : (otherKeys.find((k) => k === key) ?? otherKeys.find((k) => k.toLowerCase() === key.toLowerCase()));
    if (other) {
        const is = otherSegment === 'metadata' ? 'a metadata key' : 'a credential';
        return {
            message: `connection ${ref.connection} has no ${what} ${key}: ${other} is ${is} of the connection, referenced as …/${otherSegment}/${other}.`,
            hint: `Reference it as ${otherSegment === 'metadata' ? 'metadata' : 'a credential'}: \${{azureml://connections/${ref.connection}/${otherSegment}/${other}}}`,
        };
    }
    const auth = connection.authType ? ` (auth type ${connection.authType})` : '';
    const existing = keys.length ? `It has: ${keys.join(', ')}.` : `It has no ${what === 'credential' ? 'credentials' : 'metadata'}.`;
    const caseOnly = keys.find((k) => k.toLowerCase() === key.toLowerCase());
    const near = caseOnly ?? (0,edit_distance/* closest */.k)(key, keys);
    const segment = kind === 'connection-credential' ? 'credentials' : 'metadata';
    return {
        message: `connection ${ref.connection}${auth} has no ${what} ${key}${caseOnly ? ' (names are case-sensitive)' : ''}. ${existing}`,
        hint: near
            ? `Did you mean ${near}? \${{azureml://connections/${ref.connection}/${segment}/${near}}}`
            : `Use one of the ${what}s the connection has, or add ${key} to the connection.`,
    };
}

;// CONCATENATED MODULE: ./lib/checks/endpoint-identity.js
// The endpoint identity may read what the references point at: workspace connections (granted at
// creation only to a system identity, with the enforce flag, when the creator may read connection
// secrets) and each Key Vault (never granted automatically). A new system identity cannot hold a
// role before it exists: with grant-missing-roles deploy assigns it between endpoint and
// deployment creation, otherwise the fix is the exact command to run once the endpoint exists.
// docs/online-checks.md §endpoint-identity; docs/secret-injection.md §2.





const endpointIdentityCheck = (0,check/* defineCheck */.qH)('endpoint-identity', ['endpoint-identity-cannot-read-connections', 'endpoint-identity-cannot-read-keyvault', 'role-not-yet-effective', 'cannot-verify'], (ctx) => {
    const out = { findings: [], verdicts: [], identityPlan: [], grants: [] };
    const identity = endpointIdentity(ctx);
    const connectionRefs = ctx.references.filter((r) => r.kind !== 'keyvault');
    if (connectionRefs.length)
        connections(ctx, identity, connectionRefs, out);
    const byVault = new Map();
    for (const r of ctx.references)
        if (r.kind === 'keyvault')
            byVault.set(r.vaultHost.toLowerCase(), [...(byVault.get(r.vaultHost.toLowerCase()) ?? []), r]);
    for (const [host, refs] of byVault)
        keyVault(ctx, identity, host, refs, out);
    return out;
});
/**
 * Report on every reference of the group (each affected line is annotated), each finding naming
 * every variable the same missing permission affects; give every reference the status.
 */
function decide(out, refs, status, finding) {
    if (finding) {
        const all = affected(refs);
        for (const r of refs) {
            const f = finding(r);
            out.findings.push(all ? { ...f, message: `${f.message} ${all}` } : f);
        }
    }
    for (const r of refs)
        out.verdicts.push({ reference: r, status });
}
/** "The same applies to 3 references: A (deployment.yml:8), B (…:9), C (green.yml:7)." for a group of more than one. */
function affected(refs) {
    if (refs.length < 2)
        return undefined;
    const files = new Set(refs.map((r) => r.range.file));
    const where = (r) => (files.size > 1 ? `${r.range.file}:${r.range.line}` : `line ${r.range.line}`);
    return `The same applies to ${refs.length} references: ${refs.map((r) => `${r.variable} (${where(r)})`).join(', ')}.`;
}
function identityUnknown(ctx, out, refs, identity, what) {
    // No endpoint and no endpoint file: endpoint-not-found (endpoint-state) already says all there is to say.
    const reported = ctx.facts.endpoint.kind === 'missing' && !ctx.endpoint;
    decide(out, refs, { state: 'unknown', why: `the endpoint identity is not known: ${identity.why}` }, reported ? undefined : (r) => (0,finding/* makeFinding */.MH)('cannot-verify', r.range, `Cannot verify that the endpoint identity may ${what}: ${identity.why}.`, {
        hint: identity.permission ? `Give the workflow identity ${identity.permission}.` : 'Give the workflow identity Reader on the workspace and the identity.',
    }));
}
function notYetEffective(out, refs, state, who, where) {
    if (!state.notYetEffective)
        return;
    const youngest = Math.min(...state.grants.map((g) => g.ageMs ?? Infinity));
    const role = state.grants[0]?.roleName ?? 'the role';
    for (const r of (0,check/* firstPerFile */.uT)(refs, () => '')) {
        out.findings.push((0,finding/* makeFinding */.MH)('role-not-yet-effective', r.range, `${role} was assigned to ${who} on ${where} ${(0,rbac/* describeAge */.HK)(youngest)} ago: role assignments can take up to 10 minutes to take effect, so it may not have yet.`));
    }
}
function connections(ctx, identity, refs, out) {
    const ws = ctx.facts.workspace;
    if (ws.kind !== 'found') {
        decide(out, refs, { state: 'unknown', why: 'the workspace could not be read' });
        return;
    }
    const what = 'read the workspace connections';
    switch (identity.kind) {
        case 'none':
            decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-connections' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-connections', r.range, `${r.variable}: endpoint ${ctx.endpointName} has no identity (identity type none), so nothing can resolve connection references.`, {
                hint: 'Use identity type system_assigned with properties.enforce_access_to_default_secret_stores: enabled.',
            }));
            return;
        case 'unknown':
            identityUnknown(ctx, out, refs, identity, what);
            return;
        case 'new-system': {
            if (!enforceFlagEnabled(ctx)) {
                decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-connections' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-connections', r.range, `${r.variable}: the new system-assigned identity of endpoint ${ctx.endpointName} will not be able to read connection ${connectionName(r)}: the service grants "${roles/* CONNECTION_SECRETS_READER */.vC.roleName}" at creation only when the endpoint sets enforce_access_to_default_secret_stores: enabled.`, {
                    hint: 'Add to the endpoint file:\nproperties:\n  enforce_access_to_default_secret_stores: enabled',
                }));
                return;
            }
            const caller = callerHolds(ctx, ws.value.id, roles/* CONNECTION_SECRETS_READER */.vC.permission);
            if (caller.state === 'holds') {
                decide(out, refs, { state: 'pass' });
                out.identityPlan.push(`At endpoint creation the service grants "${roles/* CONNECTION_SECRETS_READER */.vC.roleName}" on the workspace to the new system identity (enforce flag, and the signed-in identity may read connection secrets).`);
            }
            else if (caller.state === 'missing') {
                decide(out, refs, { state: 'fail', rule: 'caller-cannot-read-connections' }); // reported by caller-permissions
            }
            else {
                decide(out, refs, { state: 'unknown', why: `whether the signed-in identity may read connection secrets is not known: ${caller.why}` });
            }
            return;
        }
        case 'existing': {
            // The service authorizes listsecrets on the connection itself, so an assignment on one connection counts too.
            const byConnection = new Map();
            for (const r of refs)
                byConnection.set(connectionName(r).toLowerCase(), [...(byConnection.get(connectionName(r).toLowerCase()) ?? []), r]);
            const wsName = (0,roles/* resourceName */.Iy)(ws.value.id);
            for (const group of byConnection.values()) {
                const name = connectionName(group[0]);
                const state = principalHolds(ctx, identity.principalId, roles/* CONNECTION_SECRETS_READER */.vC, `${ws.value.id}/connections/${name}`);
                if (state.state === 'holds') {
                    decide(out, group, { state: 'pass' });
                    notYetEffective(out, group, state, identity.label, `workspace ${wsName}`);
                }
                else if (state.state === 'unknown') {
                    decide(out, group, { state: 'unknown', why: state.why }, (r) => (0,finding/* makeFinding */.MH)('cannot-verify', r.range, `Cannot verify that ${identity.label} may ${what}: ${state.why}.`, { hint: hintFor(state) }));
                }
                else {
                    const command = (0,roles/* roleAssignmentCommand */.bP)(roles/* CONNECTION_SECRETS_READER */.vC, ws.value.id, identity.principalId);
                    decide(out, group, { state: 'fail', rule: 'endpoint-identity-cannot-read-connections' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-connections', r.range, `${r.variable}: ${identity.label} has no role with ${(0,roles/* operationOf */.zI)(roles/* CONNECTION_SECRETS_READER */.vC.permission)} on workspace ${wsName} (or on connection ${name}), so it cannot read connection ${name}.`, {
                        hint: `Assign "${roles/* CONNECTION_SECRETS_READER */.vC.roleName}" on the workspace: ${command}`,
                    }));
                }
            }
        }
    }
}
function keyVault(ctx, identity, host, refs, out) {
    const vault = (0,check/* lookupCI */.d5)(ctx.facts.vaults, host);
    const vaultName = host.split('.')[0] ?? host;
    if (!vault || vault.kind === 'missing') {
        // keyvault-secrets reports a missing vault; there is no scope to check.
        decide(out, refs, { state: 'unknown', why: `vault ${vaultName} was not found, so its roles cannot be checked` });
        return;
    }
    if (vault.kind === 'unreadable') {
        decide(out, refs, { state: 'unknown', why: `vault ${vaultName} could not be read, so its resource id (the role scope) is not known` });
        return;
    }
    const scope = vault.value.resourceId;
    const what = `read secrets from vault ${vaultName}`;
    const role = roles/* KEY_VAULT_SECRETS_USER */.Rg;
    switch (identity.kind) {
        case 'none':
            decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: endpoint ${ctx.endpointName} has no identity (identity type none), so nothing can read vault ${vaultName}.`, {
                hint: 'Give the endpoint an identity (type system_assigned or user_assigned) and assign it "Key Vault Secrets User" on the vault.',
            }));
            return;
        case 'unknown':
            identityUnknown(ctx, out, refs, identity, what);
            return;
        case 'new-system': {
            const later = (0,roles/* roleAssignmentCommand */.bP)(role, scope, (0,roles/* endpointPrincipalExpression */.sx)(ctx.endpointName, ctx.facts.workspace.kind === 'found' ? ctx.facts.workspace.value.id : undefined));
            out.identityPlan.push(`After the endpoint exists: assign ${role.roleName} on ${vaultName} to its new system identity${ctx.grantMissingRoles ? ' (grant-missing-roles)' : ` (${later})`}.`);
            if (ctx.grantMissingRoles) {
                plannedGrant(ctx, refs, out, { roleName: role.roleName, roleDefinitionId: role.roleDefinitionId, scope, principalType: 'ServicePrincipal', when: 'after-endpoint', reason: `${refs.length} reference(s) to vault ${vaultName}` }, 'the new system-assigned identity', vaultName);
                return;
            }
            decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: the endpoint's system-assigned identity does not exist until the endpoint is created, so it cannot hold "${role.roleName}" on vault ${vaultName} yet, and the service never grants it automatically; the deployment would fail with SecretsInjectionError.`, {
                hint: `Set grant-missing-roles: true (deploy then assigns the role between endpoint and deployment creation), or create the endpoint first and run: ${later}`,
            }));
            return;
        }
        case 'existing': {
            const state = principalHolds(ctx, identity.principalId, role, scope);
            if (state.state === 'holds') {
                decide(out, refs, { state: 'pass' });
                notYetEffective(out, refs, state, identity.label, `vault ${vaultName}`);
                return;
            }
            if (state.state === 'unknown') {
                decide(out, refs, { state: 'unknown', why: state.why }, (r) => (0,finding/* makeFinding */.MH)('cannot-verify', r.range, `Cannot verify that ${identity.label} may ${what}: ${state.why}.`, { hint: hintFor(state) }));
                return;
            }
            const command = (0,roles/* roleAssignmentCommand */.bP)(role, scope, identity.principalId);
            if (ctx.grantMissingRoles) {
                out.identityPlan.push(`Before the deployment: assign ${role.roleName} on ${vaultName} to ${identity.label} (grant-missing-roles).`);
                plannedGrant(ctx, refs, out, { roleName: role.roleName, roleDefinitionId: role.roleDefinitionId, scope, principalId: identity.principalId, principalType: 'ServicePrincipal', when: 'before-deployment', reason: `${refs.length} reference(s) to vault ${vaultName}` }, identity.label, vaultName);
                return;
            }
            decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: ${identity.label} has no role with ${(0,roles/* operationOf */.zI)(role.permission)} on vault ${vaultName} (role "${role.roleName}", scope ${scope}); the deployment would fail with SecretsInjectionError.`, {
                hint: `Run: ${command}  (or set grant-missing-roles: true)`,
            }));
        }
    }
}
/** grant-missing-roles: a notice and a planned grant when the caller may assign roles on the vault, an error when it may not. */
function plannedGrant(ctx, refs, out, grant, who, vaultName) {
    const caller = callerHolds(ctx, grant.scope, roles/* ROLE_ASSIGNMENT_WRITE */.r6);
    if (caller.state === 'missing') {
        decide(out, refs, { state: 'fail', rule: 'endpoint-identity-cannot-read-keyvault' }, (r) => (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: ${who} needs "${grant.roleName}" on vault ${vaultName}, and grant-missing-roles cannot assign it: the signed-in identity lacks ${(0,roles/* operationOf */.zI)(roles/* ROLE_ASSIGNMENT_WRITE */.r6)} on the vault.`, {
            hint: `Give the workflow identity "Role Based Access Control Administrator" (or User Access Administrator) on vault ${vaultName}, or assign the role yourself once the identity exists.`,
        }));
        return;
    }
    out.grants.push(grant);
    const when = grant.when === 'after-endpoint' ? 'after creating the endpoint' : 'before creating the deployment';
    decide(out, refs, { state: 'unknown', why: `deploy assigns ${grant.roleName} on ${vaultName} ${when} (grant-missing-roles)` }, (r) => caller.state === 'holds'
        ? (0,finding/* makeFinding */.MH)('endpoint-identity-cannot-read-keyvault', r.range, `${r.variable}: ${who} does not hold "${grant.roleName}" on vault ${vaultName} yet; deploy will assign it ${when} (grant-missing-roles).`, { severity: 'notice', hint: 'Nothing to do: the role is part of the plan.' })
        : (0,finding/* makeFinding */.MH)('cannot-verify', r.range, `${r.variable}: deploy will try to assign "${grant.roleName}" on vault ${vaultName} ${when} (grant-missing-roles), but whether the signed-in identity may assign roles there is not known: ${caller.why}.`, {
            hint: `Give the workflow identity ${caller.permission}, or check that it holds ${(0,roles/* operationOf */.zI)(roles/* ROLE_ASSIGNMENT_WRITE */.r6)} on the vault.`,
        }));
}
function hintFor(state) {
    return state.permission ? `Give the workflow identity ${state.permission} (for example Reader) on the scope.` : 'Check the assignment by hand: the action cannot evaluate it.';
}
function connectionName(r) {
    return r.kind === 'keyvault' ? r.vaultName : r.connection;
}

// EXTERNAL MODULE: ./lib/checks/endpoint-state.js
var endpoint_state = __webpack_require__(3776);
;// CONCATENATED MODULE: ./lib/checks/identity-immutable.js
// The identity of an existing endpoint cannot change: the file must ask for the one the endpoint
// was created with (docs/online-checks.md §identity-immutable; docs/secret-injection.md §3).



const identityImmutableCheck = (0,check/* defineCheck */.qH)('identity-immutable', ['identity-immutable'], (ctx) => {
    const live = ctx.facts.endpoint;
    const requested = requestedIdentityType(ctx);
    if (live.kind !== 'found' || !ctx.endpoint || requested === undefined)
        return {};
    const wanted = { type: requested, ids: (ctx.endpoint.identity?.userAssignedIdentities ?? []).map((u) => u.resourceId) };
    const has = describe(live.value.identity);
    const asks = describeWanted(wanted.type, wanted.ids);
    if (same(live.value.identity, wanted.type, wanted.ids))
        return {};
    return {
        findings: [
            (0,finding/* makeFinding */.MH)('identity-immutable', (0,check/* endpointPosition */.FT)(ctx, (s) => s.identity), `Endpoint ${ctx.endpointName} exists with ${has}; the file asks for ${asks}. An endpoint's identity is fixed when it is created, so the update would be rejected.`, {
                hint: `Keep ${has} in the endpoint file, or deploy to a new endpoint name.`,
            }),
        ],
    };
});
function same(live, type, ids) {
    const liveTypes = live.type.split(',').map((t) => t.trim()).sort().join(',');
    if (liveTypes !== type)
        return false;
    if (type !== 'UserAssigned')
        return true;
    const a = Object.keys(live.userAssigned).map((k) => k.toLowerCase()).sort();
    const b = ids.map((k) => k.toLowerCase()).sort();
    return a.length === b.length && a.every((k, i) => k === b[i]);
}
function describe(live) {
    return describeWanted(live.type, Object.keys(live.userAssigned));
}
function describeWanted(type, ids) {
    if (type === 'None')
        return 'no identity';
    if (type === 'SystemAssigned')
        return 'a system-assigned identity';
    const names = ids.map((id) => id.split('/').pop() ?? id).join(', ');
    if (type === 'UserAssigned')
        return `the user-assigned identity ${names}`;
    return `a system-assigned and the user-assigned identity ${names}`;
}

;// CONCATENATED MODULE: ./lib/checks/keyvault-model.js
// The vault's permission model: secret injection reads Key Vault through Azure RBAC, so a vault
// that uses access policies refuses the endpoint identity whatever its roles
// (docs/online-checks.md §keyvault-model; docs/secret-injection.md §2). One finding per vault and
// file, on the first reference to it; every reference to the vault gets the status.


const keyVaultModelCheck = (0,check/* defineCheck */.qH)('keyvault-model', ['keyvault-not-rbac', 'cannot-verify'], (ctx) => {
    const out = { findings: [], verdicts: [] };
    const refs = ctx.references.filter((r) => r.kind === 'keyvault');
    const first = new Set((0,check/* firstPerFile */.uT)(refs, (r) => r.vaultHost));
    for (const ref of refs) {
        const vault = (0,check/* lookupCI */.d5)(ctx.facts.vaults, ref.vaultHost);
        if (!vault || vault.kind === 'missing')
            continue; // not read, or reported by keyvault-secrets
        if (vault.kind === 'unreadable') {
            const permission = vault.permission ?? 'Microsoft.KeyVault/vaults/read';
            if (first.has(ref)) {
                out.findings.push((0,finding/* makeFinding */.MH)('cannot-verify', ref.range, `Cannot verify that vault ${ref.vaultName} uses Azure RBAC: it could not be read (${vault.why}); the signed-in identity needs ${permission}.`, {
                    hint: `Grant the workflow identity Reader (or Key Vault Reader) on vault ${ref.vaultName}.`,
                }));
            }
            out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `vault ${ref.vaultName} could not be read: ${permission} needed` } });
            continue;
        }
        if (vault.value.rbacAuthorization) {
            out.verdicts.push({ reference: ref, status: { state: 'pass' } });
            continue;
        }
        if (first.has(ref)) {
            out.findings.push((0,finding/* makeFinding */.MH)('keyvault-not-rbac', ref.range, `${ref.variable}: vault ${ref.vaultName} uses vault access policies; secret injection reads Key Vault only through Azure RBAC, so the deployment would fail with SecretsInjectionError.`, {
                hint: `az keyvault update --name ${ref.vaultName} --enable-rbac-authorization true, then assign "Key Vault Secrets User" on the vault to the endpoint identity (existing access policies stop applying).`,
            }));
        }
        out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-not-rbac' } });
    }
    return out;
});

;// CONCATENATED MODULE: ./lib/checks/keyvault-secrets.js
// Key Vault references: the vault resolves, the pinned secret version exists and is enabled, and
// whether it is expired, not yet valid, or superseded by a newer enabled version
// (docs/online-checks.md §keyvault-secrets; docs/secret-injection.md §4). Metadata only: no value
// is ever read.




const READ_METADATA = 'Microsoft.KeyVault/vaults/secrets/readMetadata/action';
const keyVaultSecretsCheck = (0,check/* defineCheck */.qH)('keyvault-secrets', ['keyvault-secret-not-found', 'keyvault-secret-unusable', 'keyvault-secret-expired', 'keyvault-secret-newer-version', 'cannot-verify'], (ctx) => {
    const out = { findings: [], verdicts: [] };
    const now = Date.parse(ctx.facts.now);
    for (const ref of ctx.references) {
        if (ref.kind !== 'keyvault')
            continue;
        const vault = (0,check/* lookupCI */.d5)(ctx.facts.vaults, ref.vaultHost);
        if (vault?.kind === 'missing') {
            out.findings.push((0,finding/* makeFinding */.MH)('keyvault-secret-not-found', ref.range, `${ref.variable}: no Key Vault named ${ref.vaultName} exists (${ref.vaultHost} does not resolve to a vault this subscription can see).`, {
                hint: 'Correct the vault name in the reference (az keyvault list --query [].name).',
            }));
            out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-secret-not-found' } });
            continue;
        }
        const version = (0,check/* lookupCI */.d5)(ctx.facts.secretVersions, ref.secretId);
        if (!version) {
            out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `secret ${ref.secretName} in ${ref.vaultName} was not read` } });
            continue;
        }
        if (version.kind === 'unreadable') {
            const permission = version.permission ?? READ_METADATA;
            out.findings.push((0,finding/* makeFinding */.MH)('cannot-verify', ref.range, `Cannot verify ${ref.variable}: the metadata of secret ${ref.secretName} in vault ${ref.vaultName} could not be read (${version.why}); the signed-in identity needs ${permission} on the vault.`, {
                hint: `Grant the workflow identity "Key Vault Reader" (which includes ${READ_METADATA}, never the value) on vault ${ref.vaultName}.`,
            }));
            out.verdicts.push({ reference: ref, status: { state: 'unknown', why: `secret metadata could not be read: ${permission} needed on ${ref.vaultName}` } });
            continue;
        }
        const noSecret = ctx.facts.secretNames?.[ref.vaultHost.toLowerCase()];
        if (version.kind === 'missing' && noSecret?.missing.some((n) => n.toLowerCase() === ref.secretName.toLowerCase())) {
            out.findings.push(missingSecret(ref, noSecret.names));
            out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-secret-not-found' } });
            continue;
        }
        if (version.kind === 'missing') {
            out.findings.push((0,finding/* makeFinding */.MH)('keyvault-secret-not-found', ref.range, `${ref.variable}: vault ${ref.vaultName} has no secret ${ref.secretName} with version ${ref.version}.`, {
                hint: `List what exists: az keyvault secret list-versions --vault-name ${ref.vaultName} --name ${ref.secretName} --query "[?attributes.enabled].id"`,
            }));
            out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-secret-not-found' } });
            continue;
        }
        const v = version.value;
        if (!v.enabled) {
            out.findings.push((0,finding/* makeFinding */.MH)('keyvault-secret-unusable', ref.range, `${ref.variable}: version ${keyvault_secrets_short(ref.version)} of secret ${ref.secretName} in vault ${ref.vaultName} is disabled; Key Vault refuses to serve it, so the deployment would fail with SecretsInjectionError.`, {
                hint: v.newerEnabled
                    ? `Reference the enabled version ${v.newerEnabled.version}, or enable this one (az keyvault secret set-attributes --vault-name ${ref.vaultName} --name ${ref.secretName} --version ${ref.version} --enabled true).`
                    : `Enable it (az keyvault secret set-attributes --vault-name ${ref.vaultName} --name ${ref.secretName} --version ${ref.version} --enabled true), or reference an enabled version.`,
            }));
            out.verdicts.push({ reference: ref, status: { state: 'fail', rule: 'keyvault-secret-unusable' } });
            continue;
        }
        out.verdicts.push({ reference: ref, status: { state: 'pass' } });
        const validity = validityProblem(v, now);
        if (validity)
            out.findings.push((0,finding/* makeFinding */.MH)('keyvault-secret-expired', ref.range, `${ref.variable}: version ${keyvault_secrets_short(ref.version)} of secret ${ref.secretName} in vault ${ref.vaultName} ${validity}. Key Vault still serves it, so the deployment will succeed with this value.`, {
                hint: v.newerEnabled ? `Reference the newer version: \${{keyvault:${ref.vaultUrl}/secrets/${ref.secretName}/${v.newerEnabled.version}}}` : RULE_FIX_EXPIRED,
            }));
        if (v.newerEnabled && v.newerEnabled.version.toLowerCase() !== ref.version.toLowerCase())
            out.findings.push(newerVersion(ref, v.newerEnabled, now));
    }
    return out;
});
/** How many secret names a message lists before "…and N more". */
const LISTED = 15;
/** The secret itself does not exist: the vault's secret names (when listed) and the closest, or how to create it. */
function missingSecret(ref, names) {
    const listed = names.kind === 'found' ? names.value : undefined;
    const near = listed ? (0,edit_distance/* closest */.k)(ref.secretName, listed) : undefined;
    const has = !listed ? '' : listed.length === 0 ? ' The vault has no secrets.' : ` The vault has: ${listed.slice(0, LISTED).join(', ')}${listed.length > LISTED ? ` and ${listed.length - LISTED} more` : ''}.`;
    const create = `az keyvault secret set --vault-name ${ref.vaultName} --name ${ref.secretName} --file <file with the value>`;
    return (0,finding/* makeFinding */.MH)('keyvault-secret-not-found', ref.range, `${ref.variable}: vault ${ref.vaultName} has no secret named ${ref.secretName}.${has}`, {
        hint: near
            ? `Did you mean ${near}? Then pin one of its versions (az keyvault secret list-versions --vault-name ${ref.vaultName} --name ${near} --query "[?attributes.enabled].id"). Or create the secret: ${create}, and pin the version it prints.`
            : `Create it: ${create}, and pin the version it prints; or correct the name${listed ? '' : ' (az keyvault secret list --vault-name ' + ref.vaultName + ' --query "[].name" lists them)'}.`,
    });
}
const RULE_FIX_EXPIRED = 'Reference a current version of the secret, or extend this version\'s expiry (az keyvault secret set-attributes --expires …).';
function keyvault_secrets_short(version) {
    return /^[0-9a-f]{32}$/i.test(version) ? `${version.slice(0, 8)}…` : version;
}
/** "expired 3 days ago (2026-11-27)", "is not valid until …": undefined when within its window. */
function validityProblem(v, now) {
    const expires = v.expiresOn ? Date.parse(v.expiresOn) : NaN;
    if (!Number.isNaN(expires) && expires <= now)
        return `expired ${(0,rbac/* describeAge */.HK)(now - expires)} ago (${v.expiresOn})`;
    const notBefore = v.notBefore ? Date.parse(v.notBefore) : NaN;
    if (!Number.isNaN(notBefore) && notBefore > now)
        return `is not valid until ${v.notBefore} (in ${(0,rbac/* describeAge */.HK)(notBefore - now)})`;
    return undefined;
}
function newerVersion(ref, newer, now) {
    const created = newer.createdOn ? Date.parse(newer.createdOn) : NaN;
    const age = Number.isNaN(created) ? '' : ` (created ${(0,rbac/* describeAge */.HK)(Math.max(0, now - created))} ago)`;
    return (0,finding/* makeFinding */.MH)('keyvault-secret-newer-version', ref.range, `${ref.variable}: secret ${ref.secretName} in vault ${ref.vaultName} has a newer enabled version ${keyvault_secrets_short(newer.version)}${age} than the pinned ${keyvault_secrets_short(ref.version)}.`, {
        hint: `If the rotation should reach this deployment: \${{keyvault:${ref.vaultUrl}/secrets/${ref.secretName}/${newer.version}}}`,
    });
}

;// CONCATENATED MODULE: ./lib/checks/local-assets.js
// Local model, code and build-context folders have something to upload once their ignore file is
// applied: az ml refuses an empty folder (EmptyDirectoryError), so the deployment would never start
// (docs/local-assets.md §2). The facts come from the asset plan (src/assets/plan.ts).


const WHAT = { model: 'The model folder', code: 'The code folder', environment: 'The build context' };
/** One finding per local path with nothing to upload (deploy calls it too, before any write). */
function emptyLocalAssets(localAssets) {
    return localAssets
        .filter((a) => a.files === 0)
        .map((a) => (0,finding/* makeFinding */.MH)('local-asset-empty', { file: a.file, line: a.line, column: a.column, endLine: a.endLine, endColumn: a.endColumn }, `${WHAT[a.kind]} '${a.localPath}' has no file to upload${a.ignoreFile ? ` once its ${a.ignoreFile} is applied` : ''}: az ml refuses an empty folder.`));
}
const localAssetsCheck = (0,check/* defineCheck */.qH)('local-assets', ['local-asset-empty'], (ctx) => ({ findings: emptyLocalAssets(ctx.facts.localAssets ?? []) }));

;// CONCATENATED MODULE: ./lib/checks/quota.js
// The instance type is offered for managed online endpoints in the workspace's region (`MIR` among the
// size's supportedComputeTypes), and both the VM family's dedicated-core quota and the regional
// dedicated-core total have room for the deployment (docs/online-checks.md §quota). Managed online
// deployments hold 20 % more instances than asked, for upgrades
// (https://learn.microsoft.com/azure/machine-learning/how-to-manage-quotas#azure-machine-learning-online-endpoints-and-batch-endpoints):
// cores = ceil(1.2 × instances) × cores per instance, except the sizes that skip the reserve.
// Deployments that keep running during the rollout (the one traffic moves away from) keep their
// cores, so nothing is counted as freed. Usage rows are told apart by type and name (classifyUsage).
//
// Arithmetic (also used by the plan):
//   reservedInstances(instances): number                  ceil(1.2 × instances), in integers
//   coresNeeded(instances, vCPUs): number
//   quotaDemands(deployments, live, vmSizes): QuotaDemand[]  what each deployment of this run adds
//   quotaByFamily(demands, usages): FamilyQuota[]            before → after per family
//   regionalQuota(demands, usages): QuotaBalance             before → after of the regional total



/** ceil(1.2 × instances), in integer arithmetic (10 instances → 12). */
function reservedInstances(instances) {
    return Math.ceil((instances * 12) / 10);
}
function coresNeeded(instances, vCPUs, vmSize) {
    return (vmSize && reserveExempt(vmSize) ? instances : reservedInstances(instances)) * vCPUs;
}
/**
 * SKUs the service deploys without the 20 % reserve ("Skip 20% Reservation" in the managed online endpoints SKU list,
 * https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list, as issue 16 quotes it):
 * the A100 and H100 sizes and the ND families. The SKU list table is the authority; this matches it by name pattern.
 */
function reserveExempt(vmSize) {
    return /A100|H100|^Standard_ND/i.test(vmSize);
}
function reserveText(d) {
    return reserveExempt(d.vmSize)
        ? `${d.instances} instance(s) (${d.vmSize} skips the 20 % reserve)`
        : `ceil(1.2 × ${d.instances}) = ${reservedInstances(d.instances)} instances (20 % reserve for upgrades)`;
}
function sizeOf(vmSizes, name) {
    if (!name)
        return undefined;
    return vmSizes.find((s) => s.name.toLowerCase() === name.toLowerCase());
}
/** `MIR` in `supportedComputeTypes` marks the sizes managed online endpoints offer; a list without the field is taken as it is. */
const ONLINE_ENDPOINT_COMPUTE_TYPE = 'MIR';
/** The region's sizes a managed online deployment may use (the vmSizes listing holds every Azure Machine Learning compute size). */
function onlineSizes(vmSizes) {
    return vmSizes.filter((s) => !s.supportedComputeTypes || s.supportedComputeTypes.some((t) => t.toLowerCase() === ONLINE_ENDPOINT_COMPUTE_TYPE.toLowerCase()));
}
/**
 * The sizes to suggest instead of `name`: online sizes of the same family, closest in cores first (up to three);
 * else the closest name.
 */
function nearestOnlineSizes(vmSizes, name) {
    const online = onlineSizes(vmSizes);
    const asked = sizeOf(vmSizes, name);
    if (asked) {
        const sameFamily = online.filter((s) => familyId(s.family) === familyId(asked.family)).sort((a, b) => Math.abs(a.vCPUs - asked.vCPUs) - Math.abs(b.vCPUs - asked.vCPUs) || a.vCPUs - b.vCPUs);
        if (sameFamily.length)
            return sameFamily.slice(0, 3).map((s) => s.name);
    }
    const near = (0,edit_distance/* closest */.k)(name, online.map((s) => s.name));
    return near ? [near] : [];
}
/**
 * What a family is called, whichever form a row uses: `standardDSv2Family` (vmSizes), `Standard DSv2 Family
 * Cluster Dedicated vCPUs` (a usage name) and `Standard_DSv2_Family_Cluster_Dedicated_vCPUs` (a usage id) are
 * all `dsv2`. Undefined when the text names no family.
 */
function familyKey(text) {
    const m = /^standard[\s_]*(.+?)[\s_]*family(?![a-z0-9])/i.exec(text);
    return m?.[1] ? m[1].toLowerCase().replace(/[^a-z0-9]/g, '') : undefined;
}
/** The key a family is compared by: familyKey, or the name itself (lower-cased) when it follows no known form. */
function familyId(text) {
    return familyKey(text) ?? text.toLowerCase();
}
function classifyUsage(u) {
    const type = u.type.toLowerCase();
    if (/\/workspaces?\//.test(type) || /\/workspaces\//i.test(u.id))
        return undefined; // a workspace's or a cluster's share
    if (/lowpriority/.test(type) || /low\s*priority/i.test(u.name))
        return undefined;
    if (/\/vmfamily\//.test(type)) {
        const family = familyKey(u.name) ?? familyKey(u.id.split('/').at(-1) ?? '') ?? (u.name ? u.name.toLowerCase() : undefined);
        return family ? { kind: 'family', family, row: u } : undefined;
    }
    if (/\/dedicatedcores\/usages$/.test(type) || /^total\s*(cluster\s*)?dedicated/i.test(u.name))
        return { kind: 'regional', row: u };
    return undefined;
}
function display(u) {
    return u.localizedName || u.name;
}
/** -1 is no limit. */
function fitsIn(limit, after) {
    return limit < 0 || after <= limit;
}
/** What each managed deployment of this run adds to its family's usage. An existing deployment of
 * the same name is updated in place: its current cores (assumed counted in usage with their
 * reserve) are subtracted when it stays in the same family. Sizes managed online endpoints do not offer are left out.
 */
function quotaDemands(deployments, live, vmSizes) {
    const out = [];
    const online = onlineSizes(vmSizes);
    for (const d of deployments) {
        if (d.computeType !== 'Managed')
            continue;
        const size = sizeOf(online, d.instanceType);
        if (!size)
            continue;
        const instances = d.instanceCount ?? 1;
        const cores = coresNeeded(instances, size.vCPUs, size.name);
        const existing = (0,check/* lookupCI */.d5)(live, d.name);
        const oldSize = sizeOf(vmSizes, existing?.instanceType);
        const held = existing && oldSize && familyId(oldSize.family) === familyId(size.family) ? coresNeeded(existing.instanceCount ?? 1, oldSize.vCPUs, oldSize.name) : 0;
        out.push({ deployment: d.name, file: d.file, vmSize: size.name, family: size.family, instances, vCPUs: size.vCPUs, cores, held, additional: Math.max(0, cores - held) });
    }
    return out;
}
/** Before → after per family, from the family's subscription row; a family without one is left out (the caller reports it). */
function quotaByFamily(demands, usages) {
    const rows = usages.map(classifyUsage).filter((r) => r?.kind === 'family');
    const families = new Map();
    for (const d of demands) {
        const key = familyId(d.family);
        families.set(key, [...(families.get(key) ?? []), d]);
    }
    const out = [];
    for (const [key, list] of families) {
        const usage = rows.find((r) => r.family === key)?.row;
        if (!usage)
            continue;
        const additional = list.reduce((n, d) => n + d.additional, 0);
        const after = usage.current + additional;
        // A run that adds nothing to a family (an update in place that does not grow) never fails its quota.
        out.push({ family: list[0]?.family ?? key, title: display(usage), limit: usage.limit, current: usage.current, additional, after, fits: additional === 0 || fitsIn(usage.limit, after), demands: list });
    }
    return out;
}
/** Before → after of the regional dedicated-core total, which every family's additions count against; undefined without that row. */
function regionalQuota(demands, usages) {
    const usage = usages.map(classifyUsage).find((r) => r?.kind === 'regional')?.row;
    if (!usage)
        return undefined;
    const additional = demands.reduce((n, d) => n + d.additional, 0);
    const after = usage.current + additional;
    return { title: display(usage), limit: usage.limit, current: usage.current, additional, after, fits: additional === 0 || fitsIn(usage.limit, after), demands: [...demands] };
}
function limitText(limit) {
    return limit < 0 ? 'no limit' : `${limit}`;
}
/** Plan lines: "Standard DSv2 Family Cluster Dedicated vCPUs: 8 → 20 of 100 cores", then the regional total. */
function quotaPlanLines(ctx) {
    const { vmSizes, usages, deployments } = ctx.facts;
    if (vmSizes.kind !== 'found' || usages.kind !== 'found')
        return [];
    const live = deployments.kind === 'found' ? deployments.value : {};
    const demands = quotaDemands(ctx.deployments, live, vmSizes.value);
    const line = (q) => `${q.title}: ${q.current} → ${q.after} of ${limitText(q.limit)} cores${q.fits ? '' : ' (over the limit)'}`;
    const regional = demands.length ? regionalQuota(demands, usages.value) : undefined;
    return [...quotaByFamily(demands, usages.value).map(line), ...(regional ? [line(regional)] : [])];
}
function instanceTypeAt(d) {
    return (0,check.at)(d.file, d.spans.instanceType ?? d.spans.name ?? { line: 1, column: 1, endLine: 1, endColumn: 1 });
}
const quotaCheck = (0,check/* defineCheck */.qH)('quota', ['instance-type-unavailable', 'quota-insufficient', 'cannot-verify'], (ctx) => {
    const managed = ctx.deployments.filter((d) => d.computeType === 'Managed' && d.instanceType);
    if (managed.length === 0)
        return {};
    const findings = [];
    const { vmSizes, usages, deployments } = ctx.facts;
    if (vmSizes.kind !== 'found') {
        const why = vmSizes.kind === 'unreadable' ? vmSizes.why : 'the region lists no VM sizes';
        for (const d of managed)
            findings.push((0,finding/* makeFinding */.MH)('cannot-verify', instanceTypeAt(d), `Cannot verify instance_type ${d.instanceType} and its quota: the VM sizes of the workspace's region could not be read (${why}).`, { hint: 'Give the workflow identity Reader on the subscription (Microsoft.MachineLearningServices/locations/vmSizes/read).' }));
        return { findings };
    }
    const online = onlineSizes(vmSizes.value);
    for (const d of managed) {
        if (sizeOf(online, d.instanceType))
            continue;
        const near = nearestOnlineSizes(vmSizes.value, d.instanceType ?? '');
        const listed = sizeOf(vmSizes.value, d.instanceType);
        const suggestion = near.length ? `Did you mean ${near.join(' or ')}?` : 'List the sizes the region offers: az ml online-deployment list-skus, or see https://learn.microsoft.com/azure/machine-learning/reference-managed-online-endpoints-vm-sku-list';
        findings.push((0,finding/* makeFinding */.MH)('instance-type-unavailable', instanceTypeAt(d), listed
            ? `instance_type ${d.instanceType} is an Azure Machine Learning compute size of the workspace's region, but not one for managed online endpoints: its supported compute types (${(listed.supportedComputeTypes ?? []).join(', ')}) do not include ${ONLINE_ENDPOINT_COMPUTE_TYPE}, and the service refuses the deployment.`
            : `instance_type ${d.instanceType} is not offered for online endpoints in the workspace's region.`, { hint: listed && near.length ? `Use a size managed online endpoints offer: ${near.join(', ')}.` : suggestion }));
    }
    if (usages.kind !== 'found') {
        const why = usages.kind === 'unreadable' ? usages.why : 'no usage was reported';
        for (const d of managed.filter((m) => sizeOf(online, m.instanceType)))
            findings.push((0,finding/* makeFinding */.MH)('cannot-verify', instanceTypeAt(d), `Cannot verify the core quota for ${d.instanceType}: the region's usage could not be read (${why}).`, { hint: 'Give the workflow identity Reader on the subscription (Microsoft.MachineLearningServices/locations/usages/read).' }));
        return { findings };
    }
    const live = deployments.kind === 'found' ? deployments.value : {};
    const demands = quotaDemands(managed, live, vmSizes.value);
    const byFamily = quotaByFamily(demands, usages.value);
    const regional = demands.length ? regionalQuota(demands, usages.value) : undefined;
    for (const demand of demands) {
        const family = byFamily.find((f) => familyId(f.family) === familyId(demand.family));
        const d = managed.find((m) => m.name === demand.deployment && m.file === demand.file);
        if (!d)
            continue;
        if (!family) {
            findings.push((0,finding/* makeFinding */.MH)('cannot-verify', instanceTypeAt(d), `Cannot verify the core quota for ${demand.vmSize}: no usage is reported for its family ${demand.family}.`, { hint: 'Check the family quota in the Azure portal (Quotas).' }));
        }
        else if (!family.fits) {
            const free = Math.max(0, family.limit - family.current);
            const others = family.demands.length > 1 ? ` Together with ${family.demands.filter((x) => x !== demand).map((x) => x.deployment).join(', ')}, this run adds ${family.additional}.` : '';
            const update = demand.held ? ` It already holds ${demand.held} cores, which it keeps until the new instances are up.` : '';
            const running = runningElsewhere(live, vmSizes.value, demand);
            findings.push((0,finding/* makeFinding */.MH)('quota-insufficient', instanceTypeAt(d), `${demand.deployment} needs ${demand.cores} cores of ${demand.family} (${family.title}): ${reserveText(demand)} × ${demand.vCPUs} cores of ${demand.vmSize}; ${free} of ${family.limit} are free (${family.current} in use).${update}${others}${running}`, {
                hint: `Request at least ${family.after} cores for ${demand.family} in the region (Azure portal: Quotas), or lower instance_count, or choose a size of a family with free quota.`,
            }));
        }
        if (!regional) {
            findings.push((0,finding/* makeFinding */.MH)('cannot-verify', instanceTypeAt(d), `Cannot verify the regional core quota for ${demand.vmSize}: the region's usage has no dedicated-core total (Total Cluster Dedicated Regional vCPUs).`, { hint: 'Check the regional total in the Azure portal (Quotas).' }));
        }
        else if (!regional.fits) {
            const free = Math.max(0, regional.limit - regional.current);
            const together = regional.demands.length > 1 ? ` This run adds ${regional.additional} in all (${regional.demands.map((x) => `${x.deployment}: ${x.additional}`).join(', ')}).` : '';
            findings.push((0,finding/* makeFinding */.MH)('quota-insufficient', instanceTypeAt(d), `${demand.deployment} adds ${demand.additional} cores to the region's total (${regional.title}), which every managed online deployment and compute cluster of the subscription in the region counts against: ${free} of ${regional.limit} are free (${regional.current} in use).${together}`, {
                hint: `Request at least ${regional.after} cores for ${regional.title} in the region (Azure portal: Quotas), or lower instance_count.`,
            }));
        }
    }
    return { findings };
});
/** Which other deployments of the endpoint hold cores of the same family through the rollout. */
function runningElsewhere(live, vmSizes, demand) {
    const holders = Object.values(live)
        .filter((l) => l.name.toLowerCase() !== demand.deployment.toLowerCase())
        .map((l) => ({ l, size: sizeOf(vmSizes, l.instanceType) }))
        .filter((x) => x.size && familyId(x.size.family) === familyId(demand.family));
    if (!holders.length)
        return '';
    return ` ${holders.map((x) => `${x.l.name} (${coresNeeded(x.l.instanceCount ?? 1, x.size?.vCPUs ?? 0, x.size?.name)} cores)`).join(', ')} keep${holders.length === 1 ? 's' : ''} running during the rollout.`;
}

// EXTERNAL MODULE: ./lib/manifests/index.js
var manifests = __webpack_require__(9878);
;// CONCATENATED MODULE: ./lib/checks/traffic.js
// Traffic may name only deployments that exist on the endpoint or that this run deploys
// (docs/online-checks.md §traffic). Offline the same test is a warning (the deployment may exist);
// here it is decided. Reuses the offline arithmetic of src/manifests/traffic.ts.



const trafficCheck = (0,check/* defineCheck */.qH)('traffic', ['traffic', 'cannot-verify'], (ctx) => {
    const endpoint = ctx.endpoint;
    if (!endpoint)
        return {};
    const deploying = ctx.deployments.map((d) => d.name);
    const live = ctx.facts.deployments;
    if (live.kind === 'unreadable') {
        const known = new Set(deploying.map((n) => n.toLowerCase()));
        const findings = [];
        for (const e of [...endpoint.traffic, ...endpoint.mirrorTraffic]) {
            if (e.percent === 0 || known.has(e.name))
                continue;
            findings.push((0,finding/* makeFinding */.MH)('cannot-verify', (0,check.at)(endpoint.file, e.keySpan), `Cannot verify that deployment ${e.key} exists: the endpoint's deployments could not be read (${live.why}).`, {
                hint: `Give the workflow identity ${live.permission ?? 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments/read'} on the workspace.`,
            }));
        }
        return { findings };
    }
    const existing = live.kind === 'found' ? Object.values(live.value).map((d) => d.name) : [];
    return { findings: (0,manifests/* checkTraffic */.At)(endpoint, [...deploying, ...existing], endpoint.file, 'error') };
});

;// CONCATENATED MODULE: ./lib/checks/uai-platform-roles.js
// A user-assigned endpoint identity needs AcrPull on the workspace registry and Storage Blob Data
// Reader on the workspace storage; a system-assigned one is granted both at creation
// (docs/online-checks.md §uai-platform-roles; docs/secret-injection.md §3).




const uaiPlatformRolesCheck = (0,check/* defineCheck */.qH)('uai-platform-roles', ['uai-missing-platform-roles', 'role-not-yet-effective', 'cannot-verify'], (ctx) => {
    const identity = endpointIdentity(ctx);
    const ws = ctx.facts.workspace;
    if (identity.kind !== 'existing' || identity.type !== 'user' || ws.kind !== 'found')
        return {};
    const where = (0,check/* endpointPosition */.FT)(ctx, (s) => s.identity);
    const out = { findings: [] };
    const missing = [];
    const needs = [[roles/* ACR_PULL */.nB, ws.value.containerRegistryId], [roles/* STORAGE_BLOB_DATA_READER */.ZA, ws.value.storageAccountId]];
    for (const [role, scope] of needs) {
        if (!scope)
            continue; // the workspace has none yet (a registry is created with the first image build)
        // Blob reads happen in one container of the account: an assignment on a container is not known to be the right one.
        const state = principalHolds(ctx, identity.principalId, role, scope, role === roles/* STORAGE_BLOB_DATA_READER */.ZA);
        if (state.state === 'missing')
            missing.push({ role, scope });
        else if (state.state === 'unknown') {
            out.findings.push((0,finding/* makeFinding */.MH)('cannot-verify', where, `Cannot verify that ${identity.label} holds ${role.roleName} on ${(0,roles/* resourceName */.Iy)(scope)}: ${state.why}.`, {
                hint: state.permission ? `Give the workflow identity ${state.permission} on ${(0,roles/* resourceName */.Iy)(scope)}.` : 'Check the assignment by hand.',
            }));
        }
        else if (state.notYetEffective) {
            out.findings.push((0,finding/* makeFinding */.MH)('role-not-yet-effective', where, `${state.grants[0]?.roleName ?? role.roleName} on ${(0,roles/* resourceName */.Iy)(scope)} was assigned to ${identity.label} less than 10 minutes ago: it may not have taken effect yet.`));
        }
    }
    if (missing.length) {
        const what = missing.map((m) => `${m.role.roleName} on ${(0,roles/* resourceName */.Iy)(m.scope)} (to ${m.role.purpose})`).join(' and ');
        out.findings.push((0,finding/* makeFinding */.MH)('uai-missing-platform-roles', where, `${identity.label} lacks ${what}; a user-assigned identity is not granted these automatically, and the deployment would fail to start.`, {
            hint: `Run: ${missing.map((m) => (0,roles/* roleAssignmentCommand */.bP)(m.role, m.scope, identity.principalId)).join(' && ')}`,
        }));
    }
    return out;
});

// EXTERNAL MODULE: ./lib/checks/workspace.js
var workspace = __webpack_require__(304);
;// CONCATENATED MODULE: ./lib/checks/registry.js















const CHECKS = [
    workspace/* workspaceCheck */.S,
    endpoint_state/* endpointStateCheck */.Lw,
    identityImmutableCheck,
    connectionsCheck,
    keyVaultSecretsCheck,
    keyVaultModelCheck,
    callerPermissionsCheck,
    endpointIdentityCheck,
    uaiPlatformRolesCheck,
    assets/* assetsCheck */.cv,
    localAssetsCheck,
    quotaCheck,
    kubernetesComputeCheck,
    trafficCheck,
];
function runChecks(ctx, checks = CHECKS) {
    // A workspace that is not there gates every other check: one finding on the inputs, not five false ones.
    const gate = (0,workspace/* workspaceGate */.b)(ctx);
    if (gate)
        checks = [workspace/* workspaceCheck */.S];
    const findings = [];
    const identityPlan = [];
    const grants = [];
    const verdicts = new Map();
    for (const check of checks) {
        const output = check.evaluate ? check.evaluate(ctx) : { findings: check.run(ctx), verdicts: [], identityPlan: [], grants: [] };
        findings.push(...output.findings);
        identityPlan.push(...output.identityPlan);
        grants.push(...output.grants);
        for (const v of output.verdicts)
            verdicts.set(v.reference, [...(verdicts.get(v.reference) ?? []), v.status]);
    }
    const references = ctx.references.map((ref) => {
        const { store, target } = (0,scan/* describeReference */.P5)(ref);
        return { variable: ref.variable, file: ref.range.file, line: ref.range.line, store, target, status: mergeStatuses(verdicts.get(ref) ?? []) };
    });
    if (gate)
        return { findings, references, identityPlan: [], grants: [], quota: [], workspaceBlocked: true };
    return { findings, references, identityPlan: [...new Set(identityPlan)], grants, quota: quotaPlanLines(ctx) };
}
/** Fail beats unknown beats pass; no verdict at all is unknown. The first failing rule is kept. */
function mergeStatuses(statuses) {
    const fail = statuses.find((s) => s.state === 'fail');
    if (fail)
        return fail;
    const unknown = statuses.filter((s) => s.state === 'unknown');
    if (unknown.length)
        return { state: 'unknown', why: [...new Set(unknown.map((u) => u.why))].join('; ') };
    if (statuses.length)
        return { state: 'pass' };
    return { state: 'unknown', why: 'no online check covered this reference' };
}

// EXTERNAL MODULE: ./lib/report/redact.js
var redact = __webpack_require__(6749);
// EXTERNAL MODULE: ./lib/apply/lease.js
var lease = __webpack_require__(2798);
// EXTERNAL MODULE: ./lib/apply/trace-tags.js
var trace_tags = __webpack_require__(9415);
// EXTERNAL MODULE: ./lib/report/model.js
var model = __webpack_require__(5747);
// EXTERNAL MODULE: ./lib/modes/expected-plan.js + 1 modules
var expected_plan = __webpack_require__(2065);
// EXTERNAL MODULE: ./lib/modes/validate-plan.js + 1 modules
var validate_plan = __webpack_require__(8542);
// EXTERNAL MODULE: ./lib/modes/delete.js + 2 modules
var modes_delete = __webpack_require__(8109);
;// CONCATENATED MODULE: ./lib/modes/validate.js
// mode: validate — read-only: sign in, read what the online checks need (src/azure/gather.ts),
// run the check registry (src/checks/registry.ts), and refine the plan against the live workspace
// (create / update / no change with the field-level diff, traffic and quota before → after, the
// roles a new system identity will need). It sends no write request. Deploy (src/modes/deploy.ts)
// reuses this check and its session and facts (docs/architecture.md §1).














const validateMode = {
    // Offline, traffic to a deployment in no file is only a notice: the online traffic check decides it.
    unknownTrafficSeverity: 'notice',
    offlineReferenceStatus: 'not resolved: the online checks did not run',
    // teardown: true plans what mode: delete would delete (docs/teardown.md) instead of a deploy.
    check: (run) => (run.inputs.teardown ? (0,modes_delete.teardownOnline)(run, 'validate') : validateOnline(run, 'validate')),
};
/** The read-only half shared by validate and deploy. */
async function validateOnline(run, mode) {
    const { inputs, analysis } = run;
    const endpointName = analysis.endpoint?.name ?? analysis.deployments[0]?.endpointName ?? '';
    const session = await run.phase('Sign in to Azure', () => (0,azure_session/* signIn */.Jv)(inputs));
    const requestsAtSignIn = session.stats.requests;
    const assetProblems = [];
    const { gathered, assetPlan } = await run.phase('Read Azure (read-only)', async () => {
        const ws = { ...manifests/* OFFLINE_WORKSPACE */.Qu, subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName };
        const [g, a] = await Promise.all([
            gatherFacts(session, { endpoint: analysis.endpoint, endpointName, deployments: analysis.deployments, references: analysis.references }),
            (0,plan/* planLocalAssets */.wT)(session, analysis.deployments.map((d) => (0,manifests/* deploymentRestBody */.KE)(d, ws))).catch((error) => {
                assetProblems.push((0,finding/* makeFinding */.MH)('cannot-verify', { file: analysis.deployments[0]?.file ?? '', line: 1, column: 1 }, `Cannot plan the local assets: ${error instanceof Error ? error.message : String(error)}.`, { hint: 'Give the workflow identity read access to the workspace assets, datastores and storage.', ...(mode === 'deploy' ? { severity: 'error' } : {}) }));
                return { items: [], facts: [], changes: true };
            }),
        ]);
        g.facts.localAssets = a.facts;
        core.info(describeReads(g.reads, session.stats.requests - requestsAtSignIn));
        for (const line of (0,plan/* planLines */.HN)(a))
            core.info(`Asset: ${line.description}`);
        return { gathered: g, assetPlan: a };
    });
    const ctx = {
        endpoint: analysis.endpoint,
        endpointName,
        deployments: analysis.deployments,
        references: analysis.references,
        facts: gathered.facts,
        // validate predicts the deploy the same inputs would run, so it honours grant-missing-roles too.
        grantMissingRoles: inputs.grantMissingRoles,
        mode,
    };
    const outcome = await run.phase('Online checks', async () => {
        const o = runChecks(ctx);
        core.info(`${o.findings.length} online finding(s); references: ${countStates(o)}.`);
        return o;
    });
    // Registered-asset lines of the offline plan stay; local assets get the asset plan's lines.
    const offlineAssets = analysis.plan.assets.filter((a) => a.description.startsWith('resolve '));
    const ws = { subscriptionId: session.subscriptionId, resourceGroup: session.resourceGroup, workspaceName: session.workspaceName, location: gathered.facts.workspace.kind === 'found' ? gathered.facts.workspace.value.location : manifests/* OFFLINE_WORKSPACE */.Qu.location };
    const computed = (0,validate_plan/* computePlan */.Ru)({
        endpoint: analysis.endpoint,
        endpointName,
        deployments: analysis.deployments,
        facts: gathered.facts,
        outcome,
        workspace: ws,
        tags: (0,trace_tags/* traceTags */.TS)(process.env, { skip: inputs.skipDefaultTags }),
        localAssets: assetPlan,
        localAssetsRead: assetProblems.length === 0,
        offlineAssets,
        inputs,
        secretValues: (0,redact/* maskable */.dm)(analysis.overrideValues),
        mode,
    });
    for (const line of computed.notes)
        core.info(line);
    if (inputs.expectedPlanFile)
        computed.findings.push(...(0,expected_plan/* approvedPlanFindings */.n)(inputs.expectedPlanFile, computed.plan, analysis));
    const live = gathered.facts.endpoint.kind === 'found' ? gathered.facts.endpoint.value : undefined;
    // Read-only: another run's lease is shown, never touched (docs/rollout.md §6).
    const held = (0,lease/* leaseOf */.m8)(live?.body.tags);
    if (held) {
        const line = held.expiresAt > Date.now()
            ? `Endpoint ${endpointName} is leased by ${(0,lease/* describeLease */.un)(held, Date.now())}: a deploy run now waits for it (lease-wait) before its first write.`
            : `Endpoint ${endpointName} carries an expired lease of ${(0,lease/* describeLease */.un)(held, Date.now())}: a deploy run takes it over.`;
        core.notice(line, { title: 'Endpoint leased' });
        computed.notes.push(line);
    }
    return {
        // A workspace that is not there: its one finding only (the asset reads and the plan failed for the same reason).
        findings: [...outcome.findings, ...(outcome.workspaceBlocked ? [] : [...assetProblems, ...computed.findings])],
        references: outcome.references,
        plan: computed.plan,
        changes: outcome.workspaceBlocked ? undefined : computed.changes,
        readBack: live ? { scoringUri: live.scoringUri, swaggerUri: live.swaggerUri, traffic: live.traffic, mirrorTraffic: live.mirrorTraffic, ...(0,model/* armIdentifiers */.rg)(live.body) } : undefined,
        notes: [describeReads(gathered.reads, session.stats.requests - requestsAtSignIn), ...computed.notes],
        supersedes: supersededOffline,
        session,
        facts: gathered.facts,
        outcome,
        assetPlan,
        computed,
    };
}
/** The online traffic check decides what the offline analysis could only flag as a notice. */
function supersededOffline(f) {
    return f.rule === 'traffic' && f.severity === 'notice';
}
function describeReads(r, requests) {
    const parts = [
        `${r.connections} connection(s)`,
        `${r.secrets} Key Vault secret(s) (metadata only)`,
        `${r.vaults} vault(s)`,
        `${r.principalScopes} identity role lookup(s)`,
        `${r.roleDefinitions} role definition(s)`,
        `${r.assets} asset(s)${r.registryAssets ? ` (${r.registryAssets} in Azure ML registries)` : ''}`,
    ];
    return `Read (nothing written): the workspace, the endpoint and its deployments, ${parts.join(', ')}; ${requests} request(s) in ${r.durationMs} ms.`;
}
function countStates(o) {
    const counts = { pass: 0, fail: 0, unknown: 0 };
    for (const r of o.references)
        counts[r.status.state]++;
    return `${counts.pass} pass, ${counts.fail} fail, ${counts.unknown} unknown`;
}


/***/ })

};

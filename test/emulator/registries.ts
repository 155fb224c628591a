// Azure ML registries on the regional ML API hosts (`<region>.api.azureml.ms`, `.api.ml.azure.us`,
// `.api.ml.azure.cn`), as azure-ai-ml reaches them (`_utils/_registry_utils.py` RegistryDiscovery):
//   GET /registrymanagement/v1.0/registries/{name}/discovery           (no api-version; any region host)
//   GET {primaryRegionResourceProviderUri}mferp/managementfrontend/subscriptions/{sub}/resourceGroups/{rg}/
//       providers/Microsoft.MachineLearningServices/registries/{name}/{models|environments|codes}/{asset}
//       [/versions[/{version}]]?api-version=2021-10-01-dataplanepreview
// Both take an ARM token of the host's cloud (the SDK builds both clients with the ARM credential scopes).
// Provenance per behaviour: test/emulator/README.md "Registries". Read-only: the action never writes here.
import { ARM_HOSTS } from './arm.ts';
import { armError, armHeaders, authorizationFailed, decide } from './arm-common.ts';
import type { Ctx } from './context.ts';
import { mlApiHost } from './clouds.ts';
import { checkAccessToken } from './entra.ts';
import { bearerToken, json, queryGet } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';
import type { ScenarioRegistry } from './scenario.ts';

/** The api-version azure-ai-ml's registry client (v2021_10_01_dataplanepreview) sends; the only one served. */
export const REGISTRY_API_VERSIONS = ['2021-10-01-dataplanepreview'];
/** The action a registry asset read needs (Reader grants it; "Manage Azure Machine Learning registries"). */
export const REGISTRY_ASSET_READ = 'Microsoft.MachineLearningServices/registries/assets/read';

export function registryArmId(r: ScenarioRegistry): string {
  return `/subscriptions/${r.subscriptionId}/resourceGroups/${r.resourceGroup}/providers/Microsoft.MachineLearningServices/registries/${r.name}`;
}

function providerUri(r: ScenarioRegistry, suffix: string): string {
  return `https://${r.location}${suffix}/`;
}

function registryNamed(ctx: Ctx, name: string): ScenarioRegistry | undefined {
  return ctx.world.scenario.registries.find((r) => r.name.toLowerCase() === name.toLowerCase());
}

/** The ML service's error shape (`innerError`, camel case), as its workspace asset errors. */
function mlError(status: number, code: string, message: string, inner?: string): EmuResponse {
  return armError(status, code, message, inner ? { details: [], innerError: { code: inner } } : {});
}

export function handleRegistry(ctx: Ctx, req: EmuRequest): EmuResponse {
  const res = route(ctx, req);
  return { ...res, headers: { ...armHeaders(), ...(res.headers ?? {}) } };
}

function route(ctx: Ctx, req: EmuRequest): EmuResponse {
  const where = mlApiHost(req.host);
  if (!where) return mlError(404, 'NotFound', `The host ${req.host} is not served.`);
  const audiences = ARM_HOSTS[where.cloud.armHosts[0] ?? ''] ?? [];
  const token = checkAccessToken(ctx, bearerToken(req), audiences);
  if (!token.ok) {
    return { ...mlError(401, 'InvalidAuthenticationToken', token.reason === 'missing' ? "Authentication failed. The 'Authorization' header is missing." : `The access token is invalid (${token.reason}).`), headers: { 'WWW-Authenticate': 'Bearer authorization_uri="https://login.windows.net/", error="invalid_token"' } };
  }
  if (req.method !== 'GET') return mlError(405, 'MethodNotAllowed', `The requested resource does not support http method '${req.method}'.`);
  const segs = req.path.split('/').filter(Boolean);
  const low = segs.map((s) => s.toLowerCase());

  // Discovery: any region host of the cloud answers for any registry (the SDK always asks one fixed host).
  if (segs.length === 5 && low[0] === 'registrymanagement' && low[1] === 'v1.0' && low[2] === 'registries' && low[4] === 'discovery') {
    const r = registryNamed(ctx, segs[3] ?? '');
    if (!r) return mlError(404, 'UserError', `Registry ${segs[3] ?? ''} not found.`, 'NotFound');
    return json(200, {
      registryName: r.name, tenantId: ctx.world.scenario.tenantId, primaryRegion: r.location, regions: [r.location],
      subscriptionId: r.subscriptionId, resourceGroup: r.resourceGroup, workspaceName: null, primaryRegionResourceProviderUri: providerUri(r, where.cloud.mlApiSuffix),
    });
  }

  const head = ['mferp', 'managementfrontend', 'subscriptions', '*', 'resourcegroups', '*', 'providers', 'microsoft.machinelearningservices', 'registries', '*'];
  const isAsset = segs.length >= 12 && segs.length <= 14 && head.every((p, i) => p === '*' || p === low[i]) && (segs.length === 12 || low[12] === 'versions');
  if (!isAsset) return mlError(404, 'NotFound', `The requested path '${req.path}' is not served.`);
  const apiVersion = queryGet(req, 'api-version');
  if (!apiVersion) return mlError(400, 'UserError', 'The api-version query parameter (?api-version=) is required for all requests.');
  if (!REGISTRY_API_VERSIONS.includes(apiVersion)) return mlError(400, 'UserError', `The api-version '${apiVersion}' is not supported. The supported versions are '${REGISTRY_API_VERSIONS.join(', ')}'.`);
  const [, , , sub = '', , rg = '', , , , regName = '', kind = '', name = '', , version] = segs;
  const r = registryNamed(ctx, regName);
  // Served by the registry's primary region host, under the subscription and group discovery named.
  if (!r || where.region !== r.location || sub.toLowerCase() !== r.subscriptionId.toLowerCase() || rg.toLowerCase() !== r.resourceGroup.toLowerCase()) {
    return mlError(404, 'UserError', `Registry ${regName} not found.`, 'NotFound');
  }
  const scope = registryArmId(r);
  if (!r.public && !decide(ctx, token.principal.objectId, REGISTRY_ASSET_READ, scope).allowed) return authorizationFailed(token.principal, REGISTRY_ASSET_READ, scope);
  const type = low[10] ?? '';
  if (type !== 'models' && type !== 'environments' && type !== 'codes') return mlError(404, 'NotFound', `The asset type '${kind}' is not served.`);
  // Asset names are case-sensitive ("Container name. This is case-sensitive.", the SDK's model_versions docs).
  const versions = r.assets.filter((a) => a.kind === type && a.name === name);
  const resource = (a: ScenarioRegistry['assets'][number]) => ({
    id: `${scope}/${type}/${a.name}/versions/${a.version}`, name: a.version, type: `Microsoft.MachineLearningServices/registries/${type}/versions`,
    properties: { description: null, tags: {}, properties: {}, isAnonymous: false, isArchived: false, ...a.properties },
  });
  if (segs.length === 12) {
    if (versions.length === 0) return mlError(404, 'UserError', `Could not find asset with ID: azureml://registries/${r.name}/${type}/${name}`, 'NotFound');
    return json(200, { id: `${scope}/${type}/${versions[0]?.name ?? name}`, name: versions[0]?.name ?? name, type: `Microsoft.MachineLearningServices/registries/${type}`, properties: { isArchived: false, latestVersion: versions.at(-1)?.version, nextVersion: String(versions.length + 1) } });
  }
  if (segs.length === 13) return json(200, { value: versions.map(resource) });
  const v = versions.find((a) => a.version === version);
  return v ? json(200, resource(v)) : mlError(404, 'UserError', `Could not find asset with ID: azureml://registries/${r.name}/${type}/${name}/versions/${version ?? ''}`, 'NotFound');
}

/**
 * Whether a registry URI (`azureml://registries/<reg>/<type>/<name>/versions/<v>` or `…/labels/latest`) names an asset
 * the scenario's registries hold: what a deployment PUT that sends one resolves. Other shapes: undefined (not a registry URI).
 */
export function registryAssetExists(registries: ScenarioRegistry[], uri: string): boolean | undefined {
  const m = /^azureml:\/\/registries\/([^/]+)\/(models|environments|codes)\/([^/]+)\/(versions|labels)\/([^/]+)$/i.exec(uri);
  if (!m) return undefined;
  const r = registries.find((x) => x.name.toLowerCase() === (m[1] ?? '').toLowerCase());
  const versions = (r?.assets ?? []).filter((a) => a.kind === (m[2] ?? '').toLowerCase() && a.name === m[3]);
  return (m[4] ?? '').toLowerCase() === 'versions' ? versions.some((a) => a.version === m[5]) : (m[5] ?? '') === 'latest' && versions.length > 0;
}

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
import { parseRegistryUri } from '../checks/assets.ts';
import type { Lookup, RegistryMissFacts } from '../checks/facts.ts';
import type { AssetRef } from '../manifests/assets.ts';
import type { Cloud } from './clouds.ts';
import { obj, str } from './json.ts';
import { lookup, Once } from './read.ts';
import type { ArmClient } from './rest.ts';

/** The api-version of azure-ai-ml's registry client (`_restclient/v2021_10_01_dataplanepreview`). */
export const REGISTRY_API_VERSION = '2021-10-01-dataplanepreview';
/** What reading a registry asset needs (the Reader role grants it; docs: "Manage Azure Machine Learning registries", RBAC). */
export const REGISTRY_ASSET_READ_PERMISSION = 'Microsoft.MachineLearningServices/registries/assets/read';

export type RegistryRef = Extract<AssetRef, { kind: 'registry' }>;

/** The asset as `assets` keeps it, and why it resolves to nothing when it does not exist. */
export interface RegistryRead {
  asset: Lookup<{ id: string }>;
  miss?: RegistryMissFacts;
}

interface Discovered {
  /** `<primaryRegionResourceProviderUri>mferp/managementfrontend`, no trailing slash. */
  base: string;
  subscriptionId: string;
  resourceGroup: string;
}

type Parts = NonNullable<ReturnType<typeof parseRegistryUri>>;

/**
 * A reader shared by every reference of a run: one discovery per registry and one read per distinct
 * asset, however many deployments name them. Undefined for a URI that is not shaped as an asset.
 */
export function registryReader(s: { arm: ArmClient; cloud: Cloud }): (ref: RegistryRef) => Promise<RegistryRead> | undefined {
  const discoveries = new Once<Lookup<Discovered>>();
  const reads = new Once<RegistryRead>();
  return (ref) => {
    const parts = parseRegistryUri(ref.uri);
    if (!parts) return undefined;
    const key = [parts.registry.toLowerCase(), parts.type.toLowerCase(), parts.name, parts.version ? `versions/${parts.version}` : `labels/${parts.label ?? ''}`].join('/');
    return reads.get(key, () => readAsset(s, parts, (host) => discoveries.get(parts.registry.toLowerCase(), () => discover(s, host, parts.registry))));
  };
}

const enc = encodeURIComponent;

async function readAsset(s: { arm: ArmClient; cloud: Cloud }, parts: Parts, discovery: (host: string) => Promise<Lookup<Discovered>>): Promise<RegistryRead> {
  const host = s.cloud.registryDiscovery;
  if (!host) return { asset: { kind: 'unreadable', why: `this action does not know where ${s.cloud.name} discovers Azure ML registries` } };
  if (!parts.version && parts.label?.toLowerCase() !== 'latest') return { asset: { kind: 'unreadable', why: `only labels/latest is resolved before the deployment; label ${parts.label ?? ''} is resolved by the service` } };
  const found = await discovery(host);
  const registry = parts.registry;
  if (found.kind === 'missing') return { asset: { kind: 'missing' }, miss: { registry, missing: 'registry' } };
  if (found.kind === 'unreadable') return { asset: found };
  const d = found.value;
  const assetUrl = `${d.base}/subscriptions/${enc(d.subscriptionId)}/resourceGroups/${enc(d.resourceGroup)}/providers/Microsoft.MachineLearningServices/registries/${enc(registry)}/${enc(parts.type)}/${enc(parts.name)}`;
  const get = async (url: string) => obj((await s.arm.send({ method: 'GET', path: `${url}?api-version=${REGISTRY_API_VERSION}`, apiVersion: REGISTRY_API_VERSION })).body);
  const latest = () => lookup(async () => str(obj((await get(assetUrl)).properties).latestVersion), REGISTRY_ASSET_READ_PERMISSION);
  const uri = (version: string) => `azureml://registries/${registry}/${parts.type}/${parts.name}/versions/${version}`;
  if (!parts.version) {
    const container = await latest();
    if (container.kind === 'unreadable') return { asset: container };
    if (container.kind === 'found' && container.value) return { asset: { kind: 'found', value: { id: uri(container.value) } } };
    return { asset: { kind: 'missing' }, miss: { registry, missing: 'name' } };
  }
  const version = parts.version;
  const asset = await lookup(async () => {
    await get(`${assetUrl}/versions/${enc(version)}`);
    return { id: uri(version) };
  }, REGISTRY_ASSET_READ_PERMISSION);
  if (asset.kind !== 'missing') return { asset };
  const container = await latest();
  if (container.kind === 'missing') return { asset, miss: { registry, missing: 'name' } };
  return { asset, miss: { registry, missing: 'version', ...(container.kind === 'found' && container.value ? { latestVersion: container.value } : {}) } };
}

/** The discovery GET: where the registry lives. A host outside the cloud's Azure ML hosts is refused (the ARM token is not sent there). */
function discover(s: { arm: ArmClient; cloud: Cloud }, host: string, registry: string): Promise<Lookup<Discovered>> {
  return lookup(async () => {
    const body = obj((await s.arm.send({ method: 'GET', path: `${host}/registrymanagement/v1.0/registries/${enc(registry)}/discovery`, apiVersion: '' })).body);
    const provider = str(body.primaryRegionResourceProviderUri);
    const subscriptionId = str(body.subscriptionId);
    const resourceGroup = str(body.resourceGroup);
    if (!provider || !subscriptionId || !resourceGroup) throw new Error(`the discovery of registry ${registry} named no resource-provider host, subscription or resource group`);
    const providerHost = /^https:\/\/([^/:]+)(?::443)?(?:\/|$)/i.exec(provider)?.[1]?.toLowerCase();
    if (!providerHost || !s.cloud.registryHostSuffixes.some((suffix) => providerHost.endsWith(suffix))) {
      throw new Error(`the discovery of registry ${registry} named ${providerHost ?? 'a host'}, which is not an Azure ML host of ${s.cloud.name}, so the token is not sent there`);
    }
    return { base: `${provider.replace(/\/+$/, '')}/mferp/managementfrontend`, subscriptionId, resourceGroup };
  });
}

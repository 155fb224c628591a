// The api-versions each ARM resource type accepts, and the error ARM answers for any other one. Pure.
// Versions: the api-version folders of Azure/azure-rest-api-specs for each provider (the contracts in
// test/fixtures/contracts are a subset) and what the real SDKs send: @azure/arm-machinelearning 2.1.1
// (2022-10-01), @azure/arm-authorization 9 (2022-04-01), azure-ai-ml 1.4.0 (test/emulator/foreign).
// Errors, as ARM words them (e.g. Azure/azure-cli#28496, #28038):
// * a provider resource type: 400 NoRegisteredProviderFound "No registered resource provider found for location
//   '…' and API version '…' for type '…'. The supported api-versions are '…'. The supported locations are '…'.";
// * subscriptions and resource groups (Microsoft.Resources): 400 InvalidApiVersionParameter "The api-version '…'
//   is invalid. The supported versions are '…'."
// A resource type this table does not list is only checked for the YYYY-MM-DD[-preview] form.

const MLS_STABLE = ['2018-11-19', '2019-05-01', '2019-06-01', '2019-11-01', '2020-01-01', '2020-03-01', '2020-04-01', '2020-06-01', '2020-08-01', '2021-01-01', '2021-04-01', '2021-07-01',
  '2022-05-01', '2022-10-01', '2023-04-01', '2023-10-01', '2024-04-01', '2024-10-01', '2025-06-01', '2025-09-01', '2025-12-01', '2026-03-01', '2026-05-01', '2026-07-01', '2026-09-01'];
const MLS_PREVIEW = ['2018-03-01-preview', '2020-02-18-preview', '2020-04-01-preview', '2020-05-01-preview', '2020-05-15-preview', '2020-09-01-preview', '2021-03-01-preview',
  '2022-01-01-preview', '2022-02-01-preview', '2022-06-01-preview', '2022-10-01-preview', '2022-12-01-preview', '2023-02-01-preview', '2023-04-01-preview', '2023-06-01-preview',
  '2023-08-01-preview', '2024-01-01-preview', '2024-04-01-preview', '2024-07-01-preview', '2024-10-01-preview', '2025-01-01-preview', '2025-04-01-preview', '2025-07-01-preview'];

/** MLS versions from the first stable / first preview that has the operation. */
function mls(stableFrom: string, previewFrom: string): string[] {
  return [...MLS_STABLE.filter((v) => v >= stableFrom), ...MLS_PREVIEW.filter((v) => v >= previewFrom)];
}

const RESOURCES = ['2024-08-01', '2024-07-01', '2024-06-01-preview', '2024-03-01', '2023-07-01', '2023-07-01-preview', '2023-03-01-preview', '2022-12-01', '2022-11-01-preview', '2022-09-01', '2022-06-01',
  '2022-05-01', '2022-03-01-preview', '2022-01-01', '2021-04-01', '2021-01-01', '2020-10-01', '2020-09-01', '2020-08-01', '2020-07-01', '2020-06-01', '2020-05-01', '2020-01-01', '2019-11-01',
  '2019-10-01', '2019-09-01', '2019-08-01', '2019-07-01', '2019-06-01', '2019-05-10', '2019-05-01', '2019-03-01', '2018-11-01', '2018-09-01', '2018-08-01', '2018-07-01', '2018-06-01', '2018-05-01',
  '2018-02-01', '2018-01-01', '2017-12-01', '2017-08-01', '2017-06-01', '2017-05-10', '2017-05-01', '2017-03-01', '2016-09-01', '2016-07-01', '2016-06-01', '2016-02-01', '2015-11-01', '2015-01-01',
  '2014-04-01-preview', '2014-04-01', '2014-01-01'];
const AUTHORIZATION_ASSIGNMENTS = ['2015-07-01', '2017-10-01-preview', '2018-01-01-preview', '2018-09-01-preview', '2020-03-01-preview', '2020-04-01-preview', '2020-08-01-preview', '2020-10-01-preview', '2022-01-01-preview', '2022-04-01'];
const AUTHORIZATION_DEFINITIONS = ['2015-07-01', '2018-01-01-preview', '2022-04-01', '2022-05-01-preview'];
const KEYVAULT = ['2015-06-01', '2016-10-01', '2018-02-14-preview', '2018-02-14', '2019-09-01', '2020-04-01-preview', '2021-04-01-preview', '2021-06-01-preview', '2021-10-01', '2021-11-01-preview',
  '2022-02-01-preview', '2022-07-01', '2022-11-01', '2023-02-01', '2023-07-01', '2024-04-01-preview', '2024-11-01', '2024-12-01-preview', '2025-05-01', '2026-02-01', '2026-04-01'];
const MSI = ['2015-08-31-preview', '2018-11-30', '2021-09-30-preview', '2022-01-31-preview', '2023-01-31', '2023-07-31-preview', '2024-11-30', '2025-01-31-preview'];

const ALL_MLS = mls('0000', '0000');
const ONLINE = mls('2022-05-01', '2020-09-01-preview');
const ASSETS = mls('2022-05-01', '2021-03-01-preview');

/** Lower-case `namespace/type[/type…]` → versions. */
export const API_VERSIONS: Record<string, string[]> = {
  'microsoft.resources/subscriptions': RESOURCES,
  'microsoft.resources/subscriptions/resourcegroups': RESOURCES,
  'microsoft.machinelearningservices/workspaces': ALL_MLS,
  'microsoft.machinelearningservices/workspaces/connections': mls('2020-06-01', '2020-09-01-preview'),
  'microsoft.machinelearningservices/workspaces/connections/listsecrets': mls('2024-04-01', '2023-06-01-preview'),
  'microsoft.machinelearningservices/workspaces/onlineendpoints': ONLINE,
  'microsoft.machinelearningservices/workspaces/onlineendpoints/listkeys': ONLINE,
  'microsoft.machinelearningservices/workspaces/onlineendpoints/regeneratekeys': ONLINE,
  'microsoft.machinelearningservices/workspaces/onlineendpoints/token': ONLINE,
  'microsoft.machinelearningservices/workspaces/onlineendpoints/deployments': ONLINE,
  'microsoft.machinelearningservices/workspaces/onlineendpoints/deployments/getlogs': ONLINE,
  'microsoft.machinelearningservices/workspaces/models': ASSETS,
  'microsoft.machinelearningservices/workspaces/models/versions': ASSETS,
  'microsoft.machinelearningservices/workspaces/environments': ASSETS,
  'microsoft.machinelearningservices/workspaces/environments/versions': ASSETS,
  'microsoft.machinelearningservices/workspaces/codes': ASSETS,
  'microsoft.machinelearningservices/workspaces/codes/versions': ASSETS,
  'microsoft.machinelearningservices/workspaces/codes/versions/startpendingupload': mls('2023-04-01', '2023-04-01-preview'),
  'microsoft.machinelearningservices/workspaces/datastores': ASSETS,
  'microsoft.machinelearningservices/workspaces/datastores/listsecrets': ASSETS,
  // Status URLs carry the api-version of the request that started the operation.
  'microsoft.machinelearningservices/locations/mfeoperationsstatus': ALL_MLS,
  'microsoft.machinelearningservices/locations/mfeoperationresults': ALL_MLS,
  'microsoft.machinelearningservices/locations/usages': mls('2019-05-01', '2020-04-01-preview'),
  'microsoft.machinelearningservices/locations/vmsizes': mls('2019-05-01', '2020-04-01-preview'),
  // Azure Monitor metrics as an extension resource of an online endpoint.
  'microsoft.insights/metrics': ['2016-06-01', '2016-09-01', '2017-05-01-preview', '2018-01-01', '2019-07-01', '2021-05-01', '2023-10-01', '2024-02-01'],
  'microsoft.authorization/roleassignments': AUTHORIZATION_ASSIGNMENTS,
  'microsoft.authorization/roledefinitions': AUTHORIZATION_DEFINITIONS,
  'microsoft.authorization/permissions': AUTHORIZATION_DEFINITIONS,
  'microsoft.keyvault/vaults': KEYVAULT,
  'microsoft.managedidentity/userassignedidentities': MSI,
};

/** `Namespace/type/…` of an ARM path, as ARM names it (the last provider wins: extension resources). */
export function resourceTypeOf(segs: string[]): string {
  let i = -1;
  for (let k = segs.length - 2; k >= 0; k--) if (segs[k]?.toLowerCase() === 'providers') { i = k; break; }
  if (i < 0) return segs.length >= 3 ? 'Microsoft.Resources/subscriptions/resourceGroups' : 'Microsoft.Resources/subscriptions';
  const rest = segs.slice(i + 2);
  return [segs[i + 1] ?? '', ...rest.filter((_, k) => k % 2 === 0)].join('/');
}

export type ApiVersionVerdict = { ok: true } | { ok: false; code: 'NoRegisteredProviderFound' | 'InvalidApiVersionParameter'; message: string };

export function checkApiVersion(segs: string[], apiVersion: string, location: string): ApiVersionVerdict {
  const type = resourceTypeOf(segs);
  const supported = API_VERSIONS[type.toLowerCase()];
  if (!supported || supported.includes(apiVersion)) return { ok: true };
  if (type.toLowerCase().startsWith('microsoft.resources/')) {
    return { ok: false, code: 'InvalidApiVersionParameter', message: `The api-version '${apiVersion}' is invalid. The supported versions are '${supported.join(',')}'.` };
  }
  const shortType = type.slice(type.indexOf('/') + 1);
  return {
    ok: false, code: 'NoRegisteredProviderFound',
    message: `No registered resource provider found for location '${location}' and API version '${apiVersion}' for type '${shortType}'. The supported api-versions are '${[...supported].reverse().join(', ')}'. The supported locations are '${location}'.`,
  };
}

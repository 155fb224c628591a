// Workspace datastores as the service creates them with a workspace: `workspaceblobstore` (the default, Azure Blob, the
// container uploads go to) and `workspacefilestore` (Azure Files), with list / GET / listSecrets. Shapes: the
// Datastores_* operations of the ML REST spec (https://learn.microsoft.com/rest/api/azureml/datastores). The blob
// store's credentials follow the knob storage.datastoreCredentials (AccountKey, the service's default; or None =
// identity-based access, where clients upload with their own Entra token).
import { createHash } from 'node:crypto';
import type { ArmCall } from './arm-common.ts';
import { armError } from './arm-common.ts';
import { blobContainerName, storageAccountName } from './assets.ts';
import { json, queryGet } from './http.ts';
import type { EmuResponse } from './http.ts';
import type { World } from './state.ts';

type Obj = Record<string, unknown>;

function datastores(w: World): Obj[] {
  const base = { description: null, tags: {}, properties: {}, subscriptionId: w.scenario.subscriptionId, resourceGroup: w.scenario.workspace.resourceGroup };
  const account = storageAccountName(w);
  const resource = (name: string, properties: Obj): Obj => ({
    id: `${w.workspaceId}/datastores/${name}`, name, type: 'Microsoft.MachineLearningServices/workspaces/datastores', properties: { ...base, ...properties },
    systemData: { createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'Microsoft.MachineLearningServices', createdByType: 'Application', lastModifiedAt: '2026-01-01T00:00:00.000Z', lastModifiedBy: 'Microsoft.MachineLearningServices', lastModifiedByType: 'Application' },
  });
  const credentialsType = w.knobs.storage.datastoreCredentials;
  return [
    resource('workspaceblobstore', {
      datastoreType: 'AzureBlob', isDefault: true, accountName: account, containerName: blobContainerName(w), endpoint: 'core.windows.net', protocol: 'https',
      credentials: { credentialsType }, serviceDataAccessAuthIdentity: credentialsType === 'None' ? 'WorkspaceSystemAssignedIdentity' : 'None',
    }),
    resource('workspacefilestore', {
      datastoreType: 'AzureFile', isDefault: false, accountName: account, fileShareName: `code-${createHash('sha1').update(w.workspaceId.toLowerCase()).digest('hex').slice(0, 32)}`, endpoint: 'core.windows.net', protocol: 'https',
      credentials: { credentialsType: 'AccountKey' }, serviceDataAccessAuthIdentity: 'None',
    }),
  ];
}

function find(call: ArmCall): Obj | undefined {
  const name = (call.params[3] ?? '').toLowerCase();
  return datastores(call.ctx.world).find((d) => String(d['name']).toLowerCase() === name);
}

const notFound = (name: string): EmuResponse => armError(404, 'UserError', `DataStore ${name} was not found.`, { details: [], innerError: { code: 'NotFoundError' } });

/** GET .../datastores[?isDefault=true&names=a,b] */
export function listDatastores(call: ArmCall): EmuResponse {
  let list = datastores(call.ctx.world);
  const isDefault = queryGet(call.req, 'isDefault');
  if (isDefault !== undefined) list = list.filter((d) => String((d['properties'] as Obj)['isDefault']) === isDefault.toLowerCase());
  const names = queryGet(call.req, 'names');
  if (names) list = list.filter((d) => names.toLowerCase().split(',').includes(String(d['name']).toLowerCase()));
  return json(200, { value: list });
}

/** GET .../datastores/{name} */
export function getDatastore(call: ArmCall): EmuResponse {
  const d = find(call);
  return d ? json(200, d) : notFound(call.params[3] ?? '');
}

/** POST .../datastores/{name}/listSecrets: the account key for AccountKey credentials. */
export function listDatastoreSecrets(call: ArmCall): EmuResponse {
  const d = find(call);
  if (!d) return notFound(call.params[3] ?? '');
  const credentials = (d['properties'] as Obj)['credentials'] as Obj;
  if (credentials['credentialsType'] !== 'AccountKey') return armError(400, 'UserError', `Datastore ${String(d['name'])} has no secrets: it uses identity-based access.`, { details: [], innerError: { code: 'BadArgument' } });
  return json(200, { secretsType: 'AccountKey', key: call.ctx.world.storageAccountKey });
}

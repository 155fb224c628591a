// registryReader over a scripted ARM client: discovery once per registry, the asset on the host
// discovery names, labels/latest through the container, a missing version's latest version, and
// the token never sent to a host outside the cloud's Azure ML hosts (docs/online-checks.md §assets).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CLOUDS } from './clouds.ts';
import { registryReader, type RegistryRef } from './registry.ts';
import { ArmError } from './rest.ts';
import { scriptedArm } from './testkit.ts';

const DISCOVERY = (name: string) => `https://eastus.api.azureml.ms/registrymanagement/v1.0/registries/${name}/discovery`;
const BASE = 'https://westus2.api.azureml.ms/mferp/managementfrontend/subscriptions/reg-sub/resourceGroups/reg-rg/providers/Microsoft.MachineLearningServices/registries/contoso';
const Q = '?api-version=2021-10-01-dataplanepreview';
const discovered = (host = 'https://westus2.api.azureml.ms/') => ({ registryName: 'contoso', primaryRegion: 'westus2', subscriptionId: 'reg-sub', resourceGroup: 'reg-rg', primaryRegionResourceProviderUri: host });

/** A status number scripts that error (the path as ArmError carries it: no host, no query). */
function scripted(answers: Record<string, unknown>) {
  const errorFor = (status: number, url: string) => new ArmError({ status, code: status === 403 ? 'AuthorizationFailed' : `Http${status}`, message: String(status), method: 'GET', path: url.replace(/^https:\/\/[^/]+/, '').split('?')[0] ?? '' });
  return scriptedArm(Object.fromEntries(Object.entries(answers).map(([url, a]) => [url, typeof a === 'number' ? errorFor(a, url) : a])));
}

const ref = (uri: string, type: RegistryRef['type'] = 'models'): RegistryRef => ({ kind: 'registry', type, uri, text: uri });
const cloud = CLOUDS.AzureCloud;

describe('registry reader', () => {
  const table: Array<{ name: string; uri: string; answers: Record<string, unknown>; want: unknown; sent: string[] }> = [
    {
      name: 'a version that exists: discovery, then the version on the primary-region host',
      uri: 'azureml://registries/contoso/models/fraud/versions/2',
      answers: { [DISCOVERY('contoso')]: discovered(), [`${BASE}/models/fraud/versions/2${Q}`]: { name: '2' } },
      want: { asset: { kind: 'found', value: { id: 'azureml://registries/contoso/models/fraud/versions/2' } } },
      sent: [DISCOVERY('contoso'), `${BASE}/models/fraud/versions/2${Q}`],
    },
    {
      name: 'labels/latest: the container names the latest version',
      uri: 'azureml://registries/contoso/environments/sk/labels/latest',
      answers: { [DISCOVERY('contoso')]: discovered(), [`${BASE}/environments/sk${Q}`]: { properties: { latestVersion: '19' } } },
      want: { asset: { kind: 'found', value: { id: 'azureml://registries/contoso/environments/sk/versions/19' } } },
      sent: [DISCOVERY('contoso'), `${BASE}/environments/sk${Q}`],
    },
    {
      name: 'a version that does not exist: one container GET more, for the latest version',
      uri: 'azureml://registries/contoso/models/fraud/versions/9',
      answers: { [DISCOVERY('contoso')]: discovered(), [`${BASE}/models/fraud${Q}`]: { properties: { latestVersion: '3' } } },
      want: { asset: { kind: 'missing' }, miss: { registry: 'contoso', missing: 'version', latestVersion: '3' } },
      sent: [DISCOVERY('contoso'), `${BASE}/models/fraud/versions/9${Q}`, `${BASE}/models/fraud${Q}`],
    },
    {
      name: 'a name that does not exist',
      uri: 'azureml://registries/contoso/models/frod/versions/1',
      answers: { [DISCOVERY('contoso')]: discovered() },
      want: { asset: { kind: 'missing' }, miss: { registry: 'contoso', missing: 'name' } },
      sent: [DISCOVERY('contoso'), `${BASE}/models/frod/versions/1${Q}`, `${BASE}/models/frod${Q}`],
    },
    {
      name: 'a registry that does not exist: discovery 404, nothing more',
      uri: 'azureml://registries/nope/models/fraud/versions/1',
      answers: {},
      want: { asset: { kind: 'missing' }, miss: { registry: 'nope', missing: 'registry' } },
      sent: [DISCOVERY('nope')],
    },
    {
      name: 'refused (403): unreadable with the registry permission, never missing',
      uri: 'azureml://registries/contoso/models/fraud/versions/2',
      answers: { [DISCOVERY('contoso')]: discovered(), [`${BASE}/models/fraud/versions/2${Q}`]: 403 },
      want: { asset: { kind: 'unreadable', permission: 'Microsoft.MachineLearningServices/registries/assets/read', why: '403 AuthorizationFailed on GET /mferp/managementfrontend/subscriptions/reg-sub/resourceGroups/reg-rg/providers/Microsoft.MachineLearningServices/registries/contoso/models/fraud/versions/2' } },
      sent: [DISCOVERY('contoso'), `${BASE}/models/fraud/versions/2${Q}`],
    },
    {
      name: 'discovery 503 after retries: unreadable',
      uri: 'azureml://registries/contoso/models/fraud/versions/2',
      answers: { [DISCOVERY('contoso')]: 503 },
      want: { asset: { kind: 'unreadable', why: 'GET /registrymanagement/v1.0/registries/contoso/discovery failed: 503 Http503' } },
      sent: [DISCOVERY('contoso')],
    },
    {
      name: 'discovery names a host outside Azure ML: the token is not sent there',
      uri: 'azureml://registries/contoso/models/fraud/versions/2',
      answers: { [DISCOVERY('contoso')]: discovered('https://evil.example.com/') },
      want: { asset: { kind: 'unreadable', why: 'the discovery of registry contoso named evil.example.com, which is not an Azure ML host of AzureCloud, so the token is not sent there' } },
      sent: [DISCOVERY('contoso')],
    },
    {
      name: 'a label other than latest: not resolved here, nothing sent',
      uri: 'azureml://registries/contoso/models/fraud/labels/champion',
      answers: {},
      want: { asset: { kind: 'unreadable', why: 'only labels/latest is resolved before the deployment; label champion is resolved by the service' } },
      sent: [],
    },
  ];
  for (const c of table) {
    test(c.name, async () => {
      const { arm, sent } = scripted(c.answers);
      const got = await registryReader({ arm, cloud })(ref(c.uri));
      assert.deepEqual(got, c.want);
      assert.deepEqual(sent, c.sent);
    });
  }

  test('one discovery per registry and one read per distinct asset, however many references', async () => {
    const { arm, sent } = scripted({ [DISCOVERY('contoso')]: discovered(), [`${BASE}/models/fraud/versions/2${Q}`]: {}, [`${BASE}/models/fraud/versions/3${Q}`]: {} });
    const read = registryReader({ arm, cloud });
    await Promise.all([read(ref('azureml://registries/contoso/models/fraud/versions/2')), read(ref('azureml://registries/Contoso/models/fraud/versions/2')), read(ref('azureml://registries/contoso/models/fraud/versions/3'))]);
    assert.equal(sent.filter((u) => u.endsWith('/discovery')).length, 1);
    assert.equal(sent.length, 3);
  });

  test('sovereign clouds discover on their own host (azure-ai-ml _azure_environments.py)', async () => {
    for (const [name, host] of [['AzureUSGovernment', 'https://usgovarizona.api.ml.azure.us'], ['AzureChinaCloud', 'https://chinaeast2.api.ml.azure.cn']] as const) {
      const { arm, sent } = scripted({});
      await registryReader({ arm, cloud: CLOUDS[name] })(ref('azureml://registries/r1/models/m/versions/1'));
      assert.deepEqual(sent, [`${host}/registrymanagement/v1.0/registries/r1/discovery`]);
    }
  });

  test('a cloud without a known discovery host: unreadable, nothing sent', async () => {
    const { arm, sent } = scripted({});
    const { registryDiscovery: _omit, ...unknown } = cloud;
    const got = await registryReader({ arm, cloud: unknown })(ref('azureml://registries/r1/models/m/versions/1'));
    assert.equal(got?.asset.kind, 'unreadable');
    assert.deepEqual(sent, []);
  });

  test('not shaped as an asset: not read', () => {
    const { arm } = scripted({});
    assert.equal(registryReader({ arm, cloud })(ref('azureml://registries/r1')), undefined);
  });
});

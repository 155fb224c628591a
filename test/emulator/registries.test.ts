// Azure ML registries on the regional ML API hosts (registries.ts), raw through the proxy with the
// workflow app's ARM token: discovery (RegistryDiscoveryDto fields), assets on the primary-region
// host only, api-version, RBAC on registries/assets/read, public registries, case-sensitive names.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ClientAssertionCredential } from '@azure/identity';
import { credential, githubIdToken, scenarioPath, spawnEmulator, type Emu } from './harness.ts';
import { proxyFetch } from './proxy-fetch.ts';

const Q = '?api-version=2021-10-01-dataplanepreview';
const asset = (host: string, sub: string, rg: string, reg: string, rest: string) =>
  `https://${host}/mferp/managementfrontend/subscriptions/${sub}/resourceGroups/${rg}/providers/Microsoft.MachineLearningServices/registries/${reg}/${rest}`;

describe('registries (regional ML API hosts)', () => {
  let emu: Emu;
  let token: string;
  let sub: string;
  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    sub = emu.inputs['subscription-id'] ?? '';
    token = (await credential(emu).getToken('https://management.azure.com/.default'))?.token ?? '';
  });
  after(async () => {
    await emu.stop();
  });
  const get = (url: string, bearer = token) => proxyFetch(emu, url, { headers: bearer ? { authorization: `Bearer ${bearer}` } : {} });

  it('discovery names the registry\'s subscription, resource group and primary-region host (no api-version)', async () => {
    const res = await get('https://eastus.api.azureml.ms/registrymanagement/v1.0/registries/demo-registry/discovery');
    assert.equal(res.status, 200, res.body);
    const body = JSON.parse(res.body) as Record<string, unknown>;
    assert.deepEqual(Object.keys(body).sort(), ['primaryRegion', 'primaryRegionResourceProviderUri', 'regions', 'registryName', 'resourceGroup', 'subscriptionId', 'tenantId', 'workspaceName']);
    assert.deepEqual([body['subscriptionId'], body['resourceGroup'], body['primaryRegion'], body['primaryRegionResourceProviderUri']], [sub, 'demo-registry-rg', 'westus2', 'https://westus2.api.azureml.ms/']);
  });

  it('an unknown registry: discovery 404', async () => {
    const res = await get('https://eastus.api.azureml.ms/registrymanagement/v1.0/registries/no-such-registry/discovery');
    assert.equal(res.status, 404);
    assert.match(res.body, /no-such-registry/);
  });

  it('without a token 401; a token for another resource 401', async () => {
    assert.equal((await get('https://eastus.api.azureml.ms/registrymanagement/v1.0/registries/demo-registry/discovery', '')).status, 401);
    const vaultToken = (await credential(emu).getToken('https://vault.azure.net/.default'))?.token ?? '';
    assert.equal((await get('https://eastus.api.azureml.ms/registrymanagement/v1.0/registries/demo-registry/discovery', vaultToken)).status, 401);
  });

  it('a version on the primary-region host: 200; on another region host: 404', async () => {
    const ok = await get(`${asset('westus2.api.azureml.ms', sub, 'demo-registry-rg', 'demo-registry', 'models/fraud-model/versions/2')}${Q}`);
    assert.equal(ok.status, 200, ok.body);
    assert.equal((JSON.parse(ok.body) as { name: string }).name, '2');
    assert.equal((await get(`${asset('eastus.api.azureml.ms', sub, 'demo-registry-rg', 'demo-registry', 'models/fraud-model/versions/2')}${Q}`)).status, 404);
  });

  it('the container names the latest version; a missing version or a name in another letter case: 404', async () => {
    const c = await get(`${asset('westus2.api.azureml.ms', sub, 'demo-registry-rg', 'demo-registry', 'models/fraud-model')}${Q}`);
    assert.equal((JSON.parse(c.body) as { properties: { latestVersion: string } }).properties.latestVersion, '2');
    assert.equal((await get(`${asset('westus2.api.azureml.ms', sub, 'demo-registry-rg', 'demo-registry', 'models/fraud-model/versions/9')}${Q}`)).status, 404);
    assert.equal((await get(`${asset('westus2.api.azureml.ms', sub, 'demo-registry-rg', 'demo-registry', 'models/Fraud-Model/versions/2')}${Q}`)).status, 404);
  });

  it('asset reads need the registry client\'s api-version', async () => {
    const url = asset('westus2.api.azureml.ms', sub, 'demo-registry-rg', 'demo-registry', 'models/fraud-model/versions/2');
    assert.equal((await get(url)).status, 400);
    assert.equal((await get(`${url}?api-version=2026-09-01`)).status, 400);
  });

  it('a registry where the caller holds no role: 403 AuthorizationFailed on registries/assets/read; a public registry needs none', async () => {
    const locked = await get(`${asset('eastus.api.azureml.ms', '99999999-8888-4777-8666-555555555555', 'locked-registry-rg', 'locked-registry', 'models/secret-model/versions/1')}${Q}`);
    assert.equal(locked.status, 403, locked.body);
    assert.match(locked.body, /AuthorizationFailed.*Microsoft\.MachineLearningServices\/registries\/assets\/read/);
    const curated = await get(`${asset('eastus.api.azureml.ms', sub, 'azureml-rg', 'azureml', 'environments/sklearn-1.5')}${Q}`);
    assert.equal(curated.status, 200, curated.body);
  });
  it('a deployment PUT resolves registry URIs: a missing version is refused (400 NotFound), an existing one and labels/latest are accepted', async () => {
    const url = `https://management.azure.com/subscriptions/${sub}/resourceGroups/${emu.inputs['resource-group'] ?? ''}/providers/Microsoft.MachineLearningServices/workspaces/${emu.inputs['workspace-name'] ?? ''}/onlineEndpoints/existing-ep/deployments/REG?api-version=2026-09-01`;
    const put = (name: string, model: string) => proxyFetch(emu, url.replace('REG', name), {
      method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ location: 'eastus', sku: { name: 'Default', capacity: 1 }, properties: { endpointComputeType: 'Managed', instanceType: 'Standard_DS3_v2', model, environmentId: 'azureml://registries/azureml/environments/sklearn-1.5/labels/latest' } }),
    });
    const missing = await put('reg-missing', 'azureml://registries/demo-registry/models/fraud-model/versions/9');
    assert.equal(missing.status, 400, missing.body);
    assert.match(missing.body, /NotFound/);
    const ok = await put('reg-ok', 'azureml://registries/demo-registry/models/fraud-model/versions/2');
    assert.ok(ok.status === 200 || ok.status === 201, ok.body);
  });
  it('sovereign clouds: discovery on their own ML API host with their own ARM token; a public-cloud token is refused there', async () => {
    const govToken = (await new ClientAssertionCredential(emu.inputs['tenant-id'] ?? '', emu.inputs['client-id'] ?? '', () => githubIdToken(emu), { authorityHost: 'https://login.microsoftonline.us' }).getToken('https://management.usgovcloudapi.net/.default')).token;
    const url = 'https://usgovarizona.api.ml.azure.us/registrymanagement/v1.0/registries/demo-registry/discovery';
    const ok = await get(url, govToken);
    assert.equal(ok.status, 200, ok.body);
    assert.equal((JSON.parse(ok.body) as { primaryRegionResourceProviderUri: string }).primaryRegionResourceProviderUri, 'https://westus2.api.ml.azure.us/');
    assert.equal((await get(url)).status, 401);
  });
});

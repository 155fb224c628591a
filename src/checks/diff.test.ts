import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeChange, diffResource, diffTraffic, type ResourceDiff } from './diff.ts';
import { UAI, WS } from './testkit.ts';

type Obj = Record<string, unknown>;
const MODEL = `${WS}/models/my-model/versions/1`;
const ENV = `${WS}/environments/sklearn/versions/2`;

/** A minimal managed deployment body as src/manifests/rest.ts builds it. */
function desiredDeployment(props: Obj = {}, extra: Obj = {}): Obj {
  return {
    location: 'eastus',
    tags: {},
    sku: { name: 'Default', capacity: 1 },
    properties: {
      endpointComputeType: 'Managed',
      environmentVariables: { OPENAI_KEY: '${{azureml://connections/aoai/credentials/key}}', LOG_LEVEL: 'info' },
      appInsightsEnabled: false,
      properties: {},
      model: MODEL,
      environmentId: ENV,
      instanceType: 'Standard_DS3_v2',
      ...props,
    },
    ...extra,
  };
}

/** What the GET returns for it: the shape of OnlineDeployments_Get (test/fixtures/contracts/machinelearningservices), with the service's defaults. */
function liveDeployment(props: Obj = {}, extra: Obj = {}): Obj {
  const sent = desiredDeployment().properties as Obj;
  return {
    id: `${WS}/onlineEndpoints/my-endpoint/deployments/blue`,
    name: 'blue',
    type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints/deployments',
    location: 'East US',
    kind: 'Managed',
    tags: {},
    systemData: { createdAt: '2026-11-01T00:00:00Z', createdBy: 'x', createdByType: 'Application', lastModifiedAt: '2026-11-01T00:00:00Z', lastModifiedBy: 'x', lastModifiedByType: 'Application' },
    sku: { name: 'Default', tier: 'Standard', capacity: 1 },
    properties: {
      description: null,
      egressPublicNetworkAccess: 'Enabled',
      ...sent,
      model: MODEL.replace('resourceGroups', 'resourcegroups'),
      provisioningState: 'Succeeded',
      scaleSettings: { scaleType: 'Default' },
      requestSettings: { requestTimeout: 'PT5S', maxConcurrentRequestsPerInstance: 1, maxQueueWait: 'PT0.5S' },
      livenessProbe: { initialDelay: 'PT10S', period: 'PT10S', timeout: 'PT2S', successThreshold: 1, failureThreshold: 30 },
      readinessProbe: { initialDelay: 'PT10S', period: 'PT10S', timeout: 'PT2S', successThreshold: 1, failureThreshold: 30 },
      ...props,
    },
    ...extra,
  };
}

function desiredEndpoint(identity: Obj = { type: 'SystemAssigned' }, props: Obj = {}, tags: Obj = {}): Obj {
  return { location: 'eastus', identity, tags, properties: { authMode: 'Key', properties: { enforce_access_to_default_secret_stores: 'enabled' }, traffic: { blue: 100 }, mirrorTraffic: {}, ...props } };
}

function liveEndpoint(identity: Obj, props: Obj = {}, tags: Obj = {}): Obj {
  return {
    id: `${WS}/onlineEndpoints/my-endpoint`, name: 'my-endpoint', type: 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints', kind: 'Managed', location: 'eastus', tags, identity,
    systemData: { createdAt: '2026-11-01T00:00:00Z' },
    properties: {
      authMode: 'Key', description: null, publicNetworkAccess: 'Enabled', provisioningState: 'Succeeded',
      properties: { enforce_access_to_default_secret_stores: 'enabled', 'azureml.onlineendpointid': `/subscriptions/x/onlineendpoints/my-endpoint`, AzureAsyncOperationUri: 'https://management.azure.com/x' },
      scoringUri: 'https://my-endpoint.eastus.inference.ml.azure.com/score', swaggerUri: 'https://my-endpoint.eastus.inference.ml.azure.com/swagger.json',
      traffic: { blue: 90, green: 10 }, mirrorTraffic: {}, ...props,
    },
  };
}

const lines = (d: ResourceDiff): string[] => (d.action === 'update' ? d.changes.map(describeChange) : [d.action]);
const SAI_LIVE = { type: 'SystemAssigned', principalId: '1111', tenantId: '2222' };

describe('diffResource', () => {
  const table: Array<{ name: string; desired: Obj; live: Obj | undefined; want: string[]; secretValues?: string[] }> = [
    { name: 'no live resource: create', desired: desiredDeployment(), live: undefined, want: ['create'] },
    { name: 'deployment as the service returns it: no change', desired: desiredDeployment(), live: liveDeployment(), want: ['no-change'] },
    { name: 'instance type', desired: desiredDeployment({ instanceType: 'Standard_F4s_v2' }), live: liveDeployment(), want: ['properties.instanceType: Standard_DS3_v2 → Standard_F4s_v2'] },
    { name: 'instance type differs in case only: no change', desired: desiredDeployment({ instanceType: 'standard_ds3_v2' }), live: liveDeployment(), want: ['no-change'] },
    { name: 'instance count', desired: desiredDeployment({}, { sku: { name: 'Default', capacity: 3 } }), live: liveDeployment(), want: ['sku.capacity: 1 → 3'] },
    {
      name: 'environment variables: added, removed, changed; secret-looking values masked, references shown',
      desired: desiredDeployment({ environmentVariables: { OPENAI_KEY: '${{azureml://connections/aoai/credentials/key2}}', DB_PASSWORD: 'hunter2', NEW: 'x' } }),
      live: liveDeployment({ environmentVariables: { OPENAI_KEY: '${{azureml://connections/aoai/credentials/key}}', LOG_LEVEL: 'info', DB_PASSWORD: 'old-pass' } }),
      want: [
        'properties.environmentVariables.DB_PASSWORD: *** → ***',
        'properties.environmentVariables.LOG_LEVEL: − info',
        'properties.environmentVariables.NEW: + x',
        'properties.environmentVariables.OPENAI_KEY: ${{azureml://connections/aoai/credentials/key}} → ${{azureml://connections/aoai/credentials/key2}}',
      ],
    },
    { name: 'a probe given in part: the service fills the rest, no change', desired: desiredDeployment({ livenessProbe: { period: 'PT30S' } }), live: liveDeployment({ livenessProbe: { initialDelay: 'PT10S', period: 'PT30S', timeout: 'PT2S', successThreshold: 1, failureThreshold: 30 } }), want: ['no-change'] },
    { name: 'a probe field changed', desired: desiredDeployment({ livenessProbe: { period: 'PT30S' } }), live: liveDeployment(), want: ['properties.livenessProbe.period: PT10S → PT30S'] },
    { name: 'durations compared by value', desired: desiredDeployment({ requestSettings: { requestTimeout: 'PT1M30S' } }), live: liveDeployment({ requestSettings: { requestTimeout: 'PT90S', maxConcurrentRequestsPerInstance: 1, maxQueueWait: 'PT0.5S' } }), want: ['no-change'] },
    { name: 'a setting the file drops returns to the default', desired: desiredDeployment(), live: liveDeployment({ readinessProbe: { initialDelay: 'PT60S', period: 'PT10S', timeout: 'PT2S', successThreshold: 1, failureThreshold: 30 } }), want: ['properties.readinessProbe.initialDelay: PT60S → PT10S (the default)'] },
    { name: 'an asset decided at deploy', desired: desiredDeployment({ model: '{{pending:model}}' }), live: liveDeployment(), want: [`properties.model: ${MODEL.replace('resourceGroups', 'resourcegroups')} → decided at deploy (asset to register or label to resolve)`] },
    { name: 'unknown fields the service adds are ignored', desired: desiredDeployment(), live: liveDeployment({ dataCollector: null, someNewServiceField: { a: 1 } }, { etag: 'x' }), want: ['no-change'] },
    { name: 'endpoint as returned: service fields, bookkeeping properties and traffic ignored', desired: desiredEndpoint(), live: liveEndpoint(SAI_LIVE), want: ['no-change'] },
    { name: 'endpoint tag removed, auth mode changed', desired: desiredEndpoint(SAI_LIVE, { authMode: 'AMLToken' }), live: liveEndpoint(SAI_LIVE, {}, { team: 'ml' }), want: ['properties.authMode: Key → AMLToken', 'tags.team: − ml'] },
    { name: 'UAI ids compare case-insensitively', desired: desiredEndpoint({ type: 'UserAssigned', userAssignedIdentities: { [UAI]: {} } }), live: liveEndpoint({ type: 'UserAssigned', userAssignedIdentities: { [UAI.toLowerCase()]: { principalId: 'p', clientId: 'c' } } }), want: ['no-change'] },
    {
      name: 'another UAI',
      desired: desiredEndpoint({ type: 'UserAssigned', userAssignedIdentities: { [`${UAI}2`]: {} } }), live: liveEndpoint({ type: 'UserAssigned', userAssignedIdentities: { [UAI]: { principalId: 'p' } } }),
      want: [`identity.userAssignedIdentities["${UAI}"]: − assigned`, `identity.userAssignedIdentities["${UAI}2"]: + assigned`],
    },
    { name: 'identity type', desired: desiredEndpoint({ type: 'UserAssigned', userAssignedIdentities: { [UAI]: {} } }), live: liveEndpoint(SAI_LIVE), want: ['identity.type: SystemAssigned → UserAssigned', `identity.userAssignedIdentities["${UAI}"]: + assigned`] },
    { name: 'secret values from set are masked', desired: desiredEndpoint(SAI_LIVE, {}, { owner: 'token-abc' }), live: liveEndpoint(SAI_LIVE, {}, { owner: 'someone' }), secretValues: ['token-abc'], want: ['tags.owner: someone → ***'] },
    { name: 'public network access case', desired: desiredEndpoint(SAI_LIVE, { publicNetworkAccess: 'enabled' }), live: liveEndpoint(SAI_LIVE), want: ['no-change'] },
    { name: 'disabling public network access', desired: desiredEndpoint(SAI_LIVE, { publicNetworkAccess: 'disabled' }), live: liveEndpoint(SAI_LIVE), want: ['properties.publicNetworkAccess: Enabled → disabled'] },
  ];
  for (const c of table) {
    test(c.name, () => assert.deepEqual(lines(diffResource(c.desired, c.live, c.secretValues ? { secretValues: c.secretValues } : {})), c.want));
  }
  test('no secret value in any rendering', () => {
    const d = diffResource(desiredDeployment({ environmentVariables: { API_KEY: 's3cr3t-new', CONN_STRING: 'x' } }), liveDeployment({ environmentVariables: { API_KEY: 's3cr3t-old' } }), { secretValues: ['x'] });
    const text = JSON.stringify(d);
    assert.ok(!text.includes('s3cr3t'), text);
    assert.ok(!/"x"/.test(text), text);
  });
});

describe('diffTraffic', () => {
  const table: Array<[Record<string, number>, Record<string, number>, boolean, Array<[string, number, number]>]> = [
    [{ blue: 100 }, { blue: 100 }, false, [['blue', 100, 100]]],
    [{ blue: 100 }, { blue: 90, green: 10 }, true, [['blue', 100, 90], ['green', 0, 10]]],
    [{ Blue: 100 }, { blue: 100, green: 0 }, false, [['blue', 100, 100]]],
    [{}, { green: 100 }, true, [['green', 0, 100]]],
    [{ blue: 50, green: 50 }, { green: 100 }, true, [['blue', 50, 0], ['green', 50, 100]]],
  ];
  for (const [before, after, changed, rows] of table) {
    test(`${JSON.stringify(before)} → ${JSON.stringify(after)}`, () => {
      const d = diffTraffic(before, after);
      assert.equal(d.changed, changed);
      assert.deepEqual(d.rows.map((r) => [r.deployment, r.before, r.after]), rows);
    });
  }
});

describe('diffResource: the whole change records', () => {
  const changes = (d: ResourceDiff) => (d.action === 'update' ? d.changes : d.action);
  const table: Array<{ name: string; desired: Obj; live: Obj; want: unknown; secretValues?: string[] }> = [
    { name: 'a new nested object without a default is added whole', desired: { properties: { dataCollector: { collections: { x: { dataCollectionMode: 'enabled' } } } } }, live: { properties: {} }, want: [{ path: 'properties.dataCollector', kind: 'added', after: '{"collections":{"x":{"dataCollectionMode":"enabled"}}}' }] },
    { name: 'an empty object the live body lacks is no change', desired: { properties: { dataCollector: {} } }, live: { properties: {} }, want: 'no-change' },
    { name: 'an asset decided at deploy, where live has none', desired: { properties: { model: '{{pending:model}}' } }, live: { properties: {} }, want: [{ path: 'properties.model', kind: 'added', after: 'decided at deploy (asset to register or label to resolve)', pending: true }] },
    { name: 'arrays compare in order', desired: { properties: { a: ['x', 'y'] } }, live: { properties: { a: ['y', 'x'] } }, want: [{ path: 'properties.a', kind: 'changed', before: '["y","x"]', after: '["x","y"]' }] },
    { name: 'arrays equal', desired: { properties: { a: ['x', 'y'] } }, live: { properties: { a: ['x', 'y'] } }, want: 'no-change' },
    { name: 'P1D = PT24H', desired: { properties: { t: 'P1D' } }, live: { properties: { t: 'PT24H' } }, want: 'no-change' },
    { name: 'a duration and a plain string differ', desired: { properties: { t: 'PT5S' } }, live: { properties: { t: 'five seconds' } }, want: [{ path: 'properties.t', kind: 'changed', before: 'five seconds', after: 'PT5S' }] },
    { name: 'a non-ARM string is case-sensitive', desired: { properties: { description: 'Blue' } }, live: { properties: { description: 'blue' } }, want: [{ path: 'properties.description', kind: 'changed', before: 'blue', after: 'Blue' }] },
    { name: 'keys with dots are bracketed', desired: { tags: { 'team.name': 'ml' } }, live: { tags: {} }, want: [{ path: 'tags["team.name"]', kind: 'added', after: 'ml' }] },
    { name: 'a description the file drops returns to null', desired: { properties: {} }, live: { properties: { description: 'old' } }, want: [{ path: 'properties.description', kind: 'changed', before: 'old', after: 'null (the default)' }] },
    {
      name: 'environment variables replacing a null map: secret-looking values masked inside the JSON',
      desired: { properties: { environmentVariables: { API_KEY: 'raw', OPENAI_KEY: '${{azureml://connections/aoai/credentials/key}}', MODE: 'fast' } } }, live: { properties: { environmentVariables: null } },
      want: [{ path: 'properties.environmentVariables', kind: 'changed', before: 'null', after: '{"API_KEY":"***","OPENAI_KEY":"${{azureml://connections/aoai/credentials/key}}","MODE":"fast"}' }],
    },
    { name: 'secret values masked inside objects too', desired: { properties: { p: { a: 'xx-s3cret-yy' } } }, live: { properties: {} }, secretValues: ['s3cret'], want: [{ path: 'properties.p', kind: 'added', after: '{"a":"xx-***-yy"}' }] },
  ];
  for (const c of table) test(c.name, () => assert.deepEqual(changes(diffResource(c.desired, c.live, c.secretValues ? { secretValues: c.secretValues } : {})), c.want));
});

describe('diffResource: what counts as service-filled, exactly', () => {
  const table: Array<{ name: string; desired: Obj; live: Obj; want: string[] }> = [
    { name: 'provisioningState deeper than properties is compared', desired: { properties: { x: { provisioningState: 'a' } } }, live: { properties: { x: { provisioningState: 'b' } } }, want: ['properties.x.provisioningState: b → a'] },
    { name: 'enumerations in any case', desired: { properties: { authMode: 'key', endpointComputeType: 'managed', scaleSettings: { scaleType: 'default' }, c: { dataCollectionMode: 'ENABLED', rollingRate: 'HOUR' } } }, live: { properties: { authMode: 'Key', endpointComputeType: 'Managed', scaleSettings: { scaleType: 'Default' }, c: { dataCollectionMode: 'enabled', rollingRate: 'Hour' } } }, want: ['no-change'] },
    { name: 'text around a pending marker is a plain value', desired: { properties: { model: 'x{{pending:model}}' } }, live: { properties: { model: 'x{{pending:model}}' } }, want: ['no-change'] },
    { name: 'a map only the service fills in, outside the owned maps, is not shown', desired: { properties: {} }, live: { properties: { tagsExtra: { a: 'b' }, sku: { tier: 'x' } } }, want: ['no-change'] },
    { name: 'sku tier/size/family ignored, capacity not', desired: { sku: { name: 'Default', capacity: 2 } }, live: { sku: { name: 'Default', capacity: 1, tier: 'Standard', size: 's', family: 'f' } }, want: ['sku.capacity: 1 → 2'] },
  ];
  for (const c of table) test(c.name, () => assert.deepEqual(lines(diffResource(c.desired, c.live)), c.want));
});

// Traffic and scoring (mirror rules and copies, 424/408/429/404), Azure Monitor metrics computed from what was served,
// and ML quota (usages, vmSizes, OutOfQuota with the 20 % reserve, unknown instance types): issue 6 items 4, 5, 6.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { admin, credential, scenarioPath, spawnEmulator, useEmulator, wsPath } from './harness.ts';
import type { Emu } from './harness.ts';
import { API, FAST, deploymentBody, mlClient, raw } from './ml-test-client.ts';
import type { Json } from './ml-test-client.ts';
import { proxyFetch } from './proxy-fetch.ts';

interface Metrics { interval: string; namespace: string; value: { name: { value: string }; unit: string; timeseries: { metadatavalues: { name: { value: string }; value: string }[]; data: Record<string, number | string>[] }[] }[] }

describe('traffic, scoring, metrics and quota', () => {
  let emu: Emu;
  let key = '';
  const ep = (): string => `${wsPath(emu)}/onlineEndpoints/existing-ep`;
  const score = (headers: Record<string, string> = {}): ReturnType<typeof proxyFetch> => proxyFetch(emu, 'https://existing-ep.eastus.inference.ml.azure.com/score', { method: 'POST', headers: { Authorization: `Bearer ${key}`, ...headers }, body: '{"x":1}' });
  const putEndpoint = (traffic: Json, mirrorTraffic?: Json): ReturnType<typeof raw> => raw(mlClient(emu), 'PUT', `${ep()}?api-version=${API}`, { location: 'eastus', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', traffic, ...(mirrorTraffic ? { mirrorTraffic } : {}) } });
  const pollToEnd = async (operation: string): Promise<void> => {
    let s: Json = {};
    for (let i = 0; i < 5 && s['status'] !== 'Succeeded'; i++) s = (await raw(mlClient(emu), 'GET', operation)).body;
    assert.equal(s['status'], 'Succeeded');
  };
  /** PUT the endpoint and poll its operation to the end. */
  const updateEndpoint = async (traffic: Json, mirrorTraffic?: Json): Promise<void> => {
    const put = await putEndpoint(traffic, mirrorTraffic);
    assert.equal(put.status, 201, JSON.stringify(put.body)); // recorded: 201 for an update too
    await pollToEnd(put.headers['azure-asyncoperation'] ?? '');
  };
  const deployment = (name: string, requestSettings: Json, capacity = 1): Promise<unknown> => {
    const body = deploymentBody(emu, {}) as { sku: Json; properties: Json };
    return mlClient(emu).onlineDeployments.beginCreateOrUpdateAndWait('demo-rg', 'demo-ws', 'existing-ep', name, { ...body, sku: { name: 'Default', capacity }, properties: { ...body.properties, requestSettings } } as never, FAST);
  };
  // Not through the ML client: its pipeline rewrites every api-version to its own, which Azure Monitor refuses.
  const metrics = async (query: string, apiVersion = '2023-10-01'): Promise<{ status: number; body: Metrics & Json }> => {
    const token = (await credential(emu).getToken('https://management.azure.com/.default')).token;
    const r = await proxyFetch(emu, `${ep()}/providers/Microsoft.Insights/metrics?api-version=${apiVersion}&${query}`, { headers: { Authorization: `Bearer ${token}` } });
    return { status: r.status, body: (r.body ? JSON.parse(r.body) : {}) as Metrics & Json };
  };

  before(async () => {
    emu = await spawnEmulator(scenarioPath('demo.yml'));
    useEmulator(emu);
    key = (await mlClient(emu).onlineEndpoints.listKeys('demo-rg', 'demo-ws', 'existing-ep')).primaryKey ?? '';
    await deployment('green', { requestTimeout: 'PT0.1S' });
    // These tests count what was served: Azure Monitor's ingestion delay off (its own test below turns it on).
    await admin(emu, 'PATCH', '/knobs', { metrics: { timeScale: 0 } });
  });
  after(() => emu.stop());

  it('validates mirror traffic like the service: one deployment, at most 50 %, live or mirror, not on Kubernetes (messages assumed)', async () => {
    const refused = async (traffic: Json, mirror: Json, pattern: RegExp): Promise<void> => {
      const r = await putEndpoint(traffic, mirror);
      assert.equal(r.status, 400, JSON.stringify(mirror));
      assert.match(String((r.body['error'] as Json)['message']), pattern);
    };
    await refused({ blue: 100 }, { green: 60 }, /at most 50/);
    await refused({ blue: 100 }, { blue: 10 }, /live or mirror traffic, not both/);
    await deployment('extra', {});
    await refused({ blue: 100 }, { green: 10, extra: 10 }, /only one deployment/);
    await refused({ blue: 100 }, { nope: 10 }, /does not exist/);
    const k8s = await raw(mlClient(emu), 'PUT', `${wsPath(emu)}/onlineEndpoints/k8s-ep?api-version=${API}`, { location: 'eastus', kind: 'K8S', identity: { type: 'SystemAssigned' }, properties: { authMode: 'Key', compute: '/subscriptions/x/compute/k8s', mirrorTraffic: { any: 10 } } });
    assert.equal(k8s.status, 400);
    assert.match(String((k8s.body['error'] as Json)['message']), /Kubernetes/);
  });

  it('mirrors copies to the shadow deployment and discards their answers; header-routed requests are not mirrored (assumed)', async () => {
    await updateEndpoint({ blue: 100 }, { green: 50 });
    await admin(emu, 'PATCH', '/knobs', { deployments: { 'existing-ep/green': { scoring: 'error', errorStatus: 500 } } });
    for (let i = 0; i < 4; i++) {
      const r = await score();
      assert.equal(r.status, 200); // the shadow's failure never reaches the caller
      assert.equal(r.headers['azureml-model-deployment'], 'blue');
    }
    assert.equal((await score({ 'azureml-model-deployment': 'blue' })).status, 200);
    const m = await metrics(`metricnames=RequestsPerMinute&aggregation=Total&timespan=PT10M&$filter=${encodeURIComponent("deployment eq '*'")}`);
    const totals = Object.fromEntries(m.body.value[0]?.timeseries.map((t) => [t.metadatavalues[0]?.value, t.data.reduce((a, d) => a + Number(d['total'] ?? 0), 0)]) ?? []);
    assert.deepEqual(totals, { blue: 5, green: 2 });
    await admin(emu, 'PATCH', '/knobs', { deployments: { 'existing-ep/green': { scoring: 'healthy' } } });
    await updateEndpoint({ blue: 100 }, {});
  });

  it('answers 424 with the model status headers, 408 past request_timeout, 429 past 2 × max concurrent × instances', async () => {
    await admin(emu, 'PATCH', '/knobs', { deployments: { 'existing-ep/blue': { scoring: 'error', errorStatus: 502 } } });
    const failed = await score({ 'azureml-model-deployment': 'blue' });
    assert.equal(failed.status, 424);
    assert.equal(failed.headers['ms-azureml-model-error-statuscode'], '502');
    assert.ok(failed.headers['ms-azureml-model-error-reason']);
    await admin(emu, 'PATCH', '/knobs', { deployments: { 'existing-ep/blue': { scoring: 'healthy' }, 'existing-ep/green': { scoring: 'slow', slowMs: 300 }, 'existing-ep/busy': { scoring: 'slow', slowMs: 300 } } });
    assert.equal((await score({ 'azureml-model-deployment': 'green' })).status, 408); // requestTimeout PT0.1S
    await deployment('busy', { maxConcurrentRequestsPerInstance: 1, requestTimeout: 'PT5S' });
    const statuses = (await Promise.all([1, 2, 3].map(() => score({ 'azureml-model-deployment': 'busy' })))).map((r) => r.status).sort();
    assert.deepEqual(statuses, [200, 200, 429]);
  });

  it('keeps serving while the endpoint is Updating (assumed)', async () => {
    const put = await putEndpoint({ blue: 100 });
    assert.equal((put.body['properties'] as Json)['provisioningState'], 'Updating');
    assert.equal((await score()).status, 200);
    await pollToEnd(put.headers['azure-asyncoperation'] ?? '');
  });

  it('answers 404 when no deployment has traffic', async () => {
    await updateEndpoint({ blue: 0, green: 0 });
    const r = await score();
    assert.equal(r.status, 404);
    assert.match(r.body, /No valid deployments to route to/);
    await updateEndpoint({ blue: 100 });
  });

  it('serves Azure Monitor metrics from the requests it served: RequestsPerMinute by deployment and status class, latency percentiles (aggregation assumed)', async () => {
    const m = await metrics(`metricnames=RequestsPerMinute&aggregation=Total,Average&interval=PT5M&timespan=PT15M&metricnamespace=Microsoft.MachineLearningServices/workspaces/onlineEndpoints&$filter=${encodeURIComponent("deployment eq '*' and statusCodeClass eq '*'")}`);
    assert.equal(m.status, 200);
    assert.equal(m.body.namespace, 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints');
    assert.equal(m.body.interval, 'PT5M');
    const [rpm] = m.body.value;
    assert.equal(rpm?.unit, 'Count');
    const byKey = Object.fromEntries(rpm?.timeseries.map((t) => [t.metadatavalues.map((v) => `${v.name.value}=${v.value}`).join(','), t.data.reduce((a, d) => a + Number(d['total'] ?? 0), 0)]) ?? []);
    assert.equal(byKey['deployment=blue,statusCodeClass=2xx'], 6);
    assert.equal(byKey['deployment=blue,statusCodeClass=4xx'], 1); // the 424
    assert.equal(byKey['deployment=green,statusCodeClass=4xx'], 3); // two mirrored 424s, one 408
    assert.equal(byKey['deployment=busy,statusCodeClass=2xx'], 2);
    assert.equal(byKey['deployment=busy,statusCodeClass=4xx'], 1); // the 429
    assert.equal(byKey['deployment=,statusCodeClass=4xx'], 1); // the 404 that reached no deployment
    const latency = await metrics(`metricnames=RequestLatency_P50,RequestLatency_P99&timespan=PT15M&$filter=${encodeURIComponent("deployment eq '*'")}`);
    const [p50, p99] = latency.body.value;
    assert.equal(p50?.name.value, 'RequestLatency_P50');
    assert.equal(p50?.unit, 'Milliseconds');
    const busyP99 = p99?.timeseries.find((t) => t.metadatavalues[0]?.value === 'busy')?.data.map((d) => Number(d['average'] ?? 0)) ?? [];
    assert.ok(Math.max(...busyP99) >= 290, `busy P99 ${busyP99.join(',')}`);
    // A dimension one of the metrics lacks is refused, as Azure Monitor refuses it.
    assert.equal((await metrics(`metricnames=RequestLatency_P50&$filter=${encodeURIComponent("statusCodeClass eq '*'")}`)).status, 400);
    assert.equal((await metrics('metricnames=RequestsPerMinute', '2024-10-01')).status, 400); // an ML api-version, not a metrics one
    const bad = await metrics('metricnames=Nope');
    assert.equal(bad.status, 400);
    assert.match(String((bad.body['error'] as Json)['message']), /Valid metrics: RequestsPerMinute/);
  });

  it('checks Microsoft.Insights/metrics/read: denied without it, granted by Monitoring Reader on the endpoint', async () => {
    const st = await admin<{ roleAssignments: { name: string; roleName: string; properties: { principalId: string } }[] }>(emu, 'GET', '/state');
    // Every role of the scenario's app that reads the endpoint's metrics (Contributor and Reader both hold */read).
    const readers = st.body.roleAssignments.filter((a) => a.roleName === 'Contributor' || a.roleName === 'Reader');
    assert.ok(readers.length > 0);
    for (const a of readers) await admin(emu, 'DELETE', `/role-assignments/${a.name}`);
    const denied = await metrics('metricnames=RequestsPerMinute');
    assert.equal(denied.status, 403);
    assert.match(String((denied.body['error'] as Json)['message']), /Microsoft\.Insights\/metrics\/read/);
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Monitoring Reader', scope: ep().replace('https://management.azure.com', '') });
    assert.equal((await metrics('metricnames=RequestsPerMinute')).status, 200);
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Contributor', scope: 'resourceGroup' });
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Reader', scope: 'subscription' });
  });

  it('lists ML usages and VM sizes for the region (subscription-level read; usage counting assumed)', async () => {
    const ml = mlClient(emu);
    await admin(emu, 'POST', '/role-assignments', { principal: 'deployer', role: 'Reader', scope: 'subscription' });
    await admin(emu, 'PATCH', '/knobs', { quota: { standardDSv2Family: { limit: 40, usage: 4 } } });
    const usages = [];
    for await (const u of ml.usages.list('eastus')) usages.push(u);
    const title = 'Standard DSv2 Family Cluster Dedicated vCPUs';
    const ds = usages.find((u) => u.type === 'Microsoft.MachineLearningServices/vmFamily/usages' && u.name?.value === title);
    // 4 outside + blue, green, extra, busy: DS3_v2 × 1 instance each = ceil(1.2) × 4 = 8 cores apiece
    assert.deepEqual([ds?.currentValue, ds?.limit, ds?.unit, ds?.name?.localizedValue], [4 + 4 * 8, 40, 'Count', title]);
    assert.match(ds?.id ?? '', /\/usages\/Standard_DSv2_Family_Cluster_Dedicated_vCPUs$/);
    // The same title on the workspace's row (its own deployments only) and, typed differently, on the low-priority row.
    const sameTitle = usages.filter((u) => u.name?.value === title);
    assert.deepEqual(sameTitle.map((u) => [u.type, u.currentValue]), [['Microsoft.MachineLearningServices/workspaces/usages', 4 * 8], ['Microsoft.MachineLearningServices/vmFamily/usages', 4 + 4 * 8]]);
    const low = usages.find((u) => u.name?.value === 'Standard DSv2 Family Cluster LowPriority vCPUs');
    assert.deepEqual([low?.type, low?.limit], ['Microsoft.MachineLearningServices/vmFamily/usages', -1]);
    const regional = usages.find((u) => u.type === 'Microsoft.MachineLearningServices/dedicatedCores/usages');
    assert.equal(regional?.name?.value, 'Total Cluster Dedicated Regional vCPUs');
    assert.equal(regional?.currentValue, 4 + 4 * 8, 'every family counts in the regional total');
    assert.equal(usages.find((u) => u.type === 'Microsoft.MachineLearningServices/totalCores/usages')?.name?.value, 'Clusters');
    // vmSizes lists every Azure ML compute size; MIR marks those of managed online endpoints (the REST spec example).
    const sizes = (await ml.virtualMachineSizes.list('eastus')).value ?? [];
    assert.equal(sizes.find((s) => s.name === 'Standard_DS3_v2')?.vCPUs, 4);
    assert.deepEqual(sizes.filter((s) => s.family === 'standardDSv2Family').map((s) => [s.name, s.supportedComputeTypes?.includes('MIR')]), [
      ['Standard_DS1_v2', false], ['Standard_DS2_v2', true], ['Standard_DS3_v2', true], ['Standard_DS4_v2', true], ['Standard_DS5_v2', true],
      ['Standard_DS11_v2', false], ['Standard_DS12_v2', false], ['Standard_DS13_v2', false], ['Standard_DS14_v2', false],
    ]);
  });

  it('refuses a size listed without MIR, and a deployment over the regional total while its family has room (wording assumed)', async () => {
    const ml = mlClient(emu);
    const body = deploymentBody(emu, {}) as { properties: Json };
    const training = await raw(ml, 'PUT', `${ep()}/deployments/ds12?api-version=${API}`, { ...body, properties: { ...body.properties, instanceType: 'Standard_DS12_v2' } });
    assert.equal(training.status, 400);
    assert.match(String((training.body['error'] as Json)['message']), /Standard_DS12_v2' is not supported for managed online deployments/);
    await admin(emu, 'PATCH', '/knobs', { quota: { standardDSv2Family: { limit: 1000, usage: 0 }, regional: { limit: 40, usage: 8 } } }); // 8 + 4 × 8 = 40 in use
    const over = await raw(ml, 'PUT', `${ep()}/deployments/regional-over?api-version=${API}`, body);
    assert.equal(over.status, 400);
    const err = over.body['error'] as { details: { code: string; message: string }[] };
    assert.match(err.details[0]?.message ?? '', /Not enough quota available for Standard_DS3_v2 \(Total Cluster Dedicated Regional vCPUs\).*Current usage\/limit: 40\/40\. Additional needed: 8/);
    await admin(emu, 'PATCH', '/knobs', { quota: { standardDSv2Family: { limit: 200, usage: 0 }, regional: { limit: 1000, usage: 0 } } });
  });

  it('refuses a deployment that needs more cores than are free (OutOfQuota, 20 % reserve) and an unknown instance type (assumed wording)', async () => {
    const ml = mlClient(emu);
    await admin(emu, 'PATCH', '/knobs', { quota: { standardDSv2Family: { limit: 44, usage: 0 } } }); // 32 used, 12 free
    const body = deploymentBody(emu, {}) as { properties: Json };
    const put = await raw(ml, 'PUT', `${ep()}/deployments/too-big?api-version=${API}`, { ...body, sku: { name: 'Default', capacity: 2 } }); // ceil(2.4) × 4 = 12: fits
    assert.equal(put.status, 201);
    await ml.onlineDeployments.get('demo-rg', 'demo-ws', 'existing-ep', 'too-big');
    const over = await raw(ml, 'PUT', `${ep()}/deployments/one-more?api-version=${API}`, body); // 8 more: 44 + 8 > 44
    assert.equal(over.status, 400);
    const err = over.body['error'] as { code: string; details: { code: string; message: string }[] };
    assert.equal(err.code, 'BadRequest');
    assert.equal(err.details[0]?.code, 'InferencingClientCreateDeploymentFailed');
    assert.match(err.details[0]?.message ?? '', /Not enough quota available for Standard_DS3_v2 in SubscriptionId .*Current usage\/limit: 44\/44\. Additional needed: 8 .*error-outofquota/);
    const scale = await raw(ml, 'PATCH', `${ep()}/deployments/blue?api-version=${API}`, { sku: { capacity: 2 } }); // blue 8 → 12: +4 over
    assert.equal(scale.status, 400);
    const unknown = await raw(ml, 'PUT', `${ep()}/deployments/odd-sku?api-version=${API}`, { ...body, properties: { ...body.properties, instanceType: 'Standard_Bogus_v9' } });
    assert.equal(unknown.status, 400);
    assert.match(String((unknown.body['error'] as Json)['message']), /Standard_Bogus_v9/);
  });

  it('shows a request in the metrics only after the ingestion delay: the latest minute partial, a minute of which nothing arrived without values', async () => {
    await admin(emu, 'PATCH', '/knobs', { metrics: { ingestionDelaySeconds: 1.5, timeScale: 1 } });
    await new Promise((r) => setTimeout(r, 1600));
    const blueTotal = async (): Promise<number> => {
      const m = await metrics(`metricnames=RequestsPerMinute&aggregation=Total&timespan=PT10M&$filter=${encodeURIComponent("deployment eq 'blue'")}`);
      return m.body.value[0]?.timeseries[0]?.data.reduce((a, d) => a + Number(d['total'] ?? 0), 0) ?? 0;
    };
    const before = await blueTotal();
    for (let i = 0; i < 3; i++) assert.equal((await score({ 'azureml-model-deployment': 'blue' })).status, 200);
    assert.equal(await blueTotal(), before, 'not ingested yet');
    const now = Date.now();
    const iso = (t: number): string => new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const ahead = await metrics(`metricnames=RequestsPerMinute&aggregation=Total&timespan=${iso(now)}/${iso(now + 60_000)}&$filter=${encodeURIComponent("deployment eq 'blue'")}`);
    const point = ahead.body.value[0]?.timeseries[0]?.data[0] ?? {};
    assert.ok(point['timeStamp'] && !('total' in point), `a minute not yet ingested has no value, not 0: ${JSON.stringify(point)}`);
    await new Promise((r) => setTimeout(r, 1600));
    assert.equal(await blueTotal(), before + 3, 'ingested after the delay');
    await admin(emu, 'PATCH', '/knobs', { metrics: { ingestionDelaySeconds: 120, timeScale: 0 } });
  });
});

// assets, quota, endpoint-state and traffic: table tests with plain facts.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { assetsCheck, parseRegistryUri } from './assets.ts';
import { endpointStateCheck } from './endpoint-state.ts';
import { classifyUsage, coresNeeded, familyKey, nearestOnlineSizes, onlineSizes, quotaByFamily, quotaCheck, quotaDemands, quotaPlanLines, reservedInstances } from './quota.ts';
import { trafficCheck } from './traffic.ts';
import { brief, context, deploymentSpec, endpointSpec, facts, familyUsage, regionalUsage, span } from './testkit.ts';
import type { DeploymentSpec, EndpointSpec } from '../manifests/index.ts';
import type { LiveDeploymentFacts, Lookup, UsageFacts, ValidateFacts, VmSizeFacts } from './facts.ts';

/** A regional total with room: the family rows decide unless a test says otherwise. */
const REGIONAL = regionalUsage(0, 1000);

const modelRef = (text: string, name: string, version: string): DeploymentSpec['model'] => ({ kind: 'ref', ref: { kind: 'version', type: 'models', name, version, text }, span: span(4, 8, text.length) });

describe('assets check', () => {
  const env: DeploymentSpec['environment'] = { kind: 'ref', ref: { kind: 'label', type: 'environments', name: 'sklearn', label: 'latest', text: 'azureml:sklearn@latest' }, span: span(5, 14, 22) };
  const code: DeploymentSpec['code'] = { kind: 'ref', ref: { kind: 'version', type: 'codes', name: 'score', version: '1', text: 'azureml:score:1' }, span: span(9, 11, 15) };
  const d = deploymentSpec({ model: modelRef('azureml:my-model:3', 'my-model', '3'), environment: env, code });
  const table: Array<{ name: string; assets: Record<string, Lookup<{ id: string }>>; want: string[]; message?: RegExp; hint?: RegExp }> = [
    { name: 'all found', assets: { 'azureml:my-model:3': { kind: 'found', value: { id: 'm' } }, 'azureml:sklearn@latest': { kind: 'found', value: { id: 'e' } }, 'azureml:score:1': { kind: 'found', value: { id: 'c' } } }, want: [] },
    { name: 'model version missing: on the model line', assets: { 'azureml:my-model:3': { kind: 'missing' } }, want: ['asset-not-found@4:error'], message: /no model my-model with version 3/, hint: /az ml model list --name my-model/ },
    { name: '@latest of nothing', assets: { 'azureml:sklearn@latest': { kind: 'missing' } }, want: ['asset-not-found@5:error'], message: /@latest resolves to nothing/ },
    { name: 'code version missing', assets: { 'azureml:score:1': { kind: 'missing' } }, want: ['asset-not-found@9:error'], hint: /az ml code list/ },
    { name: 'registry unreadable: cannot-verify', assets: { 'azureml:my-model:3': { kind: 'unreadable', why: 'no access to registry', permission: 'Microsoft.MachineLearningServices/registries/read' } }, want: ['cannot-verify@4:warning'], hint: /registries\/read/ },
    { name: 'not looked up: nothing', assets: {}, want: [] },
  ];
  // Registry references, as src/azure/registry.ts reads them (assets + registryMisses).
  const REG_V = 'azureml://registries/contoso-reg/models/fraud/versions/9';
  const REG_LATEST = 'azureml://registries/azureml/environments/sklearn-1.5/labels/latest';
  const regD = deploymentSpec({
    model: { kind: 'ref', ref: { kind: 'registry', type: 'models', uri: REG_V, text: REG_V }, span: span(4, 8, REG_V.length) },
    environment: { kind: 'ref', ref: { kind: 'registry', type: 'environments', uri: REG_LATEST, text: REG_LATEST }, span: span(5, 14, REG_LATEST.length) },
  });
  const regTable: Array<{ name: string; assets: Record<string, Lookup<{ id: string }>>; misses?: ValidateFacts['registryMisses']; want: string[]; message?: RegExp; hint?: RegExp }> = [
    { name: 'registry version and labels/latest found: nothing', assets: { [REG_V]: { kind: 'found', value: { id: REG_V } }, [REG_LATEST]: { kind: 'found', value: { id: 'azureml://registries/azureml/environments/sklearn-1.5/versions/19' } } }, want: [] },
    { name: 'registry version missing: on the model line, did you mean the latest version', assets: { [REG_V]: { kind: 'missing' } }, misses: { [REG_V]: { registry: 'contoso-reg', missing: 'version', latestVersion: '3' } }, want: ['asset-not-found@4:error'], message: /registry contoso-reg has no version 9 of model fraud; its latest version is 3/, hint: /Did you mean version 3\? model: azureml:\/\/registries\/contoso-reg\/models\/fraud\/versions\/3/ },
    { name: 'registry asset name missing: names are case-sensitive, list command', assets: { [REG_LATEST]: { kind: 'missing' } }, misses: { [REG_LATEST]: { registry: 'azureml', missing: 'name' } }, want: ['asset-not-found@5:error'], message: /registry azureml has no environment named sklearn-1\.5 \(names are case-sensitive\), so labels\/latest resolves to nothing/, hint: /az ml environment list --registry-name azureml/ },
    { name: 'registry does not exist: discovery 404', assets: { [REG_V]: { kind: 'missing' } }, misses: { [REG_V]: { registry: 'contoso-reg', missing: 'registry' } }, want: ['asset-not-found@4:error'], message: /no registry named contoso-reg exists/ },
    { name: 'registry refused (403): cannot-verify naming the registry role, never missing', assets: { [REG_V]: { kind: 'unreadable', why: '403 AuthorizationFailed on GET /mferp/…', permission: 'Microsoft.MachineLearningServices/registries/assets/read' } }, want: ['cannot-verify@4:warning'], hint: /registries\/assets\/read on registry contoso-reg \(the Reader role on the registry grants it\)/ },
    { name: 'registry 5xx after retries: cannot-verify', assets: { [REG_V]: { kind: 'unreadable', why: 'GET /mferp/… failed: 503 ServiceUnavailable' } }, want: ['cannot-verify@4:warning'], message: /503/ },
  ];
  for (const c of regTable) {
    test(c.name, () => {
      const bothFound: Record<string, Lookup<{ id: string }>> = { [REG_V]: { kind: 'found', value: { id: REG_V } }, [REG_LATEST]: { kind: 'found', value: { id: REG_LATEST } } };
      const findings = assetsCheck.run(context({ deployments: [regD], facts: facts({ assets: { ...bothFound, ...c.assets }, ...(c.misses ? { registryMisses: c.misses } : {}) }) }));
      assert.deepEqual(brief(findings), c.want);
      if (c.message) assert.match(findings[0]?.message ?? '', c.message);
      if (c.hint) assert.match(findings[0]?.hint ?? '', c.hint);
    });
  }
  test('registry and curated references are not read: an honest cannot-verify on the line, with the command that shows them', () => {
    const reg: DeploymentSpec['model'] = { kind: 'ref', ref: { kind: 'registry', type: 'models', uri: 'azureml://registries/azureml/models/phi-3/versions/7', text: 'azureml://registries/azureml/models/phi-3/versions/7' }, span: span(4, 8, 50) };
    const curated: DeploymentSpec['environment'] = { kind: 'ref', ref: { kind: 'curated', type: 'environments', ref: 'azureml:AzureML-sklearn-1.5@latest', text: 'azureml:AzureML-sklearn-1.5@latest' }, span: span(5, 14, 34) };
    const labels: DeploymentSpec['code'] = undefined;
    const findings = assetsCheck.run(context({ deployments: [deploymentSpec({ model: reg, environment: curated, code: labels })], facts: facts({ assets: {} }) }));
    assert.deepEqual(brief(findings), ['cannot-verify@4:warning', 'cannot-verify@5:warning']);
    assert.match(findings[0]?.message ?? '', /registry azureml was not read/);
    assert.match(findings[1]?.message ?? '', /curated environment of registry azureml/);
    assert.match(findings[0]?.hint ?? '', /az ml model show --registry-name azureml --name phi-3 --version 7/);
    assert.match(findings[1]?.hint ?? '', /az ml environment show --registry-name azureml --name AzureML-sklearn-1.5 --label latest/);
  });
  test('parseRegistryUri', () => {
    assert.deepEqual(parseRegistryUri('azureml://registries/r1/environments/e/labels/latest'), { registry: 'r1', type: 'environments', name: 'e', label: 'latest' });
    assert.deepEqual(parseRegistryUri('azureml://registries/r1/models/m/versions/2'), { registry: 'r1', type: 'models', name: 'm', version: '2' });
    assert.equal(parseRegistryUri('azureml://registries/r1'), undefined);
  });
  for (const c of table) {
    test(c.name, () => {
      const findings = assetsCheck.run(context({ deployments: [d], facts: facts({ assets: c.assets }) }));
      assert.deepEqual(brief(findings), c.want);
      if (c.message) assert.match(findings[0]?.message ?? '', c.message);
      if (c.hint) assert.match(findings[0]?.hint ?? '', c.hint);
    });
  }
});

describe('quota arithmetic: ceil(1.2 × instances) × cores', () => {
  const table: Array<[number, number, number, number]> = [
    [1, 4, 2, 8],
    [2, 4, 3, 12],
    [5, 4, 6, 24],
    [10, 4, 12, 48], // the learn.microsoft.com example: 10 × DS3_v2 needs 48 cores
    [3, 16, 4, 64],
    [0, 4, 0, 0],
  ];
  for (const [instances, cores, reserved, total] of table) {
    test(`${instances} × ${cores} cores → ${reserved} instances, ${total} cores`, () => {
      assert.equal(reservedInstances(instances), reserved);
      assert.equal(coresNeeded(instances, cores), total);
    });
  }
  const sizes = [{ name: 'Standard_DS3_v2', family: 'standardDSv2Family', vCPUs: 4 }, { name: 'Standard_F8s_v2', family: 'standardFSv2Family', vCPUs: 8 }];
  const live = (name: string, instanceType: string, instanceCount: number): LiveDeploymentFacts => ({ name, provisioningState: 'Succeeded', instanceType, instanceCount, body: {} });
  test('a new deployment adds its cores; an update in place adds only the difference', () => {
    const green = deploymentSpec({ name: 'green', instanceCount: 5 });
    const blue = deploymentSpec({ name: 'blue', instanceCount: 3 });
    const demands = quotaDemands([green, blue], { blue: live('blue', 'Standard_DS3_v2', 2) }, sizes);
    assert.deepEqual(demands.map((d) => [d.deployment, d.cores, d.held, d.additional]), [['green', 24, 0, 24], ['blue', 16, 12, 4]]);
    assert.deepEqual(quotaByFamily(demands, [familyUsage('standardDSv2Family', 12, 40)]).map((f) => [f.family, f.current, f.after, f.fits]), [['standardDSv2Family', 12, 40, true]]);
  });
  test('changing family: the old cores stay held in the old family, the new family pays in full', () => {
    const demands = quotaDemands([deploymentSpec({ name: 'blue', instanceType: 'Standard_F8s_v2', instanceCount: 1 })], { blue: live('blue', 'Standard_DS3_v2', 2) }, sizes);
    assert.deepEqual(demands.map((d) => [d.family, d.cores, d.held]), [['standardFSv2Family', 16, 0]]);
  });
  test('scaling down never frees quota in the plan', () => {
    const demands = quotaDemands([deploymentSpec({ name: 'blue', instanceCount: 1 })], { blue: live('blue', 'Standard_DS3_v2', 4) }, sizes);
    assert.equal(demands[0]?.additional, 0);
  });
  test('Kubernetes deployments use no managed quota', () => {
    assert.deepEqual(quotaDemands([deploymentSpec({ computeType: 'Kubernetes' })], {}, sizes), []);
  });
});

describe('quota check', () => {
  const usage = (current: number, limit: number): Lookup<UsageFacts[]> => ({ kind: 'found', value: [familyUsage('standardDSv2Family', current, limit), REGIONAL] });
  const table: Array<{ name: string; deployments: DeploymentSpec[]; f: Partial<ValidateFacts>; want: string[]; message?: RegExp; hint?: RegExp }> = [
    { name: 'fits', deployments: [deploymentSpec({ instanceCount: 2 })], f: { usages: usage(0, 12) }, want: [] },
    {
      name: '10 × DS3_v2 with 24 of 40 used: 48 needed, 16 free', deployments: [deploymentSpec({ name: 'green', instanceCount: 10 })],
      f: { usages: usage(24, 40), deployments: { kind: 'found', value: { blue: { name: 'blue', provisioningState: 'Succeeded', instanceType: 'Standard_DS3_v2', instanceCount: 5, body: {} } } } },
      want: ['quota-insufficient@6:error'],
      message: /green needs 48 cores of standardDSv2Family \(Standard DSv2 Family Cluster Dedicated vCPUs\): ceil\(1\.2 × 10\) = 12 instances \(20 % reserve for upgrades\) × 4 cores of Standard_DS3_v2; 16 of 40 are free \(24 in use\)\. blue \(24 cores\) keeps running during the rollout\./,
      hint: /at least 72 cores/,
    },
    { name: 'over the limit already, an update that does not grow passes', deployments: [deploymentSpec({ name: 'blue', instanceCount: 1 })], f: { usages: usage(50, 40), deployments: { kind: 'found', value: { blue: { name: 'blue', provisioningState: 'Succeeded', instanceType: 'Standard_DS3_v2', instanceCount: 2, body: {} } } } }, want: [] },
    { name: 'exactly at the limit fits', deployments: [deploymentSpec({ instanceCount: 5 })], f: { usages: usage(16, 40) }, want: [] },
    { name: 'two deployments together exceed it: each is told', deployments: [deploymentSpec({ name: 'a', instanceCount: 3 }), deploymentSpec({ name: 'b', file: 'b.yml', instanceCount: 3 })], f: { usages: usage(10, 40) }, want: ['quota-insufficient@6:error', 'quota-insufficient@6:error'], message: /Together with b, this run adds 32/ },
    { name: 'misspelt instance type: did you mean', deployments: [deploymentSpec({ instanceType: 'Standard_DS3_v3' })], f: {}, want: ['instance-type-unavailable@6:error'], hint: /Did you mean Standard_DS3_v2\?/ },
    { name: 'instance type matched case-insensitively', deployments: [deploymentSpec({ instanceType: 'standard_ds3_v2' })], f: {}, want: [] },
    { name: 'VM sizes unreadable: cannot-verify', deployments: [deploymentSpec()], f: { vmSizes: { kind: 'unreadable', why: 'Forbidden' } }, want: ['cannot-verify@6:warning'] },
    { name: 'usages unreadable: cannot-verify', deployments: [deploymentSpec()], f: { usages: { kind: 'unreadable', why: 'Forbidden' } }, want: ['cannot-verify@6:warning'] },
    { name: 'no usage for the family: cannot-verify', deployments: [deploymentSpec({ instanceType: 'Standard_F4s_v2' })], f: { usages: usage(0, 10) }, want: ['cannot-verify@6:warning'], message: /standardFSv2Family/ },
    {
      name: '1 × A100 in a family with 24 free cores passes: A100 sizes skip the 20 % reserve',
      deployments: [deploymentSpec({ instanceType: 'Standard_NC24ads_A100_v4', instanceCount: 1 })],
      f: { vmSizes: { kind: 'found', value: [{ name: 'Standard_NC24ads_A100_v4', family: 'StandardNCADSA100v4Family', vCPUs: 24 }] }, usages: { kind: 'found', value: [REGIONAL, familyUsage('StandardNCADSA100v4Family', 0, 24)] } },
      want: [],
    },
    {
      name: 'the same 24 cores of a reserved size (F-series, 24 vCPUs) do not fit: ceil(1.2 × 1) = 2 instances',
      deployments: [deploymentSpec({ instanceType: 'Standard_F24s_v2', instanceCount: 1 })],
      f: { vmSizes: { kind: 'found', value: [{ name: 'Standard_F24s_v2', family: 'standardFSv2Family', vCPUs: 24 }] }, usages: { kind: 'found', value: [REGIONAL, familyUsage('standardFSv2Family', 0, 24)] } },
      want: ['quota-insufficient@6:error'], message: /needs 48 cores/,
    },
    { name: 'Kubernetes: not checked', deployments: [deploymentSpec({ computeType: 'Kubernetes', instanceType: 'gpu-large' })], f: {}, want: [] },
  ];
  for (const c of table) {
    test(c.name, () => {
      const findings = quotaCheck.run(context({ deployments: c.deployments, facts: facts(c.f) }));
      assert.deepEqual(brief(findings), c.want);
      if (c.message) assert.match(findings[0]?.message ?? '', c.message);
      if (c.hint) assert.match(findings[0]?.hint ?? '', c.hint);
    });
  }
  test('plan lines: before → after per family', () => {
    assert.deepEqual(quotaPlanLines(context({ deployments: [deploymentSpec({ instanceCount: 3 })], facts: facts({ usages: usage(8, 20) }) })), ['Standard DSv2 Family Cluster Dedicated vCPUs: 8 → 24 of 20 cores (over the limit)', 'Total Cluster Dedicated Regional vCPUs: 0 → 16 of 1000 cores']);
  });
});

describe('endpoint-state check', () => {
  const liveEp = (state: string): ValidateFacts['endpoint'] => ({ kind: 'found', value: { name: 'my-endpoint', provisioningState: state, identity: { type: 'SystemAssigned', principalId: 'p', userAssigned: {} }, traffic: {}, mirrorTraffic: {}, properties: {}, body: {} } });
  const table: Array<{ name: string; endpoint?: EndpointSpec; f: Partial<ValidateFacts>; mode?: 'validate' | 'deploy'; want: string[]; message?: RegExp }> = [
    { name: 'succeeded', endpoint: endpointSpec(), f: { endpoint: liveEp('Succeeded') }, want: [] },
    { name: 'failed is terminal', endpoint: endpointSpec(), f: { endpoint: liveEp('Failed') }, want: [] },
    { name: 'updating: warning on the name, deploy waits', endpoint: endpointSpec(), f: { endpoint: liveEp('Updating') }, mode: 'deploy', want: ['endpoint-busy@1:warning'], message: /is Updating: .*deploy waits/ },
    { name: 'a deployment this run updates is creating', endpoint: endpointSpec(), f: { endpoint: liveEp('Succeeded'), deployments: { kind: 'found', value: { blue: { name: 'blue', provisioningState: 'Creating', body: {} } } } }, want: ['endpoint-busy@1:warning'], message: /Deployment blue is Creating/ },
    { name: 'deployment files only, endpoint missing', endpoint: undefined, f: { endpoint: { kind: 'missing' } }, want: ['endpoint-not-found@2:error'] },
    { name: 'new endpoint with its file: fine', endpoint: endpointSpec(), f: { endpoint: { kind: 'missing' } }, want: [] },
    { name: 'endpoint unreadable', endpoint: endpointSpec(), f: { endpoint: { kind: 'unreadable', why: 'AuthorizationFailed' } }, want: ['cannot-verify@1:warning'] },
  ];
  for (const c of table) {
    test(c.name, () => {
      const findings = endpointStateCheck.run(context({ endpoint: c.endpoint, facts: facts(c.f), mode: c.mode ?? 'validate' }));
      assert.deepEqual(brief(findings), c.want);
      if (c.message) assert.match(findings[0]?.message ?? '', c.message);
    });
  }
});

describe('traffic check', () => {
  const entry = (name: string, percent: number, line: number) => ({ name, key: name, percent, keySpan: span(line, 3, name.length), valueSpan: span(line, 10, 2) });
  const ep = endpointSpec({ traffic: [entry('blue', 90, 5), entry('green', 10, 6)] });
  const table: Array<{ name: string; deployments: DeploymentSpec[]; live: ValidateFacts['deployments']; want: string[] }> = [
    { name: 'one deployed now, one existing', deployments: [deploymentSpec({ name: 'green' })], live: { kind: 'found', value: { blue: { name: 'blue', provisioningState: 'Succeeded', body: {} } } }, want: [] },
    { name: 'blue neither exists nor is deployed: error on its key', deployments: [deploymentSpec({ name: 'green' })], live: { kind: 'found', value: {} }, want: ['traffic@5:error'] },
    { name: 'new endpoint: only the files count', deployments: [deploymentSpec({ name: 'green' })], live: { kind: 'missing' }, want: ['traffic@5:error'] },
    { name: 'deployments unreadable: cannot-verify', deployments: [deploymentSpec({ name: 'green' })], live: { kind: 'unreadable', why: 'Forbidden' }, want: ['cannot-verify@5:warning'] },
  ];
  for (const c of table) test(c.name, () => assert.deepEqual(brief(trafficCheck.run(context({ endpoint: ep, deployments: c.deployments, facts: facts({ deployments: c.live }) }))), c.want));
});

describe('quota: details that decide', () => {
  const sizes = [{ name: 'Standard_DS3_v2', family: 'standardDSv2Family', vCPUs: 4 }, { name: 'Standard_F8s_v2', family: 'standardFSv2Family', vCPUs: 8 }];
  test('an existing deployment of a size the region no longer offers holds nothing countable', () => {
    const demands = quotaDemands([deploymentSpec({ name: 'blue', instanceCount: 1 })], { blue: { name: 'blue', provisioningState: 'Succeeded', instanceType: 'Standard_Retired', instanceCount: 3, body: {} } }, sizes);
    assert.deepEqual(demands.map((d) => [d.held, d.additional]), [[0, 8]]);
  });
  test('each family is matched to its own usage, whatever the order', () => {
    const demands = quotaDemands([deploymentSpec({ instanceType: 'Standard_F8s_v2', instanceCount: 1 })], {}, sizes);
    const usage: UsageFacts[] = [familyUsage('standardDSv2Family', 0, 100), familyUsage('StandardFSv2Family', 90, 100)];
    assert.deepEqual(quotaByFamily(demands, usage).map((f) => [f.family, f.current, f.after, f.fits]), [['standardFSv2Family', 90, 106, false]]);
  });
  test('no plan lines without sizes or usage', () => {
    assert.deepEqual(quotaPlanLines(context({ facts: facts({ usages: { kind: 'unreadable', why: 'x' } }) })), []);
    assert.deepEqual(quotaPlanLines(context({ facts: facts({ vmSizes: { kind: 'unreadable', why: 'x' } }) })), []);
  });
  test('the cannot-verify messages carry the reason', () => {
    const [sizesUnread] = quotaCheck.run(context({ facts: facts({ vmSizes: { kind: 'unreadable', why: 'AuthorizationFailed' } }) }));
    assert.equal(sizesUnread?.message, "Cannot verify instance_type Standard_DS3_v2 and its quota: the VM sizes of the workspace's region could not be read (AuthorizationFailed).");
    assert.match(sizesUnread?.hint ?? '', /locations\/vmSizes\/read/);
    const [noSizes] = quotaCheck.run(context({ facts: facts({ vmSizes: { kind: 'missing' } }) }));
    assert.match(noSizes?.message ?? '', /\(the region lists no VM sizes\)/);
    const [usageUnread] = quotaCheck.run(context({ facts: facts({ usages: { kind: 'unreadable', why: 'throttled' } }) }));
    assert.equal(usageUnread?.message, "Cannot verify the core quota for Standard_DS3_v2: the region's usage could not be read (throttled).");
    const [unknownSize] = quotaCheck.run(context({ deployments: [deploymentSpec({ instanceType: 'Standard_ZZ9' })] }));
    assert.equal(unknownSize?.message, "instance_type Standard_ZZ9 is not offered for online endpoints in the workspace's region.");
    assert.match(unknownSize?.hint ?? '', /list-skus/);
  });
  test('an update in place that grows says what it holds; two running deployments are named', () => {
    const live = (name: string, n: number): LiveDeploymentFacts => ({ name, provisioningState: 'Succeeded', instanceType: 'Standard_DS3_v2', instanceCount: n, body: {} });
    const [f] = quotaCheck.run(context({ deployments: [deploymentSpec({ name: 'blue', instanceCount: 8 })], facts: facts({ usages: { kind: 'found', value: [REGIONAL, familyUsage('standardDSv2Family', 32, 40)] }, deployments: { kind: 'found', value: { blue: live('blue', 2), green: live('green', 1), red: live('red', 1) } } }) }));
    assert.match(f?.message ?? '', / It already holds 12 cores, which it keeps until the new instances are up\. green \(8 cores\), red \(8 cores\) keep running during the rollout\.$/);
  });
  test('quota and instance-type findings sit on instance_type, or the name without it', () => {
    const d = deploymentSpec({ instanceType: 'Standard_ZZ9' });
    d.spans.instanceType = undefined;
    const [f] = quotaCheck.run(context({ deployments: [d] }));
    assert.deepEqual([f?.line, f?.column], [1, 7]);
  });
});

// Usage rows as the REST spec's Usage/list example shapes them (azure-rest-api-specs …/2024-04-01/examples/Usage/list.json):
// family, regional-total, low-priority, workspace and cluster rows share names; only type (and id) tell them apart. The
// second form (name.value a family key, dedicated and low-priority told apart by type) is the one public scripts read.
describe('quota: usage rows by type and name', () => {
  const SUBU = '/subscriptions/00000000-0000-0000-0000-000000000000/usages';
  const WSU = '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/demo_workspace1';
  const row = (type: string, name: string, id: string, current = 0, limit = 24): UsageFacts => ({ id, type: `Microsoft.MachineLearningServices/${type}`, name, current, limit });
  const table: Array<[string, UsageFacts, string | undefined]> = [
    ['subscription family row', row('vmFamily/usages', 'Standard DSv2 Family Cluster Dedicated vCPUs', `${SUBU}/Standard_DSv2_Family_Cluster_Dedicated_vCPUs`), 'family:dsv2'],
    ['regional dedicated total', row('dedicatedCores/usages', 'Total Cluster Dedicated Regional vCPUs', SUBU), 'regional'],
    ['cluster count, typed totalCores', row('totalCores/usages', 'Clusters', SUBU), undefined],
    ['regional low-priority total', row('lowPriorityCores/usages', 'Total Cluster LowPriority Regional vCPUs', SUBU), undefined],
    ['low-priority family row (limit -1)', row('vmFamily/usages', 'Standard DSv2 Family Cluster LowPriority vCPUs', `${SUBU}/Standard_DSv2_Family_Cluster_LowPriority_vCPUs`, 0, -1), undefined],
    ['workspace row of the same family', row('workspaces/usages', 'Standard DSv2 Family Cluster Dedicated vCPUs', `${WSU}/usages/Standard_DSv2_Family_Cluster_Dedicated_vCPUs`), undefined],
    ['workspace row, singular type', row('workspace/usages', 'Standard NC Family Cluster Dedicated vCPUs', `${WSU}/usages/Standard_NC_Family_Cluster_Dedicated_vCPUs`), undefined],
    ['cluster row', row('workspaces/computes/usages', 'Standard DSv2 Family Cluster Dedicated vCPUs', `${WSU}/computes/demo_cluster1_dsv2/usages/Standard_DSv2_Family_Cluster_Dedicated_vCPUs`), undefined],
    ['family key as name, dedicated by type', row('vmFamily/dedicatedCores/usages', 'standardNCADSA100v4Family', `${SUBU}/standardNCADSA100v4Family`), 'family:ncadsa100v4'],
    ['family key as name, low priority by type', row('vmFamily/lowPriorityCores/usages', 'standardNCADSA100v4Family', `${SUBU}/standardNCADSA100v4Family`, 0, -1), undefined],
    ['regional total named by key', row('dedicatedCores/usages', 'TotalDedicatedCores', SUBU), 'regional'],
    ['a family row whose name is blank: the id names it', row('vmFamily/usages', '', `${SUBU}/Standard_FSv2_Family_Cluster_Dedicated_vCPUs`), 'family:fsv2'],
  ];
  for (const [name, u, want] of table) {
    test(name, () => {
      const r = classifyUsage(u);
      assert.equal(r ? (r.kind === 'family' ? `family:${r.family}` : r.kind) : undefined, want);
    });
  }
  const keys: Array<[string, string | undefined]> = [
    ['standardDSv2Family', 'dsv2'], ['StandardNCADSA100v4Family', 'ncadsa100v4'], ['standardNCASv3_T4Family', 'ncasv3t4'],
    ['Standard NCASv3_T4 Family Cluster Dedicated vCPUs', 'ncasv3t4'], ['Standard_DSv2_Family_Cluster_Dedicated_vCPUs', 'dsv2'], ['Standard D Family Cluster Dedicated vCPUs', 'd'], ['Clusters', undefined],
  ];
  for (const [text, key] of keys) test(`familyKey(${text}) = ${key}`, () => assert.equal(familyKey(text), key));
});

describe('quota: the sizes of online endpoints, the rows that count, the regional total', () => {
  const ALL = ['AmlCompute', 'ComputeInstance', 'MIR'];
  const TRAINING = ['AmlCompute', 'ComputeInstance'];
  // The REST spec's VirtualMachineSize/list example: DS2–DS5 carry MIR, DS1 and DS11–DS14 do not.
  const sizes: VmSizeFacts[] = [
    { name: 'Standard_DS1_v2', family: 'standardDSv2Family', vCPUs: 1, supportedComputeTypes: TRAINING },
    { name: 'Standard_DS2_v2', family: 'standardDSv2Family', vCPUs: 2, supportedComputeTypes: ALL },
    { name: 'Standard_DS3_v2', family: 'standardDSv2Family', vCPUs: 4, supportedComputeTypes: ALL },
    { name: 'Standard_DS4_v2', family: 'standardDSv2Family', vCPUs: 8, supportedComputeTypes: ALL },
    { name: 'Standard_DS5_v2', family: 'standardDSv2Family', vCPUs: 16, supportedComputeTypes: ALL },
    { name: 'Standard_DS12_v2', family: 'standardDSv2Family', vCPUs: 4, supportedComputeTypes: TRAINING },
    { name: 'Standard_NC24ads_A100_v4', family: 'StandardNCADSA100v4Family', vCPUs: 24, supportedComputeTypes: ALL },
    { name: 'Standard_Legacy_X', family: 'standardLegacyFamily', vCPUs: 2 },
  ];
  const vm = { kind: 'found' as const, value: sizes };
  const ds = (current: number, limit: number) => familyUsage('standardDSv2Family', current, limit);
  const wsRow = (current: number): UsageFacts => ({ ...ds(current, 40), id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/usages/Standard_DSv2_Family_Cluster_Dedicated_vCPUs', type: 'Microsoft.MachineLearningServices/workspaces/usages' });
  const lowPriority = (): UsageFacts => ({ ...familyUsage('standardDSv2Family', 0, -1), name: 'Standard DSv2 Family Cluster LowPriority vCPUs' });
  const cases: Array<{ name: string; d: Partial<DeploymentSpec>; usages: UsageFacts[]; want: string[]; message?: RegExp; hint?: RegExp; plan?: string[] }> = [
    { name: 'a size without MIR (DS12_v2): unavailable, with the nearest online sizes of its family', d: { instanceType: 'Standard_DS12_v2' }, usages: [ds(0, 40), REGIONAL], want: ['instance-type-unavailable@6:error'], message: /supported compute types \(AmlCompute, ComputeInstance\) do not include MIR/, hint: /Standard_DS3_v2, Standard_DS2_v2, Standard_DS4_v2/ },
    { name: 'DS1_v2 is listed for training only', d: { instanceType: 'standard_ds1_v2' }, usages: [ds(0, 40), REGIONAL], want: ['instance-type-unavailable@6:error'], hint: /Standard_DS2_v2/ },
    { name: 'a misspelt size: the closest online size only', d: { instanceType: 'Standard_DS12_v3' }, usages: [ds(0, 40), REGIONAL], want: ['instance-type-unavailable@6:error'], hint: /Did you mean Standard_DS(2|3|4|5)_v2\?/ },
    { name: 'a size listed without supportedComputeTypes is taken as listed', d: { instanceType: 'Standard_Legacy_X' }, usages: [familyUsage('standardLegacyFamily', 0, 40), REGIONAL], want: [] },
    { name: 'the workspace row (listed first, less used) is not the family quota', d: { instanceCount: 2 }, usages: [wsRow(0), ds(36, 40), REGIONAL], want: ['quota-insufficient@6:error'], message: /4 of 40 are free \(36 in use\)/ },
    { name: 'the low-priority row of the family (no limit) is not the dedicated quota', d: { instanceCount: 2 }, usages: [lowPriority(), ds(36, 40), REGIONAL], want: ['quota-insufficient@6:error'] },
    { name: 'no dedicated row for the family, only its low-priority one: cannot-verify', d: { instanceCount: 1 }, usages: [lowPriority(), REGIONAL], want: ['cannot-verify@6:warning'], message: /no usage is reported for its family standardDSv2Family/ },
    {
      name: 'the family fits, the regional total does not', d: { instanceCount: 5 }, usages: [ds(0, 100), regionalUsage(10, 30), familyUsage('standardFSv2Family', 10, 100)],
      want: ['quota-insufficient@6:error'], message: /adds 24 cores to the region's total \(Total Cluster Dedicated Regional vCPUs\), which every managed online deployment and compute cluster .*: 20 of 30 are free \(10 in use\)/, hint: /at least 34 cores/,
      plan: ['Standard DSv2 Family Cluster Dedicated vCPUs: 0 → 24 of 100 cores', 'Total Cluster Dedicated Regional vCPUs: 10 → 34 of 30 cores (over the limit)'],
    },
    { name: 'both over: two findings', d: { instanceCount: 10 }, usages: [ds(0, 40), regionalUsage(0, 40)], want: ['quota-insufficient@6:error', 'quota-insufficient@6:error'] },
    { name: 'a regional total of -1 is no limit', d: { instanceCount: 5 }, usages: [ds(0, 100), regionalUsage(500, -1)], want: [], plan: ['Standard DSv2 Family Cluster Dedicated vCPUs: 0 → 24 of 100 cores', 'Total Cluster Dedicated Regional vCPUs: 500 → 524 of no limit cores'] },
    { name: 'no regional row: cannot-verify', d: { instanceCount: 1 }, usages: [ds(0, 40)], want: ['cannot-verify@6:warning'], message: /no dedicated-core total/ },
    { name: '1 × A100 with 24 free cores in its family and the region passes (no 20 % reserve)', d: { instanceType: 'Standard_NC24ads_A100_v4', instanceCount: 1 }, usages: [familyUsage('StandardNCADSA100v4Family', 0, 24), regionalUsage(0, 24)], want: [] },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const ctx = context({ deployments: [deploymentSpec(c.d)], facts: facts({ vmSizes: vm, usages: { kind: 'found', value: c.usages } }) });
      const findings = quotaCheck.run(ctx);
      assert.deepEqual(brief(findings), c.want, JSON.stringify(findings, null, 1));
      if (c.message) assert.match(findings.map((f) => f.message).join('\n'), c.message);
      if (c.hint) assert.match(findings.map((f) => f.hint).join('\n'), c.hint);
      if (c.plan) assert.deepEqual(quotaPlanLines(ctx), c.plan);
    });
  }
  test('families named in no known form are compared by name: two of them are not one family', () => {
    const odd: VmSizeFacts[] = [{ name: 'Custom_A', family: 'alphaCores', vCPUs: 4 }, { name: 'Custom_B', family: 'betaCores', vCPUs: 4 }];
    const demands = quotaDemands([deploymentSpec({ name: 'blue', instanceType: 'Custom_B', instanceCount: 1 })], { blue: { name: 'blue', provisioningState: 'Succeeded', instanceType: 'Custom_A', instanceCount: 1, body: {} } }, odd);
    assert.deepEqual(demands.map((d) => [d.held, d.additional]), [[0, 8]]);
    const rows = quotaByFamily(demands, [{ id: '/subscriptions/s/usages/betaCores', type: 'Microsoft.MachineLearningServices/vmFamily/usages', name: 'betaCores', current: 0, limit: 8 }]);
    assert.deepEqual(rows.map((r) => [r.family, r.after, r.fits]), [['betaCores', 8, true]]);
  });
  test('nearest online sizes: the same family by cores, else the closest name', () => {
    assert.deepEqual(nearestOnlineSizes(sizes, 'Standard_DS12_v2'), ['Standard_DS3_v2', 'Standard_DS2_v2', 'Standard_DS4_v2']);
    assert.deepEqual(nearestOnlineSizes(sizes, 'Standard_DS1_v2'), ['Standard_DS2_v2', 'Standard_DS3_v2', 'Standard_DS4_v2']);
    assert.deepEqual(onlineSizes(sizes).map((s) => s.name), ['Standard_DS2_v2', 'Standard_DS3_v2', 'Standard_DS4_v2', 'Standard_DS5_v2', 'Standard_NC24ads_A100_v4', 'Standard_Legacy_X']);
  });
});

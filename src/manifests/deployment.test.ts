import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeDeployment, deploymentRestBody, type WorkspaceContext } from './index.ts';
import { DIR, brief, fakeEnv, load } from './testkit.ts';
import { SEED_DEPLOYMENT } from '../../test/fixtures/seeds.ts';

const WS: WorkspaceContext = { subscriptionId: 'sub', resourceGroup: 'rg', workspaceName: 'ws', location: 'eastus' };
const WSP = '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';

const FILES = {
  [`${DIR}/model/model.pkl`]: 'x',
  [`${DIR}/mlflow/MLmodel`]: 'x',
  [`${DIR}/src/score.py`]: 'print(1)',
  [`${DIR}/conda.yaml`]: 'name: model-env\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.12\n  - pip:\n    - joblib\n',
  [`${DIR}/ctx/Dockerfile`]: 'FROM x',
  [`${DIR}/single.pkl`]: 'x',
};
const env = fakeEnv(FILES);

const HEAD = 'name: blue\nendpoint_name: my-endpoint\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n';

function analyze(text: string, sets = '') {
  return analyzeDeployment({ root: load(text, sets), file: 'f.yml', dir: DIR }, env);
}

function rest(text: string, sets = '') {
  const r = analyze(text, sets);
  assert.deepEqual(r.findings.filter((f) => f.severity === 'error'), []);
  assert.ok(r.spec);
  return deploymentRestBody(r.spec, WS);
}

function props(text: string, sets = ''): Record<string, unknown> {
  return rest(text, sets).body.properties as Record<string, unknown>;
}

describe('deployment validation: findings with rule and position', () => {
  const cases: Array<[string, string, Array<[string, number, number]>, RegExp?]> = [
    ['minimal managed', HEAD, []],
    ['missing endpoint_name', 'name: blue\ninstance_type: Standard_DS3_v2\n', [['schema', 1, 1]], /endpoint_name is required/],
    ['managed needs instance_type', 'name: blue\nendpoint_name: e1e\n', [['schema', 1, 1]], /instance_type is required/],
    ['k8s does not need instance_type', 'name: blue\nendpoint_name: e1e\ntype: kubernetes\n', []],
    // azure-ai-ml takes the Kubernetes schema only for exactly `kubernetes` (sdk-vectors type-*).
    ['k8s type is case-sensitive', 'name: blue\nendpoint_name: e1e\ntype: Kubernetes\nresources:\n  requests:\n    cpu: "1"\n', [['schema', 4, 1], ['schema', 1, 1]], /exactly 'kubernetes', in lower case, not 'Kubernetes'/],
    ['KUBERNETES with instance_type is a managed deployment', 'name: blue\nendpoint_name: e1e\ntype: KUBERNETES\ninstance_type: Standard_DS3_v2\n', []],
    ['bad type', 'name: blue\nendpoint_name: e1e\ninstance_type: x\ntype: aks\n', [['schema', 4, 7]], /type must be one of/],
    ['invalid deployment name', 'name: regular_deployment\nendpoint_name: e1e\ninstance_type: x\n', [['invalid-name', 1, 7]]],
    ['unknown key with typo hint', `${HEAD}instance_cnt: 2\n`, [['schema', 5, 1]], /Unknown key instance_cnt/],
    ['nested unknown key', `${HEAD}request_settings:\n  request_timeout: 100\n`, [['schema', 6, 3]], /request_settings.request_timeout/],
    ['instance_count not an int', `${HEAD.replace('instance_count: 1', 'instance_count: two')}`, [['schema', 4, 17]], /must be an integer/],
    ['instance_count bool', `${HEAD.replace('instance_count: 1', 'instance_count: yes')}`, [['schema', 4, 17]]],
    ['resources on managed', `${HEAD}resources:\n  requests:\n    cpu: "1"\n`, [['schema', 5, 1]], /only valid for Kubernetes/],
    ['egress on k8s', 'name: blue\nendpoint_name: e1e\ntype: kubernetes\negress_public_network_access: disabled\n', [['schema', 4, 1]], /only valid for managed/],
    ['k8s resources cpu must be a string', 'name: blue\nendpoint_name: e1e\ntype: kubernetes\nresources:\n  requests:\n    cpu: 1\n', [['schema', 6, 10]], /must be a string/],
    ['egress enum', `${HEAD}egress_public_network_access: closed\n`, [['schema', 5, 31]]],
    ['scale target on managed', `${HEAD}scale_settings:\n  type: target_utilization\n`, [['schema', 6, 9]], /DefaultScaleSettings only/],
    ['scale default with extra key', `${HEAD}scale_settings:\n  type: default\n  min_instances: 1\n`, [['schema', 7, 3]], /not allowed with type: default/],
    ['scale without type', `${HEAD}scale_settings:\n  min_instances: 1\n`, [['schema', 5, 1]], /scale_settings.type is required/],
    ['scale target on k8s', 'name: blue\nendpoint_name: e1e\ntype: kubernetes\nscale_settings:\n  type: target_utilization\n  min_instances: 1\n  max_instances: 3\n', []],
    ['DS2 warning', HEAD.replace('Standard_DS3_v2', 'standard_ds2_v2'), [['instance-type-too-small', 3, 16]], /may be too small/],
    ['k8s: registry model not supported', 'name: blue\nendpoint_name: e1e\ntype: kubernetes\nmodel: azureml://registries/r/models/m/versions/1\n', [['schema', 4, 8]], /not supported for Kubernetes/],
    ['k8s: registry environment not supported', 'name: blue\nendpoint_name: e1e\ntype: kubernetes\nenvironment: azureml://registries/r/environments/e/versions/1\n', [['schema', 4, 14]]],
    ['set override values are named in messages', 'name: blue\nendpoint_name: e1e\ninstance_type: x\ninstance_count: 1\n', [], undefined],
    // model
    ['model azureml:name:version', `${HEAD}model: azureml:m:1\n`, []],
    ['model without version', `${HEAD}model: azureml:m\n`, [['schema', 5, 8]], /Version must be provided/],
    ['model label other than latest', `${HEAD}model: azureml:m@prod\n`, [['schema', 5, 8]], /latest is the only label/],
    ['model without azureml: prefix', `${HEAD}model: m:1\n`, [['schema', 5, 8]], /azureml: prefix/],
    ['model bare ARM id', `${HEAD}model: /subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w/models/m/versions/1\n`, [['schema', 5, 8]]],
    ['model unversioned ARM id', `${HEAD}model: azureml:/subscriptions/s/resourceGroups/r/providers/Microsoft.MachineLearningServices/workspaces/w/models/m\n`, [['schema', 5, 8]], /not a versioned model id/],
    ['model registry URI', `${HEAD}model: azureml://registries/azureml/models/phi/versions/3\n`, []],
    ['inline model version without name', `${HEAD}model:\n  version: 1\n  path: model\n`, [['schema', 6, 3]], /without model.name/],
    ['inline model without path', `${HEAD}model:\n  name: m\n  version: 1\n`, [['model-path', 5, 1]], /no files to register/],
    ['unnamed model with a datastore URI', `${HEAD}model:\n  path: azureml://datastores/workspaceblobstore/paths/m\n`, [['model-path', 6, 9]], /No such file or directory/],
    ['unnamed model with a locations URI', `${HEAD}model:\n  path: azureml://locations/westus/workspaces/w/models/m/versions/1\n`, [['model-path', 6, 9]], /has no name/],
    ['unnamed model with an asset id as path', `${HEAD}model:\n  path: azureml:m:1\n`, [['model-path', 6, 9]], /is a model reference, but the model has no name/],
    ['named model with an asset id as path', `${HEAD}model:\n  name: m\n  version: 1\n  path: azureml:m:1\n`, [['model-path', 8, 9]], /upload 'azureml:m:1' as a local folder/],
    ['named model with a datastore URI', `${HEAD}model:\n  name: m\n  version: 1\n  path: azureml://datastores/workspaceblobstore/paths/m\n`, []],
    ['negative instance_count: the service rejects it', HEAD.replace('instance_count: 1', 'instance_count: -1'), [['service-rejects', 4, 17]], /at least 0, not -1.*service rejects/],
    ['negative request timeout: the service rejects it', `${HEAD}request_settings:\n  request_timeout_ms: -5000\n`, [['service-rejects', 6, 23]], /request_settings.request_timeout_ms must be at least 0/],
    // documented limits of managed online deployments that only the service enforces (docs/rules.md §service-rejects)
    ['request timeout at the 180 s limit', `${HEAD}request_settings:\n  request_timeout_ms: 180000\n`, []],
    ['request timeout above the 180 s limit: the service rejects it', `${HEAD}request_settings:\n  request_timeout_ms: 180001\n`, [['service-rejects', 6, 23]], /at most 180000 ms.*service rejects/],
    ['Kubernetes deployments are not held to the managed request timeout', 'name: blue\nendpoint_name: e1e\ntype: kubernetes\nrequest_settings:\n  request_timeout_ms: 300000\n', []],
    ['50 instances: the documented limit', HEAD.replace('instance_count: 1', 'instance_count: 50'), []],
    ['51 instances: above the default limit (warning: it can be raised)', HEAD.replace('instance_count: 1', 'instance_count: 51'), [['service-rejects', 4, 17]], /limited to 50 instances unless the subscription's limit was raised/],
    ['Kubernetes deployments are not held to the managed instance limit', 'name: blue\nendpoint_name: e1e\ntype: kubernetes\ninstance_count: 60\n', []],
    ['inline model path missing', `${HEAD}model:\n  path: ./modle\n`, [['local-path-not-found', 6, 9]], /does not exist/],
    ['mlflow model must be a folder', `${HEAD}model:\n  name: m\n  path: single.pkl\n  type: mlflow_model\n`, [['schema', 7, 9]], /must be a folder/],
    ['model type enum', `${HEAD}model:\n  path: model\n  type: onnx\n`, [['schema', 7, 9]]],
    ['inline model unknown key', `${HEAD}model:\n  path: model\n  local_pat: x\n`, [['schema', 7, 3]], /Did you mean|Unknown key/],
    ['model as a number', `${HEAD}model: 3\n`, [['schema', 5, 8]]],
    // environment
    ['environment curated', `${HEAD}environment: azureml:AzureML-sklearn-1.0-ubuntu20.04-py38-cpu:1\n`, []],
    ['environment @latest', `${HEAD}environment: azureml:my-env@latest\n`, []],
    ['environment without version', `${HEAD}environment: azureml:my-env\n`, [['schema', 5, 14]], /Version must be provided/],
    ['environment needs image or build', `${HEAD}environment:\n  conda_file: conda.yaml\n`, [['schema', 5, 1]], /image or build/],
    ['environment image and build', `${HEAD}environment:\n  image: x\n  build:\n    path: ctx\n`, [['schema', 7, 3]], /not both/],
    ['environment with conda keys', `${HEAD}environment:\n  image: x\n  dependencies:\n    - python\n`, [['schema', 7, 3]], /belongs in a conda file/],
    ['conda file missing', `${HEAD}environment:\n  image: x\n  conda_file: missing.yaml\n`, [['local-path-not-found', 7, 15]]],
    ['conda file that is not a mapping', `${HEAD}environment:\n  image: x\n  conda_file: src/score.py\n`, [['schema', 7, 15]], /not a valid conda file/],
    ['build context missing', `${HEAD}environment:\n  build:\n    path: nope\n`, [['local-path-not-found', 7, 11]]],
    ['build Dockerfile missing', `${HEAD}environment:\n  build:\n    path: ctx\n    dockerfile_path: Dockerfile.gpu\n`, [['local-path-not-found', 8, 22]]],
    ['build URL is not checked', `${HEAD}environment:\n  build:\n    path: https://github.com/x/y.git#main\n`, []],
    ['inference_config routes required', `${HEAD}environment:\n  image: x\n  inference_config:\n    liveness_route:\n      port: 5001\n      path: /\n`, [['schema', 7, 3], ['schema', 7, 3]], /readiness_route is required/],
    ['route port must be int', `${HEAD}environment:\n  image: x\n  inference_config:\n    liveness_route: {port: http, path: /}\n    readiness_route: {port: 1, path: /}\n    scoring_route: {port: 1, path: /}\n`, [['schema', 8, 28]]],
    ['os_type enum', `${HEAD}environment:\n  image: x\n  os_type: macos\n`, [['schema', 7, 12]]],
    // code
    ['code local ok', `${HEAD}code_configuration:\n  code: src\n  scoring_script: score.py\n`, []],
    ['scoring script missing', `${HEAD}code_configuration:\n  code: src\n  scoring_script: scor.py\n`, [['local-path-not-found', 7, 19]], /does not exist/],
    ['scoring_script required', `${HEAD}code_configuration:\n  code: src\n`, [['schema', 5, 1]], /scoring_script is required/],
    ['code folder missing', `${HEAD}code_configuration:\n  code: srcs\n  scoring_script: score.py\n`, [['local-path-not-found', 6, 9]]],
    ['code required', `${HEAD}code_configuration:\n  scoring_script: score.py\n`, [['schema', 5, 1]], /code is required/],
    ['code registered', `${HEAD}code_configuration:\n  code: azureml:my-code:1\n  scoring_script: score.py\n`, []],
    ['code label', `${HEAD}code_configuration:\n  code: azureml:my-code@latest\n  scoring_script: score.py\n`, [['schema', 6, 9]], /cannot be referenced by label/],
    ['legacy code mapping', `${HEAD}code_configuration:\n  code:\n    local_path: src\n  scoring_script: score.py\n`, [['legacy-format', 7, 5]], /pre-GA/],
    // data collector
    ['data collector ok', `${HEAD}data_collector:\n  collections:\n    model_inputs:\n      enabled: 'True'\n  rolling_rate: hour\n  sampling_rate: 0.5\n`, []],
    ['data collector enabled unquoted', `${HEAD}data_collector:\n  collections:\n    model_inputs:\n      enabled: true\n`, [['schema', 8, 16]], /the string 'true' or 'false'/],
    ['data collector enabled missing', `${HEAD}data_collector:\n  collections:\n    model_inputs:\n      client_id: x\n`, [['schema', 7, 5]], /enabled is required/],
    ['data collector sampling rate', `${HEAD}data_collector:\n  collections: {}\n  sampling_rate: 1.5\n`, [['schema', 7, 18]], /range \(0.0-1.0\)/],
    ['data collector rolling rate', `${HEAD}data_collector:\n  collections: {}\n  rolling_rate: week\n`, [['schema', 7, 17]]],
    ['data collector data.version must be a string', `${HEAD}data_collector:\n  collections:\n    model_inputs:\n      enabled: 'true'\n      data:\n        name: d\n        version: 1\n`, [['schema', 11, 18]], /must be a string/],
    // mix-ups and legacy
    ['endpoint given as deployment', 'name: e1e\nauth_mode: key\n', [['schema', 2, 1]], /looks like an online endpoint/],
    ['legacy local_path', `${HEAD}model:\n  local_path: m.pkl\n`, [['legacy-format', 6, 3]]],
    ['legacy docker', `${HEAD}environment:\n  docker:\n    image: x\n`, [['legacy-format', 6, 3]]],
    ['legacy scale_type', `${HEAD}scale_settings:\n  scale_type: manual\n`, [['legacy-format', 6, 3]]],
  ];
  for (const [title, yaml, expected, msg] of cases) {
    it(title, () => {
      const r = analyze(yaml);
      assert.deepEqual(brief(r.findings), expected, JSON.stringify(r.findings, null, 1));
      if (msg) assert.ok(r.findings.some((f) => msg.test(f.message)), r.findings.map((f) => f.message).join('\n'));
      for (const f of r.findings) assert.ok(f.hint && f.hint.length > 5, 'every finding has a hint');
      assert.equal(r.spec === undefined, r.findings.some((f) => f.severity === 'error'));
    });
  }

  it('documented limits: the request timeout is an error, the instance limit (which can be raised) a warning; set values are named', () => {
    const cases: Array<{ yaml: string; sets?: string; severity: string; message: RegExp }> = [
      { yaml: `${HEAD}request_settings:\n  request_timeout_ms: 240000\n`, severity: 'error', message: /request_timeout_ms is 240000: managed online endpoints allow at most 180000 ms/ },
      { yaml: `${HEAD}request_settings:\n  request_timeout_ms: 1000\n`, sets: 'request_settings.request_timeout_ms=300000', severity: 'error', message: /300000 \(from the set input/ },
      { yaml: HEAD.replace('instance_count: 1', 'instance_count: 80'), severity: 'warning', message: /instance_count is 80/ },
    ];
    for (const c of cases) {
      const r = analyze(c.yaml, c.sets);
      const f = r.findings.filter((x) => x.rule === 'service-rejects');
      assert.equal(f.length, 1, JSON.stringify(r.findings));
      assert.equal(f[0]?.severity, c.severity);
      assert.match(f[0]?.message ?? '', c.message);
      assert.equal(r.spec === undefined, c.severity === 'error');
    }
  });

  it('type=kubernetes from the set input does not pick the Kubernetes schema (az ml applies --set after choosing it)', () => {
    const r = analyze('name: blue\nendpoint_name: e1e\nresources:\n  requests:\n    cpu: "1"\n', 'type=kubernetes');
    assert.deepEqual(brief(r.findings), [['schema', 3, 1], ['schema', 1, 1]]);
    assert.ok(r.findings.every((f) => /comes from the set input/.test(`${f.message} ${f.hint ?? ''}`)), JSON.stringify(r.findings));
  });

  it('a set override endpoint_name makes a sample without it valid', () => {
    const r = analyze('name: blue\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n', 'endpoint_name=my-endpoint');
    assert.deepEqual(r.findings, []);
    assert.equal(r.spec?.endpointName, 'my-endpoint');
  });

  it('a bad value from a set override says where it came from', () => {
    const r = analyze(HEAD, 'instance_count=two');
    assert.deepEqual(r.findings.map((f) => f.rule), ['schema']);
    assert.match(r.findings[0]?.message ?? '', /from the set input: "instance_count=two"/);
  });

  it('instance_count from a set override ("2") is coerced to 2', () => {
    const b = rest(HEAD, 'instance_count=2').body;
    assert.deepEqual(b.sku, { name: 'Default', capacity: 2 });
  });

  it('a set override model=azureml://registries/... (foundation-model samples)', () => {
    const p = props('name: demo\ninstance_type: Standard_DS3_v2\ninstance_count: 1\n', 'endpoint_name=e1e\nmodel=azureml://registries/azureml/models/gpt2/versions/3');
    assert.equal(p.model, 'azureml://registries/azureml/models/gpt2/versions/3');
  });
});

describe('deployment → REST body', () => {
  it('typical managed deployment with local assets', () => {
    const req = rest(`${HEAD}model:\n  path: model\ncode_configuration:\n  code: src\n  scoring_script: score.py\nenvironment:\n  image: mcr.microsoft.com/azureml/openmpi4.1.0-ubuntu22.04:latest\n  conda_file: conda.yaml\n`);
    assert.equal(req.path, `${WSP}/onlineEndpoints/my-endpoint/deployments/blue`);
    assert.equal(req.apiVersion, '2026-09-01');
    assert.deepEqual(req.body.sku, { name: 'Default', capacity: 1 });
    assert.equal(req.body.location, 'eastus');
    assert.deepEqual(req.body.tags, {});
    const p = req.body.properties as Record<string, unknown>;
    assert.equal(p.endpointComputeType, 'Managed');
    assert.equal(p.model, '{{pending:model}}');
    assert.deepEqual(p.codeConfiguration, { codeId: '{{pending:code}}', scoringScript: 'score.py' });
    assert.match(String(p.environmentId), /^\/subscriptions\/sub\/.*\/environments\/CliV2AnonymousEnvironment\/versions\/[0-9a-f]{32}$/);
    assert.deepEqual(p.environmentVariables, {});
    assert.equal(p.appInsightsEnabled, false);
    assert.deepEqual(p.properties, {});
    assert.equal(p.instanceType, 'Standard_DS3_v2');
    assert.deepEqual(
      req.assets.map((a) => [a.kind, a.action, a.pointer, a.resolved, a.absPath]),
      [
        ['model', 'register', '/properties/model', false, `${DIR}/model`],
        ['code', 'register', '/properties/codeConfiguration/codeId', false, `${DIR}/src`],
        ['environment', 'register', '/properties/environmentId', true, `${DIR}/conda.yaml`],
      ],
    );
    const envBody = req.assets[2]?.versionBody as { properties: Record<string, unknown> };
    assert.equal(envBody.properties.condaFile, 'channels:\n- conda-forge\ndependencies:\n- python=3.12\n- pip:\n  - joblib\nname: model-env\n');
    assert.equal(envBody.properties.isAnonymous, true);
  });

  const cases: Array<[string, string, (p: Record<string, unknown>) => unknown, unknown]> = [
    ['registered model → ARM id', `${HEAD}model: azureml:my-model:2\n`, (p) => p.model, `${WSP}/models/my-model/versions/2`],
    ['version with colons splits on the first', `${HEAD}model: azureml:m:1:2\n`, (p) => p.model, `${WSP}/models/m/versions/1:2`],
    ['ARM id verbatim', `${HEAD}model: azureml:${WSP}/models/m/versions/3\n`, (p) => p.model, `${WSP}/models/m/versions/3`],
    ['registry verbatim', `${HEAD}environment: azureml://registries/azureml/environments/sklearn-1.5/labels/latest\n`, (p) => p.environmentId, 'azureml://registries/azureml/environments/sklearn-1.5/labels/latest'],
    ['curated verbatim', `${HEAD}environment: azureml:AzureML-sklearn-1.0:1\n`, (p) => p.environmentId, 'azureml:AzureML-sklearn-1.0:1'],
    ['@latest → placeholder', `${HEAD}model: azureml:m@latest\n`, (p) => p.model, '{{pending:model:m@latest}}'],
    ['registered code', `${HEAD}code_configuration:\n  code: azureml:c:1\n  scoring_script: s.py\n`, (p) => p.codeConfiguration, { codeId: `${WSP}/codes/c/versions/1`, scoringScript: 's.py' }],
    ['named inline model → known id', `${HEAD}model:\n  name: m\n  version: 1.10\n  path: model\n`, (p) => p.model, `${WSP}/models/m/versions/1.1`],
    ['named env without version → placeholder', `${HEAD}environment:\n  name: e\n  image: x\n`, (p) => p.environmentId, '{{pending:environment:e}}'],
    ['named env with version', `${HEAD}environment:\n  name: e\n  version: 3\n  image: x\n`, (p) => p.environmentId, `${WSP}/environments/e/versions/3`],
    ['request settings durations', `${HEAD}request_settings:\n  request_timeout_ms: 90000\n  max_queue_wait_ms: 500\n  max_concurrent_requests_per_instance: 2\n`, (p) => p.requestSettings, { requestTimeout: 'PT1M30S', maxQueueWait: 'PT0.5S', maxConcurrentRequestsPerInstance: 2 }],
    ['zero duration dropped', `${HEAD}request_settings:\n  request_timeout_ms: 0\n`, (p) => p.requestSettings, {}],
    ['probe seconds', `${HEAD}liveness_probe:\n  initial_delay: 180\n  period: 10\n  timeout: 2\n  failure_threshold: 30\n  success_threshold: 1\n`, (p) => p.livenessProbe, { initialDelay: 'PT3M', period: 'PT10S', timeout: 'PT2S', failureThreshold: 30, successThreshold: 1 }],
    ['readiness probe', `${HEAD}readiness_probe:\n  initial_delay: 3600\n`, (p) => p.readinessProbe, { initialDelay: 'PT1H' }],
    ['scale default', `${HEAD}scale_settings:\n  type: Default\n`, (p) => p.scaleSettings, { scaleType: 'Default' }],
    ['egress lower-cased', `${HEAD}egress_public_network_access: Disabled\n`, (p) => p.egressPublicNetworkAccess, 'disabled'],
    ['private network connection', `${HEAD}private_network_connection: true\n`, (p) => [p.privateNetworkConnection, (p.properties as Record<string, string>)['private-network-connection']], [true, 'True']],
    ['app insights', `${HEAD}app_insights_enabled: yes\n`, (p) => p.appInsightsEnabled, true],
    ['model mount path', `${HEAD}model_mount_path: /models\n`, (p) => p.modelMountPath, '/models'],
    ['description and properties', `${HEAD}description: d\nproperties:\n  a: 1\n`, (p) => [p.description, p.properties], ['d', { a: '1' }]],
    [
      'environment variables: str() and secret references unchanged',
      `${HEAD}environment_variables:\n  WORKER_COUNT: 2\n  FLAG: on\n  KEY: \${{azureml://connections/aoai/credentials/key}}\n  KV: \${{keyvault:https://kv.vault.azure.net/secrets/s/v1}}\n`,
      (p) => p.environmentVariables,
      { WORKER_COUNT: '2', FLAG: 'True', KEY: '${{azureml://connections/aoai/credentials/key}}', KV: '${{keyvault:https://kv.vault.azure.net/secrets/s/v1}}' },
    ],
    [
      'data collector',
      `${HEAD}data_collector:\n  collections:\n    model_inputs:\n      enabled: 'True'\n    model_outputs:\n      enabled: 'false'\n  rolling_rate: Hour\n  sampling_rate: 0.5\n  request_logging:\n    capture_headers: [a]\n`,
      (p) => p.dataCollector,
      {
        collections: {
          model_inputs: { dataCollectionMode: 'enabled', samplingRate: 0.5, dataId: `${WSP}/data/my-endpoint-blue-model_inputs/versions/1` },
          model_outputs: { dataCollectionMode: 'disabled', samplingRate: 0.5 },
        },
        rollingRate: 'hour',
        requestLogging: { captureHeaders: ['a'] },
      },
    ],
  ];
  for (const [title, yaml, pick, expected] of cases) {
    it(title, () => assert.deepEqual(pick(props(yaml)), expected));
  }

  it('data_collector.sampling_rate 0 reaches every collection (DataCollector._to_rest_object copies it, 0.0 included)', () => {
    const p = props(`${HEAD}data_collector:\n  sampling_rate: 0\n  collections:\n    model_inputs:\n      enabled: 'True'\n    model_outputs:\n      enabled: 'False'\n`);
    const collections = (p.dataCollector as { collections: Record<string, { samplingRate?: number }> }).collections;
    assert.deepEqual(Object.fromEntries(Object.entries(collections).map(([k, c]) => [k, c.samplingRate])), { model_inputs: 0, model_outputs: 0 });
  });
  it('an absent sampling_rate is not sent', () => {
    const p = props(`${HEAD}data_collector:\n  collections:\n    model_inputs:\n      enabled: 'True'\n`);
    assert.equal('samplingRate' in (p.dataCollector as { collections: Record<string, object> }).collections.model_inputs!, false);
  });
  it('instance_count 0 is sent as capacity 0', () => {
    assert.deepEqual(rest(HEAD.replace('instance_count: 1', 'instance_count: 0')).body.sku, { name: 'Default', capacity: 0 });
  });

  it('kubernetes deployment', () => {
    const req = rest('name: Blue\nendpoint_name: e1e\ntype: kubernetes\ninstance_count: 1\nresources:\n  requests:\n    cpu: "0.1"\n    memory: 0.1Gi\n  limits:\n    nvidia.com/gpu: "1"\nscale_settings:\n  type: target_utilization\n  min_instances: 1\n  max_instances: 3\n  polling_interval: 10\n  target_utilization_percentage: 70\n');
    assert.match(req.path, /\/deployments\/blue$/, 'deployment names are lower-cased');
    const p = req.body.properties as Record<string, unknown>;
    assert.equal(p.endpointComputeType, 'Kubernetes');
    assert.deepEqual(p.containerResourceRequirements, { containerResourceRequests: { cpu: '0.1', memory: '0.1Gi' }, containerResourceLimits: { gpu: '1' } });
    assert.deepEqual(p.scaleSettings, { scaleType: 'TargetUtilization', minInstances: 1, maxInstances: 3, pollingInterval: 'PT10S', targetUtilizationPercentage: 70 });
  });

  it('data collector assets are listed for registration', () => {
    const req = rest(`${HEAD}data_collector:\n  collections:\n    model_inputs:\n      enabled: 'True'\n      data:\n        name: inputs\n        version: '2'\n        path: azureml://datastores/x/paths/y\n`);
    assert.deepEqual(
      req.assets.map((a) => [a.kind, a.name, a.version, a.versionBody]),
      [['data', 'inputs', '2', { properties: { dataType: 'uri_folder', dataUri: 'azureml://datastores/x/paths/y', isAnonymous: false } }]],
    );
  });

  it('label references become resolve-label items', () => {
    const req = rest(`${HEAD}model: azureml:m@latest\nenvironment: azureml:e@latest\n`);
    assert.deepEqual(req.assets.map((a) => [a.kind, a.action, a.name, a.label, a.pointer]), [
      ['model', 'resolve-label', 'm', 'latest', '/properties/model'],
      ['environment', 'resolve-label', 'e', 'latest', '/properties/environmentId'],
    ]);
  });

  it('conda files are parsed with loadYaml when the environment gives only exists/readText', () => {
    const files = new Map([[`${DIR}/conda.yaml`, 'name: e\ndependencies:\n  - python=3.10\n']]);
    const minimal = { exists: (p: string) => (files.has(p) ? ('file' as const) : undefined), readText: (p: string) => files.get(p) };
    const r = analyzeDeployment({ root: load(`${HEAD}environment:\n  image: x\n  conda_file: conda.yaml\n`), file: 'f.yml', dir: DIR }, minimal);
    assert.ok(r.spec);
    const e = r.spec.environment;
    assert.ok(e?.kind === 'inline');
    assert.equal(e.environment.condaFile, 'dependencies:\n- python=3.10\nname: e\n');
  });

  it('inline conda mapping is re-dumped with sorted keys', () => {
    const req = rest(`${HEAD}environment:\n  image: x\n  conda_file:\n    name: e\n    dependencies:\n      - python=3.10\n`);
    const envBody = req.assets[0]?.versionBody as { properties: Record<string, unknown> };
    assert.equal(envBody.properties.condaFile, 'dependencies:\n- python=3.10\nname: e\n');
  });
});

describe('seed example (secret injection how-to)', () => {
  const SEED = SEED_DEPLOYMENT;
  it('as written (the elided part leaves no instance_type) it fails like az ml', () => {
    const r = analyze(SEED);
    assert.deepEqual(brief(r.findings), [['schema', 1, 1]]);
    assert.match(r.findings[0]?.message ?? '', /instance_type is required/);
  });
  it('with instance_type the references reach environmentVariables unchanged, with their positions', () => {
    const r = analyze(SEED, 'instance_type=Standard_DS3_v2');
    assert.deepEqual(r.findings, []);
    assert.ok(r.spec);
    assert.deepEqual(r.spec.spans.environmentVariables.OPENAI_KEY, { line: 9, column: 17, endLine: 9, endColumn: 97 });
    const p = deploymentRestBody(r.spec, WS).body.properties as Record<string, unknown>;
    assert.deepEqual(p.environmentVariables, {
      AOAI_CONNECTION: '${{azureml://connections/aoai_connection}}',
      LANGCHAIN_CONNECTION: '${{azureml://connections/multi_connection_langchain}}',
      OPENAI_KEY: '${{azureml://connections/multi_connection_langchain/credentials/OPENAI_API_KEY}}',
      OPENAI_VERSION: '${{azureml://connections/multi_connection_langchain/metadata/OPENAI_API_VERSION}}',
      USER_SECRET_KV1_KEY: '${{keyvault:https://mykeyvault.vault.azure.net/secrets/secret1/secretversion1}}',
    });
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeEndpoint, endpointRestBody, OFFLINE_WORKSPACE, type WorkspaceContext } from './index.ts';
import { DIR, brief, fakeEnv, load } from './testkit.ts';

const WS: WorkspaceContext = { subscriptionId: 'sub', resourceGroup: 'rg', workspaceName: 'ws', location: 'eastus' };
const WSP = '/subscriptions/sub/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws';

function analyze(text: string, sets = '') {
  return analyzeEndpoint({ root: load(text, sets), file: 'f.yml', dir: DIR }, fakeEnv());
}

function body(text: string, sets = ''): Record<string, unknown> {
  const r = analyze(text, sets);
  assert.equal(r.findings.filter((f) => f.severity === 'error').length, 0, JSON.stringify(r.findings));
  assert.ok(r.spec);
  return endpointRestBody(r.spec, WS).body;
}

describe('endpoint validation: findings with rule and position', () => {
  const cases: Array<[string, string, Array<[string, number, number]>, RegExp?]> = [
    ['minimal managed', 'name: my-endpoint\nauth_mode: key\n', []],
    ['unknown key with typo hint', 'name: my-endpoint\nauth_mod: key\n', [['schema', 2, 1]], /Unknown key auth_mod/],
    ['missing name', 'auth_mode: key\n', [['schema', 1, 1]], /name is required/],
    ['name with underscore', 'name: my_endpoint\n', [['invalid-name', 1, 7]], /must start with/],
    ['name too short', 'name: ab\n', [['invalid-name', 1, 7]], /at least 3/],
    ['name too long', `name: ${'a'.repeat(33)}\n`, [['invalid-name', 1, 7]], /at most 32/],
    ['name ends with hyphen', 'name: abc-\n', [['invalid-name', 1, 7]]],
    ['name not a string', 'name: 12345\n', [['schema', 1, 7]], /must be a string/],
    ['bad auth_mode', 'name: e1e\nauth_mode: token\n', [['schema', 2, 12]], /auth_mode must be one of/],
    ['auth_mode null', 'name: e1e\nauth_mode:\n', [['schema', 2, 11]], /may not be empty/],
    ['traffic sum > 100', 'name: e1e\ntraffic:\n  blue: 70\n  green: 40\n', [['traffic', 2, 1]], /less than or equal to 100/],
    ['traffic sum 90 (service)', 'name: e1e\ntraffic:\n  blue: 90\n', [['traffic', 2, 1]], /only a total of 100/],
    ['traffic negative', 'name: e1e\ntraffic:\n  blue: -10\n  green: 110\n', [['traffic', 3, 9]], /between 0 and 100/],
    ['traffic not an int', 'name: e1e\ntraffic:\n  blue: lots\n', [['schema', 3, 9]], /must be an integer/],
    ['traffic key must be a string', 'name: e1e\ntraffic:\n  123: 100\n', [['schema', 3, 3]], /key must be a string/],
    ['traffic all zero is fine', 'name: e1e\ntraffic:\n  blue: 0\n  green: 0\n', []],
    ['mirror > 50', 'name: e1e\nmirror_traffic:\n  green: 60\n', [['traffic', 3, 10]], /at most 50/],
    ['mirror exactly 50 is allowed', 'name: e1e\nmirror_traffic:\n  green: 50\n', []],
    ['mirror 51 is not', 'name: e1e\nmirror_traffic:\n  green: 51\n', [['traffic', 3, 10]], /is 51: the service allows at most 50%/],
    ['mirror two deployments', 'name: e1e\nmirror_traffic:\n  green: 10\n  red: 10\n', [['traffic', 2, 1]], /one deployment only/],
    ['identity without type', 'name: e1e\nidentity:\n  principal_id: x\n', [['schema', 2, 1]], /identity.type is required/],
    ['identity bad type', 'name: e1e\nidentity:\n  type: managed\n', [['schema', 3, 9]], /one of/],
    [
      'uai single-string form (docs)',
      'name: e1e\nidentity:\n  type: user_assigned\n  user_assigned_identities: /subscriptions/s/resourcegroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id\n',
      [['schema', 4, 29]],
      /must be a list/,
    ],
    [
      'two uais',
      'name: e1e\nidentity:\n  type: user_assigned\n  user_assigned_identities:\n    - resource_id: a\n    - resource_id: b\n',
      [['schema', 5, 5]],
      /only 1 user-assigned identity/,
    ],
    // az ml accepts these (sdk-vectors uai-*, mut-endpoint-uai-missing); the service does not.
    ['uai without resource_id', 'name: e1e\nidentity:\n  type: user_assigned\n  user_assigned_identities:\n    - client_id: a\n', [['service-rejects', 5, 7]], /sends the identity id as the text "None"/],
    ['uai with an empty resource_id', 'name: e1e\nidentity:\n  type: user_assigned\n  user_assigned_identities:\n    - resource_id:\n', [['service-rejects', 5, 19]], /no resource_id/],
    ['user_assigned without identities', 'name: e1e\nidentity:\n  type: user_assigned\n', [['service-rejects', 3, 9]], /has no user_assigned_identities/],
    [
      'system_assigned with user_assigned_identities (a warning)',
      'name: e1e\nidentity:\n  type: system_assigned\n  user_assigned_identities:\n    - resource_id: /x\n',
      [['service-rejects', 4, 3]],
      /with type system_assigned: az ml sends both/,
    ],
    ['enforce flag with SAI', 'name: e1e\nproperties:\n  enforce_access_to_default_secret_stores: enabled\n', []],
    [
      'enforce flag with UAI',
      'name: e1e\nidentity:\n  type: user_assigned\n  user_assigned_identities:\n    - resource_id: /x\nproperties:\n  enforce_access_to_default_secret_stores: enabled\n',
      [['enforce-flag-with-uai', 7, 44]],
      /not allowed on an endpoint with a user-assigned identity/,
    ],
    ['enforce flag as a boolean', 'name: e1e\nproperties:\n  enforce_access_to_default_secret_stores: true\n', [['enforce-flag-value', 3, 44]], /az ml sends it as "True"/],
    ['enforce flag on (YAML 1.1 boolean)', 'name: e1e\nproperties:\n  enforce_access_to_default_secret_stores: on\n', [['enforce-flag-value', 3, 44]], /'on': az ml sends it as "True"/],
    ['enforce flag empty', 'name: e1e\nproperties:\n  enforce_access_to_default_secret_stores:\n', [['enforce-flag-value', 3, 43]], /sends it as null/],
    ['enforce flag in another letter case', 'name: e1e\nproperties:\n  enforce_access_to_default_secret_stores: Enabled\n', []],
    ['public_network_access enum', 'name: e1e\npublic_network_access: off\n', [['schema', 2, 24]], /public_network_access must be one of/],
    ['k8s: compute without prefix', 'name: e1e\ncompute: mycluster\n', [['schema', 2, 10]], /must start with azureml:/],
    ['k8s: public_network_access not allowed', 'name: e1e\ncompute: azureml:k8s\npublic_network_access: disabled\n', [['schema', 3, 1]], /only valid for managed/],
    ['legacy 2021 endpoint', 'name: e1e\ntype: online\nauth_mode: key\ndeployments:\n  - name: blue\n', [['legacy-format', 2, 1]], /pre-GA \(2021\)/],
    ['legacy target', 'name: e1e\ntarget: azureml:aks\n', [['legacy-format', 2, 1]]],
    ['type on a GA endpoint is explained, not legacy', 'name: e1e\ntype: managed\n', [['schema', 2, 1]], /online endpoints have no type/],
    ['deployment given as endpoint', 'name: blue\nendpoint_name: e1e\ninstance_type: Standard_DS3_v2\n', [['schema', 2, 1]], /looks like an online deployment/],
    ['dump-only and ignored keys', '$schema: x\nname: e1e\nkind: Managed\nlocation: westus\nscoring_uri: https://x\nprovisioning_state: Succeeded\nid: /x\n', []],
    ['not a mapping', '- a\n- b\n', [['schema', 1, 1]], /must be a mapping/],
  ];
  for (const [title, yaml, expected, msg] of cases) {
    it(title, () => {
      const r = analyze(yaml);
      assert.deepEqual(brief(r.findings), expected, JSON.stringify(r.findings, null, 1));
      if (msg) assert.match(r.findings[0]?.message ?? '', msg);
      for (const f of r.findings) assert.ok(f.hint && f.hint.length > 5, 'every finding has a hint');
      assert.equal(r.spec === undefined, r.findings.some((f) => f.severity === 'error'), 'a spec exactly when there is no error');
    });
  }

  it('empty file', () => {
    const r = analyzeEndpoint({ root: undefined, file: 'f.yml', dir: DIR }, fakeEnv());
    assert.deepEqual(brief(r.findings), [['schema', 1, 1]]);
  });

  it('unknown key hint names the closest key', () => {
    const r = analyze('name: e1e\nauth_mod: key\n');
    assert.equal(r.findings[0]?.hint, 'Did you mean auth_mode?');
  });

  it('the docs single-string UAI form says so in the hint', () => {
    const r = analyze('name: e1e\nidentity:\n  type: user_assigned\n  user_assigned_identities: /subscriptions/x\n');
    assert.match(r.findings[0]?.hint ?? '', /single-string form/);
  });

  it('enforce flag disabled with a UAI is a warning', () => {
    const r = analyze('name: e1e\nidentity:\n  type: user_assigned\n  user_assigned_identities:\n    - resource_id: /x\nproperties:\n  enforce_access_to_default_secret_stores: disabled\n');
    assert.deepEqual(r.findings.map((f) => [f.rule, f.severity]), [['enforce-flag-with-uai', 'warning']]);
    assert.ok(r.spec);
  });

  it('a set override supplies the name (string values)', () => {
    const r = analyze('auth_mode: key\n', 'name=from-set');
    assert.deepEqual(r.findings, []);
    assert.equal(r.spec?.name, 'from-set');
  });

  it('traffic from a set override is coerced like marshmallow fields.Int', () => {
    const r = analyze('name: e1e\n', 'traffic.blue=100');
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.spec?.traffic.map((t) => [t.name, t.percent]), [['blue', 100]]);
  });
});

describe('endpoint → REST body', () => {
  it('minimal managed endpoint gets every default az ml sends', () => {
    const r = analyze('name: my-endpoint\n');
    assert.ok(r.spec);
    const req = endpointRestBody(r.spec, WS);
    assert.equal(req.path, `${WSP}/onlineEndpoints/my-endpoint`);
    assert.equal(req.apiVersion, '2026-09-01');
    assert.deepEqual(req.body, {
      location: 'eastus',
      identity: { type: 'SystemAssigned' },
      tags: {},
      properties: { authMode: 'Key', properties: {}, traffic: {}, mirrorTraffic: {} },
    });
    assert.deepEqual(req.assets, []);
  });

  it('offline placeholders', () => {
    const r = analyze('name: my-endpoint\n');
    assert.ok(r.spec);
    const req = endpointRestBody(r.spec, OFFLINE_WORKSPACE);
    assert.equal(req.path, '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}/onlineEndpoints/my-endpoint');
    assert.equal(req.body.location, '{workspace location}');
  });

  const cases: Array<[string, string, (b: Record<string, unknown>) => unknown, unknown]> = [
    ['auth_mode Key', 'name: e1e\nauth_mode: Key\n', (b) => (b.properties as Record<string, unknown>).authMode, 'Key'],
    ['auth_mode AMLToken (camel)', 'name: e1e\nauth_mode: AMLToken\n', (b) => (b.properties as Record<string, unknown>).authMode, 'AMLToken'],
    ['auth_mode aml_token', 'name: e1e\nauth_mode: aml_token\n', (b) => (b.properties as Record<string, unknown>).authMode, 'AMLToken'],
    ['auth_mode aad_token', 'name: e1e\nauth_mode: aad_token\n', (b) => (b.properties as Record<string, unknown>).authMode, 'AADToken'],
    ['identity SystemAssigned camel', 'name: e1e\nidentity:\n  type: SystemAssigned\n', (b) => b.identity, { type: 'SystemAssigned' }],
    ['identity none', 'name: e1e\nidentity:\n  type: none\n', (b) => b.identity, { type: 'None' }],
    [
      'identity user_assigned',
      'name: e1e\nidentity:\n  type: user_assigned\n  user_assigned_identities:\n    - resource_id: /subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/u\n',
      (b) => b.identity,
      { type: 'UserAssigned', userAssignedIdentities: { '/subscriptions/s/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/u': {} } },
    ],
    ['description', 'name: e1e\ndescription: hello\n', (b) => (b.properties as Record<string, unknown>).description, 'hello'],
    ['tags str()-ed like Python', 'name: e1e\ntags:\n  a: true\n  b: 3.10\n  c: 2021-01-01\n  d: null\n  e: 0x1F\n', (b) => b.tags, { a: 'True', b: '3.1', c: '2021-01-01', d: null, e: '31' }],
    [
      'enforce flag stays a string in properties.properties',
      'name: e1e\nproperties:\n  enforce_access_to_default_secret_stores: enabled\n',
      (b) => (b.properties as Record<string, unknown>).properties,
      { enforce_access_to_default_secret_stores: 'enabled' },
    ],
    ['traffic lower-cased, zeros dropped', 'name: e1e\ntraffic:\n  Blue: 100\n  green: 0\n', (b) => (b.properties as Record<string, unknown>).traffic, { blue: 100 }],
    ['mirror traffic', 'name: e1e\ntraffic:\n  blue: 100\nmirror_traffic:\n  Green: 10\n', (b) => (b.properties as Record<string, unknown>).mirrorTraffic, { green: 10 }],
    ['public network access lower-cased', 'name: e1e\npublic_network_access: Disabled\n', (b) => (b.properties as Record<string, unknown>).publicNetworkAccess, 'disabled'],
    ['k8s compute name → ARM id', 'name: e1e\ncompute: azureml:k8s-c\n', (b) => (b.properties as Record<string, unknown>).compute, `${WSP}/computes/k8s-c`],
    [
      'k8s compute ARM id verbatim',
      `name: e1e\ncompute: azureml:${WSP}/computes/c2\n`,
      (b) => (b.properties as Record<string, unknown>).compute,
      `${WSP}/computes/c2`,
    ],
    ['location in YAML is ignored', 'name: e1e\nlocation: westus\n', (b) => b.location, 'eastus'],
    ['kind never sent', 'name: e1e\nkind: Managed\n', (b) => b.kind, undefined],
  ];
  for (const [title, yaml, pick, expected] of cases) {
    it(title, () => assert.deepEqual(pick(body(yaml)), expected));
  }
});

describe('seed examples (secret injection how-to)', () => {
  it('SAI endpoint with the enforce flag is accepted and sends the flag', () => {
    const yaml = `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json
name: my-endpoint
auth_mode: key
properties:
    enforce_access_to_default_secret_stores: enabled  # default: disabled
`;
    const b = body(yaml);
    assert.deepEqual(b.identity, { type: 'SystemAssigned' });
    assert.deepEqual((b.properties as Record<string, unknown>).properties, { enforce_access_to_default_secret_stores: 'enabled' });
  });

  it('the UAI example with a single-string user_assigned_identities fails as in az ml', () => {
    const yaml = `$schema: https://azuremlschemas.azureedge.net/latest/managedOnlineEndpoint.schema.json
name: my-endpoint
auth_mode: key
identity:
    type: user_assigned
    user_assigned_identities: /subscriptions/00000000-0000-0000-000-000000000000/resourcegroups/myrg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/my-identity 
`;
    const r = analyze(yaml);
    assert.deepEqual(brief(r.findings), [['schema', 6, 31]]);
    assert.match(r.findings[0]?.hint ?? '', /- resource_id:/);
  });
});

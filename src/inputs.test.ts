import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InputError, parseDuration, parseRolloutSteps, parseTraffic, readInputs } from './inputs.ts';

const reader = (values: Record<string, string>) => (name: string) => values[name] ?? '';

describe('readInputs', () => {
  it('applies the documented defaults', () => {
    const inputs = readInputs(reader({ 'endpoint-file': 'ep.yml' }), {});
    assert.equal(inputs.mode, 'deploy');
    assert.equal(inputs.cloud.name, 'AzureCloud');
    assert.equal(inputs.audience, 'api://AzureADTokenExchange');
    assert.equal(inputs.failOn, 'error');
    assert.equal(inputs.timeoutMs, 30 * 60_000);
    assert.equal(inputs.rollbackOnFailure, true);
    assert.equal(inputs.grantMissingRoles, false);
    assert.deepEqual(inputs.deploymentFiles, []);
  });

  it('falls back to AZURE_* variables for identity and subscription', () => {
    const inputs = readInputs(reader({ 'deployment-file': 'd.yml' }), { AZURE_TENANT_ID: 't', AZURE_CLIENT_ID: 'c', AZURE_SUBSCRIPTION_ID: 's' });
    assert.deepEqual([inputs.tenantId, inputs.clientId, inputs.subscriptionId], ['t', 'c', 's']);
  });

  it('reads several deployment files and the cloud case-insensitively', () => {
    const inputs = readInputs(reader({ 'deployment-file': 'a.yml\n\n  b.yml \n', environment: 'azureusgovernment' }), {});
    assert.deepEqual(inputs.deploymentFiles, ['a.yml', 'b.yml']);
    assert.equal(inputs.cloud.name, 'AzureUSGovernment');
    assert.equal(inputs.audience, 'api://AzureADTokenExchangeUSGov');
  });

  it('reads set then secret-set, only the latter secret', () => {
    const inputs = readInputs(reader({ 'deployment-file': 'd.yml', set: 'instance_count=2', 'secret-set': 'environment_variables.TOKEN=abcd' }), {});
    assert.deepEqual(inputs.overrides.map((o) => [o.path, o.value, o.secret ?? false]), [['instance_count', '2', false], ['environment_variables.TOKEN', 'abcd', true]]);
  });

  const leaseWaits: Array<[string, number | RegExp]> = [['', 5 * 60_000], ['90s', 90_000], ['0', 0], ['2h', 2 * 3_600_000], ['7h', /lease-wait: '7h' is longer than a job may run/], ['soon', /lease-wait: 'soon' is not a duration/]];
  for (const [text, want] of leaseWaits) {
    it(`lease-wait '${text}'`, () => {
      const read = () => readInputs(reader({ 'endpoint-file': 'e.yml', 'lease-wait': text }), {});
      if (typeof want === 'number') assert.equal(read().leaseWaitMs, want);
      else assert.throws(read, (e: unknown) => e instanceof InputError && want.test(e.message));
    });
  }

  const tags: [string, boolean][] = [['', false], ['false', false], ['true', true], ['True', true]];
  for (const [text, skip] of tags) {
    it(`skip-default-tags '${text}' is ${skip}`, () => assert.equal(readInputs(reader({ 'endpoint-file': 'e.yml', 'skip-default-tags': text }), {}).skipDefaultTags, skip));
  }

  it('lists deploy-only inputs that lint ignores', () => {
    const inputs = readInputs(reader({ mode: 'lint', 'endpoint-file': 'e.yml', traffic: 'all', 'bake-time': '1m' }), {});
    assert.deepEqual(inputs.ignored, ['traffic', 'bake-time']);
  });

  it('validate reads the inputs that change the plan (traffic, rollout-steps, mirror-percent) and ignores the gates', () => {
    const inputs = readInputs(reader({ mode: 'validate', 'endpoint-file': 'e.yml', 'rollout-steps': '10,50,100', 'mirror-percent': '10', 'bake-time': '1m' }), {});
    assert.deepEqual(inputs.ignored, ['bake-time']);
    assert.deepEqual(inputs.rolloutSteps, [10, 50, 100]);
  });

  it('mode delete is a teardown; force-delete and teardown mean something only to a teardown', () => {
    const del = readInputs(reader({ mode: 'delete', 'endpoint-file': 'e.yml', 'force-delete': 'true', 'bake-time': '1m' }), {});
    assert.deepEqual([del.mode, del.teardown, del.forceDelete, del.ignored], ['delete', true, true, ['bake-time']]);
    const planned = readInputs(reader({ mode: 'validate', 'endpoint-file': 'e.yml', teardown: 'true', 'force-delete': 'true' }), {});
    assert.deepEqual([planned.teardown, planned.forceDelete, planned.ignored], [true, true, []]);
    assert.deepEqual(readInputs(reader({ mode: 'deploy', 'endpoint-file': 'e.yml', 'force-delete': 'true' }), {}).ignored, ['force-delete']);
    assert.deepEqual(readInputs(reader({ 'endpoint-file': 'e.yml' }), {}).teardown, false);
  });

  const invalid: [string, Record<string, string>, RegExp][] = [
    ['teardown with deploy', { 'endpoint-file': 'e', teardown: 'true' }, /teardown: plans what mode: delete would delete; use it with mode: validate/],
    ['traffic with delete', { mode: 'delete', 'endpoint-file': 'e', traffic: 'all' }, /mode: delete moves no traffic of its own/],
    ['rollout-steps with a teardown plan', { mode: 'validate', teardown: 'true', 'endpoint-file': 'e', 'rollout-steps': '50,100' }, /mode: delete moves no traffic of its own/],
    ['a bad force-delete', { mode: 'delete', 'endpoint-file': 'e', 'force-delete': 'yes' }, /force-delete: 'yes' is not a boolean/],
    ['no files', {}, /give at least one YAML file/],
    ['unknown mode', { mode: 'apply', 'endpoint-file': 'e' }, /mode: 'apply' is not a mode/],
    ['unknown cloud', { environment: 'Mars', 'endpoint-file': 'e' }, /environment: 'Mars'/],
    ['bad boolean', { 'pr-comment': 'yes', 'endpoint-file': 'e' }, /pr-comment: 'yes' is not a boolean/],
    ['bad fail-on', { 'fail-on': 'notice', 'endpoint-file': 'e' }, /fail-on: 'notice'/],
    ['two endpoint files', { 'endpoint-file': 'a\nb' }, /endpoint-file: takes one file/],
    ['traffic and steps', { 'endpoint-file': 'e', traffic: 'all', 'rollout-steps': '50,100' }, /choose one/],
    ['a secret name', { 'endpoint-file': 'e', 'secret-set': 'name=ep' }, /secret-set, line 1: name is a name/],
    ['a secret-set line without =', { 'endpoint-file': 'e', 'secret-set': 'hunter2' }, /secret-set, line 1: the line has no "="/],
    ['a bad skip-default-tags', { 'endpoint-file': 'e', 'skip-default-tags': 'yes' }, /skip-default-tags: 'yes' is not a boolean/],
  ];
  for (const [name, values, pattern] of invalid) {
    it(`rejects ${name}`, () => {
      assert.throws(() => readInputs(reader(values), {}), (e: unknown) => e instanceof InputError && pattern.test(e.message));
    });
  }

  it('reads the rollout gates with their defaults', () => {
    const d = readInputs(reader({ 'endpoint-file': 'e' }), {});
    assert.deepEqual([d.comparisonTolerance, d.minRequestCount, d.onNoData, d.maxErrorRate, d.mirrorPercent, d.metricsIngestionDelayMs], [0.01, 10, 'fail', undefined, undefined, 180_000]);
    const g = readInputs(reader({ 'endpoint-file': 'e', 'rollout-steps': '10,100', 'mirror-percent': '20', 'max-error-rate': '5%', 'max-latency-p99-ms': '800', 'min-request-count': '3', 'on-no-data': 'Hold', 'comparison-tolerance': 'off', 'metrics-ingestion-delay': '90s' }), {});
    assert.deepEqual([g.mirrorPercent, g.maxErrorRate, g.maxLatencyP99Ms, g.minRequestCount, g.onNoData, g.comparisonTolerance, g.metricsIngestionDelayMs], [20, 0.05, 800, 3, 'hold', undefined, 90_000]);
  });

  const badGates: [string, Record<string, string>, RegExp][] = [
    ['mirror above 50', { 'rollout-steps': '10,100', 'mirror-percent': '60' }, /mirror-percent: 60 is outside 1\.\.50/],
    ['mirror without a rollout', { 'mirror-percent': '10' }, /mirroring is the first step/],
    ['error rate above 100 %', { 'max-error-rate': '1.5' }, /above 100 %/],
    ['on-no-data', { 'on-no-data': 'ignore' }, /must be fail, hold or pass/],
    ['tolerance', { 'comparison-tolerance': 'loose' }, /not a rate/],
  ];
  for (const [name, values, pattern] of badGates) {
    it(`rejects ${name}`, () => {
      assert.throws(() => readInputs(reader({ 'endpoint-file': 'e', ...values }), {}), (e: unknown) => e instanceof InputError && pattern.test(e.message));
    });
  }

  it('reports every problem at once', () => {
    assert.throws(
      () => readInputs(reader({ mode: 'x', environment: 'y', 'fail-on': 'z' }), {}),
      (e: unknown) => e instanceof InputError && e.problems.length === 4,
    );
  });
});

describe('parseTraffic', () => {
  const cases: [string, unknown][] = [
    ['all', { kind: 'all' }],
    ['ALL', { kind: 'all' }],
    ['blue=90,green=10', { kind: 'map', weights: { blue: 90, green: 10 } }],
    ['Blue=100', { kind: 'map', weights: { blue: 100 } }],
    ['blue=90 green=10', { kind: 'map', weights: { blue: 90, green: 10 } }],
    ['blue=0,green=100', { kind: 'map', weights: { blue: 0, green: 100 } }],
  ];
  for (const [text, expected] of cases) it(`parses ${text}`, () => assert.deepEqual(parseTraffic(text), expected));

  const bad: [string, RegExp][] = [
    ['blue=90,green=20', /add up to 110/],
    ['blue=90', /add up to 90/],
    ['blue:90,green=10', /not name=percent/],
    ['blue=50,blue=50', /given twice/],
    ['blue=-1,green=101', /not name=percent/],
  ];
  for (const [text, pattern] of bad) it(`rejects ${text}`, () => assert.throws(() => parseTraffic(text), pattern));
});

describe('parseRolloutSteps', () => {
  it('parses increasing steps ending at 100', () => assert.deepEqual(parseRolloutSteps('10, 50,100'), [10, 50, 100]));
  const bad: [string, RegExp][] = [
    ['10,50', /last step must be 100/],
    ['50,10,100', /must increase/],
    ['10,50,50,100', /must increase; 50 follows 50/],
    ['100,100', /must increase; 100 follows 100/],
    ['0,100', /outside 1..100/],
    ['ten,100', /not a whole percentage/],
  ];
  for (const [text, pattern] of bad) it(`rejects ${text}`, () => assert.throws(() => parseRolloutSteps(text), pattern));
});

describe('parseDuration', () => {
  const cases: [string, number][] = [
    ['90', 90_000],
    ['90s', 90_000],
    ['5m', 300_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['2M', 120_000],
  ];
  for (const [text, ms] of cases) it(`parses ${text}`, () => assert.equal(parseDuration(text), ms));
  for (const text of ['5 minutes', 'm5', '', '1.5h']) it(`rejects '${text}'`, () => assert.throws(() => parseDuration(text), /not a duration/));
});

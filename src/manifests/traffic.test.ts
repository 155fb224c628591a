import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeEndpoint, checkTraffic, trafficMap } from './index.ts';
import { DIR, fakeEnv, load } from './testkit.ts';

function spec(yaml: string) {
  const r = analyzeEndpoint({ root: load(yaml), file: 'ep.yml', dir: DIR }, fakeEnv());
  assert.ok(r.spec, JSON.stringify(r.findings));
  return r.spec;
}

describe('checkTraffic (cross-file)', () => {
  const ep = spec('name: e1e\ntraffic:\n  blue: 90\n  Green: 10\n  red: 0\nmirror_traffic:\n  shadow: 10\n');
  it('all known (case-insensitive): nothing', () => assert.deepEqual(checkTraffic(ep, ['blue', 'green', 'SHADOW'], 'ep.yml'), []));
  it('unknown names are reported at their key, zero shares ignored', () => {
    const f = checkTraffic(ep, ['blue'], 'ep.yml');
    assert.deepEqual(f.map((x) => [x.rule, x.severity, x.line, x.column]), [
      ['traffic', 'error', 4, 3],
      ['traffic', 'error', 7, 3],
    ]);
    assert.match(f[0]?.message ?? '', /'Green'.*known: blue/);
  });
  it('severity is the caller\'s choice (lint: warning)', () => {
    assert.deepEqual(checkTraffic(ep, [], 'ep.yml', 'warning').map((x) => x.severity), ['warning', 'warning', 'warning']);
  });
});

describe('trafficMap', () => {
  it('lower-cases keys and drops zeros', () => {
    const ep = spec('name: e1e\ntraffic:\n  Blue: 100\n  green: 0\n');
    assert.deepEqual(trafficMap(ep.traffic), { blue: 100 });
  });
  it('duplicate names after lower-casing are reported', () => {
    const r = analyzeEndpoint({ root: load('name: e1e\ntraffic:\n  blue: 50\n  Blue: 50\n'), file: 'ep.yml', dir: DIR }, fakeEnv());
    assert.deepEqual(r.findings.map((f) => [f.rule, f.line]), [['traffic', 4]]);
  });
});

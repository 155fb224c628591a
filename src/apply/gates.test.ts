import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { blocksRollout, compareJson, comparisonVerdict, metricsVerdict, parseMetrics, smokeVerdict } from './gates.ts';

const ok = (body: unknown, status = 200) => ({ status, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('smoke gate', () => {
  const cases: [string, ReturnType<typeof ok> | { status: number; body: string; error: string }, string | undefined, string][] = [
    ['2xx passes', ok({ p: [1] }), undefined, 'pass'],
    ['5xx fails', ok({ message: 'boom' }, 500), undefined, 'fail'],
    ['424 (model error) fails', ok('', 424), undefined, 'fail'],
    ['no answer fails', { status: 0, body: '', error: 'ECONNRESET' }, undefined, 'fail'],
    ['expected JSON with numbers within tolerance passes', ok({ label: 'cat', p: [0.5001] }), '{"label":"cat","p":[0.5]}', 'pass'],
    ['expected JSON with another label fails', ok({ label: 'dog', p: [0.5] }), '{"label":"cat","p":[0.5]}', 'fail'],
    ['expected JSON, answer not JSON fails', ok('<html>'), '{"p":1}', 'fail'],
    ['expected text matches', ok('pong'), 'pong', 'pass'],
  ];
  for (const [name, answer, expected, verdict] of cases) it(name, () => assert.equal(smokeVerdict(answer, expected, 0.01).verdict, verdict));
});

describe('comparison gate', () => {
  const cases: [string, unknown, unknown, string][] = [
    ['same shape, close numbers', { deployment: 'blue', prediction: [0.5] }, { deployment: 'green', prediction: [0.504] }, 'pass'],
    ['garbage with 200: another shape', { prediction: [0.5] }, { result: 'ok' }, 'fail'],
    ['number far off', { prediction: [0.5] }, { prediction: [9.5] }, 'fail'],
    ['array length differs', { prediction: [0.5, 0.1] }, { prediction: [0.5] }, 'fail'],
    ['type differs', { prediction: 1 }, { prediction: '1' }, 'fail'],
  ];
  for (const [name, a, b, verdict] of cases) {
    it(name, () => assert.equal(comparisonVerdict({ name: 'blue', answer: ok(a) }, { name: 'green', answer: ok(b) }, 0.01).verdict, verdict));
  }
  it('the new deployment failing fails; the old one failing is inconclusive', () => {
    assert.equal(comparisonVerdict({ name: 'blue', answer: ok({}) }, { name: 'green', answer: ok({}, 500) }, 0.01).verdict, 'fail');
    assert.equal(comparisonVerdict({ name: 'blue', answer: ok({}, 503) }, { name: 'green', answer: ok({}) }, 0.01).verdict, 'inconclusive');
  });
  it('names the differing path', () => {
    assert.deepEqual(compareJson({ a: { b: [1, 2] } }, { a: { b: [1, 3] } }, 0), ['$.a.b[1]: 2 vs 3 (tolerance 0)']);
  });
});

describe('metrics gate', () => {
  const t = { maxErrorRate: 0.05, maxLatencyP99Ms: 500, minRequests: 10 };
  const cases: [string, { requests: number; errors: number; p99Ms?: number }, string][] = [
    ['healthy', { requests: 100, errors: 1, p99Ms: 120 }, 'pass'],
    ['too many errors', { requests: 100, errors: 20, p99Ms: 120 }, 'fail'],
    ['too slow', { requests: 100, errors: 0, p99Ms: 900 }, 'fail'],
    ['no data is inconclusive, never a pass', { requests: 0, errors: 0 }, 'inconclusive'],
    ['below the minimum count is inconclusive, even when all were errors', { requests: 5, errors: 5, p99Ms: 10 }, 'inconclusive'],
    ['requests but no latency point is inconclusive', { requests: 50, errors: 0 }, 'inconclusive'],
  ];
  for (const [name, sample, verdict] of cases) it(name, () => assert.equal(metricsVerdict(sample, t).verdict, verdict));

  it('on-no-data: fail and hold block the rollout, pass lets it through', () => {
    const none = metricsVerdict({ requests: 0, errors: 0 }, t);
    assert.deepEqual((['fail', 'hold', 'pass'] as const).map((m) => blocksRollout(none, m)), [true, true, false]);
    assert.equal(blocksRollout(metricsVerdict({ requests: 100, errors: 50, p99Ms: 1 }, t), 'pass'), true);
  });

  it('parses Azure Monitor: requests by status code, the highest P99; absent points are not zeros', () => {
    const body = {
      value: [
        {
          name: { value: 'RequestsPerMinute' },
          timeseries: [
            { metadatavalues: [{ name: { value: 'statusCode' }, value: '200' }], data: [{ timeStamp: 't1', total: 40 }, { timeStamp: 't2', total: 50 }] },
            { metadatavalues: [{ name: { value: 'statusCode' }, value: '424' }], data: [{ timeStamp: 't1', total: 6 }, { timeStamp: 't2' }] },
            { metadatavalues: [{ name: { value: 'statusCode' }, value: '404' }], data: [{ timeStamp: 't1', total: 4 }] },
          ],
        },
        { name: { value: 'RequestLatency_P99' }, timeseries: [{ data: [{ timeStamp: 't1', maximum: 210 }, { timeStamp: 't2', maximum: 180 }, { timeStamp: 't3' }] }] },
      ],
    };
    assert.deepEqual(parseMetrics(body), { requests: 100, errors: 6, p99Ms: 210 });
    assert.deepEqual(parseMetrics({ value: [{ name: { value: 'RequestsPerMinute' }, timeseries: [] }] }), { requests: 0, errors: 0 });
  });
});

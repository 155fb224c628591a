import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeFinding } from '../findings/finding.ts';
import type { RunReport } from './model.ts';
import { redactReport } from './redact.ts';

const SECRET = 'hunter2-very-secret';

function report(): RunReport {
  return {
    mode: 'lint',
    failOn: 'error',
    files: ['ml/blue.yml'],
    findings: [makeFinding('schema', { file: 'ml/blue.yml', line: 6, column: 17 }, `instance_count must be an integer (from the set input: "instance_count=${SECRET}").`, { hint: `not ${SECRET}x` })],
    references: [{ variable: 'K', file: 'ml/blue.yml', line: 3, store: `Key Vault ${SECRET}`, target: 's', status: { state: 'unknown', why: `about ${SECRET}` } }],
    plan: { requests: [{ method: 'PUT', path: '/x', apiVersion: '2026-09-01', description: `create ${SECRET}`, body: { a: [{ b: SECRET }], n: 1 } }], assets: [] },
    written: 'nothing',
    timeline: [{ name: 'Analyze', durationMs: 3, verdict: 'failed', detail: SECRET }],
    endpointName: 'ep',
    deploymentNames: ['blue'],
    notes: [`note ${SECRET}`],
  };
}

describe('redactReport', () => {
  it('replaces every occurrence in every text, and keeps numbers, ids and names', () => {
    const redacted = redactReport(report(), [SECRET, '1', '']);
    const text = JSON.stringify(redacted);
    assert.ok(!text.includes(SECRET), text);
    assert.equal(redacted.findings[0]?.message, 'instance_count must be an integer (from the set input: "instance_count=***").');
    assert.equal(redacted.findings[0]?.hint, 'not ***x');
    assert.deepEqual(redacted.plan.requests[0]?.body, { a: [{ b: '***' }], n: 1 });
    assert.equal(redacted.findings[0]?.rule, 'schema');
    assert.equal(redacted.findings[0]?.line, 6);
    assert.equal(redacted.endpointName, 'ep');
    assert.match(JSON.stringify(redacted.plan), /2026-09-01/, 'short values (here "1") are not redacted');
  });

  it('keeps rule ids and enums even when a value equals one', () => {
    const redacted = redactReport(report(), ['schema', 'unknown', 'nothing']);
    assert.equal(redacted.findings[0]?.rule, 'schema');
    assert.equal(redacted.references[0]?.status.state, 'unknown');
    assert.equal(redacted.written, 'nothing');
  });

  it('returns the report itself when there is nothing to redact', () => {
    const r = report();
    assert.equal(redactReport(r, []), r);
  });
});

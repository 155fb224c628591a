import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeFinding } from '../findings/finding.ts';
import { commentMarker, findOwnComment, renderComment, sameContent } from './comment.ts';
import type { RunReport } from './model.ts';
import { renderSummary } from './summary.ts';

const SHA = 'abcdefabcdefabcdefabcdefabcdefabcdefabcd';
const links = { rulesDoc: 'https://github.com/contoso/azureml-online-deploy/blob/v1/docs/rules.md', source: `https://github.com/org/repo/blob/${SHA}/` };

function report(extra: Partial<RunReport> = {}): RunReport {
  return {
    mode: 'validate',
    failOn: 'error',
    files: ['ml/blue.yml'],
    findings: [makeFinding('keyvault-secret-not-found', { file: 'ml/blue.yml', line: 9, column: 15, endLine: 9, endColumn: 40 }, 'DB_PASSWORD: secret db-password has no version 0123.')],
    references: [
      { variable: 'DB_PASSWORD', file: 'ml/blue.yml', line: 9, store: 'Key Vault kv1', target: 'secret db-password', status: { state: 'fail', rule: 'keyvault-secret-not-found' } },
      { variable: 'OPENAI_KEY', file: 'ml/blue.yml', line: 8, store: 'connection aoai', target: 'credentials/key', status: { state: 'pass' } },
    ],
    plan: { requests: [{ method: 'PUT', path: '/subscriptions/s/…/onlineEndpoints/ep', apiVersion: '2026-09-01', description: 'create endpoint ep', body: { big: 'x'.repeat(10) } }], assets: [] },
    written: 'nothing',
    timeline: [],
    deploymentNames: ['blue'],
    notes: [],
    ...extra,
  };
}

describe('PR comment body', () => {
  const body = renderComment(report(), { key: 'k1', links, runUrl: 'https://github.com/org/repo/actions/runs/7' });

  it('starts with the hidden marker and holds the verdict, linked findings, reference statuses and plan lines', () => {
    assert.equal(body.split('\n')[0], '<!-- azureml-online-deploy:sticky k1 -->');
    assert.match(body, /❌ Failed:\*\* 1 error in 1 file\. Nothing was written to Azure\./);
    assert.ok(body.includes(`[\`ml/blue.yml\` 9:15](https://github.com/org/repo/blob/${SHA}/ml/blue.yml#L9)`));
    assert.ok(body.includes('[`keyvault-secret-not-found`](https://github.com/contoso/azureml-online-deploy/blob/v1/docs/rules.md#keyvault-secret-not-found)'));
    assert.match(body, /\| `DB_PASSWORD` \| Key Vault kv1 \| secret db-password \| ❌ fail \(`keyvault-secret-not-found`\) \|/);
    assert.match(body, /\| `OPENAI_KEY` .* ✅ pass \|/);
    assert.match(body, /- `PUT` `\/subscriptions\/s\/…\/onlineEndpoints\/ep`: create endpoint ep/);
    assert.doesNotMatch(body, /"big"/, 'request bodies stay in the job summary');
  });

  it('names the run only in the footer, so an unchanged report compares equal across runs', () => {
    const [content] = body.split('<!-- azureml-online-deploy:footer -->');
    assert.doesNotMatch(content ?? '', /actions\/runs/);
    const later = renderComment(report(), { key: 'k1', links, runUrl: 'https://github.com/org/repo/actions/runs/8' });
    assert.notEqual(later, body);
    assert.ok(sameContent(body, later));
    const changed = renderComment(report({ findings: [] }), { key: 'k1', links, runUrl: 'https://github.com/org/repo/actions/runs/8' });
    assert.ok(!sameContent(body, changed));
    const timed = (ms: number, reads: number) => renderComment(report({ notes: [`Read (nothing written): ${reads} request(s) in ${ms} ms.`] }), { key: 'k1', links });
    assert.ok(sameContent(timed(522, 13), timed(1_204, 13)), 'a duration alone is no change');
    assert.ok(!sameContent(timed(522, 13), timed(522, 14)));
  });

  it('finds only a comment that starts with its own marker', () => {
    const comments = [
      { id: 1, body: 'LGTM' },
      { id: 2, body: `quoting: ${commentMarker('k1')}` },
      { id: 3, body: `${commentMarker('k2')}\nanother job` },
      { id: 4, body: null },
      { id: 5, body: `${commentMarker('k1')}\nmine` },
      { id: 6, body: `${commentMarker('k1')}\na later copy` },
    ];
    assert.equal(findOwnComment(comments, 'k1')?.id, 5);
    assert.equal(findOwnComment(comments, 'k3'), undefined);
  });

  it("shows an online run's timeline and read-back endpoint; the comment leaves out the durations that change every run", () => {
    const deployed = (ms: number) =>
      report({
        mode: 'deploy',
        findings: [],
        written: 'all',
        changes: true,
        timeline: [
          { name: 'Analyze', durationMs: ms, verdict: 'ok' },
          { name: 'Rollout step 10 %', durationMs: ms * 1000, verdict: 'ok', detail: 'smoke 200' },
        ],
        readBack: { traffic: { blue: 90, green: 10 }, scoringUri: 'https://ep.eastus.inference.ml.azure.com/score' },
      });
    const summary = renderSummary(deployed(12), { links });
    assert.match(summary, /✅ Passed:\*\* no findings in 1 file\. Every planned change was written to Azure\./);
    assert.match(summary, /\| Rollout step 10 % \| ✅ ok \| 12 s \| smoke 200 \|/);
    assert.match(summary, /- Traffic: `blue` 90 %, `green` 10 %/);
    const first = renderComment(deployed(12), { key: 'k', links });
    assert.match(first, /\| Rollout step 10 % \| ✅ ok \| smoke 200 \|/);
    assert.match(first, /Scoring URI: `https:\/\/ep\.eastus\.inference\.ml\.azure\.com\/score`/);
    assert.ok(sameContent(first, renderComment(deployed(40), { key: 'k', links })));
  });

  const planNotes: [RunReport['written'], RegExp][] = [
    ['nothing', /### Plan\n\nNot sent: the errors above must be fixed first\./],
    ['partial', /### Plan\n\nSent in part: the run stopped on the errors above/],
    ['all', /### Plan\n\nSent: every request was written before the errors above\./],
  ];
  for (const [written, note] of planNotes) {
    it(`says what became of the plan of a failed run that wrote ${written}`, () => {
      const md = renderSummary(report({ written }), { links });
      assert.match(md, note);
      if (written !== 'nothing') assert.doesNotMatch(md, /Not sent/);
    });
  }

  it('keeps a key from closing the HTML comment early', () => {
    assert.equal(commentMarker('a-->b\nc'), '<!-- azureml-online-deploy:sticky a b c -->');
  });
});

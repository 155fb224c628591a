import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeFinding, type Finding } from '../findings/finding.ts';
import type { Plan } from '../plan.ts';
import { BUDGETS, GITHUB_LIMITS, characters, clip, countWithin, renderWithin, share, utf8Bytes, type Section } from './budget.ts';
import { renderComment } from './comment.ts';
import type { RunReport } from './model.ts';
import { fitFindings, fitPlan } from './outputs.ts';
import { renderSummary } from './summary.ts';

describe('budget arithmetic', () => {
  const shares: [string, number[], number, number[]][] = [
    ['everything fits', [10, 20, 30], 100, [10, 20, 30]],
    ['equal shares, leftovers to the first', [100, 5, 100], 90, [55, 5, 30]],
    ['all sections starved equally', [100, 100], 50, [25, 25]],
    ['nothing to give', [10, 10], 0, [0, 0]],
  ];
  for (const [name, needs, total, expected] of shares) {
    it(`share: ${name}`, () => assert.deepEqual(share(needs, total), expected));
  }

  const counts: [number[], number, number][] = [
    [[3, 3, 3], 9, 3],
    [[3, 3, 3], 8, 2],
    [[3, 10, 1], 8, 1],
    [[], 5, 0],
  ];
  for (const [costs, allowance, expected] of counts) {
    it(`countWithin(${JSON.stringify(costs)}, ${allowance}) = ${expected}: the first that does not fit ends the run`, () => assert.equal(countWithin(costs, allowance), expected));
  }

  it('clip cuts multi-byte text under the budget without splitting a character, and says so', () => {
    const text = '€😀'.repeat(1000);
    const cut = clip(text, 500, utf8Bytes);
    assert.ok(utf8Bytes(cut) <= 500);
    assert.match(cut, /cut here/);
    assert.doesNotMatch(cut, /\uFFFD/);
    assert.ok(!/[\uD800-\uDBFF]$/.test(cut.split('\n\n…')[0] ?? ''));
    assert.equal(clip('short', 500, utf8Bytes), 'short');
  });

  it('the budgets stay under the documented limits', () => {
    assert.ok(BUDGETS.summaryBytes < GITHUB_LIMITS.summaryBytes);
    assert.ok(BUDGETS.outputBytes < GITHUB_LIMITS.outputBytes);
    assert.ok(BUDGETS.commentChars < GITHUB_LIMITS.commentChars);
  });
});

describe('renderWithin', () => {
  const section = (name: string, n: number, size: number): Section => ({
    title: `### ${name}`,
    opening: '| h |',
    items: Array.from({ length: n }, (_, i) => `| ${name}${i} ${'x'.repeat(size)} |`),
    empty: 'none',
    more: (omitted) => `${omitted} more ${name}`,
  });

  it('renders everything when it fits', () => {
    const text = renderWithin('# t', [section('a', 3, 5), section('b', 0, 5)], 10_000, utf8Bytes);
    assert.equal(text, '# t\n\n### a\n\n| h |\n| a0 xxxxx |\n| a1 xxxxx |\n| a2 xxxxx |\n\n### b\n\nnone\n');
  });

  it('keeps each section represented, most important first, and counts what it left out', () => {
    const text = renderWithin('# t', [section('a', 1000, 50), section('b', 1000, 50), section('c', 2, 10)], 20_000, utf8Bytes);
    assert.ok(utf8Bytes(text) <= 20_000);
    assert.ok(utf8Bytes(text) > 18_000, 'the budget is used');
    assert.match(text, /\| a0 x+ \|/);
    assert.match(text, /\| b0 x+ \|/);
    assert.match(text, /\| c1 x+ \|/);
    const shownA = (text.match(/^\| a\d+ /gm) ?? []).length;
    const shownB = (text.match(/^\| b\d+ /gm) ?? []).length;
    assert.match(text, new RegExp(`${1000 - shownA} more a`));
    assert.match(text, new RegExp(`${1000 - shownB} more b`));
    assert.ok(shownA >= shownB, 'the first section gets the leftovers');
  });

  it('holds with an item bigger than the whole budget', () => {
    const text = renderWithin('# t', [section('a', 3, 50_000)], 10_000, characters);
    assert.ok(characters(text) <= 10_000);
    assert.match(text, /3 more a/);
  });
});

/** assert.match without printing a megabyte of Markdown when it fails. */
function has(text: string, pattern: RegExp): void {
  assert.ok(pattern.test(text), `missing ${pattern}`);
}

const at = (file: string, line: number) => ({ file, line, column: 1 });

function bigReport(files: number): RunReport {
  const findings: Finding[] = [];
  const plan: Plan = { requests: [], assets: [] };
  for (let i = 0; i < files; i++) {
    const file = `ml/deployments/d${i}.yml`;
    if (i % 4 === 0) findings.push(makeFinding('schema', at(file, 5), `Unknown key instance_typ ${'in a long message '.repeat(5)}`));
    findings.push(makeFinding('instance-type-too-small', at(file, 6), 'Standard_DS2_v2 may be too small.'));
    findings.push(makeFinding('secret-ref-syntax', at(file, 9), 'bare secret URL', { severity: 'notice' }));
    plan.requests.push({ method: 'PUT', path: `/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/ws/onlineEndpoints/ep/deployments/d${i}`, apiVersion: '2026-09-01', description: `create deployment d${i}`, body: { properties: { environmentVariables: { K: 'x'.repeat(1500) } } } });
  }
  const references = Array.from({ length: files * 3 }, (_, i) => ({ variable: `V${i}`, file: 'ml/d.yml', line: i + 1, store: 'connection aoai', target: 'credentials/key', status: { state: 'unknown' as const, why: 'lint does not read Azure' } }));
  return { mode: 'lint', failOn: 'error', files: Array.from({ length: files }, (_, i) => `ml/deployments/d${i}.yml`), findings, references, plan, written: 'nothing', timeline: [], deploymentNames: [], notes: [] };
}

describe('limits at any size', () => {
  for (const files of [10, 1000, 10_000]) {
    it(`summary, comment and outputs of ${files.toLocaleString('en-US')} files stay under GitHub's limits`, () => {
      const report = bigReport(files);
      const summary = renderSummary(report);
      assert.ok(utf8Bytes(summary) < GITHUB_LIMITS.summaryBytes, `summary ${utf8Bytes(summary)} bytes`);
      const errors = report.findings.filter((f) => f.severity === 'error').length;
      has(summary, new RegExp(`Failed:\\*\\* ${errors.toLocaleString('en-US')} error`));
      // The totals are exact even where the sections are cut.
      const n = (x: number) => x.toLocaleString('en-US');
      const totals = `**Totals:** ${n(files)} files · ${n(files * 3)} secret references · ${n(report.findings.length)} findings (${n(errors)} errors, ${n(files)} warnings, ${n(files)} notices) · ${n(files)} plan entries`;
      assert.ok(summary.includes(totals), `summary lacks ${totals}`);
      const comment = renderComment(report, { key: 'k', links: { rulesDoc: 'https://x/docs/rules.md' }, runUrl: 'https://github.com/o/r/actions/runs/1' });
      assert.ok(characters(comment) <= GITHUB_LIMITS.commentChars, `comment ${characters(comment)} characters`);
      has(comment, /actions\/runs\/1/);
      assert.ok(comment.includes(totals), `comment lacks ${totals}`);
      assert.ok(utf8Bytes(fitFindings(report.findings, BUDGETS.outputBytes)) < GITHUB_LIMITS.outputBytes);
      assert.ok(utf8Bytes(fitPlan(report.plan, BUDGETS.outputBytes, '/tmp/plan.json')) < GITHUB_LIMITS.outputBytes);
      if (files >= 1000) {
        has(summary, /more findings\*\* \([\d,]+ (errors?|warnings?|notices?)[^)]*\) did not fit here\. Every finding is in the SARIF file/);
        has(comment, /more findings\*\*.*did not fit here\. The job summary and the SARIF file of the run named below have them all\./);
      }
    });
  }

  it('the findings output keeps the most important findings and stays valid JSON', () => {
    const report = bigReport(1000);
    const kept = JSON.parse(fitFindings(report.findings, 50_000)) as Finding[];
    assert.ok(kept.length > 10 && kept.length < report.findings.length);
    assert.ok(kept.every((f) => f.severity === 'error'));
    assert.deepEqual(JSON.parse(fitFindings(report.findings.slice(0, 3), 50_000)).length, 3);
  });

  it('the plan output drops bodies, then requests, from the end, and says what it left out', () => {
    const { plan } = bigReport(100);
    assert.deepEqual(JSON.parse(fitPlan(plan, 10_000_000)), plan, 'whole when it fits');
    const bodiesCut = JSON.parse(fitPlan(plan, 100_000, '/tmp/plan.json')) as Plan & { omitted: { requests: number; bodies: number; planFile: string } };
    assert.equal(bodiesCut.requests.length, 100);
    assert.ok(bodiesCut.requests[0]?.body !== undefined && bodiesCut.requests[99]?.body === undefined);
    assert.equal(bodiesCut.omitted.bodies, bodiesCut.requests.filter((r) => r.body === undefined).length);
    assert.equal(bodiesCut.omitted.planFile, '/tmp/plan.json');
    const requestsCut = JSON.parse(fitPlan(plan, 5_000)) as Plan & { omitted: { requests: number; bodies: number } };
    assert.ok(requestsCut.requests.length < 100 && requestsCut.requests.length > 0);
    assert.equal(requestsCut.requests.length + requestsCut.omitted.requests, 100);
    assert.ok(utf8Bytes(JSON.stringify(requestsCut)) <= 5_000);
  });
});

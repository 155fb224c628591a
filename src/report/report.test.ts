import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeFinding, type Finding } from '../findings/finding.ts';
import { findingToAnnotation, selectAnnotations } from './annotations.ts';
import { escapeCell, fenced } from './markdown.ts';
import { failureMessage, type RunReport, type Written } from './model.ts';
import { buildOutputs } from './outputs.ts';
import { renderSummary } from './summary.ts';

const at = (line: number, column = 1) => ({ file: 'ml/deployment.yml', line, column });

function report(findings: Finding[], extra: Partial<RunReport> = {}): RunReport {
  return { mode: 'lint', failOn: 'error', files: ['ml/deployment.yml'], findings, references: [], plan: { requests: [], assets: [] }, written: 'nothing', timeline: [], deploymentNames: [], notes: [], ...extra };
}

describe('annotations', () => {
  it('titles start with the rule id and the message carries the fix', () => {
    const a = findingToAnnotation(makeFinding('schema', { ...at(3, 5), endLine: 3, endColumn: 9 }, "Unknown key 'instance_typ'.", { hint: 'Did you mean instance_type?' }));
    assert.equal(a.title, 'schema: Not accepted by the az ml schema');
    assert.equal(a.message, "Unknown key 'instance_typ'.\nFix: Did you mean instance_type?\nRule: https://github.com/contoso/azureml-online-deploy/blob/main/docs/rules.md#schema");
    assert.deepEqual([a.file, a.startLine, a.startColumn, a.endLine, a.endColumn], ['ml/deployment.yml', 3, 5, 3, 9]);
  });

  it('drops the end column of a multi-line range (GitHub ignores it)', () => {
    const a = findingToAnnotation(makeFinding('schema', { ...at(3, 5), endLine: 6, endColumn: 2 }, 'x'));
    assert.deepEqual([a.endLine, a.endColumn], [6, undefined]);
  });

  const limits: [string, number, number, number][] = [
    // name, findings of one severity, annotations expected, of which pointers
    ['under the limit', 3, 3, 0],
    ['exactly the limit', 10, 10, 0],
    ['over the limit', 25, 10, 1],
  ];
  for (const [name, count, expected, pointers] of limits) {
    it(`keeps at most 10 per severity: ${name}`, () => {
      const findings = Array.from({ length: count }, (_, i) => makeFinding('schema', at(count - i), `problem ${i}`));
      const annotations = selectAnnotations(findings);
      assert.equal(annotations.length, expected);
      assert.equal(annotations.filter((a) => a.file === undefined).length, pointers);
      if (pointers) assert.match(annotations.at(-1)?.message ?? '', /16 more error findings are not annotated/);
    });
  }

  it('puts errors before warnings and sorts by position', () => {
    const annotations = selectAnnotations([
      makeFinding('instance-type-too-small', at(1), 'w'),
      makeFinding('schema', at(9), 'late'),
      makeFinding('schema', at(2), 'early'),
    ]);
    assert.deepEqual(annotations.map((a) => a.message.split('\n')[0]), ['early', 'late', 'w']);
  });
});

describe('summary', () => {
  it('escapes user text so it cannot break the table or inject HTML', () => {
    assert.equal(escapeCell('a|b<script>\nc'), 'a\\|b&lt;script&gt;<br>c');
    const md = renderSummary(report([makeFinding('schema', at(1), 'bad | value <b>')]));
    assert.match(md, /bad \\\| value &lt;b&gt;/);
  });

  it('says what failed and that nothing was written', () => {
    const md = renderSummary(report([makeFinding('schema', at(1), 'x'), makeFinding('instance-type-too-small', at(2), 'y')]));
    assert.match(md, /Failed:\*\* 1 error, 1 warning in 1 file\. Nothing was written to Azure\./);
  });

  const writtenCases: [Written, RegExp][] = [
    ['nothing', /Nothing was written to Azure\./],
    ['partial', /Some changes were written to Azure before the run stopped/],
    ['all', /Every planned change was written to Azure\./],
  ];
  for (const [written, expected] of writtenCases) {
    it(`says what was written when it fails: ${written}`, () => {
      const failing = report([makeFinding('deployment-failed', at(1), 'x')], { written });
      assert.match(renderSummary(failing), expected);
      assert.match(failureMessage(failing), new RegExp(expected.source, 'i'));
      if (written !== 'nothing') assert.doesNotMatch(renderSummary(failing) + failureMessage(failing), /nothing was written/i);
    });
  }

  it('shows every reference status with its rule or reason, never a bare ok', () => {
    const row = { variable: 'K', file: 'ml/deployment.yml', line: 3, store: 'connection', target: 'aoai' };
    const md = renderSummary(
      report([], {
        references: [
          { ...row, status: { state: 'pass' } },
          { ...row, status: { state: 'fail', rule: 'connection-not-found' } },
          { ...row, status: { state: 'unknown', why: 'lint does not read Azure' } },
        ],
      }),
    );
    assert.match(md, /✅ pass/);
    assert.match(md, /fail \(`connection-not-found`\)/);
    assert.match(md, /unknown: lint does not read Azure/);
  });

  it('passes with warnings unless fail-on is warning', () => {
    const findings = [makeFinding('instance-type-too-small', at(2), 'y')];
    assert.match(renderSummary(report(findings)), /Passed:\*\* 1 warning/);
    assert.match(renderSummary(report(findings, { failOn: 'warning' })), /Failed:/);
  });

  it('fences JSON with a fence longer than any backtick run inside', () => {
    assert.equal(fenced('json', 'a ``` b'), '````json\na ``` b\n````');
  });
});

describe('outputs', () => {
  it('publishes counts, findings and plan as JSON strings', () => {
    const findings = [makeFinding('schema', at(1), 'x')];
    const outputs = buildOutputs(report(findings, { endpointName: 'ep', deploymentNames: ['blue', 'green'] }));
    assert.equal(outputs.errors, '1');
    assert.equal(outputs.warnings, '0');
    assert.deepEqual(JSON.parse(outputs.findings ?? ''), findings);
    assert.deepEqual(JSON.parse(outputs.plan ?? ''), { requests: [], assets: [] });
    assert.equal(outputs['endpoint-name'], 'ep');
    assert.equal(outputs['deployment-name'], 'blue,green');
  });
});

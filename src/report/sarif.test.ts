import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sarifValidator } from '../../test/fixtures/sarif/validate.ts';
import { makeFinding, type Finding } from '../findings/finding.ts';
import { RULES, type RuleId } from '../findings/rules.ts';
import type { ReportLinks } from './links.ts';
import { buildSarif } from './sarif.ts';

const links: ReportLinks = { rulesDoc: 'https://github.com/contoso/azureml-online-deploy/blob/v1/docs/rules.md' };
const options = { links, version: '0.1.0', workspaceUri: 'file:///home/runner/work/repo/repo/' };

/** One finding of every rule, with single-line, multi-line, point and whole-line ranges. */
function everyRule(): Finding[] {
  return (Object.keys(RULES) as RuleId[]).map((rule, i) => {
    const line = i + 1;
    const shapes = [
      { endLine: line, endColumn: 12 },
      { endLine: line + 2, endColumn: 3 },
      { endLine: line, endColumn: 5 },
      {},
    ];
    return makeFinding(rule, { file: i % 5 === 0 ? 'ml/my deployments/blue #1.yml' : 'ml/endpoint.yml', line, column: 5, ...shapes[i % shapes.length] }, `problem ${i} <b>`);
  });
}

describe('SARIF', () => {
  const validate = sarifValidator();

  it('is valid SARIF 2.1.0 for a finding of every rule', () => {
    const log = buildSarif(everyRule(), options);
    assert.deepEqual(validate(log), []);
    assert.equal(log.runs[0]?.results?.length, Object.keys(RULES).length);
  });

  it('is valid with no findings and without a workspace base', () => {
    assert.deepEqual(validate(buildSarif([], { links, version: '0.1.0' })), []);
  });

  it('the validator rejects what the schema forbids (so the checks above can fail)', () => {
    const log = buildSarif([makeFinding('schema', { file: 'a.yml', line: 1, column: 1 }, 'x')], options) as unknown as { runs: { results: Record<string, unknown>[] }[] };
    const result = log.runs[0]?.results[0] as Record<string, unknown>;
    result.level = 'notice';
    assert.ok(validate(log).some((e) => e.includes('/level')));
    result.level = 'error';
    (result.locations as { physicalLocation: { artifactLocation: { uri: string } } }[])[0]!.physicalLocation.artifactLocation.uri = 'a b.yml';
    assert.ok(validate(log).some((e) => e.includes('/uri')));
  });

  it('describes the rules the findings use from the catalog, with help and a link to its section of docs/rules.md', () => {
    const rules = buildSarif(everyRule(), options).runs[0]?.tool.driver.rules ?? [];
    assert.deepEqual(rules.map((r) => r.id), Object.keys(RULES));
    assert.deepEqual(buildSarif([], options).runs[0]?.tool.driver.rules, []);
    assert.deepEqual(buildSarif(everyRule().slice(3, 5).reverse(), options).runs[0]?.tool.driver.rules?.map((r) => r.id), Object.keys(RULES).slice(3, 5));
    for (const r of rules) {
      const spec = RULES[r.id as RuleId];
      assert.equal(r.helpUri, `${links.rulesDoc}#${r.id}`);
      assert.equal(r.shortDescription?.text, spec.title);
      assert.equal(r.fullDescription?.text, spec.when);
      assert.ok(r.help?.text.includes(spec.fix) && r.help.text.includes(r.helpUri));
      assert.ok(r.help?.markdown?.includes(`(${r.helpUri})`));
      assert.equal(r.defaultConfiguration?.level, { error: 'error', warning: 'warning', notice: 'note' }[spec.severity]);
    }
    const secretRef = rules.find((r) => r.id === 'secret-ref-syntax');
    assert.match(secretRef?.help?.markdown ?? '', /&lt;connection&gt;/, 'placeholders are escaped in Markdown prose');
  });

  const regions: [string, Partial<Finding>, Record<string, number>][] = [
    ['one line', { line: 3, column: 5, endLine: 3, endColumn: 9 }, { startLine: 3, startColumn: 5, endLine: 3, endColumn: 9 }],
    ['several lines', { line: 3, column: 5, endLine: 6, endColumn: 2 }, { startLine: 3, startColumn: 5, endLine: 6, endColumn: 2 }],
    ['a point', { line: 7, column: 1 }, { startLine: 7, startColumn: 1 }],
    ['an empty range', { line: 1, column: 1, endLine: 1, endColumn: 1 }, { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 }],
  ];
  for (const [name, at, expected] of regions) {
    it(`keeps the exact region: ${name}`, () => {
      const finding = { ...makeFinding('schema', { file: 'ml/blue.yml', line: 1, column: 1 }, 'x'), ...at };
      const location = buildSarif([finding], options).runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation;
      assert.deepEqual(location?.region, expected);
      assert.deepEqual(location?.artifactLocation, { uri: 'ml/blue.yml', uriBaseId: '%SRCROOT%' });
    });
  }

  it('gives each result its rule, level, message with the fix, and the severity a call site chose', () => {
    const f = makeFinding('secret-ref-syntax', { file: 'ml/blue.yml', line: 9, column: 15 }, 'malformed', { severity: 'notice', hint: 'Did you mean X?' });
    const log = buildSarif([f], options);
    const r = log.runs[0]?.results?.[0];
    assert.equal(r?.ruleId, 'secret-ref-syntax');
    assert.equal(log.runs[0]?.tool.driver.rules?.[r?.ruleIndex ?? -1]?.id, 'secret-ref-syntax');
    assert.equal(r?.level, 'note');
    assert.equal(r?.message.text, 'malformed\nFix: Did you mean X?');
  });

  it('encodes paths as URI references', () => {
    const f = makeFinding('schema', { file: 'ml/my deployments/blue #1.yml', line: 1, column: 1 }, 'x');
    const uri = buildSarif([f], options).runs[0]?.results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri;
    assert.equal(uri, 'ml/my%20deployments/blue%20%231.yml');
  });
});

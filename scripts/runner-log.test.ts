import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { annotationsOf, runnerLog, unescapeCommand } from './runner-log.ts';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvIn0.c2lnbmF0dXJl';

describe('the log as the runner shows it', () => {
  // [name, stdout, options, shown]
  const cases: [string, string, Parameters<typeof runnerLog>[1], string][] = [
    ['plain lines stay', 'hello\nworld\n', {}, 'hello\nworld'],
    ['add-mask is not shown and masks later lines', `::add-mask::${JWT}\ntoken ${JWT} used\n`, {}, 'token *** used'],
    ['a mask applies only after it is registered', `before s3cr3t\n::add-mask::s3cr3t\nafter s3cr3t\n`, {}, 'before s3cr3t\nafter ***'],
    ['debug lines are hidden', '::debug::GET https://x\nvisible\n', {}, 'visible'],
    ['debug lines with step debug logging', '::debug::GET https://x\n', { stepDebug: true }, '##[debug]GET https://x'],
    ['state and output commands are never shown', '::save-state name=isPost::true\n::set-output name=a::b\nx\n', {}, 'x'],
    ['groups are folded to their title', '::group::Analyze\n1 file(s)\n::endgroup::\n::group::Report\n::endgroup::\n', {}, '▶ Analyze\n▶ Report (empty)'],
    ['expanded groups show their lines', '::group::Analyze\n1 file(s)\n::endgroup::\nafter\n', { expandGroups: true }, '▼ Analyze\n  1 file(s)\nafter'],
    ['a mask inside a group masks the folded title too', `::add-mask::s3cr3t\n::group::Deploy s3cr3t\n::endgroup::\n`, {}, '▶ Deploy *** (empty)'],
    ['annotations print as Error:/Warning:, unescaped', '::error file=a.yml,line=3,title=schema%3A bad::Unknown key.%0AFix: use x\n::warning::w\n', {}, 'Error: Unknown key.\nFix: use x\nWarning: w'],
    ['an unknown command is printed as it is', '::frobnicate::x\n', {}, '::frobnicate::x'],
  ];
  for (const [name, stdout, options, shown] of cases) it(name, () => assert.equal(runnerLog(stdout, options), shown));

  it('lists annotations with their properties, masked', () => {
    const stdout = `::add-mask::s3cr3t\n::error file=ml/d.yml,line=14,col=15,title=secret-ref-syntax%3A Malformed::bad s3cr3t%0AFix: x\n::notice::n\n`;
    assert.deepEqual(annotationsOf(stdout), [
      { severity: 'error', properties: { file: 'ml/d.yml', line: '14', col: '15', title: 'secret-ref-syntax: Malformed' }, message: 'bad ***\nFix: x' },
      { severity: 'notice', properties: {}, message: 'n' },
    ]);
  });
  it('undoes the command escapes, % last', () => assert.equal(unescapeCommand('a%25%0Ab%3Ac%2Cd%250A'), 'a%\nb:c,d%0A'));
});

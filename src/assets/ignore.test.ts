import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compileGitWildMatch, isExcluded, parseIgnoreFile } from './ignore.ts';

// Regexes as pathspec's GitWildMatchPattern builds them (azure-ai-ml vendors it), with Python's
// (?P<name>) written as JavaScript's (?<name>).
describe('compileGitWildMatch', () => {
  const table: Array<[string, string | undefined, boolean?]> = [
    ['*.log', '^(?:.+/)?[^/]*\\.log(?:(?<ps_d>/).*)?$'],
    ['build/', '^(?:.+/)?build(?<ps_d>/).*$'],
    ['/root.txt', '^root\\.txt(?:(?<ps_d>/).*)?$'],
    ['data/**/*.csv', '^data(?:/.+)?/[^/]*\\.csv(?:(?<ps_d>/).*)?$'],
    ['**/', '^.+(?<ps_d>/).*$'],
    ['**', '^.+$'],
    ['a/*', '^a/[^/]+(?:(?<ps_d>/).*)?$'],
    ['!keep.log', '^(?:.+/)?keep\\.log(?:(?<ps_d>/).*)?$', false],
    ['[!a-c]x?', '^(?:.+/)?[^a-c]x[^/](?:(?<ps_d>/).*)?$'],
    ['\\#hash', '^(?:.+/)?#hash(?:(?<ps_d>/).*)?$'],
    ['  spaced.txt  ', '^(?:.+/)?spaced\\.txt(?:(?<ps_d>/).*)?$'],
    ['# comment', undefined],
    ['', undefined],
    ['/', undefined],
    ['trailing\\', undefined],
  ];
  for (const [pattern, source, excludes = true] of table) {
    it(JSON.stringify(pattern), () => {
      const p = compileGitWildMatch(pattern);
      assert.equal(p?.regex.source, source === undefined ? undefined : new RegExp(source, 'u').source);
      if (p) assert.equal(p.excludes, excludes);
    });
  }
});

describe('isExcluded', () => {
  const rules = parseIgnoreFile('*.log\n!keep.log\nbuild/\n/top.txt\nlogs\n', '.amlignore');
  const table: Array<[string, boolean]> = [
    ['x.log', true],
    ['a/b/x.log', true],
    ['keep.log', false], // the later `!keep.log` wins (current azure-ai-ml: last match decides)
    ['sub/keep.log', false],
    ['build', false], // `build/` matches what is inside the folder, not the name alone
    ['build/out.bin', true],
    ['a/build/out.bin', true],
    ['top.txt', true],
    ['a/top.txt', false],
    ['logs', true],
    ['logs/today.txt', true],
    ['readme.md', false],
  ];
  for (const [path, excluded] of table) it(`${path} → ${excluded ? 'excluded' : 'kept'}`, () => assert.equal(isExcluded(rules, path), excluded));

  it('reads CRLF files and ignores comments and blank lines', () => {
    const crlf = parseIgnoreFile('# c\r\n\r\n*.tmp\r\n');
    assert.equal(crlf.patterns.length, 1);
    assert.equal(isExcluded(crlf, 'a.tmp'), true);
  });
});

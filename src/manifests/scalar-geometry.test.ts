import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { locateInScalar } from './scalar-geometry.ts';
import { loadYaml } from './yaml.ts';
import type { YScalar } from './tree.ts';

const REF = '${{azureml://connections/aoai/credentials/key}}';

/** The scalar value of `K` in a one-line document, as the loader builds it. */
function scalarOf(line: string): YScalar {
  const { root, findings } = loadYaml(`env:\n  K: ${line}\n`, 'd.yml');
  assert.deepEqual(findings, []);
  assert.ok(root?.kind === 'map' && root.entries[0]?.value.kind === 'map');
  const v = root.entries[0].value.entries[0]?.value;
  assert.ok(v?.kind === 'scalar');
  return v;
}

describe('locateInScalar: columns of a part of the value, through the real loader', () => {
  // [label, value as written after `  K: ` (column 6), part to find, expected start column]
  const cases: Array<[string, string, string, number]> = [
    ['plain, whole value', REF, REF, 6],
    ["'single-quoted'", `'${REF}'`, REF, 7],
    ['"double-quoted"', `"${REF}"`, REF, 7],
    ['plain, embedded after text', `Bearer ${REF}`, REF, 13],
    // The doubled quote is two columns for one character.
    ["single-quoted with ''", `'it''s ${REF}'`, REF, 7 + 6],
    // An escape is two (or six) columns for one character.
    ['double-quoted with \\t', `"\\t${REF}"`, REF, 7 + 2],
    ['double-quoted with \\u00e9', `"\\u00e9 ${REF}"`, REF, 7 + 7],
    // Every one-character escape YAML defines, then \x, \u and \U (a surrogate pair: two code units).
    ['double-quoted with every simple escape', `"\\0\\a\\b\\t\\n\\v\\f\\r\\e\\ \\"\\/\\\\\\N\\_\\L\\P ${REF}"`, REF, 7 + 35],
    ['double-quoted with \\x41 and \\U0001F600', `"\\x41\\U0001F600 ${REF}"`, REF, 7 + 15],
    ['double-quoted with \\"', `"say \\"hi\\" ${REF}"`, REF, 7 + 11],
  ];
  for (const [label, written, part, column] of cases) {
    test(label, () => {
      const s = scalarOf(written);
      assert.equal(s.value.type === 'str' && s.value.value.includes(part), true);
      const offset = s.value.type === 'str' ? s.value.value.indexOf(part) : -1;
      const at = locateInScalar(s, offset, part.length);
      assert.deepEqual(at, { line: 2, column, endLine: 2, endColumn: column + part.length });
      // The located text is the part itself, as written.
      const lineText = `  K: ${written}`;
      assert.equal(lineText.slice(at.column - 1, at.endColumn - 1).replace(/\\t/g, '\t'), part.replace(/\\t/g, '\t'));
    });
  }
  test('a part that runs past the value ends at the value', () => {
    const s = scalarOf(`'${REF}'`);
    assert.deepEqual(locateInScalar(s, 3, REF.length + 10), { line: 2, column: 10, endLine: 2, endColumn: 7 + REF.length });
    assert.deepEqual(locateInScalar(s, REF.length + 1, 2), s.span, 'a start past the value: the whole scalar');
  });
  test('a plain scalar with an inclusive end column', () => {
    const s = scalarOf(`x ${REF}`);
    const inclusive: YScalar = { ...s, span: { ...s.span, endColumn: s.span.endColumn - 1 } };
    assert.deepEqual(locateInScalar(inclusive, 2, REF.length), { line: 2, column: 8, endLine: 2, endColumn: 8 + REF.length - 1 });
  });
  test('a quoted scalar whose span does not fit its text: the whole scalar', () => {
    const s = scalarOf(`"${REF}"`);
    const odd: YScalar = { ...s, span: { ...s.span, endColumn: s.span.endColumn + 3 } };
    assert.deepEqual(locateInScalar(odd, 0, 3), odd.span);
  });
  test('not a string: the whole scalar', () => {
    const n = scalarOf('12345');
    assert.deepEqual(locateInScalar(n, 1, 2), n.span);
  });
  test('an inclusive end column is kept inclusive', () => {
    const s = scalarOf(`'x ${REF}'`);
    const inclusive: YScalar = { ...s, span: { ...s.span, endColumn: s.span.endColumn - 1 } };
    assert.deepEqual(locateInScalar(inclusive, 2, REF.length), { line: 2, column: 9, endLine: 2, endColumn: 9 + REF.length - 1 });
  });
  test('falls back to the scalar span: multi-line, override, unknown layout', () => {
    const { root } = loadYaml(`K: "${REF}\n  more"\n`, 'd.yml');
    assert.ok(root?.kind === 'map');
    const multi = root.entries[0]?.value;
    assert.ok(multi?.kind === 'scalar');
    assert.deepEqual(locateInScalar(multi, 0, REF.length), multi.span);
    const plain = scalarOf(REF);
    const over: YScalar = { ...plain, override: 'environment_variables.K' };
    assert.deepEqual(locateInScalar(over, 0, 5), plain.span);
    const odd: YScalar = { ...plain, span: { ...plain.span, endColumn: plain.span.endColumn + 5 } };
    assert.deepEqual(locateInScalar(odd, 0, 5), odd.span);
    const noRaw: YScalar = { ...scalarOf(`'${REF}'`), raw: undefined };
    assert.deepEqual(locateInScalar(noRaw, 0, 5), noRaw.span);
  });
});

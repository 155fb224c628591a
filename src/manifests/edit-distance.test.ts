import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { closest, editDistance } from './edit-distance.ts';

describe('editDistance (optimal string alignment)', () => {
  const cases: Array<[string, string, number]> = [
    ['', '', 0],
    ['', 'abc', 3],
    ['abc', '', 3],
    ['model', 'model', 0],
    ['modle', 'model', 1], // adjacent swap costs 1
    ['credential', 'credentials', 1],
    ['metdata', 'metadata', 1],
    ['target', 'tagret', 1],
    ['kitten', 'sitting', 3],
    ['ca', 'abc', 3], // OSA: no edit of an already swapped pair
    ['connections', 'connectoins', 1],
  ];
  for (const [a, b, d] of cases) {
    it(`${JSON.stringify(a)} ↔ ${JSON.stringify(b)} = ${d}`, () => {
      assert.equal(editDistance(a, b), d);
      assert.equal(editDistance(b, a), d);
    });
  }
});

describe('closest', () => {
  const keys = ['instance_type', 'instance_count', 'environment_variables', 'endpoint_name', 'model'];
  const cases = [
    ['instance_cnt', 'instance_count'],
    ['enviroment_variables', 'environment_variables'],
    ['modle', 'model'],
    ['MODEL', 'model'],
    ['xyz', undefined],
    ['endpoint', 'endpoint_name'],
    ['mod', undefined],
  ] as const;
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => assert.equal(closest(input, keys), expected));
  }
  it('nothing to choose from', () => assert.equal(closest('a', []), undefined));
});

// action.yml is the action's contract: every input it lists is read by src/inputs.ts and every
// input src/inputs.ts reads is listed; every output it lists is one src/report/outputs.ts can set,
// and the other way round; and the README's Inputs and Outputs tables name each of them.
// action.yml is read with GitHub's parser (github-parser.ts), the way the runner reads it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readInputs } from '../../src/inputs.ts';
import type { RunReport } from '../../src/report/model.ts';
import { buildOutputs } from '../../src/report/outputs.ts';
import { parseActionFile } from './github-parser.ts';

const root = new URL('../..', import.meta.url).pathname;
const parsed = await parseActionFile('action.yml', readFileSync(join(root, 'action.yml'), 'utf8'));
const declaredInputs = (parsed.template?.inputs ?? []).map((i) => i.id).sort();
const declaredOutputs = (parsed.template?.outputs ?? []).map((o) => o.id).sort();
const readme = readFileSync(join(root, 'README.md'), 'utf8');

/** Every input name readInputs asks for, over every mode (some are read only outside deploy). */
function inputsRead(): string[] {
  const names = new Set<string>();
  for (const mode of ['lint', 'validate', 'deploy', 'delete']) {
    const values: Record<string, string> = { mode, 'endpoint-file': 'e.yml' };
    readInputs((name) => {
      names.add(name);
      return values[name] ?? '';
    }, {});
  }
  return [...names].sort();
}

/** A report with everything an output can come from: every output buildOutputs can set. */
function everyOutput(): string[] {
  const report: RunReport = {
    mode: 'deploy', failOn: 'error', files: ['e.yml'], findings: [], references: [], plan: { requests: [], assets: [] }, written: 'all', timeline: [],
    endpointName: 'ep', deploymentNames: ['blue'], notes: [], changes: true, deleted: [],
    readBack: { scoringUri: 'https://ep/score', swaggerUri: 'https://ep/swagger.json', traffic: { blue: 100 }, mirrorTraffic: {}, endpointId: '/subscriptions/s/x/onlineEndpoints/ep', principalId: 'p' },
  };
  return Object.keys(buildOutputs(report, { sarifFile: '/t/f.sarif', planFile: '/t/plan.json' })).sort();
}

/** The first column of the README table under `## heading`, each backticked name in it. */
function readmeTable(heading: string): string[] {
  const section = readme.split(/^## /m).find((s) => s.startsWith(`${heading}\n`)) ?? '';
  const rows = section.split('\n').filter((l) => l.startsWith('| `'));
  return rows.flatMap((row) => [...(row.split('|')[1] ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((m) => m[1] as string)).sort();
}

describe('action.yml matches the code and the README', () => {
  it('GitHub parses action.yml', () => assert.deepEqual(parsed.errors, []));
  it('inputs: the ones src/inputs.ts reads, no more, no fewer', () => assert.deepEqual(declaredInputs, inputsRead()));
  it('outputs: the ones src/report/outputs.ts sets, no more, no fewer', () => assert.deepEqual(declaredOutputs, everyOutput()));
  it("the README's Inputs table lists every input", () => assert.deepEqual(readmeTable('Inputs'), declaredInputs));
  it("the README's Outputs table lists every output", () => assert.deepEqual(readmeTable('Outputs'), declaredOutputs));
  it('every input has a description, and no input is required (lint needs only a file)', () => {
    for (const input of parsed.template?.inputs ?? []) {
      assert.ok(input.description && input.description.length > 20, input.id);
      assert.equal(input.required ?? false, false, input.id);
    }
  });
});

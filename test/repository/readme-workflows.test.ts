// The README's example workflows are what users copy: each complete one (a ```yaml block with `on:`
// and `jobs:`) is read by GitHub's parser (github-parser.ts), the way the runner would read it, and
// the pull-request preview workflow (example 6) deploys on open and tears down on close.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseWorkflowFile } from './github-parser.ts';

const root = new URL('../..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const blocks = [...readme.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string);
const workflows = blocks.filter((b) => /^on:/m.test(b) && /^jobs:/m.test(b));

describe("the README's example workflows", () => {
  it('there are complete ones', () => assert.ok(workflows.length >= 4, String(workflows.length)));
  for (const text of workflows) {
    const name = /^name: (.+)$/m.exec(text)?.[1] ?? 'unnamed';
    it(`${name}: GitHub's parser accepts it`, async () => {
      const parsed = await parseWorkflowFile(`${name}.yml`, text);
      assert.deepEqual(parsed.errors, []);
    });
  }
  it('ml-preview deploys pr-<number> on open and push, and deletes it (force-delete) on close', () => {
    const text = workflows.find((w) => /^name: ml-preview$/m.test(w));
    assert.ok(text, 'example 6 is in the README');
    type Step = { uses?: string; with?: Record<string, unknown> };
    const doc = parse(text) as { on: { pull_request: { types: string[] } }; jobs: Record<string, { if?: string; steps: Step[] }> };
    assert.deepEqual(doc.on.pull_request.types, ['opened', 'synchronize', 'reopened', 'closed']);
    const action = (job: string) => doc.jobs[job]?.steps.find((s) => s.uses?.includes('azureml-online-deploy'))?.with ?? {};
    assert.match(String(doc.jobs.preview?.if), /github\.event\.action != 'closed'/);
    assert.match(String(doc.jobs.teardown?.if), /github\.event\.action == 'closed'/);
    assert.equal(action('preview').mode, undefined, 'deploy is the default mode');
    assert.match(String(action('preview').set), /endpoint:name=pr-\$\{\{ github\.event\.number \}\}-shop/);
    assert.equal(action('teardown').mode, 'delete');
    assert.equal(action('teardown')['force-delete'], true);
    assert.match(String(action('teardown').set), /name=pr-\$\{\{ github\.event\.number \}\}-shop/);
  });
});

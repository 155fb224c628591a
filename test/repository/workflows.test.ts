// The repository's own workflows and action.yml, read by GitHub's parser (github-parser.ts): a file
// the parser rejects is a workflow GitHub would refuse to run. Then what each workflow is for
// (issue 17 item 8): CI runs the README's test command on Node 24, check-dist compares dist/ with
// a fresh build, self-test runs the action itself (`uses: ./`, lint on examples/), CodeQL scans,
// and release moves the major tag.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { parseActionFile, parseWorkflowFile } from './github-parser.ts';

const root = new URL('../..', import.meta.url).pathname;
const workflowDir = join(root, '.github/workflows');
const workflowFiles = readdirSync(workflowDir).filter((f) => /\.ya?ml$/.test(f)).sort();

interface StepShape {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface JobShape {
  steps?: StepShape[];
  permissions?: Record<string, string>;
}
function jobsOf(file: string): JobShape[] {
  const doc = parse(readFileSync(join(workflowDir, file), 'utf8')) as { jobs: Record<string, JobShape> };
  return Object.values(doc.jobs);
}
const steps = (file: string) => jobsOf(file).flatMap((j) => j.steps ?? []);
const runs = (file: string) => steps(file).map((s) => s.run ?? '').join('\n');

describe("GitHub's parser accepts the repository's workflow files and action.yml", () => {
  it('there are workflow files', () => assert.ok(workflowFiles.length >= 5, workflowFiles.join(', ')));
  for (const file of workflowFiles) {
    it(`.github/workflows/${file}`, async () => {
      const parsed = await parseWorkflowFile(file, readFileSync(join(workflowDir, file), 'utf8'));
      assert.deepEqual(parsed.errors, []);
      assert.ok(parsed.template && parsed.template.jobs.length > 0, 'at least one job');
    });
  }
  it('action.yml', async () => {
    const parsed = await parseActionFile('action.yml', readFileSync(join(root, 'action.yml'), 'utf8'));
    assert.deepEqual(parsed.errors, []);
  });

  // The parser must be able to say no, or the cases above prove nothing.
  const broken: [string, string, RegExp][] = [
    ['an unknown job key', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n', /Unexpected value 'stepz'/],
    ['a step with both uses and run', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        run: echo\n', /./],
    ['an unknown event', 'on: pushed\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n', /./],
    ['a malformed expression', "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - if: ${{ github.event == }}\n        run: echo\n", /./],
  ];
  for (const [name, content, message] of broken) {
    it(`rejects a workflow with ${name}`, async () => {
      const parsed = await parseWorkflowFile('broken.yml', content);
      assert.ok(parsed.errors.length > 0, 'expected a parse error');
      assert.match(parsed.errors.join('\n'), message);
    });
  }
  it('rejects an action.yml without runs', async () => {
    const parsed = await parseActionFile('action.yml', "name: x\ndescription: y\n");
    assert.ok(parsed.errors.length > 0);
  });
});

describe('each workflow does its job', () => {
  const setupNode = (file: string) => steps(file).find((s) => s.uses?.startsWith('actions/setup-node@'));
  for (const file of ['ci.yml', 'check-dist.yml', 'release.yml']) {
    it(`${file} runs on Node 24 after npm ci, as .ci/run does`, () => {
      assert.equal(String(setupNode(file)?.with?.['node-version']), '24');
      assert.match(runs(file), /^npm ci\b/m);
    });
  }
  it('ci.yml runs the README test command', () => {
    assert.match(runs('ci.yml'), /^npm test$/m);
    assert.match(readFileSync(join(root, 'README.md'), 'utf8'), /npm ci && npm test/);
  });
  it('check-dist.yml rebuilds dist/ and fails on any difference', () => {
    assert.match(runs('check-dist.yml'), /^npm run package$/m);
    assert.match(runs('check-dist.yml'), /git status --porcelain -- dist\/[\s\S]*exit 1/);
  });
  it('self-test.yml runs the action itself in lint mode on examples/, passing and failing', () => {
    const own = steps('self-test.yml').filter((s) => s.uses === './');
    assert.equal(own.length, 2);
    for (const s of own) assert.equal(s.with?.mode, 'lint');
    assert.equal(own[0]?.with?.['endpoint-file'], 'examples/endpoint.yml');
    assert.equal(own[0]?.with?.['deployment-file'], 'examples/deployment.yml');
    assert.match(runs('self-test.yml'), /OUTCOME" = "failure"/);
  });
  it('codeql.yml initialises and analyses with security-events: write', () => {
    const uses = steps('codeql.yml').map((s) => s.uses ?? '');
    assert.ok(uses.some((u) => u.startsWith('github/codeql-action/init@')));
    assert.ok(uses.some((u) => u.startsWith('github/codeql-action/analyze@')));
    assert.equal(jobsOf('codeql.yml')[0]?.permissions?.['security-events'], 'write');
  });
  it('release.yml moves the major tag of a vX.Y.Z release, only after checking dist/', () => {
    const text = runs('release.yml');
    assert.match(text, /\^v\(\[0-9\]\+\)/);
    assert.ok(text.indexOf('npm run package') < text.indexOf('git push --force origin'), 'dist/ is checked before the tag moves');
    assert.equal(jobsOf('release.yml')[0]?.permissions?.contents, 'write');
  });
  it('every workflow defaults the job token to read-only contents', () => {
    for (const file of workflowFiles) {
      const doc = parse(readFileSync(join(workflowDir, file), 'utf8')) as { permissions?: Record<string, string> };
      assert.deepEqual(doc.permissions, { contents: 'read' }, file);
    }
  });
});

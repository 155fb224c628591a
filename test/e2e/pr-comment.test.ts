// End-to-end: the sticky pull-request comment, written by `node dist/index.js` through @actions/github
// to the emulator's api.github.com (the workflow of README "Pull-request lint with a sticky comment").
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse, stringify } from 'yaml';
import { admin, scenarioPath, spawnEmulator, type Emu } from '../emulator/harness.ts';
import { makeWorkspace, repoRoot, runAction, type ActionRun } from './harness.ts';

const HEAD_SHA = '0123456789abcdef0123456789abcdef01234567';
const PR = 42;

const ENDPOINT = `name: chat-endpoint
auth_mode: key
`;
const DEPLOYMENT = `name: blue
endpoint_name: chat-endpoint
model: azureml:chat-model:3
environment: azureml:chat-env:1
instance_type: Standard_DS3_v2
instance_count: 1
environment_variables:
  OPENAI_KEY: \${{azureml://connections/aoai/credentials/key}}
`;

interface StoredComment {
  id: number;
  body: string;
  user: string;
}

/** The demo scenario with 130 comments on the pull request, so the action's own comment is on page 2. */
function scenarioWithBusyPullRequest(): string {
  const scenario = parse(readFileSync(scenarioPath('demo.yml'), 'utf8')) as { github: { comments: Record<string, unknown[]> } };
  scenario.github.comments[String(PR)] = Array.from({ length: 130 }, (_, i) => ({
    id: 200 + i,
    user: i % 2 ? 'octocat' : 'hubot',
    // A reviewer quoting a marker mid-comment must not be taken for the action's comment.
    body: i === 7 ? 'as the bot said: <!-- azureml-online-deploy:sticky abc -->' : `review comment ${i}`,
  }));
  const path = join(mkdtempSync(join(tmpdir(), 'aod-scenario-')), 'busy-pr.yml');
  writeFileSync(path, stringify(scenario));
  return path;
}

function pullRequestEvent(headRepo: string, baseRepo: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'aod-event-')), 'event.json');
  writeFileSync(
    path,
    JSON.stringify({
      action: 'synchronize',
      number: PR,
      pull_request: { number: PR, head: { sha: HEAD_SHA, ref: 'feature', repo: { full_name: headRepo } }, base: { ref: 'main', repo: { full_name: baseRepo } } },
      repository: { full_name: baseRepo },
    }),
  );
  return path;
}

describe('sticky pull-request comment, end to end on the emulated api.github.com', () => {
  let emu: Emu;
  let workspace: string;

  before(async () => {
    emu = await spawnEmulator(scenarioWithBusyPullRequest());
    workspace = makeWorkspace({ 'ml/endpoint.yml': ENDPOINT, 'ml/blue.yml': DEPLOYMENT });
  });
  after(async () => emu.stop());

  const run = (runId: string, extra: { event?: string; env?: Record<string, string> } = {}): Promise<ActionRun> =>
    runAction({
      workspace,
      inputs: { mode: 'lint', 'endpoint-file': 'ml/endpoint.yml', 'deployment-file': 'ml/blue.yml', 'pr-comment': 'true', 'github-token': emu.github.token },
      env: {
        ...emu.env,
        GITHUB_REPOSITORY: emu.github.repository,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: extra.event ?? pullRequestEvent(emu.github.repository, emu.github.repository),
        GITHUB_WORKFLOW: 'ml-lint',
        GITHUB_JOB: 'lint',
        GITHUB_RUN_ID: runId,
        GITHUB_SERVER_URL: 'https://github.com',
        // The runner sets these for `uses: contoso/azureml-online-deploy@v1`: rule links point there.
        GITHUB_ACTION_REPOSITORY: 'contoso/azureml-online-deploy',
        GITHUB_ACTION_REF: 'v1',
        ...extra.env,
      },
    });
  const comments = async (): Promise<StoredComment[]> => (await admin<{ issueComments: Record<string, StoredComment[]> }>(emu, 'GET', '/state')).body.issueComments[String(PR)] ?? [];
  const own = async (): Promise<StoredComment[]> => (await comments()).filter((c) => c.body.startsWith('<!-- azureml-online-deploy:sticky '));
  const githubWrites = async (): Promise<string[]> =>
    (await admin<{ method: string; host: string; path: string }[]>(emu, 'GET', '/requests')).body.filter((r) => r.host === 'api.github.com' && r.method !== 'GET').map((r) => `${r.method} ${r.path}`);

  it('creates one comment with the verdict, linked findings, references and plan', async () => {
    await admin(emu, 'DELETE', '/requests');
    const first = await run('1001');
    assert.equal(first.code, 0, first.stdout + first.stderr);
    assert.deepEqual(await githubWrites(), [`POST /repos/${emu.github.repository}/issues/${PR}/comments`]);
    const mine = await own();
    assert.equal(mine.length, 1);
    const body = mine[0]?.body ?? '';
    assert.match(body, /✅ Passed/);
    assert.match(body, /\| `OPENAI_KEY` \| connection aoai \| credentials\/key \|/);
    assert.match(body, /`PUT` .*onlineEndpoints\/chat-endpoint/);
    assert.match(body, /actions\/runs\/1001/);
    assert.equal((await comments()).length, 131, 'the other comments are untouched');
    assert.match(first.stdout, /pr-comment: created comment \d+ on pull request #42/);
  });

  it('leaves the comment alone when a later run finds the same (its own comment is on page 2)', async () => {
    const before = await own();
    await admin(emu, 'DELETE', '/requests');
    const second = await run('1002');
    assert.equal(second.code, 0, second.stdout);
    assert.deepEqual(await githubWrites(), []);
    const pages = (await admin<{ method: string; path: string; host: string }[]>(emu, 'GET', '/requests')).body.filter((r) => r.host === 'api.github.com');
    assert.equal(pages.length, 2, 'two pages of 100 comments were read');
    assert.deepEqual(await own(), before);
    assert.match(second.stdout, /pr-comment: left comment \d+ on pull request #42 as it was/);
  });

  it('updates the same comment in place when the findings change, with links to the head commit and the rule', async () => {
    const [before] = await own();
    writeFileSync(join(workspace, 'ml/blue.yml'), DEPLOYMENT.replace('instance_type:', 'instance_typ:'));
    await admin(emu, 'DELETE', '/requests');
    const third = await run('1003');
    assert.equal(third.code, 1, 'the lint errors fail the step, not the comment');
    assert.deepEqual(await githubWrites(), [`PATCH /repos/${emu.github.repository}/issues/comments/${before?.id}`]);
    const mine = await own();
    assert.equal(mine.length, 1);
    assert.equal(mine[0]?.id, before?.id);
    const body = mine[0]?.body ?? '';
    assert.match(body, /❌ Failed/);
    assert.ok(body.includes(`(https://github.com/${emu.github.repository}/blob/${HEAD_SHA}/ml/blue.yml#L5)`), body);
    assert.ok(body.includes('[`schema`](https://github.com/contoso/azureml-online-deploy/blob/v1/docs/rules.md#schema)'), body);
    writeFileSync(join(workspace, 'ml/blue.yml'), DEPLOYMENT);
  });

  it('on a fork pull request without write permission, says so in a notice and does not fail the run', async () => {
    await admin(emu, 'POST', '/faults', { host: 'api.github.com', method: 'POST', path: '/issues/\\d+/comments$', status: 403, times: 0 });
    await admin(emu, 'POST', '/faults', { host: 'api.github.com', method: 'PATCH', path: '/issues/comments/', status: 403, times: 0 });
    try {
      const before = await comments();
      const fork = await run('1004', { event: pullRequestEvent('forker/octo-repo', emu.github.repository), env: { GITHUB_JOB: 'lint-fork' } });
      assert.equal(fork.code, 0, fork.stdout + fork.stderr);
      const notice = fork.commands.find((c) => c.command === 'notice' && c.properties.title === 'Pull-request comment not written');
      assert.match(notice?.message ?? '', /HTTP 403/);
      assert.match(notice?.message ?? '', /comes from a fork/);
      assert.match(notice?.message ?? '', /does not fail|goes on/);
      assert.deepEqual(await comments(), before);
    } finally {
      await admin(emu, 'DELETE', '/faults');
    }
  });

  it('writes no comment and sends no request when the run is not for a pull request', async () => {
    await admin(emu, 'DELETE', '/requests');
    const push = await run('1005', { event: join(makeWorkspace({ 'e.json': '{"ref":"refs/heads/main"}' }), 'e.json'), env: { GITHUB_EVENT_NAME: 'push' } });
    assert.equal(push.code, 0, push.stdout);
    assert.deepEqual((await admin<unknown[]>(emu, 'GET', '/requests')).body, []);
    assert.match(push.stdout, /pr-comment: this run is for a 'push' event, not a pull request/);
  });

  it('keeps values of the secret-set input out of the comment', async () => {
    const secret = 'hunter2-Seeded-Secret-4d2c';
    const mark = await run('1007', { env: { GITHUB_JOB: 'lint-secret', 'INPUT_SECRET-SET': `deployment:environment_variables.DB_PASSWORD=${secret}\ndeployment:instance_count=${secret}` } });
    assert.equal(mark.code, 1);
    const mine = (await own()).filter((c) => c.body.includes('instance_count=***'));
    assert.equal(mine.length, 1, 'the comment shows the finding, with the value redacted');
    assert.ok((await comments()).every((c) => !c.body.includes(secret)));
  });

  it('in validate mode: reference statuses and the live plan, and a second run leaves the comment alone', async () => {
    const validate = (runId: string) =>
      runAction({
        workspace: repoRoot,
        inputs: {
          ...emu.inputs,
          mode: 'validate',
          'endpoint-file': 'examples/endpoint.yml',
          'deployment-file': 'examples/deployment.yml',
          'grant-missing-roles': 'true',
          'pr-comment': 'true',
          'github-token': emu.github.token,
        },
        env: {
          ...emu.env,
          GITHUB_REPOSITORY: emu.github.repository,
          GITHUB_EVENT_NAME: 'pull_request',
          GITHUB_EVENT_PATH: pullRequestEvent(emu.github.repository, emu.github.repository),
          GITHUB_WORKFLOW: 'ml-validate',
          GITHUB_JOB: 'validate',
          GITHUB_RUN_ID: runId,
        },
      });
    const first = await validate('2001');
    assert.equal(first.code, 0, first.stdout + first.stderr);
    const mine = (await own()).filter((c) => c.body.includes('azureml-online-deploy · validate'));
    assert.equal(mine.length, 1);
    assert.match(mine[0]?.body ?? '', /\| `OPENAI_KEY` \| connection multi_connection_langchain \| credentials\/OPENAI_API_KEY \| ✅ pass \|/);
    assert.match(mine[0]?.body ?? '', /### Timeline/);
    await admin(emu, 'DELETE', '/requests');
    const second = await validate('2002');
    assert.equal(second.code, 0, second.stdout);
    assert.deepEqual(await githubWrites(), [], 'the timings of the second run are no change');
    assert.deepEqual((await own()).filter((c) => c.body.includes('azureml-online-deploy · validate')), mine);
  });

  it('never prints the token', async () => {
    const again = await run('1006');
    assert.ok(!again.stdout.includes(emu.github.token) && !again.stderr.includes(emu.github.token));
  });
});

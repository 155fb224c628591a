import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeFinding } from '../findings/finding.ts';
import packageJson from '../../package.json' with { type: 'json' };
import { ACTION_REPOSITORY, linksFromEnv, repositoryOf, ruleUrl, sourceUrl } from './links.ts';
import { findingRow } from './summary.ts';

const SHA = '0123456789abcdef0123456789abcdef01234567';

describe('report links', () => {
  const cases: [string, Record<string, string>, string | undefined, { rulesDoc: string; source?: string }][] = [
    ['outside Actions', {}, undefined, { rulesDoc: 'https://github.com/contoso/azureml-online-deploy/blob/main/docs/rules.md' }],
    [
      'a uses: step at a tag, on a pull request',
      { GITHUB_ACTION_REPOSITORY: 'acme/azureml-online-deploy', GITHUB_ACTION_REF: 'v1.2.0', GITHUB_REPOSITORY: 'org/repo', GITHUB_SHA: 'f'.repeat(40) },
      SHA,
      { rulesDoc: 'https://github.com/acme/azureml-online-deploy/blob/v1.2.0/docs/rules.md', source: `https://github.com/org/repo/blob/${SHA}/` },
    ],
    [
      'GitHub Enterprise Server, a push, a branch ref',
      { GITHUB_SERVER_URL: 'https://ghe.example.com/', GITHUB_ACTION_REPOSITORY: 'ml/deploy', GITHUB_ACTION_REF: 'release/2', GITHUB_REPOSITORY: 'org/repo', GITHUB_SHA: SHA },
      undefined,
      { rulesDoc: 'https://ghe.example.com/ml/deploy/blob/release/2/docs/rules.md', source: `https://ghe.example.com/org/repo/blob/${SHA}/` },
    ],
    [
      'a local action (uses: ./): the workflow repository at the commit under review',
      { GITHUB_REPOSITORY: 'fork-owner/azureml-online-deploy', GITHUB_SHA: 'f'.repeat(40), GITHUB_ACTION_PATH: '/home/runner/work/x/x/./' },
      SHA,
      { rulesDoc: `https://github.com/fork-owner/azureml-online-deploy/blob/${SHA}/docs/rules.md`, source: `https://github.com/fork-owner/azureml-online-deploy/blob/${SHA}/` },
    ],
    [
      'a local action without a commit: the branch',
      { GITHUB_REPOSITORY: 'org/repo', GITHUB_SHA: 'not-a-sha', GITHUB_REF_NAME: 'feature/x' },
      undefined,
      { rulesDoc: 'https://github.com/org/repo/blob/feature/x/docs/rules.md' },
    ],
    ['a local action, no commit, no branch', { GITHUB_REPOSITORY: 'org/repo', GITHUB_SHA: 'not-a-sha' }, undefined, { rulesDoc: 'https://github.com/org/repo/blob/main/docs/rules.md' }],
    ['an action ref that is a SHA', { GITHUB_ACTION_REPOSITORY: 'acme/aod', GITHUB_ACTION_REF: SHA }, undefined, { rulesDoc: `https://github.com/acme/aod/blob/${SHA}/docs/rules.md` }],
  ];
  for (const [name, env, headSha, expected] of cases) {
    it(`linksFromEnv: ${name}`, () => assert.deepEqual(linksFromEnv(env, headSha), expected));
  }

  it("outside Actions the home is package.json's repository, not an owner in the code", () => {
    assert.equal(ACTION_REPOSITORY, repositoryOf(packageJson.repository.url));
    assert.equal(linksFromEnv({}).rulesDoc, `https://github.com/${ACTION_REPOSITORY}/blob/main/docs/rules.md`);
  });

  const urls: [string, string | undefined][] = [
    ['git+https://github.com/acme/aod.git', 'acme/aod'],
    ['https://ghe.example.com/ml/deploy', 'ml/deploy'],
    ['git@github.com:acme/aod.git', 'acme/aod'],
    ['github:acme/aod', 'acme/aod'],
    ['not a url', undefined],
  ];
  for (const [url, expected] of urls) it(`repositoryOf(${url})`, () => assert.equal(repositoryOf(url), expected));

  it('links a rule to its section and a file line to the commit, encoding the path', () => {
    const links = linksFromEnv({ GITHUB_ACTION_REPOSITORY: 'contoso/azureml-online-deploy', GITHUB_REPOSITORY: 'org/repo' }, SHA);
    assert.equal(ruleUrl(links, 'secret-ref-syntax'), 'https://github.com/contoso/azureml-online-deploy/blob/main/docs/rules.md#secret-ref-syntax');
    assert.equal(sourceUrl(links, 'ml/my model/blue #2.yml', 4), `https://github.com/org/repo/blob/${SHA}/ml/my%20model/blue%20%232.yml#L4`);
    assert.equal(sourceUrl(links, '/etc/outside.yml', 4), undefined, 'a file outside the workspace has no link');
  });

  it('every summary row links its rule, and its place when there is a commit', () => {
    const f = makeFinding('schema', { file: 'ml/blue.yml', line: 3, column: 5 }, 'x');
    assert.equal(
      findingRow(f, linksFromEnv({ GITHUB_ACTION_REPOSITORY: 'contoso/azureml-online-deploy', GITHUB_REPOSITORY: 'org/repo' }, SHA)),
      `| ❌ error | [\`schema\`](https://github.com/contoso/azureml-online-deploy/blob/main/docs/rules.md#schema) | [\`ml/blue.yml\` 3:5](https://github.com/org/repo/blob/${SHA}/ml/blue.yml#L3) | x | Use only the keys, types and values the az ml online endpoint/deployment schema accepts. |`,
    );
    assert.match(findingRow(f, linksFromEnv({})), /\| `ml\/blue\.yml` 3:5 \|/);
  });
});

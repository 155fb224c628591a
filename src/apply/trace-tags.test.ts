import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isTraceTag, traceTags, withTraceTags } from './trace-tags.ts';

const ENV = { GITHUB_REPOSITORY: 'o/r', GITHUB_SHA: 'abc', GITHUB_WORKFLOW: 'deploy' };

describe('trace tags and skip-default-tags', () => {
  const cases: [string, { skip?: boolean } | undefined, Record<string, unknown>, Record<string, unknown>][] = [
    // name, options, body, body sent
    ['default: added, the file wins on a clash', undefined, { tags: { team: 'ml', 'deployed-by': 'me' } }, { tags: { 'deployed-by': 'me', 'github.repository': 'o/r', 'github.commit': 'abc', 'github.workflow': 'deploy', team: 'ml' } }],
    ['skip: false is the default', { skip: false }, {}, { tags: { 'deployed-by': 'azureml-online-deploy', 'github.repository': 'o/r', 'github.commit': 'abc', 'github.workflow': 'deploy' } }],
    ['skip: the file\'s own tags only', { skip: true }, { tags: { team: 'ml' } }, { tags: { team: 'ml' } }],
    ['skip: no tags key is invented', { skip: true }, { location: 'eastus' }, { location: 'eastus' }],
  ];
  for (const [name, options, body, expected] of cases) {
    it(name, () => {
      const sent = withTraceTags(body, traceTags(ENV, options));
      assert.deepEqual(sent, expected);
      if (options?.skip) assert.ok(!Object.keys((sent.tags ?? {}) as object).some((k) => isTraceTag(k) && !(k in ((body.tags ?? {}) as object))), 'no trace tag added');
    });
  }
  it('skip returns no tags whatever the environment', () => assert.deepEqual(traceTags({ ...ENV, GITHUB_RUN_ID: '7', GITHUB_SERVER_URL: 'https://github.com' }, { skip: true }), {}));
});

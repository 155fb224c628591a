import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pullRequestFromPayload } from './event.ts';

const pr = (head: unknown) => ({ pull_request: { number: 7, head: { sha: 'abc', repo: head }, base: { repo: { full_name: 'org/repo' } } } });

describe('pullRequestFromPayload', () => {
  const cases: [string, unknown, string | undefined, unknown][] = [
    ['a pull request from a branch', pr({ full_name: 'org/repo' }), 'org/repo', { owner: 'org', repo: 'repo', number: 7, headSha: 'abc', fromFork: false }],
    ['a pull request from a fork', pr({ full_name: 'someone/repo' }), 'org/repo', { owner: 'org', repo: 'repo', number: 7, headSha: 'abc', fromFork: true }],
    ['a pull request from a deleted fork', pr(null), 'org/repo', { owner: 'org', repo: 'repo', number: 7, headSha: 'abc', fromFork: true }],
    ['the repository from the payload', { ...pr({ full_name: 'org/repo' }), repository: { full_name: 'org/repo' } }, undefined, { owner: 'org', repo: 'repo', number: 7, headSha: 'abc', fromFork: false }],
    ['a push', { ref: 'refs/heads/main', repository: { full_name: 'org/repo' } }, 'org/repo', undefined],
    ['an empty payload', {}, 'org/repo', undefined],
    ['null', null, 'org/repo', undefined],
  ];
  for (const [name, payload, repository, expected] of cases) {
    it(name, () => assert.deepEqual(pullRequestFromPayload(payload, repository), expected));
  }
});

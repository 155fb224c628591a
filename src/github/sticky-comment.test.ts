import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commentMarker } from '../report/comment.ts';
import type { RunReport } from '../report/model.ts';
import { commentKey, syncStickyComment, type ExistingComment, type IssueComments } from './sticky-comment.ts';

/** An in-memory pull request that records the calls it gets. */
function fakeComments(existing: ExistingComment[], pageSize = 2): IssueComments & { calls: string[]; comments: ExistingComment[] } {
  const comments = existing.map((c) => ({ ...c }));
  const calls: string[] = [];
  return {
    calls,
    comments,
    async *pages() {
      for (let i = 0; i < comments.length; i += pageSize) {
        calls.push(`list page ${i / pageSize + 1}`);
        yield comments.slice(i, i + pageSize);
      }
    },
    async create(body) {
      calls.push('create');
      comments.push({ id: 100 + comments.length, body });
      return 100 + comments.length - 1;
    },
    async update(id, body) {
      calls.push(`update ${id}`);
      const c = comments.find((x) => x.id === id);
      if (c) c.body = body;
    },
  };
}

const footer = '<!-- azureml-online-deploy:footer -->\n---\nrun ';
const body = (content: string, run: number) => `${commentMarker('k')}\n${content}\n${footer}${run}\n`;

describe('syncStickyComment', () => {
  const others = [{ id: 1, body: 'LGTM' }, { id: 2, body: null }, { id: 3, body: 'nit' }];

  it('creates the comment when there is none', async () => {
    const api = fakeComments(others);
    assert.deepEqual(await syncStickyComment(api, 'k', body('A', 1)), { action: 'created', id: 103 });
    assert.deepEqual(api.calls, ['list page 1', 'list page 2', 'create']);
  });

  it('updates its own comment in place when the content changed, and stops reading pages there', async () => {
    const api = fakeComments([...others, { id: 9, body: body('A', 1) }, { id: 10, body: 'later' }, { id: 11, body: 'later' }]);
    assert.deepEqual(await syncStickyComment(api, 'k', body('B', 2)), { action: 'updated', id: 9 });
    assert.deepEqual(api.calls, ['list page 1', 'list page 2', 'update 9']);
    assert.equal(api.comments.find((c) => c.id === 9)?.body, body('B', 2));
  });

  it('leaves it alone when only the footer (the run) differs', async () => {
    const api = fakeComments([...others, { id: 9, body: body('A', 1) }]);
    assert.deepEqual(await syncStickyComment(api, 'k', body('A', 2)), { action: 'unchanged', id: 9 });
    assert.deepEqual(api.calls, ['list page 1', 'list page 2']);
  });
});

describe('commentKey', () => {
  const base: Pick<RunReport, 'files' | 'endpointName'> = { files: ['ml/e.yml', 'ml/blue.yml'], endpointName: 'ep' };
  const env = { GITHUB_WORKFLOW: 'ml', GITHUB_JOB: 'lint' };
  it('is stable for the same job and files, and differs for another job, endpoint or file set', () => {
    assert.equal(commentKey(base, env), commentKey({ ...base }, { ...env }));
    assert.match(commentKey(base, env), /^[0-9a-f]{16}$/);
    assert.notEqual(commentKey(base, env), commentKey(base, { ...env, GITHUB_JOB: 'validate' }));
    assert.notEqual(commentKey(base, env), commentKey({ ...base, endpointName: 'other' }, env));
    assert.notEqual(commentKey(base, env), commentKey({ ...base, files: ['ml/e.yml'] }, env));
  });
});

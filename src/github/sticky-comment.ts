// The sticky pull-request comment (`pr-comment: true`): one comment per workflow job and set of files,
// found again by its hidden marker, updated in place, and left alone when its content is unchanged.
// It goes through @actions/github (Octokit with the runner's proxy settings), loaded only when the
// input asks for a comment. It never fails the run: without write permission (a pull request from a
// fork gets a read-only GITHUB_TOKEN) the step says so in a notice and goes on.
// REST: https://docs.github.com/rest/issues/comments
import { createHash } from 'node:crypto';
import * as core from '@actions/core';
import { findOwnComment, renderComment, sameContent } from '../report/comment.ts';
import type { ReportLinks } from '../report/links.ts';
import type { RunReport } from '../report/model.ts';
import type { PullRequestRef } from './event.ts';

export interface ExistingComment {
  id: number;
  body?: string | null;
}

/** The three calls a sticky comment needs, on one pull request. */
export interface IssueComments {
  /** The PR's comments, page by page, oldest first. */
  pages(): AsyncIterable<readonly ExistingComment[]>;
  create(body: string): Promise<number>;
  update(id: number, body: string): Promise<void>;
}

export type CommentAction = 'created' | 'updated' | 'unchanged';

/** Finds this job's comment (stopping at the page that has it) and creates, updates or leaves it. */
export async function syncStickyComment(api: IssueComments, key: string, body: string): Promise<{ action: CommentAction; id: number }> {
  for await (const page of api.pages()) {
    const own = findOwnComment(page, key);
    if (!own) continue;
    if (sameContent(own.body ?? '', body)) return { action: 'unchanged', id: own.id };
    await api.update(own.id, body);
    return { action: 'updated', id: own.id };
  }
  return { action: 'created', id: await api.create(body) };
}

export async function octokitIssueComments(token: string, pr: PullRequestRef): Promise<IssueComments> {
  const { getOctokit } = await import('@actions/github');
  const octokit = getOctokit(token);
  const where = { owner: pr.owner, repo: pr.repo };
  return {
    async *pages() {
      for await (const response of octokit.paginate.iterator(octokit.rest.issues.listComments, { ...where, issue_number: pr.number, per_page: 100 })) {
        yield response.data;
      }
    },
    create: async (body) => (await octokit.rest.issues.createComment({ ...where, issue_number: pr.number, body })).data.id,
    update: async (id, body) => {
      await octokit.rest.issues.updateComment({ ...where, comment_id: id, body });
    },
  };
}

/** One comment per workflow, job, endpoint and file set: matrix jobs over other files get their own. */
export function commentKey(report: Pick<RunReport, 'files' | 'endpointName'>, env: Record<string, string | undefined>): string {
  const identity = [env.GITHUB_WORKFLOW ?? '', env.GITHUB_JOB ?? '', report.endpointName ?? '', ...report.files].join('\n');
  return createHash('sha256').update(identity).digest('hex').slice(0, 16);
}

export interface PrCommentSettings {
  token?: string;
  pr?: PullRequestRef;
  links: ReportLinks;
  env: Record<string, string | undefined>;
  /** Injected by tests; the Octokit adapter otherwise. */
  api?: IssueComments;
}

export async function publishPrComment(report: RunReport, settings: PrCommentSettings): Promise<CommentAction | 'skipped'> {
  const { pr, token, env } = settings;
  if (!pr) {
    core.info(`pr-comment: this run is for a '${env.GITHUB_EVENT_NAME ?? 'unknown'}' event, not a pull request; no comment is written.`);
    return 'skipped';
  }
  if (!token && !settings.api) {
    core.notice('pr-comment: no GitHub token, so no pull-request comment was written. Leave the github-token input at its default (the job token) or pass a token that may write pull-request comments.', { title: 'Pull-request comment not written' });
    return 'skipped';
  }
  const runUrl = env.GITHUB_RUN_ID && env.GITHUB_REPOSITORY ? `${(env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '')}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : undefined;
  const key = commentKey(report, env);
  const body = renderComment(report, { key, links: settings.links, runUrl });
  try {
    const api = settings.api ?? (await octokitIssueComments(token ?? '', pr));
    const { action, id } = await syncStickyComment(api, key, body);
    core.info(`pr-comment: ${action === 'unchanged' ? 'left comment' : `${action} comment`} ${id} on pull request #${pr.number}${action === 'unchanged' ? ' as it was (nothing changed)' : ''}.`);
    return action;
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.length > 300 ? `${message.slice(0, 300)}…` : message;
    if (status === 401 || status === 403 || status === 404) {
      core.notice(permissionNotice(pr, status, reason), { title: 'Pull-request comment not written' });
    } else {
      core.warning(`pr-comment: the pull-request comment could not be written (${reason}). The job summary has the same content.`, { title: 'Pull-request comment not written' });
    }
    return 'skipped';
  }
}

function permissionNotice(pr: PullRequestRef, status: number, reason: string): string {
  const why = pr.fromFork
    ? 'This pull request comes from a fork, and GitHub gives workflows of fork pull requests a read-only token.'
    : status === 401
      ? 'GitHub refused the token.'
      : 'The token may not write pull-request comments: give the job `permissions: pull-requests: write`, or pass a token that may as `github-token`.';
  return `pr-comment: no pull-request comment was written (HTTP ${status}: ${reason}). ${why} The run goes on; the job summary has the same content.`;
}

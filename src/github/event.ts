// The pull request a run is for, read from the event payload the runner writes (GITHUB_EVENT_PATH):
// `pull_request` and `pull_request_target` events carry it; other events have none.
// https://docs.github.com/webhooks/webhook-events-and-payloads#pull_request
import { existsSync, readFileSync } from 'node:fs';

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  /** The PR's head commit: file links point there (GITHUB_SHA is a merge commit that may disappear). */
  headSha: string;
  /** The head branch lives in another repository: a `pull_request` run then gets a read-only token. */
  fromFork: boolean;
}

export function pullRequestOf(env: Record<string, string | undefined>): PullRequestRef | undefined {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
  return pullRequestFromPayload(payload, env.GITHUB_REPOSITORY);
}

interface PayloadShape {
  pull_request?: { number?: unknown; head?: { sha?: unknown; repo?: { full_name?: unknown } | null }; base?: { repo?: { full_name?: unknown } } };
  repository?: { full_name?: unknown };
}

export function pullRequestFromPayload(payload: unknown, repository?: string): PullRequestRef | undefined {
  const pr = (payload as PayloadShape | null)?.pull_request;
  if (!pr || typeof pr.number !== 'number') return undefined;
  const fullName = repository || String((payload as PayloadShape).repository?.full_name ?? '');
  const [owner, repo] = fullName.split('/');
  if (!owner || !repo) return undefined;
  const base = String(pr.base?.repo?.full_name ?? fullName);
  const head = pr.head?.repo?.full_name;
  return {
    owner,
    repo,
    number: pr.number,
    headSha: typeof pr.head?.sha === 'string' ? pr.head.sha : '',
    // A deleted fork has head.repo null: still a fork.
    fromFork: typeof head !== 'string' || head.toLowerCase() !== base.toLowerCase(),
  };
}

// Where the report's links point: each rule id to its section of docs/rules.md (in the repository
// the action runs from, at the version the workflow runs), and each file:line to the commit under review.
// Pure: the runner's environment comes in as a plain object.
import packageJson from '../../package.json' with { type: 'json' };
import type { RuleId } from '../findings/rules.ts';

/**
 * The action's home for runs that say nothing of where the action came from (local runs outside
 * Actions): package.json's `repository`, so a fork changes it in one place, not in the code.
 */
export const ACTION_REPOSITORY = repositoryOf(packageJson.repository?.url ?? '') ?? 'azureml-online-deploy/azureml-online-deploy';

/** `owner/name` of a GitHub repository URL (`git+https://github.com/owner/name.git`, `github:owner/name`). */
export function repositoryOf(url: string): string | undefined {
  const m = /^(?:git\+)?(?:https?:\/\/[^/]+\/|git@[^:]+:|github:)([^/\s]+)\/([^/\s]+?)(?:\.git)?\/?$/.exec(url.trim());
  return m ? `${m[1]}/${m[2]}` : undefined;
}

export interface ReportLinks {
  /** docs/rules.md of the running version, e.g. https://github.com/contoso/azureml-online-deploy/blob/v1/docs/rules.md */
  rulesDoc: string;
  /** Prefix of a file at the commit under review, e.g. https://github.com/org/repo/blob/<sha>/; absent: no file links. */
  source?: string;
}

/** GitHub's heading anchors: lower case, spaces to hyphens, punctuation other than - and _ dropped. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, '')
    .replace(/ /g, '-');
}

export function ruleUrl(links: ReportLinks, rule: RuleId): string {
  return `${links.rulesDoc}#${anchorOf(rule)}`;
}

/** A link to a line of a workspace file at the reviewed commit, or undefined when there is no commit. */
export function sourceUrl(links: ReportLinks, file: string, line: number): string | undefined {
  if (!links.source || file.startsWith('../') || file.startsWith('/')) return undefined;
  return `${links.source}${encodePath(file)}#L${line}`;
}

/**
 * Where the running action's docs/rules.md is. GITHUB_ACTION_REPOSITORY / GITHUB_ACTION_REF name
 * the action a `uses: owner/repo@ref` step runs (https://docs.github.com/actions/reference/variables-reference).
 * A local action (`uses: ./`) has neither (actions/runner#585): its code is the workflow's own
 * repository at the commit under review. Outside Actions, package.json's repository at `main`.
 * `headSha` is the pull request's head commit when there is one (GITHUB_SHA is then a merge commit
 * that may disappear).
 */
export function linksFromEnv(env: Record<string, string | undefined>, headSha?: string): ReportLinks {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const sha = headSha || env.GITHUB_SHA;
  const commit = sha && /^[0-9a-f]{40}$/i.test(sha) ? sha : undefined;
  const home = env.GITHUB_ACTION_REPOSITORY
    ? { repository: env.GITHUB_ACTION_REPOSITORY, ref: env.GITHUB_ACTION_REF || 'main' }
    : env.GITHUB_REPOSITORY
      ? { repository: env.GITHUB_REPOSITORY, ref: commit ?? env.GITHUB_REF_NAME ?? 'main' }
      : { repository: ACTION_REPOSITORY, ref: 'main' };
  const links: ReportLinks = { rulesDoc: `${server}/${home.repository}/blob/${encodePath(home.ref)}/docs/rules.md` };
  if (env.GITHUB_REPOSITORY && commit) links.source = `${server}/${env.GITHUB_REPOSITORY}/blob/${commit}/`;
  return links;
}

/** Each path segment percent-encoded, the slashes kept: a URI path from a file path. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

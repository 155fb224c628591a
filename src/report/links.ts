// Where the report's links point: each rule id to its section of docs/rules.md (in the action's own
// repository, at the version the workflow runs), and each file:line to the commit under review.
// Pure: the runner's environment comes in as a plain object.
import type { RuleId } from '../findings/rules.ts';

/** The action's home, for runs that do not say where the action came from (local runs, `uses: ./`). */
export const ACTION_REPOSITORY = 'contoso/azureml-online-deploy';

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
 * GITHUB_ACTION_REPOSITORY / GITHUB_ACTION_REF name the action a `uses:` step runs
 * (https://docs.github.com/actions/reference/variables-reference); `headSha` is the pull request's
 * head commit when there is one (GITHUB_SHA is then a merge commit that may disappear).
 */
export function linksFromEnv(env: Record<string, string | undefined>, headSha?: string): ReportLinks {
  const server = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const actionRepository = env.GITHUB_ACTION_REPOSITORY || ACTION_REPOSITORY;
  const actionRef = env.GITHUB_ACTION_REF || 'main';
  const links: ReportLinks = { rulesDoc: `${server}/${actionRepository}/blob/${encodePath(actionRef)}/docs/rules.md` };
  const sha = headSha || env.GITHUB_SHA;
  if (env.GITHUB_REPOSITORY && sha && /^[0-9a-f]{40}$/i.test(sha)) links.source = `${server}/${env.GITHUB_REPOSITORY}/blob/${sha}/`;
  return links;
}

/** Each path segment percent-encoded, the slashes kept: a URI path from a file path. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

// Pure: traceability tags on the endpoint and the deployment (docs/rollout.md §1), so that anyone
// looking at them in Azure finds the repository, commit, workflow and run that deployed them.
// They are ignored when deciding whether anything changed: a re-run of the same inputs stays a
// no-op, and the tags keep naming the run that made the change. `skip-default-tags: true` turns them
// off (the file's own `tags:` are still sent), like deploy-cloudrun's `skip_default_labels`.

export const TRACE_TAG_PREFIX = 'github.';

export interface TraceTagOptions {
  /** The `skip-default-tags` input: no trace tags at all. */
  skip?: boolean;
}

/** From the runner's default variables (https://docs.github.com/actions/reference/variables-reference). */
export function traceTags(env: Record<string, string | undefined>, options: TraceTagOptions = {}): Record<string, string> {
  if (options.skip) return {};
  const tags: Record<string, string> = { 'deployed-by': 'azureml-online-deploy' };
  const set = (key: string, value: string | undefined) => {
    if (value) tags[`${TRACE_TAG_PREFIX}${key}`] = value.slice(0, 256);
  };
  set('repository', env.GITHUB_REPOSITORY);
  set('commit', env.GITHUB_SHA);
  set('workflow', env.GITHUB_WORKFLOW_REF ?? env.GITHUB_WORKFLOW);
  if (env.GITHUB_SERVER_URL && env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID) {
    set('run', `${env.GITHUB_SERVER_URL}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}${env.GITHUB_RUN_ATTEMPT ? `/attempts/${env.GITHUB_RUN_ATTEMPT}` : ''}`);
  }
  return tags;
}

export function isTraceTag(key: string): boolean {
  return key === 'deployed-by' || key.startsWith(TRACE_TAG_PREFIX);
}

/** The body with the trace tags added to its `tags` (the file's own tags win on a clash); no tags: the body as it is. */
export function withTraceTags<T extends Record<string, unknown>>(body: T, tags: Record<string, string>): T {
  if (Object.keys(tags).length === 0) return body;
  const own = (body.tags ?? {}) as Record<string, string>;
  return { ...body, tags: { ...tags, ...own } };
}

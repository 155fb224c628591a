// api.github.com: the issue-comment calls a sticky pull-request comment needs, with token auth and Link paging.
import type { Ctx } from './context.ts';
import { bearerToken, json, parseJsonBody, queryGet } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';

const DOCS = 'https://docs.github.com/rest';

function comment(ctx: Ctx, issue: string, c: { id: number; body: string; user: string; created_at: string; updated_at: string }): Record<string, unknown> {
  const repo = ctx.world.scenario.github.repository;
  const bot = c.user.endsWith('[bot]');
  return {
    url: `https://api.github.com/repos/${repo}/issues/comments/${c.id}`, html_url: `https://github.com/${repo}/pull/${issue}#issuecomment-${c.id}`,
    issue_url: `https://api.github.com/repos/${repo}/issues/${issue}`, id: c.id, node_id: `IC_kwDO${c.id}`,
    user: { login: c.user, id: bot ? 41898282 : 583231, type: bot ? 'Bot' : 'User' }, created_at: c.created_at, updated_at: c.updated_at,
    author_association: bot ? 'NONE' : 'OWNER', body: c.body, reactions: { total_count: 0 }, performed_via_github_app: null,
  };
}

export function handleGithub(ctx: Ctx, req: EmuRequest): EmuResponse {
  const w = ctx.world;
  if (bearerToken(req) !== w.scenario.github.apiToken) return json(401, { message: 'Bad credentials', documentation_url: DOCS, status: '401' });
  const segs = req.path.split('/').filter(Boolean);
  const notFound = json(404, { message: 'Not Found', documentation_url: DOCS, status: '404' });
  if (segs[0] !== 'repos' || `${segs[1] ?? ''}/${segs[2] ?? ''}`.toLowerCase() !== w.scenario.github.repository.toLowerCase()) return notFound;
  const repo = w.scenario.github.repository;
  if (segs.length === 3 && req.method === 'GET') return json(200, { id: 2000002, name: segs[2], full_name: repo, private: true, default_branch: 'main' });
  // /repos/o/r/issues/{n}/comments
  if (segs[3] === 'issues' && segs[5] === 'comments' && segs.length === 6) {
    const issue = segs[4] ?? '';
    const list = w.issueComments.get(issue) ?? [];
    if (req.method === 'GET') {
      const perPage = Math.max(1, Math.min(100, Number(queryGet(req, 'per_page') ?? 30) || 30));
      const page = Math.max(1, Number(queryGet(req, 'page') ?? 1) || 1);
      const last = Math.max(1, Math.ceil(list.length / perPage));
      const url = (p: number): string => `https://api.github.com/repos/${repo}/issues/${issue}/comments?per_page=${perPage}&page=${p}`;
      const links: string[] = [];
      if (page < last) links.push(`<${url(page + 1)}>; rel="next"`, `<${url(last)}>; rel="last"`);
      if (page > 1) links.push(`<${url(1)}>; rel="first"`, `<${url(page - 1)}>; rel="prev"`);
      return json(200, list.slice((page - 1) * perPage, page * perPage).map((c) => comment(ctx, issue, c)), links.length ? { Link: links.join(', ') } : {});
    }
    if (req.method === 'POST') {
      const b = parseJsonBody(req);
      const body = b.ok && typeof b.value === 'object' && b.value !== null ? (b.value as Record<string, unknown>)['body'] : undefined;
      if (typeof body !== 'string') return json(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: DOCS, status: '422' });
      const now = new Date().toISOString();
      const c = { id: w.nextCommentId++, body, user: 'github-actions[bot]', created_at: now, updated_at: now };
      w.issueComments.set(issue, [...list, c]);
      return json(201, comment(ctx, issue, c));
    }
    return notFound;
  }
  // /repos/o/r/issues/comments/{id}
  if (segs[3] === 'issues' && segs[4] === 'comments' && segs.length === 6) {
    const id = Number(segs[5]);
    for (const [issue, list] of w.issueComments) {
      const c = list.find((x) => x.id === id);
      if (!c) continue;
      if (req.method === 'GET') return json(200, comment(ctx, issue, c));
      if (req.method === 'DELETE') {
        w.issueComments.set(issue, list.filter((x) => x !== c));
        return { status: 204 };
      }
      if (req.method === 'PATCH') {
        const b = parseJsonBody(req);
        const body = b.ok && typeof b.value === 'object' && b.value !== null ? (b.value as Record<string, unknown>)['body'] : undefined;
        if (typeof body !== 'string') return json(422, { message: 'Invalid request.\n\n"body" wasn\'t supplied.', documentation_url: DOCS, status: '422' });
        c.body = body;
        c.updated_at = new Date().toISOString();
        return json(200, comment(ctx, issue, c));
      }
    }
    return notFound;
  }
  return notFound;
}

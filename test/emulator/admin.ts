// Admin API on loopback (documented in README.md "Admin API"). Secret values never appear here except
// under `containerEnvironment` (what a deployment's container received after injection).
import type { Ctx } from './context.ts';
import type { FaultBook } from './faults.ts';
import { json, parseJsonBody, queryGet } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';
import { issueIdToken } from './oidc.ts';
import { deploymentResource, endpointResource } from './online.ts';
import { roleAssignmentResource } from './authorization-api.ts';
import { parseCreated, parseKnobs } from './scenario.ts';

export interface LogEntry { method: string; host: string; path: string; status: number; time: string; durationMs: number; fault?: string }

export interface AdminDeps {
  ctx: () => Ctx;
  faults: FaultBook;
  log: LogEntry[];
  reset: () => void;
}

function state(ctx: Ctx): Record<string, unknown> {
  const w = ctx.world;
  return {
    tenantId: w.scenario.tenantId,
    subscriptionId: w.scenario.subscriptionId,
    workspaceId: w.workspaceId,
    principals: [...w.principals.values()].map((p) => ({ objectId: p.objectId, type: p.type, displayName: p.displayName, clientId: p.clientId ?? null, origin: p.origin, memberOf: p.memberOf, federatedCredentialSubjects: p.federatedCredentials.map((f) => f.subject) })),
    roleAssignments: w.roleAssignments.map((a) => ({ ...roleAssignmentResource(w, a), roleName: w.roleDefinitions.get(a.roleDefinitionId)?.roleName ?? null })),
    roleDefinitions: [...w.roleDefinitions.values()].map((r) => ({ id: r.id, roleName: r.roleName, type: r.roleType })),
    connections: [...w.connections.values()].map((c) => ({ name: c.name, category: c.category, authType: c.authType, target: c.target ?? null, metadataKeys: Object.keys(c.metadata), credentialKeys: Object.keys((c.authType === 'CustomKeys' ? (c.credentials?.['keys'] as Record<string, unknown> | undefined) : c.credentials) ?? {}) })),
    keyVaults: [...w.vaults.values()].map((v) => ({ name: v.name, id: w.vaultId(v), permissionModel: v.permissionModel, secrets: v.secrets.map((s) => ({ name: s.name, versions: s.versions.map((x) => ({ version: x.version, enabled: x.enabled, nbf: x.nbf ?? null, exp: x.exp ?? null })) })) })),
    assets: [...w.assets.values()].map((a) => ({ kind: a.kind, name: a.name, version: a.version, id: a.id })),
    blobs: [...w.blobs.entries()].map(([k, b]) => ({ path: k, size: b.data.length })),
    onlineEndpoints: [...w.endpoints.values()].map((e) => ({
      ...endpointResource(e),
      deployments: [...e.deployments.values()].map((d) => ({ ...deploymentResource(d), containerEnvironment: d.containerEnvironment ?? null })),
    })),
    operations: [...w.operations.values()].map((o) => ({ id: o.id, kind: o.kind, resourceId: o.resourceId, status: o.status, startTime: o.startTime, endTime: o.endTime ?? null, pollsLeft: o.pollsLeft, error: o.result.status === 'Failed' ? o.result.error : null, causes: o.result.status === 'Failed' ? o.result.causes ?? null : null })),
    issueComments: Object.fromEntries(w.issueComments),
    knobs: w.knobs,
  };
}

export function handleAdmin(deps: AdminDeps, req: EmuRequest): EmuResponse | undefined {
  const ctx = deps.ctx();
  const p = req.path.replace(/\/$/, '') || '/';
  const body = (): Record<string, unknown> => {
    const b = parseJsonBody(req);
    if (!b.ok) throw new Error('body is not JSON');
    return typeof b.value === 'object' && b.value !== null ? (b.value as Record<string, unknown>) : {};
  };
  try {
    if (p === '/state' && req.method === 'GET') return json(200, state(ctx));
    if (p === '/requests' && req.method === 'GET') return json(200, deps.log);
    if (p === '/requests' && req.method === 'DELETE') {
      deps.log.length = 0;
      return { status: 204 };
    }
    if (p === '/faults' && req.method === 'GET') return json(200, deps.faults.faults);
    if (p === '/faults' && req.method === 'POST') {
      const b = parseJsonBody(req);
      const items = b.ok && Array.isArray(b.value) ? b.value : [b.ok ? b.value : undefined];
      return json(201, items.map((i) => deps.faults.add(i)));
    }
    if (p === '/faults' && req.method === 'DELETE') {
      deps.faults.faults = [];
      return { status: 204 };
    }
    if (p === '/reset' && req.method === 'POST') {
      deps.reset();
      return json(200, { reset: true });
    }
    if (p === '/knobs' && req.method === 'GET') return json(200, ctx.world.knobs);
    if (p === '/knobs' && req.method === 'PATCH') {
      ctx.world.knobs = parseKnobs(body(), 'knobs', ctx.world.knobs);
      return json(200, ctx.world.knobs);
    }
    if (p === '/role-assignments' && req.method === 'POST') {
      const b = body();
      const w = ctx.world;
      const principal = w.findPrincipal(String(b['principal'] ?? ''));
      const role = w.findRole(String(b['role'] ?? ''));
      if (!principal || !role) return json(400, { error: `unknown ${principal ? 'role' : 'principal'}` });
      // `created` (ISO, unix seconds, or `now`: the default, the time of this request): an admin grant is new unless the test backdates it.
      const c = b['created'] === undefined ? 'now' : parseCreated(b['created'], 'created');
      const createdAt = c === 'now' ? Date.now() : c * 1000;
      const rec = w.addAssignment({ principalId: principal.objectId, principalType: principal.type, roleGuid: role.id, scope: w.resolveScope(String(b['scope'] ?? 'workspace')), condition: typeof b['condition'] === 'string' ? b['condition'] : undefined, conditionHolds: b['conditionHolds'] === true, createdBy: 'admin', createdAt, effectiveFrom: w.propagatedAt(createdAt) });
      return json(201, roleAssignmentResource(w, rec));
    }
    if (p.startsWith('/role-assignments/') && req.method === 'DELETE') {
      const name = p.split('/').at(-1)?.toLowerCase();
      ctx.world.roleAssignments = ctx.world.roleAssignments.filter((a) => a.name !== name);
      return { status: 204 };
    }
    if (p === '/id-token' && req.method === 'GET') return json(200, { value: issueIdToken(ctx, queryGet(req, 'audience') ?? 'api://AzureADTokenExchange') });
    if (p === '/healthz') return json(200, { ok: true });
  } catch (e) {
    return json(400, { error: (e as Error).message });
  }
  return undefined;
}

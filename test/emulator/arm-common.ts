// Shared ARM helpers: error shapes, the per-call context, action derivation for RBAC.
import { randomUUID } from 'node:crypto';
import type { Ctx } from './context.ts';
import { json } from './http.ts';
import type { EmuRequest, EmuResponse } from './http.ts';
import { evaluate } from './rbac.ts';
import type { Decision } from './rbac.ts';
import type { PrincipalRec } from './state.ts';

export interface ArmCall {
  ctx: Ctx;
  req: EmuRequest;
  principal: PrincipalRec;
  /** Path segments (original casing). */
  segs: string[];
  /** Route parameters in order. */
  params: string[];
  apiVersion: string;
  /** https://management.azure.com (or the sovereign host the call came to). */
  base: string;
}

export function armError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): EmuResponse {
  return json(status, { error: { code, message, ...extra } });
}

export function armHeaders(): Record<string, string> {
  const id = randomUUID();
  return { 'x-ms-request-id': id, 'x-ms-correlation-request-id': id, 'x-ms-routing-request-id': `EMULATOR:${new Date().toISOString().replace(/[-:.]/g, '')}:${id.slice(0, 8)}` };
}

export function notFound(type: string, name: string, rg?: string): EmuResponse {
  return armError(404, 'ResourceNotFound', rg
    ? `The Resource '${type}/${name}' under resource group '${rg}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`
    : `The Resource '${type}/${name}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
}

export function badRequest(message: string, code = 'BadArgument'): EmuResponse {
  return armError(400, code, message);
}

export interface DerivedAction { action: string; scope: string }

/**
 * Maps an ARM request to the RBAC operation it needs, the way ARM derives it from the resource
 * type: GET → read, PUT/PATCH → write, DELETE → delete, POST .../{verb} → {verb}/action.
 */
export function deriveAction(method: string, segs: string[]): DerivedAction {
  let i = -1;
  for (let k = segs.length - 2; k >= 0; k--) if (segs[k]?.toLowerCase() === 'providers') { i = k; break; }
  const m = method.toUpperCase();
  const crud = m === 'GET' || m === 'HEAD' ? 'read' : m === 'DELETE' ? 'delete' : 'write';
  if (i < 0) {
    // subscriptions/{s}[/resourceGroups/{rg}]
    const scope = '/' + segs.join('/');
    if (segs.length >= 3) return { action: `Microsoft.Resources/subscriptions/resourceGroups/${crud}`, scope };
    return { action: `Microsoft.Resources/subscriptions/${crud}`, scope };
  }
  const ns = segs[i + 1] ?? '';
  const rest = segs.slice(i + 2);
  const types: string[] = [];
  for (let k = 0; k < rest.length; k += 2) types.push(rest[k] ?? '');
  if (rest.length % 2 === 1) {
    if (m === 'POST' && rest.length >= 3) {
      const verb = types.pop() ?? '';
      return { action: [ns, ...types, verb, 'action'].join('/'), scope: '/' + segs.slice(0, -1).join('/') };
    }
    return { action: [ns, ...types, m === 'POST' ? 'action' : crud].join('/'), scope: '/' + segs.slice(0, -1).join('/') };
  }
  return { action: [ns, ...types, m === 'POST' ? 'action' : crud].join('/'), scope: '/' + segs.join('/') };
}

export function decide(ctx: Ctx, principalId: string, action: string, scope: string, dataAction = false): Decision {
  const w = ctx.world;
  return evaluate(w.principalAndGroups(principalId), w.roleAssignments, (g) => w.roleDefinitions.get(g), action, scope, dataAction);
}

export function authorizationFailed(p: PrincipalRec, action: string, scope: string): EmuResponse {
  const client = p.clientId ?? p.objectId;
  return armError(403, 'AuthorizationFailed', `The client '${client}' with object id '${p.objectId}' does not have authorization to perform action '${action}' over scope '${scope}' or the scope is invalid. If access was recently granted, please refresh your credentials.`);
}

export type ParsedBody = { ok: true; body: Record<string, unknown> } | { ok: false; res: EmuResponse };

export function parseArmBody(req: EmuRequest): ParsedBody {
  if (req.body.length === 0) return { ok: true, body: {} };
  try {
    const v = JSON.parse(req.body.toString('utf8')) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, res: badRequest('The request content must be a JSON object.', 'InvalidRequestContent') };
    return { ok: true, body: v as Record<string, unknown> };
  } catch (e) {
    return { ok: false, res: badRequest(`The request content was invalid and could not be deserialized: '${(e as Error).message}'.`, 'InvalidRequestContent') };
  }
}

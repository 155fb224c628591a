// Fault injection: 429 with Retry-After, 5xx, connection resets and latency, matched by host and path pattern.
import { randomUUID } from 'node:crypto';
import type { EmuRequest, EmuResponse } from './http.ts';

export interface Fault {
  id: string;
  /** Exact host or a glob such as `*.vault.azure.net`; absent = any host. */
  host?: string;
  /** Regular expression tested against the path (case-insensitive); absent = any path. */
  path?: string;
  method?: string;
  /** HTTP status to answer with (e.g. 429, 503). */
  status?: number;
  /** Retry-After header value in seconds (sent with any status). */
  retryAfter?: number;
  /** Destroy the connection instead of answering. */
  reset?: boolean;
  /** Delay before answering (alone: the request then proceeds normally). */
  latencyMs?: number;
  /** How many matching requests it applies to (default 1; 0 = unlimited). */
  times: number;
  hits: number;
}

export class FaultBook {
  faults: Fault[] = [];

  add(input: unknown): Fault {
    if (typeof input !== 'object' || input === null) throw new Error('fault must be a JSON object');
    const o = input as Record<string, unknown>;
    const f: Fault = { id: randomUUID(), times: 1, hits: 0 };
    if (o['host'] !== undefined) f.host = String(o['host']).toLowerCase();
    if (o['path'] !== undefined) {
      f.path = String(o['path']);
      new RegExp(f.path, 'i'); // validate now, fail loudly
    }
    if (o['method'] !== undefined) f.method = String(o['method']).toUpperCase();
    if (o['status'] !== undefined) f.status = Number(o['status']);
    if (o['retryAfter'] !== undefined) f.retryAfter = Number(o['retryAfter']);
    if (o['reset'] !== undefined) f.reset = o['reset'] === true;
    if (o['latencyMs'] !== undefined) f.latencyMs = Number(o['latencyMs']);
    if (o['times'] !== undefined) f.times = Number(o['times']);
    if (f.status === undefined && !f.reset && f.latencyMs === undefined) throw new Error('fault needs status, reset or latencyMs');
    this.faults.push(f);
    return f;
  }

  /** Finds the first live matching fault and consumes one use of it. */
  take(req: EmuRequest): Fault | undefined {
    for (const f of this.faults) {
      if (f.times !== 0 && f.hits >= f.times) continue;
      if (f.method && f.method !== req.method) continue;
      if (f.host && !globMatch(f.host, req.host)) continue;
      if (f.path && !new RegExp(f.path, 'i').test(req.path)) continue;
      f.hits += 1;
      return f;
    }
    return undefined;
  }
}

function globMatch(glob: string, host: string): boolean {
  return new RegExp('^' + glob.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$', 'i').test(host);
}

export function faultResponse(f: Fault): EmuResponse | undefined {
  if (f.reset) return { status: 0, reset: true, delayMs: f.latencyMs };
  if (f.status === undefined) return undefined;
  const code = f.status === 429 ? 'TooManyRequests' : f.status === 503 ? 'ServiceUnavailable' : f.status >= 500 ? 'InternalServerError' : 'InjectedFault';
  const headers: Record<string, string> = {};
  if (f.retryAfter !== undefined) headers['Retry-After'] = String(f.retryAfter);
  return { status: f.status, headers, body: { error: { code, message: `Injected fault ${f.id}.` } }, delayMs: f.latencyMs };
}

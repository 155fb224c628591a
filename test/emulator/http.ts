// Request/response plumbing shared by every service module.
// Paths are parsed by hand: `new URL(req.url, base)` would read `//subscriptions/...` as a host
// (research/spike.md §2f), so we split on '?' and collapse repeated slashes ourselves.
import type { IncomingMessage } from 'node:http';

export interface EmuRequest {
  method: string;
  /** Lower-case host name without port. */
  host: string;
  /** Path with `//` collapsed, percent-decoding applied per segment, no query. */
  path: string;
  /** Query with decoded keys and values (api%2Dversion → api-version). */
  query: Map<string, string>;
  rawQuery: string;
  /** The path exactly as sent (percent-encoded), for signatures computed over it (Storage Shared Key). */
  rawPath?: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Raw bytes (blob GET, plain text); wins over `body`. */
  raw?: Buffer | string;
  /** Destroy the socket instead of answering (fault injection). */
  reset?: boolean;
  /** Delay before answering. */
  delayMs?: number;
}

export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

export function parseTarget(url: string): { path: string; query: Map<string, string>; rawQuery: string; rawPath: string } {
  const q = url.indexOf('?');
  const rawPath = q >= 0 ? url.slice(0, q) : url;
  const rawQuery = q >= 0 ? url.slice(q + 1) : '';
  const path = '/' + rawPath.split('/').filter((s) => s.length > 0).map(safeDecode).join('/') + (rawPath.length > 1 && rawPath.endsWith('/') ? '/' : '');
  const query = new Map<string, string>();
  for (const part of rawQuery.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const k = safeDecode((eq >= 0 ? part.slice(0, eq) : part).replace(/\+/g, ' '));
    const v = eq >= 0 ? safeDecode(part.slice(eq + 1).replace(/\+/g, ' ')) : '';
    query.set(k, v);
  }
  return { path: path === '//' ? '/' : path, query, rawQuery, rawPath };
}

/** Case-insensitive query lookup (ARM treats `api-version` and `$filter` keys loosely). */
export function queryGet(req: EmuRequest, key: string): string | undefined {
  const lower = key.toLowerCase();
  for (const [k, v] of req.query) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): EmuResponse {
  return { status, body, headers };
}

export function header(req: EmuRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export function bearerToken(req: EmuRequest): string | undefined {
  const auth = header(req, 'authorization');
  if (!auth) return undefined;
  const m = /^(?:Bearer|token)\s+(.+)$/i.exec(auth.trim());
  return m?.[1]?.trim();
}

export function parseJsonBody(req: EmuRequest): { ok: true; value: unknown } | { ok: false } {
  if (req.body.length === 0) return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(req.body.toString('utf8')) as unknown };
  } catch {
    return { ok: false };
  }
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function readBody(msg: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    msg.on('data', (c: Buffer) => chunks.push(c));
    msg.on('end', () => resolve(Buffer.concat(chunks)));
    msg.on('error', reject);
  });
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A JSON object (not null, not an array): what request bodies and scenario mappings are checked against. */
export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

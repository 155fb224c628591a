// How an adapter's read becomes a Lookup (src/checks/facts.ts): found, missing (404), or
// unreadable (403 with the refused permission, or a failure that outlived the pipeline's retries).
// A read never throws past this point, so one failing read is a `cannot-verify` finding, not a crash.
import type { Lookup } from '../checks/facts.ts';
import { ArmError, type ArmClient, type ArmRequest, type ResourceClient } from './rest.ts';

export async function lookup<T>(read: () => Promise<T>, permission?: string): Promise<Lookup<T>> {
  try {
    return { kind: 'found', value: await read() };
  } catch (error) {
    return failedLookup(error, permission);
  }
}

export function failedLookup(error: unknown, permission?: string): Lookup<never> {
  if (error instanceof ArmError) {
    if (error.status === 404) return { kind: 'missing' };
    if (error.status === 403 || error.status === 401) {
      return { kind: 'unreadable', permission, why: `${error.status} ${error.code}${error.innerCode ? ` (${error.innerCode})` : ''} on ${error.method} ${error.path}` };
    }
    return { kind: 'unreadable', why: `${error.method} ${error.path} failed: ${error.status || 'no answer'} ${error.code}` };
  }
  return { kind: 'unreadable', why: error instanceof Error ? error.message : String(error) };
}

/** Every item of an ARM list, following `nextLink` (absolute URLs, used verbatim). */
export async function listAll<T>(arm: ArmClient, req: ArmRequest): Promise<T[]> {
  const items: T[] = [];
  let next: ArmRequest | undefined = req;
  for (let page = 0; next && page < 100; page++) {
    const res: { body: { value?: T[]; nextLink?: string } } = await arm.send<{ value?: T[]; nextLink?: string }>(next);
    items.push(...(res.body?.value ?? []));
    next = res.body?.nextLink ? { method: 'GET', path: res.body.nextLink, apiVersion: req.apiVersion } : undefined;
  }
  return items;
}

/** The same over an absolute-URL client (Key Vault data plane). */
export async function listAllUrl<T>(client: ResourceClient, url: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | undefined = url;
  for (let page = 0; next && page < 100; page++) {
    const res: { body: { value?: T[]; nextLink?: string | null } } = await client.sendUrl<{ value?: T[]; nextLink?: string | null }>('GET', next);
    items.push(...(res.body?.value ?? []));
    next = res.body?.nextLink ?? undefined;
  }
  return items;
}

/** Runs `work` once per distinct key, however many callers ask for it. */
export class Once<T> {
  private readonly started = new Map<string, Promise<T>>();
  get(key: string, work: () => Promise<T>): Promise<T> {
    let p = this.started.get(key);
    if (!p) {
      p = work();
      this.started.set(key, p);
    }
    return p;
  }
  get size(): number {
    return this.started.size;
  }
}

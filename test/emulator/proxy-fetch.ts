// Raw requests through the Azure SDK's own pipeline (@azure/core-rest-pipeline: proxy policy from the
// environment, the emulator CA from tls defaults), for wire-shape checks the typed clients hide.
import { createDefaultHttpClient, createPipelineFromOptions, createPipelineRequest } from '@azure/core-rest-pipeline';
import type { HttpMethods } from '@azure/core-rest-pipeline';
import type { Emu } from './harness.ts';
import { useEmulator } from './harness.ts';

export interface RawResponse { status: number; headers: Record<string, string>; body: string }

export async function proxyFetch(emu: Emu, url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  useEmulator(emu);
  const pipeline = createPipelineFromOptions({ retryOptions: { maxRetries: 0 } });
  const request = createPipelineRequest({ url, method: (init.method ?? 'GET') as HttpMethods, body: init.body });
  for (const [k, v] of Object.entries(init.headers ?? {})) request.headers.set(k, v);
  const res = await pipeline.sendRequest(createDefaultHttpClient(), request);
  return { status: res.status, headers: res.headers.toJSON(), body: res.bodyAsText ?? '' };
}

export async function proxyFetchJson(emu: Emu, url: string): Promise<unknown> {
  return JSON.parse((await proxyFetch(emu, url)).body) as unknown;
}

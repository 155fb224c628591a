// The one HTTP path to Azure: an @azure/core-rest-pipeline pipeline (proxy from HTTPS_PROXY /
// NO_PROXY, retries of throttling and 5xx honouring Retry-After, the credential's bearer token for
// one resource) and the error type every adapter sees. docs/architecture.md §3: bodies are sent as
// JSON verbatim, never through generated SDK models.
import { AsyncLocalStorage } from 'node:async_hooks';
import type { TokenCredential } from '@azure/core-auth';
import {
  bearerTokenAuthenticationPolicy,
  createDefaultHttpClient,
  createPipelineFromOptions,
  createPipelineRequest,
  isRestError,
  type HttpClient,
  type Pipeline,
} from '@azure/core-rest-pipeline';

export type HttpMethod = 'GET' | 'PUT' | 'PATCH' | 'POST' | 'DELETE';

export interface ArmRequest {
  method: HttpMethod;
  /** ARM path without host (`/subscriptions/…`), or an absolute `nextLink` / operation URL. */
  path: string;
  apiVersion: string;
  body?: unknown;
  query?: Record<string, string>;
}

export interface ArmResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  body: T;
}

/** A non-2xx answer (or a request that failed after the pipeline's retries; then status is 0). */
export class ArmError extends Error {
  readonly status: number;
  /** ARM or data-plane error code, e.g. `AuthorizationFailed`, `ResourceNotFound`, `SecretNotFound`. */
  readonly code: string;
  /** The inner code: Key Vault's `innererror.code` (e.g. `ForbiddenByRbac`) or the ML service's `innerError.code` (recorded spelling). */
  readonly innerCode?: string;
  readonly method: string;
  /** The URL path (no host, no query): safe to print. */
  readonly path: string;
  /** The answer's Retry-After (seconds or HTTP date; `retry-after-ms` too), in milliseconds, when it sent one. */
  readonly retryAfterMs?: number;
  constructor(init: { status: number; code: string; message: string; innerCode?: string; method: string; path: string; retryAfterMs?: number }) {
    super(init.message);
    this.name = 'ArmError';
    this.status = init.status;
    this.code = init.code;
    this.innerCode = init.innerCode;
    this.method = init.method;
    this.path = init.path;
    this.retryAfterMs = init.retryAfterMs;
  }
}

/**
 * The deadline of the calls made inside `withDeadline`: each request is aborted when it passes (or
 * after LAST_REQUEST_GRACE_MS, for one sent at the very end), so that neither the pipeline's retries
 * nor a long Retry-After (which the pipeline honours in full) outlive the `timeout` budget
 * (docs/rollout.md §1). Propagates through awaits and timers.
 */
const deadlineScope = new AsyncLocalStorage<number>();

/** The least time a request inside a deadline is given, however little of the budget is left. */
const LAST_REQUEST_GRACE_MS = 5000;

export function withDeadline<T>(deadline: number, call: () => Promise<T>): Promise<T> {
  return deadlineScope.run(deadline, call);
}

/** Retry-After of an answer in ms: `retry-after-ms`, `x-ms-retry-after-ms`, or Retry-After as seconds or an HTTP date. */
export function retryAfterMsOf(headers: Record<string, string>, now = Date.now()): number | undefined {
  for (const name of ['retry-after-ms', 'x-ms-retry-after-ms']) {
    const ms = Number(headers[name]);
    if (headers[name] !== undefined && Number.isFinite(ms) && ms >= 0) return ms;
  }
  const value = headers['retry-after'];
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

export interface ArmClient {
  /** Sends one request; a non-2xx answer throws ArmError. */
  send<T = unknown>(req: ArmRequest): Promise<ArmResponse<T>>;
}

/** A client for one Azure resource (ARM, or a Key Vault data plane) on absolute URLs. */
export interface ResourceClient {
  sendUrl<T = unknown>(method: HttpMethod, url: string, body?: unknown): Promise<ArmResponse<T>>;
}

export interface PipelineSettings {
  /** Retries after the first attempt (default 3, as the Azure SDKs). */
  maxRetries?: number;
  /** First back-off for 5xx and network errors (default 800 ms, doubled each retry). */
  retryDelayInMs?: number;
  /** Replaces the network (unit tests). */
  httpClient?: HttpClient;
  /** Counts the requests sent through every client built with these settings (retries not counted). */
  stats?: RequestStats;
}

export interface RequestStats {
  requests: number;
}

const USER_AGENT = 'azureml-online-deploy';

/** A pipeline that signs every request with a token for `scope` (e.g. `https://management.azure.com/.default`). */
export function createResourceClient(credential: TokenCredential, scope: string, settings: PipelineSettings = {}): ResourceClient {
  const pipeline: Pipeline = createPipelineFromOptions({
    retryOptions: { maxRetries: settings.maxRetries ?? 3, retryDelayInMs: settings.retryDelayInMs ?? 800 },
    userAgentOptions: { userAgentPrefix: USER_AGENT },
  });
  // The Sign phase runs inside the retry policy: each attempt carries a current token.
  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: scope }), { phase: 'Sign' });
  const httpClient = settings.httpClient ?? createDefaultHttpClient();

  return {
    async sendUrl<T>(method: HttpMethod, url: string, body?: unknown): Promise<ArmResponse<T>> {
      const request = createPipelineRequest({ url, method });
      request.headers.set('accept', 'application/json');
      if (body !== undefined) {
        request.headers.set('content-type', 'application/json');
        request.body = JSON.stringify(body);
      }
      const path = urlPath(url);
      const deadline = deadlineScope.getStore();
      // A read sent at or just past the deadline (the report's last read-back) still gets a few seconds.
      if (deadline !== undefined) request.abortSignal = AbortSignal.timeout(Math.max(LAST_REQUEST_GRACE_MS, deadline - Date.now()));
      if (settings.stats) settings.stats.requests++;
      let response;
      try {
        response = await pipeline.sendRequest(httpClient, request);
      } catch (error) {
        if (request.abortSignal?.aborted) {
          throw new ArmError({ status: 0, code: 'DeadlineExceeded', message: `${method} ${path}: no answer within the timeout budget`, method, path });
        }
        if (isRestError(error) && error.statusCode === undefined) {
          throw new ArmError({ status: 0, code: error.code ?? 'RequestFailed', message: `${method} ${path} failed: ${error.message}`, method, path });
        }
        throw error;
      }
      const headers = response.headers.toJSON({ preserveCase: false });
      const parsed = parseJson(response.bodyAsText ?? undefined);
      if (response.status < 200 || response.status > 299) throw armError(response.status, parsed, method, path, retryAfterMsOf(headers));
      return { status: response.status, headers, body: parsed as T };
    },
  };
}

/** ARM on top of a resource client: `path` + `api-version` + query → URL. */
export function armClientOver(client: ResourceClient, resourceManager: string): ArmClient {
  return {
    send<T>(req: ArmRequest) {
      return client.sendUrl<T>(req.method, armUrl(resourceManager, req), req.body);
    },
  };
}

export function armUrl(resourceManager: string, req: Pick<ArmRequest, 'path' | 'apiVersion' | 'query'>): string {
  if (/^https:\/\//i.test(req.path)) return req.path; // nextLink / operation URL: used verbatim
  const query = new URLSearchParams({ 'api-version': req.apiVersion, ...(req.query ?? {}) });
  // ARM paths never need `+` for spaces; keep %20 so $filter reads as the service documents it.
  return `${resourceManager}${req.path.startsWith('/') ? '' : '/'}${req.path}?${query.toString().replace(/\+/g, '%20')}`;
}

function urlPath(url: string): string {
  const withoutQuery = url.split('?')[0] ?? url;
  return withoutQuery.replace(/^https:\/\/[^/]+/i, '') || '/';
}

function parseJson(text: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; innererror?: { code?: string }; innerError?: { code?: string } };
}

function armError(status: number, body: unknown, method: string, path: string, retryAfterMs?: number): ArmError {
  const error = typeof body === 'object' && body !== null ? (body as ErrorBody).error : undefined;
  const code = error?.code ?? `Http${status}`;
  const message = error?.message ?? (typeof body === 'string' && body ? body.slice(0, 300) : `HTTP ${status}`);
  return new ArmError({ status, code, message: `${method} ${path}: ${status} ${code}: ${message}`, innerCode: error?.innerError?.code ?? error?.innererror?.code, method, path, retryAfterMs });
}

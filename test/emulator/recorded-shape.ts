// The shape of recorded Azure exchanges, as scripts/extract-recorded.mjs writes them into test/fixtures/recorded/ and as
// recorded.test.ts reads the emulator's answers: method, path pattern, api-version, status, LRO headers as patterns,
// the status / provisioningState vocabulary, body keys, the service's rewrites of request values. Runs of identical polls
// collapse into one exchange with `repeat`; a terminal status body gives the operation's recorded `durationMs`; where the
// recording keeps each answer's `date` (vcrpy cassettes of azure-cli-extensions), `pollGapsS` gives the seconds between each
// status poll and the exchange before it: the recorded client's poll cadence.
/* eslint-disable @typescript-eslint/no-explicit-any */

export interface RawExchange { method: string; url: string; status: number; headers: Record<string, unknown>; req: any; body: any; at?: number }
export interface Exchange {
  method: string; host: string; path: string; apiVersion?: string; status: number;
  lroHeaders: Record<string, string>;
  vocabulary: { status?: string; provisioningState?: string; percentComplete?: number };
  bodyKeys: string[]; propertiesKeys: string[]; errorCode?: string;
  rewrites: { key: string; kind: string; value?: unknown }[];
  emptyList?: boolean; repeat?: number; durationMs?: number; pollGapsS?: number[];
}

/** Test-proxy JSON ({Entries}), the legacy azure-sdk-for-js form ({recordings}) and vcrpy cassettes ({interactions}, azure-cli-extensions). */
export function rawExchanges(raw: any): RawExchange[] {
  return (raw.Entries ?? []).map((e: any) => ({ method: e.RequestMethod, url: e.RequestUri, status: e.StatusCode, headers: e.ResponseHeaders ?? {}, req: e.RequestBody, body: e.ResponseBody }))
    .concat((raw.recordings ?? []).map((r: any) => ({ method: r.method, url: `${r.url}?${new URLSearchParams(r.query ?? {}).toString()}`, status: r.status, headers: r.responseHeaders ?? {}, req: r.requestBody, body: tryJson(r.response) })))
    .concat((raw.interactions ?? []).map((i: any) => {
      // vcrpy keeps every header as a list; the date header says when the answer left Azure (1 s resolution).
      const headers = Object.fromEntries(Object.entries(i.response?.headers ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
      const date = header(headers, 'date');
      return { method: i.request.method, url: i.request.uri, status: i.response.status.code, headers, req: tryJson(i.request.body), body: tryJson(i.response.body?.string), at: date ? Date.parse(date) : undefined };
    }));
}

export function tryJson(v: any): any { if (typeof v !== 'string') return v; try { return JSON.parse(v); } catch { return v; } }
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Path with the names of resources replaced by their type's placeholder. */
function pattern(url: string): { host: string; path: string; apiVersion?: string } {
  const u = new URL(url);
  const host = u.host.replace(/^[^.]+\.(vault\.azure\.net|blob\.core\.windows\.net|[a-z0-9]+\.inference\.ml\.azure\.com)$/, '{name}.$1').replace(/^[^.]+\.([a-z0-9]+\.inference)/, '{endpoint}.$1');
  const segs = u.pathname.split('/').filter(Boolean);
  const named: Record<string, string> = { subscriptions: '{sub}', resourcegroups: '{rg}', workspaces: '{ws}', onlineendpoints: '{endpoint}', deployments: '{deployment}', locations: '{location}', mfeoperationsstatus: '{operation}', mfeoperationresults: '{operation}', models: '{model}', environments: '{environment}', codes: '{code}', versions: '{version}', secrets: '{secret}', datastores: '{datastore}' };
  const path = segs.map((s, i) => (i > 0 && named[(segs[i - 1] ?? '').toLowerCase()] ? named[(segs[i - 1] ?? '').toLowerCase()] : s)).join('/');
  // vcrpy cassettes sanitise the request's api-version to 0000-00-00: unknown, not a version.
  const apiVersion = u.searchParams.get('api-version') ?? undefined;
  return { host, path: `/${path}`, apiVersion: apiVersion === '0000-00-00' ? undefined : apiVersion };
}
const header = (h: Record<string, unknown>, name: string): string | undefined => { const k = Object.keys(h).find((x) => x.toLowerCase() === name.toLowerCase()); return k === undefined ? undefined : String(h[k]); };
/** An LRO header's value as a pattern: which status resource it names and the operation-name prefix. */
function headerPattern(v: string | undefined): string | undefined {
  if (v === undefined) return undefined;
  const m = /\/(mfeOperationsStatus|mfeOperationResults)\/(o[ed]):/.exec(v);
  if (m) return `${m[1]}/${m[2]}:`;
  if (/\/onlineEndpoints\/[^/?]+(\/deployments\/[^/?]+)?\?/.test(v) || /\/versions\/[^/?]+\?/.test(v)) return 'resource';
  return v.replace(GUID, '{guid}');
}
const LRO = ['Azure-AsyncOperation', 'Location', 'Retry-After', 'x-ms-async-operation-timeout', 'WWW-Authenticate'];
const keys = (o: any): string[] => (o && typeof o === 'object' && !Array.isArray(o) ? Object.keys(o).sort() : []);
/** Resource-group and workspace names as placeholders: recordings sanitise them in answers (`000000000000000`) but not always in requests. */
const unnamed = (v: string): string => v.replace(/(resourcegroups|workspaces)\/[^/]+/gi, '$1/{name}');
function rewrites(req: any, body: any): Exchange['rewrites'] {
  const out: Exchange['rewrites'] = [];
  const rp = req?.properties ?? {}, bp = body?.properties ?? {};
  for (const k of Object.keys(bp)) {
    if (typeof rp[k] === 'string' && typeof bp[k] === 'string' && unnamed(rp[k]) !== unnamed(bp[k])) {
      const kind = /^\s*[{[]/.test(bp[k]) && !/^\s*[{[]/.test(rp[k]) ? 'yaml-to-json-text' : unnamed(rp[k]).toLowerCase() === unnamed(bp[k]).toLowerCase() ? 'case' : 'value';
      out.push({ key: k, kind });
    } else if (rp[k] === undefined && body && req && typeof req === 'object' && k === 'osType') out.push({ key: k, kind: 'added', value: bp[k] });
  }
  return out;
}
export function summarize(entries: readonly RawExchange[]): Exchange[] {
const exchanges: Exchange[] = [];
let lastAt: number | undefined;
for (const e of entries) {
  const gapS = e.at !== undefined && lastAt !== undefined ? Math.round((e.at - lastAt) / 1000) : undefined;
  if (e.at !== undefined) lastAt = e.at;
  if (e.status === 401 && exchanges.length && !header(e.headers, 'WWW-Authenticate')) continue;
  const p = pattern(e.url);
  const body = typeof e.body === 'string' ? tryJson(e.body) : e.body;
  const status = body && typeof body === 'object' ? body.status : undefined;
  const x: Exchange = {
    method: e.method, host: p.host, path: p.path, apiVersion: p.apiVersion, status: e.status,
    lroHeaders: Object.fromEntries(LRO.map((h) => [h, headerPattern(header(e.headers, h))]).filter(([, v]) => v !== undefined)),
    vocabulary: { status, provisioningState: body?.properties?.provisioningState, percentComplete: body?.percentComplete },
    bodyKeys: keys(body), propertiesKeys: keys(body?.properties), errorCode: body?.error?.code,
    rewrites: rewrites(e.req, body),
    emptyList: Array.isArray(body?.value) && body.value.length === 0 ? true : undefined,
  };
  const last = exchanges.at(-1);
  const poll = x.method === 'GET' && /\{operation\}$/.test(x.path);
  // A run of identical polls becomes one exchange with a count.
  if (last && poll && last.path === x.path && last.vocabulary.status === x.vocabulary.status) {
    last.repeat = (last.repeat ?? 1) + 1;
    if (gapS !== undefined) last.pollGapsS = [...(last.pollGapsS ?? []), gapS];
    continue;
  }
  if (poll && gapS !== undefined) x.pollGapsS = [gapS];
  if (status && body.startTime && body.endTime) x.durationMs = Date.parse(body.endTime) - Date.parse(body.startTime);
  exchanges.push(JSON.parse(JSON.stringify(x)) as Exchange);
}
return exchanges;
}

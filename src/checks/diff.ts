// The plan's field-level diff: the REST body the translator would send (src/manifests/rest.ts) against
// the live GET body, ignoring what the service fills in, so that an unchanged file reads "no
// change" (docs/online-checks.md §plan-diff). Pure; secret-free output.
//
//   diffResource(desired, live, options?): ResourceDiff     create | update (changed paths, before → after) | no-change
//   diffTraffic(before, after): TrafficDiff                 per deployment, before → after
//   describeChange(change): string                          "properties.instanceType: Standard_DS3_v2 → Standard_F4s_v2"
//
// What the service fills in (from the GET examples of the ML REST API and the defaults of the
// managed online deployment YAML reference,
// https://learn.microsoft.com/azure/machine-learning/reference-yaml-deployment-managed-online):
// read-only fields (id, name, type, systemData, provisioningState, scoringUri, swaggerUri, the
// identity's principal and tenant ids), and defaults for what the body leaves out (scale settings
// `Default`, request settings, probes, public network access `Enabled`, description null).
// A field only the live body has is a change only where the body owns the whole map (tags,
// properties, environment variables: a PUT replaces them) or where a known default says what
// leaving it out means; anything else the service adds is ignored, never shown as noise.

import { parseExactReference } from '../secrets/parse.ts';

export interface FieldChange {
  /** Dotted path, keys with dots or slashes bracketed: `properties.environmentVariables.OPENAI_KEY`. */
  path: string;
  kind: 'added' | 'removed' | 'changed';
  /** Secret-free renderings (JSON for objects); absent for `added` / `removed` respectively. */
  before?: string;
  after?: string;
  /** The new value is decided at deploy time (an asset to register or a label to resolve). */
  pending?: boolean;
}

export type ResourceDiff = { action: 'create' } | { action: 'update'; changes: FieldChange[] } | { action: 'no-change' };

export interface DiffOptions {
  /** Values to show as `***` wherever they occur (for example what the `set` input supplied). */
  secretValues?: readonly string[];
  /** Tags that never count as a change on either side (the action's own trace tags, src/apply/trace-tags.ts). */
  ignoredTag?: (key: string) => boolean;
}

type Json = unknown;

/** A secret-injection reference names a secret, it is not one: shown as written (one answer, src/secrets/parse.ts). */
const isReference = (v: string): boolean => parseExactReference(v) !== undefined;
type Obj = Record<string, Json>;
const isObj = (v: Json): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

const PROBE_DEFAULT: Obj = { initialDelay: 'PT10S', period: 'PT10S', timeout: 'PT2S', successThreshold: 1, failureThreshold: 30 };

/** Defaults by path (`*` matches one key): what a body that leaves the field out gets. */
const DEFAULTS: Record<string, Json> = {
  'properties.description': null,
  'properties.publicNetworkAccess': 'Enabled',
  'properties.egressPublicNetworkAccess': 'Enabled',
  'properties.appInsightsEnabled': false,
  'properties.scaleSettings': { scaleType: 'Default' },
  'properties.requestSettings': { requestTimeout: 'PT5S', maxConcurrentRequestsPerInstance: 1, maxQueueWait: 'PT0.5S' },
  'properties.livenessProbe': PROBE_DEFAULT,
  'properties.readinessProbe': PROBE_DEFAULT,
  'properties.mirrorTraffic': {},
  'properties.traffic': {},
};

/** Read-only or service-assigned: never compared. */
const IGNORED = [
  /^(id|name|type|etag|kind|systemData)$/,
  /^properties\.(provisioningState|scoringUri|swaggerUri|openApiUri)$/,
  /^identity\.(principalId|tenantId)$/,
  /^identity\.userAssignedIdentities\..+\.(principalId|clientId)$/,
  /^sku\.(tier|size|family)$/,
  // Bookkeeping the service writes into the endpoint's properties bag.
  /^properties\.properties\.(azureml\..*|AzureAsyncOperationUri|createdBy)$/i,
  // Traffic moves through its own step (diffTraffic), not through the resource body.
  /^properties\.(traffic|mirrorTraffic)(\..*)?$/,
];

/** Maps the body owns entirely: a key only live has is removed by the PUT. */
const OWNED_MAPS = [/^tags$/, /^properties\.properties$/, /^properties\.environmentVariables$/, /^identity\.userAssignedIdentities$/];

/** Enumerations the service may return in another case than the SDK sends. */
const CASE_INSENSITIVE = new Set(['type', 'authMode', 'publicNetworkAccess', 'egressPublicNetworkAccess', 'endpointComputeType', 'scaleType', 'dataCollectionMode', 'rollingRate', 'instanceType', 'name']);

const PENDING = /^\{\{pending:[^}]*\}\}$/;
const ISO_DURATION = /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const SECRET_NAME = /secret|password|passwd|token|credential|api[_-]?key|access[_-]?key|connection[_-]?string|^key$|_key$/i;

function pathOf(parent: string, key: string): string {
  const k = /^[A-Za-z0-9_-]+$/.test(key) ? key : `[${JSON.stringify(key)}]`;
  return parent === '' ? k : k.startsWith('[') ? `${parent}${k}` : `${parent}.${k}`;
}

function ignored(path: string): boolean {
  return IGNORED.some((re) => re.test(path.replace(/\["([^"]*)"\]/g, '.$1')));
}

function defaultAt(path: string): { known: boolean; value?: Json } {
  if (Object.hasOwn(DEFAULTS, path)) return { known: true, value: DEFAULTS[path] };
  const dot = path.lastIndexOf('.');
  if (dot > 0) {
    const parent = DEFAULTS[path.slice(0, dot)];
    if (isObj(parent) && Object.hasOwn(parent, path.slice(dot + 1))) return { known: true, value: parent[path.slice(dot + 1)] };
  }
  return { known: false };
}

function durationMs(s: string): number | undefined {
  const m = ISO_DURATION.exec(s);
  if (!m || s === 'P' || s === 'PT') return undefined;
  const [, d = '0', h = '0', min = '0', sec = '0'] = m;
  return ((Number(d) * 24 + Number(h)) * 60 + Number(min)) * 60_000 + Number(sec) * 1000;
}

function sameScalar(key: string, a: Json, b: Json): boolean {
  if (a === b) return true;
  if (typeof a === 'string' && typeof b === 'string') {
    if (a.startsWith('/subscriptions/') || CASE_INSENSITIVE.has(key)) return a.toLowerCase() === b.toLowerCase();
    if (key === 'location') return a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
    const da = durationMs(a);
    const db = durationMs(b);
    if (da !== undefined && db !== undefined) return da === db;
  }
  return false;
}

function same(key: string, a: Json, b: Json): boolean {
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((k) => same(k, a[k] ?? null, b[k] ?? null));
  }
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(key, x, b[i]));
  return sameScalar(key, a, b);
}

const isEmpty = (v: Json): boolean => v === null || v === undefined || (isObj(v) && Object.keys(v).length === 0) || (Array.isArray(v) && v.length === 0);

/** Case-insensitive key lookup, for maps keyed by ARM ids. */
function liveKey(live: Obj, key: string, insensitive: boolean): string | undefined {
  if (Object.hasOwn(live, key)) return key;
  if (!insensitive) return undefined;
  return Object.keys(live).find((k) => k.toLowerCase() === key.toLowerCase());
}

interface Walk {
  render: (path: string, v: Json) => string;
  ignoredTag: (key: string) => boolean;
}

function walk(desired: Obj, live: Obj, parent: string, out: FieldChange[], w: Walk): void {
  const { render } = w;
  const skip = (key: string): boolean => parent === 'tags' && w.ignoredTag(key);
  const insensitive = parent === 'identity.userAssignedIdentities';
  const owned = OWNED_MAPS.some((re) => re.test(parent));
  const seen = new Set<string>();
  for (const [key, want] of Object.entries(desired)) {
    const path = pathOf(parent, key);
    const lk = liveKey(live, key, insensitive);
    if (lk !== undefined) seen.add(lk);
    if (ignored(path) || skip(key)) continue;
    const has = lk === undefined ? undefined : live[lk];
    if (typeof want === 'string' && PENDING.test(want)) {
      out.push({ path, kind: has === undefined ? 'added' : 'changed', ...(has === undefined ? {} : { before: render(path, has) }), after: 'decided at deploy (asset to register or label to resolve)', pending: true });
      continue;
    }
    if (insensitive) {
      // A user-assigned identity: its presence is what counts, its value is the service's.
      if (lk === undefined) out.push({ path, kind: 'added', after: 'assigned' });
      continue;
    }
    if (isObj(want) && (isObj(has) || has === undefined)) {
      const base = defaultAt(path);
      const liveObj = isObj(has) ? has : {};
      if (has === undefined && !Object.keys(want).length) continue;
      if (has === undefined && !base.known && !OWNED_MAPS.some((re) => re.test(path))) {
        out.push({ path, kind: 'added', after: render(path, want) });
        continue;
      }
      walk(want, liveObj, path, out, w);
      continue;
    }
    if (has === undefined) {
      if (isEmpty(want)) continue;
      const base = defaultAt(path);
      if (base.known && same(key, want, base.value)) continue;
      out.push({ path, kind: 'added', after: render(path, want) });
      continue;
    }
    // Values of owned maps (variables, tags) are the user's text: a change of letter case is a change.
    const differs = owned ? JSON.stringify(want) !== JSON.stringify(has) : !same(key, want, has);
    if (differs) out.push({ path, kind: 'changed', before: render(path, has), after: render(path, want) });
  }
  for (const [key, has] of Object.entries(live)) {
    if (seen.has(key)) continue;
    const path = pathOf(parent, key);
    // The service answers '' for a description never set; in a map the body owns, '' is a value.
    if (ignored(path) || skip(key) || isEmpty(has) || (!owned && has === '')) continue;
    const base = defaultAt(path);
    if (owned) {
      out.push({ path, kind: 'removed', before: insensitive ? 'assigned' : render(path, has) });
    } else if (base.known && isObj(has) && isObj(base.value)) {
      walk({}, has, path, out, w); // field by field against the default object
    } else if (base.known && !same(key, has, base.value)) {
      out.push({ path, kind: 'changed', before: render(path, has), after: `${render(path, base.value)} (the default)` });
    }
  }
}

/** A rendering that never shows a secret: known secret values and secret-looking environment variables become `***`. */
function renderer(options: DiffOptions): (path: string, v: Json) => string {
  const secrets = (options.secretValues ?? []).filter((s) => s.length > 0);
  const mask = (text: string): string => secrets.reduce((t, s) => t.split(s).join('***'), text);
  return (path, v) => {
    const envName = /^properties\.environmentVariables(?:\.|\[")([^"]+?)(?:"\])?$/.exec(path)?.[1];
    if (envName && typeof v === 'string' && SECRET_NAME.test(envName) && !isReference(v)) return '***';
    if (path === 'properties.environmentVariables' && isObj(v)) {
      return mask(JSON.stringify(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && SECRET_NAME.test(k) && !isReference(x) ? '***' : x]))));
    }
    return mask(typeof v === 'string' ? v : JSON.stringify(v));
  };
}

export function diffResource(desired: Record<string, unknown>, live: Record<string, unknown> | undefined, options: DiffOptions = {}): ResourceDiff {
  if (live === undefined) return { action: 'create' };
  const changes: FieldChange[] = [];
  walk(desired, live, '', changes, { render: renderer(options), ignoredTag: options.ignoredTag ?? (() => false) });
  changes.sort((a, b) => a.path.localeCompare(b.path));
  return changes.length ? { action: 'update', changes } : { action: 'no-change' };
}

export function describeChange(c: FieldChange): string {
  if (c.kind === 'added') return `${c.path}: + ${c.after}`;
  if (c.kind === 'removed') return `${c.path}: − ${c.before}`;
  return `${c.path}: ${c.before} → ${c.after}`;
}

export interface TrafficDiff {
  changed: boolean;
  /** Every deployment with a share before or after, in name order. */
  rows: Array<{ deployment: string; before: number; after: number }>;
}

/** Traffic before → after; names compared case-insensitively (the service lower-cases them). */
export function diffTraffic(before: Readonly<Record<string, number>>, after: Readonly<Record<string, number>>): TrafficDiff {
  const lower = (m: Readonly<Record<string, number>>) => new Map(Object.entries(m).map(([k, v]) => [k.toLowerCase(), v]));
  const b = lower(before);
  const a = lower(after);
  const names = [...new Set([...b.keys(), ...a.keys()])].sort();
  const rows = names.map((deployment) => ({ deployment, before: b.get(deployment) ?? 0, after: a.get(deployment) ?? 0 })).filter((r) => r.before !== 0 || r.after !== 0);
  return { changed: rows.some((r) => r.before !== r.after), rows };
}

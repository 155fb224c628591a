// Pure: does Azure already hold what the run would send? A body is unchanged when every field it
// sets is present with the same value in the live GET body (the service adds read-only fields and
// its own `properties.properties` keys, "add-only": contracts of docs/secret-injection.md). Traffic
// is decided by the traffic plan, and the trace tags never count as a change (trace-tags.ts).
import { isTraceTag } from './trace-tags.ts';

const IGNORED_PATHS = new Set(['$.properties.traffic', '$.properties.mirrorTraffic']);

/** Paths where the desired body differs from the live one; empty when a PUT would change nothing. */
export function driftFrom(desired: unknown, live: unknown, path = '$'): string[] {
  if (IGNORED_PATHS.has(path)) return [];
  if (desired === null || typeof desired !== 'object') {
    if (typeof desired === 'string' && typeof live === 'string') return desired.toLowerCase() === live.toLowerCase() ? [] : [path];
    return desired === live ? [] : [path];
  }
  if (Array.isArray(desired)) {
    if (!Array.isArray(live) || live.length !== desired.length) return [path];
    return desired.flatMap((d, i) => driftFrom(d, live[i], `${path}[${i}]`));
  }
  if (live === null || typeof live !== 'object' || Array.isArray(live)) return Object.keys(desired).length === 0 && live === undefined ? [] : [path];
  const liveEntries = Object.entries(live as Record<string, unknown>);
  const out: string[] = [];
  for (const [key, value] of Object.entries(desired as Record<string, unknown>)) {
    if (path === '$.tags' && isTraceTag(key)) continue;
    // ARM ids and dictionary keys come back in another case at times.
    const match = liveEntries.find(([k]) => k === key) ?? liveEntries.find(([k]) => k.toLowerCase() === key.toLowerCase());
    if (!match) {
      if (value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0)) continue;
      out.push(`${path}.${key}`);
      continue;
    }
    out.push(...driftFrom(value, match[1], `${path}.${key}`));
  }
  return out;
}

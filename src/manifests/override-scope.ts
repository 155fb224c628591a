// One `set` input serves every file of a run, while `az ml --set` serves one file. Each override
// goes to the files whose kind knows its top-level key; `endpoint:` / `deployment:` prefixes say it
// explicitly, and `name=` with both kinds of file must say it (it would rename both).
import { DEPLOYMENT_TOP_LEVEL_KEYS } from './deployment.ts';
import { ENDPOINT_TOP_LEVEL_KEYS } from './endpoint.ts';
import { parseOverrides, type Override, type OverrideSource } from './overrides.ts';

export type FileKind = 'endpoint' | 'deployment';

export interface ScopedOverride extends Override {
  /** Set by an `endpoint:` / `deployment:` prefix. */
  scope?: FileKind;
  /** From `secret-set`: the value is masked in the log and redacted from everything the action writes. */
  secret?: boolean;
}

const TOP_LEVEL_KEYS: Record<FileKind, ReadonlySet<string>> = { endpoint: ENDPOINT_TOP_LEVEL_KEYS, deployment: DEPLOYMENT_TOP_LEVEL_KEYS };

const SCOPE_PREFIX = /^(endpoint|deployment)\s*:\s*/i;

/** Parses the `set` (or `secret-set`) input, with optional `endpoint:` / `deployment:` prefixes per line. */
export function parseScopedOverrides(text: string, source: OverrideSource = { input: 'set' }): { overrides: ScopedOverride[]; errors: string[] } {
  const overrides: ScopedOverride[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const prefix = SCOPE_PREFIX.exec(raw.trim());
    const body = prefix ? raw.trim().slice(prefix[0].length) : raw;
    // Keep line numbers: parse the line in place of blank lines before it.
    const parsed = parseOverrides('\n'.repeat(i) + body, source);
    errors.push(...parsed.errors);
    const secret = source.input === 'secret-set' ? { secret: true } : {};
    for (const o of parsed.overrides) overrides.push(prefix ? { ...o, ...secret, scope: (prefix[1] as string).toLowerCase() as FileKind } : { ...o, ...secret });
  });
  return { overrides, errors };
}

/** The overrides that apply to a file of `kind`; unknown top-level keys go everywhere, so schema reports them. */
export function overridesFor(kind: FileKind, overrides: readonly ScopedOverride[]): ScopedOverride[] {
  return overrides.filter((o) => {
    if (o.scope) return o.scope === kind;
    const top = o.segments[0]?.key ?? '';
    const known = TOP_LEVEL_KEYS.endpoint.has(top) || TOP_LEVEL_KEYS.deployment.has(top);
    return !known || TOP_LEVEL_KEYS[kind].has(top);
  });
}

/** The values to mask: those of `secret-set` lines, empty ones dropped (an empty value masks nothing). */
export function secretOverrideValues(overrides: readonly ScopedOverride[]): string[] {
  return overrides.filter((o) => o.secret && o.value.length > 0).map((o) => o.value);
}

/** Keys whose values are names: they become outputs, URLs and ARM ids, which cannot be masked. */
const NAME_KEYS = new Set(['name', 'endpoint_name']);

/** `secret-set` problems: a name cannot be secret (it is in every output, URL and ARM id). */
export function secretNameOverrides(overrides: readonly ScopedOverride[]): string[] {
  return overrides
    .filter((o) => o.secret && o.segments.length === 1 && NAME_KEYS.has(o.segments[0]?.key ?? ''))
    .map((o) => `secret-set, line ${o.lineNumber}: ${o.path} is a name, and names are shown in outputs, URLs and ARM ids; set it with set.`);
}

/** Input problems that depend on which files were given: an unscoped `name=` with both kinds. */
export function ambiguousOverrides(overrides: readonly ScopedOverride[], kinds: { endpoint: boolean; deployment: boolean }): string[] {
  if (!kinds.endpoint || !kinds.deployment) return [];
  return overrides
    .filter((o) => !o.secret && !o.scope && o.segments.length === 1 && o.segments[0]?.key === 'name')
    .map((o) => `set, line ${o.lineNumber}: "${o.line}" would rename both the endpoint and the deployment; write endpoint:${o.line} or deployment:${o.line}.`);
}

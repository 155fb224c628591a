// A small declarative validator over the positioned YAML tree (./tree.ts), modelled on the
// marshmallow fields azure-ai-ml uses: unknown keys raise at every level, dump-only keys are
// dropped, numbers and booleans are coerced the way marshmallow's non-strict fields coerce them
// (so a `set` override's string "2" is a valid instance_count), and every problem becomes a
// positioned finding. Pure: no I/O, nothing done at import time beyond defining functions.
import { makeFinding, type Finding } from '../findings/finding.ts';
import type { RuleId } from '../findings/rules.ts';
import type { Severity } from '../findings/severity.ts';
import type { Span, YMap, YMapEntry, YNode, YScalar } from './tree.ts';
import { closest } from './edit-distance.ts';

/** Collects findings for one file. */
export class Ctx {
  readonly file: string;
  readonly findings: Finding[] = [];
  /** The key whose value is being parsed: where a missing nested key is reported. */
  holder: Span | undefined;
  constructor(file: string) {
    this.file = file;
  }
  report(rule: RuleId, span: Span, message: string, options: { hint?: string; severity?: Severity } = {}): void {
    this.findings.push(
      makeFinding(rule, { file: this.file, line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn }, message, options),
    );
  }
  errorCount(): number {
    return this.findings.filter((f) => f.severity === 'error').length;
  }
}

/** A parsed value together with where it came from. */
export interface Located<T> {
  value: T;
  node: YNode;
  /** The span of the key that holds this value, when it is a map entry. */
  keySpan?: Span;
}

export interface Field<T> {
  /** "a string", "an integer", … for messages. */
  readonly expected: string;
  parse(node: YNode, path: string, ctx: Ctx): T | undefined;
}

export interface Prop<T> {
  field: Field<T>;
  required?: boolean;
  /** Message tail for a missing required key (after "<path> is required"). */
  requiredHint?: string;
}

type AnyProp = Field<unknown> | Prop<unknown>;
type OutOf<P> = P extends Prop<infer T> ? T : P extends Field<infer T> ? T : never;
export type ObjectOut<S extends Record<string, AnyProp>> = { [K in keyof S]?: Located<OutOf<S[K]>> } & { $node: YMap };

export interface ObjectOptions {
  /** Keys the schema marks dump_only: silently dropped. */
  dumpOnly?: readonly string[];
  /** Keys that belong to another variant (e.g. managed vs kubernetes): key → explanation. */
  elsewhere?: Readonly<Record<string, string>>;
  /** "the endpoint", "identity", … used when the node is not a map. */
  what?: string;
}

export function joinPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** How a node reads in a message: the source text of a scalar, or its kind. */
export function show(node: YNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  if (node.value.type === 'null') return 'an empty value (null)';
  return `'${node.source}'`;
}

function typeName(node: YNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  switch (node.value.type) {
    case 'null':
      return 'null';
    case 'bool':
      return 'a boolean';
    case 'int':
      return 'an integer';
    case 'float':
      return 'a number';
    case 'timestamp':
      return 'a date';
    case 'str':
      return 'a string';
  }
}

/** ` (from the set input: "a.b=c")` when the node was put there by a `set` override. */
export function fromSet(node: YNode): string {
  return node.override ? ` (from the set input: "${node.override}")` : '';
}

function wrongType(ctx: Ctx, node: YNode, path: string, expected: string, hint?: string): undefined {
  const got = node.kind === 'scalar' && node.value.type !== 'str' && node.value.type !== 'null' ? `${typeName(node)} (${node.source})` : typeName(node);
  ctx.report('schema', node.span, `${path} must be ${expected}, not ${got}${fromSet(node)}.`, hint ? { hint } : {});
  return undefined;
}

function nullValue(ctx: Ctx, node: YNode, path: string, expected: string): boolean {
  if (node.kind === 'scalar' && node.value.type === 'null') {
    ctx.report('schema', node.span, `${path} may not be empty (null): it must be ${expected}.`, {
      hint: `Give ${path} a value, or remove the key.`,
    });
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Scalars

/** marshmallow fields.Str: only strings (an unquoted 123, true or 2021-01-01 is not a string). */
export function str(): Field<string> {
  return {
    expected: 'a string',
    parse(node, path, ctx) {
      if (nullValue(ctx, node, path, 'a string')) return undefined;
      if (node.kind === 'scalar' && node.value.type === 'str') return node.value.value;
      const hint = node.kind === 'scalar' ? `Quote the value: ${path.split('.').pop() ?? path}: "${node.source}".` : undefined;
      return wrongType(ctx, node, path, 'a string', hint);
    },
  };
}

const PY_INT = /^\s*[+-]?\d+(_\d+)*\s*$/;

/**
 * marshmallow fields.Int (non-strict): ints, floats (truncated), numeric strings; never booleans.
 * azure-ai-ml sets no range on its Int fields: `min`/`max` are the service's limits, so a value
 * outside them is `service-rejects` (az ml sends it), and the value is still kept.
 */
export function int(opts: { min?: number; max?: number } = {}): Field<number> {
  const expected = 'an integer';
  return {
    expected,
    parse(node, path, ctx) {
      if (nullValue(ctx, node, path, expected)) return undefined;
      if (node.kind !== 'scalar') return wrongType(ctx, node, path, expected);
      const v = node.value;
      let n: number | undefined;
      if (v.type === 'int') n = Number(v.value);
      else if (v.type === 'float' && Number.isFinite(v.value)) n = Math.trunc(v.value);
      else if (v.type === 'str' && PY_INT.test(v.value)) n = Number(v.value.replaceAll('_', '').trim());
      if (n === undefined || !Number.isSafeInteger(n)) {
        return wrongType(ctx, node, path, expected, `Write a whole number, e.g. ${path.split('.').pop() ?? path}: 1.`);
      }
      const limit = opts.min !== undefined && n < opts.min ? `at least ${opts.min}` : opts.max !== undefined && n > opts.max ? `at most ${opts.max}` : undefined;
      if (limit) {
        ctx.report('service-rejects', node.span, `${path} must be ${limit}, not ${n}${fromSet(node)}: az ml sends it as written, and the service rejects the request.`, {
          hint: `Use a whole number ${limit}.`,
        });
      }
      return n;
    },
  };
}

const PY_FLOAT = /^\s*[+-]?(\d+(_\d+)*\.?\d*(_\d+)*([eE][+-]?\d+)?|\.\d+([eE][+-]?\d+)?)\s*$/;

/** marshmallow fields.Float: numbers and numeric strings; nan/inf rejected. */
export function float(opts: { min?: number; max?: number; rangeMessage?: string } = {}): Field<number> {
  const expected = 'a number';
  return {
    expected,
    parse(node, path, ctx) {
      if (nullValue(ctx, node, path, expected)) return undefined;
      if (node.kind !== 'scalar') return wrongType(ctx, node, path, expected);
      const v = node.value;
      let n: number | undefined;
      if (v.type === 'int') n = Number(v.value);
      else if (v.type === 'float') n = v.value;
      else if (v.type === 'str' && PY_FLOAT.test(v.value)) n = Number(v.value.replaceAll('_', '').trim());
      if (n === undefined || !Number.isFinite(n)) return wrongType(ctx, node, path, expected);
      if ((opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max)) {
        ctx.report('schema', node.span, opts.rangeMessage ? `${path}: ${opts.rangeMessage}, not ${node.source}.` : `${path} must be between ${opts.min} and ${opts.max}, not ${node.source}.`);
        return undefined;
      }
      return n;
    },
  };
}

const TRUTHY = new Set(['t', 'T', 'true', 'True', 'TRUE', 'on', 'On', 'ON', 'y', 'Y', 'yes', 'Yes', 'YES', '1']);
const FALSY = new Set(['f', 'F', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF', 'n', 'N', 'no', 'No', 'NO', '0']);

/** marshmallow fields.Bool: booleans, 0/1, and the usual true/false/yes/no/on/off strings. */
export function bool(): Field<boolean> {
  const expected = 'a boolean (true or false)';
  return {
    expected,
    parse(node, path, ctx) {
      if (nullValue(ctx, node, path, expected)) return undefined;
      if (node.kind === 'scalar') {
        const v = node.value;
        if (v.type === 'bool') return v.value;
        if (v.type === 'int' && (v.value === 0n || v.value === 1n)) return v.value === 1n;
        if (v.type === 'float' && (v.value === 0 || v.value === 1)) return v.value === 1;
        if (v.type === 'str' && TRUTHY.has(v.value)) return true;
        if (v.type === 'str' && FALSY.has(v.value)) return false;
      }
      return wrongType(ctx, node, path, expected);
    },
  };
}

/** azure-ai-ml's camel_to_snake: `AMLToken` → `aml_token`, `SystemAssigned` → `system_assigned`. */
export function camelToSnake(s: string): string {
  const step1 = s.replace(/(.)([A-Z][a-z]+)/g, '$1_$2');
  return step1.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * StringTransformedEnum: the value (a string) and the allowed values are both put through the
 * transform (lower-case by default, camel_to_snake for some) and compared; the transformed value
 * is what the SDK keeps.
 */
export function enumOf<const V extends string>(values: readonly V[], transform: 'lower' | 'camelToSnake' = 'lower'): Field<V> {
  const tf = transform === 'lower' ? (s: string) => s.toLowerCase() : camelToSnake;
  const allowed = values.map((v) => tf(v));
  const expected = `one of ${values.map((v) => `'${v}'`).join(', ')}`;
  return {
    expected,
    parse(node, path, ctx) {
      if (nullValue(ctx, node, path, expected)) return undefined;
      if (node.kind === 'scalar' && node.value.type === 'str') {
        const t = tf(node.value.value);
        const i = allowed.indexOf(t);
        if (i >= 0) return values[i];
      }
      if (node.kind !== 'scalar') return wrongType(ctx, node, path, expected);
      const near = closest(node.source, values as readonly string[]);
      ctx.report('schema', node.span, `${path} must be ${expected}, not ${show(node)}${fromSet(node)}.`, {
        hint: near ? `Did you mean '${near}'?` : `Use ${expected}.`,
      });
      return undefined;
    },
  };
}

/** Anything (fields.Raw): kept as the node. */
export function raw(): Field<YNode> {
  return { expected: 'a value', parse: (node) => node };
}

/** fields.Dict(): a mapping with free keys; values kept as nodes (or parsed with `values`). */
export function dict(): Field<YMap>;
export function dict<T>(values: Field<T>): Field<Array<{ key: string; keySpan: Span; value: Located<T> }>>;
export function dict<T>(values?: Field<T>): Field<YMap> | Field<Array<{ key: string; keySpan: Span; value: Located<T> }>> {
  if (!values) {
    return {
      expected: 'a mapping',
      parse(node, path, ctx) {
        if (nullValue(ctx, node, path, 'a mapping')) return undefined;
        if (node.kind !== 'map') return wrongType(ctx, node, path, 'a mapping (key: value pairs)');
        return node;
      },
    };
  }
  return {
    expected: 'a mapping',
    parse(node, path, ctx) {
      if (nullValue(ctx, node, path, 'a mapping')) return undefined;
      if (node.kind !== 'map') return wrongType(ctx, node, path, 'a mapping (key: value pairs)');
      const out: Array<{ key: string; keySpan: Span; value: Located<T> }> = [];
      for (const e of node.entries) {
        if (e.keyValue) {
          ctx.report('schema', e.keySpan, `${joinPath(path, e.key)}: the key must be a string, not ${e.keyValue.type === 'bool' ? 'a boolean' : e.keyValue.type === 'null' ? 'null' : `a ${e.keyValue.type}`} (${e.key}).`, {
            hint: `Quote the key: "${e.key}":`,
          });
          continue;
        }
        const v = values.parse(e.value, joinPath(path, e.key), ctx);
        if (v !== undefined) out.push({ key: e.key, keySpan: e.keySpan, value: { value: v, node: e.value, keySpan: e.keySpan } });
      }
      return out;
    },
  };
}

export function list<T>(items: Field<T>, hint?: string): Field<Array<Located<T>>> {
  return {
    expected: 'a list',
    parse(node, path, ctx) {
      if (nullValue(ctx, node, path, 'a list')) return undefined;
      if (node.kind !== 'seq') return wrongType(ctx, node, path, 'a list', hint);
      const out: Array<Located<T>> = [];
      node.items.forEach((item, i) => {
        const v = items.parse(item, joinPath(path, i), ctx);
        if (v !== undefined) out.push({ value: v, node: item });
      });
      return out;
    },
  };
}

/** A field with an extra check on the parsed value. */
export function refine<T>(field: Field<T>, check: (value: T, node: YNode, path: string, ctx: Ctx) => T | undefined): Field<T> {
  return {
    expected: field.expected,
    parse(node, path, ctx) {
      const v = field.parse(node, path, ctx);
      return v === undefined ? undefined : check(v, node, path, ctx);
    },
  };
}

export function required<T>(field: Field<T>, requiredHint?: string): Prop<T> {
  return requiredHint === undefined ? { field, required: true } : { field, required: true, requiredHint };
}

function isProp(p: AnyProp): p is Prop<unknown> {
  return 'field' in p;
}

/**
 * A marshmallow schema with unknown = RAISE: each key is parsed with its field; unknown keys are
 * reported on the key (with the closest known key as a hint); dump-only keys are dropped; missing
 * required keys are reported on the parent key (the map's own span start).
 */
/** A mapping field that also tells which keys it accepts (its own and the dump-only ones it drops). */
export interface ObjectField<T> extends Field<T> {
  readonly acceptedKeys: readonly string[];
}

export function object<S extends Record<string, AnyProp>>(shape: S, opts: ObjectOptions = {}): ObjectField<ObjectOut<S>> {
  const keys = Object.keys(shape);
  const dumpOnly = new Set(['$schema', ...(opts.dumpOnly ?? [])]);
  return {
    acceptedKeys: [...keys, ...dumpOnly],
    expected: 'a mapping',
    parse(node, path, ctx) {
      if (node.kind !== 'map') {
        if (nullValue(ctx, node, path || 'the document', 'a mapping')) return undefined;
        return wrongType(ctx, node, path || (opts.what ?? 'the document'), 'a mapping (key: value pairs)');
      }
      const out = { $node: node } as ObjectOut<S>;
      const rec = out as Record<string, unknown>;
      for (const e of node.entries) {
        if (dumpOnly.has(e.key)) continue;
        const prop = shape[e.key];
        const p = joinPath(path, e.key);
        if (!prop || !Object.hasOwn(shape, e.key)) {
          reportUnknown(ctx, e, path, keys, opts);
          continue;
        }
        const field = isProp(prop) ? prop.field : prop;
        const saved = ctx.holder;
        ctx.holder = e.keySpan;
        const v = field.parse(e.value, p, ctx);
        ctx.holder = saved;
        if (v !== undefined) rec[e.key] = { value: v, node: e.value, keySpan: e.keySpan };
      }
      for (const k of keys) {
        const prop = shape[k];
        if (prop && isProp(prop) && prop.required && !node.entries.some((e) => e.key === k)) {
          reportMissing(ctx, ctx.holder ?? parentSpan(node), path, k, prop.requiredHint);
        }
      }
      return out;
    },
  };
}

export function reportMissing(ctx: Ctx, at: Span, path: string, key: string, hint?: string): void {
  const full = joinPath(path, key);
  ctx.report('schema', at, `${full} is required${path ? '' : ' but missing'}.`, { hint: hint ?? `Add ${key}: <value>${path ? ` under ${path}` : ''}.` });
}

/** Where to report something missing in a map: its first line (the key that holds it, for nested maps). */
export function parentSpan(node: YNode): Span {
  return { line: node.span.line, column: node.span.column, endLine: node.span.line, endColumn: node.span.column };
}

function reportUnknown(ctx: Ctx, e: YMapEntry, path: string, keys: readonly string[], opts: ObjectOptions): void {
  const full = joinPath(path, e.key);
  const where = path ? `under ${path}` : 'at the top level';
  const elsewhere = opts.elsewhere?.[e.key];
  if (elsewhere) {
    ctx.report('schema', e.keySpan, `${full} is not allowed here: ${elsewhere}`, { hint: `Remove ${e.key}, or change the resource type.` });
    return;
  }
  const near = closest(e.key, keys);
  // A close match says it all; otherwise the allowed keys are the fix.
  ctx.report('schema', e.keySpan, `Unknown key ${full} ${where}: az ml rejects keys it does not know.`, {
    hint: near ? `Did you mean ${near}?` : `Remove ${e.key}. Allowed ${where}: ${keys.join(', ')}.`,
  });
}

// ---------------------------------------------------------------------------------------------
// Helpers


export function isScalarStr(node: YNode | undefined): node is YScalar & { value: { type: 'str'; value: string } } {
  return node !== undefined && node.kind === 'scalar' && node.value.type === 'str';
}

export function entry(map: YMap, key: string): YMapEntry | undefined {
  return map.entries.find((e) => e.key === key);
}

/** The span of the file's first line: for findings with no better place. */
export function firstLine(): Span {
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}

// ---------------------------------------------------------------------------------------------
// Names (azure-ai-ml validate_endpoint_or_deployment_name)

export const NAME_PATTERN = /^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$/;

/** Endpoint/deployment name rules: 3–32 characters, a letter first, letters/digits/hyphens, no trailing hyphen. */
export function checkName(ctx: Ctx, name: string, span: Span, what: 'endpoint' | 'deployment', origin = ''): boolean {
  const problems: string[] = [];
  if (name.length < 3 || name.length > 32) problems.push(`must be at least 3 and at most 32 characters long (it has ${name.length})`);
  if (!NAME_PATTERN.test(name)) {
    problems.push("must start with an upper- or lowercase letter and only consist of '-'s and alphanumeric characters, not ending with '-'");
  }
  if (problems.length === 0) return true;
  const suggestion = name
    .replace(/[^-a-zA-Z0-9]+/g, '-')
    .replace(/^[^a-zA-Z]+/, '')
    .replace(/-+$/, '')
    .slice(0, 32)
    .replace(/-+$/, '');
  ctx.report('invalid-name', span, `The ${what} name '${name}'${origin} ${problems.join(', and ')}.`, {
    hint: suggestion.length >= 3 && NAME_PATTERN.test(suggestion) ? `Rename it, e.g. '${suggestion}'.` : 'Use 3 to 32 characters: a letter first, then letters, digits or hyphens, not ending in a hyphen.',
  });
  return false;
}

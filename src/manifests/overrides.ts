// The `set` input: `dotted.path=value` lines applied like `az ml ... --set a.b=c`, i.e. the SDK's
// add_param_overrides (pydash `set_` on the raw PyYAML dict, before schema validation). The value
// is always a string. Intermediate mappings are created as pydash does; descending through a
// string is the SDK's "Cannot use '--set' on properties defined by reference strings" error.
import { makeFinding, type Finding } from '../findings/finding.ts';
import { pythonStr } from './pystr.ts';
import type { Span, YMap, YMapEntry, YNode, YScalar, YSeq } from './tree.ts';

/** One path segment: a mapping key, or `[n]` (pydash's explicit list index). */
export interface PathSegment {
  key: string;
  /** Set for `[n]` segments: the container created for it is a list, as pydash does. */
  index?: number;
}

export interface Override {
  /** The path as written, e.g. `environment_variables.API_KEY`. */
  path: string;
  segments: PathSegment[];
  /** Always a string, as on the az command line. */
  value: string;
  /** The original (trimmed) line, e.g. `endpoint_name=my-endpoint`: set as YNode.override. */
  line: string;
  /** 1-based line number within the `set` input. */
  lineNumber: number;
}

/** Split a pydash path: `.` separates keys, `\.` is a literal dot, `[n]` is a list index. */
export function parsePath(path: string): { segments: PathSegment[]; error?: string } {
  const segments: PathSegment[] = [];
  let cur = '';
  let pendingEmpty = true; // whether the current key is still empty (so `a..b` can be flagged)
  const push = (): string | undefined => {
    if (pendingEmpty && cur === '') return 'empty';
    segments.push({ key: cur });
    cur = '';
    pendingEmpty = true;
    return undefined;
  };
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === '\\' && (path[i + 1] === '.' || path[i + 1] === '\\' || path[i + 1] === '[')) {
      cur += path[i + 1];
      pendingEmpty = false;
      i++;
    } else if (ch === '.') {
      if (cur === '' && pendingEmpty) {
        // after `]` a dot is the separator: `a[0].b`
        const prev = path[i - 1];
        if (prev !== ']') return { segments, error: `empty key at position ${i + 1}` };
        continue;
      }
      push();
    } else if (ch === '[') {
      const m = /^\[(\d+)\]/.exec(path.slice(i));
      if (!m) {
        cur += ch;
        pendingEmpty = false;
        continue;
      }
      if (cur !== '' || !pendingEmpty) push();
      segments.push({ key: m[1] ?? '0', index: Number(m[1]) });
      i += m[0].length - 1;
    } else {
      cur += ch;
      pendingEmpty = false;
    }
  }
  if (cur !== '' || !pendingEmpty) push();
  else if (path.endsWith('.') && !path.endsWith('\\.')) return { segments, error: 'the path ends with "."' };
  if (segments.length === 0) return { segments, error: 'the path is empty' };
  return { segments };
}

/** Which input the lines come from: `secret-set` problems never quote a line (it may hold the secret). */
export interface OverrideSource {
  input: 'set' | 'secret-set';
}

/** Parse the `set` (or `secret-set`) input: one `dotted.path=value` per line; blank lines ignored. */
export function parseOverrides(text: string, source: OverrideSource = { input: 'set' }): { overrides: Override[]; errors: string[] } {
  const overrides: Override[] = [];
  const errors: string[] = [];
  const secret = source.input === 'secret-set';
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const lineNumber = i + 1;
    if (line === '') return;
    const at = `${source.input}, line ${lineNumber}`;
    const quoted = secret ? 'the line' : `"${line}"`;
    const eq = line.indexOf('=');
    if (eq < 0) {
      errors.push(`${at}: ${quoted} has no "=": write one override per line as dotted.path=value (e.g. endpoint_name=my-endpoint).`);
      return;
    }
    const path = line.slice(0, eq).trim();
    const value = line.slice(eq + 1).trim();
    if (path === '') {
      errors.push(`${at}: ${quoted} has an empty path before "=": write dotted.path=value.`);
      return;
    }
    const parsed = parsePath(path);
    if (parsed.error) {
      errors.push(`${at}: invalid path "${path}": ${parsed.error}; separate keys with single dots (a.b.c).`);
      return;
    }
    overrides.push({ path, segments: parsed.segments, value, line, lineNumber });
  });
  return { overrides, errors };
}

const TOP: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

function describe(node: YNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  const v = node.value;
  if (v.type === 'str') return `the string "${v.value}"`;
  return `${v.type === 'int' || v.type === 'float' ? 'the number' : v.type === 'bool' ? 'the boolean' : v.type === 'timestamp' ? 'the date' : 'the value'} ${pythonStr(v)}`;
}

function newContainer(next: PathSegment | undefined, span: Span, line: string): YMap | YSeq {
  return next?.index !== undefined ? { kind: 'seq', items: [], span, override: line } : { kind: 'map', entries: [], span, override: line };
}

function nullAt(span: Span, line: string): YScalar {
  return { kind: 'scalar', value: { type: 'null' }, source: '', quoted: false, span, override: line };
}

/**
 * Apply the overrides in order, like the SDK: mutates `root` in place (as pydash mutates the
 * dict, so a collection shared through a YAML alias sees the change, as in Python) and returns it.
 * An undefined root (empty file) becomes a new mapping. Problems are `schema` findings in `file`.
 */
export function applyOverrides(root: YNode | undefined, overrides: Override[], file: string): { root: YNode; findings: Finding[] } {
  const findings: Finding[] = [];
  const top: YNode = root ?? { kind: 'map', entries: [], span: TOP };
  for (const o of overrides) {
    const f = applyOne(top, o, file);
    if (f) findings.push(f);
  }
  return { root: top, findings };
}

function applyOne(root: YNode, o: Override, file: string): Finding | undefined {
  const at = (span: Span): { file: string; line: number; column: number; endLine: number; endColumn: number } => ({ file, ...span });
  const blocked = (node: YNode, walked: string, message?: string): Finding =>
    makeFinding(
      'schema',
      at(node.span),
      message ??
        `set "${o.line}": "${walked}" is ${describe(node)}, so "${o.path}" cannot be set inside it (az ml: Cannot use '--set' on properties defined by reference strings).`,
      { hint: `Set "${walked}" itself, or change the file so that "${walked}" is a mapping.` },
    );
  const valueNode = (span: Span): YScalar => ({ kind: 'scalar', value: { type: 'str', value: o.value }, source: o.value, quoted: true, span, override: o.line });

  let cur: YNode = root;
  // The span new nodes get: the key of the nearest existing ancestor (the top: line 1).
  let anchorSpan: Span = TOP;
  const walked: string[] = [];
  for (let i = 0; i < o.segments.length; i++) {
    const seg = o.segments[i] as PathSegment;
    const last = i === o.segments.length - 1;
    const next = o.segments[i + 1];
    const here = walked.length ? walked.join('.') : '(the top level)';
    if (cur.kind === 'scalar') {
      if (cur.value.type === 'null') {
        // pydash walks into None and sets nothing; az ml does not complain either.
        return makeFinding(
          'schema',
          at(cur.span),
          `set "${o.line}" has no effect: "${here}" is empty (null) in the file, and az ml --set does not create keys below an existing null value.`,
          { severity: 'warning', hint: `Give "${here}" a mapping value in the file (e.g. "${walked[walked.length - 1] ?? 'key'}: {}"), or set the whole value.` },
        );
      }
      return blocked(cur, here);
    }
    if (cur.kind === 'map') {
      const entry: YMapEntry | undefined = cur.entries.find((e) => e.key === seg.key && e.keyValue === undefined);
      if (last) {
        if (entry) entry.value = valueNode(entry.value.span);
        else cur.entries.push({ key: seg.key, keySpan: anchorSpan, value: valueNode(anchorSpan) });
        return undefined;
      }
      if (entry) {
        anchorSpan = entry.keySpan;
        cur = entry.value;
      } else {
        const created = newContainer(next, anchorSpan, o.line);
        cur.entries.push({ key: seg.key, keySpan: anchorSpan, value: created });
        cur = created;
      }
    } else {
      // A list: pydash converts the key with int(); az ml's own pre-check would fail here.
      if (!/^\d+$/.test(seg.key)) {
        return blocked(cur, here, `set "${o.line}": "${here}" is a list, so "${seg.key}" is not a valid position in it; use a number (e.g. ${here}.0).`);
      }
      const idx = Number(seg.key);
      const items = cur.items;
      while (items.length < idx) items.push(nullAt(anchorSpan, o.line));
      if (last) {
        const old = items[idx];
        items[idx] = valueNode(old ? old.span : anchorSpan);
        return undefined;
      }
      const existing = items[idx];
      if (existing) {
        anchorSpan = existing.span;
        cur = existing;
      } else {
        const created = newContainer(next, anchorSpan, o.line);
        items.push(created);
        cur = created;
      }
    }
    walked.push(seg.key);
  }
  return undefined;
}

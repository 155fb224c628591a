// Geometry of scalars in the YAML file: where a part of a scalar's value is written, column by
// column, for single-line plain, single-quoted and double-quoted scalars (a doubled quote or an
// escape takes more columns than the character it stands for). Lives beside the loader
// (./yaml.ts), which records the text between the quotes as written (`YScalar.raw`). PURE.
import type { Span, YScalar } from './tree.ts';

/**
 * The span of `value.slice(offset, offset + length)` in the file. Exact for single-line plain,
 * single-quoted and double-quoted scalars whose span matches their text; otherwise (block
 * scalars, multi-line, `set` overrides, unknown layouts) the scalar's own span.
 * The end-column convention (inclusive or exclusive) follows the span's own.
 */
export function locateInScalar(scalar: YScalar, offset: number, length: number): Span {
  const span = scalar.span;
  const whole = { line: span.line, column: span.column, endLine: span.endLine, endColumn: span.endColumn };
  if (scalar.override !== undefined || scalar.value.type !== 'str' || span.line !== span.endLine) return whole;
  const value = scalar.value.value;
  const layout = rawLayout(scalar, value);
  if (!layout) return whole;
  const { contentColumn, map, exclusiveEnd } = layout;
  const start = map[offset];
  const end = map[Math.min(offset + length, value.length)];
  if (start === undefined || end === undefined) return whole;
  return {
    line: span.line,
    column: contentColumn + start,
    endLine: span.line,
    endColumn: contentColumn + end - (exclusiveEnd ? 0 : 1),
  };
}


interface RawLayout {
  contentColumn: number;
  /** map[i] = raw offset of value code unit i (map[value.length] = raw length). */
  map: number[];
  exclusiveEnd: boolean;
}

function rawLayout(scalar: YScalar, value: string): RawLayout | undefined {
  const span = scalar.span;
  const width = span.endColumn - span.column;
  if (!scalar.quoted) {
    if (scalar.source !== value) return undefined;
    const map = Array.from({ length: value.length + 1 }, (_, i) => i);
    if (width === value.length) return { contentColumn: span.column, map, exclusiveEnd: true };
    if (width === value.length - 1) return { contentColumn: span.column, map, exclusiveEnd: false };
    return undefined;
  }
  // Quoted: `raw` is the text between the quotes as written. Try the single- then double-quoted reading.
  const raw = scalar.raw;
  if (raw === undefined) return undefined;
  const map = decodeSingle(raw, value) ?? decodeDouble(raw, value);
  if (!map) return undefined;
  if (width === raw.length + 2) return { contentColumn: span.column + 1, map, exclusiveEnd: true };
  if (width === raw.length + 1) return { contentColumn: span.column + 1, map, exclusiveEnd: false };
  return undefined;
}

function decodeSingle(raw: string, value: string): number[] | undefined {
  const map: number[] = [];
  let out = '';
  for (let i = 0; i < raw.length; i++) {
    map.push(i);
    if (raw[i] === "'") {
      if (raw[i + 1] !== "'") return undefined;
      i++;
    }
    out += raw[i];
  }
  map.push(raw.length);
  return out === value ? map : undefined;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};

function decodeDouble(raw: string, value: string): number[] | undefined {
  const map: number[] = [];
  let out = '';
  let i = 0;
  while (i < raw.length) {
    const ch = raw[i] ?? '';
    if (ch === '"') return undefined;
    if (ch !== '\\') {
      map.push(i);
      out += ch;
      i++;
      continue;
    }
    const esc = raw[i + 1] ?? '';
    const simple = SIMPLE_ESCAPES[esc];
    if (simple !== undefined) {
      map.push(i);
      out += simple;
      i += 2;
      continue;
    }
    const hexLen = esc === 'x' ? 2 : esc === 'u' ? 4 : esc === 'U' ? 8 : 0;
    const hex = raw.slice(i + 2, i + 2 + hexLen);
    if (hexLen === 0 || !/^[0-9a-fA-F]+$/.test(hex) || hex.length !== hexLen) return undefined;
    const s = String.fromCodePoint(Number.parseInt(hex, 16));
    for (let k = 0; k < s.length; k++) map.push(i);
    out += s;
    i += 2 + hexLen;
  }
  map.push(raw.length);
  return out === value ? map : undefined;
}

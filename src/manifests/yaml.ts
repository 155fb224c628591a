// YAML text → positioned tree with the values PyYAML's `yaml.safe_load` (YAML 1.1) would give.
//
// The `yaml` library parses (CST + AST with offsets) under the failsafe schema, so every scalar
// arrives as its string value; everything with meaning is done here, after PyYAML 6.0:
// resolver.py (implicit tags of plain scalars), constructor.py (SafeConstructor: ints, floats,
// timestamps, merge keys, unhashable keys, tags) and scanner.py (tabs are never whitespace
// between tokens). Like PyYAML, the first problem stops the load: root is undefined then.
import { Composer, LineCounter, Parser, isAlias, isMap, isPair, isScalar, isSeq, visit } from 'yaml';
import type { Document, Node as YamlNode, ParsedNode, YAMLError } from 'yaml';
import { makeFinding, type Finding } from '../findings/finding.ts';
import { pythonStr } from './pystr.ts';
import type { ScalarValue, Span, YMap, YMapEntry, YNode, YScalar } from './tree.ts';

export interface LoadResult {
  /** undefined for an empty file (no document content) and whenever a finding was reported. */
  root: YNode | undefined;
  findings: Finding[];
}

const TAG = 'tag:yaml.org,2002:';

// ---------------------------------------------------------------------------------------------
// PyYAML resolver.py implicit resolvers (YAML 1.1), in registration order.

const RE_BOOL = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const RE_FLOAT =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const RE_INT =
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const RE_MERGE = /^(?:<<)$/;
const RE_NULL = /^(?:~|null|Null|NULL|)$/;
const RE_TIMESTAMP =
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/;
const RE_VALUE = /^(?:=)$/;

/** The tag PyYAML's resolver gives a plain (untagged or `!`-tagged) scalar. */
export function resolvePlainTag(value: string): string {
  // Python's `$` also matches before one trailing newline.
  const v = value.endsWith('\n') ? value.slice(0, -1) : value;
  if (RE_BOOL.test(v)) return TAG + 'bool';
  if (RE_FLOAT.test(v)) return TAG + 'float';
  if (RE_INT.test(v)) return TAG + 'int';
  if (RE_MERGE.test(v)) return TAG + 'merge';
  if (RE_NULL.test(v)) return TAG + 'null';
  if (RE_TIMESTAMP.test(v)) return TAG + 'timestamp';
  if (RE_VALUE.test(v)) return TAG + 'value';
  return TAG + 'str';
}

/** A Python exception raised by a constructor (ValueError, KeyError, ConstructorError…). */
class PyError extends Error {}

// ---------------------------------------------------------------------------------------------
// PyYAML SafeConstructor scalar constructors.

function pyIntBase(text: string, base: 2 | 8 | 10 | 16): bigint {
  // Python int(text, base): surrounding whitespace allowed, optional sign, optional base prefix.
  let t = text.trim();
  let neg = false;
  if (t.startsWith('-') || t.startsWith('+')) {
    neg = t.startsWith('-');
    t = t.slice(1);
  }
  const prefix = { 2: /^0[bB]/, 8: /^0[oO]/, 16: /^0[xX]/, 10: null }[base];
  if (prefix) t = t.replace(prefix, '');
  const digits = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-fA-F]+$/ }[base];
  if (!digits.test(t)) throw new PyError(`invalid literal for int() with base ${base}: '${text}'`);
  const lit = base === 2 ? '0b' + t : base === 8 ? '0o' + t : base === 16 ? '0x' + t : t;
  const v = BigInt(lit);
  return neg ? -v : v;
}

function constructInt(raw: string): bigint {
  let value = raw.replaceAll('_', '');
  if (value === '') throw new PyError('string index out of range');
  let sign = 1n;
  if (value[0] === '-') sign = -1n;
  if (value[0] === '+' || value[0] === '-') value = value.slice(1);
  if (value === '0') return 0n;
  if (value.startsWith('0b')) return sign * pyIntBase(value.slice(2), 2);
  if (value.startsWith('0x')) return sign * pyIntBase(value.slice(2), 16);
  if (value[0] === '0') return sign * pyIntBase(value, 8);
  if (value.includes(':')) {
    const digits = value.split(':').map((p) => pyIntBase(p, 10)).reverse();
    let base = 1n;
    let total = 0n;
    for (const d of digits) {
      total += d * base;
      base *= 60n;
    }
    return sign * total;
  }
  return sign * pyIntBase(value, 10);
}

/** Python float(text) for the strings PyYAML hands it. */
function pyFloat(text: string): number {
  const t = text.trim();
  if (/^[-+]?(?:\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)$/.test(t)) return Number(t);
  const special = /^([-+]?)(inf|infinity|nan)$/i.exec(t);
  if (special) {
    if ((special[2] ?? '').toLowerCase() === 'nan') return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  throw new PyError(`could not convert string to float: '${text}'`);
}

function constructFloat(raw: string): number {
  let value = raw.replaceAll('_', '').toLowerCase();
  if (value === '') throw new PyError('string index out of range');
  let sign = 1;
  if (value[0] === '-') sign = -1;
  if (value[0] === '+' || value[0] === '-') value = value.slice(1);
  if (value === '.inf') return sign * Infinity;
  if (value === '.nan') return NaN;
  if (value.includes(':')) {
    const digits = value.split(':').map(pyFloat).reverse();
    let base = 1;
    let total = 0.0;
    for (const d of digits) {
      total += d * base;
      base *= 60;
    }
    return sign * total;
  }
  return sign * pyFloat(value);
}

const BOOL_VALUES: Record<string, boolean> = { yes: true, no: false, true: true, false: false, on: true, off: false };

const RE_TIMESTAMP_CONSTRUCT =
  /^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$/;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function constructTimestamp(raw: string): ScalarValue {
  const m = RE_TIMESTAMP_CONSTRUCT.exec(raw);
  if (!m) throw new PyError("'NoneType' object has no attribute 'groupdict'");
  const [, y, mo, d, hh, mi, ss, fraction, tz, tzSign, tzHour, tzMinute] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (year < 1) throw new PyError(`year ${year} is out of range`);
  if (month < 1 || month > 12) throw new PyError('month must be in 1..12');
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  if (day < 1 || day > daysInMonth) throw new PyError('day is out of range for month');
  const date = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  if (hh === undefined) return { type: 'timestamp', text: raw, iso: date };
  const hour = Number(hh);
  const minute = Number(mi);
  const second = Number(ss);
  if (hour > 23) throw new PyError('hour must be in 0..23');
  if (minute > 59) throw new PyError('minute must be in 0..59');
  if (second > 59) throw new PyError('second must be in 0..59');
  let iso = `${date} ${pad(hour)}:${pad(minute)}:${pad(second)}`;
  if (fraction) {
    const micro = Number(fraction.slice(0, 6).padEnd(6, '0'));
    if (micro !== 0) iso += '.' + pad(micro, 6);
  }
  if (tzSign) {
    const offset = Number(tzHour) * 60 + Number(tzMinute ?? 0);
    if (offset >= 24 * 60) {
      throw new PyError('offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24)');
    }
    const sign = tzSign === '-' && offset !== 0 ? '-' : '+';
    iso += `${sign}${pad(Math.floor(offset / 60))}:${pad(offset % 60)}`;
  } else if (tz) {
    iso += '+00:00';
  }
  return { type: 'timestamp', text: raw, iso };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function decodeBase64(raw: string): string {
  const clean = raw.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw new PyError(`failed to decode base64 data: Incorrect padding`);
  }
  return Buffer.from(clean, 'base64').toString('utf8');
}

/** The value SafeConstructor builds for a scalar with a (resolved or explicit) tag. */
function constructScalar(tag: string, text: string): ScalarValue {
  switch (tag) {
    case TAG + 'str':
      return { type: 'str', value: text };
    case TAG + 'null':
      return { type: 'null' };
    case TAG + 'bool': {
      const b = BOOL_VALUES[text.toLowerCase()];
      if (b === undefined) throw new PyError(`'${text.toLowerCase()}' is not a YAML 1.1 boolean (KeyError)`);
      return { type: 'bool', value: b };
    }
    case TAG + 'int':
      return { type: 'int', value: constructInt(text) };
    case TAG + 'float':
      return { type: 'float', value: constructFloat(text) };
    case TAG + 'timestamp':
      return constructTimestamp(text);
    case TAG + 'binary':
      // Python gives bytes; the az ml schema reads them as UTF-8 text.
      return { type: 'str', value: decodeBase64(text) };
    default:
      throw new PyError(`could not determine a constructor for the tag '${tag}'`);
  }
}

/** A PyYAML-style value for a plain scalar, e.g. for `set` values or tests. */
export function resolvePlainScalar(text: string): ScalarValue {
  return constructScalar(resolvePlainTag(text), text);
}

// ---------------------------------------------------------------------------------------------
// Loading.

interface SyntaxProblem {
  offset: number;
  end: number;
  message: string;
  hint?: string;
}

class LoadError extends Error {
  readonly problem: SyntaxProblem;
  constructor(problem: SyntaxProblem) {
    super(problem.message);
    this.problem = problem;
  }
}

const TEMPLATE_HINT =
  'Quote the placeholder ("{{NAME}}") or substitute it before the action runs; values can also be supplied with the `set` input (e.g. `endpoint_name=my-endpoint`).';

function templateNote(text: string, offset: number): string | undefined {
  // Look at the line of the problem for an unquoted {{…}}: YAML reads it as a flow mapping.
  const lineStart = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(lineStart, lineEnd);
  const m = /(^|[\s:,[{-])(\{\{[^}\n]*\}\})/.exec(line);
  return m?.[2];
}

function lineAt(text: string, offset: number): { start: number; text: string } {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  return { start, text: text.slice(start, end).replace(/\r$/, '') };
}

const quote = (s: string, max = 60): string => JSON.stringify(s.length > max ? s.slice(0, max - 1) + '…' : s);

function syntaxProblem(text: string, err: YAMLError): SyntaxProblem {
  let [offset, end] = err.pos;
  // Point where PyYAML does: past leading indentation.
  while (offset < text.length && text[offset] === ' ') offset++;
  end = Math.max(end, offset + 1);
  const lib = err.message.replace(/\s+at line \d+, column \d+[\s\S]*$/, '').trim().replace(/\.$/, '');
  const tpl = templateNote(text, offset);
  if (tpl) {
    return {
      offset,
      end,
      message: `${tpl} is not valid YAML here: an unquoted {{…}} placeholder is read as a YAML flow mapping ({ … }), not as text (${lib}).`,
      hint: TEMPLATE_HINT,
    };
  }
  const line = lineAt(text, offset);
  const here = text.slice(offset, line.start + line.text.length);
  const structural = ['MULTILINE_IMPLICIT_KEY', 'BLOCK_AS_IMPLICIT_KEY', 'UNEXPECTED_TOKEN', 'BAD_INDENT'].includes(err.code);
  if (structural && /^-( |$)/.test(here)) {
    return {
      offset,
      end: offset + 1,
      message: `A list item ("- …") where a "key: value" line is expected: a list must be indented under a key that has no value on its own line (${lib}).`,
      hint: 'Indent the list under its key ("key:" then "  - item"), or add the missing key, or align the "-" with the other items of the list.',
    };
  }
  switch (err.code) {
    case 'TAB_AS_INDENT':
      return tabProblem(offset);
    case 'BLOCK_AS_IMPLICIT_KEY': {
      // PyYAML points at the ":" that cannot start a mapping here.
      const m = /:(?=[ \t\r\n]|$)/.exec(text.slice(offset));
      const colon = m ? offset + m.index : offset;
      const colonLine = lineAt(text, colon);
      if (colonLine.start === line.start) {
        return {
          offset: colon,
          end: colon + 1,
          message: `The value ${quote(here.trim())} contains ": ", which YAML reads as a nested "key: value" that cannot start here (PyYAML: mapping values are not allowed here).`,
          hint: 'Quote the value (e.g. "a: b") if ": " is part of the text.',
        };
      }
      const child = colonLine.text.trim().split(/:(?=\s|$)/)[0] ?? '';
      return {
        offset: colon,
        end: colon + 1,
        message: `"${child}:" is indented under ${quote(line.text.trim())}, which already has a value on its line; a key cannot have both a value and nested keys (PyYAML: mapping values are not allowed here).`,
        hint: 'Align the key with the keys of its mapping (same column), or remove the value on the parent line if the keys belong under it.',
      };
    }
    case 'MULTILINE_IMPLICIT_KEY':
      return {
        offset,
        end: offset + Math.max(1, line.text.trim().length),
        message: `${quote(line.text.trim())} is not a "key: value" line (is the ":" missing?): YAML reads it together with the following lines as one key (${lib}).`,
        hint: 'Add the missing colon followed by a space, or fix the indentation.',
      };
    case 'BAD_INDENT':
      if (/mapping items must start at the same column/i.test(lib)) {
        return {
          offset,
          end,
          message: `This key is not aligned with the other keys of its mapping (${lib}).`,
          hint: 'Indent with spaces only: keys of one mapping start at the same column, nested keys further right than their parent.',
        };
      }
      if (/Flow (sequence|mapping)/i.test(lib)) {
        return {
          offset,
          end,
          message: `A flow ${/sequence/i.test(lib) ? '[ … ] list' : '{ … } mapping'} is not closed before this line (${lib}).`,
          hint: `Close it with "${/sequence/i.test(lib) ? ']' : '}'}", or quote the value if the bracket is part of the text.`,
        };
      }
      return {
        offset,
        end,
        message: `Bad indentation: ${lib}.`,
        hint: 'Indent with spaces only; keys of one mapping start at the same column, nested content is indented further than its key.',
      };
    case 'MISSING_CHAR':
      if (/Implicit map keys need to be followed by map values/i.test(lib)) {
        return {
          offset,
          end,
          message: `${quote(here.trim())} is a line without ":" inside a mapping, where every line must be "key: value" (is the ":" missing?).`,
          hint: 'Add the missing colon followed by a space, or indent the line to continue the value above it.',
        };
      }
      return { offset, end, message: `${lib}.`, hint: 'Close the quote, bracket or brace that was opened before this point.' };
    case 'UNEXPECTED_TOKEN':
      return {
        offset,
        end,
        message: `Unexpected text after a complete value (${lib}).`,
        hint: "Quote the whole value; inside single quotes write '' for a quote character (e.g. 'don''t').",
      };
    case 'BAD_SCALAR_START':
      return { offset, end, message: `${lib}.`, hint: 'Quote the value: characters like @ ` % | > cannot start a plain YAML value.' };
    case 'BAD_DQ_ESCAPE':
      return {
        offset,
        end,
        message: `${lib} in a double-quoted string (PyYAML: found unknown escape character).`,
        hint: 'Write \\\\ for a backslash (e.g. "C:\\\\path"), or use single quotes, in which \\ has no special meaning.',
      };
    case 'KEY_OVER_1024_CHARS':
      return { offset, end, message: `${lib}.`, hint: 'Shorten the key, or use the explicit "? key" form.' };
    case 'BAD_DIRECTIVE':
      return { offset, end, message: `${lib}.`, hint: 'Remove the % directive line or fix it (e.g. "%YAML 1.1").' };
    default:
      return {
        offset,
        end,
        message: `${lib}.`,
        hint: 'Check the indentation and the structure around this position (every "key: value" needs a space after the colon).',
      };
  }
}

function tabProblem(offset: number): SyntaxProblem {
  return {
    offset,
    end: offset + 1,
    message:
      'Tab character: YAML (PyYAML) does not accept tabs for indentation or between keys and values; they are allowed only inside quoted or block (| >) strings and comments.',
    hint: 'Replace the tab with spaces.',
  };
}

/** The properties of yaml CST tokens that hold child tokens (see yaml/dist/parse/cst.d.ts). */
const CST_CHILDREN = ['start', 'key', 'sep', 'value', 'end', 'items', 'props'] as const;

type CstToken = { type: string; offset: number; source?: string; indent?: number; props?: unknown[] };

/** PyYAML never skips a tab as whitespace between tokens, nor inside plain scalars (scanner.py
 * scan_to_next_token / scan_plain): find the first tab the yaml library accepted but PyYAML
 * rejects. */
function findTab(tokens: unknown[]): number | undefined {
  let first: number | undefined;
  const note = (off: number): void => {
    if (first === undefined || off < first) first = off;
  };
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const y of x) visit(y);
      return;
    }
    if (!x || typeof x !== 'object') return;
    const t = x as CstToken;
    if (typeof t.type === 'string' && typeof t.source === 'string') {
      if (t.type === 'space' || t.type === 'scalar' || t.type === 'block-scalar-header') {
        const i = t.source.indexOf('\t');
        if (i >= 0) note(t.offset + i);
      } else if (t.type === 'block-scalar') {
        const off = blockScalarTab(t);
        if (off !== undefined) note(off);
      }
    }
    const o = x as Record<string, unknown>;
    for (const k of CST_CHILDREN) {
      const v = o[k];
      if (v && typeof v === 'object') visit(v);
    }
  };
  visit(tokens);
  return first;
}

/** Constructs PyYAML's parser rejects but YAML 1.2 allows: a ":" with no key before it (outside
 * an explicit "? key"), and a stream that starts with "..." (an empty implicit document). */
function findStructural(tokens: unknown[]): SyntaxProblem[] {
  const out: SyntaxProblem[] = [];
  const top = tokens as CstToken[];
  const firstDoc = top.findIndex((t) => t.type === 'document');
  const doc = top[firstDoc] as (CstToken & { start?: CstToken[]; value?: unknown }) | undefined;
  const next = top[firstDoc + 1];
  if (doc && !doc.value && !(doc.start ?? []).some((t) => t.type === 'doc-start') && next?.type === 'doc-end') {
    out.push({
      offset: next.offset,
      end: next.offset + 3,
      message: 'The file starts with a "..." document end marker before any content (PyYAML: expected the node content, but found \'<document end>\').',
      hint: 'Remove the "..." line (it ends a document; "---" starts one).',
    });
  }
  for (const t of top) {
    if (t.type === 'document') break;
    const m = t.type === 'directive' ? /^%YAML[ \t]+(\d+)\.\d+/.exec(t.source ?? '') : null;
    if (m && m[1] !== '1') {
      out.push({
        offset: t.offset,
        end: t.offset + (t.source?.length ?? 1),
        message: `The file declares ${t.source ?? '%YAML'}: PyYAML reads only YAML 1.x documents (found incompatible YAML document).`,
        hint: 'Remove the %YAML line or write "%YAML 1.1".',
      });
    }
  }
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) {
      for (const y of x) visit(y);
      return;
    }
    if (!x || typeof x !== 'object') return;
    const item = x as { start?: unknown; key?: unknown; sep?: unknown; items?: unknown };
    if (Array.isArray(item.start) && 'sep' in item && Array.isArray(item.sep) && !item.key) {
      const explicit = (item.start as CstToken[]).some((t) => t.type === 'explicit-key-ind');
      const colon = (item.sep as CstToken[]).find((t) => t.type === 'map-value-ind');
      if (!explicit && colon) {
        out.push({
          offset: colon.offset,
          end: colon.offset + 1,
          message: 'A ":" with no key before it: PyYAML does not accept an empty mapping key here.',
          hint: 'Write the key before the colon ("key: value"), or check the indentation of this line.',
        });
      }
    }
    const o = x as Record<string, unknown>;
    for (const k of CST_CHILDREN) {
      const v = o[k];
      if (v && typeof v === 'object') visit(v);
    }
  };
  visit(tokens);
  return out;
}

/** A tab before the content indentation of a block scalar line (PyYAML: scanner error). */
function blockScalarTab(t: CstToken): number | undefined {
  const source = t.source ?? '';
  let indent: number | undefined;
  const header = (t.props ?? []).find((p): p is CstToken => !!p && (p as CstToken).type === 'block-scalar-header');
  const explicit = header?.source ? /[1-9]/.exec(header.source) : null;
  if (explicit) indent = (t.indent ?? 0) + Number(explicit[0]);
  // The content starts after the header line (the last of the props).
  let pos = t.offset;
  for (const p of t.props ?? []) {
    const tok = p as CstToken;
    if (tok && typeof tok.offset === 'number') pos = Math.max(pos, tok.offset + (tok.source?.length ?? 0));
  }
  for (const line of source.split('\n')) {
    const lead = /^ */.exec(line)?.[0].length ?? 0;
    if (indent === undefined && line.slice(lead).trim() !== '' && line[lead] !== '\t') indent = lead;
    const limit = indent ?? Infinity;
    if (line[lead] === '\t' && lead < limit) return pos + lead;
    pos += line.length + 1;
  }
  return undefined;
}

/** PyYAML's composer meets anchors and aliases while parsing, in document order, so an undefined
 * alias or a duplicate anchor is reported before any later syntax error. */
function findAnchorProblems(text: string, doc: Document.Parsed): SyntaxProblem[] {
  const seen = new Set<string>();
  const out: SyntaxProblem[] = [];
  visit(doc, {
    Node(_key, node) {
      if (out.length) return visit.BREAK;
      if (isAlias(node)) {
        if (!seen.has(node.source)) {
          const [s, e] = rangeOf(node);
          out.push(undefinedAlias(s, e, node.source));
        }
        return undefined;
      }
      const anchor = (node as { anchor?: string }).anchor;
      if (anchor) {
        if (seen.has(anchor)) {
          const [s, e] = rangeOf(node);
          out.push(duplicateAnchor(propsStart(text, s), e, anchor));
        }
        seen.add(anchor);
      }
      return undefined;
    },
  });
  return out;
}

function undefinedAlias(offset: number, end: number, name: string): SyntaxProblem {
  return {
    offset,
    end,
    message: `Found undefined alias '*${name}': no earlier node is anchored &${name}.`,
    hint: 'Define the anchor (&name) before the alias (*name) that uses it.',
  };
}

function duplicateAnchor(offset: number, end: number, name: string): SyntaxProblem {
  return {
    offset,
    end,
    message: `Found duplicate anchor &${name}: PyYAML accepts each anchor name only once per file.`,
    hint: `Rename one of the &${name} anchors (and the aliases that refer to it).`,
  };
}

function typeName(node: YNode | ParsedNode | null | undefined): string {
  if (!node) return 'scalar';
  if ('kind' in node) return node.kind === 'map' ? 'mapping' : node.kind === 'seq' ? 'sequence' : 'scalar';
  return isMap(node) ? 'mapping' : isSeq(node) ? 'sequence' : 'scalar';
}

interface BuildState {
  text: string;
  lc: LineCounter;
  anchors: Map<string, YNode | 'building'>;
}

function spanOf(ctx: BuildState, start: number, end: number): Span {
  let e = end;
  while (e > start && /[\s]/.test(ctx.text[e - 1] ?? '')) e--;
  const a = ctx.lc.linePos(start);
  const b = ctx.lc.linePos(e);
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** Where a node's properties (tag, anchor) begin: PyYAML's start_mark for the node. */
function propsStart(text: string, start: number): number {
  let s = start;
  for (let round = 0; round < 2; round++) {
    let i = s;
    while (i > 0 && /[ \t\r\n]/.test(text[i - 1] ?? '')) i--;
    let j = i;
    while (j > 0 && !/[ \t\r\n]/.test(text[j - 1] ?? '')) j--;
    if (j < i && (text[j] === '!' || text[j] === '&')) s = j;
    else break;
  }
  return s;
}

function rangeOf(node: YamlNode): [number, number] {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function fail(text: string, node: YamlNode | null | undefined, message: string, hint?: string, fallback = 0): never {
  const [s, e] = node ? rangeOf(node) : [fallback, fallback];
  const start = node && node.tag !== undefined ? propsStart(text, s) : s;
  throw new LoadError({ offset: start, end: e, message, ...(hint ? { hint } : {}) });
}

/** Python equality of dict keys: 1 == 1.0 == True, NaN is one object in PyYAML. */
function keyIdentity(v: ScalarValue): string {
  switch (v.type) {
    case 'str':
      return 's:' + v.value;
    case 'null':
      return 'null';
    case 'bool':
      return 'n:' + (v.value ? '1' : '0');
    case 'int':
      return 'n:' + v.value.toString();
    case 'float':
      if (Number.isInteger(v.value)) return 'n:' + BigInt(v.value).toString();
      return 'f:' + String(v.value);
    case 'timestamp':
      return 't:' + v.iso;
  }
}

function isMergeKey(node: YamlNode | null | undefined): boolean {
  if (!node || !isScalar(node)) return false;
  if (node.tag === TAG + 'merge') return true;
  const implicit = node.tag === undefined ? node.type === 'PLAIN' : node.tag === '!';
  return implicit && resolvePlainTag(String(node.value)) === TAG + 'merge';
}

function isValueKey(node: YamlNode | null | undefined): boolean {
  if (!node || !isScalar(node)) return false;
  if (node.tag === TAG + 'value') return true;
  const implicit = node.tag === undefined ? node.type === 'PLAIN' : node.tag === '!';
  return implicit && resolvePlainTag(String(node.value)) === TAG + 'value';
}

function build(ctx: BuildState, node: YamlNode | null | undefined, emptyAt: number): YNode {
  if (!node) {
    const span = spanOf(ctx, emptyAt, emptyAt);
    return { kind: 'scalar', value: { type: 'null' }, source: '', quoted: false, span };
  }
  if (isAlias(node)) {
    const target = ctx.anchors.get(node.source);
    if (target === undefined) {
      const [s, e] = rangeOf(node);
      throw new LoadError(undefinedAlias(s, e, node.source));
    }
    if (target === 'building') fail(ctx.text, node, `Recursive alias '*${node.source}': the node refers to itself.`, 'Remove the self-reference.');
    if (target.kind === 'scalar') {
      // Scalars are immutable in Python: a copy placed at the alias reads better in messages.
      const [s, e] = rangeOf(node);
      return { ...target, span: spanOf(ctx, s, e) };
    }
    return target; // the same object, as in Python
  }
  const anchor = 'anchor' in node && typeof node.anchor === 'string' ? node.anchor : undefined;
  if (anchor && ctx.anchors.has(anchor)) {
    const [s, e] = rangeOf(node);
    throw new LoadError(duplicateAnchor(propsStart(ctx.text, s), e, anchor));
  }
  if (anchor) ctx.anchors.set(anchor, 'building');
  const result = buildInner(ctx, node);
  if (anchor) ctx.anchors.set(anchor, result);
  return result;
}

function buildInner(ctx: BuildState, node: YamlNode): YNode {
  const [start, end] = rangeOf(node);
  const span = spanOf(ctx, start, end);
  const tag = node.tag;
  if (isScalar(node)) {
    let text = String(node.value ?? '');
    const quoted = node.type !== 'PLAIN';
    if ((node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') && text.endsWith('\n') && node.range) {
      // PyYAML keeps the final line break only if the last content line has one (a file that
      // ends without a newline); the yaml library always adds it.
      const src = ctx.text.slice(node.range[0], node.range[2]);
      const last = src.search(/\s*$/);
      if (!/[\n\r]/.test(src.slice(last))) text = text.slice(0, -1);
    }
    const source = text;
    let resolved: string;
    if (tag === undefined || tag === '!') {
      resolved = tag === '!' || !quoted ? resolvePlainTag(text) : TAG + 'str';
    } else {
      resolved = tag;
    }
    if (resolved === TAG + 'map' || resolved === TAG + 'seq' || resolved === TAG + 'omap' || resolved === TAG + 'pairs' || resolved === TAG + 'set') {
      const want = resolved === TAG + 'map' || resolved === TAG + 'set' ? 'mapping' : 'sequence';
      fail(ctx.text, node, `Expected a ${want} node for the tag '${tagName(resolved)}', but found a scalar.`, 'Remove the tag or fix the value.');
    }
    let value: ScalarValue;
    try {
      value = constructScalar(resolved, text);
    } catch (e) {
      if (!(e instanceof PyError)) throw e;
      const explicit = tag !== undefined && tag !== '!';
      throw new LoadError(scalarProblem(explicit ? propsStart(ctx.text, start) : start, end, resolved, text, e.message, explicit));
    }
    const scalar: YScalar = { kind: 'scalar', value, source, quoted, span };
    if ((node.type === 'QUOTE_SINGLE' || node.type === 'QUOTE_DOUBLE') && node.range) {
      const written = ctx.text.slice(node.range[0], node.range[1]);
      if (written.length >= 2) scalar.raw = written.slice(1, -1);
    }
    return scalar;
  }
  if (isMap(node)) {
    if (tag !== undefined && tag !== '!' && tag !== TAG + 'map' && tag !== TAG + 'set') {
      collectionTagError(ctx.text, node, tag, 'mapping');
    }
    return buildMap(ctx, node, span);
  }
  if (isSeq(node)) {
    if (tag !== undefined && tag !== '!' && tag !== TAG + 'seq' && tag !== TAG + 'omap' && tag !== TAG + 'pairs') {
      collectionTagError(ctx.text, node, tag, 'sequence');
    }
    const items: YNode[] = [];
    for (const item of node.items) {
      const it = item as YamlNode | null;
      if (tag === TAG + 'omap' || tag === TAG + 'pairs') {
        // SafeConstructor builds a list of (key, value) tuples from one-pair mappings.
        if (!it || !isMap(it) || it.items.length !== 1) {
          fail(ctx.text, it ?? node, `Expected a mapping of length 1 in '${tagName(tag)}', but found ${typeName(it as ParsedNode)}.`, 'Write each item as "- key: value".');
        }
        const pair = it.items[0];
        if (!pair) fail(ctx.text, it, 'Empty pair');
        const [ps] = rangeOf(it);
        const k = build(ctx, pair.key as YamlNode | null, ps);
        const v = build(ctx, pair.value as YamlNode | null, ps);
        const [is, ie] = rangeOf(it);
        items.push({ kind: 'seq', items: [k, v], span: spanOf(ctx, is, ie) });
      } else {
        items.push(build(ctx, it, start));
      }
    }
    return { kind: 'seq', items, span };
  }
  return fail(ctx.text, node, 'Unsupported YAML node.');
}

function tagName(tag: string): string {
  return tag.startsWith(TAG) ? '!!' + tag.slice(TAG.length) : tag;
}

function collectionTagError(text: string, node: YamlNode, tag: string, found: 'mapping' | 'sequence'): never {
  const known = ['str', 'int', 'float', 'bool', 'null', 'timestamp', 'binary'].map((t) => TAG + t);
  if (known.includes(tag)) fail(text, node, `Expected a scalar node for the tag '${tagName(tag)}', but found a ${found}.`, 'Remove the tag or fix the value.');
  if (tag === TAG + 'map' || tag === TAG + 'set') fail(text, node, `Expected a mapping node for the tag '${tagName(tag)}', but found a ${found}.`, 'Remove the tag or fix the value.');
  if (tag === TAG + 'seq' || tag === TAG + 'omap' || tag === TAG + 'pairs') fail(text, node, `Expected a sequence for the tag '${tagName(tag)}', but found a ${found}.`, 'Remove the tag or fix the value.');
  return fail(text, node, unknownTagMessage(tag), unknownTagHint(tag));
}

function unknownTagMessage(tag: string): string {
  return `Could not determine a constructor for the tag '${tagName(tag)}': PyYAML's safe_load (used by az ml) accepts only the standard YAML 1.1 tags.`;
}

function unknownTagHint(tag: string): string {
  if (tag === TAG + 'value') return 'A lone "=" is the YAML 1.1 value key: quote it ("=").';
  if (tag === TAG + 'merge') return 'A lone "<<" is the merge key: quote it ("<<") to use it as text.';
  return 'Remove the tag, or quote the value if the "!" is part of the text.';
}

function scalarProblem(start: number, end: number, tag: string, text: string, pyMessage: string, explicit: boolean): SyntaxProblem {
  if (!tag.startsWith(TAG) || !['str', 'int', 'float', 'bool', 'null', 'timestamp', 'binary'].includes(tag.slice(TAG.length))) {
    return { offset: start, end, message: unknownTagMessage(tag), hint: unknownTagHint(tag) };
  }
  const what = tag.slice(TAG.length);
  if (what === 'timestamp' && !explicit) {
    return {
      offset: start,
      end,
      message: `"${text}" looks like a YAML 1.1 date/time but is not a valid one (${pyMessage}); PyYAML fails on it.`,
      hint: `Quote the value ("${text}") to keep it as text, or fix the date.`,
    };
  }
  return {
    offset: start,
    end,
    message: `"${text}" is not a valid ${explicit ? `'${tagName(tag)}'` : what} value (${pyMessage}); PyYAML fails on it.`,
    hint: explicit ? `Fix the value or remove the '${tagName(tag)}' tag.` : `Quote the value ("${text}") to keep it as text.`,
  };
}

interface RawEntry {
  entry: YMapEntry;
  identity: string;
}

function buildMap(ctx: BuildState, node: YamlNode & { items: unknown[] }, span: Span): YMap {
  const [mapStart] = rangeOf(node);
  // SafeConstructor.flatten_mapping: merged entries first (earlier merge sources win over later
  // ones), then the mapping's own entries; construct_mapping then lets the last one win.
  const merged: RawEntry[] = [];
  const own: RawEntry[] = [];
  for (const p of node.items) {
    if (!isPair(p)) continue;
    const keyNode = p.key as YamlNode | null;
    const valueNode = p.value as YamlNode | null;
    const keyStart = keyNode ? rangeOf(keyNode)[0] : valueNode ? rangeOf(valueNode)[0] : mapStart;
    if (isMergeKey(keyNode)) {
      const [ks, ke] = keyNode ? rangeOf(keyNode) : [keyStart, keyStart];
      const keyEnd = ke;
      const v = build(ctx, valueNode, keyEnd);
      if (v.kind === 'map') {
        merged.push(...v.entries.map(toRaw));
      } else if (v.kind === 'seq') {
        const sub: RawEntry[][] = [];
        for (const item of v.items) {
          if (item.kind !== 'map') {
            throw new LoadError({
              offset: ks,
              end: ke,
              message: `Expected a mapping for merging, but found a ${typeName(item)} in the "<<" list.`,
              hint: 'List only mappings (or aliases of mappings) after "<<".',
            });
          }
          sub.push(item.entries.map(toRaw));
        }
        for (const entries of sub.reverse()) merged.push(...entries);
      } else {
        const [vs, ve] = valueNode ? rangeOf(valueNode) : [keyEnd, keyEnd];
        throw new LoadError({
          offset: vs,
          end: ve,
          message: 'Expected a mapping or list of mappings for merging ("<<"), but found a scalar.',
          hint: 'Merge an alias of a mapping ("<<: *defaults"), or quote "<<" to use it as an ordinary key.',
        });
      }
      continue;
    }
    let keyValue: ScalarValue;
    let keySpan: Span;
    if (isValueKey(keyNode)) {
      keyValue = { type: 'str', value: '=' };
      const [ks, ke] = rangeOf(keyNode as YamlNode);
      keySpan = spanOf(ctx, ks, ke);
    } else {
      const k = build(ctx, keyNode, keyStart);
      if (k.kind !== 'scalar') {
        const tpl = k.kind === 'map' && keyNode && ctx.text.slice(rangeOf(keyNode)[0] - 1, rangeOf(keyNode)[0] + 1) === '{{';
        const [ks, ke] = keyNode ? rangeOf(keyNode) : [keyStart, keyStart];
        if (tpl) {
          const [ms, me] = rangeOf(node);
          const shown = ctx.text.slice(ms, me).trim();
          throw new LoadError({
            offset: ms,
            end: me,
            message: `${shown} is an unquoted {{…}} placeholder: YAML reads it as a flow mapping whose key is another mapping, which PyYAML rejects (found unhashable key).`,
            hint: TEMPLATE_HINT,
          });
        }
        throw new LoadError({
          offset: ks,
          end: ke,
          message: `Found unhashable key: a ${typeName(k)} cannot be a mapping key for PyYAML.`,
          hint: 'Use a plain text key, or quote it.',
        });
      }
      keyValue = k.value;
      keySpan = k.span;
    }
    const value = build(ctx, valueNode, keyNode ? rangeOf(keyNode)[1] : keyStart);
    const entry: YMapEntry = { key: pythonStr(keyValue), keySpan, value };
    if (keyValue.type !== 'str') entry.keyValue = keyValue;
    own.push({ entry, identity: keyIdentity(keyValue) });
  }
  // Last one wins; Python keeps the first key object, so its str() is kept.
  const all = [...merged, ...own];
  const firstKey = new Map<string, YMapEntry>();
  const lastIndex = new Map<string, number>();
  all.forEach((r, i) => {
    if (!firstKey.has(r.identity)) firstKey.set(r.identity, r.entry);
    lastIndex.set(r.identity, i);
  });
  const entries: YMapEntry[] = [];
  all.forEach((r, i) => {
    if (lastIndex.get(r.identity) !== i) return;
    const first = firstKey.get(r.identity);
    if (first && first !== r.entry && first.key !== r.entry.key) {
      const e: YMapEntry = { key: first.key, keySpan: r.entry.keySpan, value: r.entry.value };
      if (first.keyValue) e.keyValue = first.keyValue;
      entries.push(e);
    } else {
      entries.push(r.entry);
    }
  });
  return { kind: 'map', entries, span };
}

function toRaw(entry: YMapEntry): RawEntry {
  return { entry, identity: keyIdentity(entry.keyValue ?? { type: 'str', value: entry.key }) };
}

function finding(ctx: BuildState, file: string, p: SyntaxProblem): Finding {
  const a = ctx.lc.linePos(p.offset);
  const endOff = Math.max(p.end, p.offset);
  const b = ctx.lc.linePos(endOff);
  return makeFinding(
    'yaml-syntax',
    { file, line: a.line, column: a.col, endLine: b.line, endColumn: b.col },
    p.message,
    p.hint ? { hint: p.hint } : {},
  );
}

/**
 * Parse one YAML file the way az ml does (PyYAML safe_load, YAML 1.1), keeping positions.
 * Empty file (or only comments / an empty document) → root undefined, no findings.
 * Any problem PyYAML would raise on → one `yaml-syntax` finding and root undefined.
 */
export function loadYaml(text: string, file: string): LoadResult {
  const lc = new LineCounter();
  const tokens = Array.from(new Parser(lc.addNewLine).parse(text));
  const composer = new Composer({ schema: 'failsafe', uniqueKeys: false, merge: false, version: '1.1', strict: true });
  const docs: Document.Parsed[] = Array.from(composer.compose(tokens, true, text.length));
  const ctx: BuildState = { text, lc, anchors: new Map() };
  const fail1 = (p: SyntaxProblem): LoadResult => ({ root: undefined, findings: [finding(ctx, file, p)] });

  const first = docs[0];
  const second = docs[1];
  const limit = second ? (second.range?.[0] ?? text.length) : Infinity;
  // Syntax problems PyYAML would meet before the second document: parser errors and tabs.
  // Each candidate is ranked by where the parser meets it (the library's own error position),
  // which may differ from where the finding points.
  const problems: { at: number; problem: SyntaxProblem }[] = [];
  const libError = (first?.errors ?? []).find((err) => err.pos[0] < limit);
  if (libError) problems.push({ at: libError.pos[0], problem: syntaxProblem(text, libError) });
  const tab = findTab(tokens);
  if (tab !== undefined && tab < limit) problems.push({ at: tab, problem: tabProblem(tab) });
  for (const p of findStructural(tokens)) if (p.offset < limit) problems.push({ at: p.offset, problem: p });
  if (first) for (const p of findAnchorProblems(text, first)) problems.push({ at: p.offset, problem: p });
  problems.sort((a, b) => a.at - b.at);
  const problem = problems[0]?.problem;
  if (problem) return fail1(problem);
  if (second) {
    const at = secondDocStart(text, second);
    return fail1({
      offset: at,
      end: Math.min(text.length, at + 3),
      message:
        'A second YAML document starts here: az ml reads exactly one document per file (PyYAML: "expected a single document in the stream").',
      hint: 'Put the endpoint and each deployment in a file of its own, or remove the extra "---" / "..." line.',
    });
  }
  if (!first || first.contents === null || first.contents === undefined) return { root: undefined, findings: [] };
  // An empty document (`---` alone) has an empty plain scalar as content: PyYAML returns None.
  const c = first.contents as YamlNode;
  if (isScalar(c) && c.type === 'PLAIN' && c.value === '' && c.tag === undefined && !c.anchor) {
    const [s, e] = rangeOf(c);
    if (s === e) return { root: undefined, findings: [] };
  }
  try {
    return { root: build(ctx, c, 0), findings: [] };
  } catch (e) {
    if (e instanceof LoadError) return fail1(e.problem);
    throw e;
  }
}

function secondDocStart(text: string, doc: Document.Parsed): number {
  const r = doc.range?.[0] ?? text.length;
  // Prefer the "---" marker when the document has one.
  const marker = text.slice(r).match(/^(?:[ \t]*(?:#[^\n]*)?\r?\n)*---/);
  if (marker) return r + marker[0].length - 3;
  const contents = doc.contents as YamlNode | null;
  return contents?.range ? Math.max(r, contents.range[0]) : r;
}

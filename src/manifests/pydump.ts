// PyYAML `yaml.dump(data, sort_keys=True)` for plain data, from the positioned tree: block style,
// 2-space indent, sequences not indented under their key, keys sorted, plain scalars where PyYAML
// would write them plain, single quotes where a plain scalar would change type or is not allowed,
// double quotes (with escapes, non-ASCII escaped) for special characters. This is what azure-ai-ml
// sends as an environment's `condaFile` (research §3.4). Not covered: folding of very long
// single-quoted/double-quoted scalars, multi-line strings (emitted double-quoted).
import type { ScalarValue, YNode } from './tree.ts';
import { pythonStr } from './pystr.ts';

const BEST_WIDTH = 80;

const RESOLVERS: RegExp[] = [
  /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/,
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/,
  /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/,
  /^(?:<<)$/,
  /^(?:~|null|Null|NULL|)$/,
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/,
  /^(?:=)$/,
];

const WS = '\0 \t\r\n\x85\u2028\u2029';
const BREAKS = '\n\x85\u2028\u2029';

/** PyYAML Emitter.analyze_scalar, reduced to what the style choice needs (allow_unicode=False). */
function analyze(s: string): { blockPlain: boolean; singleQuoted: boolean } {
  if (s === '') return { blockPlain: false, singleQuoted: true };
  let blockIndicators = false;
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  if (s.startsWith('---') || s.startsWith('...')) blockIndicators = true;
  const chars = [...s];
  let precededByWs = true;
  let followedByWs = chars.length === 1 || WS.includes(chars[1] ?? '');
  let prevSpace = false;
  let prevBreak = false;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      if ('?:'.includes(ch) && followedByWs) blockIndicators = true;
      if (ch === '-' && followedByWs) blockIndicators = true;
    } else {
      if (ch === ':' && followedByWs) blockIndicators = true;
      if (ch === '#' && precededByWs) blockIndicators = true;
    }
    if (BREAKS.includes(ch)) lineBreaks = true;
    const cp = ch.codePointAt(0) ?? 0;
    if (!(ch === '\n' || (cp >= 0x20 && cp <= 0x7e))) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (BREAKS.includes(ch)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else {
      prevSpace = false;
      prevBreak = false;
    }
    precededByWs = WS.includes(ch);
    followedByWs = i + 2 >= chars.length || WS.includes(chars[i + 2] ?? '');
  }
  let blockPlain = true;
  let singleQuoted = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
  if (breakSpace) blockPlain = singleQuoted = false;
  if (spaceBreak || special) blockPlain = singleQuoted = false;
  if (lineBreaks) {
    blockPlain = false;
    singleQuoted = false; // simplification: multi-line strings are written double-quoted
  }
  if (blockIndicators) blockPlain = false;
  return { blockPlain, singleQuoted };
}

const ESCAPES: Record<string, string> = {
  '\0': '0', '\x07': 'a', '\x08': 'b', '\t': 't', '\n': 'n', '\x0b': 'v', '\x0c': 'f', '\r': 'r', '\x1b': 'e', '"': '"', '\\': '\\', '\x85': 'N', '\xa0': '_', '\u2028': 'L', '\u2029': 'P',
};

function doubleQuoted(s: string): string {
  let out = '"';
  for (const ch of s) {
    const esc = ESCAPES[ch];
    const cp = ch.codePointAt(0) ?? 0;
    if (esc !== undefined) out += `\\${esc}`;
    else if (cp >= 0x20 && cp <= 0x7e) out += ch;
    else if (cp <= 0xff) out += `\\x${cp.toString(16).toUpperCase().padStart(2, '0')}`;
    else if (cp <= 0xffff) out += `\\u${cp.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).toUpperCase().padStart(8, '0')}`;
  }
  return `${out}"`;
}

/** Plain text, folded at spaces once the column passes 80 (PyYAML write_plain). */
function plain(s: string, column: number, indent: number): string {
  let out = '';
  let col = column;
  const words = s.split(' ');
  words.forEach((w, i) => {
    if (i > 0) {
      // a single space between two words may become a line break
      if (w !== '' && words[i - 1] !== '' && col > BEST_WIDTH) {
        out += `\n${' '.repeat(indent)}`;
        col = indent;
      } else {
        out += ' ';
        col += 1;
      }
    }
    out += w;
    col += w.length;
  });
  return out;
}

function strScalar(s: string, column: number, indent: number): string {
  const a = analyze(s);
  const implicitStr = !RESOLVERS.some((r) => r.test(s));
  if (implicitStr && a.blockPlain) return plain(s, column, indent);
  if (a.singleQuoted) return `'${s.replaceAll("'", "''")}'`;
  return doubleQuoted(s);
}

function scalarText(v: ScalarValue, column: number, indent: number): string {
  switch (v.type) {
    case 'str':
      return strScalar(v.value, column, indent);
    case 'null':
      return 'null';
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'int':
      return v.value.toString();
    case 'float': {
      if (Number.isNaN(v.value)) return '.nan';
      if (v.value === Infinity) return '.inf';
      if (v.value === -Infinity) return '-.inf';
      const r = pythonStr(v).toLowerCase();
      return !r.includes('.') && r.includes('e') ? r.replace('e', '.0e') : r;
    }
    case 'timestamp':
      return v.iso.replace(' ', 'T');
  }
}

function sortedEntries(node: YNode & { kind: 'map' }): Array<{ key: string; value: YNode }> {
  return [...node.entries].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

function isEmptyCollection(n: YNode): boolean {
  return (n.kind === 'map' && n.entries.length === 0) || (n.kind === 'seq' && n.items.length === 0);
}

function emptyText(n: YNode): string {
  return n.kind === 'map' ? '{}' : '[]';
}

/** Emit `node` as block content whose first line continues at `column`, nested lines at `indent`. */
function emit(node: YNode, indent: number, column: number, out: string[], first: { pending: string }): void {
  if (node.kind === 'scalar') {
    out.push(first.pending + scalarText(node.value, column, indent));
    first.pending = '';
    return;
  }
  if (isEmptyCollection(node)) {
    out.push(first.pending + emptyText(node));
    first.pending = '';
    return;
  }
  if (node.kind === 'map') {
    sortedEntries(node).forEach((e, i) => {
      const prefix = i === 0 ? first.pending : ' '.repeat(indent);
      const key = strScalar(e.key, indent, indent);
      const head = `${prefix}${key}:`;
      const v = e.value;
      if (v.kind === 'scalar' || isEmptyCollection(v)) {
        const col = head.length + 1;
        out.push(`${head} ${v.kind === 'scalar' ? scalarText(v.value, col, indent + 2) : emptyText(v)}`);
      } else if (v.kind === 'map') {
        out.push(head);
        emit(v, indent + 2, indent + 2, out, { pending: ' '.repeat(indent + 2) });
      } else {
        out.push(head);
        emit(v, indent, indent, out, { pending: ' '.repeat(indent) });
      }
    });
    first.pending = '';
    return;
  }
  node.items.forEach((item, i) => {
    const prefix = `${i === 0 ? first.pending : ' '.repeat(indent)}- `;
    emit(item, indent + 2, prefix.length, out, { pending: prefix });
  });
  first.pending = '';
}

/** `yaml.dump(data, sort_keys=True)` as PyYAML 6 writes it (default_flow_style=False). */
export function dumpPyYaml(node: YNode): string {
  if (node.kind === 'scalar' || isEmptyCollection(node)) {
    const text = node.kind === 'scalar' ? scalarText(node.value, 0, 0) : emptyText(node);
    return node.kind === 'scalar' ? `${text}\n...\n` : `${text}\n`;
  }
  const out: string[] = [];
  emit(node, 0, 0, out, { pending: '' });
  return `${out.join('\n')}\n`;
}

/** Identity: the dumper reads the positioned tree directly (kept for call-site clarity). */
export function nodeToPy(node: YNode): YNode {
  return node;
}

// The positioned YAML tree every spec check reads. Built by ./yaml.ts from the `yaml` library's
// CST with YAML 1.1 (PyYAML safe_load) meaning; pure data, no library types leak past it.

/** 1-based start and end of a node in its file. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** The Python value PyYAML would produce, as close as JS allows. */
export type ScalarValue =
  | { type: 'null' }
  | { type: 'bool'; value: boolean }
  | { type: 'int'; value: bigint }
  | { type: 'float'; value: number }
  | { type: 'str'; value: string }
  /** `2021-01-01` or a YAML 1.1 timestamp; `text` is the source text, `iso` the Python str(). */
  | { type: 'timestamp'; text: string; iso: string };

export interface YScalar {
  kind: 'scalar';
  value: ScalarValue;
  /** The scalar as written (without quotes), for messages. */
  source: string;
  /** Whether it was quoted ('…' or "…") or a block scalar: quoted values are always strings. */
  quoted: boolean;
  /** For a single- or double-quoted scalar: the text between the quotes exactly as written
   * (escapes and doubled quotes included), for positions inside it (./scalar-geometry.ts). */
  raw?: string;
  span: Span;
  /** Set when the value came from a `set` override rather than the file. */
  override?: string;
}

export interface YMapEntry {
  key: string;
  keySpan: Span;
  value: YNode;
  /** Set only when the key was not a string for PyYAML (`1:`, `true:`, `~:`, a date…): the value
   * it resolved to. `key` then holds its Python str() (`'1'`, `'True'`, `'None'`). */
  keyValue?: ScalarValue;
}

export interface YMap {
  kind: 'map';
  /** In source order; on duplicate keys the last one wins (PyYAML), earlier ones are dropped. */
  entries: YMapEntry[];
  span: Span;
  override?: string;
}

export interface YSeq {
  kind: 'seq';
  items: YNode[];
  span: Span;
  override?: string;
}

export type YNode = YScalar | YMap | YSeq;

export function getEntry(map: YMap, key: string): YMapEntry | undefined {
  return map.entries.find((e) => e.key === key);
}

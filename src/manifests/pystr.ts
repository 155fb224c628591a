// Python's str() of the values PyYAML's safe_load produces, and a plain-JS view of the tree.
// The az ml SDK sends tags/properties/environment_variables through str(), so `3.10` must become
// "3.1", `yes` "True", `1e-05`-style floats keep Python's repr, dates their isoformat.
import type { ScalarValue, YNode } from './tree.ts';

/** Python repr()/str() of a float (the 'r' format: shortest round-trip digits). */
export function pythonFloatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  // toExponential() with no argument gives the shortest digits that round-trip, like Python.
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(x.toExponential());
  if (!m) return String(x);
  const sign = m[1] ?? '';
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const exp = Number(m[4]);
  if (exp < -4 || exp >= 16) {
    const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp);
    return `${sign}${mantissa}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' : ''}${e}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const intLen = exp + 1;
  if (digits.length <= intLen) return `${sign}${digits}${'0'.repeat(intLen - digits.length)}.0`;
  return `${sign}${digits.slice(0, intLen)}.${digits.slice(intLen)}`;
}

/** Python's str() of the value PyYAML produced for a scalar. */
export function pythonStr(value: ScalarValue): string {
  switch (value.type) {
    case 'null':
      return 'None';
    case 'bool':
      return value.value ? 'True' : 'False';
    case 'int':
      return value.value.toString();
    case 'float':
      return pythonFloatRepr(value.value);
    case 'str':
      return value.value;
    case 'timestamp':
      return value.iso;
  }
}

/** A scalar as plain JSON-able JS: ints as numbers when safe (else their decimal string),
 * non-finite floats as Python spells them ('inf', '-inf', 'nan'), timestamps as Python str(). */
export function scalarToPlain(value: ScalarValue): null | boolean | number | string {
  switch (value.type) {
    case 'null':
      return null;
    case 'bool':
      return value.value;
    case 'int': {
      const n = Number(value.value);
      return Number.isSafeInteger(n) ? n : value.value.toString();
    }
    case 'float':
      return Number.isFinite(value.value) ? value.value : pythonFloatRepr(value.value);
    case 'str':
      return value.value;
    case 'timestamp':
      return value.iso;
  }
}

/** The tree as plain JS for JSON output: maps → objects (keys as PyYAML's str()), seqs → arrays. */
export function toPlain(node: YNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return scalarToPlain(node.value);
    case 'seq':
      return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) {
        // defineProperty so a key named "__proto__" stays an ordinary own property.
        Object.defineProperty(out, e.key, { value: toPlain(e.value), enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  }
}

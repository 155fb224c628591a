// The one edit distance of the code base: "did you mean" hints for unknown keys and enum values
// (./schema.ts) and for misspelt secret-reference segments (src/secrets/parse.ts). PURE.

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => Array.from({ length: n + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? 0;
  for (let i = 1; i <= m; i++) {
    const row = d[i] ?? [];
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, at(i - 2, j - 2) + 1);
      row[j] = v;
    }
  }
  return at(m, n);
}

/** The candidate closest to `s` (case-insensitive), if it is close enough to be a likely typo. */
export function closest(s: string, candidates: readonly string[]): string | undefined {
  const low = s.toLowerCase();
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const cl = c.toLowerCase();
    let d = editDistance(low, cl);
    if (d > 0 && (cl.includes(low) || low.includes(cl)) && Math.min(low.length, cl.length) >= 4) d = Math.min(d, 2);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.min(3, Math.floor(Math.max(s.length, best.length) / 3)));
  return bestD <= limit ? best : undefined;
}

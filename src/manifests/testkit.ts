// Test helpers for the spec layer (imported by *.test.ts only): load YAML text the way the action
// does (loadYaml + optional `set` overrides) and fake a file system from a list of paths.
import { loadYaml } from './yaml.ts';
import { applyOverrides, parseOverrides } from './overrides.ts';
import type { SpecEnvironment } from './assets.ts';
import type { YNode } from './tree.ts';
import type { Finding } from '../findings/finding.ts';

export const DIR = '/repo/deploy';

export function load(text: string, sets = ''): YNode | undefined {
  const { root, findings } = loadYaml(text, 'f.yml');
  if (findings.length) throw new Error(`YAML did not load: ${findings.map((f) => f.message).join('; ')}`);
  if (!sets) return root;
  const { overrides, errors } = parseOverrides(sets);
  if (errors.length) throw new Error(errors.join('; '));
  return applyOverrides(root, overrides, 'f.yml').root;
}

/** A fake file system: `files` maps absolute paths to contents (dirs are implied by their files, or end with '/'). */
export function fakeEnv(files: Record<string, string> = {}): SpecEnvironment {
  const dirs = new Set<string>();
  for (const p of Object.keys(files)) {
    let d = p.endsWith('/') ? p.slice(0, -1) : p.slice(0, p.lastIndexOf('/'));
    while (d) {
      dirs.add(d);
      d = d.slice(0, d.lastIndexOf('/'));
    }
  }
  return {
    exists(abs) {
      if (Object.hasOwn(files, abs) && !abs.endsWith('/')) return 'file';
      if (dirs.has(abs)) return 'dir';
      return undefined;
    },
    readText: (abs) => files[abs],
    parseYaml: (text, file) => loadYaml(text, file),
  };
}

/** [rule, line, column] of each finding, for compact table assertions. */
export function brief(findings: readonly Finding[]): Array<[string, number, number]> {
  return findings.map((f) => [f.rule, f.line, f.column]);
}

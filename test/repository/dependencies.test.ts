// Runtime dependencies are exactly what dist/ bundles: every package the action's sources (src/,
// tests excluded) import is in `dependencies`, and every entry of `dependencies` is imported by
// them (type-only imports aside). What only the tests, the emulator or the scripts use belongs in `devDependencies`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';

const root = new URL('../..', import.meta.url).pathname;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && e.name !== 'testkit.ts' ? [path] : [];
  });
}

/** The package of a bare specifier: `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; relative and node: ones → undefined. */
function packageOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('node:') || specifier.startsWith('/')) return undefined;
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function importedPackages(): Set<string> {
  const found = new Set<string>();
  for (const file of sources(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    // `import type` is erased: it puts nothing into dist/ (the types come with a runtime package).
    for (const m of text.matchAll(/(?:^|\s)(?:import|export)\s(?!type\s)[^;'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)) {
      const name = packageOf((m[1] ?? m[2]) as string);
      if (name) found.add(name);
    }
  }
  return found;
}

describe('runtime dependencies are what dist/ needs', () => {
  const cases: [string, string | undefined][] = [['@azure/identity', '@azure/identity'], ['@actions/workflow-parser/actions/index', '@actions/workflow-parser'], ['yaml', 'yaml'], ['yaml/util', 'yaml'], ['./x.ts', undefined], ['node:fs', undefined]];
  for (const [specifier, expected] of cases) it(`packageOf(${specifier})`, () => assert.equal(packageOf(specifier), expected));

  const imported = importedPackages();
  it('src/ imports something (the scan works)', () => assert.ok(imported.has('@actions/core') && imported.has('yaml'), [...imported].join(', ')));
  it('every package src/ imports is a runtime dependency', () => {
    assert.deepEqual([...imported].filter((name) => !(name in pkg.dependencies)).sort(), []);
  });
  it('every runtime dependency is imported by src/', () => {
    assert.deepEqual(Object.keys(pkg.dependencies).filter((name) => !imported.has(name)).sort(), []);
  });
  it('the SDKs only the tests and the emulator use are development dependencies', () => {
    for (const name of ['@azure/arm-machinelearning', '@azure/arm-authorization', '@azure/keyvault-secrets', '@actions/workflow-parser']) {
      assert.ok(name in pkg.devDependencies && !(name in pkg.dependencies), name);
    }
  });
});

// dist/ is what the runner executes, so it is committed and must equal a fresh `npm run package`.
// `--shape` only checks the bundle itself (run at the end of `npm run package`); without it this
// rebuilds into a scratch copy of the repo and compares byte for byte.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(join(dir, e.name), base) : [relative(base, join(dir, e.name))],
  ).sort();
}

function checkShape(distDir) {
  const index = readFileSync(join(distDir, 'index.js'), 'utf8');
  // A CommonJS build of ESM-only @actions/* packages "succeeds" with this marker and crashes at run time.
  if (index.includes('webpackMissingModule')) throw new Error('dist/index.js contains webpackMissingModule: a dependency was not bundled');
  const pkg = JSON.parse(readFileSync(join(distDir, 'package.json'), 'utf8'));
  if (pkg.type !== 'module') throw new Error('dist/package.json must say "type": "module"');
}

if (process.argv.includes('--shape')) {
  checkShape(join(root, 'dist'));
  process.exit(0);
}

const scratch = mkdtempSync(join(tmpdir(), 'aod-dist-'));
try {
  for (const entry of ['src', 'package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'scripts']) {
    cpSync(join(root, entry), join(scratch, entry), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'), 'dir');
  execFileSync('npm', ['run', '-s', 'package'], { cwd: scratch, stdio: ['ignore', 'ignore', 'inherit'] });
  const fresh = join(scratch, 'dist');
  const committed = join(root, 'dist');
  const freshFiles = listFiles(fresh);
  const committedFiles = listFiles(committed);
  const problems = [];
  for (const f of new Set([...freshFiles, ...committedFiles])) {
    if (!freshFiles.includes(f)) problems.push(`dist/${f} is not produced by a fresh build`);
    else if (!committedFiles.includes(f)) problems.push(`dist/${f} is missing`);
    else if (!readFileSync(join(fresh, f)).equals(readFileSync(join(committed, f)))) problems.push(`dist/${f} differs`);
  }
  if (problems.length) {
    console.error(`dist/ is out of date; run \`npm run package\` and commit dist/:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  console.log(`dist/ matches a fresh build (${freshFiles.length} files)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

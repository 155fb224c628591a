// dist/ is what the runner executes, so it is committed and must equal a fresh `npm run package`.
// `--shape` only checks the bundle itself (run at the end of `npm run package`). Without it, this
// rebuilds in place (webpack's module ids depend on the build folder, so a scratch copy would not
// compare), compares with the dist/ that was there, and puts that dist/ back.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const dist = join(root, 'dist');

function listFiles(dir, base = dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), base) : [relative(base, join(dir, e.name))]))
    .sort();
}

function checkShape(distDir) {
  const index = readFileSync(join(distDir, 'index.js'), 'utf8');
  // A CommonJS build of ESM-only @actions/* packages "succeeds" with this marker and crashes at run time.
  if (index.includes('webpackMissingModule')) throw new Error('dist/index.js contains webpackMissingModule: a dependency was not bundled');
  const pkg = JSON.parse(readFileSync(join(distDir, 'package.json'), 'utf8'));
  if (pkg.type !== 'module') throw new Error('dist/package.json must say "type": "module"');
}

if (process.argv.includes('--shape')) {
  checkShape(dist);
  process.exit(0);
}

const saved = join(mkdtempSync(join(tmpdir(), 'aod-dist-')), 'dist');
if (existsSync(dist)) cpSync(dist, saved, { recursive: true });
let problems = [];
try {
  execFileSync('npm', ['run', '-s', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const freshFiles = listFiles(dist);
  const committedFiles = listFiles(saved);
  for (const f of new Set([...freshFiles, ...committedFiles])) {
    if (!freshFiles.includes(f)) problems.push(`dist/${f} is not produced by a fresh build`);
    else if (!committedFiles.includes(f)) problems.push(`dist/${f} is missing`);
    else if (!readFileSync(join(dist, f)).equals(readFileSync(join(saved, f)))) problems.push(`dist/${f} differs`);
  }
} finally {
  rmSync(dist, { recursive: true, force: true });
  if (existsSync(saved)) cpSync(saved, dist, { recursive: true });
  rmSync(saved, { recursive: true, force: true });
}
if (problems.length) {
  console.error(`dist/ is out of date; run \`npm run package\` and commit dist/:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`dist/ matches a fresh build (${listFiles(dist).length} files)`);

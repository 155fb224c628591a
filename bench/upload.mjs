// Local-asset upload: wall time and peak memory of planning (walk + hash) and uploading a code
// folder to Azure in a box (test/emulator, blob store behind its TLS proxy), then of a re-run with
// unchanged files. Prints figures; asserts nothing. Goals (issue #9): peak memory flat in folder
// size; a re-run sends no byte.
// Usage: node bench/upload.mjs [--latency-ms N]   (sizes: 20 MB / 200 files and 200 MB / 2,000 files)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnEmulator, scenarioPath } from '../test/emulator/harness.ts';

const root = new URL('..', import.meta.url).pathname;
const latency = process.argv.includes('--latency-ms') ? ['--latency-ms', process.argv[process.argv.indexOf('--latency-ms') + 1]] : [];
const SIZES = [
  { files: 200, mb: 20 },
  { files: 2000, mb: 200 },
];

/** `files` files in 20 sub-folders, sizes spread around the mean (70 %–130 %), incompressible. */
function makeFolder(dir, files, mb) {
  const mean = (mb * 1024 * 1024) / files;
  let total = 0;
  for (let i = 0; i < files; i++) {
    const sub = join(dir, `part-${String(i % 20).padStart(2, '0')}`);
    mkdirSync(sub, { recursive: true });
    const size = i === files - 1 ? mb * 1024 * 1024 - total : Math.round(mean * (0.7 + 0.6 * ((i * 7919) % 1000) / 1000));
    writeFileSync(join(sub, `f-${i}.bin`), randomBytes(size));
    total += size;
  }
  writeFileSync(join(dir, 'score.py'), 'def init():\n    pass\n');
}

function run(folder, emu, nodeArgs = []) {
  const started = performance.now();
  const r = spawnSync(process.execPath, [...nodeArgs, join(root, 'bench', 'upload-run.ts'), folder], { env: { ...process.env, EMU: JSON.stringify(emu) }, encoding: 'utf8', maxBuffer: 1 << 20 });
  const wallMs = Math.round(performance.now() - started);
  if (r.status !== 0) throw new Error(`upload run failed (${r.status}): ${r.stderr}`);
  return { ...JSON.parse(r.stdout.trim().split('\n').at(-1)), wallMs };
}

const emu = await spawnEmulator(scenarioPath('demo.yml'), latency);
const scratch = mkdtempSync(join(tmpdir(), 'aod-upload-bench-'));
const rows = [];
try {
  for (const { files, mb } of SIZES) {
    const folder = join(scratch, `code-${mb}mb`);
    makeFolder(folder, files, mb);
    for (const label of ['first run', 're-run']) {
      const r = run(folder, emu);
      rows.push({ folder: `${files + 1} files, ${mb} MB`, run: label, ...r });
    }
  }
  // Flat memory, proven rather than sampled: the largest folder again (one file changed, so every
  // file goes up again) with the JS heap capped at 48 MiB; a leak or a whole-file read would die.
  const { files, mb } = SIZES.at(-1);
  const folder = join(scratch, `code-${mb}mb`);
  writeFileSync(join(folder, 'score.py'), 'def init():\n    return 1\n');
  rows.push({ folder: `${files + 1} files, ${mb} MB`, run: 'changed, heap ≤ 48 MiB', ...run(folder, emu, ['--max-old-space-size=48']) });
} finally {
  await emu.stop();
  rmSync(scratch, { recursive: true, force: true });
}

const MiB = (b) => (b / 1024 / 1024).toFixed(1);
console.log(`node ${process.version}, emulator latency ${latency[1] ?? 0} ms per request`);
console.log('| folder | run | wall s | plan (walk+hash) s | upload s | sent files | sent MiB | MiB/s | uploader CPU s | peak RSS MiB | peak heap MiB | peak buffers MiB |');
console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  const rate = r.uploadMs > 0 && r.uploadedBytes > 0 ? (r.uploadedBytes / 1024 / 1024 / (r.uploadMs / 1000)).toFixed(1) : '–';
  console.log(`| ${r.folder} | ${r.run} | ${(r.wallMs / 1000).toFixed(2)} | ${(r.planMs / 1000).toFixed(2)} | ${(r.uploadMs / 1000).toFixed(2)} | ${r.uploadedFiles} | ${MiB(r.uploadedBytes)} | ${rate} | ${r.cpuS} | ${r.maxRssMiB} | ${r.peakHeapMiB} | ${r.peakBuffersMiB} |`);
}

// One upload run for bench/upload.mjs, in a process of its own so that its peak memory is the
// uploader's alone: plan (walk + hash) and upload a code folder to the emulator, print one JSON line.
// Usage: node bench/upload-run.ts <folder>   (EMU = the emulator's start line, as JSON)
import { basename, dirname } from 'node:path';
import { planLocalAssets } from '../src/assets/plan.ts';
import { uploadLocalAssets } from '../src/assets/upload.ts';
import { requestsFor } from '../src/assets/testkit.ts';
import { emulatorSession } from '../test/assets/emulator-session.ts';
import type { Emu } from '../test/emulator/harness.ts';

const folder = process.argv[2] ?? '';
const emu = JSON.parse(process.env.EMU ?? '{}') as Emu;
const yaml = `name: blue
endpoint_name: my-endpoint
model: azureml:demo-model:1
code_configuration:
  code: ${basename(folder)}
  scoring_script: score.py
environment: azureml:demo-env:1
instance_type: Standard_DS3_v2
instance_count: 1
`;
// Sampled peaks: live JS heap and Buffers (what the uploader holds), next to the process's peak RSS.
let peakHeap = 0;
let peakBuffers = 0;
const sample = (): void => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakBuffers = Math.max(peakBuffers, m.arrayBuffers);
};
const sampler = setInterval(sample, 100);
const session = emulatorSession(emu);
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const plan = await planLocalAssets(session, requestsFor(dirname(folder), yaml));
const t1 = performance.now();
const result = await uploadLocalAssets(session, plan);
const t2 = performance.now();
clearInterval(sampler);
sample();
process.stdout.write(`${JSON.stringify({
  changes: plan.changes,
  files: plan.facts[0]?.files ?? 0,
  bytes: plan.facts[0]?.bytes ?? 0,
  uploadedFiles: result.uploadedFiles,
  uploadedBytes: result.uploadedBytes,
  planMs: Math.round(t1 - t0),
  uploadMs: Math.round(t2 - t1),
  cpuS: Number(((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6).toFixed(2)),
  maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  peakHeapMiB: Math.round(peakHeap / 1024 / 1024),
  peakBuffersMiB: Math.round(peakBuffers / 1024 / 1024),
})}\n`);

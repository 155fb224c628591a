#!/usr/bin/env node
// Entry: node test/emulator/cli.mjs --scenario FILE [--latency-ms N]
// Prints one JSON line {"env","inputs","admin","github"} and serves until SIGTERM/SIGINT.
// Needs Node >= 24 (runs the TypeScript sources through Node's type stripping).
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { scenario: { type: 'string' }, 'latency-ms': { type: 'string' } },
  strict: true,
});
if (!values.scenario) {
  process.stderr.write('usage: node test/emulator/cli.mjs --scenario FILE [--latency-ms N]\n');
  process.exit(2);
}
const { startEmulator } = await import('./server.ts');
let emu;
try {
  emu = await startEmulator({ scenarioFile: values.scenario, latencyMs: values['latency-ms'] ? Number(values['latency-ms']) : 0 });
} catch (e) {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
process.stdout.write(JSON.stringify({ env: emu.env, inputs: emu.inputs, admin: emu.admin, github: emu.github }) + '\n');
const stop = () => {
  emu.close().finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
// Never outlive the process that started us (a crashed test runner must not leak emulators).
const parent = process.ppid;
setInterval(() => {
  try {
    process.kill(parent, 0);
  } catch {
    stop();
  }
}, 1000).unref();

// What a run publishes as the number of deployment files grows: job summary, largest output, SARIF
// and plan file sizes, and the wall time of a `mode: lint` run of the bundled action. GitHub drops a
// summary over 1 MiB and refuses an output over 1 MB (issue #10). Prints figures; asserts nothing.
// Usage: node bench/report-size.mjs [counts, default 10,100,1000]
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const counts = (process.argv[2] ?? '10,100,1000').split(',').map(Number);

function deployment(i) {
  const name = `d${String(i).padStart(5, '0')}`;
  return `name: ${name}
endpoint_name: bench-endpoint
model: azureml:model-${name}:1
environment: azureml:env:1
${i % 5 === 0 ? 'instance_typ' : 'instance_type'}: Standard_DS2_v2
instance_count: 1
environment_variables:
  OPENAI_KEY: \${{azureml://connections/aoai/credentials/key}}
  DB_PASSWORD: \${{keyvault:https://kv1.vault.azure.net/secrets/db-${name}/0123456789abcdef0123456789abcdef}}
`;
}

/** `name<<DELIMITER` blocks of GITHUB_OUTPUT → sizes in bytes. */
function outputSizes(text) {
  const sizes = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!m) continue;
    const value = [];
    while (++i < lines.length && lines[i] !== m[2]) value.push(lines[i]);
    sizes[m[1]] = Buffer.byteLength(value.join('\n'));
  }
  return sizes;
}

const kb = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log('files  summary    largest output         SARIF file  plan file   lint run');
for (const count of counts) {
  const workspace = mkdtempSync(join(tmpdir(), 'aod-bench-ws-'));
  const runner = mkdtempSync(join(tmpdir(), 'aod-bench-runner-'));
  mkdirSync(join(workspace, 'ml'));
  writeFileSync(join(workspace, 'ml/endpoint.yml'), 'name: bench-endpoint\nauth_mode: key\n');
  const names = [];
  for (let i = 1; i <= count; i++) {
    const path = `ml/d${i}.yml`;
    writeFileSync(join(workspace, path), deployment(i));
    names.push(path);
  }
  const env = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runner,
    GITHUB_OUTPUT: join(runner, 'output'),
    GITHUB_STEP_SUMMARY: join(runner, 'summary'),
    INPUT_MODE: 'lint',
    'INPUT_ENDPOINT-FILE': 'ml/endpoint.yml',
    'INPUT_DEPLOYMENT-FILE': names.join('\n'),
  };
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  const start = process.hrtime.bigint();
  spawnSync(process.execPath, [join(root, 'dist/index.js')], { cwd: workspace, env, stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const outputs = outputSizes(readFileSync(env.GITHUB_OUTPUT, 'utf8'));
  const [largest, largestSize] = Object.entries(outputs).sort((a, b) => b[1] - a[1])[0] ?? ['-', 0];
  const fileSize = (file) => (file ? statSync(file).size : 0);
  const text = readFileSync(env.GITHUB_OUTPUT, 'utf8');
  const path = (name) => new RegExp(`^${name}<<(.+)\\n(.*)\\n`, 'm').exec(text)?.[2];
  console.log(
    `${String(count).padStart(5)}  ${kb(statSync(env.GITHUB_STEP_SUMMARY).size).padStart(8)}   ${`${largest} ${kb(largestSize)}`.padEnd(20)}  ${kb(fileSize(path('sarif-file'))).padStart(10)}  ${kb(fileSize(path('plan-file'))).padStart(9)}  ${(ms / 1000).toFixed(1).padStart(6)} s`,
  );
}

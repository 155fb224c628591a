// `npm run demo`: the action's main job against Azure in a box. Starts the emulator with the demo
// scenario, runs `node dist/index.js` exactly as the runner would (INPUT_* variables, files for
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, the emulator's proxy/CA/OIDC variables) on
// examples/endpoint.yml and examples/deployment.yml, shows what a user sees, and stops the emulator.
//
//   npm run demo                 # deploy: a gated rollout and a rolled-back one (scripts/demo-deploy.mjs)
//   npm run demo -- lint         # or validate
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const mode = process.argv[2] ?? 'deploy';
if (mode === 'deploy') {
  await import('./demo-deploy.mjs');
  process.exit();
}
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const color = { error: 31, warning: 33, notice: 36 };
const paint = (sev, s) => (process.stdout.isTTY ? `\x1b[${color[sev]}m${s}\x1b[0m` : s);

const emulator = spawn(process.execPath, [join(root, 'test/emulator/cli.mjs'), '--scenario', join(root, 'test/emulator/scenarios/demo.yml')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const stop = () => emulator.kill('SIGTERM');
process.on('exit', stop);

const contract = await new Promise((resolve, reject) => {
  const lines = createInterface({ input: emulator.stdout });
  lines.once('line', (line) => resolve(JSON.parse(line)));
  emulator.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it was ready`)));
});
console.log(bold(`Azure in a box is up (admin ${contract.admin}); running the action in mode '${mode}'.\n`));

async function runOnce(workspace, title) {
  const scratch = mkdtempSync(join(tmpdir(), 'aod-demo-'));
  const files = { output: join(scratch, 'output.txt'), summary: join(scratch, 'summary.md'), event: join(scratch, 'event.json') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, '{}');
  const inputs = { ...contract.inputs, mode, 'endpoint-file': 'examples/endpoint.yml', 'deployment-file': 'examples/deployment.yml' };
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: contract.github?.repository ?? 'octo-org/octo-repo',
    RUNNER_TEMP: scratch,
    ...contract.env,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const action = spawn(process.execPath, [join(root, 'dist/index.js')], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  action.stdout.setEncoding('utf8').on('data', (d) => (log += d));
  const code = await new Promise((resolve) => action.on('close', resolve));

  console.log(bold(`\n════ ${title} ════`));
  console.log(bold('── Runner log ──'));
  console.log(log.trimEnd());
  console.log(bold('\n── Annotations (as GitHub shows them on the files) ──'));
  const annotations = log.split('\n').filter((l) => /^::(error|warning|notice) /.test(l));
  for (const line of annotations) {
    const [, sev, props, message] = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
    const p = Object.fromEntries(props.split(',').map((kv) => kv.split('=')).map(([k, v]) => [k, unescape(v)]));
    console.log(paint(sev, `${p.file}:${p.line}:${p.col} ${sev} ${p.title}`));
    console.log('  ' + unescape(message).replace(/\n/g, '\n  '));
  }
  if (annotations.length === 0) console.log('(none: the files are clean)');
  console.log(bold('\n── Job summary ──'));
  console.log(readFileSync(files.summary, 'utf8').trimEnd());
  console.log(bold('\n── Outputs ──'));
  const outputs = readFileSync(files.output, 'utf8').replace(/^(.+)<<(.+)\n([\s\S]*?)\n\2$/gm, (_, name, __, value) => `${name} = ${value.length > 300 ? value.slice(0, 300) + '…' : value}`);
  console.log(outputs.trimEnd());
  console.log(bold(`\nThe action exited with ${code}.`));
  return code;
}

function unescape(text) {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

const code = await runOnce(root, 'Run 1: the example endpoint and deployment');

// Run 2: the same files with two typical mistakes, to show annotations on the exact lines.
const broken = mkdtempSync(join(tmpdir(), 'aod-demo-ws-'));
mkdirSync(join(broken, 'examples'));
copyFileSync(join(root, 'examples/endpoint.yml'), join(broken, 'examples/endpoint.yml'));
writeFileSync(
  join(broken, 'examples/deployment.yml'),
  readFileSync(join(root, 'examples/deployment.yml'), 'utf8')
    .replace('azureml://connections/multi_connection_langchain/credentials', 'azureml://connection/multi_connection_langchain/credentials')
    .replace('instance_count:', 'instance_cout:'),
);
const brokenCode = await runOnce(broken, 'Run 2: the same files with two mistakes (expected to fail)');

const requests = await (await fetch(`${contract.admin}/requests`)).json();
const list = Array.isArray(requests) ? requests : (requests.requests ?? []);
console.log(bold(`\n── Requests the emulator served: ${list.length} ──`));
for (const r of list) console.log(`${r.status} ${r.method} ${r.host}${r.path}`);
if (brokenCode === 0) console.log('Run 2 was expected to fail but passed.');
stop();
process.exitCode = code === 0 && brokenCode !== 0 ? 0 : 1;

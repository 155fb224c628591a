// `npm run demo`: the action's main job against Azure in a box. Starts the emulator with the demo
// scenario, runs `node dist/index.js` exactly as the runner would (INPUT_* variables, files for
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY, the emulator's proxy/CA/OIDC variables) on
// examples/endpoint.yml and examples/deployment.yml, shows what a user sees, and stops the emulator.
//
//   npm run demo                 # validate (the examples pass; a copy with a permission and a key mistake
//                                # fails), then deploy: a gated rollout and a rolled-back one (scripts/demo-deploy.mjs)
//   npm run demo -- validate     # only the validate part;  npm run demo -- deploy: only the rollouts
//   npm run demo -- lint         # offline: a copy with two syntax mistakes
//   npm run demo -- --expand     # the log with every group unfolded (the runner folds them)
//
// The log is shown as the runner shows it (scripts/runner-log.ts): no ::add-mask:: or ::debug::
// lines, masked values as ***, groups folded to their titles, annotations as `Error: …` lines.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ACTION_REPOSITORY } from '../src/report/links.ts';
import { annotationsOf, runnerLog } from './runner-log.ts';

const root = new URL('..', import.meta.url).pathname;
const args = process.argv.slice(2);
const expandGroups = args.includes('--expand');
const requested = args.find((a) => !a.startsWith('--')) ?? 'all';
if (requested === 'deploy') {
  await import('./demo-deploy.mjs');
  process.exit();
}
const mode = requested === 'all' ? 'validate' : requested;
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

async function runOnce(workspace, title, extraInputs = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'aod-demo-'));
  const files = { output: join(scratch, 'output.txt'), summary: join(scratch, 'summary.md'), event: join(scratch, 'event.json') };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  writeFileSync(files.event, '{}');
  const inputs = { ...contract.inputs, mode, 'endpoint-file': 'examples/endpoint.yml', 'deployment-file': 'examples/deployment.yml', ...extraInputs };
  // GITHUB_ACTION_REPOSITORY / _REF as the runner sets them for `uses: OWNER/azureml-online-deploy@main`.
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_EVENT_PATH: files.event,
    GITHUB_REPOSITORY: contract.github?.repository ?? 'octo-org/octo-repo', GITHUB_ACTION_REPOSITORY: ACTION_REPOSITORY, GITHUB_ACTION_REF: 'main',
    RUNNER_TEMP: scratch,
    ...contract.env,
    ...Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const action = spawn(process.execPath, [join(root, 'dist/index.js')], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  action.stdout.setEncoding('utf8').on('data', (d) => (log += d));
  const code = await new Promise((resolve) => action.on('close', resolve));

  console.log(bold(`\n════ ${title} ════`));
  console.log(bold(`── Runner log ──${expandGroups ? '' : ' (groups folded, as the runner first shows them; --expand unfolds)'}`));
  console.log(runnerLog(log, { expandGroups }));
  console.log(bold('\n── Annotations (as GitHub shows them on the files) ──'));
  const annotations = annotationsOf(log);
  for (const { severity, properties: p, message } of annotations) {
    console.log(paint(severity, `${p.file}:${p.line}:${p.col} ${severity} ${p.title}`));
    console.log('  ' + message.replace(/\n/g, '\n  '));
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

// validate: the new endpoint's system identity can hold Key Vault Secrets User only once it exists,
// so the example run lets deploy assign it (grant-missing-roles), as a production workflow would.
const online = mode !== 'lint';
const code = await runOnce(root, 'Run 1: the example endpoint and deployment', online ? { 'grant-missing-roles': 'true' } : {});

// Run 2: the same files with two typical mistakes, to show annotations on the exact lines.
const broken = mkdtempSync(join(tmpdir(), 'aod-demo-ws-'));
mkdirSync(join(broken, 'examples'));
copyFileSync(join(root, 'examples/endpoint.yml'), join(broken, 'examples/endpoint.yml'));
const example = readFileSync(join(root, 'examples/deployment.yml'), 'utf8');
writeFileSync(
  join(broken, 'examples/deployment.yml'),
  online
    ? // A misspelled connection key (the connection has OPENAI_API_KEY), and nobody gives the endpoint identity
      // Key Vault Secrets User (no grant-missing-roles, no admin): both only Azure can tell.
      example.replace('credentials/OPENAI_API_KEY', 'credentials/OPENAI_API_KEYS')
    : example
        .replace('azureml://connections/multi_connection_langchain/credentials', 'azureml://connection/multi_connection_langchain/credentials')
        .replace('instance_count:', 'instance_cout:'),
);
const brokenCode = await runOnce(
  broken,
  online ? 'Run 2: a misspelled connection key, and an endpoint identity nobody gives Key Vault Secrets User (expected to fail)' : 'Run 2: the same files with two mistakes (expected to fail)',
);

const requests = await (await fetch(`${contract.admin}/requests`)).json();
const list = Array.isArray(requests) ? requests : (requests.requests ?? []);
console.log(bold(`\n── Requests the emulator served: ${list.length} ──`));
for (const r of list) console.log(`${r.status} ${r.method} ${r.host}${r.path}`);
const writes = list.filter((r) => r.method !== 'GET' && !/\/listsecrets$|\/oauth2\/v2\.0\/token$/i.test(r.path));
if (mode !== 'deploy') console.log(bold(`Requests that could change anything in Azure: ${writes.length}${writes.length ? ` (${writes.map((r) => `${r.method} ${r.path}`).join(', ')})` : ''}`));
if (brokenCode === 0) console.log('Run 2 was expected to fail but passed.');
stop();
process.exitCode = code === 0 && brokenCode !== 0 ? 0 : 1;
if (requested === 'all') {
  console.log(bold('\n════ Deploy: a gated rollout, then one that rolls back ════'));
  const validateExit = process.exitCode;
  await import('./demo-deploy.mjs');
  process.exitCode = validateExit || process.exitCode;
}

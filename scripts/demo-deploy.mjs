// `npm run demo` (mode deploy): a real gated rollout in Azure in a box, then a failing one.
//
//   1. examples/endpoint.yml + examples/deployment.yml: the endpoint and `blue`, 100 % of the traffic
//      (grant-missing-roles: the new endpoint identity needs Key Vault Secrets User for DB_PASSWORD).
//   2. `green` (the same deployment under another name) joins at 10 → 50 → 100 % with smoke and
//      comparison gates: green serves everything.
//   3. The world is reset to step 1, and green starts failing once it reaches 50 %: the smoke gate
//      fails, traffic goes back to blue 100 % / green 0 %, a red annotation lands on the deployment
//      file, and the summary shows the timeline.
//
// Each run is `node dist/index.js` exactly as the runner starts it (INPUT_* variables, files for
// GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_STATE, the emulator's proxy/CA/OIDC variables).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ACTION_REPOSITORY } from '../src/report/links.ts';
import { annotationsOf, runnerLog } from './runner-log.ts';

const root = new URL('..', import.meta.url).pathname;
const tty = process.stdout.isTTY;
const bold = (s) => (tty ? `\x1b[1m${s}\x1b[0m` : s);
const paint = (sev, s) => (tty ? `\x1b[${{ error: 31, warning: 33, notice: 36 }[sev]}m${s}\x1b[0m` : s);
const expandGroups = process.argv.includes('--expand');

const emulator = spawn(process.execPath, [join(root, 'test/emulator/cli.mjs'), '--scenario', join(root, 'test/emulator/scenarios/demo.yml')], { stdio: ['ignore', 'pipe', 'inherit'] });
const stop = () => emulator.kill('SIGTERM');
process.on('exit', stop);
const contract = await new Promise((resolve, reject) => {
  createInterface({ input: emulator.stdout }).once('line', (line) => resolve(JSON.parse(line)));
  emulator.once('exit', (code) => reject(new Error(`the emulator exited (${code}) before it was ready`)));
});
const adminApi = async (method, path, body) => {
  const res = await fetch(`${contract.admin}${path}`, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
  const text = await res.text();
  return text ? JSON.parse(text) : undefined;
};
console.log(bold(`Azure in a box is up (admin ${contract.admin}); deploying with gates.\n`));

// A workspace with the examples, green (blue under another name) and a smoke request.
const workspace = mkdtempSync(join(tmpdir(), 'aod-demo-deploy-'));
mkdirSync(join(workspace, 'examples'));
copyFileSync(join(root, 'examples/endpoint.yml'), join(workspace, 'examples/endpoint.yml'));
copyFileSync(join(root, 'examples/deployment.yml'), join(workspace, 'examples/deployment.yml'));
writeFileSync(join(workspace, 'examples/green.yml'), readFileSync(join(root, 'examples/deployment.yml'), 'utf8').replace(/^name: blue$/m, 'name: green'));
writeFileSync(join(workspace, 'examples/sample-request.json'), '{"data": [[1.0, 2.0, 3.0, 4.0]]}\n');

async function runAction(title, inputs, { show = true, whileRunning } = {}) {
  const scratch = mkdtempSync(join(tmpdir(), 'aod-demo-run-'));
  const files = { output: join(scratch, 'output.txt'), summary: join(scratch, 'summary.md'), state: join(scratch, 'state.txt'), event: join(scratch, 'event.json') };
  for (const f of [files.output, files.summary, files.state]) writeFileSync(f, '');
  writeFileSync(files.event, '{}');
  // The endpoint's new system identity needs Key Vault Secrets User on demo-kv, which no one can grant
  // before it exists: grant-missing-roles lets deploy assign it between endpoint and deployment creation.
  const all = { ...contract.inputs, mode: 'deploy', 'endpoint-file': 'examples/endpoint.yml', 'grant-missing-roles': 'true', timeout: '5m', ...inputs };
  const env = {
    PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: workspace, GITHUB_OUTPUT: files.output, GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_STATE: files.state, GITHUB_EVENT_PATH: files.event, GITHUB_REPOSITORY: contract.github?.repository ?? 'octo-org/octo-repo', GITHUB_ACTION_REPOSITORY: ACTION_REPOSITORY, GITHUB_ACTION_REF: 'main', GITHUB_SHA: '7725fa397b5dec28acc56b86050152866c3a78dd',
    GITHUB_SERVER_URL: 'https://github.com', GITHUB_RUN_ID: '9000001', RUNNER_TEMP: scratch, ...contract.env,
    ...Object.fromEntries(Object.entries(all).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v])),
  };
  const action = spawn(process.execPath, [join(root, 'dist/index.js')], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  action.stdout.setEncoding('utf8').on('data', (d) => (log += d));
  const done = new Promise((resolve) => action.on('close', resolve));
  if (whileRunning) await whileRunning();
  const code = await done;
  console.log(bold(`\n════ ${title} ════`));
  if (show || code !== 0) {
    console.log(bold(`── Runner log ──${expandGroups ? '' : ' (groups folded, as the runner first shows them; --expand unfolds)'}`));
    console.log(runnerLog(log, { expandGroups }));
    console.log(bold('\n── Annotations ──'));
    const annotations = annotationsOf(log);
    for (const { severity, properties: p, message } of annotations) {
      console.log(paint(severity, `${p.file ?? ''}${p.line ? `:${p.line}:${p.col ?? 1}` : ''} ${severity} ${p.title ?? ''}`));
      console.log('  ' + message.replace(/\n/g, '\n  '));
    }
    if (annotations.length === 0) console.log('(none)');
    console.log(bold('\n── Job summary ──'));
    console.log(readFileSync(files.summary, 'utf8').trimEnd());
  }
  const outputs = Object.fromEntries([...readFileSync(files.output, 'utf8').matchAll(/^(.+)<<(.+)\n([\s\S]*?)\n\2$/gm)].map((m) => [m[1], m[3]]));
  console.log(bold(`\nExit ${code}; traffic output: ${outputs.traffic ?? '(none)'}`));
  return { code, outputs };
}

async function traffic() {
  const state = await adminApi('GET', '/state');
  const ep = state.onlineEndpoints.find((e) => e.name === 'demo-endpoint');
  return ep?.properties?.traffic ?? ep?.traffic ?? {};
}

const gated = { 'deployment-file': 'examples/green.yml', 'rollout-steps': '10,50,100', 'bake-time': '2s', 'smoke-request-file': 'examples/sample-request.json' };
const blue = await runAction('Step 1: endpoint and blue, all traffic to blue', { 'deployment-file': 'examples/deployment.yml', traffic: 'all' }, { show: false });
const rollout = await runAction('Step 2: green joins at 10 → 50 → 100 % under smoke and comparison gates', gated);
const afterRollout = await traffic();

console.log(bold('\n\nScenario 2: the same rollout, but green starts failing once it serves 50 %.'));
await adminApi('POST', '/reset');
await runAction('Step 1 again: blue serves 100 %', { 'deployment-file': 'examples/deployment.yml', traffic: 'all' }, { show: false });
const failing = await runAction('Step 2 again: green fails at 50 % and the rollout rolls back', gated, {
  whileRunning: async () => {
    // Watch the endpoint; when it holds green at 50 %, green starts answering 500.
    for (let i = 0; i < 600; i++) {
      if ((await traffic()).green === 50) {
        await adminApi('PATCH', '/knobs', { deployments: { green: { scoring: 'error', errorStatus: 500 } } });
        return;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  },
});
const afterFailure = await traffic();
console.log(bold('\n── Result ──'));
console.log(`Gated rollout: exit ${rollout.code}, traffic read back ${JSON.stringify(afterRollout)}`);
console.log(`Failing rollout: exit ${failing.code}, traffic read back ${JSON.stringify(afterFailure)}`);
stop();
const ok = blue.code === 0 && rollout.code === 0 && afterRollout.green === 100 && failing.code !== 0 && afterFailure.blue === 100 && !afterFailure.green;
if (!ok) console.log('The demo did not end as expected (see above).');
process.exitCode = ok ? 0 : 1;

// Runs the bundled action the way the runner does: `node dist/index.js`, inputs as INPUT_* variables,
// files for GITHUB_OUTPUT / GITHUB_STEP_SUMMARY, and parses what it printed back into data.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const repoRoot = new URL('../../', import.meta.url).pathname;
export const distEntry = join(repoRoot, 'dist', 'index.js');

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  commands: WorkflowCommand[];
  annotations: WorkflowCommand[];
  outputs: Record<string, string>;
  summary: string;
  workspace: string;
  /** stdout lines with the time (ms since the epoch) they reached the runner, as the runner timestamps its log. */
  lines: Array<{ at: number; text: string }>;
}

export interface RunOptions {
  inputs: Record<string, string>;
  /** Files to create in a fresh workspace, path → content. */
  files?: Record<string, string>;
  workspace?: string;
  env?: Record<string, string>;
  /** Extra node flags, e.g. ['--import', hook]. */
  nodeArgs?: string[];
  timeoutMs?: number;
  /** Called with the action's process id once it runs (to signal it, as a cancelled run does). */
  onStart?: (pid: number) => void;
}

export function makeWorkspace(files: Record<string, string> = {}): string {
  const workspace = mkdtempSync(join(tmpdir(), 'aod-ws-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(workspace, path);
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
  return workspace;
}

export async function runAction(options: RunOptions): Promise<ActionRun> {
  const workspace = options.workspace ?? makeWorkspace(options.files);
  if (options.workspace && options.files) {
    for (const [path, content] of Object.entries(options.files)) {
      mkdirSync(dirname(join(workspace, path)), { recursive: true });
      writeFileSync(join(workspace, path), content);
    }
  }
  const runnerTemp = mkdtempSync(join(tmpdir(), 'aod-runner-'));
  const outputFile = join(runnerTemp, 'output.txt');
  const summaryFile = join(runnerTemp, 'summary.md');
  const eventFile = join(runnerTemp, 'event.json');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  writeFileSync(eventFile, '{}');

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? runnerTemp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_EVENT_PATH: eventFile,
    GITHUB_EVENT_NAME: 'pull_request',
    GITHUB_REPOSITORY: 'contoso/ml-service',
    // As the runner sets them for `uses: contoso/azureml-online-deploy@main` (rule links point there).
    GITHUB_ACTION_REPOSITORY: 'contoso/azureml-online-deploy',
    GITHUB_ACTION_REF: 'main',
    RUNNER_TEMP: runnerTemp,
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs)) env[`INPUT_${name.toUpperCase()}`] = value;

  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), distEntry], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) options.onStart?.(child.pid);
  let stdout = '';
  let stderr = '';
  const lines: Array<{ at: number; text: string }> = [];
  let partial = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    stdout += d;
    const at = Date.now();
    const parts = (partial + d).split('\n');
    partial = parts.pop() ?? '';
    for (const text of parts) lines.push({ at, text });
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  clearTimeout(timer);

  const commands = parseCommands(stdout);
  return {
    code,
    stdout,
    stderr,
    commands,
    annotations: commands.filter((c) => ['error', 'warning', 'notice'].includes(c.command)),
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    workspace,
    lines: partial ? [...lines, { at: Date.now(), text: partial }] : lines,
  };
}

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

export function parseCommands(stdout: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ command: match[1] as string, properties, message: unescapeData(match[3] ?? '') });
  }
  return commands;
}

/** The `name<<DELIMITER` heredoc format @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<]+)<<(.+)$/.exec(lines[i] as string);
    if (!m) continue;
    const [, name, delimiter] = m as unknown as [string, string, string];
    const value: string[] = [];
    while (++i < lines.length && lines[i] !== delimiter) value.push(lines[i] as string);
    outputs[name] = value.join('\n');
  }
  return outputs;
}

/** The emulator's side of a run (test/emulator/harness.ts spawns it): its variables and inputs. */
export interface EmulatorContract {
  env: Record<string, string>;
  inputs: Record<string, string>;
}

/** Runs the action against Azure in a box: the emulator's proxy/CA/OIDC variables and workspace inputs, plus `options`. */
export function runActionOnEmulator(emu: EmulatorContract, options: RunOptions): Promise<ActionRun> {
  return runAction({ ...options, inputs: { ...emu.inputs, ...options.inputs }, env: { ...emu.env, ...options.env } });
}

/** stdout without the `::add-mask::` commands, which the runner consumes and never shows: what a reader of the log can see. */
export function shownLog(stdout: string): string {
  return stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
}

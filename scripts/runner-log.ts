// The log of a step as the GitHub runner shows it, from what the action wrote to stdout (workflow
// commands, https://docs.github.com/actions/reference/workflow-commands-for-github-actions), for
// `npm run demo`: `::add-mask::` lines are not shown and their values become *** in every later
// line, `::debug::` lines only with step debug logging, state and output commands never, groups
// folded to their title (as the runner first shows them) unless expanded, annotations as the
// runner prints them (`Error: message`). It also lists the annotations with their file and line.

export interface RunnerLogOptions {
  /** Show the contents of every group (the runner shows them folded until clicked). */
  expandGroups?: boolean;
  /** ACTIONS_STEP_DEBUG: show `::debug::` lines as `##[debug]…`. */
  stepDebug?: boolean;
}

export interface Annotation {
  severity: 'error' | 'warning' | 'notice';
  properties: Record<string, string>;
  message: string;
}

const COMMAND = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/;
const LABEL = { error: 'Error', warning: 'Warning', notice: 'Notice' } as const;
/** Commands the runner acts on and never prints. */
const SILENT = new Set(['add-mask', 'save-state', 'set-output', 'set-env', 'add-path', 'echo', 'stop-commands']);

/** The data and property escapes of workflow commands, undone. */
export function unescapeCommand(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}

function parseProperties(text: string | undefined): Record<string, string> {
  if (!text) return {};
  return Object.fromEntries(
    text.split(',').filter(Boolean).map((pair) => {
      const eq = pair.indexOf('=');
      return [pair.slice(0, eq), unescapeCommand(pair.slice(eq + 1))];
    }),
  );
}

export function runnerLog(stdout: string, options: RunnerLogOptions = {}): string {
  const masks: string[] = [];
  const mask = (text: string) => masks.reduce((t, secret) => t.split(secret).join('***'), text);
  const out: string[] = [];
  let group: { title: string; lines: string[] } | undefined;
  const emit = (line: string) => (group ? group.lines : out).push(mask(line));
  const closeGroup = () => {
    if (!group) return;
    if (options.expandGroups) out.push(`▼ ${group.title}`, ...group.lines.map((l) => `  ${l}`));
    else out.push(`▶ ${group.title}${group.lines.length ? '' : ' (empty)'}`);
    group = undefined;
  };
  for (const line of stdout.replace(/\r?\n$/, '').split(/\r?\n/)) {
    const command = COMMAND.exec(line);
    if (!command) {
      emit(line);
      continue;
    }
    const [, name, , data] = command as unknown as [string, string, string | undefined, string];
    if (name === 'add-mask') {
      const value = unescapeCommand(data).trim();
      if (value) masks.push(value);
    } else if (SILENT.has(name)) {
      continue;
    } else if (name === 'debug') {
      if (options.stepDebug) emit(`##[debug]${unescapeCommand(data)}`);
    } else if (name === 'group') {
      closeGroup(); // the runner does not nest groups
      group = { title: mask(unescapeCommand(data)), lines: [] };
    } else if (name === 'endgroup') {
      closeGroup();
    } else if (name === 'error' || name === 'warning' || name === 'notice') {
      for (const [i, l] of unescapeCommand(data).split('\n').entries()) emit(i === 0 ? `${LABEL[name]}: ${l}` : l);
    } else {
      emit(line); // not a command the runner knows: printed as it is
    }
  }
  closeGroup();
  return out.join('\n');
}

/** The annotations the step created, in order, with their (masked) messages. */
export function annotationsOf(stdout: string): Annotation[] {
  const masks: string[] = [];
  const found: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const command = COMMAND.exec(line);
    if (!command) continue;
    const [, name, props, data] = command as unknown as [string, string, string | undefined, string];
    if (name === 'add-mask' && unescapeCommand(data).trim()) masks.push(unescapeCommand(data).trim());
    if (name !== 'error' && name !== 'warning' && name !== 'notice') continue;
    const message = masks.reduce((t, secret) => t.split(secret).join('***'), unescapeCommand(data));
    found.push({ severity: name, properties: parseProperties(props), message });
  }
  return found;
}

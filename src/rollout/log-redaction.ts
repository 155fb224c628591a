// Container logs are the user's own output, and a scoring script that prints its environment
// (`printenv`, `print(os.environ)`, a JSON dump) would put injected secret values into the run
// log. The action never holds those values (docs/architecture.md §4), so it redacts by name:
// wherever a log line assigns a value to a variable whose YAML value is a secret reference, the
// value is replaced. PURE.

const REDACTED = '***';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Replaces the values of the named variables in the forms environments are usually printed in:
 * `NAME=value` (printenv, `env`), `NAME: value` (YAML, logging), `"NAME": "value"` (JSON) and
 * `'NAME': 'value'` (a Python dict).
 */
export function redactVariables(text: string, variables: readonly string[]): string {
  let out = text;
  for (const name of variables) {
    const n = escapeRegExp(name);
    // Quoted key and quoted value: JSON and Python reprs ("K": "v", 'K': 'v'), escapes included.
    out = out.replace(new RegExp(`(["'])(${n})\\1(\\s*[:=]\\s*)(["'])((?:\\\\.|(?!\\4).)*)\\4`, 'g'), (_m, q, key, sep, vq) => `${q}${key}${q}${sep}${vq}${REDACTED}${vq}`);
    // Bare key: NAME=value or NAME: value up to the end of the line (values may hold spaces).
    out = out.replace(new RegExp(`(^|[^\\w"'])(${n})(\\s*[:=]\\s*)(?!["'])(?!\\*\\*\\*)([^\\r\\n]+)`, 'gm'), (_m, before, key, sep) => `${before}${key}${sep}${REDACTED}`);
  }
  return out;
}

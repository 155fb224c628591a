// Container logs are the user's own output, and a scoring script that prints its environment
// (`printenv`, `declare -x`, `print(os.environ)`, a JSON dump, a Kubernetes-style listing, a
// traceback) would put injected secret values into the run log. The action never holds the Key
// Vault values (docs/architecture.md §4), so it redacts by name: wherever a log line gives a value
// to a variable whose YAML value is a secret reference, the value is replaced; the values the run
// does hold (listsecrets answers) are masked by value besides (src/azure/secret-values.ts). The
// same redaction runs over service error messages before they become findings. PURE.

const REDACTED = '***';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `key=value;` pairs of a connection string whose value is a credential, and `scheme://user:password@`. */
const CONNECTION_SECRET = /(\b(?:password|pwd|accountkey|sharedaccesskey|accesskey|secret|token|apikey|api_key|key)\s*=\s*)([^;\s"']+)/gi;
const URL_PASSWORD = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@]+:)([^\s@/]+)(@)/gi;
/** A separator between a name and its value: `=`, `:`, `->`, `=>`. */
const SEP = String.raw`\s*(?:=>|->|[:=])\s*`;

/** Lines after one naming a variable in which a Python KeyError may print its value. */
const TRACE_WINDOW = 6;

/**
 * Replaces the values of the named variables in the forms environments are usually printed in:
 * `NAME=value` (printenv, `env`), `declare -x NAME="value"`, `export 'NAME=value'`, `NAME: value`
 * (YAML, logging), `NAME -> value`, `"NAME": "value"` (JSON), `'NAME': 'value'` (a Python dict),
 * `name: NAME` followed by `value: …` (a Kubernetes-style listing), a credential inside a connection
 * string or URL on a line that names the variable, and the argument of a Python `KeyError` shortly
 * after a line that names it.
 */
export function redactVariables(text: string, variables: readonly string[]): string {
  if (variables.length === 0) return text;
  const names = variables.map(escapeRegExp);
  const any = new RegExp(`(^|[^\\w])(?:${names.join('|')})(?![\\w])`);
  const lines = text.split('\n');
  let sinceMention = Infinity;
  let nameLine = false;
  const out = lines.map((line) => {
    let l = line;
    const mentions = any.test(l);
    if (nameLine && /^\s*-?\s*value\s*[:=]/i.test(l)) l = l.replace(/^(\s*-?\s*value\s*[:=]\s*)(.+)$/i, (_m, head) => `${head}${REDACTED}`);
    nameLine = false;
    for (const n of names) {
      // Quoted key and quoted value: JSON and Python reprs ("K": "v", 'K': 'v'), escapes included.
      l = l.replace(new RegExp(`(["'])(${n})\\1(${SEP})(["'])((?:\\\\.|(?!\\4).)*)\\4`, 'g'), (_m, q, key, sep, vq) => `${q}${key}${q}${sep}${vq}${REDACTED}${vq}`);
      // A quoted assignment: export 'K=v', "K=v".
      l = l.replace(new RegExp(`(["'])(${n})=((?:\\\\.|(?!\\1).)*)\\1`, 'g'), (_m, q, key) => `${q}${key}=${REDACTED}${q}`);
      // Bare key: K=v, K="v" (declare -x), K: v, K -> v, up to the end of the line (values may hold spaces).
      l = l.replace(new RegExp(`(^|[^\\w"'])(${n})(${SEP})(?!\\*\\*\\*)(?!["']?\\*\\*\\*)([^\\r\\n]+)`, 'gm'), (_m, before, key, sep) => `${before}${key}${sep}${REDACTED}`);
      // name: K (or - name: "K"), the value on the next line.
      if (new RegExp(`^\\s*-?\\s*["']?name["']?\\s*[:=]\\s*["']?${n}["']?\\s*,?\\s*$`, 'i').test(l)) nameLine = true;
    }
    if (mentions) {
      l = l.replace(CONNECTION_SECRET, (_m, head) => `${head}${REDACTED}`).replace(URL_PASSWORD, (_m, head, _p, at) => `${head}${REDACTED}${at}`);
      sinceMention = 0;
    } else sinceMention += 1;
    // A KeyError that prints a value a few lines after the code that named the variable: KeyError: 'v'.
    if (sinceMention <= TRACE_WINDOW) {
      l = l.replace(/^(\s*(?:\w+\.)*KeyError\s*:\s*)(.+)$/, (m, head, arg: string) => {
        const bare = arg.replace(/^["']|["']$/g, '');
        return variables.includes(bare) ? m : `${head}${REDACTED}`;
      });
    }
    return l;
  });
  return out.join('\n');
}

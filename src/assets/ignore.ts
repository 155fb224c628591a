// Which files of a local asset folder azure-ai-ml leaves out: the root folder's `.amlignore`, or
// else its `.gitignore` (never both, never a nested one), read with the gitwildmatch rules of the
// `pathspec` package that azure-ai-ml vendors (azure/ai/ml/_utils/_pathspec.py). Pure: the caller
// reads the file. See docs/local-assets.md §2.

export const IGNORE_FILE_NAMES = ['.amlignore', '.gitignore'] as const;
export type IgnoreFileName = (typeof IGNORE_FILE_NAMES)[number];

interface CompiledPattern {
  /** true: a match excludes the file; false (a `!pattern`): a match keeps it. */
  excludes: boolean;
  regex: RegExp;
}

export interface IgnoreRules {
  /** The file the rules came from; undefined when the folder has neither. */
  file?: IgnoreFileName;
  patterns: readonly CompiledPattern[];
}

export const NO_IGNORE_RULES: IgnoreRules = { patterns: [] };

/** Rules from the text of an ignore file: one pattern a line, blank lines and `#` comments skipped. */
export function parseIgnoreFile(text: string, file?: IgnoreFileName): IgnoreRules {
  const patterns: CompiledPattern[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const compiled = compileGitWildMatch(line);
    if (compiled) patterns.push(compiled);
  }
  return file ? { file, patterns } : { patterns };
}

/**
 * Whether a path (relative to the folder, `/`-separated) is excluded. Every pattern is tried and
 * the last one that matches decides, as in the current azure-ai-ml (`IgnoreFile.is_file_excluded`);
 * 1.4.0 stopped at the first match of an unordered set, which only differs with `!` patterns.
 */
export function isExcluded(rules: IgnoreRules, relPath: string): boolean {
  let excluded = false;
  for (const p of rules.patterns) if (p.regex.test(relPath)) excluded = p.excludes;
  return excluded;
}

const REGEX_SYNTAX = new Set(['^', '$', '\\', '.', '*', '+', '?', '(', ')', '[', ']', '{', '}', '|', '/']);

function escapeChar(ch: string): string {
  return REGEX_SYNTAX.has(ch) ? `\\${ch}` : ch;
}

/** GitWildMatchPattern.pattern_to_regex: undefined for blank lines, comments and a lone `/`. */
export function compileGitWildMatch(line: string): CompiledPattern | undefined {
  let pattern = line.trim();
  if (!pattern || pattern.startsWith('#') || pattern === '/') return undefined;
  let excludes = true;
  if (pattern.startsWith('!')) {
    excludes = false;
    pattern = pattern.slice(1);
  }
  const segs = pattern.split('/');
  // Collapse runs of `**` segments.
  for (let i = segs.length - 1; i > 0; i--) if (segs[i - 1] === '**' && segs[i] === '**') segs.splice(i, 1);
  let override: string | undefined;
  if (segs.length === 2 && segs[0] === '**' && !segs[1]) override = '^.+(?<ps_d>/).*$';
  if (!segs[0]) segs.shift();
  else if (segs.length === 1 || (segs.length === 2 && !segs[1])) {
    if (segs[0] !== '**') segs.unshift('**');
  }
  if (segs.length === 0) return undefined; // pathspec raises GitWildMatchPatternError; azure-ai-ml would fail the upload
  if (!segs[segs.length - 1] && segs.length > 1) segs[segs.length - 1] = '**';

  let source = override;
  if (source === undefined) {
    const out = ['^'];
    let needSlash = false;
    const end = segs.length - 1;
    for (let i = 0; i < segs.length; i++) {
      const seg = segs[i] ?? '';
      if (seg === '**') {
        if (i === 0 && i === end) out.push('.+');
        else if (i === 0) {
          out.push('(?:.+/)?');
          needSlash = false;
        } else if (i === end) out.push('(?<ps_d>/).*');
        else {
          out.push('(?:/.+)?');
          needSlash = true;
        }
      } else {
        if (needSlash) out.push('/');
        if (seg === '*') out.push('[^/]+');
        else {
          const glob = translateSegmentGlob(seg);
          if (glob === undefined) return undefined;
          out.push(glob);
        }
        if (i === end) out.push('(?:(?<ps_d>/).*)?');
        needSlash = true;
      }
    }
    out.push('$');
    source = out.join('');
  }
  try {
    return { excludes, regex: new RegExp(source, 'u') };
  } catch {
    return undefined;
  }
}

/** GitWildMatchPattern._translate_segment_glob (fnmatch with FNM_PATHNAME). */
function translateSegmentGlob(pattern: string): string | undefined {
  const chars = [...pattern];
  let regex = '';
  let escape = false;
  let i = 0;
  const end = chars.length;
  while (i < end) {
    const ch = chars[i] ?? '';
    i++;
    if (escape) {
      escape = false;
      regex += escapeChar(ch);
    } else if (ch === '\\') escape = true;
    else if (ch === '*') regex += '[^/]*';
    else if (ch === '?') regex += '[^/]';
    else if (ch === '[') {
      let j = i;
      if (j < end && chars[j] === '!') j++;
      if (j < end && chars[j] === ']') j++;
      while (j < end && chars[j] !== ']') j++;
      if (j < end) {
        j++;
        let expr = '[';
        if (chars[i] === '!') {
          expr += '^';
          i++;
        } else if (chars[i] === '^') {
          expr += '\\^';
          i++;
        }
        // The bracket body is copied as-is by pathspec (backslashes doubled); escape what a
        // JavaScript class would read differently.
        for (const c of chars.slice(i, j - 1)) expr += c === '\\' ? '\\\\' : c === '[' || c === ']' ? `\\${c}` : c;
        regex += `${expr}]`;
        i = j;
      } else regex += '\\[';
    } else regex += escapeChar(ch);
  }
  return escape ? undefined : regex;
}

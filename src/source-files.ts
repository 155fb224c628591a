// The only place the action reads the user's files. Paths from inputs are relative to
// GITHUB_WORKSPACE (as in every action); findings name files relative to it too.
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';

export interface SourceFile {
  absolutePath: string;
  /** Relative to the workspace with `/` separators: what annotations and findings show. */
  displayPath: string;
  /** Folder that relative paths inside the YAML resolve against (az ml semantics). */
  dir: string;
  text: string;
}

export function workspaceRoot(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.GITHUB_WORKSPACE || process.cwd());
}

export function displayPath(absolutePath: string, workspace: string): string {
  const rel = relative(workspace, absolutePath);
  const shown = rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : absolutePath;
  return shown.split(sep).join('/');
}

/** Reads an input file; the error names the input and where it looked. */
export function readSourceFile(inputName: string, path: string, workspace: string): SourceFile {
  const absolutePath = resolve(workspace, path);
  let text: string;
  try {
    text = readFileSync(absolutePath, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a YAML file' : (e as Error).message;
    throw new Error(`${inputName}: '${path}' ${why} (looked at ${absolutePath}; paths are relative to GITHUB_WORKSPACE).`);
  }
  return { absolutePath, displayPath: displayPath(absolutePath, workspace), dir: dirname(absolutePath), text };
}

export type PathKind = 'file' | 'dir' | undefined;

/** The file-system view the pure spec layer is given for local paths in the YAML. */
export const localFileSystem = {
  exists(absolutePath: string): PathKind {
    try {
      const s = statSync(absolutePath);
      return s.isDirectory() ? 'dir' : s.isFile() ? 'file' : undefined;
    } catch {
      return undefined;
    }
  },
  readText(absolutePath: string): string | undefined {
    try {
      return readFileSync(absolutePath, 'utf8');
    } catch {
      return undefined;
    }
  },
};

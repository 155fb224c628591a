// A local asset path (model file or folder, code folder, environment build context) as azure-ai-ml
// sees it: which files it holds after the ignore file, and its two hashes (docs/local-assets.md §2):
//   - the object hash (MD5, seeded): names the upload folder LocalUpload/<hash>/ and anonymous models;
//   - the content hash (SHA-256, hash_version 202208): finds an existing code version.
// Files are read one at a time through one buffer, so memory stays flat whatever the folder's size.
import { createHash, type Hash } from 'node:crypto';
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { IGNORE_FILE_NAMES, NO_IGNORE_RULES, isExcluded, parseIgnoreFile, type IgnoreRules } from './ignore.ts';

/** One file to upload. */
export interface LocalFile {
  absPath: string;
  /** Relative to the asset folder, `/`-separated (the file's own name for a single-file asset). */
  relPath: string;
  size: number;
}

export interface LocalAsset {
  absPath: string;
  kind: 'file' | 'dir';
  /** The last segment of the path: the folder name under which files are uploaded. */
  name: string;
  ignore: IgnoreRules;
  /** Files after the ignore rules, in azure-ai-ml's upload order (by absolute path, code points). */
  files: LocalFile[];
  totalBytes: number;
}

const OBJECT_HASH_SEED = 'Initialize for october 2021 AML CLI version';
export const CONTENT_HASH_VERSION = '202208';

/** Python's default string order (code points), not JavaScript's UTF-16 units. */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done || y.done) return x.done === y.done ? 0 : x.done ? -1 : 1;
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

function byLowerCase<T>(key: (t: T) => string): (a: T, b: T) => number {
  return (a, b) => compareCodePoints(key(a).toLowerCase(), key(b).toLowerCase());
}

/** The root's `.amlignore`, else its `.gitignore` (azure-ai-ml `get_ignore_file`). */
export async function readIgnoreRules(dir: string): Promise<IgnoreRules> {
  for (const file of IGNORE_FILE_NAMES) {
    const text = await readFile(join(dir, file), 'utf8').catch(() => undefined);
    if (text !== undefined) return parseIgnoreFile(text, file);
  }
  return NO_IGNORE_RULES;
}

async function kindOf(absPath: string): Promise<'file' | 'dir' | undefined> {
  const s = await stat(absPath).catch(() => undefined); // follows symlinks, as azure-ai-ml does
  return s?.isDirectory() ? 'dir' : s?.isFile() ? 'file' : undefined;
}

/** Walk a file or folder: the files azure-ai-ml uploads (os.walk + traverse_directory), sizes included. */
export async function readLocalAsset(absPath: string): Promise<LocalAsset> {
  const kind = await kindOf(absPath);
  if (!kind) throw new Error(`${absPath} is neither a file nor a folder.`);
  const name = basename(absPath);
  if (kind === 'file') {
    const { size } = await stat(absPath);
    return { absPath, kind, name, ignore: NO_IGNORE_RULES, files: [{ absPath, relPath: name, size }], totalBytes: size };
  }
  const ignore = await readIgnoreRules(absPath);
  const files: LocalFile[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    for (const entry of await readdir(dir)) {
      const abs = join(dir, entry);
      const relPath = rel ? `${rel}/${entry}` : entry;
      const k = await kindOf(abs);
      if (k === 'dir') await walk(abs, relPath); // folders are never pruned: each file is matched on its own
      else if (k === 'file' && !isExcluded(ignore, relPath)) files.push({ absPath: abs, relPath, size: (await stat(abs)).size });
    }
  };
  await walk(absPath, '');
  files.sort((a, b) => compareCodePoints(a.absPath, b.absPath));
  return { absPath, kind, name, ignore, files, totalBytes: files.reduce((n, f) => n + f.size, 0) };
}

/** Feed a file to the hash through one reused buffer: memory stays the same whatever the sizes. */
async function feedFile(hash: Hash, absPath: string, buffer: Buffer): Promise<void> {
  const file = await open(absPath, 'r');
  try {
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await file.close();
  }
}

const READ_BUFFER_BYTES = 1 << 20;

/**
 * azure-ai-ml `get_object_hash`: MD5 seeded with a fixed phrase; for a file its content; for a
 * folder, depth first with entries sorted case-insensitively, each entry's name and, for files, the
 * content. Ignored entries (folders too) are skipped; empty folders still count by name.
 */
export async function objectHash(asset: Pick<LocalAsset, 'absPath' | 'kind' | 'ignore'>): Promise<string> {
  const hash = createHash('md5').update(OBJECT_HASH_SEED, 'utf8');
  const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
  if (asset.kind === 'file') {
    await feedFile(hash, asset.absPath, buffer);
    return hash.digest('hex');
  }
  const walk = async (dir: string, rel: string): Promise<void> => {
    const entries = (await readdir(dir)).sort(byLowerCase((e: string) => e));
    for (const entry of entries) {
      const relPath = rel ? `${rel}/${entry}` : entry;
      if (isExcluded(asset.ignore, relPath)) continue;
      hash.update(entry, 'utf8');
      const abs = join(dir, entry);
      const k = await kindOf(abs);
      if (k === 'file') await feedFile(hash, abs, buffer);
      else if (k === 'dir') await walk(abs, relPath);
    }
  };
  await walk(asset.absPath, '');
  return hash.digest('hex');
}

/**
 * azure-ai-ml `get_content_hash` (hash_version 202208): SHA-256 of the file count, then `#<path>#`
 * and the size of each file (sorted by lower-cased relative path), then every file's content in the
 * same order.
 */
export async function contentHash(asset: Pick<LocalAsset, 'files'>): Promise<string> {
  const hash = createHash('sha256').update(String(asset.files.length), 'utf8');
  const ordered = [...asset.files].sort(byLowerCase((f: LocalFile) => f.relPath));
  for (const f of ordered) hash.update(`#${f.relPath}#`, 'utf8').update(String(f.size), 'utf8');
  const buffer = Buffer.allocUnsafe(READ_BUFFER_BYTES);
  for (const f of ordered) await feedFile(hash, f.absPath, buffer);
  return hash.digest('hex');
}

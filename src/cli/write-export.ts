import * as fs from 'fs';
import * as path from 'path';

/** The export could not be written where `--out` points (a file in the way, no permission, a full disk). */
export class OutputWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputWriteError';
  }
}

function why(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOTDIR' || err?.code === 'EEXIST') return 'a file is in the way of a directory';
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return 'permission denied';
  if (err?.code === 'EISDIR') return 'a directory is in the way of the file';
  if (err?.code === 'ENOSPC') return 'no space left on the device';
  return err?.message ?? String(e);
}

/** A file to write: a relative path with `/` separators and its text. */
export interface FileToWrite {
  readonly path: string;
  readonly content: string;
}

/**
 * Writes exported files under `outDir`, creating directories as needed, and
 * returns the absolute paths written. For the `export` command: it refuses
 * paths that are absolute or climb out of `outDir` before writing anything.
 * Existing files are overwritten, so re-running an export refreshes it.
 */
export function writeExport(files: readonly FileToWrite[], outDir: string): string[] {
  const root = path.resolve(outDir);
  const targets = files.map((f) => {
    const segments = f.path.split('/');
    if (f.path === '' || path.isAbsolute(f.path) || f.path.includes('\\') || segments.some((s) => s === '' || s === '.' || s === '..')) {
      throw new Error(`writeExport: "${f.path}" is not a plain relative path (like policies/NAME.json)`);
    }
    return { file: path.join(root, ...segments), content: f.content };
  });
  // --out must be a directory or not exist yet: say so before writing anything.
  let existing: fs.Stats | undefined;
  try {
    existing = fs.statSync(root, { throwIfNoEntry: false });
  } catch (e) {
    throw new OutputWriteError(`--out: cannot write under ${root}: ${why(e)} (${(e as NodeJS.ErrnoException)?.code ?? 'error'})`);
  }
  if (existing && !existing.isDirectory()) {
    throw new OutputWriteError(`--out: ${root} is a file, not a directory; pass a directory to write the export into`);
  }
  for (const t of targets) {
    try {
      fs.mkdirSync(path.dirname(t.file), { recursive: true });
      fs.writeFileSync(t.file, t.content, 'utf8');
    } catch (e) {
      throw new OutputWriteError(`--out: could not write ${t.file}: ${why(e)} (${(e as NodeJS.ErrnoException)?.code ?? 'error'})`);
    }
  }
  return targets.map((t) => t.file);
}

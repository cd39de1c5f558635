import * as fs from 'fs';
import * as path from 'path';

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
  for (const t of targets) {
    fs.mkdirSync(path.dirname(t.file), { recursive: true });
    fs.writeFileSync(t.file, t.content, 'utf8');
  }
  return targets.map((t) => t.file);
}

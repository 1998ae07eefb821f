import { readdirSync, readFileSync, type Dirent } from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

/** Folders never worth scanning: dependencies, tool caches, VCS metadata. */
export const DEFAULT_EXCLUDED_DIRS = new Set(['.git', 'node_modules', '.terraform', '.terragrunt-cache', 'cdk.out', '.vscode-test', '.venv', '__pycache__', '.serverless', '.aws-sam']);

interface Level {
  dir: string;
  ig: Ignore;
}

/**
 * Yields files under `root` (depth first, sorted for stable output), honouring every `.gitignore` on the way down.
 * Paths are absolute.
 */
export function* walkFiles(root: string): Generator<string> {
  yield* walk(root, []);
}

function* walk(dir: string, levels: Level[]): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  let here = levels;
  // Read a .gitignore only where the listing shows one (a failed read per folder costs an exception each).
  if (entries.some((e) => e.name === '.gitignore' && !e.isDirectory())) {
    try {
      const gi = readFileSync(path.join(dir, '.gitignore'), 'utf8');
      here = [...levels, { dir, ig: ignore().add(gi) }];
    } catch {
      // unreadable: as if absent
    }
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    const isDir = e.isDirectory();
    if (isDir && DEFAULT_EXCLUDED_DIRS.has(e.name)) continue;
    if (isIgnored(here, full, isDir)) continue;
    if (isDir) yield* walk(full, here);
    else if (e.isFile()) yield full;
  }
}

function isIgnored(levels: Level[], full: string, isDir: boolean): boolean {
  for (const { dir, ig } of levels) {
    const rel = path.relative(dir, full).split(path.sep).join('/');
    if (ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

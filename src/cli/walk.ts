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
 * Files under `root` (depth first, sorted for stable output), honouring every `.gitignore` on the way down. Paths are
 * absolute. A list, not a generator: a generator pays a resumption per file at every level of the tree.
 */
export function walkFiles(root: string): string[] {
  const out: string[] = [];
  walk(path.resolve(root), [], out);
  return out;
}

function walk(dir: string, levels: Level[], out: string[]): void {
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
  // `dir` is absolute and normalised, and a name holds no separator: joining is concatenating.
  const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
  for (const e of entries) {
    const full = prefix + e.name;
    const isDir = e.isDirectory();
    if (isDir && DEFAULT_EXCLUDED_DIRS.has(e.name)) continue;
    if (here.length > 0 && isIgnored(here, full, isDir)) continue;
    if (isDir) walk(full, here, out);
    else if (e.isFile()) out.push(full);
  }
}

function isIgnored(levels: Level[], full: string, isDir: boolean): boolean {
  for (const { dir, ig } of levels) {
    const rel = path.relative(dir, full).split(path.sep).join('/');
    if (ig.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { CdkWasm } from '../engine/iac/cdk';

/** Where each wasm file lives: next to the bundle (dist/wasm) or, unbundled, in its npm package. */
const FILES: Record<keyof CdkWasm, [string, string]> = {
  runtime: ['web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm'],
  typescript: ['tree-sitter-typescript.wasm', 'tree-sitter-typescript/tree-sitter-typescript.wasm'],
  tsx: ['tree-sitter-tsx.wasm', 'tree-sitter-typescript/tree-sitter-tsx.wasm'],
  javascript: ['tree-sitter-javascript.wasm', 'tree-sitter-javascript/tree-sitter-javascript.wasm'],
  python: ['tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm'],
};

/** Reads the tree-sitter wasm files the CDK parser needs, from `dir` (default: the bundle's `wasm/` folder). */
export function loadCdkWasm(dir = path.join(__dirname, 'wasm')): CdkWasm {
  const read = ([file, pkgPath]: [string, string]) => {
    const bundled = path.join(dir, file);
    return new Uint8Array(readFileSync(existsSync(bundled) ? bundled : require.resolve(pkgPath)));
  };
  return {
    runtime: read(FILES.runtime),
    typescript: read(FILES.typescript),
    tsx: read(FILES.tsx),
    javascript: read(FILES.javascript),
    python: read(FILES.python),
  };
}

export const CDK_WASM_FILES = Object.values(FILES).map(([file, pkgPath]) => ({ file, pkgPath }));

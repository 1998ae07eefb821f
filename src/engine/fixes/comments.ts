/** The line-comment syntax of a file, from its name; undefined when the format has no comments (JSON). */
export interface CommentSyntax {
  open: string;
  close?: string;
}

const HASH = new Set(['py', 'pyi', 'sh', 'bash', 'zsh', 'yml', 'yaml', 'tf', 'hcl', 'tfvars', 'toml', 'ini', 'cfg', 'conf', 'env', 'properties', 'rb', 'r', 'pl', 'ps1', 'mk', 'dockerfile', 'gitignore', 'txt']);
const SLASH = new Set(['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs', 'jsonc', 'json5', 'java', 'kt', 'kts', 'go', 'rs', 'cs', 'c', 'h', 'cc', 'cpp', 'hpp', 'swift', 'scala', 'dart', 'php', 'groovy', 'gradle']);
const XML = new Set(['md', 'markdown', 'html', 'htm', 'xml', 'svg', 'vue']);
const DASH = new Set(['sql', 'lua', 'hs']);

export function commentSyntax(file: string): CommentSyntax | undefined {
  const name = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1).toLowerCase();
  if (name === 'dockerfile' || name.startsWith('dockerfile.') || name === 'makefile' || name === '.env' || name.startsWith('.env.')) return { open: '#' };
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '';
  if (HASH.has(ext)) return { open: '#' };
  if (SLASH.has(ext)) return { open: '//' };
  if (XML.has(ext)) return { open: '<!--', close: '-->' };
  if (DASH.has(ext)) return { open: '--' };
  if (ext === 'css' || ext === 'scss' || ext === 'less') return { open: '/*', close: '*/' };
  return undefined;
}

export function comment(syntax: CommentSyntax, body: string): string {
  return `${syntax.open} ${body}${syntax.close ? ` ${syntax.close}` : ''}`;
}

/** Replaced at bundle time by esbuild's `define`; falls back for unbundled unit tests. */
declare const __GENAI_GUARD_VERSION__: string | undefined;
export const VERSION: string = typeof __GENAI_GUARD_VERSION__ === 'string' ? __GENAI_GUARD_VERSION__ : '0.0.0-dev';
export const TOOL_NAME = 'genai-guard';
export const INFORMATION_URI = 'https://github.com/genai-guard/genai-guard';

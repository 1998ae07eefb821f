/**
 * The thread count a user forced through the environment, shared by every command that uses worker threads:
 * `GENAI_GUARD_NO_WORKERS=1` forces one thread, `GENAI_GUARD_THREADS=n` forces n (at most 16). Undefined when neither
 * is set (or the number is not a positive integer): each command then picks its own default.
 */
export function forcedThreads(env: NodeJS.ProcessEnv): number | undefined {
  if (env.GENAI_GUARD_NO_WORKERS) return 1;
  const n = Number(env.GENAI_GUARD_THREADS);
  return env.GENAI_GUARD_THREADS && Number.isInteger(n) && n >= 1 ? Math.min(n, 16) : undefined;
}

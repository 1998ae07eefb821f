/** The CLI's window on the world, injectable so unit tests run commands in-process. */
export interface Io {
  cwd: string;
  isTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** A transient status line (progress on large trees); absent when stderr is not a terminal. */
  progress?(text: string): void;
}

export class UsageError extends Error {}

export function processIo(): Io {
  return {
    cwd: process.cwd(),
    isTTY: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    ...(process.stderr.isTTY ? { progress: (t: string) => void process.stderr.write(`\r\x1b[2K${t}`) } : {}),
  };
}

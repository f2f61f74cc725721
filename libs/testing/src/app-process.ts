import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ENTRY_POINTS = {
  api: 'dist/apps/api/src/main.js',
  worker: 'dist/apps/worker/src/main.js',
  cli: 'dist/apps/api/src/cli/main.js',
  migrate: 'dist/libs/database/src/migrate.js',
  'load-demo': 'dist/libs/demo/src/load-demo-city.js',
} as const;

export type AppProcess = {
  child: ChildProcess;
  output(): string;
  /** Resolves when the combined output matches, rejects when the process exits first or time runs out. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  waitForExit(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM, as an orchestrator stops it, and SIGKILL if it has not exited within `timeoutMs`; a no-op once exited. */
  stop(timeoutMs?: number): Promise<void>;
};

/**
 * Starts a built entry point (`npm run build` first) as production runs it: a separate Node process with its
 * own environment. Output is collected for assertions.
 */
export function startAppProcess(
  entry: keyof typeof ENTRY_POINTS,
  env: Record<string, string>,
  args: string[] = [],
): AppProcess {
  return startNodeProcess(entry, ENTRY_POINTS[entry], env, args);
}

/** Starts any built script (a path under the repository, e.g. in `dist/bench`) exactly as `startAppProcess()` does. */
export function startNodeProcess(
  entry: string,
  path: string,
  env: Record<string, string>,
  args: string[] = [],
): AppProcess {
  const script = join(process.cwd(), path);
  if (!existsSync(script)) throw new Error(`${script} is missing: run "npm run build" before the e2e tests`);
  const child = spawn(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );

  const withTimeout = <T>(promise: Promise<T>, timeoutMs: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${what} within ${timeoutMs} ms; output:\n${output}`)),
        timeoutMs,
      );
      promise.then(resolve, reject).finally(() => clearTimeout(timer));
    });

  return {
    child,
    output: () => output,
    waitForOutput: (pattern, timeoutMs = 15_000) =>
      withTimeout(
        new Promise<void>((resolve, reject) => {
          const check = () => {
            if (pattern.test(output)) {
              child.stdout!.off('data', check);
              child.stderr!.off('data', check);
              resolve();
            }
          };
          child.stdout!.on('data', check);
          child.stderr!.on('data', check);
          void exited.then(({ code }) =>
            reject(new Error(`${entry} exited with ${code} before printing ${pattern}:\n${output}`)),
          );
          check();
        }),
        timeoutMs,
        `${entry} did not print ${pattern}`,
      ),
    waitForExit: (timeoutMs = 15_000) => withTimeout(exited, timeoutMs, `${entry} did not exit`),
    kill: (signal = 'SIGTERM') => void child.kill(signal),
    stop: async (timeoutMs = 20_000) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      try {
        await withTimeout(exited, timeoutMs, `${entry} did not stop on SIGTERM`);
      } catch {
        child.kill('SIGKILL');
        await exited;
      }
    },
  };
}

/**
 * Starts `ringback serve` as a child process (its own Node, its own engine), for tests and
 * benchmarks that need several runtime processes against one PostgreSQL. The port is chosen by
 * the OS and read from the "listening" line; kill() ends the child with the given signal.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface SpawnedRuntime {
  nodeId: string;
  baseUrl: string;
  child: ChildProcess;
  /** Resolves with the exit code (null when ended by a signal). */
  exited: Promise<number | null>;
  /** Output so far, for a failing test's message. */
  output(): string;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

export async function spawnRuntime(
  nodeId: string,
  env: Record<string, string>,
  options: { readyTimeoutMs?: number; nodeArgs?: string[] } = {},
): Promise<SpawnedRuntime> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), 'bin/ringback.mjs', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ...env,
      RINGBACK_NODE_ID: nodeId,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  // A child must not outlive this process, however it ends.
  const orphanGuard = () => child.kill('SIGKILL');
  process.once('exit', orphanGuard);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      process.off('exit', orphanGuard);
      resolve(code);
    }),
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${nodeId} did not start:\n${output}`));
    }, options.readyTimeoutMs ?? 60_000);
    const check = () => {
      const match = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off('data', check);
      resolve(`http://127.0.0.1:${match[1]}`);
    };
    child.stdout?.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`${nodeId} exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    nodeId,
    baseUrl,
    child,
    exited,
    output: () => output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Runs the real entry point, `node --import tsx server/main.ts`, as a child process: for the
 * tests that kill it (SIGKILL, SIGTERM) or check how it exits on a bad config. PORT=0 works
 * because main.ts prints the address it listens on.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { wsBase } from './server';

const ROOT = join(import.meta.dirname, '..', '..');
const LISTENING = /listening on (http:\/\/\S+)/;

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  output(): { stdout: string; stderr: string };
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function spawnServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exited, output: () => ({ stdout, stderr }) };
}

/** Starts the server and resolves once it listens. `env` needs at least DATA_DIR. */
export async function startServerProcess(env: Record<string, string>, timeoutMs = 20_000): Promise<ServerProcess> {
  const { child, exited, output } = spawnServer(env);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${JSON.stringify(output())}`)), timeoutMs);
    child.stdout!.on('data', () => {
      const match = LISTENING.exec(output().stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${JSON.stringify(how)}: ${output().stderr}`));
    });
  });
  return {
    child,
    url,
    wsUrl: wsBase(url),
    output,
    exited,
    kill(signal) {
      child.kill(signal);
      return exited;
    },
  };
}

/** Runs the server expecting it to exit by itself (e.g. on a bad config). */
export async function runServerProcess(env: Record<string, string>, timeoutMs = 20_000) {
  const { child, exited, output } = spawnServer(env);
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const how = await exited;
  clearTimeout(timer);
  return { ...how, ...output() };
}

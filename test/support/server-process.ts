import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  readonly child: ChildProcess;
  /** Everything it printed so far, stdout and stderr together. */
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/** `server/main.ts` as `npm start` runs it, with only this environment (plus HOME and PATH). */
export function runServer(env: NodeJS.ProcessEnv): ServerProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', '--import', './server/production.ts', 'server/main.ts'], {
    cwd: ROOT,
    env: { HOME: process.env.HOME, PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** A running server: waits for its "Explorer: …" line and returns its base URL. */
export async function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess & { url: string }> {
  const started = runServer(env);
  const deadline = Date.now() + 150_000;
  while (Date.now() < deadline) {
    const match = /Explorer: (http:\/\/\S+\/)/.exec(started.output());
    if (match?.[1]) return { ...started, url: match[1] };
    if (started.child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  started.child.kill('SIGKILL');
  throw new Error(`server did not start:\n${started.output()}`);
}

/** Whether a process (a server, its JVM) still runs. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

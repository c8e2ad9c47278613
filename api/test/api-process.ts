import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import path from 'node:path';

const root = path.resolve(__dirname, '../..');

/** The environment of a child process a test starts: this one's, with these settings. */
export const childEnv = (settings: Record<string, string>): NodeJS.ProcessEnv => ({ ...process.env, ...settings });

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ApiProcess {
  url: string;
  child: ChildProcess;
  /** Kills the process at once (no shutdown hooks, no open transaction committed) and waits for it to go. */
  kill(): Promise<void>;
  /** Asks it to stop (SIGTERM) and waits. */
  stop(): Promise<void>;
  /** The last few thousand characters it printed, for a failure message. */
  output(): string;
}

const exited = (child: ChildProcess) =>
  new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

/**
 * The API as production runs it (`api/src/main.ts` in its own Node process) over a test database, so a
 * fault test can kill it for real. `jobs` turns its job worker (mail delivery and the other jobs) on.
 */
export async function startApiProcess(opts: {
  databaseUrl: string;
  smtpUrl?: string;
  jobs: boolean;
  env?: Record<string, string>;
}): Promise<ApiProcess> {
  const port = await freePort();
  const generous = '100000/1h';
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'api/src/main.ts'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv({
      NODE_ENV: 'production',
      APP_SECRET: randomBytes(32).toString('hex'),
      DATABASE_URL: opts.databaseUrl,
      SMTP_URL: opts.smtpUrl ?? 'smtp://127.0.0.1:1',
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      WEB_ORIGIN: 'http://127.0.0.1:1',
      COOKIE_SECURE: 'false',
      JOBS_ENABLED: String(opts.jobs),
      RATE_LIMIT_SIGN_IN_PER_IP: generous,
      RATE_LIMIT_BOOKING_PER_PERSON: generous,
      ...opts.env,
    }),
  });
  let recent = '';
  const keep = (d: Buffer) => {
    recent = (recent + String(d)).slice(-6000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`The API stopped while starting:\n${recent}`);
    }
    const up = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) {
      break;
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The API did not start within 120 s:\n${recent}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    child,
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(timer);
    },
    output: () => recent,
  };
}

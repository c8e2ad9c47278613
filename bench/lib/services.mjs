// The bench's processes: everything it starts registers how to stop it, and stopAll stops them in reverse order.
import { randomBytes } from 'node:crypto';
import { freePort } from '../../scripts/lib/postgres.mjs';
import { startService, waitForUrl } from '../../scripts/lib/processes.mjs';

export function services({ log }) {
  const stops = [];
  let stopping = false;
  const stopAll = async () => {
    if (stopping) {
      return;
    }
    stopping = true;
    for (const s of stops.reverse()) {
      await s().catch((e) => console.error(`while stopping: ${e.message}`));
    }
  };
  function stopChild(child) {
    return new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        return resolve();
      }
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5000).unref();
    });
  }

  /** The API as `npm start` runs it (api/src/main.ts), in production mode, on a free port; `env` adds settings (JOBS_WORKERS). */
  async function startApi({ databaseUrl, smtpUrl, webOrigin, jobs, env = {} }) {
    const port = await freePort();
    const generous = '100000/1h';
    // BENCH_CPU_PROFILE=<folder>: each API writes a V8 CPU profile there when it stops (open it in Chrome's DevTools)
    const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
    const service = startService('api', process.execPath, [...profile, '-r', '@swc-node/register', 'api/src/main.ts'], {
      env: {
        NODE_ENV: 'production',
        APP_SECRET: randomBytes(32).toString('hex'),
        DATABASE_URL: databaseUrl,
        SMTP_URL: smtpUrl,
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
        WEB_ORIGIN: webOrigin,
        COOKIE_SECURE: 'false',
        JOBS_ENABLED: String(jobs),
        RATE_LIMIT_SIGN_IN_PER_IP: generous,
        RATE_LIMIT_SIGN_IN_LINK_PER_IP: generous,
        RATE_LIMIT_PASSWORD_RESET_PER_IP: generous,
        RATE_LIMIT_REGISTRATION_PER_IP: generous,
        ...env,
      },
      log,
    });
    const stop = () => stopChild(service.child);
    stops.push(stop);
    const url = `http://127.0.0.1:${port}`;
    await waitForUrl(`${url}/health`, { name: 'the API', service, timeoutMs: 120_000 });
    return { url, pid: service.child.pid, stop, recentOutput: service.recentOutput };
  }

  return { stops, stopAll, stopChild, startApi };
}

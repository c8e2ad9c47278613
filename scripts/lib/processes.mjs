// Small helpers to run the project's own processes from the start and test scripts.
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Runs a command to completion, inheriting output; rejects with a message naming it on failure. */
export function run(command, args, { env = {}, cwd = root, quiet = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: quiet ? 'pipe' : 'inherit' });
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})\n${output}`)),
    );
  });
}

/** Runs a TypeScript entry point of the api with the swc register hook. */
export function runTs(file, args = [], opts = {}) {
  return run(process.execPath, ['-r', '@swc-node/register', file, ...args], opts);
}

/** Starts a long-running child; its output is prefixed with a name, and kept whole in `logFile` when given. */
export function startService(name, command, args, { env = {}, cwd = root, log = true, logFile } = {}) {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const file = logFile ? createWriteStream(logFile, { flags: 'a' }) : null;
  child.on('exit', () => file?.end());
  const prefix = (data) =>
    String(data)
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `[${name}] ${l}`)
      .join('\n');
  let recent = '';
  const onData = (d) => {
    recent = (recent + d).slice(-4000);
    file?.write(d);
    if (log) {
      console.log(prefix(d));
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  return { child, recentOutput: () => recent };
}

/** Waits until a URL answers 2xx, or fails naming the service. */
export async function waitForUrl(url, { name = url, timeoutMs = 60_000, service } = {}) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service?.child.exitCode !== null && service?.child.exitCode !== undefined) {
      throw new Error(`${name} stopped while starting:\n${service.recentOutput()}`);
    }
    try {
      const res = await fetch(url);
      if (res.ok) {
        return;
      }
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${name} did not answer at ${url} within ${timeoutMs / 1000}s${service ? `:\n${service.recentOutput()}` : ''}`);
}

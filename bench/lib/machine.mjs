// The machine the bench ran on, and a process's memory and CPU as Linux reports them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import os from 'node:os';

export function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model?.trim() ?? 'unknown',
    cores: cpus.length,
    ramGiB: (os.totalmem() / 1024 ** 3).toFixed(1),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    load: os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
  };
}

/** VmRSS and VmHWM (peak) of a process, in MiB (NaN when it is gone or not on Linux). */
export function memoryOf(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: Number.NaN, hwm: Number.NaN };
  }
}

/** CPU time (user + system) a process has used so far, in ms. */
export function cpuMsOf(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return (ticks * 1000) / 100;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's resident memory every `everyMs` until stopped; returns the largest seen. */
export function sampleMemory(pid, everyMs = 200) {
  let peak = 0;
  const tick = () => {
    const { rss } = memoryOf(pid);
    if (rss > peak) {
      peak = rss;
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  return {
    stop() {
      clearInterval(timer);
      tick();
      return peak;
    },
  };
}

/** CPU ticks of a process and each of its live children (PostgreSQL's backends under its postmaster), by pid. */
export function cpuTicksOfTree(pid) {
  const ticks = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const f = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ');
      if (Number(entry) === pid || Number(f[1]) === pid) {
        ticks.set(entry, Number(f[11]) + Number(f[12]));
      }
    } catch {
      // gone meanwhile
    }
  }
  return ticks;
}

/**
 * CPU time (ms) the process tree used since `before` (a cpuTicksOfTree), counting the processes alive now:
 * take it before a pool closes its connections, as a backend's time goes with it when it ends.
 */
export function cpuMsOfTreeSince(pid, before) {
  let ticks = 0;
  for (const [p, t] of cpuTicksOfTree(pid)) {
    ticks += t - (before.get(p) ?? 0);
  }
  return (ticks * 1000) / 100;
}

/** The postmaster's process id, from the data folder. */
export function postmasterPid(databaseDir) {
  return Number(readFileSync(path.join(databaseDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

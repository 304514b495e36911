// Memory of a Chromium run as Linux sees it: VmRSS over the process tree of the browser that
// uses a given profile, in total and by process type. Shared by the benchmarks.
import { readdirSync, readFileSync } from 'node:fs';

/** Sum of VmRSS over the Chromium process tree whose browser process uses `profile`. */
export function browserRss(profile) {
  return rssByType(profile).total;
}

/** VmRSS of the process tree by Chromium process type (browser, renderer, gpu-process, utility…). */
export function rssByType(profile) {
  const procs = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const parent = new Map();
  let root = null;
  for (const pid of procs) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      parent.set(pid, stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (cmd.includes(`--user-data-dir=${profile}`) && !cmd.includes('--type=')) root = pid;
    } catch {} // the process ended meanwhile
  }
  const out = { total: 0 };
  for (const pid of procs) {
    let p = pid;
    while (p && p !== root && p !== '1' && p !== '0') p = parent.get(p);
    if (p !== root) continue;
    try {
      const b = 1024 * Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
      const type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 'browser';
      out.total += b;
      out[type] = (out[type] ?? 0) + b;
    } catch {}
  }
  return out;
}

// Samples the summed resident memory of a set of processes (Linux /proc): whole process groups
// (code-server, Chromium) and single processes (the launcher). Reports the peak.
import { readdirSync, readFileSync } from 'node:fs';

export class MemorySampler {
  constructor(intervalMs = 500) {
    this.intervalMs = intervalMs;
    this.groups = new Set();
    this.pids = new Set();
    this.peakBytes = 0;
    this.timer = undefined;
  }

  track(pid, asGroup) {
    if (pid === undefined) return;
    (asGroup ? this.groups : this.pids).add(pid);
  }

  sample() {
    let total = 0;
    let entries;
    try {
      entries = readdirSync('/proc');
    } catch {
      return 0; // not Linux
    }
    for (const entry of entries) {
      if (!/^\d+$/.test(entry)) continue;
      const pid = Number(entry);
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        // pgrp is the 3rd field after the parenthesised command name.
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        const pgrp = Number(fields[2]);
        if (!this.pids.has(pid) && !this.groups.has(pgrp)) continue;
        const status = readFileSync(`/proc/${pid}/status`, 'utf8');
        const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
        if (match) total += Number(match[1]) * 1024;
      } catch {
        /* process ended */
      }
    }
    if (total > this.peakBytes) this.peakBytes = total;
    return total;
  }

  start() {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}

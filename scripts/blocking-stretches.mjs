#!/usr/bin/env node
// node scripts/blocking-stretches.mjs <file.cpuprofile> [--min 30] [--top 8] [--stretches <file.json>]
//
// The longest stretches a V8 CPU profile spent without going idle (what blocks an event loop), each with the functions
// it spent the most time in: self time, and inclusive time of the project's own functions (dist/ bundles). Written to
// read the profiles the integration tests record with ARTICLE_ANNOTATOR_CPU_PROFILE.
//
// A stretch without idle samples can be many short tasks back to back; what blocked a timer is told by the blocking
// probe's own stretches: the scale test writes them beside the profile (<file>.stretches.json, the monotonic time each
// ended at), and then each of those is shown with what the profile ran in that window and its heaviest call stacks.
import fs from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/blocking-stretches.mjs <file.cpuprofile> [--min MS] [--top N]');
  process.exit(2);
}
const option = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const MIN_MS = option('--min', 30);
const TOP = option('--top', 8);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const stretchesAt = process.argv.indexOf('--stretches');
const stretchesFile = stretchesAt > 0 ? process.argv[stretchesAt + 1] : `${file}.stretches.json`;
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
const ours = (n) => /\/dist\//.test(n.callFrame.url);

const stretches = [];
let current;
for (let i = 0; i < profile.samples.length; i++) {
  const node = nodes.get(profile.samples[i]);
  const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  if (node.callFrame.functionName === '(idle)') {
    if (current) stretches.push(current);
    current = undefined;
    continue;
  }
  current ??= { start: i, ms: 0, samples: [] };
  current.ms += dt;
  current.samples.push([node.id, dt]);
}
if (current) stretches.push(current);
stretches.sort((a, b) => b.ms - a.ms);
const total = profile.timeDeltas.reduce((a, b) => a + b, 0) / 1000;
console.log(`${file}: ${(total / 1000).toFixed(1)} s profiled, ${stretches.filter((s) => s.ms >= MIN_MS).length} stretches of ${MIN_MS} ms or more`);
for (const s of stretches.filter((x) => x.ms >= MIN_MS).slice(0, TOP)) {
  const self = new Map();
  const inclusive = new Map();
  for (const [id, dt] of s.samples) {
    const n = nodes.get(id);
    self.set(name(n), (self.get(name(n)) ?? 0) + dt);
    const seen = new Set();
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const pn = nodes.get(p);
      if (!ours(pn)) continue;
      const key = name(pn);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  }
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, ms]) => `      ${ms.toFixed(0).padStart(5)} ms  ${f}`).join('\n');
  console.log(`\n  ${s.ms.toFixed(0)} ms stretch at ${(profile.timeDeltas.slice(0, s.start + 1).reduce((a, b) => a + b, 0) / 1e6).toFixed(1)} s\n    self:\n${top(self, 6)}\n    inclusive (project code):\n${top(inclusive, 12)}`);
}

// ---- the blocking probe's own stretches, when recorded ----
if (fs.existsSync(stretchesFile)) {
  const probed = JSON.parse(fs.readFileSync(stretchesFile, 'utf8')).filter((x) => x.millis >= MIN_MS).slice(0, TOP);
  const times = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    times.push(t);
  }
  console.log(`\n${stretchesFile}: the blocking probe's ${probed.length} longest stretches of ${MIN_MS} ms or more, with what the profile ran then`);
  const stack = (id) => {
    const frames = [];
    for (let p = id; p !== undefined; p = parent.get(p)) {
      const n = nodes.get(p);
      if (n.callFrame.functionName === '(root)') break;
      frames.push(n);
    }
    // the innermost few, then the project's outermost frame (what started the work)
    const outer = frames.filter(ours).pop();
    const inner = frames.slice(0, 4).map(name);
    return outer && !frames.slice(0, 4).includes(outer) ? `${inner.join(' < ')} < … < ${name(outer)}` : inner.join(' < ');
  };
  for (const x of probed) {
    const start = x.endMicros - x.millis * 1000;
    const self = new Map();
    const stacks = new Map();
    let busy = 0;
    let samples = 0;
    let longestGap = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      if (times[i] < start || times[i] > x.endMicros) continue;
      const n = nodes.get(profile.samples[i]);
      const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
      if (n.callFrame.functionName === '(idle)') continue;
      busy += dt;
      samples++;
      longestGap = Math.max(longestGap, dt);
      self.set(name(n), (self.get(name(n)) ?? 0) + dt);
      const s = stack(n.id);
      stacks.set(s, (stacks.get(s) ?? 0) + dt);
    }
    const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([f, ms]) => `      ${ms.toFixed(0).padStart(5)} ms  ${f}`).join('\n');
    // one sample standing for tens of milliseconds: the process was not running (a loaded machine), not working
    console.log(`\n  ${x.millis.toFixed(0)} ms without the probe's timer, ending ${((x.endMicros - profile.startTime) / 1e6).toFixed(1)} s into the profile; ${busy.toFixed(0)} ms of samples not idle (${samples} samples, the longest gap between two ${longestGap.toFixed(0)} ms${longestGap > 20 ? ': the process was descheduled' : ''})\n    self:\n${top(self, 6)}\n    stacks:\n${top(stacks, 8)}`);
  }
}
